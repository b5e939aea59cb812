//! Where a plan stands as at a date: the figures behind the progress views.
//!
//! An action's status on a day is its current status from its newest progress update on,
//! and before that, the status of the newest update on or before that day (not started,
//! before the first). So today's figures always agree with the action pages, even when the
//! officer has set a status directly since the last update, and a past meeting's figures
//! come from the dated history.
//!
//! The month-by-month series does not back-date a status nothing dates. A status set
//! without a progress update (or since the newest one) is known only on the day a view is
//! as at: the series counts it at its last point, and at every month end before, counts
//! each action by its dated updates alone (not started, before the first). So an action
//! set at risk today, with no update, is at risk on today's point of the chart, and was not
//! at risk since the peer team's visit. The figures as at any one day (the dashboard,
//! reports, filters) still take the current status from the newest update on, because they
//! report the plan as it stands on that day; the series says what happened on the way.

use std::collections::BTreeMap;

use chrono::{Datelike, Months, NaiveDate};

use crate::domain::dates::month_end;
use crate::domain::figures::StatusCounts;
use crate::domain::plan::{Action, Plan, Recommendation, Response, ThemeKind};
use crate::domain::status::Status;

mod view;
pub use view::ProgressView;

/// The action's status on `as_at`.
pub fn status_at(action: &Action, as_at: NaiveDate) -> Status {
    if action.updates.iter().all(|u| u.date <= as_at) {
        return action.status;
    }
    action
        .updates
        .iter()
        .filter(|u| u.date <= as_at)
        .max_by_key(|u| u.date)
        .map(|u| u.status)
        .unwrap_or(Status::NotStarted)
}

/// The action's status on `day` from its dated progress updates alone: the newest update
/// on or before that day, or not started. This is what a month end before the day a view
/// is as at counts (see the module's notes).
pub fn dated_status(action: &Action, day: NaiveDate) -> Status {
    action
        .updates
        .iter()
        .filter(|u| u.date <= day)
        .max_by_key(|u| u.date)
        .map(|u| u.status)
        .unwrap_or(Status::NotStarted)
}

/// Whether the action's status on `as_at` comes from no dated update: set directly, with
/// no update, or changed since the newest one. The series counts it on `as_at` only.
pub fn status_undated(action: &Action, as_at: NaiveDate) -> bool {
    status_at(action, as_at) != dated_status(action, as_at)
}

/// Days past its due date on `as_at`, for an action open on that day.
pub fn days_late(action: &Action, as_at: NaiveDate) -> Option<i64> {
    if status_at(action, as_at).is_closed() {
        return None;
    }
    let due = action.due_on(as_at)?;
    (due < as_at).then(|| (as_at - due).num_days())
}

/// One action in a list of figures, with where it sits.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ActionLine {
    pub recommendation_id: String,
    pub recommendation_number: String,
    pub action_id: String,
    pub text: String,
    pub leads: Vec<String>,
    pub due: Option<NaiveDate>,
    pub status: Status,
    /// Days late (for overdue lists) or days to go (for due-soon lists).
    pub days: i64,
}

fn line(rec: &Recommendation, action: &Action, as_at: NaiveDate, days: i64) -> ActionLine {
    ActionLine {
        recommendation_id: rec.id.clone(),
        recommendation_number: rec.number.clone(),
        action_id: action.id.clone(),
        text: action.text.clone(),
        leads: action.leads.clone(),
        due: action.due_on(as_at),
        status: status_at(action, as_at),
        days,
    }
}

/// How one recommendation's actions stand.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RecommendationProgress {
    pub id: String,
    pub number: String,
    pub title: String,
    pub counts: StatusCounts,
}

/// A recommendation the council did not accept in full.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NotAccepted {
    pub id: String,
    pub number: String,
    pub title: String,
    pub response: Response,
    pub reason: String,
}

/// Everything the dashboard shows, as at one day.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Dashboard {
    pub as_at: NaiveDate,
    pub counts: StatusCounts,
    pub overdue: Vec<ActionLine>,
    pub due_in_30: Vec<ActionLine>,
    pub due_in_90: Vec<ActionLine>,
    pub recommendations: Vec<RecommendationProgress>,
    pub not_accepted: Vec<NotAccepted>,
    /// How many actions' due dates had moved by then.
    pub moved: usize,
    /// The actions that follow from a later review's suggestions, counted apart (they are
    /// in `counts` too).
    pub from_suggestions: StatusCounts,
}

impl Dashboard {
    /// Completed actions: delivered.
    pub fn delivered(&self) -> usize {
        self.counts.get(Status::Completed)
    }

