//! What the committee reports hold, row by row: the action plan annex, the progress report
//! and the exceptions report. The pages only lay these out.

use crate::domain::dates::iso;
use chrono::NaiveDate;

use super::dates::format_long;
use super::figures::StatusCounts;
use super::filter::Filter;
use super::plan::{Action, Plan, Recommendation};
use super::progress::{dashboard, days_late, status_at, timeline, Dashboard, NotAccepted};
use super::report_log::{ActionFigure, Figures};
use super::status::Status;

/// What every report says at its top, on screen, on each printed page and in Word, while
/// the plan has no approval recorded.
pub const DRAFT: &str = "Draft: not yet approved";

/// [`DRAFT`] for a plan that is a draft ([`Plan::is_draft`]); none once it is approved.
pub fn draft_marker(plan: &Plan) -> Option<&'static str> {
    plan.is_draft().then_some(DRAFT)
}

/// The options every report takes from its address.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ReportOptions {
    /// The day the report is "as at"; the caller supplies today when the address has none.
    pub as_at: Option<NaiveDate>,
    pub committee: String,
    pub meeting: Option<NaiveDate>,
    /// The report's "since" section starts after this day; the caller supplies the last
    /// report recorded for the committee when the address has none.
    pub since: Option<NaiveDate>,
    /// Whether completed actions are listed (they always count in the figures).
    pub include_completed: bool,
    /// Only the recommendations filed under these themes or groups, and only the actions
    /// these leads lead.
    pub filter: Filter,
    /// What the address asked for that could not be used, in words to show the officer.
    pub refused: Vec<String>,
}

impl ReportOptions {
    /// Reads `as_at`, `committee`, `meeting`, `completed=no`, `theme`, `group` and `lead`.
    pub fn from_pairs<'a>(
        pairs: impl IntoIterator<Item = (&'a str, &'a str)> + Clone,
    ) -> ReportOptions {
        let mut options = ReportOptions {
            include_completed: true,
            ..ReportOptions::default()
        };
        for (key, value) in pairs.clone() {
            match key {
                "as_at" => match super::dates::date_from_address(value) {
                    Ok(date) => options.as_at = Some(date),
                    Err(why) => options.refused.push(format!("The “as at” date: {why}.")),
                },
                "committee" => options.committee = value.trim().chars().take(200).collect(),
                "meeting" => match super::dates::date_from_address(value) {
                    Ok(date) => options.meeting = Some(date),
                    Err(why) => options.refused.push(format!("The meeting date: {why}.")),
                },
                "completed" => options.include_completed = value != "no",
                "since" => match super::dates::date_from_address(value) {
                    Ok(date) => options.since = Some(date),
                    Err(why) => options.refused.push(format!("The “since” date: {why}.")),
                },
                _ => {}
            }
        }
        let chosen = Filter::from_pairs(pairs);
        options.filter = Filter {
            themes: chosen.themes,
            groups: chosen.groups,
            leads: chosen.leads,
            ..Filter::default()
        };
        options
    }

    /// The options as query pairs, so the report is a link.
    pub fn pairs(&self) -> Vec<(String, String)> {
        let mut pairs = Vec::new();
        if let Some(d) = self.as_at {
            pairs.push(("as_at".to_string(), iso(d)));
        }
        if !self.committee.is_empty() {
            pairs.push(("committee".to_string(), self.committee.clone()));
        }
        if let Some(d) = self.meeting {
            pairs.push(("meeting".to_string(), iso(d)));
        }
        if !self.include_completed {
            pairs.push(("completed".to_string(), "no".to_string()));
        }
        if let Some(d) = self.since {
            pairs.push(("since".to_string(), iso(d)));
        }
        pairs.extend(self.filter.pairs());
        pairs
    }

    /// The recommendations the report covers.
    pub fn recommendations<'a>(
        &'a self,
        plan: &'a Plan,
    ) -> impl Iterator<Item = &'a Recommendation> + 'a {
        plan.recommendations.iter().filter(move |r| {
            (self.filter.leads.is_empty() || r.actions.iter().any(|a| self.led(a)))
                && (self.filter.themes.is_empty()
                    || self.filter.themes.iter().any(|t| r.themes.contains(t)))
                && (self.filter.groups.is_empty()
                    || self.filter.groups.iter().any(|g| {
                        r.group.as_deref() == Some(g.as_str()) || (g == "none" && r.group.is_none())
                    }))
        })
    }

    /// Whether an action is led by one of the leads the report is for (any, when none).
    pub fn led(&self, action: &Action) -> bool {
        self.filter.leads.is_empty()
            || self
                .filter
                .leads
                .iter()
                .any(|l| super::leads::leads_action(action, l))
    }

    /// Whether an action is listed, as at `as_at`.
    pub fn lists(&self, action: &Action, as_at: NaiveDate) -> bool {
        self.led(action)
            && (self.include_completed || status_at(action, as_at) != Status::Completed)
    }
}

