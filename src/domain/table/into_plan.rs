//! What the officer's "Create" makes of a drafted table: a new plan, or the plan it is
//! added to with the new recommendations after its own.

use super::rows::Drafted;
use crate::domain::templates::{new_plan, ThemeSet};
use crate::domain::{Group, Plan, ReviewKind};

/// A new plan (a draft, with the core themes, as "Start a new plan" makes) holding the
/// table's recommendations and groups.
pub fn plan_from_table(id: String, council: String, title: String, drafted: &Drafted) -> Plan {
    let mut plan = new_plan(
        id,
        council,
        title,
        ReviewKind::CorporatePeerChallenge,
        ThemeSet::Core2024,
    );
    plan.groups = drafted.groups.clone();
    plan.recommendations = drafted.recommendations.clone();
    plan
}

/// `plan` with the table's recommendations after its own. A group the plan already has
/// (by name, in any case) is used; a new one is added, with an id the plan does not use.
pub fn added_to(plan: &Plan, drafted: &Drafted) -> Plan {
    let mut plan = plan.clone();
    let mut recommendations = drafted.recommendations.clone();
    // Each table group's id in the plan, worked out for every group before any
    // recommendation moves: a group renamed to an id another table group had must not
    // carry that group's recommendations along with it.
    let mut ids = std::collections::HashMap::new();
    for group in &drafted.groups {
        let id = match plan
            .groups
            .iter()
            .find(|g| g.name.trim().eq_ignore_ascii_case(group.name.trim()))
        {
            Some(existing) => existing.id.clone(),
            None => {
                let mut id = group.id.clone();
                let mut n = 2;
                while plan.groups.iter().any(|g| g.id == id) {
                    id = format!("{}-{n}", group.id);
                    n += 1;
                }
                plan.groups.push(Group {
                    id: id.clone(),
                    name: group.name.clone(),
                });
                id
            }
        };
        ids.insert(group.id.clone(), id);
    }
    for rec in recommendations.iter_mut() {
        if let Some(id) = rec.group.as_ref().and_then(|g| ids.get(g)) {
            rec.group = Some(id.clone());
        }
    }
    plan.recommendations.extend(recommendations);
    plan
}
