//! One tab's plans and everything done to them: edits, undo and redo, saving, and what
//! other tabs on the same storage do meanwhile. Pure: storage is a [`Store`], so the
//! browser's local storage and the tests' shared memory run the same rules.
//!
//! What it promises, and `tests/workspace_model.rs` checks over random sequences of two
//! and three tabs:
//! - every saved edit stays saved, unless the officer was shown it in a conflict, or the
//!   plan was deleted, or this tab undid its own edit;
//! - undo and redo change only what this tab changed (a plan's steps are forgotten when
//!   another tab's version of it is taken), so they never revert another tab's saved
//!   work, and never delete or bring back a plan this tab did not create or delete;
//! - a plan deleted in another tab leaves this tab with its copy kept to restore, and is
//!   never written back by accident;
//! - a write that fails names the plan, and a reload shows every plan storage holds;
//! - an entry this build cannot read is never written over unless the officer chooses to.

mod other_tabs;
mod saving;
mod store;

use std::collections::{HashMap, HashSet};
use std::sync::Arc;

pub use store::{
    Entry, ImportedFrom, Index, Presence, StorageProblem, Store, StoredPlan, Unreadable,
};

use crate::domain::dates::format_day_of;
use crate::domain::edit::{apply, Edit};
use crate::domain::history::{History, Step};
use crate::domain::tab_protocol::Tracked;
use crate::domain::validate::validate;
use crate::domain::{Plan, Problem};

/// How many steps back undo reaches.
const UNDO_LIMIT: usize = 200;

/// When a plan was last exported (or imported from a file), and whether it has changed
/// since.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ExportInfo {
    pub exported_at: Option<String>,
    /// Whether the plan changed since it was last exported, or imported when that came
    /// later.
    pub changed_since: bool,
    /// The export this plan came from, when it came as a file from another browser.
    pub origin: Option<String>,
    /// The file the plan was imported from, when that came after its last export.
    pub imported: Option<ImportedFrom>,
}

impl ExportInfo {
    /// What the toolbar says about the plan's copies outside this browser: the last import
    /// or export, whichever came later, and whether the plan has changed since.
    pub fn note(&self) -> String {
        match (&self.imported, &self.exported_at) {
            (Some(from), _) => {
                let said = format!(
                    "Imported from {} on {}.",
                    from.file,
                    format_day_of(&from.at)
                );
                if self.changed_since {
                    format!("{said} It has changed since: export it to keep a copy.")
                } else {
                    said
                }
            }
            (None, None) => {
                "Not exported yet: export the plan to keep a copy outside this browser.".to_string()
            }
            (None, Some(at)) => {
                let day = format_day_of(at);
                if self.changed_since {
                    format!("Last exported {day}. It has changed since: export it again to keep a copy.")
                } else {
                    format!("Last exported {day}.")
                }
            }
        }
    }
}

/// The other side of a conflict: another tab's version, or an entry this build cannot read.
// Short-lived, and mostly the plan: boxing it would only add a step.
#[allow(clippy::large_enum_variant)]
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Theirs {
    Plan(StoredPlan),
    Unreadable(Unreadable),
}

/// Another tab saved a plan that this tab had also changed, or wrote it in a form this
/// build cannot read: the officer chooses which to keep.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Conflict {
    pub id: String,
    /// The plan's title in this tab.
    pub title: String,
    pub theirs: Theirs,
}

/// A plan whose last write failed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NotSaved {
    pub id: String,
    pub title: String,
    pub problem: StorageProblem,
}

/// One tab's plans, as the officer sees and changes them.
#[derive(Clone, Debug)]
pub struct Workspace {
    /// This tab's name, written with every save so other tabs can tell whose it is.
    tab: String,
    plans: Vec<Arc<Plan>>,
    tracked: HashMap<String, Tracked>,
    exports: HashMap<String, ExportInfo>,
    /// Plans deleted here whose stored entries are still to be removed.
    deleted: HashSet<String>,
    history: History,
    conflicts: Vec<Conflict>,
    /// Plans another tab deleted, as this tab last had them, to restore or let go.
    removed_elsewhere: Vec<Arc<Plan>>,
    /// One-line messages about what other tabs did to this tab's plans.
    notices: Vec<String>,
    unreadable: Vec<Unreadable>,
    not_saved: Vec<NotSaved>,
    problem: Option<StorageProblem>,
    /// The officer chose to write this tab's version over these unreadable entries.
    overwrite: HashSet<String>,
}

