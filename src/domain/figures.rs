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

    /// Each status and its count, in the order bars stack them (`Status::STACKED`).
    pub fn stacked(&self) -> impl Iterator<Item = (Status, usize)> + '_ {
        Status::STACKED.into_iter().map(|s| (s, self.get(s)))
    }

    /// Each status's share of all the actions, in whole percent, adding up to exactly 100
    /// (0 for every status when there are no actions). Each share is rounded down, and the
    /// points left over go to the largest remainders (ties in `Status::STACKED` order), so
    /// that a table of shares never adds up to 99% or 101%. A status with no actions has no
    /// share.
    pub fn shares(&self) -> [(Status, usize); Status::ALL.len()] {
        // Widened: on wasm32 a usize is 32 bits, and count × 100 overflows at 42 million.
        let total = self.total() as u128;
        let mut shares = Status::STACKED.map(|s| (s, 0usize));
        if total == 0 {
            return shares;
        }
        let mut remainders = Vec::with_capacity(shares.len());
        let mut given: u128 = 0;
        for (i, (status, share)) in shares.iter_mut().enumerate() {
            let scaled = self.get(*status) as u128 * 100;
            *share = (scaled / total) as usize;
            given += scaled / total;
            remainders.push((scaled % total, i));
        }
        // Largest remainder first; the earlier status first among equals.
        remainders.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
        for (_, i) in remainders.into_iter().take(100 - given as usize) {
            shares[i].1 += 1;
        }
        shares
    }

    /// One status's share, as [`StatusCounts::shares`] works it out.
    pub fn share(&self, status: Status) -> usize {
        self.shares()
            .into_iter()
            .find(|(s, _)| *s == status)
            .map(|(_, share)| share)
            .unwrap_or(0)
    }

    /// Each status with its count, in display order, including the zeros.
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
