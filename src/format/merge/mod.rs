//! Merging a returned copy of a plan: a three-way merge of the whole plan, entity by
//! entity and field by field.
//!
//! The officer sends copies of the plan out; lead officers change them and send them
//! back, in any order. `base` is the copy the returned file came from, exactly as it was
//! sent (`Copies sent`), so each difference says which side changed it since the copies
//! parted. Only the file's own changes are taken unasked, so copies that changed
//! different things merge to the same plan in any order, and merging a copy twice changes
//! nothing the second time. A change made on both sides, or a delete on one side of what
//! the other changed, always waits for the officer. With no base (an older file, or the
//! copy sent is gone), nothing that changes a value here is taken by default.
//!
//! The plans are compared as the format writes them ([`tree`]), so every field the
//! format has is merged, and any it gains later is merged the same way.

mod describe;
mod labels;
mod tree;

pub use describe::describe_change;

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};

use serde_json::Value;

use self::labels::Labels;
use self::tree::{entity_lists, flatten, Key, Slot, Tree};
use super::import::import_value;
use crate::domain::{Plan, Problem};

/// Which copy changed something since they parted.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Side {
    /// Only the returned copy changed it: taken unless the officer says otherwise.
    Theirs,
    /// Only this browser's copy changed it: kept unless the officer says otherwise.
    Ours,
    /// Both changed it, or one deleted what the other changed: the officer must pick.
    Both,
    /// No copy from when they parted, so it cannot be told: kept unless the officer says.
    Unknown,
}

/// What a difference is about.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// A value both copies have, different.
    Field,
    /// Something only the file has: added there, or deleted here.
    OnlyTheirs,
    /// Something only this browser has: added here, or deleted in the file.
    OnlyOurs,
    /// In another place: an action moved to another recommendation.
    Moved,
    /// The same items in another order.
    Order,
}

/// One thing that differs between the copies.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Difference {
    /// Stable within one comparison: what the officer's choice is recorded against.
    pub key: String,
    /// The part of the plan it belongs to, for grouping: "The plan", "Recommendation 3".
    pub group: String,
    /// Where: "Action 3.1", "Progress update of 4 March 2020 on action 3.1".
    pub place: String,
    /// What: "Due", "Status", "The action", "Order of actions".
    pub what: String,
    /// This browser's value, as a person reads it ("" when it is not here).
    pub ours: String,
    /// The file's value.
    pub theirs: String,
    pub side: Side,
    pub kind: Kind,
    /// For a delete against a change: what the change was, so the officer sees what would
    /// be lost.
    pub lost_if_deleted: Vec<String>,
}

impl Difference {
    /// Whether the file's value is taken when the officer makes no choice.
    pub fn taken_by_default(&self) -> bool {
        self.side == Side::Theirs
    }

    /// Whether the officer must choose before merging.
    pub fn needs_choice(&self) -> bool {
        self.side == Side::Both
    }
}

/// Everything a merge would do.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Comparison {
    pub differences: Vec<Difference>,
    /// Whether the copy the file came from was here to compare against.
    pub has_base: bool,
}

impl Comparison {
    /// How many things the file changed since it was sent (or differs in, with no base).
    pub fn changes_in_file(&self) -> usize {
        self.differences
            .iter()
            .filter(|d| matches!(d.side, Side::Theirs | Side::Both | Side::Unknown))
            .count()
    }

    /// The choices the page starts with: the file's own changes taken, nothing else.
    pub fn default_take(&self) -> HashSet<String> {
        self.differences
            .iter()
            .filter(|d| d.taken_by_default())
            .map(|d| d.key.clone())
            .collect()
    }
}

/// The three copies as entities.
struct Three {
    base: Option<Tree>,
    ours: Tree,
    theirs: Tree,
}

/// The plan as the format writes it. Through text, not `serde_json::to_value`: the app
/// already carries the code to write and to parse JSON text, and `to_value` would add a
/// third serialiser to the download for no gain.
fn to_value(plan: &Plan) -> Value {
    let text = serde_json::to_string(plan).expect("a plan always serialises");
    serde_json::from_str(&text).expect("serde_json reads what it wrote")
}

impl Three {
    fn new(base: Option<&Plan>, ours: &Plan, theirs: &Plan) -> Three {
        let values: Vec<Value> = [Some(ours), Some(theirs), base]
            .into_iter()
            .flatten()
            .map(to_value)
            .collect();
        let lists = entity_lists(&values.iter().collect::<Vec<_>>());
        Three {
            ours: flatten(&values[0], &lists),
            theirs: flatten(&values[1], &lists),
            base: values.get(2).map(|v| flatten(v, &lists)),
        }
    }

