//! What a tab's workspace needs from storage, as a trait: the browser's local storage
//! implements it, and the tests implement it in memory, several tabs sharing one.
//!
//! Storage holds an index (the order of the plans) and one entry a plan. The entries are
//! the truth: the index only orders them, so a plan whose entry was written but whose
//! index write failed is still found.

use std::sync::Arc;

use crate::domain::Plan;

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
    /// The export this plan came from as a file from another browser (a lead's copy):
    /// its own exports name it, so the officer's browser merges them against it.
    pub origin: Option<String>,
    /// The file the plan was last imported from, until it is next exported.
    pub imported: Option<ImportedFrom>,
    /// Shared with the workspace: a save writes the plan it holds, not a copy, and the
    /// storage worker's packed body is matched to it by pointer.
    pub plan: Arc<Plan>,
}

/// The file a plan was imported from, and when (RFC 3339): what the export note says until
/// the plan is next exported. It is kept in storage beside the note of the last export,
/// never in the plan file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ImportedFrom {
    /// The file's name as the officer chose it ("havering.plan.json").
    pub file: String,
    pub at: String,
}

/// Why plans cannot be kept, or why one write failed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StorageProblem {
    /// No local storage at all, or the browser refuses access (blocked cookies, policy).
    Unavailable,
    /// The browser's allowance for this site is used up.
    Full,
    /// Any other failure, with the browser's own words.
    Failed(String),
}

/// A stored entry that could not be read as a plan. It is left exactly as it was until
/// the officer, having been offered a download, chooses to remove or replace it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Unreadable {
    /// The plan the entry belongs to; `None` for the index.
    pub id: Option<String>,
    /// Where it is stored, as the browser's developer tools show it.
    pub key: String,
    pub reason: String,
    /// The stored text, so the officer can download it.
    pub text: String,
    /// Its revision, when that much of it could be read.
    pub revision: Option<u64>,
}

/// What storage holds for one plan.
// Short-lived, and mostly the plan: boxing it would only add a step.
#[allow(clippy::large_enum_variant)]
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Entry {
    Missing,
    Unreadable(Unreadable),
    Plan(StoredPlan),
}

/// Whether a plan has an entry, and its revision: what a save checks before writing.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Presence {
    Absent,
    At(u64),
    /// There is an entry, but not even its revision can be read.
    Damaged,
}

/// The stored index: absent on a first run, or damaged.
pub type Index = Result<Option<Vec<String>>, Unreadable>;

/// Local storage, or anything that behaves like it.
pub trait Store {
    /// Whether anything can be kept at all.
    fn available(&self) -> bool;
    fn read_index(&self) -> Index;
    fn write_index(&mut self, ids: &[String]) -> Result<(), StorageProblem>;
    /// The id of every plan entry held, listed or not, readable or not.
    fn plan_ids(&self) -> Vec<String>;
    /// Cheap: read before every write, so it need not read a whole big plan.
    fn presence(&self, id: &str) -> Presence;
    fn read(&self, id: &str) -> Entry;
    /// One plan in one write: all or nothing.
    fn write(&mut self, plan: &StoredPlan) -> Result<(), StorageProblem>;
    fn remove(&mut self, id: &str) -> Result<(), StorageProblem>;
}
