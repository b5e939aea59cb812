//! How a difference reads to the officer: where it is ("Action 3.1"), what it is ("Due"),
//! and each copy's value as a person reads it ("31 March 2020", "On track").

use serde_json::Value;

use super::tree::{Key, Slot, Tree};
use super::Difference;
use crate::domain::dates::{format_long, parse_iso};
use crate::domain::Status;

/// Reads names and numbers from this browser's copy first, then the file's.
pub(super) struct Labels<'a> {
    trees: [&'a Tree; 2],
}

fn text(value: Option<&Value>) -> &str {
    value.and_then(Value::as_str).unwrap_or_default()
}

fn shorten(text: &str, most: usize) -> String {
    let text = text.trim();
    if text.chars().count() <= most {
        return text.to_string();
    }
    let cut: String = text.chars().take(most).collect();
    format!("{}…", cut.trim_end())
}

fn humanise(name: &str) -> String {
    let words = name.replace(['.', '_'], " ");
    let mut chars = words.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

impl<'a> Labels<'a> {
    pub fn new(ours: &'a Tree, theirs: &'a Tree) -> Labels<'a> {
        Labels {
            trees: [ours, theirs],
        }
    }

    fn field_of(&self, key: &Key, name: &str) -> Option<&'a Value> {
        self.trees
            .iter()
            .find_map(|t| t.nodes.get(key).and_then(|n| n.fields.get(name)))
    }

    fn slot_of(&self, key: &Key) -> Option<&'a Slot> {
        self.trees
            .iter()
            .find_map(|t| t.nodes.get(key).and_then(|n| n.slot.as_ref()))
    }

    /// Where the entity stands in its list, counting from 1.
    fn position(&self, key: &Key) -> usize {
        self.trees
            .iter()
            .find_map(|t| {
                let slot = t.nodes.get(key)?.slot.as_ref()?;
                t.lists.get(slot)?.iter().position(|k| k == key)
            })
            .map_or(0, |p| p + 1)
    }

    fn action_number(&self, key: &Key) -> String {
        let rec = self
            .slot_of(key)
            .map(|s| text(self.field_of(&s.parent, "number")).to_string())
            .unwrap_or_default();
        format!("{rec}.{}", self.position(key))
    }

    /// Where in the plan: "The plan", "Recommendation 3", "Action 3.1".
    pub fn place(&self, key: &Key) -> String {
        match key.kind() {
            "" => "The plan".to_string(),
            "recommendations" => format!("Recommendation {}", text(self.field_of(key, "number"))),
            "actions" => format!("Action {}", self.action_number(key)),
            "updates" => {
                let date = text(self.field_of(key, "date"));
                let action = self
                    .slot_of(key)
                    .map(|s| self.action_number(&s.parent))
                    .unwrap_or_default();
                format!("Progress update of {} on action {action}", self.date(date))
            }
            "themes" => format!("Theme “{}”", text(self.field_of(key, "title"))),
            "groups" => format!("Group “{}”", text(self.field_of(key, "name"))),
            "milestones" => format!("Milestone “{}”", text(self.field_of(key, "title"))),
            "narrative" => {
                let date = text(self.field_of(key, "date"));
                let rec = self
                    .slot_of(key)
                    .map(|s| text(self.field_of(&s.parent, "number")).to_string())
                    .unwrap_or_default();
                format!("Narrative of {} on recommendation {rec}", self.date(date))
            }
            "due_history" => {
                let date = text(self.field_of(key, "changed"));
                let action = self
                    .slot_of(key)
                    .map(|s| self.action_number(&s.parent))
                    .unwrap_or_default();
                format!("Due date moved on {} on action {action}", self.date(date))
            }
            "later_reviews" => format!(
                "Review of {}",
                self.date(text(self.field_of(key, "onsite_from")))
            ),
            "suggestions" => format!("Suggestion {}", text(self.field_of(key, "number"))),
            "schedule" => format!(
                "Reporting schedule of “{}”",
                text(self.field_of(key, "committee"))
            ),
            "reports" => format!(
                "Report issued as at {}",
                self.date(text(self.field_of(key, "as_at")))
            ),
            other => format!("{} {}", humanise(other), key.id),
        }
    }

    /// The part of the plan a difference is shown under: its recommendation, or the plan.
    pub fn group(&self, key: &Key) -> String {
        let mut current = key.clone();
        while let Some(slot) = self.slot_of(&current) {
            if slot.parent.is_root() {
                break;
            }
            current = slot.parent.clone();
        }
        if current.kind() == "recommendations" {
            self.place(&current)
        } else {
            "The plan".to_string()
        }
    }

    /// "The action", "The progress update".
    pub fn thing(&self, key: &Key) -> String {
        let name = match key.kind() {
            "recommendations" => "recommendation",
            "actions" => "action",
            "updates" => "progress update",
            "themes" => "theme",
            "groups" => "group",
            "milestones" => "milestone",
            "narrative" => "narrative",
            "due_history" => "due date move",
            "schedule" => "reporting schedule",
            "later_reviews" => "later review",
            "suggestions" => "suggestion",
            "reports" => "report issued",
            other => return format!("The {}", humanise(other).to_lowercase()),
        };
        format!("The {name}")
    }

    pub fn field(&self, key: &Key, name: &str) -> String {
        let label = match (key.kind(), name) {
            ("actions", "text") => "What the council will do",
            (_, "council") => "Council",
            (_, "title") => "Title",
            (_, "number") => "Number",
            (_, "context") => "Context",
            (_, "response") => "Response",
            (_, "reason") => "Reason",
            (_, "themes") => "Themes",
            (_, "group") => "Group",
            (_, "timescale") => "Timescale",
            (_, "due") => "Due",
            (_, "done") => "Done",
            (_, "progress") => "Progress to date",
            (_, "next_steps") => "Next steps",
            (_, "impact") => "What difference it has made",
            (_, "feedback") => "Feedback",
            (_, "rating") => "Rating",
            (_, "changed") => "Moved on",
            (_, "from") => "Moved from",
            (_, "leads") => "Leads",
            (_, "status") => "Status",
            (_, "links") => "Evidence links",
            (_, "date") => "Date",
            (_, "note") => "Note",
            (_, "author") => "Author",
            (_, "name") => "Name",
            (_, "question") => "Question",
            (_, "kind") => "Kind",
            (_, "findings") => "Key findings",
            (_, "review.kind") => "Kind of review",
            (_, "review.onsite_from") => "Peer team's first day on site",
            (_, "review.onsite_to") => "Peer team's last day on site",
            (_, "review.report_received") => "Feedback report received",
            (_, "review.peer_team") => "Peer team",
            _ => return humanise(name),
        };
        label.to_string()
    }

    fn date(&self, value: &str) -> String {
        parse_iso(value).map_or_else(|| value.to_string(), format_long)
    }

    /// A value as a person reads it; "" when there is none.
    pub fn value(&self, name: &str, value: Option<&Value>) -> String {
        match value {
            None | Some(Value::Null) => String::new(),
            Some(Value::String(s)) if name.ends_with("status") => {
                Status::parse(s).map_or_else(|| s.clone(), |st| st.label().to_string())
            }
            Some(Value::String(s)) => self.date(s),
            Some(Value::Bool(b)) => if *b { "Yes" } else { "No" }.to_string(),
            Some(Value::Number(n)) => n.to_string(),
            Some(Value::Array(items)) => items
                .iter()
                .map(|item| self.value(name, Some(item)))
                .filter(|s| !s.is_empty())
                .collect::<Vec<_>>()
                .join("; "),
            Some(Value::Object(fields)) => fields
                .iter()
                .map(|(k, v)| self.value(k, Some(v)))
                .filter(|s| !s.is_empty())
                .collect::<Vec<_>>()
                .join(", "),
        }
    }

    /// A line that says what an entity is, from the copy that has it.
    pub fn summary(&self, tree: &Tree, key: &Key) -> String {
        let Some(node) = tree.nodes.get(key) else {
            return String::new();
        };
        let get = |name: &str| text(node.fields.get(name));
        match key.kind() {
            "updates" => {
                let status = Status::parse(get("status")).map_or("", |s| s.label());
                format!("{}: {status}. {}", self.date(get("date")), get("note"))
                    .trim_end_matches([' ', '.'])
                    .to_string()
            }
            "actions" => get("text").to_string(),
            "groups" => get("name").to_string(),
            _ => {
                let title = get("title");
                if title.is_empty() {
                    key.id.clone()
                } else {
                    title.to_string()
                }
            }
        }
    }

    /// Where an entity sits, for a move: "Recommendation 4".
    pub fn slot(&self, slot: Option<&Slot>) -> String {
        slot.map_or_else(String::new, |s| self.place(&s.parent))
    }

    /// "Order of actions", "Order of recommendations".
    pub fn order(&self, slot: &Slot) -> String {
        format!("Order of {}", humanise(&slot.field).to_lowercase())
    }

    /// Items in order, named briefly.
    pub fn sequence(&self, keys: &[Key]) -> String {
        keys.iter()
            .map(|k| match k.kind() {
                "recommendations" => text(self.field_of(k, "number")).to_string(),
                "actions" => shorten(text(self.field_of(k, "text")), 40),
                _ => self.place(k),
            })
            .collect::<Vec<_>>()
            .join("; ")
    }

    /// What `here` changed in an entity (and under it) since `base`: what a delete on the
    /// other side would lose.
    pub fn changes(&self, base: &Tree, here: &Tree, key: &Key) -> Vec<String> {
        let mut lines = Vec::new();
        self.collect_changes(base, here, key, &mut lines);
        lines
    }

    fn collect_changes(&self, base: &Tree, here: &Tree, key: &Key, lines: &mut Vec<String>) {
        let Some(node) = here.nodes.get(key) else {
            return;
        };
        let Some(before) = base.nodes.get(key) else {
            lines.push(format!(
                "{} added: {}",
                self.thing(key),
                self.summary(here, key)
            ));
            return;
        };
        for (name, value) in &node.fields {
            if before.fields.get(name) != Some(value) {
                lines.push(format!(
                    "{}: {} changed to “{}”",
                    self.place(key),
                    self.field(key, name),
                    self.value(name, Some(value))
                ));
            }
        }
        for child in here.children(key) {
            self.collect_changes(base, here, child, lines);
        }
    }

    /// The plan first, then each recommendation in this browser's order; within each,
    /// in the order the differences were found (entity by entity).
    pub fn sort(&self, differences: &mut [Difference]) {
        let recommendations: Vec<String> = self
            .trees
            .iter()
            .flat_map(|t| {
                t.lists
                    .iter()
                    .filter(|(slot, _)| slot.parent.is_root() && slot.field == "recommendations")
                    .flat_map(|(_, keys)| keys.iter().map(|k| self.place(k)))
            })
            .collect();
        let rank = |group: &str| {
            if group == "The plan" {
                0
            } else {
                recommendations
                    .iter()
                    .position(|g| g == group)
                    .map_or(usize::MAX, |p| p + 1)
            }
        };
        differences.sort_by_key(|d| rank(&d.group));
    }
}