/// One row of the action plan annex. The first row of a recommendation carries its number
/// and words, spanning all of its rows, as councils lay the table out.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AnnexRow {
    /// The recommendation, on its first row only, with how many rows it spans.
    pub recommendation: Option<(Recommendation, usize)>,
    /// The action; none for a recommendation with no actions listed.
    pub action: Option<Action>,
    pub status: Option<Status>,
}

/// The annex table's rows as at `as_at`.
pub fn annex_rows(plan: &Plan, options: &ReportOptions, as_at: NaiveDate) -> Vec<AnnexRow> {
    let mut rows = Vec::new();
    for rec in options.recommendations(plan) {
        let actions: Vec<&Action> = rec
            .actions
            .iter()
            .map(AsRef::as_ref)
            .filter(|a| options.lists(a, as_at))
            .collect();
        let mut header = rec.clone();
        header.actions.clear();
        if actions.is_empty() {
            rows.push(AnnexRow {
                recommendation: Some((header, 1)),
                action: None,
                status: None,
            });
            continue;
        }
        let span = actions.len();
        for (i, action) in actions.into_iter().enumerate() {
            rows.push(AnnexRow {
                recommendation: (i == 0).then(|| (header.clone(), span)),
                action: Some(action.clone()),
                status: Some(status_at(action, as_at)),
            });
        }
    }
    rows
}

/// An action as the progress and exceptions reports list it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ReportAction {
    pub id: String,
    pub text: String,
    pub leads: Vec<String>,
    pub due: Option<NaiveDate>,
    pub status: Status,
    pub days_late: Option<i64>,
    /// "Originally March 2020, now June 2020 (moved twice)", when the date had moved.
    pub slipped: Option<String>,
    /// The newest update on or before the as-at date: its date and note.
    pub latest: Option<(NaiveDate, String)>,
}

impl ReportAction {
    /// The due date in words, or "No date".
    pub fn due_words(&self) -> String {
        self.due
            .map(format_long)
            .unwrap_or_else(|| "No date".to_string())
    }

    /// "Overdue by 127 days" for an overdue action.
    pub fn overdue_words(&self) -> Option<String> {
        self.days_late.map(overdue_words)
    }

    /// The latest update as "4 September 2019: its note", or "None yet".
    pub fn latest_words(&self) -> String {
        match &self.latest {
            Some((date, note)) => format!("{}: {note}", format_long(*date)),
            None => "None yet".to_string(),
        }
    }
}

/// How late an action is, in words: "Overdue by 1 day", "Overdue by 127 days".
pub fn overdue_words(days: i64) -> String {
    if days == 1 {
        "Overdue by 1 day".to_string()
    } else {
        format!("Overdue by {days} days")
    }
}

fn report_action(action: &Action, as_at: NaiveDate) -> ReportAction {
    ReportAction {
        id: action.id.clone(),
        text: action.text.clone(),
        leads: action.leads.clone(),
        due: action.due_on(as_at),
        slipped: action.slipped(as_at),
        status: status_at(action, as_at),
        days_late: days_late(action, as_at),
        latest: action
            .updates
            .iter()
            .filter(|u| u.date <= as_at)
            .max_by_key(|u| u.date)
            .map(|u| (u.date, u.note.clone())),
    }
}

/// A recommendation with the actions a report lists under it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ReportSection {
    pub id: String,
    pub number: String,
    pub title: String,
    pub context: String,
    pub actions: Vec<ReportAction>,
}

/// Each recommendation with its listed actions, for the progress report.
pub fn progress_sections(
    plan: &Plan,
    options: &ReportOptions,
    as_at: NaiveDate,
) -> Vec<ReportSection> {
    options
        .recommendations(plan)
        .map(|rec| ReportSection {
            id: rec.id.clone(),
            number: rec.number.clone(),
            title: rec.title.clone(),
            context: rec.context.clone(),
            actions: rec
                .actions
                .iter()
                .filter(|a| options.lists(a, as_at))
                .map(|a| report_action(a, as_at))
                .collect(),
        })
        .collect()
}

/// What needs a committee's attention as at `as_at`: overdue, at risk and off track actions,
/// under their recommendations; recommendations with none are left out.
pub fn exception_sections(
    plan: &Plan,
    options: &ReportOptions,
    as_at: NaiveDate,
) -> Vec<ReportSection> {
    options
        .recommendations(plan)
        .filter_map(|rec| {
            let actions: Vec<ReportAction> = rec
                .actions
                .iter()
                .filter(|a| options.led(a))
                .map(|a| report_action(a, as_at))
                .filter(|a| {
                    a.days_late.is_some() || matches!(a.status, Status::AtRisk | Status::OffTrack)
                })
                .collect();
            (!actions.is_empty()).then(|| ReportSection {
                id: rec.id.clone(),
                number: rec.number.clone(),
                title: rec.title.clone(),
                context: rec.context.clone(),
                actions,
            })
        })
        .collect()
}

