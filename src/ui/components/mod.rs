//! Pieces that several pages use. Each takes props and reads no global state but the
//! app's context.

pub mod accountability;
pub mod actions_table;
pub mod address_problems;
pub mod banners;
pub mod breadcrumbs;
pub mod charts;
pub mod drawn_in_parts;
pub mod form;
pub mod last_updated;
pub mod layout;
pub mod narrative_summary;
pub mod needs_javascript;
pub mod pagination;
pub mod recommendation_body;
pub mod reporting;
pub mod reviews_summary;
pub mod since_section;
pub mod spreadsheet_button;
pub mod status_tag;
pub mod summary_list;
pub mod title;
pub mod warning_text;
