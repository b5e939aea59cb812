//! What a new plan starts from: the LGA's core themes, and the dates the peer challenge
//! process sets once the peer team has been on site.

use chrono::{Months, NaiveDate};

use super::plan::{Plan, Review, ReviewKind, Theme, ThemeKind};

/// Which core themes a new plan starts with.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ThemeSet {
    /// The five elements of the peer challenge framework used from 2024.
    Core2024,
    /// The five core components used in the earlier challenges (as in the seeds).
    CoreEarlier,
    /// No themes: the officer adds them.
    Blank,
}

impl ThemeSet {
    pub const ALL: [ThemeSet; 3] = [ThemeSet::Core2024, ThemeSet::CoreEarlier, ThemeSet::Blank];

    pub fn as_str(self) -> &'static str {
        match self {
            ThemeSet::Core2024 => "core-2024",
            ThemeSet::CoreEarlier => "core-earlier",
            ThemeSet::Blank => "blank",
        }
    }

    pub fn parse(value: &str) -> Option<ThemeSet> {
        ThemeSet::ALL.into_iter().find(|s| s.as_str() == value)
    }

    pub fn label(self) -> &'static str {
        match self {
            ThemeSet::Core2024 => "The five core themes used from 2024",
            ThemeSet::CoreEarlier => "The five core components used before 2024",
            ThemeSet::Blank => "No themes: I will add my own",
        }
    }

    /// Each theme's id, title and question.
    pub fn themes(self) -> Vec<Theme> {
        let list: &[(&str, &str, &str)] = match self {
            ThemeSet::Core2024 => &[
                ("core-priorities", "Local priorities and outcomes", "Are the council's priorities clear and informed by the local context? Is the council delivering effectively on its priorities and achieving improved outcomes for all its communities?"),
                ("core-leadership", "Organisational and place leadership", "Does the council provide effective local leadership? Are there good relationships with partner organisations and local communities?"),
                ("core-governance", "Governance and culture", "Are there clear and robust governance arrangements? Is there a culture of challenge and scrutiny?"),
                ("core-finance", "Financial planning and management", "Does the council have a grip on its current financial position? Does the council have a strategy and a plan to address its financial challenges?"),
                ("core-capacity", "Capacity for improvement", "Is the organisation able to support delivery of local priorities? Does the council have the capacity to improve?"),
            ],
            ThemeSet::CoreEarlier => &[
                ("core-place", "Understanding of the local place and priority setting", "Does the council understand its local context and place and use that to inform a clear vision and set of priorities?"),
                ("core-leadership", "Leadership of place", "Does the council provide effective leadership of place through its elected members, officers and constructive relationships and partnerships with external stakeholders?"),
                ("core-governance", "Organisational leadership and governance", "Is there effective political and managerial leadership supported by good governance and decision-making arrangements that respond to key challenges and enable change and transformation to be implemented?"),
                ("core-finance", "Financial planning and viability", "Does the council have a financial plan in place to ensure long term viability and is there evidence that it is being implemented successfully?"),
                ("core-capacity", "Capacity to deliver", "Is organisational capacity aligned with priorities and does the council influence, enable and leverage external capacity to focus on agreed outcomes?"),
            ],
            ThemeSet::Blank => &[],
        };
        list.iter()
            .map(|(id, title, question)| Theme {
                id: id.to_string(),
                title: title.to_string(),
                question: question.to_string(),
                kind: ThemeKind::Core,
            })
            .collect()
    }
}

/// A new, empty plan for a council.
pub fn new_plan(
    id: String,
    council: String,
    title: String,
    kind: ReviewKind,
    themes: ThemeSet,
) -> Plan {
    Plan {
        id,
        council,
        title,
        review: Review {
            kind,
            onsite_from: None,
            onsite_to: None,
            report_received: None,
            plan_approved: None,
            peer_team: Vec::new(),
            engagement: None,
            ..Review::default()
        },
        themes: themes.themes(),
        groups: Vec::new(),
        findings: Vec::new(),
        recommendations: Vec::new(),
        milestones: Vec::new(),
        draft: true,
        ..Plan::default()
    }
}

/// A step of the LGA process, due a set time after the peer team's visit.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ProcessDate {
    pub title: &'static str,
    pub due: NaiveDate,
    pub note: &'static str,
}

/// The dates the process sets, counted from the peer team's last day on site: the report
/// and action plan published within 3 months, the progress review about 10 months on, its
/// report within 12 months, and the next peer challenge within 5 years. A day the later
/// month lacks becomes its last day: three months on from 30 November is 28 or 29 February.
pub fn lga_timeline(onsite_end: NaiveDate) -> Vec<ProcessDate> {
    let after = |months: u32| onsite_end.checked_add_months(Months::new(months));
    [
        (
            3,
            "Report and action plan published",
            "Within 3 months of the peer challenge",
        ),
        (
            10,
            "Progress review",
            "About 10 months after the peer challenge",
        ),
        (
            12,
            "Progress review report published",
            "Within 12 months of the peer challenge",
        ),
        (
            60,
            "Next corporate peer challenge",
            "Within 5 years of this one",
        ),
    ]
    .into_iter()
    .filter_map(|(months, title, note)| after(months).map(|due| ProcessDate { title, due, note }))
    .collect()
}
