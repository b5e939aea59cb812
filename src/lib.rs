//! Keeps the action plan that follows an LGA Corporate Peer Challenge.
//!
//! `domain`, `format`, `paging`, `route` and `stacking` are pure and build on any target; the browser half
//! (`app`, `library`, `pages`, `components`, `storage`, `clock`, `random`,
//! `download`) builds only for WebAssembly.

// The site build (feature `site`) leaves every editing page unused on purpose.
#![cfg_attr(feature = "site", allow(dead_code, unused_imports))]

pub mod domain;
pub mod format;
pub mod paging;
pub mod route;
pub mod stacking;

#[cfg(target_arch = "wasm32")]
pub mod app;
#[cfg(target_arch = "wasm32")]
mod clock;
#[cfg(target_arch = "wasm32")]
mod components;
#[cfg(target_arch = "wasm32")]
mod download;
#[cfg(target_arch = "wasm32")]
mod files;
#[cfg(target_arch = "wasm32")]
mod library;
#[cfg(target_arch = "wasm32")]
mod pages;
#[cfg(target_arch = "wasm32")]
pub mod published;
#[cfg(target_arch = "wasm32")]
mod random;
#[cfg(target_arch = "wasm32")]
mod storage;

/// The Havering 2019 plan, the app's example and what an empty browser starts with.
pub const EXAMPLE_PLAN: &str = include_str!("../public/examples/havering-2019.plan.json");
