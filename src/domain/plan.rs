//! The plan and everything in it, field for field as plan-format-v1 describes.
//!
//! These types only serialise: reading a file goes through `format::import`, which checks
//! every rule and reports each problem with its place, something `Deserialize` cannot do.

use chrono::NaiveDate;
use serde::Serialize;

use super::status::Status;

/// One council's action plan after one peer challenge.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Plan {
    pub id: String,
    pub council: String,
    pub title: String,
    pub review: Review,
    pub themes: Vec<Theme>,
    pub groups: Vec<Group>,
    pub findings: Vec<String>,
    pub recommendations: Vec<Recommendation>,
    pub milestones: Vec<Milestone>,
}

/// The peer challenge (or review) that the plan answers.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Review {
    pub kind: ReviewKind,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub onsite_from: Option<NaiveDate>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub onsite_to: Option<NaiveDate>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub report_received: Option<NaiveDate>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub plan_approved: Option<PlanApproval>,
    pub peer_team: Vec<PeerTeamMember>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub engagement: Option<Engagement>,
}

/// What kind of LGA review produced the recommendations.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ReviewKind {
    CorporatePeerChallenge,
    ProgressReview,
    FollowUpVisit,
    FinancePeerReview,
    Other,
}

impl ReviewKind {
    pub const ALL: [ReviewKind; 5] = [
        ReviewKind::CorporatePeerChallenge,
        ReviewKind::ProgressReview,
        ReviewKind::FollowUpVisit,
        ReviewKind::FinancePeerReview,
        ReviewKind::Other,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            ReviewKind::CorporatePeerChallenge => "corporate_peer_challenge",
            ReviewKind::ProgressReview => "progress_review",
            ReviewKind::FollowUpVisit => "follow_up_visit",
            ReviewKind::FinancePeerReview => "finance_peer_review",
            ReviewKind::Other => "other",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            ReviewKind::CorporatePeerChallenge => "Corporate peer challenge",
            ReviewKind::ProgressReview => "Progress review",
            ReviewKind::FollowUpVisit => "Follow-up visit",
            ReviewKind::FinancePeerReview => "Finance peer review",
            ReviewKind::Other => "Other review",
        }
    }

    pub fn parse(value: &str) -> Option<ReviewKind> {
        ReviewKind::ALL.into_iter().find(|k| k.as_str() == value)
    }
}

/// When the plan was approved, and by which body ("Cabinet").
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct PlanApproval {
    pub date: NaiveDate,
    pub by: String,
}

/// One member of the peer team; role and organisation may be empty.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct PeerTeamMember {
    pub name: String,
    pub role: String,
    pub organisation: String,
}

/// How many people, meetings and hours the peer team's report says it drew on.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Engagement {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub people: Option<u64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub meetings: Option<u64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub hours: Option<u64>,
}

/// A theme in the scope of the challenge: one of the core five, or one the council asked for.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Theme {
    pub id: String,
    pub title: String,
    pub question: String,
    pub kind: ThemeKind,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ThemeKind {
    Core,
    Additional,
}

impl ThemeKind {
    pub fn label(self) -> &'static str {
        match self {
            ThemeKind::Core => "Core theme",
            ThemeKind::Additional => "Additional area",
        }
    }
}

/// The council's own grouping of recommendations (a steering group, a directorate).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Group {
    pub id: String,
    pub name: String,
}

/// One of the peer team's numbered recommendations and the council's actions under it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Recommendation {
    pub id: String,
    pub number: String,
    /// The peer team's own words; never reworded.
    pub title: String,
    pub context: String,
    pub response: Response,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub response_reason: String,
    pub themes: Vec<String>,
    pub group: Option<String>,
    pub actions: Vec<Action>,
}

/// Whether the council accepted the recommendation.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Response {
    Accepted,
    PartlyAccepted,
    NotAccepted,
}

impl Response {
    pub const ALL: [Response; 3] = [
        Response::Accepted,
        Response::PartlyAccepted,
        Response::NotAccepted,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Response::Accepted => "accepted",
            Response::PartlyAccepted => "partly_accepted",
            Response::NotAccepted => "not_accepted",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Response::Accepted => "Accepted",
            Response::PartlyAccepted => "Partly accepted",
            Response::NotAccepted => "Not accepted",
        }
    }

    pub fn parse(value: &str) -> Option<Response> {
        Response::ALL.into_iter().find(|r| r.as_str() == value)
    }
}

/// One thing the council said it would do.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Action {
    pub id: String,
    pub text: String,
    /// As the council wrote it: "December 2019", "On-going".
    pub timescale: String,
    /// The date the action is measured against.
    pub due: Option<NaiveDate>,
    pub leads: Vec<String>,
    pub status: Status,
    /// Oldest first.
    pub updates: Vec<Update>,
    pub links: Vec<Link>,
}

/// A dated note of progress: on `date` the action stood at `status`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Update {
    pub id: String,
    pub date: NaiveDate,
    pub status: Status,
    pub note: String,
    pub author: String,
}

/// Evidence for an action: a committee paper, a published strategy.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Link {
    pub title: String,
    pub url: String,
}

/// A date the process sets or the council reports at.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Milestone {
    pub id: String,
    pub title: String,
    pub due: NaiveDate,
    pub done: Option<NaiveDate>,
    pub note: String,
}

impl Plan {
    /// Every action with the recommendation it sits under, in plan order.
    pub fn actions(&self) -> impl Iterator<Item = (&Recommendation, &Action)> {
        self.recommendations
            .iter()
            .flat_map(|r| r.actions.iter().map(move |a| (r, a)))
    }

    pub fn recommendation(&self, id: &str) -> Option<&Recommendation> {
        self.recommendations.iter().find(|r| r.id == id)
    }

    pub fn action(&self, id: &str) -> Option<(&Recommendation, &Action)> {
        self.actions().find(|(_, a)| a.id == id)
    }

    pub fn theme(&self, id: &str) -> Option<&Theme> {
        self.themes.iter().find(|t| t.id == id)
    }

    pub fn group(&self, id: &str) -> Option<&Group> {
        self.groups.iter().find(|g| g.id == id)
    }
}
