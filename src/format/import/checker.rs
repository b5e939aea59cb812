//! The generic checks the importer is made of: a value of the right kind, text that must be
//! there, dates, lists, ids that must be unique, statuses. Each records a problem with its
//! JSON path and a plain-English reason, and goes on, so one pass finds every problem.

use std::collections::HashMap;

use chrono::NaiveDate;
use serde_json::{Map, Value};

use crate::domain::dates::parse_iso;
use crate::domain::problem::Problem;
use crate::domain::{ReviewKind, Status};

/// The name of a JSON value's type, as a person would say it.
pub(super) fn kind_of(value: &Value) -> &'static str {
    match value {
        Value::Null => "null (empty)",
        Value::Bool(_) => "true or false",
        Value::Number(_) => "a number",
        Value::String(_) => "text",
        Value::Array(_) => "a list",
        Value::Object(_) => "a set of named fields",
    }
}

pub(super) fn join(path: &str, key: &str) -> String {
    if path.is_empty() {
        key.to_string()
    } else {
        format!("{path}.{key}")
    }
}

pub(super) fn index(path: &str, i: usize) -> String {
    format!("{path}[{i}]")
}

/// Where each id was first seen, so a repeat can say where the first one is.
#[derive(Default)]
pub(super) struct Ids {
    pub(super) seen: HashMap<String, String>,
}

impl Ids {
    pub(super) fn claim(&mut self, id: &str, path: &str) -> Result<(), String> {
        match self.seen.get(id) {
            Some(first) => Err(first.clone()),
            None => {
                self.seen.insert(id.to_string(), path.to_string());
                Ok(())
            }
        }
    }
}

/// At most this many problems, and this many warnings, are listed; the rest are counted.
/// A file with a million bad items gets its answer in seconds, not a list that fills
/// the memory.
pub const LISTED_MAX: usize = 10_000;

#[derive(Default)]
pub(super) struct Checker {
    pub(super) problems: Vec<Problem>,
    pub(super) warnings: Vec<Problem>,
    problems_not_listed: usize,
    warnings_not_listed: usize,
}

impl Checker {
    pub(super) fn problem(&mut self, path: impl Into<String>, reason: impl Into<String>) {
        if self.problems.len() < LISTED_MAX {
            self.problems.push(Problem::new(path, reason));
        } else {
            self.problems_not_listed += 1;
        }
    }

    pub(super) fn warn_unknown(&mut self, path: &str, map: &Map<String, Value>, known: &[&str]) {
        for key in map.keys().filter(|k| !known.contains(&k.as_str())) {
            if self.warnings.len() < LISTED_MAX {
                self.warnings.push(Problem::new(
                    join(path, key),
                    "is not part of the plan format, so it was ignored",
                ));
            } else {
                self.warnings_not_listed += 1;
            }
        }
    }

    /// The problems found, with a last line counting those not listed.
    pub(super) fn take_problems(&mut self) -> Vec<Problem> {
        let mut problems = std::mem::take(&mut self.problems);
        if self.problems_not_listed > 0 {
            problems.push(Problem::new(
                "file",
                format!("has {} more problems, not listed", self.problems_not_listed),
            ));
        }
        problems
    }

    /// The warnings, with a last line counting those not listed.
    pub(super) fn take_warnings(&mut self) -> Vec<Problem> {
        let mut warnings = std::mem::take(&mut self.warnings);
        if self.warnings_not_listed > 0 {
            warnings.push(Problem::new(
                "file",
                format!(
                    "has {} more fields that are not part of the plan format, not listed",
                    self.warnings_not_listed
                ),
            ));
        }
        warnings
    }

    pub(super) fn object<'v>(
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
    pub(super) fn required_text(
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
    pub(super) fn optional_text(
        &mut self,
        path: &str,
        map: &Map<String, Value>,
        key: &str,
    ) -> String {
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

    pub(super) fn date_value(&mut self, here: &str, value: &Value) -> Option<NaiveDate> {
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
    pub(super) fn optional_date(
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

    pub(super) fn required_date(
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
    pub(super) fn list<'v>(
        &mut self,
        path: &str,
        map: &'v Map<String, Value>,
        key: &str,
    ) -> &'v [Value] {
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

    pub(super) fn text_list(
        &mut self,
        path: &str,
        map: &Map<String, Value>,
        key: &str,
    ) -> Vec<String> {
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

    /// True or false; absent or null is false. `None` means it was there but wrong.
    pub(super) fn flag(&mut self, path: &str, map: &Map<String, Value>, key: &str) -> Option<bool> {
        match map.get(key) {
            None | Some(Value::Null) => Some(false),
            Some(Value::Bool(b)) => Some(*b),
            Some(other) => {
                self.problem(
                    join(path, key),
                    format!("should be true or false, not {}", kind_of(other)),
                );
                None
            }
        }
    }

    pub(super) fn id(
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

    pub(super) fn status(
        &mut self,
        path: &str,
        map: &Map<String, Value>,
        what_for: &str,
    ) -> Option<Status> {
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
}

pub(super) fn describe(value: &Value) -> String {
    match value {
        Value::Number(n) => n.to_string(),
        other => kind_of(other).to_string(),
    }
}

pub(super) fn status_values() -> String {
    Status::ALL.map(Status::as_str).join(", ")
}

pub(super) fn review_kinds() -> String {
    ReviewKind::ALL.map(ReviewKind::as_str).join(", ")
}
