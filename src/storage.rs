//! The only code that touches the browser's local storage.
//!
//! Each plan is kept under its own key as a compact plan-format-v1 file, so what is stored
//! is checked by the same importer as any file, and a damaged entry spoils only itself.
//! An index key lists the plans in order. Nothing here panics: storage that is missing,
//! blocked or full is reported as a [`StorageProblem`] and the app carries on in memory.

use gloo_storage::{errors::StorageError, LocalStorage, Storage};

use crate::domain::Plan;
use crate::format::{export_compact, import};

const INDEX_KEY: &str = "cpc-action-plan/index";
const PLAN_KEY_PREFIX: &str = "cpc-action-plan/plan/";

fn plan_key(id: &str) -> String {
    format!("{PLAN_KEY_PREFIX}{id}")
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
}

/// What was found in storage at start.
pub struct Loaded {
    pub plans: Vec<Plan>,
    pub problem: Option<StorageProblem>,
    pub unreadable: Vec<Unreadable>,
}

/// Local storage exists and the browser lets this page use it.
///
/// gloo-storage's own accessor panics when storage is blocked, so this asks first.
fn available() -> bool {
    let Some(window) = web_sys::window() else {
        return false;
    };
    matches!(window.local_storage(), Ok(Some(_)))
}

fn read(key: &str) -> Option<String> {
    LocalStorage::raw().get_item(key).ok().flatten()
}

/// Reads every stored plan. An empty storage starts with `first_run` and keeps it.
pub fn load(first_run: Vec<Plan>) -> Loaded {
    if !available() {
        return Loaded {
            plans: first_run,
            problem: Some(StorageProblem::Unavailable),
            unreadable: Vec::new(),
        };
    }
    let Some(index_text) = read(INDEX_KEY) else {
        let problem = first_run
            .iter()
            .find_map(|p| save_plan(p).err())
            .or_else(|| save_index(&first_run).err());
        return Loaded {
            plans: first_run,
            problem,
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
            });
            stored_plan_keys()
                .into_iter()
                .filter_map(|k| k.strip_prefix(PLAN_KEY_PREFIX).map(str::to_string))
                .collect()
        }
    };
    let mut plans = Vec::new();
    for id in ids {
        let key = plan_key(&id);
        match read(&key).map(|text| import(&text)) {
            Some(Ok(imported)) => plans.push(imported.plan),
            Some(Err(problems)) => unreadable.push(Unreadable {
                key,
                reason: problems
                    .iter()
                    .map(ToString::to_string)
                    .collect::<Vec<_>>()
                    .join("; "),
            }),
            None => unreadable.push(Unreadable {
                key,
                reason: "the plan is listed but its data is missing".to_string(),
            }),
        }
    }
    Loaded {
        plans,
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

/// Writes one plan. Returns whether the browser kept it.
pub fn save_plan(plan: &Plan) -> Result<(), StorageProblem> {
    if !available() {
        return Err(StorageProblem::Unavailable);
    }
    write(&plan_key(&plan.id), &export_compact(plan))
}

/// Writes the order of the plans.
pub fn save_index(plans: &[Plan]) -> Result<(), StorageProblem> {
    if !available() {
        return Err(StorageProblem::Unavailable);
    }
    let ids: Vec<&str> = plans.iter().map(|p| p.id.as_str()).collect();
    LocalStorage::set(INDEX_KEY, ids).map_err(problem_from)
}

fn write(key: &str, text: &str) -> Result<(), StorageProblem> {
    LocalStorage::raw()
        .set_item(key, text)
        .map_err(|e| problem_from_js(&e))
}

fn problem_from(error: StorageError) -> StorageProblem {
    match error {
        StorageError::JsError(e) if e.name == "QuotaExceededError" => StorageProblem::Full,
        other => StorageProblem::Failed(other.to_string()),
    }
}

fn problem_from_js(value: &wasm_bindgen::JsValue) -> StorageProblem {
    use wasm_bindgen::JsCast;
    match value.dyn_ref::<web_sys::DomException>() {
        Some(e) if e.name() == "QuotaExceededError" => StorageProblem::Full,
        Some(e) if e.name() == "SecurityError" => StorageProblem::Unavailable,
        Some(e) => StorageProblem::Failed(format!("{}: {}", e.name(), e.message())),
        None => StorageProblem::Failed(format!("{value:?}")),
    }
}
