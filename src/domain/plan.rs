//! The plan and everything in it, field for field as plan-format-v1 describes.
//!
//! These types only serialise: reading a file goes through `format::import`, which checks
//! every rule and reports each problem with its place, something `Deserialize` cannot do.

use std::sync::Arc;

use chrono::NaiveDate;
use serde::Serialize;

use super::due_history::DueChange;
use super::narrative::{Narrative, RatingScale};
use super::report_log::IssuedReport;
use super::schedule::Schedule;
use super::status::Status;

/// One council's action plan after one peer challenge.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct Plan {
    pub id: String,
    pub council: String,
    pub title: String,
    pub review: Review,
    #[serde(default)]
    pub themes: Vec<Theme>,
    #[serde(default)]
    pub groups: Vec<Group>,
    #[serde(default)]
    pub findings: Vec<String>,
    #[serde(default)]
    pub recommendations: Vec<Recommendation>,
    #[serde(default)]
    pub milestones: Vec<Milestone>,
    #[serde(skip_serializing_if = "String::is_empty")]
    #[serde(default)]
    pub contact_officer: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    #[serde(default)]
    pub portfolio_holder: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    #[serde(default)]
    pub overseen_by: String,
    /// "Key areas of progress", one paragraph each.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    #[serde(default)]
    pub highlights: Vec<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    #[serde(default)]
    pub documents: Vec<Link>,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[serde(default)]
    pub rating_scale: Option<RatingScale>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    #[serde(default)]
    pub schedule: Vec<Schedule>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    #[serde(default)]
    pub reports: Vec<IssuedReport>,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[serde(default)]
    pub closed: Option<Closure>,
    /// A draft not yet approved: every report says "Draft".
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    #[serde(default)]
    pub draft: bool,
    /// Progress reviews and follow-up visits, oldest first.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    #[serde(default)]
    pub later_reviews: Vec<LaterReview>,
}

/// A plan closed: its work completed, or moved into the council's usual performance
/// management. Its figures are as at `date`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct Closure {
    pub date: NaiveDate,
    pub outcome: ClosureOutcome,
    #[serde(default)]
    pub note: String,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum ClosureOutcome {
    Completed,
    BusinessAsUsual,
}

impl ClosureOutcome {
    pub const ALL: [ClosureOutcome; 2] =
        [ClosureOutcome::Completed, ClosureOutcome::BusinessAsUsual];

    pub fn as_str(self) -> &'static str {
        match self {
            ClosureOutcome::Completed => "completed",
            ClosureOutcome::BusinessAsUsual => "business_as_usual",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            ClosureOutcome::Completed => "Completed",
            ClosureOutcome::BusinessAsUsual => "Moved into business as usual",
        }
    }

    pub fn parse(value: &str) -> Option<ClosureOutcome> {
        ClosureOutcome::ALL
            .into_iter()
            .find(|o| o.as_str() == value)
    }
}

/// The peer challenge (or review) that the plan answers.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
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
    #[serde(default)]
    pub peer_team: Vec<PeerTeamMember>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub engagement: Option<Engagement>,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[serde(default)]
    pub format: Option<VisitFormat>,
    /// How long the visit was, as the council says it: "half a day".
    #[serde(skip_serializing_if = "String::is_empty")]
    #[serde(default)]
    pub duration: String,
    /// The peer team's published report.
    #[serde(skip_serializing_if = "String::is_empty")]
    #[serde(default)]
    pub report_url: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[serde(default)]
    pub report_published: Option<NaiveDate>,
    #[serde(skip_serializing_if = "String::is_empty")]
    #[serde(default)]
    pub feedback: String,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    #[serde(default)]
    pub challenges: Vec<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    #[serde(default)]
    pub next_steps: Vec<String>,
}

/// Whether the peers visited in person or met online.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum VisitFormat {
    OnSite,
    Virtual,
}

impl VisitFormat {
    pub const ALL: [VisitFormat; 2] = [VisitFormat::OnSite, VisitFormat::Virtual];

    pub fn as_str(self) -> &'static str {
        match self {
            VisitFormat::OnSite => "on_site",
            VisitFormat::Virtual => "virtual",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            VisitFormat::OnSite => "On site",
            VisitFormat::Virtual => "Virtual",
        }
    }

    pub fn parse(value: &str) -> Option<VisitFormat> {
        VisitFormat::ALL.into_iter().find(|f| f.as_str() == value)
    }
}

/// A progress review or follow-up visit after the challenge.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct LaterReview {
    pub id: String,
    #[serde(flatten)]
    pub review: Review,
}

/// What a later review suggested under a recommendation, numbered as the LGA does ("1.1").
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct Suggestion {
    pub id: String,
    pub number: String,
    pub text: String,
    /// The later review that made it.
    #[serde(default)]
    pub review: Option<String>,
    /// Noted by the council, with no actions.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    #[serde(default)]
    pub noted: bool,
}

