//! The plans this tab holds, as signals the pages read. The rules are
//! `domain::workspace`'s: this is the workspace in a `StoredValue`, with each part the
//! pages show copied to a signal after every change ([`Library::publish`]). Beside this
//! file: `editing` (every change, undo and redo), `saving` (writing each change by
//! itself), `other_tabs` (storage events, conflicts, plans deleted elsewhere, damaged
//! entries) and `export` (plan files and spreadsheets out).

mod editing;
mod export;
mod other_tabs;
mod saving;

use std::collections::HashMap;
use std::sync::Arc;

use chrono::NaiveDate;

use leptos::prelude::*;

use crate::browser::random::new_id;
use crate::browser::storage::{self, LocalStore, StorageProblem, Unreadable};
use crate::domain::dates::iso;
use crate::domain::workspace::{Conflict, NotSaved, Workspace};
pub use crate::domain::workspace::{ExportInfo, Theirs};
use crate::domain::Plan;
use crate::format::sent::{copy_for, Returned, SentCopy};
use crate::format::stored::StorageUsage;
use crate::format::Imported;
pub use export::damaged_file_name;

/// Whether the last change has reached storage.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SaveStatus {
    Saved,
    Saving,
    NotSaved,
}

#[derive(Clone, Copy)]
pub struct Library {
    pub plans: RwSignal<Vec<Arc<Plan>>>,
    pub save_status: RwSignal<SaveStatus>,
    pub problem: RwSignal<Option<StorageProblem>>,
    /// The plans whose last write failed, by name.
    pub not_saved: RwSignal<Vec<NotSaved>>,
    pub unreadable: RwSignal<Vec<Unreadable>>,
    pub conflicts: RwSignal<Vec<Conflict>>,
    /// Plans deleted in another tab, as this tab had them, to restore.
    pub removed_elsewhere: RwSignal<Vec<Arc<Plan>>>,
    /// What other tabs did that the officer should know, one line each.
    pub notices: RwSignal<Vec<String>>,
    pub exports: RwSignal<HashMap<String, ExportInfo>>,
    pub can_undo: RwSignal<bool>,
    pub can_redo: RwSignal<bool>,
    /// What the last undo or redo did ("Undid: status of action 2.1"), until the next change.
    pub undo_said: RwSignal<Option<String>>,
    /// How full the browser's storage is, as last measured (after each save).
    pub usage: RwSignal<Option<StorageUsage>>,
    /// Counts changes to the copies sent, so views of them redraw.
    sent_version: RwSignal<u64>,
    workspace: StoredValue<Workspace>,
    save_timer: StoredValue<Option<TimeoutHandle>, LocalStorage>,
    /// Counts the saves that waited for the storage worker: only the latest saves.
    pack_round: StoredValue<u64>,
    /// A published plan: shown, never changed, and nothing written to storage.
    pub read_only: bool,
}

impl Library {
    /// Loads what storage holds; an empty storage starts with `first_plans()` and keeps them.
    pub fn load(first_plans: impl FnOnce() -> Vec<Plan>) -> Library {
        let workspace = Workspace::load(new_id("t"), &LocalStore, first_plans);
        let first_run = workspace.has_unsaved();
        let library = Library::with(workspace, false);
        library.publish();
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
        let workspace = Workspace::shown(plans);
        let shown = workspace.plans().to_vec();
        let library = Library::with(workspace, true);
        // Only the plans: a published site has nothing else to show, and copying the rest
        // would put the officer's banners' code into the residents' download.
        library.plans.set(shown);
        library
    }

    fn with(workspace: Workspace, read_only: bool) -> Library {
        Library {
            plans: RwSignal::new(Vec::new()),
            save_status: RwSignal::new(SaveStatus::Saved),
            problem: RwSignal::new(None),
            not_saved: RwSignal::new(Vec::new()),
            unreadable: RwSignal::new(Vec::new()),
            conflicts: RwSignal::new(Vec::new()),
            removed_elsewhere: RwSignal::new(Vec::new()),
            notices: RwSignal::new(Vec::new()),
            exports: RwSignal::new(HashMap::new()),
            can_undo: RwSignal::new(false),
            can_redo: RwSignal::new(false),
            undo_said: RwSignal::new(None),
            usage: RwSignal::new(None),
            sent_version: RwSignal::new(0),
            workspace: StoredValue::new(workspace),
            save_timer: StoredValue::new_local(None),
            pack_round: StoredValue::new(0),
            read_only,
        }
    }

    /// Changes the workspace, then shows what changed.
    fn change<T>(&self, f: impl FnOnce(&mut Workspace) -> T) -> T {
        let result = self
            .workspace
            .try_update_value(f)
            .expect("the library lives as long as the app");
        self.publish();
        result
    }

