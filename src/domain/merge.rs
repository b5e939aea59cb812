//! Merging a returned copy of a plan: what differs, who changed it, and the merged plan.
//!
//! The officer sends the plan out; lead officers update their actions and send it back.
//! `base` is the plan as it was when it was sent (the copy kept at export), so each
//! difference can say which side changed it since the copies parted. Progress updates are
//! joined by id from both sides and never offered as choices: they only ever add up, so
//! merging the same file twice changes nothing the second time.

use std::collections::{HashMap, HashSet};
use std::sync::Arc;

use super::dates::format_long;
use super::plan::{Action, Plan, Recommendation, Update};

/// Which copy changed something since they parted.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Side {
    /// Only the returned copy changed it: taken unless the officer says otherwise.
    Theirs,
    /// Only this browser's copy changed it: kept unless the officer says otherwise.
    Ours,
    /// Both changed it: the officer must pick.
    Both,
    /// No copy from when they parted, so it cannot be told.
    Unknown,
}

/// The part of an action that differs.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Field {
    Text,
    Timescale,
    Due,
    Leads,
    Status,
    Links,
}

impl Field {
    const ALL: [Field; 6] = [
        Field::Status,
        Field::Due,
        Field::Text,
        Field::Timescale,
        Field::Leads,
        Field::Links,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Field::Text => "Action",
            Field::Timescale => "Timescale",
            Field::Due => "Due",
            Field::Leads => "Leads",
            Field::Status => "Status",
            Field::Links => "Evidence links",
        }
    }

    fn key(self) -> &'static str {
        match self {
            Field::Text => "text",
            Field::Timescale => "timescale",
            Field::Due => "due",
            Field::Leads => "leads",
            Field::Status => "status",
            Field::Links => "links",
        }
    }

    /// The field as a person reads it, so two values can be compared by eye.
    fn show(self, a: &Action) -> String {
        match self {
            Field::Text => a.text.clone(),
            Field::Timescale => a.timescale.clone(),
            Field::Due => a
                .due
                .map(format_long)
                .unwrap_or_else(|| "No date".to_string()),
            Field::Leads => a.leads.join("; "),
            Field::Status => a.status.label().to_string(),
            Field::Links => a
                .links
                .iter()
                .map(|l| {
                    if l.title.is_empty() {
                        l.url.clone()
                    } else {
                        format!("{} ({})", l.title, l.url)
                    }
                })
                .collect::<Vec<_>>()
                .join("; "),
        }
    }

    fn same(self, a: &Action, b: &Action) -> bool {
        match self {
            Field::Text => a.text == b.text,
            Field::Timescale => a.timescale == b.timescale,
            Field::Due => a.due == b.due,
            Field::Leads => a.leads == b.leads,
            Field::Status => a.status == b.status,
            Field::Links => a.links == b.links,
        }
    }

    fn copy(self, from: &Action, to: &mut Action) {
        match self {
            Field::Text => to.text = from.text.clone(),
            Field::Timescale => to.timescale = from.timescale.clone(),
            Field::Due => to.due = from.due,
            Field::Leads => to.leads = from.leads.clone(),
            Field::Status => to.status = from.status,
            Field::Links => to.links = from.links.clone(),
        }
    }
}

/// What a difference is about.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Change {
    /// A field of an action both copies have.
    Field(Field),
    /// An action only the returned copy has.
    ActionOnlyTheirs,
    /// An action only this browser's copy has.
    ActionOnlyOurs,
}

/// One thing that differs between the copies.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Difference {
    /// Stable within one comparison: what the officer's choice is recorded against.
    pub key: String,
    pub recommendation_id: String,
    pub recommendation_number: String,
    pub action_id: String,
    pub change: Change,
    /// This browser's value, as a person reads it (empty when the action is not here).
    pub ours: String,
    /// The returned copy's value.
    pub theirs: String,
    pub side: Side,
}

impl Difference {
    /// Whether the returned copy's value is taken when the officer makes no choice.
    pub fn taken_by_default(&self) -> bool {
        self.side == Side::Theirs
    }
}

/// Everything a merge would do.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Comparison {
    pub differences: Vec<Difference>,
    /// Progress updates only the returned copy has: they are added.
    pub updates_added: usize,
    /// Recommendations only the returned copy has: they are not merged (import the file
    /// as a plan of its own to see them).
    pub recommendations_only_theirs: Vec<String>,
}

fn side<T: PartialEq>(base: Option<T>, ours: T, theirs: T) -> Side {
    match base {
        None => Side::Unknown,
        Some(b) if b == ours => Side::Theirs,
        Some(b) if b == theirs => Side::Ours,
        Some(_) => Side::Both,
    }
}

fn actions_by_id(plan: &Plan) -> HashMap<&str, (&Recommendation, &Action)> {
    plan.actions()
        .map(|(r, a)| (a.id.as_str(), (r, a)))
        .collect()
}