impl Workspace {
    /// Plans that are shown only (a published site): nothing is tracked for saving.
    pub fn shown(plans: Vec<Plan>) -> Workspace {
        Workspace {
            plans: plans.into_iter().map(Arc::new).collect(),
            ..Workspace::empty(String::new())
        }
    }

    fn empty(tab: String) -> Workspace {
        Workspace {
            tab,
            plans: Vec::new(),
            tracked: HashMap::new(),
            exports: HashMap::new(),
            deleted: HashSet::new(),
            history: History::new(UNDO_LIMIT),
            conflicts: Vec::new(),
            removed_elsewhere: Vec::new(),
            notices: Vec::new(),
            unreadable: Vec::new(),
            not_saved: Vec::new(),
            problem: None,
            overwrite: HashSet::new(),
        }
    }

    /// Everything storage holds, in the index's order and then any entry the index does
    /// not list (written before a failed index write, or by another tab). An empty
    /// storage starts with `first_plans()`, unsaved.
    pub fn load(
        tab: String,
        store: &impl Store,
        first_plans: impl FnOnce() -> Vec<Plan>,
    ) -> Workspace {
        let mut workspace = Workspace::empty(tab);
        if !store.available() {
            workspace.problem = Some(StorageProblem::Unavailable);
            workspace.start_with(first_plans());
            return workspace;
        }
        let listed = match store.read_index() {
            Ok(listed) => listed,
            Err(damaged) => {
                workspace.unreadable.push(damaged);
                Some(Vec::new())
            }
        };
        let held = store.plan_ids();
        if listed.is_none() && held.is_empty() {
            workspace.start_with(first_plans());
            return workspace;
        }
        for id in order(listed.unwrap_or_default(), held) {
            match store.read(&id) {
                Entry::Plan(stored) => workspace.hold(stored, None),
                Entry::Unreadable(entry) => workspace.unreadable.push(entry),
                Entry::Missing => {}
            }
        }
        workspace
    }

    fn start_with(&mut self, plans: Vec<Plan>) {
        for plan in plans {
            self.tracked.insert(plan.id.clone(), Tracked::unsaved());
            self.plans.push(Arc::new(plan));
        }
    }

    /// Holds a stored plan as this tab's own, at `position` (the end when `None`).
    fn hold(&mut self, stored: StoredPlan, position: Option<usize>) {
        let id = stored.plan.id.clone();
        self.tracked
            .insert(id.clone(), Tracked::stored_by(stored.revision, &stored.tab));
        self.exports.insert(
            id.clone(),
            ExportInfo {
                exported_at: stored.exported_at,
                changed_since: stored.changed_since_export,
                origin: stored.origin,
                imported: stored.imported,
            },
        );
        let plan = stored.plan;
        match self.plans.iter_mut().find(|p| p.id == id) {
            Some(slot) => *slot = plan,
            None => {
                let at = position.unwrap_or(self.plans.len()).min(self.plans.len());
                self.plans.insert(at, plan);
            }
        }
    }

    pub fn tab(&self) -> &str {
        &self.tab
    }

    pub fn plans(&self) -> &[Arc<Plan>] {
        &self.plans
    }

    pub fn plan(&self, id: &str) -> Option<&Arc<Plan>> {
        self.plans.iter().find(|p| p.id == id)
    }

    pub fn exports(&self) -> &HashMap<String, ExportInfo> {
        &self.exports
    }

    pub fn conflicts(&self) -> &[Conflict] {
        &self.conflicts
    }

    pub fn removed_elsewhere(&self) -> &[Arc<Plan>] {
        &self.removed_elsewhere
    }

    pub fn notices(&self) -> &[String] {
        &self.notices
    }

    pub fn unreadable(&self) -> &[Unreadable] {
        &self.unreadable
    }

    pub fn not_saved(&self) -> &[NotSaved] {
        &self.not_saved
    }

    pub fn problem(&self) -> Option<&StorageProblem> {
        self.problem.as_ref()
    }

    pub fn can_undo(&self) -> bool {
        self.history.can_undo()
    }

    pub fn can_redo(&self) -> bool {
        self.history.can_redo()
    }

    /// The step undo would take back next, to say what it was.
    pub fn next_undo(&self) -> Option<&Step> {
        self.history.next_undo()
    }

