//! The only code that touches the browser's local storage.
//!
//! Each plan is kept under its own key as a [`StoredPlan`]: the plan file with its
//! revision, written in one `setItem`, so a write is all or nothing and a damaged entry
//! spoils only itself. An index key lists the plans in order. Nothing here panics:
//! storage that is missing, blocked or full is reported as a [`StorageProblem`].

use gloo_storage::{LocalStorage, Storage};
use wasm_bindgen::JsCast;

use crate::format::packed;
use crate::format::stored::{self, StorageUsage};
use crate::format::StoredPlan;

pub const INDEX_KEY: &str = "cpc-action-plan/index";
const PLAN_KEY_PREFIX: &str = "cpc-action-plan/plan/";
/// The plan as it was last exported: the copy a returned file is merged against.
const BASE_KEY_PREFIX: &str = "cpc-action-plan/base/";

pub fn plan_key(id: &str) -> String {
    format!("{PLAN_KEY_PREFIX}{id}")
}

/// The plan id a storage key belongs to, if it is a plan's key.
pub fn plan_id_of(key: &str) -> Option<&str> {
    key.strip_prefix(PLAN_KEY_PREFIX)
}

/// Why plans cannot be kept in this browser, or why one save failed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StorageProblem {
    /// No local storage at all, or the browser refuses access (blocked cookies, policy).
    Unavailable,
    /// The browser's allowance for this site is used up.
    Full,
    /// Any other failure, with the browser's own words.
    Failed(String),
}

/// A stored entry that could not be read as a plan. It is left exactly as it was.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Unreadable {
    pub key: String,
    pub reason: String,
    /// The stored text, kept so the officer can download it.
    pub text: String,
}

/// What was found in storage at start.
pub struct Loaded {
    pub plans: Vec<StoredPlan>,
    /// True when storage was empty and the caller's first plans should be kept.
    pub first_run: bool,
    pub problem: Option<StorageProblem>,
    pub unreadable: Vec<Unreadable>,
}

/// Local storage exists and the browser lets this page use it.
///
/// gloo-storage's own accessor panics when storage is blocked, so this asks first.
pub fn available() -> bool {
    let Some(window) = web_sys::window() else {
        return false;
    };
    matches!(window.local_storage(), Ok(Some(_)))
}

/// The text under a key, or `None` when there is none or storage cannot be read.
pub fn read(key: &str) -> Option<String> {
    if !available() {
        return None;
    }
    LocalStorage::raw().get_item(key).ok().flatten()
}

/// The revision of the entry under a key, read from its header alone when it is packed:
/// a save checks it every time, and a big plan's whole entry is megabytes.
pub fn read_revision(key: &str) -> Option<u64> {
    if !available() {
        return None;
    }
    let text = LocalStorage::raw()
        .unchecked_ref::<StorageText>()
        .get_item_text(key)
        .ok()
        .flatten()?;
    let mark = packed::MARK;
    let end = if text.starts_with(mark, 0) {
        let header_end = text.index_of("\n", mark.len() as i32);
        u32::try_from(header_end).ok()? + 1
    } else {
        text.length()
    };
    StoredPlan::revision_of(&String::from(text.slice(0, end)))
}

/// Reads every stored plan, leaving anything unreadable exactly where it is.
pub fn load() -> Loaded {
    if !available() {
        return Loaded {
            plans: Vec::new(),
            first_run: true,
            problem: Some(StorageProblem::Unavailable),
            unreadable: Vec::new(),
        };
    }
    let Some(index_text) = read(INDEX_KEY) else {
        return Loaded {
            plans: Vec::new(),
            first_run: stored_plan_keys().is_empty(),
            problem: None,
            unreadable: Vec::new(),
        };
    };
    let mut unreadable = Vec::new();
    let ids: Vec<String> = match serde_json::from_str(&index_text) {
        Ok(ids) => ids,
        Err(e) => {
            unreadable.push(Unreadable {
                key: INDEX_KEY.to_string(),
                reason: format!("the list of plans is damaged ({e})"),
                text: index_text.clone(),
            });
            stored_plan_keys()
                .iter()
                .filter_map(|k| plan_id_of(k).map(str::to_string))
                .collect()
        }
    };
    let mut plans = Vec::new();
    for id in ids {
        let key = plan_key(&id);
        match read(&key) {
            Some(text) => match StoredPlan::from_text(&text) {
                Ok(stored) => plans.push(stored),
                Err(problems) => unreadable.push(Unreadable {
                    key,
                    reason: problems
                        .iter()
                        .map(ToString::to_string)
                        .collect::<Vec<_>>()
                        .join("; "),
                    text: stored::readable(text),
                }),
            },
            None => unreadable.push(Unreadable {
                key,
                reason: "the plan is listed but its data is missing".to_string(),
                text: String::new(),
            }),
        }
    }
    Loaded {
        plans,
        first_run: false,
        problem: None,
        unreadable,
    }
}