    /// Ongoing actions: embedded in everyday work.
    pub fn embedded(&self) -> usize {
        self.counts.get(Status::Ongoing)
    }

    /// Actions still open on the day: not started, or under way (on track, at risk or off
    /// track). Only these can be overdue.
    pub fn open(&self) -> usize {
        self.counts.get(Status::NotStarted) + self.counts.in_hand()
    }

    /// Overdue actions, apart from the shares by status (an overdue action is also not
    /// started or under way, so it is counted there already): "4 of the 18 open actions
    /// (not started or under way) are overdue: past their due date."
    pub fn overdue_sentence(&self) -> String {
        let (open, overdue) = (self.open(), self.overdue.len());
        let open_words = "(not started or under way)";
        match (open, overdue) {
            (0, _) => format!("No action is open {open_words}, so none is overdue."),
            (1, 0) => format!("The one open action {open_words} is not overdue."),
            (1, _) => format!("The one open action {open_words} is overdue: past its due date."),
            (_, 0) => format!("None of the {open} open actions {open_words} is overdue."),
            (_, 1) => format!(
                "1 of the {open} open actions {open_words} is overdue: past its due date."
            ),
            _ => format!(
                "{overdue} of the {open} open actions {open_words} are overdue: past their due date."
            ),
        }
    }

    /// Where the plan stands in one sentence, as a committee or a resident reads it first:
    /// "Of 32 actions, 4 are completed, 10 are now part of everyday work and 18 are not
    /// started; 15 are past their date."
    pub fn summary(&self) -> String {
        let c = &self.counts;
        let are = |n: usize| if n == 1 { "is" } else { "are" };
        let in_hand = c.in_hand();
        let mut parts: Vec<String> = [
            (c.get(Status::Completed), "completed", true),
            (c.get(Status::Ongoing), "now part of everyday work", true),
            (in_hand, "under way", in_hand > 0),
            (c.get(Status::NotStarted), "not started", true),
            (
                c.get(Status::Cancelled),
                "cancelled",
                c.get(Status::Cancelled) > 0,
            ),
        ]
        .into_iter()
        .filter(|(_, _, shown)| *shown)
        .map(|(n, what, _)| format!("{n} {} {what}", are(n)))
        .collect();
        let last = parts.pop().unwrap_or_default();
        let overdue = self.overdue.len();
        format!(
            "Of {} actions, {} and {last}; {overdue} {} past their date.",
            c.total(),
            parts.join(", "),
            are(overdue)
        )
    }
}

/// A share as a whole percentage, rounded; 0 of 0 is 0.
pub fn percent(part: usize, whole: usize) -> usize {
    (part * 100 + whole / 2).checked_div(whole).unwrap_or(0)
}

/// The dashboard's figures for `plan` as at `as_at`.
pub fn dashboard(plan: &Plan, as_at: NaiveDate) -> Dashboard {
    let plan = &*plan.as_it_stood(as_at);
    let mut counts = StatusCounts::default();
    let mut overdue = Vec::new();
    let mut due_in_30 = Vec::new();
    let mut due_in_90 = Vec::new();
    let mut recommendations = Vec::new();
    let mut moved = 0;
    let mut from_suggestions = StatusCounts::default();
    for rec in &plan.recommendations {
        let mut rec_counts = StatusCounts::default();
        for action in &rec.actions {
            let status = status_at(action, as_at);
            counts.add(status);
            rec_counts.add(status);
            if action.due_history.iter().any(|c| c.changed <= as_at) {
                moved += 1;
            }
            if action.suggestion.is_some() {
                from_suggestions.add(status);
            }
            if let Some(days) = days_late(action, as_at) {
                overdue.push(line(rec, action, as_at, days));
            } else if let (Some(due), false) = (action.due_on(as_at), status.is_closed()) {
                let to_go = (due - as_at).num_days();
                if (0..=30).contains(&to_go) {
                    due_in_30.push(line(rec, action, as_at, to_go));
                }
                if (0..=90).contains(&to_go) {
                    due_in_90.push(line(rec, action, as_at, to_go));
                }
            }
        }
        recommendations.push(RecommendationProgress {
            id: rec.id.clone(),
            number: rec.number.clone(),
            title: rec.title.clone(),
            counts: rec_counts,
        });
    }
    overdue.sort_by_key(|l| std::cmp::Reverse(l.days));
    due_in_30.sort_by_key(|l| l.days);
    due_in_90.sort_by_key(|l| l.days);
    let not_accepted = plan
        .recommendations
        .iter()
        .filter(|r| r.response != Response::Accepted)
        .map(|r| NotAccepted {
            id: r.id.clone(),
            number: r.number.clone(),
            title: r.title.clone(),
            response: r.response,
            reason: r.response_reason.clone(),
        })
        .collect();
    Dashboard {
        as_at,
        counts,
        overdue,
        due_in_30,
        due_in_90,
        recommendations,
        not_accepted,
        moved,
        from_suggestions,
    }
}

