//! Reads a plan file, checking every rule of plan-format-v1.
//!
//! The file is parsed to a JSON value first and then walked by hand, so that every
//! problem is found in one pass and reported with its path, instead of stopping at the
//! first as a derived `Deserialize` would. Unknown fields are not problems: they are
//! returned as warnings for the import preview.

use chrono::DateTime;
use serde_json::{Map, Value};

mod checker;
mod committee;
mod plan_parts;
mod recommendations;

use checker::{kind_of, Checker};

use super::{FORMAT, VERSION};
use crate::domain::dates::far_date;
use crate::domain::problem::Problem;
use crate::domain::validate::validate;
use crate::domain::Plan;

/// A plan read from a file that follows the format.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Imported {
    pub plan: Plan,
    /// When the file says it was exported, as written (RFC 3339).
    pub exported_at: Option<String>,
    /// Which export the file is, and which export it was made from (see `export_stamped`).
    pub export_id: Option<String>,
    pub from_export: Option<String>,
    /// The lead the copy was made for ("Send to leads"), when the plan has that lead.
    pub for_lead: Option<String>,
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
    let export_id = checker.export_ref(root, "export_id");
    let from_export = checker.export_ref(root, "from_export");
    let for_lead = checker.for_lead(root);
    checker.warn_unknown(
        "",
        root,
        &[
            "format",
            "version",
            "exported_at",
            "export_id",
            "from_export",
            "for_lead",
            "plan",
        ],
    );
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
            let mut problems = validate(&plan);
            if !problems.is_empty() {
                let more = problems.len().saturating_sub(checker::LISTED_MAX);
                if more > 0 {
                    problems.truncate(checker::LISTED_MAX);
                    problems.push(Problem::new(
                        "file",
                        format!("has {more} more problems, not listed"),
                    ));
                }
                return Err(problems);
            }
            let mut warnings = checker.take_warnings();
            warnings.extend(far_dates(&plan));
            let for_lead = for_lead.filter(|lead| {
                let known = plan.leads().iter().any(|l| l.eq_ignore_ascii_case(lead));
                if !known {
                    warnings.push(Problem::new(
                        "for_lead",
                        format!("names \"{lead}\", who leads no action in the plan: the file opens on the plan"),
                    ));
                }
                known
            });
            Ok(Imported {
                plan,
                exported_at,
                export_id,
                from_export,
                for_lead,
                warnings,
            })
        }
        _ => Err(checker.take_problems()),
    }
}

/// Dates more than twenty years from the peer team's visit (an update dated 0019, say):
/// kept as the file has them, and pointed out in the preview.
fn far_dates(plan: &Plan) -> Vec<Problem> {
    let visit = plan.review.onsite_from.or(plan.review.onsite_to);
    let mut dates: Vec<(String, chrono::NaiveDate)> = Vec::new();
    for (r, rec) in plan.recommendations.iter().enumerate() {
        for (a, action) in rec.actions.iter().enumerate() {
            let at = format!("plan.recommendations[{r}].actions[{a}]");
            dates.extend(action.due.map(|d| (format!("{at}.due"), d)));
            for (u, update) in action.updates.iter().enumerate() {
                dates.push((format!("{at}.updates[{u}].date"), update.date));
            }
        }
    }
    for (m, milestone) in plan.milestones.iter().enumerate() {
        dates.push((format!("plan.milestones[{m}].due"), milestone.due));
        dates.extend(
            milestone
                .done
                .map(|d| (format!("plan.milestones[{m}].done"), d)),
        );
    }
    dates
        .into_iter()
        .filter_map(|(path, date)| {
            far_date(date, visit).map(|far| Problem::new(path, far.question()))
        })
        .take(checker::LISTED_MAX)
        .collect()
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

impl Checker {
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

    /// The lead a copy was made for: text of 1 to 300 characters. It only says where the
    /// file opens, so text that does not fit is a warning, never a reason to refuse a plan.
    fn for_lead(&mut self, root: &Map<String, Value>) -> Option<String> {
        match root.get("for_lead") {
            None | Some(Value::Null) => None,
            Some(Value::String(s)) if crate::format::export::for_lead_fits(s) => {
                Some(s.trim().to_string())
            }
            Some(Value::String(_)) => {
                self.warnings.push(Problem::new(
                    "for_lead",
                    "is empty or longer than 300 characters, so it names no lead: the file opens on the plan",
                ));
                None
            }
            Some(other) => {
                self.problem(
                    "for_lead",
                    format!(
                        "should be the name of the lead the copy is for, as 1 to 300 characters of text, not {}",
                        kind_of(other)
                    ),
                );
                None
            }
        }
    }

    /// An export's id: short text of letters, digits and dashes, as the app writes it.
    fn export_ref(&mut self, root: &Map<String, Value>, field: &str) -> Option<String> {
        match root.get(field) {
            None | Some(Value::Null) => None,
            Some(Value::String(s))
                if !s.is_empty()
                    && s.len() <= 64
                    && s.chars()
                        .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_') =>
            {
                Some(s.clone())
            }
            Some(Value::String(s)) => {
                self.problem(
                    field,
                    format!(
                        "is \"{}\", which is not an export's id: 1 to 64 letters, digits, dashes or underscores, such as x-3kq9v0x7m2pd",
                        s.chars().take(80).collect::<String>()
                    ),
                );
                None
            }
            Some(other) => {
                self.problem(
                    field,
                    format!(
                        "should be an export's id such as x-3kq9v0x7m2pd, not {}",
                        kind_of(other)
                    ),
                );
                None
            }
        }
    }
}
