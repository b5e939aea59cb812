//! The plan and what can be worked out from it. Nothing in here knows about the browser:
//! no clock, no storage, no DOM, so all of it compiles and is tested natively.

pub mod date_parts;
pub mod dates;
pub mod edit;
pub mod figures;
pub mod filter;
pub mod history;
pub mod ids;
pub mod leads;
pub mod plan;
pub mod problem;
pub mod progress;
pub mod reports;
pub mod rules;
pub mod sanity;
pub mod status;
pub mod tab_protocol;
pub mod templates;
pub mod timescale;
pub mod validate;
pub mod workspace;

pub use plan::*;
pub use problem::Problem;
pub use status::Status;
