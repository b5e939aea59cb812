//! The copies of a plan this browser sent out: which export each was, when, to whom, and
//! which returned copies of it have been merged. The copies themselves are stored whole
//! beside the list, so a returned file is merged against exactly the copy it came from.

use serde::{Deserialize, Serialize};

use super::Imported;

/// One export of a plan, kept as it was sent.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SentCopy {
    pub export_id: String,
    /// When it was exported (RFC 3339).
    pub exported_at: String,
    /// Who it went to, as the officer noted it ("AD Policy").
    #[serde(default)]
    pub sent_to: String,
    /// Returned copies of it that have been merged, oldest first.
    #[serde(default)]
    pub returned: Vec<Returned>,
}

/// A returned copy that was merged.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Returned {
    /// The returned file's own export id and time, when it said.
    #[serde(default)]
    pub export_id: Option<String>,
    #[serde(default)]
    pub exported_at: Option<String>,
    /// The day it was merged (YYYY-MM-DD).
    pub merged_on: String,
}

/// The list as stored. A damaged list reads as empty: the copies it named are then not
/// found, and a returned file is merged with nothing taken by default.
pub fn list_from_text(text: &str) -> Vec<SentCopy> {
    serde_json::from_str(text).unwrap_or_default()
}

pub fn list_to_text(list: &[SentCopy]) -> String {
    serde_json::to_string(list).expect("a list of copies always serialises")
}

/// The copy sent that a file came from: the export it names as its origin (a lead's copy
/// made in another browser), or, failing that, the export it is (a file sent and
/// returned as it was, or edited by hand).
pub fn copy_for<'a>(file: &Imported, sent: &'a [SentCopy]) -> Option<&'a SentCopy> {
    [file.from_export.as_deref(), file.export_id.as_deref()]
        .into_iter()
        .flatten()
        .find_map(|id| sent.iter().find(|c| c.export_id == id))
}

impl SentCopy {
    /// A return of this copy already merged that was exported after `exported_at`: the
    /// file being merged is older than what has already been taken from it.
    pub fn newer_return_than(&self, exported_at: Option<&str>) -> Option<&Returned> {
        let exported_at = exported_at?;
        self.returned
            .iter()
            .filter(|r| r.exported_at.as_deref().is_some_and(|at| at > exported_at))
            .max_by(|a, b| a.exported_at.cmp(&b.exported_at))
    }
}
