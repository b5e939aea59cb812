//! Every change to the plans in this tab, and undo and redo over them.

use std::collections::{HashMap, HashSet};
use std::sync::Arc;

use leptos::prelude::*;

use super::Library;
use crate::browser::random::new_id;
use crate::domain::edit::{apply, Edit};
use crate::domain::{Plan, Problem};

impl Library {
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
}
