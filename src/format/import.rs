//! Reads a plan file, checking every rule of plan-format-v1.
//!
//! The file is parsed to a JSON value first and then walked by hand, so that every
//! problem is found in one pass and reported with its path, instead of stopping at the
//! first as a derived `Deserialize` would. Unknown fields are not problems: they are
//! returned as warnings for the import preview.

use std::collections::{HashMap, HashSet};

use chrono::{DateTime, NaiveDate};
use serde_json::{Map, Value};

use super::{FORMAT, VERSION};
use crate::domain::dates::parse_iso;
use crate::domain::problem::Problem;
use crate::domain::validate::{is_web_address, validate};
use crate::domain::{
    Action, Engagement, Group, Link, Milestone, PeerTeamMember, Plan, PlanApproval, Recommendation,
    Response, Review, ReviewKind, Status, Theme, ThemeKind, Update,
};

/// A plan read from a file that follows the format.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Imported {
    pub plan: Plan,
    /// When the file says it was exported, as written (RFC 3339).
    pub exported_at: Option<String>,
    /// Fields the format does not know; they were ignored.
    pub warnings: Vec<Problem>,
}

/// Reads a file's bytes: they must be UTF-8 text (a byte-order mark is allowed).
pub fn import_bytes(bytes: &[u8]) -> Result<Imported, Vec<Problem>> {
    match std::str::from_utf8(bytes) {
        Ok(text) => import(text),
        Err(e) => Err(vec![Problem::new(
            "file",
            format!(
                "is not a text file: byte {} is not UTF-8 text, so this is not a plan file",
                e.valid_up_to() + 1
            ),
        )]),
    }
}

/// Reads a plan file's text. On failure returns every problem found.
pub fn import(text: &str) -> Result<Imported, Vec<Problem>> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.trim().is_empty() {
        return Err(vec![Problem::new(
            "file",
            "is empty: a plan file holds the plan as JSON",
        )]);
    }
    let value: Value = serde_json::from_str(text).map_err(|e| vec![not_json(&e)])?;
    import_value(&value)
}

/// Reads a plan file that has already been parsed as JSON.
pub fn import_value(value: &Value) -> Result<Imported, Vec<Problem>> {
    let Some(root) = value.as_object() else {
        return Err(vec![Problem::new(
            "file",
            format!(
                "is {} of JSON, not a plan file: a plan file is a JSON object with \"format\": \"{FORMAT}\"",
                kind_of(value)
            ),
        )]);
    };
    check_envelope(root).map_err(|p| vec![p])?;

    let mut checker = Checker::default();
    let exported_at = checker.exported_at(root);
    checker.warn_unknown("", root, &["format", "version", "exported_at", "plan"]);
    let plan = match root.get("plan") {
        None | Some(Value::Null) => {
            checker.problem("plan", "is missing: the file has no plan in it");
            None
        }
        Some(value) => checker.plan(value),
    };
    match plan {
        Some(plan) if checker.problems.is_empty() => {
            // The walk checks shape and types; the plan's own rules are checked once more
            // on the typed plan, exactly as every edit is.
            let problems = validate(&plan);
            if !problems.is_empty() {
                return Err(problems);
            }
            Ok(Imported {
                plan,
                exported_at,
                warnings: checker.warnings,
            })
        }
        _ => Err(checker.problems),
    }
}

fn not_json(e: &serde_json::Error) -> Problem {
    let detail = e.to_string();
    let reason = if detail.contains("recursion limit") {
        "is nested too deeply to be a plan file (JSON inside JSON more than 128 levels down)"
            .to_string()
    } else if e.is_eof() {
        format!(
            "is not complete JSON: it ends too soon, at line {} column {}; the file may have been cut off",
            e.line(),
            e.column()
        )
    } else {
        let what = detail
            .split(" at line ")
            .next()
            .unwrap_or(&detail)
            .to_string();
        format!(
            "is not JSON: at line {} column {}, {what}",
            e.line(),
            e.column()
        )
    };
    Problem::new("file", reason)
}