    /// The step redo would make again next.
    pub fn next_redo(&self) -> Option<&Step> {
        self.history.next_redo()
    }

    /// Whether anything changed here is still to be written.
    pub fn has_unsaved(&self) -> bool {
        !self.deleted.is_empty()
            || self
                .plans
                .iter()
                .any(|p| self.tracked.get(&p.id).is_some_and(|t| t.dirty))
    }

    /// The plans changed here and not yet written, as they are now: what the next save
    /// writes, so what the storage worker can compress ahead of it.
    pub fn unsaved_plans(&self) -> Vec<Arc<Plan>> {
        self.plans
            .iter()
            .filter(|p| self.tracked.get(&p.id).is_some_and(|t| t.dirty))
            .cloned()
            .collect()
    }

    /// Whether an id is in use, here or in storage, readable or not: a plan imported as
    /// new must not take it.
    pub fn id_in_use(&self, id: &str, store: &impl Store) -> bool {
        self.plan(id).is_some()
            || self.deleted.contains(id)
            || self.unreadable.iter().any(|u| u.id.as_deref() == Some(id))
            || store.presence(id) != Presence::Absent
    }

    /// Makes one change to one plan. `key` names the field being typed in, so that typing
    /// is one undo step; `None` makes the change a step of its own.
    pub fn edit(
        &mut self,
        plan_id: &str,
        edit: Edit,
        key: Option<&str>,
    ) -> Result<(), Vec<Problem>> {
        let current = self.plan(plan_id).ok_or_else(|| {
            vec![Problem::new(
                "plan",
                format!("there is no plan \"{plan_id}\""),
            )]
        })?;
        let next = apply(current, edit)?;
        let key = key.map(|k| format!("{plan_id}/{k}"));
        self.change(plan_id, Some(Arc::new(next)), key.as_deref());
        Ok(())
    }

    /// Adds a new plan at the top of the list.
    pub fn add_plan(&mut self, plan: Plan) {
        let id = plan.id.clone();
        self.tracked.insert(id.clone(), Tracked::unsaved());
        self.change_at(&id, Some(Arc::new(plan)), 0, None);
    }

    /// Replaces a plan with another version of it (an imported file, a merge): one step
    /// that undo takes back. The new version is checked like any edit.
    pub fn replace_plan(&mut self, plan: Plan) -> Result<(), Vec<Problem>> {
        let problems = validate(&plan);
        if !problems.is_empty() {
            return Err(problems);
        }
        if self.plan(&plan.id).is_none() {
            return Err(vec![Problem::new(
                "plan",
                format!("there is no plan \"{}\"", plan.id),
            )]);
        }
        let id = plan.id.clone();
        self.change(&id, Some(Arc::new(plan)), None);
        Ok(())
    }

    /// Copies a plan as `copy_id`, just after it. Returns whether there was a plan to copy.
    pub fn duplicate(&mut self, id: &str, copy_id: String) -> bool {
        let Some(index) = self.plans.iter().position(|p| p.id == id) else {
            return false;
        };
        let mut copy = (*self.plans[index]).clone();
        copy.id = copy_id.clone();
        copy.title = format!("Copy of {}", copy.title);
        self.tracked.insert(copy_id.clone(), Tracked::unsaved());
        self.change_at(&copy_id, Some(Arc::new(copy)), index + 1, None);
        true
    }

    /// Deletes a plan; undo brings it back.
    pub fn delete(&mut self, id: &str) -> bool {
        if self.plan(id).is_none() {
            return false;
        }
        self.change(id, None, None);
        true
    }

    /// Ends the step being typed, so the next keystroke starts a new undo step.
    pub fn seal(&mut self) {
        self.history.seal();
    }

    /// Takes back this tab's last change. Returns whether anything changed.
    pub fn undo(&mut self) -> bool {
        let Some(step) = self.history.take_undo() else {
            return false;
        };
        if !self.is_now(&step.plan, step.after.as_ref()) {
            return self.lost_track(&step);
        }
        self.put(&step.plan, step.before.clone(), step.position);
        self.history.undone(step);
        true
    }

    /// Makes again the change last undone. Returns whether anything changed.
    pub fn redo(&mut self) -> bool {
        let Some(step) = self.history.take_redo() else {
            return false;
        };
        if !self.is_now(&step.plan, step.before.as_ref()) {
            return self.lost_track(&step);
        }
        self.put(&step.plan, step.after.clone(), step.position);
        self.history.redone(step);
        true
    }

