//! The plan and what can be worked out from it. Nothing in here knows about the browser:
//! no clock, no storage, no DOM, so all of it compiles and is tested natively.

pub mod dates;
pub mod figures;
pub mod plan;
pub mod status;
pub mod timescale;

pub use plan::*;
pub use status::Status;