/// The format and version are checked before anything else: if they are wrong, nothing
/// else in the file can be read as a plan, and a list of a hundred problems would not help.
fn check_envelope(root: &Map<String, Value>) -> Result<(), Problem> {
    match root.get("format") {
        Some(Value::String(f)) if f == FORMAT => {}
        Some(Value::String(f)) => {
            return Err(Problem::new(
                "format",
                format!("is \"{f}\": this is not a plan file (a plan file says \"{FORMAT}\")"),
            ))
        }
        Some(other) => {
            return Err(Problem::new(
                "format",
                format!(
                    "is {}: this is not a plan file (a plan file says \"{FORMAT}\")",
                    kind_of(other)
                ),
            ))
        }
        None => {
            return Err(Problem::new(
                "format",
                format!(
                "is missing: this is not a plan file (a plan file says \"format\": \"{FORMAT}\")"
            ),
            ))
        }
    }
    match root.get("version") {
        Some(Value::Number(n)) => match n.as_u64() {
            Some(VERSION) => Ok(()),
            Some(v) if v > VERSION => Err(Problem::new(
                "version",
                format!("is {v}: the file was made by a newer version of the app (v{v}); this app reads version {VERSION}. Update the app to open it"),
            )),
            _ => Err(Problem::new(
                "version",
                format!("is {n}: the version must be a whole number, {VERSION} for this format"),
            )),
        },
        Some(other) => Err(Problem::new(
            "version",
            format!("is {}: the version must be the whole number {VERSION}", kind_of(other)),
        )),
        None => Err(Problem::new(
            "version",
            format!("is missing: a plan file says which version of the format it follows (\"version\": {VERSION})"),
        )),
    }
}

/// The name of a JSON value's type, as a person would say it.
fn kind_of(value: &Value) -> &'static str {
    match value {
        Value::Null => "null (empty)",
        Value::Bool(_) => "true or false",
        Value::Number(_) => "a number",
        Value::String(_) => "text",
        Value::Array(_) => "a list",
        Value::Object(_) => "a set of named fields",
    }
}

fn join(path: &str, key: &str) -> String {
    if path.is_empty() {
        key.to_string()
    } else {
        format!("{path}.{key}")
    }
}

fn index(path: &str, i: usize) -> String {
    format!("{path}[{i}]")
}

/// Where each id was first seen, so a repeat can say where the first one is.
#[derive(Default)]
struct Ids {
    seen: HashMap<String, String>,
}

impl Ids {
    fn claim(&mut self, id: &str, path: &str) -> Result<(), String> {
        match self.seen.get(id) {
            Some(first) => Err(first.clone()),
            None => {
                self.seen.insert(id.to_string(), path.to_string());
                Ok(())
            }
        }
    }
}

#[derive(Default)]
struct Checker {
    problems: Vec<Problem>,
    warnings: Vec<Problem>,
}

impl Checker {
    fn problem(&mut self, path: impl Into<String>, reason: impl Into<String>) {
        self.problems.push(Problem::new(path, reason));
    }

    fn warn_unknown(&mut self, path: &str, map: &Map<String, Value>, known: &[&str]) {
        for key in map.keys().filter(|k| !known.contains(&k.as_str())) {
            self.warnings.push(Problem::new(
                join(path, key),
                "is not part of the plan format, so it was ignored",
            ));
        }
    }

