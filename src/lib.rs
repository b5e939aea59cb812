//! Keeps the action plan that follows an LGA Corporate Peer Challenge.
//!
//! The folders are the layers, and imports run one way, down this list (a native test,
//! `tests/layers.rs`, fails when one runs up or two modules import each other):
//!
//! - `ui`: the Leptos app: `app` chooses the page, `pages` one file per address,
//!   `components` what pages share, `state` what they share through context, and
//!   `library` the plans in this tab (edits, undo, saving, other tabs). WebAssembly only.
//! - `browser`: the only code that touches a browser API (storage, clock, files,
//!   downloads, the address bar, focus). WebAssembly only.
//! - `presentation`: pure helpers the views need: addresses, paging, chart geometry.
//! - `format`: the plan file and everything else that is read or written.
//! - `domain`: the plan, its rules and what can be worked out from it.
//!
//! `domain`, `format` and `presentation` are pure and build and test natively.

pub mod domain;
pub mod format;
pub mod presentation;

#[cfg(target_arch = "wasm32")]
pub mod browser;
#[cfg(target_arch = "wasm32")]
pub mod ui;

/// The Havering 2019 plan, the app's example and what an empty browser starts with.
pub const EXAMPLE_PLAN: &str = include_str!("../public/examples/havering-2019.plan.json");
