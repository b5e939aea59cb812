//! The plan and what can be worked out from it. Nothing in here knows about the browser:
//! no clock, no storage, no DOM, so all of it compiles and is tested natively.

pub mod date_parts;
pub mod dates;
pub mod due_history;
pub mod edit;
pub mod figures;
pub mod filter;
pub mod history;
pub mod ids;
pub mod last_updated;
pub mod leads;
pub mod narrative;
pub mod plan;
pub mod position_statement;
pub mod problem;
pub mod progress;
pub mod report_log;
pub mod report_options;
pub mod reports;
pub mod review_dates;
pub mod rules;
pub mod sanity;
pub mod schedule;
pub mod since;
pub mod status;
pub mod suggestions;
pub mod tab_protocol;
pub mod table;
pub mod templates;
pub mod timescale;
pub mod validate;
pub mod workspace;

pub use due_history::DueChange;
pub use narrative::{Narrative, Rag, Rating, RatingScale};
pub use plan::*;
pub use problem::Problem;
pub use report_log::{IssuedKind, IssuedReport};
pub use schedule::{Cadence, Schedule};
pub use status::Status;