    /// Which side changed a value, given how to read it from each copy.
    fn side<'t, T: PartialEq>(&'t self, read: impl Fn(&'t Tree) -> Option<T>) -> Option<Side> {
        let (ours, theirs) = (read(&self.ours), read(&self.theirs));
        if ours == theirs {
            return None;
        }
        Some(match &self.base {
            None => Side::Unknown,
            Some(base) => {
                let base = read(base);
                if base == ours {
                    Side::Theirs
                } else if base == theirs {
                    Side::Ours
                } else {
                    Side::Both
                }
            }
        })
    }

    fn keys(&self) -> BTreeSet<&Key> {
        self.ours
            .nodes
            .keys()
            .chain(self.theirs.nodes.keys())
            .collect()
    }
}

fn field_key(key: &Key, field: &str) -> String {
    format!("{}:{}:{field}", key.list, key.id)
}

fn presence_key(key: &Key) -> String {
    format!("{}:{}#present", key.list, key.id)
}

fn move_key(key: &Key) -> String {
    format!("{}:{}#place", key.list, key.id)
}

fn order_key(slot: &Slot) -> String {
    format!(
        "{}:{}/{}#order",
        slot.parent.list, slot.parent.id, slot.field
    )
}

/// The items of a list that are in every copy given, in `order`'s order.
fn common(order: &[Key], others: &[&[Key]]) -> Vec<Key> {
    let sets: Vec<HashSet<&Key>> = others.iter().map(|o| o.iter().collect()).collect();
    order
        .iter()
        .filter(|k| sets.iter().all(|set| set.contains(k)))
        .cloned()
        .collect()
}

/// What differs between this browser's copy and a returned one, measured against the
/// copy the file came from when there is one.
pub fn compare(base: Option<&Plan>, ours: &Plan, theirs: &Plan) -> Comparison {
    let three = Three::new(base, ours, theirs);
    let labels = Labels::new(&three.ours, &three.theirs);
    let mut differences = Vec::new();
    for key in three.keys() {
        let (o, t) = (three.ours.nodes.get(key), three.theirs.nodes.get(key));
        match (o, t) {
            (Some(o), Some(t)) => {
                let names: BTreeSet<&String> = o.fields.keys().chain(t.fields.keys()).collect();
                for name in names {
                    let Some(side) =
                        three.side(|tree| tree.nodes.get(key).and_then(|n| n.fields.get(name)))
                    else {
                        continue;
                    };
                    differences.push(Difference {
                        key: field_key(key, name),
                        group: labels.group(key),
                        place: labels.place(key),
                        what: labels.field(key, name),
                        ours: labels.value(name, o.fields.get(name)),
                        theirs: labels.value(name, t.fields.get(name)),
                        side,
                        kind: Kind::Field,
                        lost_if_deleted: Vec::new(),
                    });
                }
                if let Some(side) = three.side(|tree| tree.nodes.get(key).map(|n| n.slot.clone())) {
                    differences.push(Difference {
                        key: move_key(key),
                        group: labels.group(key),
                        place: labels.place(key),
                        what: "Where it is".to_string(),
                        ours: labels.slot(o.slot.as_ref()),
                        theirs: labels.slot(t.slot.as_ref()),
                        side,
                        kind: Kind::Moved,
                        lost_if_deleted: Vec::new(),
                    });
                }
            }
            (Some(node), None) | (None, Some(node)) => {
                let only_ours = t.is_none();
                let (here, there) = if only_ours {
                    (&three.ours, &three.theirs)
                } else {
                    (&three.theirs, &three.ours)
                };
                // Added inside something that was itself added on this side: that one
                // difference covers it. (Something the other side had, deleted there and
                // moved here into something new, is a difference of its own.)
                let in_base = three
                    .base
                    .as_ref()
                    .is_some_and(|b| b.nodes.contains_key(key));
                if !in_base
                    && node.slot.as_ref().is_some_and(|s| {
                        !s.parent.is_root()
                            && !there.nodes.contains_key(&s.parent)
                            && here.nodes.contains_key(&s.parent)
                    })
                {
                    continue;
                }
                let (side, lost) = match &three.base {
                    None => (Side::Unknown, Vec::new()),
                    Some(base) if base.nodes.contains_key(key) => {
                        // Deleted on the other side: a plain delete if this side left it
                        // as it was, a choice if this side changed it.
                        if here.same_subtree(base, key) {
                            (
                                if only_ours { Side::Theirs } else { Side::Ours },
                                Vec::new(),
                            )
                        } else {
                            (Side::Both, labels.changes(base, here, key))
                        }
                    }
                    Some(_) => (
                        if only_ours { Side::Ours } else { Side::Theirs },
                        Vec::new(),
                    ),
                };
                let summary = labels.summary(here, key);
                differences.push(Difference {
                    key: presence_key(key),
                    group: labels.group(key),
                    place: labels.place(key),
                    what: labels.thing(key),
                    ours: if only_ours {
                        summary.clone()
                    } else {
                        String::new()
                    },
                    theirs: if only_ours { String::new() } else { summary },
                    side,
                    kind: if only_ours {
                        Kind::OnlyOurs
                    } else {
                        Kind::OnlyTheirs
                    },
                    lost_if_deleted: lost,
                });
            }
            (None, None) => {}
        }
    }
    // The order of items both copies list in the same place.
    for (slot, ours_order) in &three.ours.lists {
        let Some(theirs_order) = three.theirs.lists.get(slot) else {
            continue;
        };
        let base_order = three.base.as_ref().and_then(|b| b.lists.get(slot));
        let read = |tree: &Tree| {
            let order = tree.lists.get(slot).map(Vec::as_slice).unwrap_or_default();
            let mut others: Vec<&[Key]> = vec![ours_order, theirs_order];
            if let Some(base) = base_order {
                others.push(base);
            }
            Some(common(order, &others))
        };
        let Some(side) = three.side(read) else {
            continue;
        };
        differences.push(Difference {
            key: order_key(slot),
            group: labels.group(&slot.parent),
            place: labels.place(&slot.parent),
            what: labels.order(slot),
            ours: labels.sequence(&common(ours_order, &[theirs_order])),
            theirs: labels.sequence(&common(theirs_order, &[ours_order])),
            side,
            kind: Kind::Order,
            lost_if_deleted: Vec::new(),
        });
    }
    labels.sort(&mut differences);
    Comparison {
        differences,
        has_base: three.base.is_some(),
    }
}

