//! A recommendation as the importer reads it, with its actions, their progress updates and
//! evidence links.

use serde_json::Value;

use super::checker::{index, join, kind_of, Checker};
use super::plan_parts::PlanIds;
use crate::domain::rules;
use crate::domain::validate::is_web_address;
use crate::domain::{
    Action, DueChange, Link, Narrative, Recommendation, Response, Suggestion, Update,
};

impl Checker {
    pub(super) fn recommendation(
        &mut self,
        path: &str,
        value: &Value,
        ids: &mut PlanIds,
    ) -> Option<Recommendation> {
        let map = self.object(path, value, "a recommendation")?;
        self.warn_unknown(
            path,
            map,
            &[
                "id",
                "number",
                "title",
                "context",
                "response",
                "response_reason",
                "themes",
                "group",
                "actions",
                "narrative",
                "impact",
                "suggestions",
            ],
        );
        let id = self.id(path, map, &mut ids.recommendations, "recommendation");
        let number = self.required_text(path, map, "number", rules::RECOMMENDATION_NUMBER_NEEDED);
        let title = self.required_text(path, map, "title", rules::RECOMMENDATION_TITLE_NEEDED);
        let context = self.optional_text(path, map, "context");
        let response = match map.get("response") {
            None | Some(Value::Null) => Some(Response::Accepted),
            Some(Value::String(s)) => {
                let response = Response::parse(s);
                if response.is_none() {
                    self.problem(
                        join(path, "response"),
                        format!("is \"{s}\": use accepted, partly_accepted or not_accepted"),
                    );
                }
                response
            }
            Some(other) => {
                self.problem(
                    join(path, "response"),
                    format!(
                        "should be accepted, partly_accepted or not_accepted, not {}",
                        kind_of(other)
                    ),
                );
                None
            }
        };
        let response_reason = self.optional_text(path, map, "response_reason");
        if let Some(r) = response {
            if r != Response::Accepted && response_reason.trim().is_empty() {
                self.problem(join(path, "response_reason"), rules::reason_missing(r));
            }
        }
        let themes = self.text_list(path, map, "themes");
        for (i, theme) in themes.iter().enumerate() {
            if !ids.themes.contains(theme) {
                self.problem(index(&join(path, "themes"), i), rules::unknown_theme(theme));
            }
        }
        let group = match map.get("group") {
            None | Some(Value::Null) => Some(None),
            Some(Value::String(g)) if ids.groups.contains(g) => Some(Some(g.clone())),
            Some(Value::String(g)) => {
                self.problem(join(path, "group"), rules::unknown_group(g));
                None
            }
            Some(other) => {
                self.problem(
                    join(path, "group"),
                    format!("should be a group's id or null, not {}", kind_of(other)),
                );
                None
            }
        };
        let suggestions: Vec<Suggestion> = self
            .list(path, map, "suggestions")
            .iter()
            .enumerate()
            .filter_map(|(i, v)| self.suggestion(&index(&join(path, "suggestions"), i), v, ids))
            .collect();
        let impact = self.optional_text(path, map, "impact");
        let actions: Vec<Action> = self
            .list(path, map, "actions")
            .iter()
            .enumerate()
            .filter_map(|(i, v)| self.action(&index(&join(path, "actions"), i), v, ids))
            .collect();
        let narrative: Vec<Narrative> = self
            .list(path, map, "narrative")
            .iter()
            .enumerate()
            .filter_map(|(i, v)| {
                self.narrative(&index(&join(path, "narrative"), i), v, &mut ids.cycle)
            })
            .collect();
        Some(Recommendation {
            id: id?,
            number: number?,
            title: title?,
            context,
            response: response?,
            response_reason,
            themes,
            group: group?,
            actions: actions.into_iter().map(std::sync::Arc::new).collect(),
            narrative,
            impact,
            suggestions,
        })
    }