fn stored_plan_keys() -> Vec<String> {
    let storage = LocalStorage::raw();
    let count = storage.length().unwrap_or(0);
    (0..count)
        .filter_map(|i| storage.key(i).ok().flatten())
        .filter(|k| k.starts_with(PLAN_KEY_PREFIX))
        .collect()
}

/// Writes one plan in a single `setItem`. Returns whether the browser kept it.
pub fn write_plan(stored: &StoredPlan) -> Result<(), StorageProblem> {
    write(&plan_key(&stored.plan.id), &stored.to_text())
}

/// Removes a plan's entry, and the copy kept from its last export.
pub fn remove_plan(id: &str) -> Result<(), StorageProblem> {
    if !available() {
        return Err(StorageProblem::Unavailable);
    }
    let storage = LocalStorage::raw();
    let _ = storage.remove_item(&format!("{BASE_KEY_PREFIX}{id}"));
    storage
        .remove_item(&plan_key(id))
        .map_err(|e| problem_from_js(&e))
}

/// Keeps the plan as it was sent, for merging what comes back.
pub fn write_base(plan: &crate::domain::Plan) -> Result<(), StorageProblem> {
    write(
        &format!("{BASE_KEY_PREFIX}{}", plan.id),
        &stored::file_to_text(crate::format::export(plan, None)),
    )
}

/// The plan as it was last sent, if this browser kept it and it still reads.
pub fn read_base(id: &str) -> Option<crate::domain::Plan> {
    let text = read(&format!("{BASE_KEY_PREFIX}{id}"))?;
    let file = stored::file_from_text(&text).ok()?;
    crate::format::import(&file).ok().map(|i| i.plan)
}

/// Writes the order of the plans.
pub fn write_index(ids: &[String]) -> Result<(), StorageProblem> {
    if !available() {
        return Err(StorageProblem::Unavailable);
    }
    LocalStorage::set(INDEX_KEY, ids).map_err(|e| match e {
        gloo_storage::errors::StorageError::JsError(e) if e.name == "QuotaExceededError" => {
            StorageProblem::Full
        }
        other => StorageProblem::Failed(other.to_string()),
    })
}

fn write(key: &str, text: &str) -> Result<(), StorageProblem> {
    if !available() {
        return Err(StorageProblem::Unavailable);
    }
    LocalStorage::raw()
        .set_item(key, text)
        .map_err(|e| problem_from_js(&e))
}

fn problem_from_js(value: &wasm_bindgen::JsValue) -> StorageProblem {
    match value.dyn_ref::<web_sys::DomException>() {
        Some(e) if e.name() == "QuotaExceededError" => StorageProblem::Full,
        Some(e) if e.name() == "SecurityError" => StorageProblem::Unavailable,
        Some(e) => StorageProblem::Failed(format!("{}: {}", e.name(), e.message())),
        None => StorageProblem::Failed(format!("{value:?}")),
    }
}

#[wasm_bindgen::prelude::wasm_bindgen]
extern "C" {
    /// `Storage`, with `getItem` returning the JavaScript string itself, so its length
    /// is read without copying a big value into WebAssembly.
    #[wasm_bindgen(extends = js_sys::Object)]
    type StorageText;
    #[wasm_bindgen(method, catch, js_name = getItem)]
    fn get_item_text(
        this: &StorageText,
        key: &str,
    ) -> Result<Option<js_sys::JsString>, wasm_bindgen::JsValue>;
}

/// How much of the browser's allowance this site's storage takes, counting every key,
/// ours or not, as the browser does.
pub fn usage() -> Option<StorageUsage> {
    if !available() {
        return None;
    }
    let storage = LocalStorage::raw();
    let text = storage.unchecked_ref::<StorageText>();
    let count = storage.length().ok()?;
    let used = (0..count)
        .filter_map(|i| storage.key(i).ok().flatten())
        .map(|key| {
            let value = text
                .get_item_text(&key)
                .ok()
                .flatten()
                .map_or(0, |v| v.length());
            key.encode_utf16().count() as u64 + u64::from(value)
        })
        .sum();
    Some(StorageUsage { used })
}

/// Asks the browser not to clear this site's storage when space runs low. Browsers may
/// say no; a file export stays the real backup.
pub fn ask_to_persist() {
    if let Some(window) = web_sys::window() {
        let storage = window.navigator().storage();
        let _ = storage.persist();
    }
}