/// This browser's copy with the differences whose keys are in `take` taken from the file.
/// The result is checked like any imported file: a combination that breaks a rule (a
/// recommendation naming a theme the other side deleted, say) is refused with the reason.
pub fn merge(
    base: Option<&Plan>,
    ours: &Plan,
    theirs: &Plan,
    take: &HashSet<String>,
) -> Result<Plan, Vec<Problem>> {
    let three = Three::new(base, ours, theirs);
    let mut merged = Tree::default();
    for key in three.keys() {
        let (o, t) = (three.ours.nodes.get(key), three.theirs.nodes.get(key));
        let node = match (o, t) {
            (Some(o), Some(t)) => {
                let mut node = o.clone();
                let names: BTreeSet<&String> = o.fields.keys().chain(t.fields.keys()).collect();
                for name in names {
                    if o.fields.get(name) != t.fields.get(name)
                        && take.contains(&field_key(key, name))
                    {
                        match t.fields.get(name) {
                            Some(value) => node.fields.insert(name.clone(), value.clone()),
                            None => node.fields.remove(name),
                        };
                    }
                }
                if o.slot != t.slot && take.contains(&move_key(key)) {
                    node.slot = t.slot.clone();
                }
                node
            }
            (Some(o), None) => {
                if take.contains(&presence_key(key)) {
                    continue;
                }
                o.clone()
            }
            (None, Some(t)) => {
                // Added in the file inside something also added there: it comes with its
                // parent (and goes if the parent is not taken).
                let in_base = three
                    .base
                    .as_ref()
                    .is_some_and(|b| b.nodes.contains_key(key));
                let with_parent = !in_base
                    && t.slot.as_ref().is_some_and(|s| {
                        !three.ours.nodes.contains_key(&s.parent) && !s.parent.is_root()
                    });
                if !take.contains(&presence_key(key)) && !with_parent {
                    continue;
                }
                t.clone()
            }
            (None, None) => continue,
        };
        merged.nodes.insert(key.clone(), node);
    }
    // An entity whose chosen place is gone (moved into something not taken) stays where
    // it was; one whose parent did not make it into the merged plan goes with it.
    let homeless = merged.homeless();
    for key in homeless {
        let fallback = [&three.ours, &three.theirs].into_iter().find_map(|tree| {
            tree.nodes
                .get(&key)
                .and_then(|n| n.slot.clone())
                .filter(|s| merged.nodes.contains_key(&s.parent))
        });
        if let (Some(slot), Some(node)) = (fallback, merged.nodes.get_mut(&key)) {
            node.slot = Some(slot);
        }
    }
    // Something both copies have must never go because of where it was put: a choice
    // that leaves it nowhere (moved into a recommendation that is not taken, out of one
    // that is deleted) is refused, with the reason.
    let stranded: Vec<Key> = merged
        .homeless()
        .into_iter()
        .filter(|k| three.ours.nodes.contains_key(k) && three.theirs.nodes.contains_key(k))
        .collect();
    if !stranded.is_empty() {
        let labels = Labels::new(&three.ours, &three.theirs);
        return Err(stranded
            .into_iter()
            .take(20)
            .map(|k| {
                Problem::new(
                    labels.place(&k),
                    "would be left with nowhere to be: take what it was moved into, or leave it where it is",
                )
            })
            .collect());
    }
    loop {
        let orphans = merged.homeless();
        if orphans.is_empty() {
            break;
        }
        for key in orphans {
            merged.nodes.remove(&key);
        }
    }
    merged.lists = order_lists(&three, &merged, take);
    let plan = merged.build(&Key::root());
    let mut file = serde_json::Map::new();
    file.insert("format".into(), Value::String(super::FORMAT.into()));
    file.insert("version".into(), Value::from(super::VERSION));
    file.insert("plan".into(), plan);
    let file = Value::Object(file);
    import_value(&file).map(|imported| imported.plan)
}

