//! The Leptos app, a thin layer over the domain. Imports run one way:
//! `app` → `pages` → `components` → `state` → `library` → `browser`, `format`, `domain`.

pub mod app;
pub mod components;
pub mod library;
pub mod pages;
pub mod state;
