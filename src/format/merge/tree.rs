//! A plan file as a set of entities, so three copies can be compared entity by entity.
//!
//! Every list whose items carry an `id` (recommendations, actions, updates, themes,
//! groups, milestones, and any such list a later version of the format adds) becomes a
//! set of nodes keyed by the list's path and the id. Each node knows its parent, so an
//! action moved to another recommendation is the same node with another parent, and
//! holds its other fields as leaves ("review.onsite_from"), so every field the format
//! has, or will have, is compared like every other.

use std::collections::{BTreeMap, BTreeSet};

use serde_json::{Map, Value};

/// An entity: the path of the list it is in, and its id. The plan itself has both empty.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Key {
    pub list: String,
    pub id: String,
}

impl Key {
    pub fn root() -> Key {
        Key {
            list: String::new(),
            id: String::new(),
        }
    }

    pub fn is_root(&self) -> bool {
        self.list.is_empty()
    }

    /// The last part of the list's path: "actions" for "recommendations.actions".
    pub fn kind(&self) -> &str {
        self.list.rsplit('.').next().unwrap_or_default()
    }
}

/// Where an entity sits: its parent, and the parent's field that lists it.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Slot {
    pub parent: Key,
    pub field: String,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Node {
    pub slot: Option<Slot>,
    /// Every field that is not a list of entities, by its dotted path within the entity.
    pub fields: BTreeMap<String, Value>,
}

/// One copy of a plan, as entities.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Tree {
    pub nodes: BTreeMap<Key, Node>,
    /// Each list of entities, in the copy's order.
    pub lists: BTreeMap<Slot, Vec<Key>>,
}

fn join(path: &str, field: &str) -> String {
    if path.is_empty() {
        field.to_string()
    } else {
        format!("{path}.{field}")
    }
}

fn is_entity(value: &Value) -> bool {
    value.get("id").is_some_and(Value::is_string)
}

/// The paths of every list of entities in any of the copies.
pub fn entity_lists(plans: &[&Value]) -> BTreeSet<String> {
    fn walk(value: &Value, path: &str, found: &mut BTreeSet<String>) {
        match value {
            Value::Object(fields) => {
                for (field, value) in fields {
                    walk(value, &join(path, field), found);
                }
            }
            Value::Array(items) => {
                if !items.is_empty() && items.iter().all(is_entity) {
                    found.insert(path.to_string());
                }
                for item in items {
                    walk(item, path, found);
                }
            }
            _ => {}
        }
    }
    let mut found = BTreeSet::new();
    for plan in plans {
        walk(plan, "", &mut found);
    }
    found
}

/// A plan (the file's `plan` object) as entities.
pub fn flatten(plan: &Value, lists: &BTreeSet<String>) -> Tree {
    let mut tree = Tree::default();
    let root = Key::root();
    let mut node = Node {
        slot: None,
        fields: BTreeMap::new(),
    };
    if let Some(fields) = plan.as_object() {
        flatten_fields(fields, "", "", &root, &mut node, &mut tree, lists);
    }
    tree.nodes.insert(root, node);
    tree
}

/// `list` is the path of the entity's own list (for the paths of lists inside it);
/// `within` the dotted path of a nested object inside the entity.
fn flatten_fields(
    fields: &Map<String, Value>,
    list: &str,
    within: &str,
    key: &Key,
    node: &mut Node,
    tree: &mut Tree,
    lists: &BTreeSet<String>,
) {
    for (name, value) in fields {
        let field = join(within, name);
        let path = join(list, &field);
        match value {
            Value::Array(items) if lists.contains(&path) && items.iter().all(is_entity) => {
                let slot = Slot {
                    parent: key.clone(),
                    field: field.clone(),
                };
                let mut order = Vec::new();
                let mut seen = std::collections::HashSet::new();
                for item in items {
                    let id = item["id"].as_str().unwrap_or_default().to_string();
                    let child_key = Key {
                        list: path.clone(),
                        id,
                    };
                    // Ids are unique in a checked file; a repeat would be a second copy.
                    if tree.nodes.contains_key(&child_key) || !seen.insert(child_key.clone()) {
                        continue;
                    }
                    let mut child = Node {
                        slot: Some(slot.clone()),
                        fields: BTreeMap::new(),
                    };
                    if let Some(item_fields) = item.as_object() {
                        flatten_fields(item_fields, &path, "", &child_key, &mut child, tree, lists);
                    }
                    tree.nodes.insert(child_key.clone(), child);
                    order.push(child_key);
                }
                tree.lists.insert(slot, order);
            }
            Value::Object(inner) if !inner.is_empty() => {
                flatten_fields(inner, list, &field, key, node, tree, lists);
            }
            _ => {
                node.fields.insert(field, value.clone());
            }
        }
    }
}

/// Puts `value` at a dotted path inside `object`, making the objects on the way.
pub fn set_dotted(object: &mut Map<String, Value>, path: &str, value: Value) {
    match path.split_once('.') {
        None => {
            object.insert(path.to_string(), value);
        }
        Some((first, rest)) => {
            let inner = object
                .entry(first.to_string())
                .or_insert_with(|| Value::Object(Map::new()));
            if !inner.is_object() {
                *inner = Value::Object(Map::new());
            }
            if let Value::Object(inner) = inner {
                set_dotted(inner, rest, value);
            }
        }
    }
}

impl Tree {
    /// The entity and everything under it, as JSON.
    pub fn build(&self, key: &Key) -> Value {
        let mut object = Map::new();
        if let Some(node) = self.nodes.get(key) {
            for (path, value) in &node.fields {
                set_dotted(&mut object, path, value.clone());
            }
        }
        for (slot, order) in self.lists.range(
            Slot {
                parent: key.clone(),
                field: String::new(),
            }..,
        ) {
            if &slot.parent != key {
                break;
            }
            let items = order
                .iter()
                .filter(|k| self.nodes.contains_key(*k))
                .map(|k| self.build(k))
                .collect();
            set_dotted(&mut object, &slot.field, Value::Array(items));
        }
        Value::Object(object)
    }

    /// The entities whose parent is not in this tree.
    pub fn homeless(&self) -> Vec<Key> {
        self.nodes
            .iter()
            .filter(|(_, n)| {
                n.slot
                    .as_ref()
                    .is_some_and(|s| !self.nodes.contains_key(&s.parent))
            })
            .map(|(k, _)| k.clone())
            .collect()
    }

    /// The entities listed under `key`, directly.
    pub fn children<'a>(&'a self, key: &'a Key) -> impl Iterator<Item = &'a Key> + 'a {
        self.lists
            .range(
                Slot {
                    parent: key.clone(),
                    field: String::new(),
                }..,
            )
            .take_while(move |(slot, _)| &slot.parent == key)
            .flat_map(|(_, order)| order.iter())
    }

    /// Whether the entity and everything under it are the same in both copies.
    pub fn same_subtree(&self, other: &Tree, key: &Key) -> bool {
        let (Some(a), Some(b)) = (self.nodes.get(key), other.nodes.get(key)) else {
            return false;
        };
        if a != b {
            return false;
        }
        let mine: Vec<&Key> = self.children(key).collect();
        let theirs: Vec<&Key> = other.children(key).collect();
        mine.len() == theirs.len()
            && mine.iter().zip(&theirs).all(|(x, y)| x == y)
            && mine.iter().all(|k| self.same_subtree(other, k))
    }
}