/// Each list of the merged plan in order: this browser's order (or the file's, where the
/// file's reordering is taken), with what the file added placed after the item it
/// follows in the file.
fn order_lists(three: &Three, merged: &Tree, take: &HashSet<String>) -> BTreeMap<Slot, Vec<Key>> {
    let mut members: BTreeMap<Slot, Vec<Key>> = BTreeMap::new();
    for (key, node) in &merged.nodes {
        if let Some(slot) = &node.slot {
            members.entry(slot.clone()).or_default().push(key.clone());
        }
    }
    // Lists that are empty in the merged plan are still written, as `[]`.
    for slot in three.ours.lists.keys().chain(three.theirs.lists.keys()) {
        if merged.nodes.contains_key(&slot.parent) {
            members.entry(slot.clone()).or_default();
        }
    }
    let empty = Vec::new();
    members
        .into_iter()
        .map(|(slot, items)| {
            let ours_order = three.ours.lists.get(&slot).unwrap_or(&empty);
            let theirs_order = three.theirs.lists.get(&slot).unwrap_or(&empty);
            let (lead, other) = if take.contains(&order_key(&slot)) {
                (theirs_order, ours_order)
            } else {
                (ours_order, theirs_order)
            };
            // In linear time, for lists of thousands: each item the lead order lacks goes
            // after the item it follows in the other order (or first, if none).
            let members: HashSet<&Key> = items.iter().collect();
            let led: Vec<&Key> = lead.iter().filter(|k| members.contains(k)).collect();
            let in_led: HashSet<&Key> = led.iter().copied().collect();
            let mut following: HashMap<Option<&Key>, Vec<&Key>> = HashMap::new();
            let mut placed: HashSet<&Key> = in_led.clone();
            let mut anchor: Option<&Key> = None;
            for key in other {
                if in_led.contains(key) {
                    anchor = Some(key);
                } else if members.contains(key) && placed.insert(key) {
                    following.entry(anchor).or_default().push(key);
                }
            }
            let mut order: Vec<Key> = Vec::with_capacity(items.len());
            order.extend(
                following
                    .remove(&None)
                    .unwrap_or_default()
                    .into_iter()
                    .cloned(),
            );
            for key in led {
                order.push(key.clone());
                order.extend(
                    following
                        .remove(&Some(key))
                        .unwrap_or_default()
                        .into_iter()
                        .cloned(),
                );
            }
            for key in &items {
                if placed.insert(key) {
                    order.push(key.clone());
                }
            }
            // A list both copies keep in date order (progress updates, oldest first) stays so.
            let date = |tree: &Tree, key: &Key| {
                tree.nodes
                    .get(key)
                    .and_then(|n| n.fields.get("date"))
                    .and_then(Value::as_str)
                    .map(str::to_string)
            };
            let dated = |tree: &Tree, list: &[Key]| {
                let dates: Vec<Option<String>> = list.iter().map(|k| date(tree, k)).collect();
                dates.iter().all(Option::is_some) && dates.windows(2).all(|w| w[0] <= w[1])
            };
            if dated(&three.ours, ours_order) && dated(&three.theirs, theirs_order) {
                order.sort_by_key(|k| date(merged, k));
            }
            (slot, order)
        })
        .collect()
}
