//! The plans this tab holds, as signals the pages read. What is done to them lives beside
//! this file: `editing` (every change, undo and redo), `saving` (writing each change by
//! itself), `other_tabs` (keeping two tabs on one plan from overwriting each other, by the
//! rules in `domain::tab_protocol`) and `export` (plan files and spreadsheets out).
//!
//! Plans are shared as `Arc<Plan>`, so an undo step is a cheap copy of the list and only
//! the plan that changed is copied.

mod editing;
mod export;
mod other_tabs;
mod saving;

use std::collections::{HashMap, HashSet};
use std::sync::Arc;

use leptos::prelude::*;

use crate::browser::random::new_id;
use crate::browser::storage::{self, StorageProblem, Unreadable};
use crate::domain::history::History;
use crate::domain::tab_protocol::Tracked;
use crate::domain::Plan;
use crate::format::stored::StorageUsage;
use crate::format::StoredPlan;

/// How many steps back undo reaches.
const UNDO_LIMIT: usize = 200;

/// Whether the last change has reached storage.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SaveStatus {
    Saved,
    Saving,
    NotSaved,
}

/// When a plan was last exported, and whether it has changed since.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ExportInfo {
    pub exported_at: Option<String>,
    pub changed_since: bool,
}

/// Another tab saved a plan that this tab had also changed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Conflict {
    pub theirs: StoredPlan,
}

#[derive(Clone, Copy)]
pub struct Library {
    pub plans: RwSignal<Vec<Arc<Plan>>>,
    pub save_status: RwSignal<SaveStatus>,
    pub problem: RwSignal<Option<StorageProblem>>,
    pub unreadable: RwSignal<Vec<Unreadable>>,
    pub conflicts: RwSignal<Vec<Conflict>>,
    pub exports: RwSignal<HashMap<String, ExportInfo>>,
    pub can_undo: RwSignal<bool>,
    pub can_redo: RwSignal<bool>,
    /// How full the browser's storage is, as last measured (after each save).
    pub usage: RwSignal<Option<StorageUsage>>,
    tracked: StoredValue<HashMap<String, Tracked>>,
    /// Plans deleted here whose stored copies are still to be removed.
    deleted: StoredValue<HashSet<String>>,
    history: StoredValue<History<Vec<Arc<Plan>>>>,
    tab: StoredValue<String>,
    save_timer: StoredValue<Option<TimeoutHandle>, LocalStorage>,
    /// A published plan: shown, never changed, and nothing written to storage.
    pub read_only: bool,
}

impl Library {
    /// Loads what storage holds; an empty storage starts with `first_plans()` and keeps them.
    pub fn load(first_plans: impl FnOnce() -> Vec<Plan>) -> Library {
        let loaded = storage::load();
        let mut tracked = HashMap::new();
        let mut exports = HashMap::new();
        let mut plans = Vec::new();
        for stored in loaded.plans {
            tracked.insert(stored.plan.id.clone(), Tracked::stored(stored.revision));
            exports.insert(
                stored.plan.id.clone(),
                ExportInfo {
                    exported_at: stored.exported_at,
                    changed_since: stored.changed_since_export,
                },
            );
            plans.push(Arc::new(stored.plan));
        }
        let first_run = loaded.first_run;
        if first_run {
            for plan in first_plans() {
                tracked.insert(plan.id.clone(), Tracked::unsaved());
                plans.push(Arc::new(plan));
            }
        }
        let library = Library {
            plans: RwSignal::new(plans),
            problem: RwSignal::new(loaded.problem),
            unreadable: RwSignal::new(loaded.unreadable),
            exports: RwSignal::new(exports),
            tracked: StoredValue::new(tracked),
            history: StoredValue::new(History::new(UNDO_LIMIT)),
            tab: StoredValue::new(new_id("t")),
            ..Library::empty(false)
        };
        if first_run && storage::available() {
            library.save_now();
        } else {
            library.usage.set(storage::usage());
        }
        storage::ask_to_persist();
        library
    }

    /// A published site's library: the plans it shows, and no storage at all.
    pub fn published(plans: Vec<Plan>) -> Library {
        Library {
            plans: RwSignal::new(plans.into_iter().map(Arc::new).collect()),
            ..Library::empty(true)
        }
    }

    fn empty(read_only: bool) -> Library {
        Library {
            plans: RwSignal::new(Vec::new()),
            save_status: RwSignal::new(SaveStatus::Saved),
            problem: RwSignal::new(None),
            unreadable: RwSignal::new(Vec::new()),
            conflicts: RwSignal::new(Vec::new()),
            exports: RwSignal::new(HashMap::new()),
            can_undo: RwSignal::new(false),
            can_redo: RwSignal::new(false),
            usage: RwSignal::new(None),
            tracked: StoredValue::new(HashMap::new()),
            deleted: StoredValue::new(HashSet::new()),
            history: StoredValue::new(History::new(1)),
            tab: StoredValue::new(String::new()),
            save_timer: StoredValue::new_local(None),
            read_only,
        }
    }

    /// Calls `f` with the plan of that id, tracking it for the caller's reactive scope.
    pub fn with_plan<T>(&self, id: &str, f: impl FnOnce(Option<&Plan>) -> T) -> T {
        self.plans
            .with(|plans| f(plans.iter().find(|p| p.id == id).map(|p| p.as_ref())))
    }

    /// The plan as it is now, without tracking.
    pub fn plan_now(&self, id: &str) -> Option<Arc<Plan>> {
        self.plans
            .with_untracked(|plans| plans.iter().find(|p| p.id == id).cloned())
    }

    /// Whether this browser holds a plan with that id.
    pub fn has(&self, id: &str) -> bool {
        self.plans
            .with_untracked(|plans| plans.iter().any(|p| p.id == id))
    }

    /// The plan as it was last exported or imported here: what a returned copy is
    /// compared with, to tell who changed what.
    pub fn base(&self, id: &str) -> Option<Plan> {
        storage::read_base(id)
    }

    /// Remembers a plan as sent or received, for a later merge.
    pub fn keep_base(&self, plan: &Plan) {
        if !self.read_only {
            let _ = storage::write_base(plan);
        }
    }
}
