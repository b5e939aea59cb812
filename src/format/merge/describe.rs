//! What one change to a plan did, in a few words, for undo and redo to say what they
//! took back: "status of action 2.1", "adding action 2.3". Read from the same comparison
//! the merge makes, so every field the format has is named the same way in both.

use std::collections::BTreeSet;

use super::{compare, Difference, Kind};
use crate::domain::Plan;

fn lower_first(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_lowercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// "action 2.1", "the progress update of 4 March 2020 on action 2.1", "the plan".
fn place(d: &Difference) -> String {
    let place = lower_first(&d.place);
    if place.starts_with("progress update") {
        format!("the {place}")
    } else {
        place
    }
}

fn is_presence(d: &Difference) -> bool {
    matches!(d.kind, Kind::OnlyTheirs | Kind::OnlyOurs)
}

/// The one thing added or removed, when a change added or removed one thing (with
/// whatever is under it): the first found, as parents come before what they hold.
fn one_thing(differences: &[Difference]) -> Option<&Difference> {
    let mut presence = differences.iter().filter(|d| is_presence(d));
    let first = presence.next()?;
    presence
        .all(|d| d.kind == first.kind && d.group == first.group)
        .then_some(first)
}

fn phrase(d: &Difference) -> String {
    match d.kind {
        Kind::Field => {
            let what = match d.what.as_str() {
                "What the council will do" => "wording".to_string(),
                other => lower_first(other),
            };
            format!("{what} of {}", place(d))
        }
        Kind::OnlyTheirs => format!("adding {}", place(d)),
        Kind::OnlyOurs => format!("removing {}", place(d)),
        Kind::Moved => format!("moving {}", place(d)),
        Kind::Order => format!("{} in {}", lower_first(&d.what), place(d)),
    }
}

/// The two plans with only the recommendations that differ, when they are in the same
/// order: an undo on a plan of thousands of actions compares what it changed, not the
/// whole plan. Numbers ("Action 2.1") come from each recommendation itself, so they stay.
fn narrowed(before: &Plan, after: &Plan) -> (Plan, Plan) {
    let ids = |p: &Plan| {
        p.recommendations
            .iter()
            .map(|r| r.id.clone())
            .collect::<Vec<_>>()
    };
    if ids(before) != ids(after) {
        return (before.clone(), after.clone());
    }
    let differs: Vec<bool> = before
        .recommendations
        .iter()
        .zip(&after.recommendations)
        .map(|(b, a)| b != a)
        .collect();
    let keep = |plan: &Plan| {
        let mut kept = plan.clone();
        kept.recommendations = plan
            .recommendations
            .iter()
            .zip(&differs)
            .filter(|(_, differs)| **differs)
            .map(|(r, _)| r.clone())
            .collect();
        kept
    };
    (keep(before), keep(after))
}

/// What turning `before` into `after` did; `None` for a plan that did not exist.
pub fn describe_change(before: Option<&Plan>, after: Option<&Plan>) -> String {
    let (before, after) = match (before, after) {
        (None, Some(plan)) => return format!("adding the plan “{}”", plan.title),
        (Some(plan), None) => return format!("deleting the plan “{}”", plan.title),
        (None, None) => return "a change".to_string(),
        (Some(b), Some(a)) => (b, a),
    };
    let (before, after) = narrowed(before, after);
    let differences = compare(Some(&before), &before, &after).differences;
    match differences.as_slice() {
        [] => "a change that left the plan as it was".to_string(),
        [one] => phrase(one),
        // An added or removed thing brings what is under it (and a new progress update the
        // action's status): name the thing itself, and the fields it changed.
        many if one_thing(many).is_some() => {
            let thing = one_thing(many).map(phrase).unwrap_or_default();
            let fields: Vec<String> = many
                .iter()
                .filter(|d| d.kind == Kind::Field)
                .map(phrase)
                .collect();
            if fields.is_empty() || fields.len() > 2 {
                thing
            } else {
                format!("{thing} (and the {})", fields.join(" and the "))
            }
        }
        many => {
            let places: BTreeSet<&str> = many.iter().map(|d| d.place.as_str()).collect();
            match places.iter().next() {
                Some(only) if places.len() == 1 => {
                    format!("{} changes to {}", many.len(), lower_first(only))
                }
                _ => format!("{} changes to the plan", many.len()),
            }
        }
    }
}
