//! The plans this tab holds: every change to them, undo and redo, saving each change by
//! itself, and keeping two tabs on one plan from overwriting each other.
//!
//! Plans are shared as `Arc<Plan>`, so an undo step is a cheap copy of the list and only
//! the plan that changed is copied. Saving is debounced: a change is written within half a
//! second, in one `setItem` per plan, and the result is shown in `save_status`.

use std::collections::{HashMap, HashSet};
use std::sync::Arc;
use std::time::Duration;

use leptos::prelude::*;

use crate::clock;
use crate::domain::edit::{apply, Edit};
use crate::domain::history::History;
use crate::domain::{Plan, Problem};
use crate::download::download;
use crate::format::stored::StorageUsage;
use crate::format::{export, file_name, StoredPlan};
use crate::random::new_id;
use crate::storage::{self, StorageProblem, Unreadable};

/// How many steps back undo reaches.
const UNDO_LIMIT: usize = 200;
const SAVE_DELAY: Duration = Duration::from_millis(400);

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

/// What this tab knows about a plan's stored copy.
#[derive(Clone, Debug, Default)]
struct Tracked {
    /// The stored revision this tab's copy is based on.
    revision: u64,
    /// Changed here and not yet written.
    dirty: bool,
    /// The next save writes a revision above this too: when the officer keeps this tab's
    /// version over an older one written on top of it, the revision still goes up, so
    /// other tabs take the kept version as newer.
    floor: u64,
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
            tracked.insert(
                stored.plan.id.clone(),
                Tracked {
                    revision: stored.revision,
                    dirty: false,
                    floor: 0,
                },
            );
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
                tracked.insert(
                    plan.id.clone(),
                    Tracked {
                        revision: 0,
                        dirty: true,
                        floor: 0,
                    },
                );
                plans.push(Arc::new(plan));
            }
        }
        let library = Library {
            plans: RwSignal::new(plans),
            save_status: RwSignal::new(SaveStatus::Saved),
            problem: RwSignal::new(loaded.problem),
            unreadable: RwSignal::new(loaded.unreadable),
            conflicts: RwSignal::new(Vec::new()),
            exports: RwSignal::new(exports),
            can_undo: RwSignal::new(false),
            can_redo: RwSignal::new(false),
            usage: RwSignal::new(None),
            tracked: StoredValue::new(tracked),
            deleted: StoredValue::new(HashSet::new()),
            history: StoredValue::new(History::new(UNDO_LIMIT)),
            tab: StoredValue::new(new_id("t")),
            save_timer: StoredValue::new_local(None),
            read_only: false,
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
            read_only: true,
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

    /// Makes one change to one plan. `key` names the field being typed in, so that typing
    /// is one undo step; `None` makes the change a step of its own.
    pub fn edit(&self, plan_id: &str, edit: Edit, key: Option<&str>) -> Result<(), Vec<Problem>> {
        if self.read_only {
            return Err(vec![Problem::new(
                "plan",
                "this published plan cannot be changed",
            )]);
        }
        let current = self.plans.get_untracked();
        let index = current
            .iter()
            .position(|p| p.id == plan_id)
            .ok_or_else(|| {
                vec![Problem::new(
                    "plan",
                    format!("there is no plan \"{plan_id}\""),
                )]
            })?;
        let next_plan = apply(&current[index], edit)?;
        let mut next = current.clone();
        next[index] = Arc::new(next_plan);
        let key = key.map(|k| format!("{plan_id}/{k}"));
        self.history
            .update_value(|h| h.record(current, key.as_deref()));
        self.replace_all(next);
        Ok(())
    }

    /// Adds a new plan at the top of the list.
    pub fn add_plan(&self, plan: Plan) {
        let current = self.plans.get_untracked();
        let mut next = vec![Arc::new(plan)];
        next.extend(current.iter().cloned());
        self.history.update_value(|h| h.record(current, None));
        self.replace_all(next);
    }

    /// Replaces a plan with another version of it (an imported file, a merge): one step
    /// that undo takes back. The new version is checked like any edit.
    pub fn replace_plan(&self, plan: Plan) -> Result<(), Vec<Problem>> {
        let problems = crate::domain::validate::validate(&plan);
        if !problems.is_empty() {
            return Err(problems);
        }
        let current = self.plans.get_untracked();
        let index = current
            .iter()
            .position(|p| p.id == plan.id)
            .ok_or_else(|| {
                vec![Problem::new(
                    "plan",
                    format!("there is no plan \"{}\"", plan.id),
                )]
            })?;
        let mut next = current.clone();
        next[index] = Arc::new(plan);
        self.history.update_value(|h| h.record(current, None));
        self.replace_all(next);
        Ok(())
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

    /// Copies a plan under a new id, just after it. Returns the copy's id.
    pub fn duplicate(&self, id: &str) -> Option<String> {
        let current = self.plans.get_untracked();
        let index = current.iter().position(|p| p.id == id)?;
        let mut copy = (*current[index]).clone();
        copy.id = new_id("plan");
        copy.title = format!("Copy of {}", copy.title);
        let copy_id = copy.id.clone();
        let mut next = current.clone();
        next.insert(index + 1, Arc::new(copy));
        self.history.update_value(|h| h.record(current, None));
        self.replace_all(next);
        Some(copy_id)
    }

    /// Deletes a plan; undo brings it back.
    pub fn delete(&self, id: &str) {
        let current = self.plans.get_untracked();
        let next: Vec<_> = current.iter().filter(|p| p.id != id).cloned().collect();
        if next.len() == current.len() {
            return;
        }
        self.history.update_value(|h| h.record(current, None));
        self.replace_all(next);
    }

    /// Ends the step being typed, so the next keystroke starts a new undo step.
    pub fn seal(&self) {
        self.history.update_value(|h| h.seal());
    }

    pub fn undo(&self) {
        let present = self.plans.get_untracked();
        let mut restored = None;
        self.history.update_value(|h| restored = h.undo(present));
        if let Some(previous) = restored {
            self.replace_all(previous);
        }
    }

    pub fn redo(&self) {
        let present = self.plans.get_untracked();
        let mut restored = None;
        self.history.update_value(|h| restored = h.redo(present));
        if let Some(next) = restored {
            self.replace_all(next);
        }
    }

    /// Shows `next`, marks what changed as unsaved, and schedules the save.
    fn replace_all(&self, next: Vec<Arc<Plan>>) {
        let previous = self.plans.get_untracked();
        let before: HashMap<&str, &Arc<Plan>> =
            previous.iter().map(|p| (p.id.as_str(), p)).collect();
        let now_ids: HashSet<&str> = next.iter().map(|p| p.id.as_str()).collect();
        let mut changed = Vec::new();
        self.tracked.update_value(|tracked| {
            for plan in &next {
                let same = before
                    .get(plan.id.as_str())
                    .is_some_and(|old| Arc::ptr_eq(old, plan));
                if !same {
                    tracked.entry(plan.id.clone()).or_default().dirty = true;
                    changed.push(plan.id.clone());
                }
            }
        });
        let gone: Vec<String> = previous
            .iter()
            .filter(|p| !now_ids.contains(p.id.as_str()))
            .map(|p| p.id.clone())
            .collect();
        self.deleted.update_value(|d| {
            d.extend(gone.iter().cloned());
            for id in &now_ids {
                d.remove(*id);
            }
        });
        self.exports.update(|exports| {
            for id in &changed {
                exports.entry(id.clone()).or_default().changed_since = true;
            }
        });
        self.plans.set(next);
        self.history.with_value(|h| {
            self.can_undo.set(h.can_undo());
            self.can_redo.set(h.can_redo());
        });
        self.schedule_save();
    }

    fn schedule_save(&self) {
        if self.read_only {
            return;
        }
        self.save_status.set(SaveStatus::Saving);
        if let Some(handle) = self.save_timer.get_value() {
            handle.clear();
        }
        let library = *self;
        let handle = set_timeout_with_handle(move || library.save_now(), SAVE_DELAY).ok();
        self.save_timer.set_value(handle);
    }

    /// Writes every unsaved plan now, then the index; removes deleted plans.
    pub fn save_now(&self) {
        if self.read_only {
            return;
        }
        if let Some(handle) = self.save_timer.get_value() {
            handle.clear();
            self.save_timer.set_value(None);
        }
        if !storage::available() {
            self.problem.set(Some(StorageProblem::Unavailable));
            self.save_status.set(SaveStatus::NotSaved);
            return;
        }
        let plans = self.plans.get_untracked();
        let tab = self.tab.get_value();
        let exports = self.exports.get_untracked();
        let mut failure = None;
        for plan in &plans {
            let Some(state) = self.tracked.with_value(|t| t.get(&plan.id).cloned()) else {
                continue;
            };
            if !state.dirty {
                continue;
            }
            let key = storage::plan_key(&plan.id);
            let stored_revision = storage::read_revision(&key);
            if stored_revision.is_some_and(|r| r != state.revision) {
                // Another tab saved this plan since this tab read it: never overwrite it.
                // (Only now is the whole entry read; a copy that cannot be read is damaged,
                // and ours goes on top of it.)
                if let Some(theirs) =
                    storage::read(&key).and_then(|t| StoredPlan::from_text(&t).ok())
                {
                    self.add_conflict(theirs);
                    continue;
                }
            }
            let export = exports.get(&plan.id).cloned().unwrap_or_default();
            let record = StoredPlan {
                revision: stored_revision.unwrap_or(state.revision).max(state.floor) + 1,
                tab: tab.clone(),
                exported_at: export.exported_at,
                changed_since_export: export.changed_since,
                plan: (**plan).clone(),
            };
            match storage::write_plan(&record) {
                Ok(()) => self.tracked.update_value(|t| {
                    t.insert(
                        plan.id.clone(),
                        Tracked {
                            revision: record.revision,
                            dirty: false,
                            floor: 0,
                        },
                    );
                }),
                Err(problem) => failure = Some(problem),
            }
        }
        for id in self.deleted.get_value() {
            if storage::remove_plan(&id).is_ok() {
                self.deleted.update_value(|d| {
                    d.remove(&id);
                });
                self.tracked.update_value(|t| {
                    t.remove(&id);
                });
            }
        }
        if failure.is_none() {
            let mut ids: Vec<String> = plans.iter().map(|p| p.id.clone()).collect();
            // Keep unreadable plans listed, so their data stays where it is.
            ids.extend(self.unreadable.with_untracked(|u| {
                u.iter()
                    .filter_map(|u| storage::plan_id_of(&u.key).map(str::to_string))
                    .collect::<Vec<_>>()
            }));
            if let Err(problem) = storage::write_index(&ids) {
                failure = Some(problem);
            }
        }
        self.usage.set(storage::usage());
        match failure {
            Some(problem) => {
                self.problem.set(Some(problem));
                self.save_status.set(SaveStatus::NotSaved);
            }
            None => {
                if self.problem.get_untracked().is_some() {
                    self.problem.set(None);
                }
                self.save_status.set(SaveStatus::Saved);
            }
        }
    }

    fn add_conflict(&self, theirs: StoredPlan) {
        self.conflicts.update(|conflicts| {
            conflicts.retain(|c| c.theirs.plan.id != theirs.plan.id);
            conflicts.push(Conflict { theirs });
        });
    }

    /// Another tab changed storage: take its newer plan, or say so when both changed it.
    pub fn on_storage_changed(&self, key: &str, new_value: Option<String>) {
        if key == storage::INDEX_KEY {
            self.take_new_plans();
            return;
        }
        let Some(id) = storage::plan_id_of(key) else {
            return;
        };
        let Some(text) = new_value else {
            return;
        };
        let Ok(theirs) = StoredPlan::from_text(&text) else {
            return;
        };
        if theirs.tab == self.tab.get_value() {
            return;
        }
        let state = self
            .tracked
            .with_value(|t| t.get(id).cloned())
            .unwrap_or_default();
        // A write that does not count on from this tab's last save was made without reading
        // it (a tab still running an older build of the app, say): this tab's saved work
        // may be gone from storage, so the officer chooses, as when both changed it.
        if theirs.revision <= state.revision || state.dirty {
            self.add_conflict(theirs);
        } else {
            self.take(theirs);
        }
    }

    /// Adds plans another tab created.
    fn take_new_plans(&self) {
        let Some(ids) = storage::read(storage::INDEX_KEY)
            .and_then(|t| serde_json::from_str::<Vec<String>>(&t).ok())
        else {
            return;
        };
        let held: HashSet<String> = self
            .plans
            .with_untracked(|p| p.iter().map(|p| p.id.clone()).collect());
        let deleted = self.deleted.get_value();
        for id in ids
            .iter()
            .filter(|id| !held.contains(*id) && !deleted.contains(*id))
        {
            if let Some(stored) =
                storage::read(&storage::plan_key(id)).and_then(|t| StoredPlan::from_text(&t).ok())
            {
                self.take(stored);
            }
        }
    }

    /// Shows a stored copy as this tab's own, without an undo step.
    fn take(&self, stored: StoredPlan) {
        let id = stored.plan.id.clone();
        self.tracked.update_value(|t| {
            t.insert(
                id.clone(),
                Tracked {
                    revision: stored.revision,
                    dirty: false,
                    floor: 0,
                },
            );
        });
        self.exports.update(|e| {
            e.insert(
                id.clone(),
                ExportInfo {
                    exported_at: stored.exported_at.clone(),
                    changed_since: stored.changed_since_export,
                },
            );
        });
        let plan = Arc::new(stored.plan);
        self.plans
            .update(|plans| match plans.iter_mut().find(|p| p.id == id) {
                Some(slot) => *slot = plan,
                None => plans.push(plan),
            });
        self.conflicts
            .update(|c| c.retain(|c| c.theirs.plan.id != id));
    }

    /// Settles a conflict by keeping this tab's version over the other tab's.
    pub fn keep_mine(&self, id: &str) {
        let Some(conflict) = self.take_conflict(id) else {
            return;
        };
        self.tracked.update_value(|t| {
            let state = t.entry(id.to_string()).or_default();
            state.floor = state.revision;
            state.revision = conflict.theirs.revision;
            state.dirty = true;
        });
        self.save_now();
    }

    /// Settles a conflict by taking the other tab's version; undo brings this tab's back.
    pub fn keep_theirs(&self, id: &str) {
        let Some(conflict) = self.take_conflict(id) else {
            return;
        };
        let current = self.plans.get_untracked();
        self.history.update_value(|h| h.record(current, None));
        self.take(conflict.theirs);
        self.history.with_value(|h| self.can_undo.set(h.can_undo()));
    }

    fn take_conflict(&self, id: &str) -> Option<Conflict> {
        let mut found = None;
        self.conflicts.update(|conflicts| {
            if let Some(i) = conflicts.iter().position(|c| c.theirs.plan.id == id) {
                found = Some(conflicts.remove(i));
            }
        });
        found
    }

    /// Downloads the plan as a plan file and notes when.
    pub fn export(&self, id: &str) -> bool {
        let Some(plan) = self.plan_now(id) else {
            return false;
        };
        let now = clock::now_rfc3339();
        let name = file_name(&plan, clock::today());
        if !download(&name, "application/json", &export(&plan, Some(&now))) {
            return false;
        }
        self.keep_base(&plan);
        self.exports.update(|e| {
            e.insert(
                id.to_string(),
                ExportInfo {
                    exported_at: Some(now),
                    changed_since: false,
                },
            );
        });
        self.tracked
            .update_value(|t| t.entry(id.to_string()).or_default().dirty = true);
        self.schedule_save();
        true
    }

    /// Downloads every plan, one file each.
    pub fn export_all(&self) -> usize {
        let ids: Vec<String> = self
            .plans
            .with_untracked(|plans| plans.iter().map(|p| p.id.clone()).collect());
        ids.iter().filter(|id| self.export(id)).count()
    }

    /// Downloads the plan's actions as a spreadsheet (CSV), with overdue as at today.
    pub fn download_csv(&self, id: &str) -> bool {
        let Some(plan) = self.plan_now(id) else {
            return false;
        };
        let today = clock::today();
        download(
            &crate::format::csv::csv_file_name(&plan, today),
            "text/csv;charset=utf-8",
            &crate::format::csv::to_csv(&plan, today),
        )
    }

    /// Downloads both sides of a conflict, so nothing is lost whichever is kept.
    pub fn export_both(&self, id: &str) {
        let today = clock::today();
        let now = clock::now_rfc3339();
        if let Some(mine) = self.plan_now(id) {
            let name = file_name(&mine, today).replace(".plan.json", "-this-tab.plan.json");
            download(&name, "application/json", &export(&mine, Some(&now)));
        }
        let theirs = self
            .conflicts
            .with_untracked(|c| c.iter().find(|c| c.theirs.plan.id == id).cloned());
        if let Some(conflict) = theirs {
            let plan = &conflict.theirs.plan;
            let name = file_name(plan, today).replace(".plan.json", "-other-tab.plan.json");
            download(&name, "application/json", &export(plan, Some(&now)));
        }
    }
}
