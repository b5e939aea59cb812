//! How one plan is kept in browser storage: the plan file itself, wrapped with what the
//! browser needs to know about it. One key holds all of it, so a write is all or nothing.
//!
//! ```json
//! { "revision": 4, "tab": "t-3kq9v0x7m2pd", "exported_at": "2026-11-23T16:00:00Z",
//!   "changed_since_export": true, "imported_from": "havering.plan.json",
//!   "imported_at": "2026-11-26T09:00:00Z", "file": { "format": "cpc-action-plan", ... } }
//! ```
//!
//! A big plan is [packed](super::packed): the same fields but `file` as the header, and
//! the plan file compressed after it.

use serde::Serialize;
use serde_json::value::RawValue;
use serde_json::Value;

use super::export::Envelope;
use super::import::{import_value, Imported};
use super::packed;
use crate::domain::{Plan, Problem};

use crate::domain::workspace::ImportedFrom;
pub use crate::domain::workspace::StoredPlan;

#[derive(Serialize)]
struct Record<'a> {
    revision: u64,
    tab: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    exported_at: Option<&'a str>,
    changed_since_export: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    origin: Option<&'a str>,
    /// The file the plan was last imported from, and when, until it is next exported.
    #[serde(skip_serializing_if = "Option::is_none")]
    imported_from: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    imported_at: Option<&'a str>,
    /// The plan file, already written: it is serialised once, whichever way it is stored.
    #[serde(skip_serializing_if = "Option::is_none")]
    file: Option<&'a RawValue>,
}

impl StoredPlan {
    /// The text to store: plain JSON, or packed when the plan is big.
    pub fn to_text(&self) -> String {
        let file = Self::plan_file(&self.plan);
        if Self::is_big(&file) {
            self.to_text_packed(&packed::compress(&file))
        } else {
            let file = RawValue::from_string(file).expect("serde_json writes valid JSON");
            serde_json::to_string(&self.record(Some(&file))).expect("a record always serialises")
        }
    }

    /// The plan file a record holds, as JSON: what a big plan's entry compresses.
    pub fn plan_file(plan: &Plan) -> String {
        serde_json::to_string(&Envelope::new(plan, None)).expect("a plan always serialises")
    }

    /// Whether a plan file is stored packed.
    pub fn is_big(plan_file: &str) -> bool {
        plan_file.len() > packed::PACK_ABOVE
    }

    /// The packed text to store, from the plan file already compressed
    /// (`packed::compress` of [`plan_file`](Self::plan_file), which must be big): the same
    /// text [`to_text`](Self::to_text) writes, without its slow part.
    pub fn to_text_packed(&self, compressed_file: &[u8]) -> String {
        let header = serde_json::to_string(&self.record(None)).expect("a record always serialises");
        packed::pack_compressed(&header, compressed_file)
    }

    /// The plan file of [`plan_file`](Self::plan_file), to be written a recommendation at
    /// a time: a big plan's takes tens of milliseconds in one go.
    pub fn plan_file_in_steps(plan: &Plan) -> PlanFileSteps<'_> {
        PlanFileSteps::new(plan)
    }

    fn record<'a>(&'a self, file: Option<&'a RawValue>) -> Record<'a> {
        Record {
            revision: self.revision,
            tab: &self.tab,
            exported_at: self.exported_at.as_deref(),
            changed_since_export: self.changed_since_export,
            origin: self.origin.as_deref(),
            imported_from: self.imported.as_ref().map(|i| i.file.as_str()),
            imported_at: self.imported.as_ref().map(|i| i.at.as_str()),
            file,
        }
    }

    /// Reads a stored record, plain or packed. A bare plan file (as stored before
    /// revisions) reads as revision 0. The plan inside is checked by the same importer as
    /// any file.
    pub fn from_text(text: &str) -> Result<StoredPlan, Vec<Problem>> {
        let stored_problem = |why: String| vec![Problem::new("stored data", why)];
        let value: Value = if packed::is_packed(text) {
            let (header, file) = packed::unpack(text).map_err(stored_problem)?;
            let mut value: Value = serde_json::from_str(header)
                .map_err(|e| stored_problem(format!("has a damaged header ({e})")))?;
            let file: Value = serde_json::from_str(&file)
                .map_err(|e| stored_problem(format!("holds a plan that is not JSON ({e})")))?;
            if let Some(fields) = value.as_object_mut() {
                fields.insert("file".to_string(), file);
            }
            value
        } else {
            serde_json::from_str(text).map_err(|e| stored_problem(format!("is not JSON ({e})")))?
        };
        if value.get("format").is_some() {
            let Imported { plan, .. } = import_value(&value)?;
            return Ok(StoredPlan {
                revision: 0,
                tab: String::new(),
                exported_at: None,
                changed_since_export: true,
                origin: None,
                imported: None,
                plan: plan.into(),
            });
        }
        let file = value
            .get("file")
            .ok_or_else(|| vec![Problem::new("stored data", "has no plan file in it")])?;
        let Imported { plan, .. } = import_value(file)?;
        Ok(StoredPlan {
            revision: value.get("revision").and_then(Value::as_u64).unwrap_or(0),
            tab: value
                .get("tab")
                .and_then(Value::as_str)
                .unwrap_or_default()
                .to_string(),
            exported_at: value
                .get("exported_at")
                .and_then(Value::as_str)
                .map(str::to_string),
            changed_since_export: value
                .get("changed_since_export")
                .and_then(Value::as_bool)
                .unwrap_or(true),
            origin: value
                .get("origin")
                .and_then(Value::as_str)
                .map(str::to_string),
            imported: match (
                value.get("imported_from").and_then(Value::as_str),
                value.get("imported_at").and_then(Value::as_str),
            ) {
                (Some(file), Some(at)) => Some(ImportedFrom {
                    file: file.to_string(),
                    at: at.to_string(),
                }),
                _ => None,
            },
            plan: plan.into(),
        })
    }

    /// Only the revision, read without checking the plan: enough to tell whether
    /// another tab saved since this one read it.
    pub fn revision_of(text: &str) -> Option<u64> {
        #[derive(serde::Deserialize)]
        struct Rev {
            revision: Option<u64>,
        }
        let text = if packed::is_packed(text) {
            packed::header(text)?
        } else {
            text
        };
        serde_json::from_str::<Rev>(text)
            .ok()
            .map(|r| r.revision.unwrap_or(0))
    }
}

