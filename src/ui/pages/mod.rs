//! One file per address: the views in `docs/routes.md`, and the edit pages.

pub mod about;
pub mod accessibility;
pub mod action;
pub mod copies_sent;
pub mod dashboard;
pub mod delete_plan;
pub mod edit_action;
pub mod edit_milestones;
pub mod edit_plan;
pub mod edit_recommendation;
pub mod edit_reporting;
pub mod edit_themes;
pub mod editing;
pub mod help_plan_file;
pub mod import;
pub mod import_merge;
pub mod lead_actions;
pub mod leads;
pub mod new_plan;
pub mod not_found;
pub mod overview;
pub mod plans;
pub mod recommendation;
pub mod recommendations;
pub mod reports;
pub mod reports_issued;