/// The plan with only the recommendations the report covers, for its figures.
pub fn covered(plan: &Plan, options: &ReportOptions) -> Plan {
    let mut covered = plan.clone();
    let keep: Vec<String> = options
        .recommendations(plan)
        .map(|r| r.id.clone())
        .collect();
    covered.recommendations.retain(|r| keep.contains(&r.id));
    for rec in &mut covered.recommendations {
        rec.actions.retain(|a| options.led(a));
    }
    covered
}

/// The figures a report with these options reports as at `as_at`: every action of the
/// recommendations it covers, led by the leads it is for (listed or not: completed
/// actions count even when a report leaves them out).
pub fn figures(plan: &Plan, options: &ReportOptions, as_at: NaiveDate) -> Figures {
    let mut figures = Figures::default();
    for rec in options.recommendations(plan) {
        for action in rec.actions.iter().filter(|a| options.led(a)) {
            let status = status_at(action, as_at);
            *figures.counts.entry(status).or_default() += 1;
            if days_late(action, as_at).is_some() {
                figures.overdue += 1;
            }
            figures.actions.push(ActionFigure {
                action: action.id.clone(),
                status,
                due: action.due_on(as_at),
            });
        }
    }
    figures
}

/// The words of the progress report that are not figures, so that the page and the Word
/// file say the same.
pub mod words {
    pub const SUMMARY: &str = "Summary";
    pub const STATUS_COLUMNS: [&str; 3] = ["Status", "Actions", "Share"];
    pub const ACTIONS_PART: &str = "Recommendations and actions";
    pub const ACTION_COLUMNS: [&str; 5] = ["Action", "Lead", "Due", "Status", "Latest update"];
    pub const NO_ACTIONS: &str = "No actions listed.";
    pub const MILESTONES_PART: &str = "Milestones and the LGA process";
    pub const MILESTONE_COLUMNS: [&str; 3] = ["Date", "Milestone", "Where it stands"];
    pub const NO_MILESTONES: &str = "No milestones have been set.";
    pub const NOT_ACCEPTED_PART: &str = "Recommendations not accepted";
    pub const ALL_ACCEPTED: &str = "The council accepted every recommendation.";
}

/// One row of the table of actions by status: a status with actions, or the total.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StatusRow {
    /// The status; none for the row of all actions.
    pub status: Option<Status>,
    pub label: &'static str,
    pub actions: usize,
    /// The share in words: "13%".
    pub share: String,
}

/// The table of actions by status: each status with actions, in `Status::STACKED` order,
/// with its share (the shares add up to 100%), then "All actions" (100%, or 0% of none).
/// Overdue actions are not a row: they are counted under their status already, and said
/// apart ([`Dashboard::overdue_sentence`]).
pub fn status_rows(counts: &StatusCounts) -> Vec<StatusRow> {
    let total = counts.total();
    counts
        .stacked()
        .filter(|(_, n)| *n > 0)
        .map(|(status, n)| StatusRow {
            status: Some(status),
            label: status.label(),
            actions: n,
            share: format!("{}%", counts.share(status)),
        })
        .chain(std::iter::once(StatusRow {
            status: None,
            label: "All actions",
            actions: total,
            share: if total == 0 { "0%" } else { "100%" }.to_string(),
        }))
        .collect()
}

/// A recommendation not accepted in full, as the report says it after its number and
/// title: "Partially accepted: the reason".
pub fn not_accepted_answer(n: &NotAccepted) -> String {
    format!("{}: {}", n.response.label(), n.reason)
}

/// Everything the progress report shows, worked out once for the page and the Word file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ProgressReport {
    /// The figures for the recommendations and actions the report covers.
    pub board: Dashboard,
    pub status_rows: Vec<StatusRow>,
    pub sections: Vec<ReportSection>,
    /// The plan's milestones and the LGA process dates: (date, what, where it stands).
    pub milestones: Vec<(NaiveDate, String, &'static str)>,
}

impl ProgressReport {
    /// The recommendations the council did not accept in full (of those covered).
    pub fn not_accepted(&self) -> &[NotAccepted] {
        &self.board.not_accepted
    }
}

/// The progress report on `plan` as at `as_at`, with the report's options.
pub fn progress_report(plan: &Plan, options: &ReportOptions, as_at: NaiveDate) -> ProgressReport {
    let board = dashboard(&covered(plan, options), as_at);
    ProgressReport {
        status_rows: status_rows(&board.counts),
        sections: progress_sections(plan, options, as_at),
        milestones: timeline(plan, as_at),
        board,
    }
}
