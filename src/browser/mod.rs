//! Every use of a browser API: local storage, the clock, randomness, downloads, chosen
//! and dropped files, the address bar and focus, the look for a published plan, and the
//! service worker that keeps the app working offline.
//! Built only for WebAssembly; the rest of the app reaches the browser through here.

pub mod clock;
pub mod document;
pub mod download;
pub mod files;
pub mod offline;
pub mod packing;
pub mod published;
pub mod random;
pub mod sheets;
pub mod site_build;
pub mod storage;
pub mod worker;
