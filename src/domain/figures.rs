//! Figures worked out from a plan as at a given day. The day is always an argument:
//! nothing here reads the clock, so every figure can be reproduced for a past meeting.

use chrono::NaiveDate;

use super::plan::{Action, Plan};
use super::status::Status;

/// An action is overdue when it has a due date before `as_at` and is not closed.
pub fn is_overdue(action: &Action, as_at: NaiveDate) -> bool {
    days_overdue(action, as_at).is_some()
}

/// How many days past its due date an open action is, as at `as_at`.
pub fn days_overdue(action: &Action, as_at: NaiveDate) -> Option<i64> {
    if action.status.is_closed() {
        return None;
    }
    let due = action.due?;
    (due < as_at).then(|| (as_at - due).num_days())
}

/// How many actions stand at each status.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct StatusCounts {
    counts: [usize; Status::ALL.len()],
}

impl StatusCounts {
    pub fn of<'a>(actions: impl IntoIterator<Item = &'a Action>) -> StatusCounts {
        let mut counts = StatusCounts::default();
        for action in actions {
            counts.counts[action.status.index()] += 1;
        }
        counts
    }

    /// Counts statuses rather than actions: for a status worked out as at a date.
    pub fn of_statuses(statuses: impl IntoIterator<Item = Status>) -> StatusCounts {
        let mut counts = StatusCounts::default();
        for status in statuses {
            counts.add(status);
        }
        counts
    }

    pub fn add(&mut self, status: Status) {
        self.counts[status.index()] += 1;
    }

    pub fn get(&self, status: Status) -> usize {
        self.counts[status.index()]
    }

    pub fn total(&self) -> usize {
        self.counts.iter().sum()
    }

    /// Actions under way: on track, at risk or off track.
    pub fn in_hand(&self) -> usize {
        self.get(Status::OnTrack) + self.get(Status::AtRisk) + self.get(Status::OffTrack)
    }

    /// Each status with its count, in display order, including the zeros.
    pub fn iter(&self) -> impl Iterator<Item = (Status, usize)> + '_ {
        Status::ALL.into_iter().map(|s| (s, self.get(s)))
    }
}

/// The counts by status of every action in the plan.
pub fn count_by_status(plan: &Plan) -> StatusCounts {
    StatusCounts::of(plan.actions().map(|(_, a)| a))
}

/// An overdue action and how late it is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Overdue<'a> {
    pub recommendation_id: &'a str,
    pub action: &'a Action,
    pub days: i64,
}

/// Every overdue action as at `as_at`, the latest first.
pub fn overdue_actions(plan: &Plan, as_at: NaiveDate) -> Vec<Overdue<'_>> {
    let mut overdue: Vec<Overdue> = plan
        .actions()
        .filter_map(|(r, a)| {
            days_overdue(a, as_at).map(|days| Overdue {
                recommendation_id: &r.id,
                action: a,
                days,
            })
        })
        .collect();
    overdue.sort_by_key(|o| std::cmp::Reverse(o.days));
    overdue
}

/// Where a milestone stands on a given day.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MilestoneState {
    Done,
    /// Not done, and its date has not passed.
    Due,
    /// Not done, and its date has passed.
    Missed,
}

impl MilestoneState {
    pub fn label(self) -> &'static str {
        match self {
            MilestoneState::Done => "Done",
            MilestoneState::Due => "Due",
            MilestoneState::Missed => "Missed",
        }
    }
}

/// A milestone is done once it has a done date on or before `as_at`, and missed when its
/// due date is before `as_at` without one. Looking back at a past meeting, a milestone done
/// later still shows as due (or missed) on that day.
pub fn milestone_state(milestone: &super::plan::Milestone, as_at: NaiveDate) -> MilestoneState {
    match milestone.done {
        Some(done) if done <= as_at => MilestoneState::Done,
        _ if milestone.due < as_at => MilestoneState::Missed,
        _ => MilestoneState::Due,
    }
}