/// Counts for one theme, group or lead.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Breakdown {
    /// The theme's, group's or lead's id (a lead is its own id).
    pub key: String,
    pub name: String,
    pub counts: StatusCounts,
    pub overdue: usize,
}

fn tally(breakdown: &mut Breakdown, action: &Action, as_at: NaiveDate) {
    breakdown.counts.add(status_at(action, as_at));
    if days_late(action, as_at).is_some() {
        breakdown.overdue += 1;
    }
}

/// Actions under each theme of the given kind, in the plan's order of themes. An action
/// counts for every theme its recommendation names.
pub fn by_theme(plan: &Plan, kind: ThemeKind, as_at: NaiveDate) -> Vec<Breakdown> {
    plan.themes
        .iter()
        .filter(|t| t.kind == kind)
        .map(|theme| {
            let mut b = Breakdown {
                key: theme.id.clone(),
                name: theme.title.clone(),
                counts: StatusCounts::default(),
                overdue: 0,
            };
            for (_, action) in plan.actions().filter(|(r, _)| r.themes.contains(&theme.id)) {
                tally(&mut b, action, as_at);
            }
            b
        })
        .collect()
}

/// Actions under each of the council's groups, then those in no group.
pub fn by_group(plan: &Plan, as_at: NaiveDate) -> Vec<Breakdown> {
    let mut out: Vec<Breakdown> = plan
        .groups
        .iter()
        .map(|group| {
            let mut b = Breakdown {
                key: group.id.clone(),
                name: group.name.clone(),
                counts: StatusCounts::default(),
                overdue: 0,
            };
            for (_, action) in plan
                .actions()
                .filter(|(r, _)| r.group.as_deref() == Some(group.id.as_str()))
            {
                tally(&mut b, action, as_at);
            }
            b
        })
        .collect();
    let mut none = Breakdown {
        key: String::new(),
        name: "No group".to_string(),
        counts: StatusCounts::default(),
        overdue: 0,
    };
    for (_, action) in plan.actions().filter(|(r, _)| r.group.is_none()) {
        tally(&mut none, action, as_at);
    }
    if none.counts.total() > 0 {
        out.push(none);
    }
    out
}

/// Actions for each lead, in alphabetical order. A shared action counts for each lead.
pub fn by_lead(plan: &Plan, as_at: NaiveDate) -> Vec<Breakdown> {
    let mut leads: BTreeMap<(String, String), Breakdown> = BTreeMap::new();
    for (_, action) in plan.actions() {
        let mut seen: Vec<&str> = Vec::new();
        for lead in action
            .leads
            .iter()
            .map(|l| l.trim())
            .filter(|l| !l.is_empty())
        {
            if seen.contains(&lead) {
                continue;
            }
            seen.push(lead);
            let b = leads
                .entry((lead.to_lowercase(), lead.to_string()))
                .or_insert_with(|| Breakdown {
                    key: lead.to_string(),
                    name: lead.to_string(),
                    counts: StatusCounts::default(),
                    overdue: 0,
                });
            tally(b, action, as_at);
        }
    }
    leads.into_values().collect()
}

/// How many actions stood at each status at one month's end.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MonthEnd {
    pub date: NaiveDate,
    pub counts: StatusCounts,
}

/// The most month ends a series holds: ten years before the as-at date, so that no date
/// in an address or a file (year 9999, or an update typed as 0019) makes the series long.
pub const SERIES_MONTHS: u32 = 120;

/// Where the plan's dated progress begins: the month of the first progress update, or of
/// the peer team's visit if earlier. `None` when nothing dates it.
pub fn progress_start(plan: &Plan) -> Option<NaiveDate> {
    let first_update = plan
        .actions()
        .flat_map(|(_, a)| a.updates.iter().map(|u| u.date))
        .min();
    match (
        first_update,
        plan.review.onsite_to.or(plan.review.onsite_from),
    ) {
        (Some(u), Some(v)) => Some(u.min(v)),
        (Some(u), None) => Some(u),
        (None, Some(v)) => Some(v),
        (None, None) => None,
    }
}

/// The earliest day a series to `as_at` reaches back to.
pub fn series_window_start(as_at: NaiveDate) -> NaiveDate {
    as_at
        .checked_sub_months(Months::new(SERIES_MONTHS))
        .unwrap_or(NaiveDate::MIN)
}

