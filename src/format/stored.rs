//! How one plan is kept in browser storage: the plan file itself, wrapped with what the
//! browser needs to know about it. One key holds all of it, so a write is all or nothing.
//!
//! ```json
//! { "revision": 4, "tab": "t-3kq9v0x7m2pd", "exported_at": "2026-11-23T16:00:00Z",
//!   "changed_since_export": true, "file": { "format": "cpc-action-plan", ... } }
//! ```

use serde::Serialize;
use serde_json::Value;

use super::export::Envelope;
use super::import::{import_value, Imported};
use crate::domain::{Plan, Problem};

/// A plan as stored, with its revision: every save adds one, so a tab can tell whether
/// another tab saved the plan since it last read it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StoredPlan {
    pub revision: u64,
    /// Which tab wrote it last.
    pub tab: String,
    /// When the plan was last exported to a file, if ever (RFC 3339).
    pub exported_at: Option<String>,
    pub changed_since_export: bool,
    pub plan: Plan,
}

#[derive(Serialize)]
struct Record<'a> {
    revision: u64,
    tab: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    exported_at: Option<&'a str>,
    changed_since_export: bool,
    file: Envelope<'a>,
}

impl StoredPlan {
    pub fn to_text(&self) -> String {
        let record = Record {
            revision: self.revision,
            tab: &self.tab,
            exported_at: self.exported_at.as_deref(),
            changed_since_export: self.changed_since_export,
            file: Envelope::new(&self.plan, None),
        };
        serde_json::to_string(&record).expect("a plan always serialises")
    }

    /// Reads a stored record. A bare plan file (as stored before revisions) reads as
    /// revision 0. The plan inside is checked by the same importer as any file.
    pub fn from_text(text: &str) -> Result<StoredPlan, Vec<Problem>> {
        let value: Value = serde_json::from_str(text)
            .map_err(|e| vec![Problem::new("stored data", format!("is not JSON ({e})"))])?;
        if value.get("format").is_some() {
            let Imported { plan, .. } = import_value(&value)?;
            return Ok(StoredPlan {
                revision: 0,
                tab: String::new(),
                exported_at: None,
                changed_since_export: true,
                plan,
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
            plan,
        })
    }

    /// Only the revision, read without checking the plan: enough to tell whether
    /// another tab saved since this one read it.
    pub fn revision_of(text: &str) -> Option<u64> {
        #[derive(serde::Deserialize)]
        struct Rev {
            revision: Option<u64>,
        }
        serde_json::from_str::<Rev>(text)
            .ok()
            .map(|r| r.revision.unwrap_or(0))
    }
}
