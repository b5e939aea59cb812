//! One file per address in `shared/docs/routes.md`.

pub mod action;
pub mod not_found;
pub mod overview;
pub mod plans;
pub mod recommendation;
pub mod recommendations;