    /// Notes that the plan was just exported at `at`, and schedules that note's save.
    pub fn exported(&mut self, id: &str, at: String) {
        let info = self.exports.entry(id.to_string()).or_default();
        info.exported_at = Some(at);
        info.changed_since = false;
        info.imported = None;
        if self.plan(id).is_some() {
            self.tracked.entry(id.to_string()).or_default().dirty = true;
        }
    }

    /// Notes the export a plan came from, as a file from another browser.
    pub fn set_origin(&mut self, id: &str, origin: Option<String>) {
        self.exports.entry(id.to_string()).or_default().origin = origin;
        if self.plan(id).is_some() {
            self.tracked.entry(id.to_string()).or_default().dirty = true;
        }
    }

    /// Notes that the plan was just imported from the file `file` at `at` (RFC 3339): the
    /// export note says so until the plan is next exported, and it has not changed since.
    pub fn imported(&mut self, id: &str, file: &str, at: String) {
        let info = self.exports.entry(id.to_string()).or_default();
        info.imported = Some(ImportedFrom {
            file: file.to_string(),
            at,
        });
        info.changed_since = false;
        if self.plan(id).is_some() {
            self.tracked.entry(id.to_string()).or_default().dirty = true;
        }
    }

    /// Lets go of the one-line messages about other tabs.
    pub fn dismiss_notices(&mut self) {
        self.notices.clear();
    }

    /// Whether the plan `id` is now exactly `expected` (the same version, or both absent).
    fn is_now(&self, id: &str, expected: Option<&Arc<Plan>>) -> bool {
        match (self.plan(id), expected) {
            (None, None) => true,
            (Some(now), Some(expected)) => Arc::ptr_eq(now, expected),
            _ => false,
        }
    }

    /// A step that no longer fits what is shown: nothing is changed, and the plan's steps
    /// are forgotten. Taking another tab's version forgets them first, so this is a guard.
    fn lost_track(&mut self, step: &Step) -> bool {
        self.history.forget(&step.plan);
        false
    }

    /// Records and makes one change to one plan, where the plan is (or at the top).
    fn change(&mut self, id: &str, after: Option<Arc<Plan>>, key: Option<&str>) {
        let position = self.plans.iter().position(|p| p.id == id).unwrap_or(0);
        self.change_at(id, after, position, key);
    }

    fn change_at(
        &mut self,
        id: &str,
        after: Option<Arc<Plan>>,
        position: usize,
        key: Option<&str>,
    ) {
        let before = self.plan(id).cloned();
        let position = self
            .plans
            .iter()
            .position(|p| p.id == id)
            .unwrap_or(position);
        self.history.record(
            Step {
                plan: id.to_string(),
                before,
                after: after.clone(),
                position,
            },
            key,
        );
        self.put(id, after, position);
    }

    /// Shows `plan` as the plan `id` (or removes it), marking it unsaved.
    fn put(&mut self, id: &str, plan: Option<Arc<Plan>>, position: usize) {
        let index = self.plans.iter().position(|p| p.id == id);
        match (plan, index) {
            (Some(plan), Some(i)) => self.plans[i] = plan,
            (Some(plan), None) => {
                self.plans.insert(position.min(self.plans.len()), plan);
                self.deleted.remove(id);
            }
            (None, Some(i)) => {
                self.plans.remove(i);
                self.deleted.insert(id.to_string());
                self.conflicts.retain(|c| c.id != id);
                self.not_saved.retain(|n| n.id != id);
                return;
            }
            (None, None) => return,
        }
        self.tracked.entry(id.to_string()).or_default().dirty = true;
        self.exports
            .entry(id.to_string())
            .or_default()
            .changed_since = true;
    }
}

/// The index's ids, each once, then every held entry it does not list.
fn order(listed: Vec<String>, held: Vec<String>) -> Vec<String> {
    let held_set: HashSet<&str> = held.iter().map(String::as_str).collect();
    let mut seen = HashSet::new();
    let mut ids: Vec<String> = listed
        .into_iter()
        .filter(|id| held_set.contains(id.as_str()) && seen.insert(id.clone()))
        .collect();
    let mut unlisted: Vec<String> = held.into_iter().filter(|id| !seen.contains(id)).collect();
    unlisted.sort();
    ids.extend(unlisted);
    ids
}