    fn object<'v>(
        &mut self,
        path: &str,
        value: &'v Value,
        what: &str,
    ) -> Option<&'v Map<String, Value>> {
        match value {
            Value::Object(map) => Some(map),
            other => {
                self.problem(
                    path,
                    format!(
                        "should be {what} (a set of named fields), not {}",
                        kind_of(other)
                    ),
                );
                None
            }
        }
    }

    /// A string that must be there and, when `what_for` says so, not be empty.
    fn required_text(
        &mut self,
        path: &str,
        map: &Map<String, Value>,
        key: &str,
        what_for: &str,
    ) -> Option<String> {
        let here = join(path, key);
        match map.get(key) {
            None | Some(Value::Null) => {
                self.problem(here, format!("is missing: {what_for}"));
                None
            }
            Some(Value::String(s)) if s.trim().is_empty() => {
                self.problem(here, format!("is empty: {what_for}"));
                None
            }
            Some(Value::String(s)) => Some(s.clone()),
            Some(other) => {
                self.problem(here, format!("should be text, not {}", kind_of(other)));
                None
            }
        }
    }

    /// A string that may be absent, null or empty: all three read as "".
    fn optional_text(&mut self, path: &str, map: &Map<String, Value>, key: &str) -> String {
        match map.get(key) {
            None | Some(Value::Null) => String::new(),
            Some(Value::String(s)) => s.clone(),
            Some(other) => {
                self.problem(
                    join(path, key),
                    format!("should be text, not {}", kind_of(other)),
                );
                String::new()
            }
        }
    }

    fn date_value(&mut self, here: &str, value: &Value) -> Option<NaiveDate> {
        match value {
            Value::String(s) => {
                let date = parse_iso(s);
                if date.is_none() {
                    self.problem(
                        here,
                        format!("is \"{s}\", which is not a date: write dates as YYYY-MM-DD, for example 2019-12-31"),
                    );
                }
                date
            }
            other => {
                self.problem(
                    here,
                    format!(
                        "should be a date written as YYYY-MM-DD, not {}",
                        kind_of(other)
                    ),
                );
                None
            }
        }
    }

    /// A date that may be absent or null. The outer `None` means it was there but wrong.
    fn optional_date(
        &mut self,
        path: &str,
        map: &Map<String, Value>,
        key: &str,
    ) -> Option<Option<NaiveDate>> {
        match map.get(key) {
            None | Some(Value::Null) => Some(None),
            Some(value) => self.date_value(&join(path, key), value).map(Some),
        }
    }

    fn required_date(
        &mut self,
        path: &str,
        map: &Map<String, Value>,
        key: &str,
        what_for: &str,
    ) -> Option<NaiveDate> {
        match map.get(key) {
            None | Some(Value::Null) => {
                self.problem(join(path, key), format!("is missing: {what_for}"));
                None
            }
            Some(value) => self.date_value(&join(path, key), value),
        }
    }

    /// A list that may be absent or null (read as empty).
    fn list<'v>(&mut self, path: &str, map: &'v Map<String, Value>, key: &str) -> &'v [Value] {
        match map.get(key) {
            None | Some(Value::Null) => &[],
            Some(Value::Array(items)) => items,
            Some(other) => {
                self.problem(
                    join(path, key),
                    format!("should be a list, not {}", kind_of(other)),
                );
                &[]
            }
        }
    }

    fn text_list(&mut self, path: &str, map: &Map<String, Value>, key: &str) -> Vec<String> {
        let here = join(path, key);
        let mut out = Vec::new();
        for (i, item) in self.list(path, map, key).iter().enumerate() {
            match item {
                Value::String(s) => out.push(s.clone()),
                other => self.problem(
                    index(&here, i),
                    format!("should be text, not {}", kind_of(other)),
                ),
            }
        }
        out
    }

    fn id(
        &mut self,
        path: &str,
        map: &Map<String, Value>,
        ids: &mut Ids,
        what: &str,
    ) -> Option<String> {
        let id = self.required_text(path, map, "id", &format!("every {what} needs an id"))?;
        match ids.claim(&id, path) {
            Ok(()) => Some(id),
            Err(first) => {
                self.problem(
                    join(path, "id"),
                    format!("is \"{id}\", the same id as {first}: each {what} needs its own id"),
                );
                None
            }
        }
    }

    fn status(&mut self, path: &str, map: &Map<String, Value>, what_for: &str) -> Option<Status> {
        let here = join(path, "status");
        match map.get("status") {
            None | Some(Value::Null) => {
                self.problem(here, format!("is missing: {what_for}"));
                None
            }
            Some(Value::String(s)) => {
                let status = Status::parse(s);
                if status.is_none() {
                    self.problem(
                        here,
                        format!(
                            "is \"{s}\", which is not a status: use one of {}",
                            status_values()
                        ),
                    );
                }
                status
            }
            Some(other) => {
                self.problem(
                    here,
                    format!(
                        "should be one of {}, not {}",
                        status_values(),
                        kind_of(other)
                    ),
                );
                None
            }
        }
    }

    fn exported_at(&mut self, root: &Map<String, Value>) -> Option<String> {
        match root.get("exported_at") {
            None | Some(Value::Null) => None,
            Some(Value::String(s)) if DateTime::parse_from_rfc3339(s).is_ok() => Some(s.clone()),
            Some(Value::String(s)) => {
                self.problem(
                    "exported_at",
                    format!(
                        "is \"{s}\", which is not a date and time such as 2026-11-23T16:00:00Z"
                    ),
                );
                None
            }
            Some(other) => {
                self.problem(
                    "exported_at",
                    format!(
                        "should be a date and time such as 2026-11-23T16:00:00Z, not {}",
                        kind_of(other)
                    ),
                );
                None
            }
        }
    }

    fn plan(&mut self, value: &Value) -> Option<Plan> {
        let path = "plan";
        let map = self.object(path, value, "the plan")?;
        self.warn_unknown(
            path,
            map,
            &[
                "id",
                "council",
                "title",
                "review",
                "themes",
                "groups",
                "findings",
                "recommendations",
                "milestones",
            ],
        );
        let id = self.required_text(path, map, "id", "every plan needs an id");
        let council = self.required_text(path, map, "council", "a plan needs the council's name");
        let title = self.required_text(path, map, "title", "a plan needs a title");
        let review = match map.get("review") {
            None | Some(Value::Null) => {
                self.problem(
                    "plan.review",
                    "is missing: a plan says which review it answers",
                );
                None
            }
            Some(value) => self.review(value),
        };

        let mut theme_ids = Ids::default();
        let themes: Vec<Theme> = self
            .list(path, map, "themes")
            .iter()
            .enumerate()
            .filter_map(|(i, v)| self.theme(&index("plan.themes", i), v, &mut theme_ids))
            .collect();
        let mut group_ids = Ids::default();
        let groups: Vec<Group> = self
            .list(path, map, "groups")
            .iter()
            .enumerate()
            .filter_map(|(i, v)| self.group(&index("plan.groups", i), v, &mut group_ids))
            .collect();
        let findings = self.text_list(path, map, "findings");

        let mut ids = PlanIds {
            themes: theme_ids.seen.into_keys().collect(),
            groups: group_ids.seen.into_keys().collect(),
            ..PlanIds::default()
        };
        let recommendations: Vec<Recommendation> = self
            .list(path, map, "recommendations")
            .iter()
            .enumerate()
            .filter_map(|(i, v)| {
                self.recommendation(&index("plan.recommendations", i), v, &mut ids)
            })
            .collect();
        let mut milestone_ids = Ids::default();
        let milestones: Vec<Milestone> = self
            .list(path, map, "milestones")
            .iter()
            .enumerate()
            .filter_map(|(i, v)| {
                self.milestone(&index("plan.milestones", i), v, &mut milestone_ids)
            })
            .collect();

        Some(Plan {
            id: id?,
            council: council?,
            title: title?,
            review: review?,
            themes,
            groups,
            findings,
            recommendations,
            milestones,
        })
    }

    fn review(&mut self, value: &Value) -> Option<Review> {
        let path = "plan.review";
        let map = self.object(path, value, "the review")?;
        self.warn_unknown(
            path,
            map,
            &[
                "kind",
                "onsite_from",
                "onsite_to",
                "report_received",
                "plan_approved",
                "peer_team",
                "engagement",
            ],
        );
        let kind = match map.get("kind") {
            Some(Value::String(s)) => {
                let kind = ReviewKind::parse(s);
                if kind.is_none() {
                    self.problem(
                        "plan.review.kind",
                        format!(
                            "is \"{s}\", which is not a kind of review: use one of {}",
                            review_kinds()
                        ),
                    );
                }
                kind
            }
            None | Some(Value::Null) => {
                self.problem(
                    "plan.review.kind",
                    format!(
                        "is missing: say which kind of review this was, one of {}",
                        review_kinds()
                    ),
                );
                None
            }
            Some(other) => {
                self.problem(
                    "plan.review.kind",
                    format!(
                        "should be one of {}, not {}",
                        review_kinds(),
                        kind_of(other)
                    ),
                );
                None
            }
        };
        let onsite_from = self.optional_date(path, map, "onsite_from");
        let onsite_to = self.optional_date(path, map, "onsite_to");
        if let (Some(Some(from)), Some(Some(to))) = (onsite_from, onsite_to) {
            if to < from {
                self.problem("plan.review.onsite_to", "is before onsite_from: the peer team's last day on site cannot come before its first");
            }
        }
        let report_received = self.optional_date(path, map, "report_received");
        let plan_approved = match map.get("plan_approved") {
            None | Some(Value::Null) => Some(None),
            Some(value) => self.plan_approved(value).map(Some),
        };
        let peer_team: Vec<PeerTeamMember> = self
            .list(path, map, "peer_team")
            .iter()
            .enumerate()
            .filter_map(|(i, v)| self.peer(&index("plan.review.peer_team", i), v))
            .collect();
        let engagement = match map.get("engagement") {
            None | Some(Value::Null) => Some(None),
            Some(value) => self.engagement(value).map(Some),
        };
        Some(Review {
            kind: kind?,
            onsite_from: onsite_from?,
            onsite_to: onsite_to?,
            report_received: report_received?,
            plan_approved: plan_approved?,
            peer_team,
            engagement: engagement?,
        })
    }

    fn plan_approved(&mut self, value: &Value) -> Option<PlanApproval> {
        let path = "plan.review.plan_approved";
        let map = self.object(path, value, "when and by whom the plan was approved")?;
        self.warn_unknown(path, map, &["date", "by"]);
        let date = self.required_date(path, map, "date", "say when the plan was approved");
        let by = self.optional_text(path, map, "by");
        Some(PlanApproval { date: date?, by })
    }

    fn peer(&mut self, path: &str, value: &Value) -> Option<PeerTeamMember> {
        let map = self.object(path, value, "a member of the peer team")?;
        self.warn_unknown(path, map, &["name", "role", "organisation"]);
        let name = self.required_text(
            path,
            map,
            "name",
            "each member of the peer team needs a name",
        );
        let role = self.optional_text(path, map, "role");
        let organisation = self.optional_text(path, map, "organisation");
        Some(PeerTeamMember {
            name: name?,
            role,
            organisation,
        })
    }

    fn engagement(&mut self, value: &Value) -> Option<Engagement> {
        let path = "plan.review.engagement";
        let map = self.object(path, value, "the engagement figures")?;
        self.warn_unknown(path, map, &["people", "meetings", "hours"]);
        let mut whole = |key: &str| -> Option<Option<u64>> {
            match map.get(key) {
                None | Some(Value::Null) => Some(None),
                Some(Value::Number(n)) if n.as_u64().is_some() => Some(n.as_u64()),
                Some(other) => {
                    self.problem(
                        join(path, key),
                        format!(
                            "should be a whole number of 0 or more, not {}",
                            describe(other)
                        ),
                    );
                    None
                }
            }
        };
        let people = whole("people");
        let meetings = whole("meetings");
        let hours = whole("hours");
        Some(Engagement {
            people: people?,
            meetings: meetings?,
            hours: hours?,
        })
    }

    fn theme(&mut self, path: &str, value: &Value, ids: &mut Ids) -> Option<Theme> {
        let map = self.object(path, value, "a theme")?;
        self.warn_unknown(path, map, &["id", "title", "question", "kind"]);
        let id = self.id(path, map, ids, "theme");
        let title = self.required_text(path, map, "title", "every theme needs a title");
        let question = self.optional_text(path, map, "question");
        let kind = match map.get("kind") {
            Some(Value::String(s)) if s == "core" => Some(ThemeKind::Core),
            Some(Value::String(s)) if s == "additional" => Some(ThemeKind::Additional),
            Some(Value::String(s)) => {
                self.problem(
                    join(path, "kind"),
                    format!("is \"{s}\": a theme is either \"core\" or \"additional\""),
                );
                None
            }
            None | Some(Value::Null) => {
                self.problem(
                    join(path, "kind"),
                    "is missing: say whether the theme is \"core\" or \"additional\"",
                );
                None
            }
            Some(other) => {
                self.problem(
                    join(path, "kind"),
                    format!(
                        "should be \"core\" or \"additional\", not {}",
                        kind_of(other)
                    ),
                );
                None
            }
        };
        Some(Theme {
            id: id?,
            title: title?,
            question,
            kind: kind?,
        })
    }

    fn group(&mut self, path: &str, value: &Value, ids: &mut Ids) -> Option<Group> {
        let map = self.object(path, value, "a group")?;
        self.warn_unknown(path, map, &["id", "name"]);
        let id = self.id(path, map, ids, "group");
        let name = self.required_text(path, map, "name", "every group needs a name");
        Some(Group {
            id: id?,
            name: name?,
        })
    }

    fn recommendation(
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
            ],
        );
        let id = self.id(path, map, &mut ids.recommendations, "recommendation");
        let number = self.required_text(
            path,
            map,
            "number",
            "every recommendation needs its number, as the peer team numbered it",
        );
        let title = self.required_text(
            path,
            map,
            "title",
            "every recommendation needs its title, in the peer team's words",
        );
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
                self.problem(
                    join(path, "response_reason"),
                    format!(
                        "is missing: a recommendation that is {} needs the council's reason",
                        r.label().to_lowercase()
                    ),
                );
            }
        }
        let themes = self.text_list(path, map, "themes");
        for (i, theme) in themes.iter().enumerate() {
            if !ids.themes.contains(theme) {
                self.problem(
                    index(&join(path, "themes"), i),
                    format!("names the theme \"{theme}\", which is not one of this plan's themes"),
                );
            }
        }
        let group = match map.get("group") {
            None | Some(Value::Null) => Some(None),
            Some(Value::String(g)) if ids.groups.contains(g) => Some(Some(g.clone())),
            Some(Value::String(g)) => {
                self.problem(
                    join(path, "group"),
                    format!("names the group \"{g}\", which is not one of this plan's groups"),
                );
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
        let actions: Vec<Action> = self
            .list(path, map, "actions")
            .iter()
            .enumerate()
            .filter_map(|(i, v)| self.action(&index(&join(path, "actions"), i), v, ids))
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
            ],
        );
        let id = self.id(path, map, &mut ids.actions, "action");
        let text = self.required_text(
            path,
            map,
            "text",
            "every action needs its text, as the council wrote it",
        );
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
        Some(Action {
            id: id?,
            text: text?,
            timescale,
            due: due?,
            leads,
            status: status?,
            updates,
            links,
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
                self.problem(
                    join(path, "url"),
                    format!("is \"{url}\", which is not a web address: links must start with https:// or http://"),
                );
                return None;
            }
        }
        Some(Link { title, url: url? })
    }

    fn milestone(&mut self, path: &str, value: &Value, ids: &mut Ids) -> Option<Milestone> {
        let map = self.object(path, value, "a milestone")?;
        self.warn_unknown(path, map, &["id", "title", "due", "done", "note"]);
        let id = self.id(path, map, ids, "milestone");
        let title = self.required_text(path, map, "title", "every milestone needs a title");
        let due = self.required_date(path, map, "due", "every milestone needs a due date");
        let done = self.optional_date(path, map, "done");
        let note = self.optional_text(path, map, "note");
        Some(Milestone {
            id: id?,
            title: title?,
            due: due?,
            done: done?,
            note,
        })
    }
}

/// The ids that must be unique across the whole plan, and the ones references point at.
#[derive(Default)]
struct PlanIds {
    themes: HashSet<String>,
    groups: HashSet<String>,
    recommendations: Ids,
    actions: Ids,
    updates: Ids,
}

fn describe(value: &Value) -> String {
    match value {
        Value::Number(n) => n.to_string(),
        other => kind_of(other).to_string(),
    }
}

fn status_values() -> String {
    Status::ALL.map(Status::as_str).join(", ")
}

fn review_kinds() -> String {
    ReviewKind::ALL.map(ReviewKind::as_str).join(", ")
}
