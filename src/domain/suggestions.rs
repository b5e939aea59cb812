//! Suggestions a later review made under a recommendation, numbered as the LGA numbers
//! them (1.1, 1.2), and the actions that follow from them, counted apart.

use chrono::NaiveDate;

use super::figures::StatusCounts;
use super::plan::{Plan, Recommendation};
use super::progress::status_at;

/// The number the next suggestion under `rec` takes: its recommendation's number, a dot,
/// and one more than the highest already there ("4.3" after "4.1" and "4.2").
pub fn next_number(rec: &Recommendation) -> String {
    let prefix = format!("{}.", rec.number.trim());
    let highest = rec
        .suggestions
        .iter()
        .filter_map(|s| s.number.trim().strip_prefix(&prefix)?.parse::<u32>().ok())
        .max()
        .unwrap_or(0);
    format!("{prefix}{}", highest.saturating_add(1))
}

/// The actions that follow from suggestions, by status as at `as_at`: the figures count
/// them apart from the recommendations' own.
pub fn suggested_counts(plan: &Plan, as_at: NaiveDate) -> StatusCounts {
    let plan = plan.as_it_stood(as_at);
    StatusCounts::of_statuses(
        plan.actions()
            .filter(|(_, a)| a.suggestion.is_some())
            .map(|(_, a)| status_at(a, as_at)),
    )
}