    /// Copies each part of the workspace the pages show into its signal, where it changed.
    fn publish(&self) {
        self.workspace.with_value(|w| {
            let same_plans = self.plans.with_untracked(|shown| same(shown, w.plans()));
            if !same_plans {
                self.plans.set(w.plans().to_vec());
            }
            let same_removed = self
                .removed_elsewhere
                .with_untracked(|shown| same(shown, w.removed_elsewhere()));
            if !same_removed {
                self.removed_elsewhere.set(w.removed_elsewhere().to_vec());
            }
            set_if_changed(self.problem, w.problem().cloned());
            set_if_changed(self.not_saved, w.not_saved().to_vec());
            set_if_changed(self.unreadable, w.unreadable().to_vec());
            // By what the officer sees of each (which plan, which version of theirs), not
            // by comparing whole plans.
            let seen = |c: &[Conflict]| -> Vec<(String, String, Option<u64>, usize)> {
                c.iter()
                    .map(|c| {
                        let (revision, size) = match &c.theirs {
                            Theirs::Plan(p) => (Some(p.revision), p.tab.len()),
                            Theirs::Unreadable(u) => (u.revision, u.text.len()),
                        };
                        (c.id.clone(), c.title.clone(), revision, size)
                    })
                    .collect()
            };
            if self
                .conflicts
                .with_untracked(|shown| seen(shown) != seen(w.conflicts()))
            {
                self.conflicts.set(w.conflicts().to_vec());
            }
            set_if_changed(self.notices, w.notices().to_vec());
            set_if_changed(self.exports, w.exports().clone());
            set_if_changed(self.can_undo, w.can_undo());
            set_if_changed(self.can_redo, w.can_redo());
        });
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

    /// Whether an id is taken: by a plan here, or by any entry in storage, readable or
    /// not. A plan imported as new gets another id then.
    pub fn has(&self, id: &str) -> bool {
        self.workspace.with_value(|w| w.id_in_use(id, &LocalStore))
    }

    /// The copies of a plan this browser sent, tracked: the list redraws when one is
    /// kept, noted, merged back or removed, here or in another tab.
    pub fn sent_copies(&self, plan_id: &str) -> Vec<SentCopy> {
        self.sent_version.track();
        if self.read_only {
            return Vec::new();
        }
        storage::sent_copies(plan_id)
    }

    /// The copy sent that a file came from, and that copy's plan when this browser still
    /// has it whole: what the file is merged against.
    pub fn copy_sent_for(
        &self,
        plan_id: &str,
        file: &Imported,
    ) -> Option<(SentCopy, Option<Plan>)> {
        let copies = storage::sent_copies(plan_id);
        let copy = copy_for(file, &copies)?.clone();
        let plan = storage::read_sent(plan_id, &copy.export_id);
        Some((copy, plan))
    }

    /// Notes that a returned copy of the export `export_id` was merged today.
    pub fn mark_returned(&self, plan_id: &str, export_id: &str, file: &Imported, today: NaiveDate) {
        let returned = Returned {
            export_id: file.export_id.clone(),
            exported_at: file.exported_at.clone(),
            merged_on: iso(today),
        };
        let _ = storage::update_sent(plan_id, |list| {
            if let Some(copy) = list.iter_mut().find(|c| c.export_id == export_id) {
                copy.returned.push(returned);
            }
        });
        self.sent_version.update(|v| *v += 1);
    }

    /// Notes who a copy was sent to.
    pub fn set_sent_to(&self, plan_id: &str, export_id: &str, sent_to: &str) -> bool {
        let saved = storage::update_sent(plan_id, |list| {
            if let Some(copy) = list.iter_mut().find(|c| c.export_id == export_id) {
                copy.sent_to = sent_to.trim().to_string();
            }
        })
        .is_ok();
        self.sent_version.update(|v| *v += 1);
        saved
    }

    /// Removes a copy sent; a copy of it that comes back later is merged with nothing
    /// taken unasked.
    pub fn remove_sent(&self, plan_id: &str, export_id: &str) -> bool {
        let removed = storage::remove_sent(plan_id, export_id).is_ok();
        self.sent_version.update(|v| *v += 1);
        self.usage.set(storage::usage());
        removed
    }

    /// Removes every copy sent that has already come back and been merged, to make room.
    /// Returns how many went.
    pub fn remove_returned_copies(&self) -> usize {
        let mut removed = 0;
        for plan_id in storage::plans_with_sent_copies() {
            for copy in storage::sent_copies(&plan_id) {
                if !copy.returned.is_empty()
                    && storage::remove_sent(&plan_id, &copy.export_id).is_ok()
                {
                    removed += 1;
                }
            }
        }
        self.sent_version.update(|v| *v += 1);
        self.usage.set(storage::usage());
        removed
    }

    /// How many copies sent have come back, over all plans.
    pub fn returned_copies(&self) -> usize {
        self.sent_version.track();
        storage::plans_with_sent_copies()
            .iter()
            .map(|id| {
                storage::sent_copies(id)
                    .iter()
                    .filter(|c| !c.returned.is_empty())
                    .count()
            })
            .sum()
    }
}

/// The same plans in the same order, each the very same version.
fn same(shown: &[Arc<Plan>], now: &[Arc<Plan>]) -> bool {
    shown.len() == now.len() && shown.iter().zip(now).all(|(a, b)| Arc::ptr_eq(a, b))
}

fn set_if_changed<T: PartialEq + Send + Sync + 'static>(signal: RwSignal<T>, value: T) {
    if signal.with_untracked(|current| *current != value) {
        signal.set(value);
    }
}