/// What kind of LGA review produced the recommendations.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum ReviewKind {
    #[default]
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
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct PlanApproval {
    pub date: NaiveDate,
    #[serde(default)]
    pub by: String,
}

/// One member of the peer team; role and organisation may be empty.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct PeerTeamMember {
    pub name: String,
    #[serde(default)]
    pub role: String,
    #[serde(default)]
    pub organisation: String,
}

/// How many people, meetings and hours the peer team's report says it drew on. Reports
/// often say it in words ("more than 230"): the words are kept as stated, beside the
/// number they contain.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct Engagement {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub people: Option<u64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub meetings: Option<u64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub hours: Option<u64>,
    /// The people figure as the report states it, when in words: "more than 230".
    #[serde(skip_serializing_if = "String::is_empty")]
    #[serde(default)]
    pub people_stated: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    #[serde(default)]
    pub meetings_stated: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    #[serde(default)]
    pub hours_stated: String,
}

/// One engagement figure as typed: a bare whole number ("230") is the number alone;
/// anything else is kept as stated, with the first number in it ("more than 230" is 230,
/// "1,200" is 1200 and stays written "1,200"). What was typed is always what reads back.
pub fn read_figure(text: &str) -> (Option<u64>, String) {
    let text = text.trim();
    if let Ok(n) = text.parse::<u64>() {
        if n.to_string() == text {
            return (Some(n), String::new());
        }
    }
    let digits: String = text
        .chars()
        .skip_while(|c| !c.is_ascii_digit())
        .take_while(|c| c.is_ascii_digit() || *c == ',')
        .filter(char::is_ascii_digit)
        .collect();
    (digits.parse().ok(), text.to_string())
}

/// A figure as a person reads it: the words as stated, else the number.
pub fn figure_text(number: Option<u64>, stated: &str) -> Option<String> {
    if stated.trim().is_empty() {
        number.map(|n| n.to_string())
    } else {
        Some(stated.trim().to_string())
    }
}

/// A theme in the scope of the challenge: one of the core five, or one the council asked for.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct Theme {
    pub id: String,
    pub title: String,
    #[serde(default)]
    pub question: String,
    pub kind: ThemeKind,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
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
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct Group {
    pub id: String,
    pub name: String,
}

/// One of the peer team's numbered recommendations and the council's actions under it.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct Recommendation {
    pub id: String,
    pub number: String,
    /// The peer team's own words; never reworded.
    pub title: String,
    #[serde(default)]
    pub context: String,
    #[serde(default)]
    pub response: Response,
    #[serde(skip_serializing_if = "String::is_empty")]
    #[serde(default)]
    pub response_reason: String,
    #[serde(default)]
    pub themes: Vec<String>,
    #[serde(default)]
    pub group: Option<String>,
    #[serde(default)]
    // Shared (not a doc comment, which would go into the schema): a changed plan copies
    // only the actions that changed, so undo keeps every step of a big plan cheaply.
    pub actions: Vec<Arc<Action>>,
    /// Oldest first.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    #[serde(default)]
    pub narrative: Vec<Narrative>,
    /// "What difference has it made", for the position statement.
    #[serde(skip_serializing_if = "String::is_empty")]
    #[serde(default)]
    pub impact: String,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    #[serde(default)]
    pub suggestions: Vec<Suggestion>,
}

/// Whether the council accepted the recommendation; `accepted` when a file does not say.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Response {
    #[default]
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
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct Action {
    pub id: String,
    pub text: String,
    /// As the council wrote it: "December 2019", "On-going".
    #[serde(default)]
    pub timescale: String,
    /// The date the action is measured against.
    #[serde(default)]
    pub due: Option<NaiveDate>,
    #[serde(default)]
    pub leads: Vec<String>,
    pub status: Status,
    /// Oldest first.
    #[serde(default)]
    pub updates: Vec<Update>,
    #[serde(default)]
    pub links: Vec<Link>,
    /// The day the action was added; none for the actions a plan started with.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[serde(default)]
    pub added: Option<NaiveDate>,
    /// Each move of the due date, oldest first.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    #[serde(default)]
    pub due_history: Vec<DueChange>,
    /// The suggestion of its recommendation that the action follows from.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[serde(default)]
    pub suggestion: Option<String>,
}

impl Recommendation {
    /// What the council said about the recommendation as at `day`.
    pub fn narrative_at(&self, day: NaiveDate) -> Option<&Narrative> {
        super::narrative::narrative_at(&self.narrative, day)
    }
}

impl Action {
    /// Whether the action was in the plan on `day`: always, unless it was added after.
    pub fn existed_on(&self, day: NaiveDate) -> bool {
        self.added.is_none_or(|added| added <= day)
    }