/// The counts at the end of each month, from where the plan's progress begins (see
/// [`progress_start`]) but no more than [`SERIES_MONTHS`] back, to `as_at`, whose own day
/// ends the series. Empty when nothing dates the plan's progress. The last point counts
/// each action's status on `as_at`, as the dashboard does; the month ends before it count
/// dated updates alone ([`dated_status`]), so a status nothing dates is not drawn back to
/// the start of the plan.
pub fn month_ends(plan: &Plan, as_at: NaiveDate) -> Vec<MonthEnd> {
    let Some(start) = progress_start(plan) else {
        return Vec::new();
    };
    if start > as_at {
        return Vec::new();
    }
    let start = start.max(series_window_start(as_at));
    let mut dates = Vec::new();
    let (mut year, mut month) = (start.year(), start.month());
    while let Some(end) = month_end(year, month) {
        if end >= as_at || dates.len() >= SERIES_MONTHS as usize {
            break;
        }
        dates.push(end);
        (year, month) = if month == 12 {
            (year + 1, 1)
        } else {
            (year, month + 1)
        };
    }
    dates.push(as_at);
    dates
        .into_iter()
        .map(|date| {
            let status = |a: &Action| {
                if date < as_at {
                    dated_status(a, date)
                } else {
                    status_at(a, date)
                }
            };
            MonthEnd {
                date,
                counts: StatusCounts::of_statuses(
                    plan.actions()
                        .filter(|(_, a)| a.existed_on(date))
                        .map(|(_, a)| status(a)),
                ),
            }
        })
        .collect()
}

/// The plan's milestones and the LGA process dates not already among them, the dates its
/// reporting schedules give and the reports recorded as issued, by date, each with where
/// it stands on `as_at` (a milestone is done, due or missed; an LGA or scheduled date is
/// past or due; a report recorded is issued). Scheduled dates run from each schedule's
/// first to a year after `as_at`, or to the day a closed plan closed.
pub fn timeline(plan: &Plan, as_at: NaiveDate) -> Vec<(NaiveDate, String, &'static str)> {
    let mut dates: Vec<(NaiveDate, String, &'static str)> = plan
        .milestones
        .iter()
        .map(|m| {
            (
                m.due,
                m.title.clone(),
                super::figures::milestone_state(m, as_at).label(),
            )
        })
        .collect();
    // The LGA's steps, at the day the plan records each happened, or at the day it is due.
    for step in super::review_dates::lga_steps(plan, as_at) {
        if !plan.milestones.iter().any(|m| m.title == step.title) {
            let day = step.done.unwrap_or(step.due);
            dates.push((
                day,
                format!("{} (LGA process)", step.title),
                step.state.label(),
            ));
        }
    }
    for later in &plan.later_reviews {
        let visit = &later.review;
        if let Some(day) = visit.onsite_from.or(visit.onsite_to) {
            // The first progress review is the LGA step above.
            let is_step = super::review_dates::progress_review(plan)
                .is_some_and(|r| r.id == later.id)
                && plan.review.onsite_to.or(plan.review.onsite_from).is_some();
            if !is_step && day <= as_at {
                dates.push((day, format!("{} held", visit.kind.label()), "Done"));
            }
        }
    }
    let past_or_due = |day: NaiveDate| if day < as_at { "Past" } else { "Due" };
    let schedule_end = match &plan.closed {
        Some(closure) => closure.date,
        None => as_at
            .checked_add_months(Months::new(12))
            .unwrap_or(NaiveDate::MAX),
    };
    for schedule in &plan.schedule {
        let committee = schedule.committee.trim();
        // A meeting a recorded report went to is on the timeline as that report.
        let reported = |day: NaiveDate| {
            plan.reports.iter().any(|r| {
                r.issued <= as_at
                    && r.meeting == Some(day)
                    && r.committee.trim().eq_ignore_ascii_case(committee)
            })
        };
        for day in schedule.dates_between(NaiveDate::MIN, schedule_end) {
            if reported(day) {
                continue;
            }
            let what = format!("Report to {committee} (scheduled)");
            dates.push((day, what, past_or_due(day)));
        }
    }
    // Only the reports recorded by the day: a report as at June does not change when
    // September's is recorded.
    for report in plan.reports.iter().filter(|r| r.issued <= as_at) {
        let to = match report.committee.trim() {
            "" => String::new(),
            committee => format!(" to {committee}"),
        };
        let what = format!(
            "{}{to}, as at {}",
            report.kind.label(),
            super::dates::format_long(report.as_at)
        );
        dates.push((report.meeting.unwrap_or(report.issued), what, "Issued"));
    }
    // A stable sort: on one day, milestones, then process dates, schedules and reports.
    dates.sort_by_key(|d| d.0);
    dates
}
