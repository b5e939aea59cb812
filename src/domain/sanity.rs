//! Warnings, not errors: things in a plan that are allowed but are usually a slip, said so
//! that the officer can look again. Nothing here refuses a change.

use chrono::NaiveDate;

use super::dates::format_long;
use super::Plan;

/// The longest title that reads as a title; beyond it the officer is asked to check.
pub const TITLE_MOST: usize = 300;

/// One thing to look at again, and where.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Warning {
    /// "Action 2.1", "Recommendation 4".
    pub place: String,
    pub message: String,
    pub recommendation: String,
    /// The action, when the warning is about one.
    pub action: Option<String>,
}

/// The peer team's visit, the date plans are measured from.
pub fn visit(plan: &Plan) -> Option<NaiveDate> {
    plan.review.onsite_from.or(plan.review.onsite_to)
}

/// A due date before the peer team's visit: possible (work already under way), but
/// usually a slip of the year.
pub fn due_before_visit(due: Option<NaiveDate>, visit: Option<NaiveDate>) -> Option<String> {
    let (due, visit) = (due?, visit?);
    (due < visit).then(|| {
        format!(
            "This is before the peer team's visit on {}. Check the year is right.",
            format_long(visit)
        )
    })
}

/// A title longer than titles usually are.
pub fn long_title(title: &str) -> Option<String> {
    let length = title.trim().chars().count();
    (length > TITLE_MOST).then(|| {
        format!(
            "The title is {length} characters long. Titles over {TITLE_MOST} are hard to read in tables: put the rest in the explanation."
        )
    })
}

/// Whether another recommendation has this number (ignoring case and spaces).
pub fn number_taken(plan: &Plan, number: &str, except: Option<&str>) -> bool {
    let wanted = number.trim().to_lowercase();
    plan.recommendations
        .iter()
        .filter(|r| Some(r.id.as_str()) != except)
        .any(|r| r.number.trim().to_lowercase() == wanted)
}

/// The number after the highest whole number in use: "14" after 1 to 13.
pub fn next_free_number(plan: &Plan) -> String {
    let highest = plan
        .recommendations
        .iter()
        .filter_map(|r| r.number.trim().trim_end_matches('.').parse::<u32>().ok())
        .max()
        .unwrap_or(0);
    highest.saturating_add(1).to_string()
}

/// Every warning in the plan, recommendation by recommendation.
pub fn plan_warnings(plan: &Plan) -> Vec<Warning> {
    let visit = visit(plan);
    let mut warnings = Vec::new();
    for (i, rec) in plan.recommendations.iter().enumerate() {
        let place = format!("Recommendation {}", rec.number);
        let duplicate = plan.recommendations[..i]
            .iter()
            .any(|r| r.number.trim().eq_ignore_ascii_case(rec.number.trim()));
        if duplicate {
            warnings.push(Warning {
                place: place.clone(),
                message: format!(
                    "Two recommendations are numbered {}. Give this one another number.",
                    rec.number
                ),
                recommendation: rec.id.clone(),
                action: None,
            });
        }
        if let Some(message) = long_title(&rec.title) {
            warnings.push(Warning {
                place: place.clone(),
                message,
                recommendation: rec.id.clone(),
                action: None,
            });
        }
        for (j, action) in rec.actions.iter().enumerate() {
            if let Some(message) = due_before_visit(action.due, visit) {
                warnings.push(Warning {
                    place: format!("Action {}.{}", rec.number, j + 1),
                    message: format!(
                        "Due {}. {message}",
                        format_long(action.due.unwrap_or_default())
                    ),
                    recommendation: rec.id.clone(),
                    action: Some(action.id.clone()),
                });
            }
        }
    }
    warnings
}