    fn action(&mut self, path: &str, value: &Value, ids: &mut PlanIds) -> Option<Action> {
        let map = self.object(path, value, "an action")?;
        self.warn_unknown(
            path,
            map,
            &[
                "id",
                "text",
                "timescale",
                "due",
                "leads",
                "status",
                "updates",
                "links",
                "added",
                "due_history",
                "suggestion",
            ],
        );
        let id = self.id(path, map, &mut ids.actions, "action");
        let text = self.required_text(path, map, "text", rules::ACTION_TEXT_NEEDED);
        let timescale = self.optional_text(path, map, "timescale");
        let due = self.optional_date(path, map, "due");
        let leads = self.text_list(path, map, "leads");
        let status = self.status(path, map, "every action needs a status");
        let updates: Vec<Update> = self
            .list(path, map, "updates")
            .iter()
            .enumerate()
            .filter_map(|(i, v)| self.update(&index(&join(path, "updates"), i), v, ids))
            .collect();
        let links: Vec<Link> = self
            .list(path, map, "links")
            .iter()
            .enumerate()
            .filter_map(|(i, v)| self.link(&index(&join(path, "links"), i), v))
            .collect();
        let added = self.optional_date(path, map, "added");
        let mut due_history: Vec<DueChange> = self
            .list(path, map, "due_history")
            .iter()
            .enumerate()
            .filter_map(|(i, v)| {
                self.due_change(&index(&join(path, "due_history"), i), v, &mut ids.cycle)
            })
            .collect();
        let suggestion = match map.get("suggestion") {
            None | Some(Value::Null) => Some(None),
            Some(Value::String(s)) => Some(Some(s.clone())),
            Some(other) => {
                self.problem(
                    join(path, "suggestion"),
                    format!(
                        "should be a suggestion's id or null, not {}",
                        kind_of(other)
                    ),
                );
                None
            }
        };
        // Oldest first, as the format says; a stable sort keeps moves made on one day.
        due_history.sort_by_key(|c| c.changed);
        Some(Action {
            id: id?,
            text: text?,
            timescale,
            due: due?,
            leads,
            status: status?,
            updates,
            links,
            added: added?,
            due_history,
            suggestion: suggestion?,
        })
    }

    fn suggestion(&mut self, path: &str, value: &Value, ids: &mut PlanIds) -> Option<Suggestion> {
        let map = self.object(path, value, "a suggestion")?;
        self.warn_unknown(path, map, &["id", "number", "text", "review", "noted"]);
        let id = self.id(path, map, &mut ids.suggestions, "suggestion");
        let number = self.required_text(path, map, "number", rules::SUGGESTION_NUMBER_NEEDED);
        let text = self.required_text(path, map, "text", rules::SUGGESTION_TEXT_NEEDED);
        let review = match map.get("review") {
            None | Some(Value::Null) => Some(None),
            Some(Value::String(r)) => Some(Some(r.clone())),
            Some(other) => {
                self.problem(
                    join(path, "review"),
                    format!(
                        "should be a later review's id or null, not {}",
                        kind_of(other)
                    ),
                );
                None
            }
        };
        let noted = self.flag(path, map, "noted");
        Some(Suggestion {
            id: id?,
            number: number?,
            text: text?,
            review: review?,
            noted: noted?,
        })
    }

    fn update(&mut self, path: &str, value: &Value, ids: &mut PlanIds) -> Option<Update> {
        let map = self.object(path, value, "a progress update")?;
        self.warn_unknown(path, map, &["id", "date", "status", "note", "author"]);
        let id = self.id(path, map, &mut ids.updates, "progress update");
        let date = self.required_date(path, map, "date", "every progress update needs its date");
        let status = self.status(
            path,
            map,
            "every progress update says where the action stood",
        );
        let note = self.optional_text(path, map, "note");
        let author = self.optional_text(path, map, "author");
        Some(Update {
            id: id?,
            date: date?,
            status: status?,
            note,
            author,
        })
    }

    fn link(&mut self, path: &str, value: &Value) -> Option<Link> {
        let map = self.object(path, value, "a link")?;
        self.warn_unknown(path, map, &["title", "url"]);
        let title = self.optional_text(path, map, "title");
        let url = self.required_text(path, map, "url", "every link needs its web address");
        if let Some(url) = &url {
            if !is_web_address(url) {
                self.problem(join(path, "url"), rules::not_web_address(url));
                return None;
            }
        }
        Some(Link { title, url: url? })
    }
}
