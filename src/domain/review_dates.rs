//! The LGA's dates for a peer challenge, against what the plan records: the report and
//! action plan published within three months, a progress review about ten months on, and
//! its feedback published within twelve months of the challenge. Each step is on time,
//! late, missed or still due.

use chrono::NaiveDate;

use super::plan::{LaterReview, Plan, ReviewKind};
use super::templates::lga_timeline;

/// Where one of the LGA's steps stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StepState {
    /// Done by its date.
    OnTime,
    /// Done after its date.
    Late,
    /// Its date has passed and the plan records nothing ("Past": the plan may simply not
    /// say).
    Missed,
    /// Not yet done, and not yet due.
    Due,
}

impl StepState {
    pub fn label(self) -> &'static str {
        match self {
            StepState::OnTime => "Done on time",
            StepState::Late => "Done late",
            StepState::Missed => "Past",
            StepState::Due => "Due",
        }
    }
}

/// One step of the LGA process, with the day the plan says it happened.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Step {
    pub title: &'static str,
    pub note: &'static str,
    pub due: NaiveDate,
    pub done: Option<NaiveDate>,
    pub state: StepState,
}

/// The first progress review after the challenge.
pub fn progress_review(plan: &Plan) -> Option<&LaterReview> {
    plan.later_reviews
        .iter()
        .filter(|r| r.review.kind == ReviewKind::ProgressReview)
        // A dated review before one whose dates are not recorded.
        .min_by_key(|r| {
            let day = r.review.onsite_from.or(r.review.onsite_to);
            (day.is_none(), day)
        })
}

/// The LGA's steps for this plan's challenge as at `as_at`, from the peer team's last day
/// on site; none when the plan has no visit dates. The next challenge, five years on, is
/// due and nothing in a plan records it.
pub fn lga_steps(plan: &Plan, as_at: NaiveDate) -> Vec<Step> {
    let Some(end) = plan.review.onsite_to.or(plan.review.onsite_from) else {
        return Vec::new();
    };
    let review = progress_review(plan);
    lga_timeline(end)
        .into_iter()
        .map(|step| {
            let done = match step.title {
                "Report and action plan published" => plan.review.report_published,
                "Progress review" => {
                    review.and_then(|r| r.review.onsite_from.or(r.review.onsite_to))
                }
                "Progress review report published" => {
                    review.and_then(|r| r.review.report_published)
                }
                _ => None,
            };
            // "About ten months": a review held within two months either side is on time.
            let allowed = if step.title == "Progress review" {
                step.due
                    .checked_add_months(chrono::Months::new(2))
                    .unwrap_or(step.due)
            } else {
                step.due
            };
            // As at a day, a step done after it is not done yet.
            let done = done.filter(|d| *d <= as_at);
            let state = match done {
                Some(day) if day <= allowed => StepState::OnTime,
                Some(_) => StepState::Late,
                None if allowed < as_at => StepState::Missed,
                None => StepState::Due,
            };
            Step {
                title: step.title,
                note: step.note,
                due: step.due,
                done,
                state,
            }
        })
        .collect()
}
