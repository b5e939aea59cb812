//! What the committee reports hold, row by row: the action plan annex, the progress report
//! and the exceptions report. The pages only lay these out.

use chrono::NaiveDate;

use super::dates::{format_due, format_long};
use super::figures::StatusCounts;
use super::narrative::{Narrative, RatingScale};
use super::plan::{Action, Plan, Recommendation};
use super::progress::{dashboard, days_late, status_at, timeline, Dashboard, NotAccepted};
use super::report_log::{ActionFigure, Figures, IssuedReport};
use super::since::{since, Changed, Since};
use super::status::Status;

pub use super::report_options::ReportOptions;

/// What every report says at its top, on screen, on each printed page and in Word, while
/// the plan has no approval recorded.
pub const DRAFT: &str = "Draft: not yet approved";

/// [`DRAFT`] for a plan that is a draft ([`Plan::is_draft`]); none once it is approved.
pub fn draft_marker(plan: &Plan) -> Option<&'static str> {
    plan.is_draft().then_some(DRAFT)
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
    let plan = &*plan.as_it_stood(as_at);
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

    /// The due date with how it slipped, when it did: "30 June 2020 (Originally March
    /// 2020, now June 2020, moved twice)" reads as the date, then its history.
    pub fn due_with_history(&self) -> String {
        match &self.slipped {
            Some(slipped) => format!("{}. {slipped}", self.due_words()),
            None => self.due_words(),
        }
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

/// An action as at `as_at`, as the reports list it.
pub fn report_action(action: &Action, as_at: NaiveDate) -> ReportAction {
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
    /// What the council said about the whole recommendation as at the report's date.
    pub narrative: Option<Narrative>,
}

/// Each recommendation with its listed actions, for the progress report.
pub fn progress_sections(
    plan: &Plan,
    options: &ReportOptions,
    as_at: NaiveDate,
) -> Vec<ReportSection> {
    let plan = &*plan.as_it_stood(as_at);
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
            narrative: rec.narrative_at(as_at).cloned(),
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
    let plan = &*plan.as_it_stood(as_at);
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
                narrative: None,
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
    let plan = &*plan.as_it_stood(as_at);
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
    pub const HIGHLIGHTS_PART: &str = "Key areas of progress";
    pub const SINCE_PART: &str = "Since the last report";
    pub const COMPLETED: &str = "Completed";
    pub const STATUS_CHANGES: &str = "Other changes of status";
    pub const NEWLY_OVERDUE: &str = "Newly overdue";
    pub const MOVED: &str = "Due dates moved";
    pub const ADDED: &str = "Added";
    pub const CANCELLED: &str = "Cancelled";
    pub const UPDATES: &str = "New progress updates";
    pub const PROGRESS: &str = "Progress to date";
    pub const NEXT_STEPS: &str = "Next steps";
    pub const RATING: &str = "Overall rating";
}

/// What the council said about a recommendation, as the reports set it out: (label,
/// words) for the rating in the plan's scale, "Progress to date, as at …" and "Next
/// steps", each only when there is something to say.
pub fn narrative_rows(narrative: &Narrative, scale: Option<&RatingScale>) -> Vec<(String, String)> {
    let rating = narrative
        .rating
        .and_then(|r| scale.and_then(|s| s.words(r)))
        .unwrap_or_default();
    [
        (words::RATING.to_string(), rating),
        (
            format!("{}, as at {}", words::PROGRESS, format_long(narrative.date)),
            narrative.progress.trim().to_string(),
        ),
        (
            words::NEXT_STEPS.to_string(),
            narrative.next_steps.trim().to_string(),
        ),
    ]
    .into_iter()
    .filter(|(_, words)| !words.is_empty())
    .collect()
}

/// Where the section starts from, in words: "Since 30 June 2020, the as-at date of the
/// progress report to Cabinet recorded on 2 July 2020."
pub fn since_from(since: &Since, from: Option<&IssuedReport>) -> String {
    match from {
        Some(r) => {
            let to = if r.committee.trim().is_empty() {
                String::new()
            } else {
                format!(" to {}", r.committee.trim())
            };
            format!(
                "Changes after {}, the date of the {}{to} recorded as issued on {}, up to {}.",
                format_long(since.since),
                r.kind.label().to_lowercase(),
                format_long(r.issued),
                format_long(since.as_at)
            )
        }
        None => format!(
            "Changes after {} up to {}.",
            format_long(since.since),
            format_long(since.as_at)
        ),
    }
}

/// The "since" section's lists, each as a heading and its lines, in the report's order,
/// so the page and the Word file list the same lines.
pub fn since_lines(since: &Since) -> Vec<(&'static str, Vec<String>)> {
    let action = |c: &Changed| format!("{} {}", c.number, c.text);
    vec![
        (
            words::COMPLETED,
            since.completed.iter().map(action).collect(),
        ),
        (
            words::STATUS_CHANGES,
            since
                .status_changes
                .iter()
                .map(|c| {
                    format!(
                        "{}: {} to {}",
                        action(&c.action),
                        c.from.label(),
                        c.to.label()
                    )
                })
                .collect(),
        ),
        (
            words::NEWLY_OVERDUE,
            since.newly_overdue.iter().map(action).collect(),
        ),
        (
            words::MOVED,
            since
                .moved
                .iter()
                .map(|m| {
                    let mut line = format!(
                        "{}: from {} to {} (on {})",
                        action(&m.action),
                        format_due(m.from),
                        m.to.map(format_due)
                            .unwrap_or_else(|| "no date".to_string()),
                        format_long(m.changed)
                    );
                    if !m.reason.trim().is_empty() {
                        line.push_str(&format!(". {}", m.reason.trim()));
                    }
                    line
                })
                .collect(),
        ),
        (words::ADDED, since.added.iter().map(action).collect()),
        (
            words::CANCELLED,
            since.cancelled.iter().map(action).collect(),
        ),
        (
            words::UPDATES,
            since
                .updates
                .iter()
                .map(|u| {
                    let mut line = format!(
                        "{} {}, {}: {}",
                        u.action.number,
                        format_long(u.date),
                        u.status.label(),
                        u.note.trim()
                    );
                    if u.note.trim().is_empty() {
                        line.truncate(line.len() - 2);
                    }
                    line
                })
                .collect(),
        ),
    ]
}

/// The day a report's "since" section starts: the address's `since`, or the as-at date of
/// the last report recorded for the same committee (any committee when the report names
/// none); with that report when it is the one the section starts from.
pub fn since_start<'a>(
    plan: &'a Plan,
    options: &ReportOptions,
    as_at: NaiveDate,
) -> Option<(NaiveDate, Option<&'a IssuedReport>)> {
    // A report's record is the baseline only when it covered what this one covers: one
    // for a theme or a lead did not cover the rest, which would read as added since.
    const FILTERS: [&str; 4] = ["theme", "group", "lead", "suggestions"];
    let decode = |text: &str| {
        percent_encoding::percent_decode_str(&text.replace('+', " "))
            .decode_utf8_lossy()
            .into_owned()
    };
    let filter_of = |address: &str| -> Vec<(String, String)> {
        let mut pairs: Vec<(String, String)> = address
            .split('&')
            .filter_map(|p| p.split_once('='))
            .map(|(k, v)| (decode(k), decode(v)))
            .filter(|(k, _)| FILTERS.contains(&k.as_str()))
            .collect();
        pairs.sort();
        pairs
    };
    let mut ours: Vec<(String, String)> = options
        .pairs()
        .into_iter()
        .filter(|(k, _)| FILTERS.contains(&k.as_str()))
        .collect();
    ours.sort();
    let comparable = |r: &&IssuedReport| filter_of(&r.address) == ours;
    let last = plan
        .last_report(&options.committee, as_at)
        .filter(comparable);
    match options.since {
        Some(day) => Some((day, last.filter(|r| r.as_at == day))),
        None => last.map(|r| (r.as_at, Some(r))),
    }
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
    /// The officer's "Key areas of progress".
    pub highlights: Vec<String>,
    /// What changed since the last report (or the address's `since`), with the report it
    /// starts from when there is one.
    pub since: Option<(Since, Option<IssuedReport>)>,
    pub rating_scale: Option<RatingScale>,
}

impl ProgressReport {
    /// The recommendations the council did not accept in full (of those covered).
    pub fn not_accepted(&self) -> &[NotAccepted] {
        &self.board.not_accepted
    }
}

/// The progress report on `plan` as at `as_at`, with the report's options.
pub fn progress_report(plan: &Plan, options: &ReportOptions, as_at: NaiveDate) -> ProgressReport {
    let plan = &*plan.as_it_stood(as_at);
    let board = dashboard(&covered(plan, options), as_at);
    ProgressReport {
        status_rows: status_rows(&board.counts),
        sections: progress_sections(plan, options, as_at),
        milestones: timeline(plan, as_at),
        board,
        highlights: plan
            .highlights
            .iter()
            .filter(|h| !h.trim().is_empty())
            .cloned()
            .collect(),
        since: since_start(plan, options, as_at).map(|(day, from)| {
            (
                since(plan, options, day, as_at, from.map(|r| &r.figures)),
                from.cloned(),
            )
        }),
        rating_scale: plan.rating_scale.clone(),
    }
}
