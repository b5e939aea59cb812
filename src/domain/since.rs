//! What changed between two days: the "since the last report" section of the progress
//! report and the dashboard's view of the same. Worked out from the plan's dated history
//! (updates, due-date moves, the day an action was added), and, when the earlier day is a
//! report recorded as issued, from what that report recorded.

use std::collections::HashMap;

use chrono::NaiveDate;

use super::dates::format_long;
use super::plan::{Action, Plan};
use super::progress::{days_late, status_at};
use super::report_log::Figures;
use super::report_options::ReportOptions;
use super::status::Status;

/// One action in a list of changes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Changed {
    pub action_id: String,
    /// "2.1"
    pub number: String,
    pub text: String,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StatusChange {
    pub action: Changed,
    pub from: Status,
    pub to: Status,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DateMoved {
    pub action: Changed,
    pub changed: NaiveDate,
    pub from: NaiveDate,
    pub to: Option<NaiveDate>,
    pub reason: String,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NewUpdate {
    pub action: Changed,
    pub date: NaiveDate,
    pub status: Status,
    pub note: String,
}

/// Everything that changed after `since`, up to and including `as_at`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Since {
    pub since: NaiveDate,
    pub as_at: NaiveDate,
    pub completed: Vec<Changed>,
    /// Changes of status other than to completed or cancelled, which are listed apart.
    pub status_changes: Vec<StatusChange>,
    pub newly_overdue: Vec<Changed>,
    pub moved: Vec<DateMoved>,
    pub added: Vec<Changed>,
    pub cancelled: Vec<Changed>,
    pub updates: Vec<NewUpdate>,
}

/// The changes after `since` up to `as_at` among the actions a report with `options`
/// covers. `recorded` is what a report as at `since` recorded, when there is one: its
/// statuses are where the actions stood, and an action it did not cover is new since.
pub fn since(
    plan: &Plan,
    options: &ReportOptions,
    since: NaiveDate,
    as_at: NaiveDate,
    recorded: Option<&Figures>,
) -> Since {
    let recorded: Option<HashMap<&str, Status>> = recorded.map(|f| {
        f.actions
            .iter()
            .map(|a| (a.action.as_str(), a.status))
            .collect()
    });
    let mut out = Since {
        since,
        as_at,
        completed: Vec::new(),
        status_changes: Vec::new(),
        newly_overdue: Vec::new(),
        moved: Vec::new(),
        added: Vec::new(),
        cancelled: Vec::new(),
        updates: Vec::new(),
    };
    if as_at <= since {
        return out;
    }
    // The plan as it stood on the later day: an action added after it is not in it.
    let plan = &*plan.as_it_stood(as_at);
    for rec in options.recommendations(plan) {
        for (i, action) in rec.actions.iter().enumerate() {
            if !options.led(action) {
                continue;
            }
            let changed = || Changed {
                action_id: action.id.clone(),
                number: format!("{}.{}", rec.number, i + 1),
                text: action.text.clone(),
            };
            let new = is_new(action, since, as_at, recorded.as_ref());
            if new {
                out.added.push(changed());
            }
            let before = recorded
                .as_ref()
                .and_then(|r| r.get(action.id.as_str()).copied())
                .unwrap_or_else(|| status_at(action, since));
            let after = status_at(action, as_at);
            if before != after {
                match after {
                    Status::Completed => out.completed.push(changed()),
                    Status::Cancelled => out.cancelled.push(changed()),
                    _ if !new => out.status_changes.push(StatusChange {
                        action: changed(),
                        from: before,
                        to: after,
                    }),
                    _ => {}
                }
            }
            if days_late(action, as_at).is_some() && (new || days_late(action, since).is_none()) {
                out.newly_overdue.push(changed());
            }
            for (m, change) in action.due_history.iter().enumerate() {
                if change.changed > since && change.changed <= as_at {
                    let to = action.moved_to(m);
                    out.moved.push(DateMoved {
                        action: changed(),
                        changed: change.changed,
                        from: change.from,
                        to,
                        reason: change.reason.clone(),
                    });
                }
            }
            for update in &action.updates {
                if update.date > since && update.date <= as_at {
                    out.updates.push(NewUpdate {
                        action: changed(),
                        date: update.date,
                        status: update.status,
                        note: update.note.clone(),
                    });
                }
            }
        }
    }
    out.updates.sort_by_key(|u| u.date);
    out.moved.sort_by_key(|m| m.changed);
    out
}

/// Added after `since`: by the day the app recorded, or, for a plan whose actions carry
/// no such day, by not being in what the report as at `since` covered.
fn is_new(
    action: &Action,
    since: NaiveDate,
    as_at: NaiveDate,
    recorded: Option<&HashMap<&str, Status>>,
) -> bool {
    match action.added {
        Some(day) => day > since && day <= as_at,
        None => recorded.is_some_and(|r| !r.contains_key(action.id.as_str())),
    }
}

impl Since {
    /// Whether nothing changed.
    pub fn is_empty(&self) -> bool {
        self.completed.is_empty()
            && self.status_changes.is_empty()
            && self.newly_overdue.is_empty()
            && self.moved.is_empty()
            && self.added.is_empty()
            && self.cancelled.is_empty()
            && self.updates.is_empty()
    }

    /// "Since 30 June 2020: 2 actions completed, 1 changed status, …": the counts in one
    /// line.
    pub fn summary(&self) -> String {
        let count = |n: usize, one: &str, many: &str| {
            if n == 1 {
                format!("1 {one}")
            } else {
                format!("{n} {many}")
            }
        };
        format!(
            "Since {}: {}, {}, {}, {}, {}, {} and {}.",
            format_long(self.since),
            count(
                self.completed.len(),
                "action completed",
                "actions completed"
            ),
            count(
                self.status_changes.len(),
                "other change of status",
                "other changes of status"
            ),
            count(
                self.newly_overdue.len(),
                "action newly overdue",
                "actions newly overdue"
            ),
            count(self.moved.len(), "due date moved", "due dates moved"),
            count(self.added.len(), "action added", "actions added"),
            count(
                self.cancelled.len(),
                "action cancelled",
                "actions cancelled"
            ),
            count(
                self.updates.len(),
                "new progress update",
                "new progress updates"
            ),
        )
    }
}