/// What differs between this browser's copy and a returned one.
pub fn compare(base: Option<&Plan>, ours: &Plan, theirs: &Plan) -> Comparison {
    let base_actions = base.map(actions_by_id);
    let our_actions = actions_by_id(ours);
    let their_actions = actions_by_id(theirs);
    let in_base = |id: &str| base_actions.as_ref().map(|b| b.contains_key(id));
    let mut differences = Vec::new();
    let mut updates_added = 0;

    for (rec, ours_action) in ours.actions() {
        let id = ours_action.id.as_str();
        match their_actions.get(id) {
            Some((_, theirs_action)) => {
                let base_action = base_actions.as_ref().map(|b| b.get(id).map(|(_, a)| *a));
                for field in Field::ALL {
                    if field.same(ours_action, theirs_action) {
                        continue;
                    }
                    let side = match base_action {
                        None | Some(None) => Side::Unknown,
                        Some(Some(b)) => side(
                            Some(field.show(b)),
                            field.show(ours_action),
                            field.show(theirs_action),
                        ),
                    };
                    differences.push(Difference {
                        key: format!("{id}/{}", field.key()),
                        recommendation_id: rec.id.clone(),
                        recommendation_number: rec.number.clone(),
                        action_id: id.to_string(),
                        change: Change::Field(field),
                        ours: field.show(ours_action),
                        theirs: field.show(theirs_action),
                        side,
                    });
                }
                let ours_updates: HashSet<&str> =
                    ours_action.updates.iter().map(|u| u.id.as_str()).collect();
                updates_added += theirs_action
                    .updates
                    .iter()
                    .filter(|u| !ours_updates.contains(u.id.as_str()))
                    .count();
            }
            None => differences.push(Difference {
                key: format!("{id}/only-ours"),
                recommendation_id: rec.id.clone(),
                recommendation_number: rec.number.clone(),
                action_id: id.to_string(),
                change: Change::ActionOnlyOurs,
                ours: ours_action.text.clone(),
                theirs: String::new(),
                // Kept in the base and gone from theirs: they removed it.
                side: match in_base(id) {
                    None => Side::Unknown,
                    Some(true) => Side::Theirs,
                    Some(false) => Side::Ours,
                },
            }),
        }
    }

    let mut recommendations_only_theirs = Vec::new();
    for (rec, theirs_action) in theirs.actions() {
        let id = theirs_action.id.as_str();
        if our_actions.contains_key(id) {
            continue;
        }
        let Some(our_rec) = ours.recommendation(&rec.id) else {
            if !recommendations_only_theirs.contains(&rec.number) {
                recommendations_only_theirs.push(rec.number.clone());
            }
            continue;
        };
        differences.push(Difference {
            key: format!("{id}/only-theirs"),
            recommendation_id: our_rec.id.clone(),
            recommendation_number: our_rec.number.clone(),
            action_id: id.to_string(),
            change: Change::ActionOnlyTheirs,
            ours: String::new(),
            theirs: theirs_action.text.clone(),
            // In the base and gone from ours: this browser removed it.
            side: match in_base(id) {
                None => Side::Unknown,
                Some(true) => Side::Ours,
                Some(false) => Side::Theirs,
            },
        });
    }
    Comparison {
        differences,
        updates_added,
        recommendations_only_theirs,
    }
}

/// This browser's copy with the returned copy's progress updates added and the chosen
/// differences (by key) taken from it.
pub fn merge(ours: &Plan, theirs: &Plan, take: &HashSet<String>) -> Plan {
    let their_actions = actions_by_id(theirs);
    let mut merged = ours.clone();
    for rec in &mut merged.recommendations {
        rec.actions
            .retain(|a| !take.contains(&format!("{}/only-ours", a.id)));
        for shared in &mut rec.actions {
            let Some((_, theirs_action)) = their_actions.get(shared.id.as_str()) else {
                continue;
            };
            let fields: Vec<Field> = Field::ALL
                .into_iter()
                .filter(|field| take.contains(&format!("{}/{}", shared.id, field.key())))
                .collect();
            let known: HashSet<&str> = shared.updates.iter().map(|u| u.id.as_str()).collect();
            let new_updates: Vec<Update> = theirs_action
                .updates
                .iter()
                .filter(|u| !known.contains(u.id.as_str()))
                .cloned()
                .collect();
            if fields.is_empty() && new_updates.is_empty() {
                // Unchanged: stays shared with this browser's copy.
                continue;
            }
            let action = Arc::make_mut(shared);
            for field in fields {
                field.copy(theirs_action, action);
            }
            action.updates.extend(new_updates);
            action.updates.sort_by_key(|u| u.date);
        }
    }
    for (rec, theirs_action) in theirs.actions() {
        if !take.contains(&format!("{}/only-theirs", theirs_action.id)) {
            continue;
        }
        let already = merged.actions().any(|(_, a)| a.id == theirs_action.id);
        if let (false, Some(target)) = (
            already,
            merged.recommendations.iter_mut().find(|r| r.id == rec.id),
        ) {
            target.actions.push(Arc::new(theirs_action.clone()));
        }
    }
    merged
}
