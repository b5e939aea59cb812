//! Plan-format-v1: the JSON file a plan travels in. Import checks every rule of the
//! format and reports each problem with its place; export writes exactly the format.

pub mod csv;
pub mod docx;
pub mod export;
pub mod feed;
pub mod import;
pub mod merge;
pub mod packed;
#[cfg(not(target_arch = "wasm32"))]
pub mod schema;
pub mod sent;
pub mod site;
pub mod static_site;
pub mod stored;
pub mod table;
pub mod xlsx;
pub mod zip;

pub use crate::domain::problem::Problem;
pub use export::{export, export_stamped, file_name, lead_file_name, Stamp};
pub use import::{import, import_bytes, import_value, Imported};
pub use stored::StoredPlan;

/// The `format` value every plan file carries.
pub const FORMAT: &str = "cpc-action-plan";
/// The newest version of the format this app reads and the one it writes.
pub const VERSION: u64 = 1;
