//! The only code that touches the browser's local storage.
//!
//! Each plan is kept under its own key as a [`StoredPlan`]: the plan file with its
//! revision, written in one `setItem`, so a write is all or nothing and a damaged entry
//! spoils only itself. An index key orders the plans. [`LocalStore`] is this storage as
//! `domain::workspace` sees it; the rules of what is written when are the workspace's.
//! Nothing here panics: storage that is missing, blocked or full is reported as a
//! [`StorageProblem`].

use std::sync::Arc;

use gloo_storage::{LocalStorage, Storage};
use wasm_bindgen::JsCast;

use crate::domain::workspace::{Entry, Index, Presence, Store, StoredPlan};
pub use crate::domain::workspace::{StorageProblem, Unreadable};
use crate::domain::Plan;
use crate::format::packed;
use crate::format::sent::{self, SentCopy};
use crate::format::site::SiteSettings;
use crate::format::stored::{self, StorageUsage};

pub const INDEX_KEY: &str = "cpc-action-plan/index";
const PLAN_KEY_PREFIX: &str = "cpc-action-plan/plan/";
/// Where earlier versions of the app kept one copy of each plan, as last exported.
const LEGACY_BASE_KEY_PREFIX: &str = "cpc-action-plan/base/";

pub fn plan_key(id: &str) -> String {
    format!("{PLAN_KEY_PREFIX}{id}")
}

