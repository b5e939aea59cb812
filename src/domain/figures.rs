//! Counts by status, and where a milestone stands on a given day. The day is always an
//! argument: nothing here reads the clock, so every figure can be reproduced for a past meeting.

use chrono::NaiveDate;

use super::plan::Action;
use super::status::Status;

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
    /// Each status and its count, in the order bars stack them (`Status::STACKED`).
    pub fn stacked(&self) -> impl Iterator<Item = (Status, usize)> + '_ {
        Status::STACKED.into_iter().map(|s| (s, self.get(s)))
    }

    pub fn iter(&self) -> impl Iterator<Item = (Status, usize)> + '_ {
        Status::ALL.into_iter().map(|s| (s, self.get(s)))
    }
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