    /// The due date in force on `day` (see `due_history`).
    pub fn due_on(&self, day: NaiveDate) -> Option<NaiveDate> {
        super::due_history::due_on(self.due, &self.due_history, day)
    }

    /// The date the `index`th move of the due date moved to.
    pub fn moved_to(&self, index: usize) -> Option<NaiveDate> {
        super::due_history::moved_to(self.due, &self.due_history, index)
    }

    /// "Originally March 2020, now June 2020 (moved 3 times)" as at `day`, when it had
    /// moved by then.
    pub fn slipped(&self, day: NaiveDate) -> Option<String> {
        super::due_history::slipped(self.due, &self.due_history, day)
    }
}

/// A dated note of progress: on `date` the action stood at `status`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct Update {
    pub id: String,
    pub date: NaiveDate,
    pub status: Status,
    #[serde(default)]
    pub note: String,
    #[serde(default)]
    pub author: String,
}

/// Evidence for an action: a committee paper, a published strategy.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct Link {
    #[serde(default)]
    pub title: String,
    pub url: String,
}

/// A date the process sets or the council reports at.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct Milestone {
    pub id: String,
    pub title: String,
    pub due: NaiveDate,
    #[serde(default)]
    pub done: Option<NaiveDate>,
    #[serde(default)]
    pub note: String,
}

impl Plan {
    /// Every action with the recommendation it sits under, in plan order.
    pub fn actions(&self) -> impl Iterator<Item = (&Recommendation, &Action)> {
        self.recommendations
            .iter()
            .flat_map(|r| r.actions.iter().map(move |a| (r, a.as_ref())))
    }

    /// An action's number as plans write it: "2.1", its recommendation's number and its
    /// place under it.
    pub fn action_number(&self, id: &str) -> Option<String> {
        self.recommendations.iter().find_map(|r| {
            let at = r.actions.iter().position(|a| a.id == id)?;
            Some(format!("{}.{}", r.number, at + 1))
        })
    }

    pub fn recommendation(&self, id: &str) -> Option<&Recommendation> {
        self.recommendations.iter().find(|r| r.id == id)
    }

    pub fn action(&self, id: &str) -> Option<(&Recommendation, &Action)> {
        self.actions().find(|(_, a)| a.id == id)
    }

    /// Every lead the plan names, once each whatever its case (as first written), in
    /// alphabetical order ignoring case.
    pub fn leads(&self) -> Vec<String> {
        // One entry a lead whatever its case ("CLT" and "clt" lead the same actions), as
        // first written in the plan.
        let mut leads = std::collections::BTreeMap::new();
        for lead in self
            .actions()
            .flat_map(|(_, a)| a.leads.iter())
            .map(|l| l.trim())
            .filter(|l| !l.is_empty())
        {
            leads
                .entry(lead.to_lowercase())
                .or_insert_with(|| lead.to_string());
        }
        leads.into_values().collect()
    }

    /// The newest report recorded for `committee` (any committee when empty) as at a day
    /// before `before`, by that day and then the day it was recorded.
    pub fn last_report(&self, committee: &str, before: NaiveDate) -> Option<&IssuedReport> {
        let committee = committee.trim();
        self.reports
            .iter()
            .filter(|r| r.as_at < before)
            .filter(|r| committee.is_empty() || r.committee.trim().eq_ignore_ascii_case(committee))
            .max_by_key(|r| (r.as_at, r.issued))
    }

    /// The plan as it stood on `day`: without the actions added after it, so figures and
    /// reports as at a past day are not changed by what was added since. Borrowed when
    /// nothing was.
    pub fn as_it_stood(&self, day: NaiveDate) -> std::borrow::Cow<'_, Plan> {
        if self.actions().all(|(_, a)| a.existed_on(day)) {
            return std::borrow::Cow::Borrowed(self);
        }
        let mut stood = self.clone();
        for rec in &mut stood.recommendations {
            rec.actions.retain(|a| a.existed_on(day));
        }
        std::borrow::Cow::Owned(stood)
    }

    /// Whether the plan is still a draft, not yet approved: its reports say "Draft".
    pub fn is_draft(&self) -> bool {
        self.draft && self.review.plan_approved.is_none()
    }

    /// The day the plan's figures are as at when `day` is asked for: a closed plan stands
    /// as it was on the day it closed.
    pub fn as_at(&self, day: NaiveDate) -> NaiveDate {
        match &self.closed {
            Some(closure) if closure.date < day => closure.date,
            _ => day,
        }
    }

    pub fn theme(&self, id: &str) -> Option<&Theme> {
        self.themes.iter().find(|t| t.id == id)
    }

    pub fn group(&self, id: &str) -> Option<&Group> {
        self.groups.iter().find(|g| g.id == id)
    }
}