/// The plan id a storage key belongs to, if it is a plan's key.
pub fn plan_id_of(key: &str) -> Option<&str> {
    key.strip_prefix(PLAN_KEY_PREFIX)
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

thread_local! {
    /// Big plans' files compressed ahead of their save by the storage worker, each with
    /// the plan it was made from: used only for a write of that very plan (the same
    /// `Arc`, which the entry keeps alive, so its address is not reused), one a plan.
    static PACKED_AHEAD: std::cell::RefCell<Vec<(Arc<Plan>, Vec<u8>)>> =
        const { std::cell::RefCell::new(Vec::new()) };
}

/// Keeps a plan's file, compressed by the storage worker, for the plan's next write.
pub fn keep_packed_ahead(plan: Arc<Plan>, compressed: Vec<u8>) {
    PACKED_AHEAD.with(|ahead| {
        let mut ahead = ahead.borrow_mut();
        ahead.retain(|(kept, _)| kept.id != plan.id);
        ahead.push((plan, compressed));
    });
}

/// Whether this plan, as it is now, has been compressed ahead of its write.
pub fn is_packed_ahead(plan: &Arc<Plan>) -> bool {
    PACKED_AHEAD.with(|ahead| {
        ahead
            .borrow()
            .iter()
            .any(|(kept, _)| Arc::ptr_eq(kept, plan))
    })
}

/// The compressed file for a write of this very plan, if the worker made it. Anything
/// kept for the same plan id is dropped either way: it is of an older version.
fn take_packed_ahead(plan: &Arc<Plan>) -> Option<Vec<u8>> {
    PACKED_AHEAD.with(|ahead| {
        let mut ahead = ahead.borrow_mut();
        let at = ahead.iter().position(|(kept, _)| kept.id == plan.id)?;
        let (kept, compressed) = ahead.swap_remove(at);
        Arc::ptr_eq(&kept, plan).then_some(compressed)
    })
}

/// The browser's local storage, as a workspace sees it.
#[derive(Clone, Copy, Debug, Default)]
pub struct LocalStore;

impl Store for LocalStore {
    fn available(&self) -> bool {
        available()
    }

    fn read_index(&self) -> Index {
        let Some(text) = read(INDEX_KEY) else {
            return Ok(None);
        };
        serde_json::from_str(&text)
            .map(Some)
            .map_err(|e| Unreadable {
                id: None,
                key: INDEX_KEY.to_string(),
                reason: format!("the list of plans is damaged ({e})"),
                text,
                revision: None,
            })
    }

    fn write_index(&mut self, ids: &[String]) -> Result<(), StorageProblem> {
        write_index(ids)
    }

    fn plan_ids(&self) -> Vec<String> {
        if !available() {
            return Vec::new();
        }
        stored_plan_keys()
            .iter()
            .filter_map(|k| plan_id_of(k).map(str::to_string))
            .collect()
    }

    /// Read from the entry's header alone when it is packed: a save checks it every
    /// time, and a big plan's whole entry is megabytes.
    fn presence(&self, id: &str) -> Presence {
        if !available() {
            return Presence::Absent;
        }
        let Ok(Some(text)) = LocalStorage::raw()
            .unchecked_ref::<StorageText>()
            .get_item_text(&plan_key(id))
        else {
            return Presence::Absent;
        };
        let mark = packed::MARK;
        let end = if text.starts_with(mark, 0) {
            match u32::try_from(text.index_of("\n", mark.len() as i32)) {
                Ok(header_end) => header_end + 1,
                Err(_) => return Presence::Damaged,
            }
        } else {
            text.length()
        };
        match StoredPlan::revision_of(&String::from(text.slice(0, end))) {
            Some(revision) => Presence::At(revision),
            None => Presence::Damaged,
        }
    }

    fn read(&self, id: &str) -> Entry {
        let key = plan_key(id);
        let Some(text) = read(&key) else {
            return Entry::Missing;
        };
        match StoredPlan::from_text(&text) {
            Ok(stored) => Entry::Plan(stored),
            Err(problems) => Entry::Unreadable(Unreadable {
                id: Some(id.to_string()),
                key,
                reason: problems
                    .iter()
                    .map(ToString::to_string)
                    .collect::<Vec<_>>()
                    .join("; "),
                revision: StoredPlan::revision_of(&text),
                text: stored::readable(text),
            }),
        }
    }

    fn write(&mut self, plan: &StoredPlan) -> Result<(), StorageProblem> {
        let text = match take_packed_ahead(&plan.plan) {
            Some(compressed) => plan.to_text_packed(&compressed),
            None => plan.to_text(),
        };
        write(&plan_key(&plan.plan.id), &text)
    }

    fn remove(&mut self, id: &str) -> Result<(), StorageProblem> {
        remove_plan(id)
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

/// Removes a plan's entry, with the copies of it this browser sent (so a deleted plan
/// leaves nothing behind taking room; if an undo brings it back, a returned copy is then
/// merged with nothing taken unasked).
fn remove_plan(id: &str) -> Result<(), StorageProblem> {
    if !available() {
        return Err(StorageProblem::Unavailable);
    }
    let storage = LocalStorage::raw();
    // The single copy kept at the last export by earlier versions of the app.
    let _ = storage.remove_item(&format!("{LEGACY_BASE_KEY_PREFIX}{id}"));
    for copy in sent_copies(id) {
        let _ = storage.remove_item(&sent_copy_key(id, &copy.export_id));
    }
    let _ = storage.remove_item(&sent_list_key(id));
    let _ = storage.remove_item(&site_settings_key(id));
    storage
        .remove_item(&plan_key(id))
        .map_err(|e| problem_from_js(&e))
}

/// The list of copies sent of a plan, and each copy, whole, under its export's id.
/// The residents' site's details last published for a plan (its `site.json`), kept so the
/// officer does not type them again; never part of the plan or its file.
const SITE_KEY_PREFIX: &str = "cpc-action-plan/site/";

fn site_settings_key(plan_id: &str) -> String {
    format!("{SITE_KEY_PREFIX}{plan_id}")
}

/// The site details last published for a plan in this browser, if any.
pub fn site_settings(plan_id: &str) -> Option<SiteSettings> {
    read(&site_settings_key(plan_id)).map(|text| SiteSettings::from_text(&text))
}

/// Keeps the site details just published for a plan, for its next publication.
pub fn keep_site_settings(plan_id: &str, settings: &SiteSettings) -> Result<(), StorageProblem> {
    write(&site_settings_key(plan_id), &settings.to_json())
}

const SENT_KEY_PREFIX: &str = "cpc-action-plan/sent/";

fn sent_list_key(plan_id: &str) -> String {
    format!("{SENT_KEY_PREFIX}{plan_id}")
}

fn sent_copy_key(plan_id: &str, export_id: &str) -> String {
    format!("{SENT_KEY_PREFIX}{plan_id}/{export_id}")
}

/// Whether a key another tab changed is a list of copies sent.
pub fn is_sent_key(key: &str) -> bool {
    key.starts_with(SENT_KEY_PREFIX)
}

/// The copies of a plan this browser sent, oldest first.
pub fn sent_copies(plan_id: &str) -> Vec<SentCopy> {
    read(&sent_list_key(plan_id))
        .map(|text| sent::list_from_text(&text))
        .unwrap_or_default()
}

/// Changes the list of copies sent of a plan.
pub fn update_sent(
    plan_id: &str,
    change: impl FnOnce(&mut Vec<SentCopy>),
) -> Result<(), StorageProblem> {
    let mut list = sent_copies(plan_id);
    change(&mut list);
    write(&sent_list_key(plan_id), &sent::list_to_text(&list))
}

/// Keeps a copy as it was sent (the exported file's text), and lists it.
pub fn keep_sent(plan_id: &str, copy: SentCopy, file: &str) -> Result<(), StorageProblem> {
    write(
        &sent_copy_key(plan_id, &copy.export_id),
        &stored::file_to_text(file.to_string()),
    )?;
    update_sent(plan_id, |list| {
        list.retain(|c| c.export_id != copy.export_id);
        list.push(copy);
    })
}

/// A copy sent, as the plan it held, if this browser still has it and it reads.
pub fn read_sent(plan_id: &str, export_id: &str) -> Option<crate::domain::Plan> {
    let text = read(&sent_copy_key(plan_id, export_id))?;
    let file = stored::file_from_text(&text).ok()?;
    crate::format::import(&file).ok().map(|i| i.plan)
}

/// Removes a copy sent, and its line in the list.
pub fn remove_sent(plan_id: &str, export_id: &str) -> Result<(), StorageProblem> {
    if !available() {
        return Err(StorageProblem::Unavailable);
    }
    LocalStorage::raw()
        .remove_item(&sent_copy_key(plan_id, export_id))
        .map_err(|e| problem_from_js(&e))?;
    update_sent(plan_id, |list| list.retain(|c| c.export_id != export_id))
}

/// Every plan with copies sent, by the keys of their lists.
pub fn plans_with_sent_copies() -> Vec<String> {
    if !available() {
        return Vec::new();
    }
    let storage = LocalStorage::raw();
    let count = storage.length().unwrap_or(0);
    (0..count)
        .filter_map(|i| storage.key(i).ok().flatten())
        .filter_map(|k| k.strip_prefix(SENT_KEY_PREFIX).map(str::to_string))
        .filter(|rest| !rest.contains('/'))
        .collect()
}

/// Writes the order of the plans.
fn write_index(ids: &[String]) -> Result<(), StorageProblem> {
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