/// A plan file being written a recommendation at a time ([`StoredPlan::plan_file_in_steps`]):
/// the plan without its recommendations is written first, and each recommendation's JSON
/// goes into its empty list, so the text is exactly [`StoredPlan::plan_file`]'s.
pub struct PlanFileSteps<'a> {
    plan: &'a Plan,
    /// Everything up to the recommendations' `[`, then each one written so far.
    text: String,
    /// Everything after their `]`.
    tail: String,
    next: usize,
}

impl<'a> PlanFileSteps<'a> {
    const EMPTY: &'static str = "\"recommendations\":[]";

    fn new(plan: &'a Plan) -> PlanFileSteps<'a> {
        let mut outline = plan.clone();
        outline.recommendations.clear();
        let whole = StoredPlan::plan_file(&outline);
        // Text never holds the key's quotes unescaped, so the one match is the plan's own
        // list; were there ever two, the file is written in one go instead.
        let mut found = whole.match_indices(Self::EMPTY).map(|(at, _)| at);
        match (found.next(), found.next()) {
            (Some(at), None) => {
                let open = at + Self::EMPTY.len() - 1;
                PlanFileSteps {
                    plan,
                    text: whole[..open].to_string(),
                    tail: whole[open..].to_string(),
                    next: 0,
                }
            }
            _ => PlanFileSteps {
                plan,
                text: StoredPlan::plan_file(plan),
                tail: String::new(),
                next: plan.recommendations.len(),
            },
        }
    }

    /// Writes the next recommendation; false once all are written.
    pub fn step(&mut self) -> bool {
        let Some(recommendation) = self.plan.recommendations.get(self.next) else {
            return false;
        };
        if self.next > 0 {
            self.text.push(',');
        }
        let json =
            serde_json::to_string(recommendation).expect("a recommendation always serialises");
        self.text.push_str(&json);
        self.next += 1;
        self.next < self.plan.recommendations.len()
    }

    /// The whole plan file, writing whatever is left.
    pub fn finish(mut self) -> String {
        while self.step() {}
        self.text.push_str(&self.tail);
        self.text
    }
}

/// A stored entry as a person can read it: a packed one unpacked (its header, then the
/// plan file), so damaged data can be downloaded, mended and imported; anything that does
/// not unpack, exactly as it is.
pub fn readable(text: String) -> String {
    match packed::unpack(&text) {
        Ok((header, file)) => format!("{header}\n{file}"),
        Err(_) => text,
    }
}

/// A plan file to keep in storage (the copy kept at export): packed when it is big.
pub fn file_to_text(file: String) -> String {
    if file.len() > packed::PACK_ABOVE {
        packed::pack("{}", &file)
    } else {
        file
    }
}

/// The plan file a stored text holds, plain or packed.
pub fn file_from_text(text: &str) -> Result<std::borrow::Cow<'_, str>, Problem> {
    if packed::is_packed(text) {
        packed::unpack(text)
            .map(|(_, file)| file.into())
            .map_err(|why| Problem::new("stored data", why))
    } else {
        Ok(text.into())
    }
}

/// How much of the browser's local storage allowance this site uses.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct StorageUsage {
    /// Characters (UTF-16 code units) in every key and value the site holds.
    pub used: u64,
}

impl StorageUsage {
    /// What Chromium and Firefox allow a site: 5,242,880 characters, keys included.
    /// Safari allows 5 MB; plain and packed entries cost it about the same.
    pub const ALLOWANCE: u64 = 5 * 1024 * 1024;
    /// From this share on, the officer is warned that saving will soon fail.
    pub const WARN_AT_PERCENT: u64 = 80;

    /// The share used, in whole percent, rounded up so that "100%" means full.
    pub fn percent(self) -> u64 {
        (self.used * 100).div_ceil(Self::ALLOWANCE).min(100)
    }

    pub fn nearly_full(self) -> bool {
        self.percent() >= Self::WARN_AT_PERCENT
    }
}
