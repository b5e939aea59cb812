//! Every change to the plans in this tab, and undo and redo over them.

use leptos::prelude::*;

use super::Library;
use crate::browser::clock::now_rfc3339;
use crate::browser::random::new_id;
use crate::domain::edit::Edit;
use std::sync::Arc;

use crate::domain::history::Step;
use crate::domain::{Plan, Problem};
use crate::format::merge::describe_change;

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
        self.change(|w| w.edit(plan_id, edit, key))?;
        self.undo_said.set(None);
        self.schedule_save();
        Ok(())
    }

    /// Adds a new plan at the top of the list.
    pub fn add_plan(&self, plan: Plan) {
        self.change(|w| w.add_plan(plan));
        self.schedule_save();
    }

    /// Adds a plan read from the file `file` as a new plan, noting the export it came
    /// from, so that this browser's exports of it say which copy they are a return of, and
    /// the file's name, which the export note shows until the plan is next exported.
    pub fn add_plan_from_file(&self, plan: Plan, origin: Option<String>, file: &str) {
        let id = plan.id.clone();
        let now = now_rfc3339();
        self.change(|w| {
            w.add_plan(plan);
            w.set_origin(&id, origin);
            w.imported(&id, file, now);
        });
        self.schedule_save();
    }

    /// Replaces a plan with a file's version of it (one undo step), noting the export the
    /// file is and its name, as for a new plan from a file.
    pub fn replace_plan_from_file(
        &self,
        plan: Plan,
        origin: Option<String>,
        file: &str,
    ) -> Result<(), Vec<Problem>> {
        let id = plan.id.clone();
        let now = now_rfc3339();
        self.change(|w| {
            w.replace_plan(plan)?;
            w.set_origin(&id, origin);
            w.imported(&id, file, now);
            Ok::<(), Vec<Problem>>(())
        })?;
        self.schedule_save();
        Ok(())
    }

    /// Replaces a plan with another version of it (an imported file, a merge): one step
    /// that undo takes back. The new version is checked like any edit.
    pub fn replace_plan(&self, plan: Plan) -> Result<(), Vec<Problem>> {
        self.change(|w| w.replace_plan(plan))?;
        self.schedule_save();
        Ok(())
    }

    /// Copies a plan under a new id, just after it. Returns the copy's id.
    pub fn duplicate(&self, id: &str) -> Option<String> {
        let copy_id = new_id("plan");
        self.change(|w| w.duplicate(id, copy_id.clone())).then(|| {
            self.schedule_save();
            copy_id
        })
    }

    /// Deletes a plan; undo brings it back.
    pub fn delete(&self, id: &str) {
        if self.change(|w| w.delete(id)) {
            self.schedule_save();
        }
    }

    /// Ends the step being typed, so the next keystroke starts a new undo step.
    pub fn seal(&self) {
        self.workspace.update_value(|w| w.seal());
    }

    /// Takes back the last change, and says what it was ("Undid: status of action 2.1").
    pub fn undo(&self) {
        let step = self.workspace.with_value(|w| w.next_undo().cloned());
        if self.change(|w| w.undo()) {
            self.say_step("Undid", step, true);
            self.schedule_save();
        }
    }

    /// Makes again the change last undone, and says what it was.
    pub fn redo(&self) {
        let step = self.workspace.with_value(|w| w.next_redo().cloned());
        if self.change(|w| w.redo()) {
            self.say_step("Redid", step, false);
            self.schedule_save();
        }
    }

    /// Says what a step did, if the plan now stands where the step put it (undo can
    /// instead find the plan changed elsewhere, and say that in a notice).
    fn say_step(&self, verb: &str, step: Option<Step>, undone: bool) {
        let Some(step) = step else {
            return;
        };
        let to = if undone { &step.before } else { &step.after };
        let now = self.plan_now(&step.plan);
        let arrived = match (&now, to) {
            (Some(now), Some(to)) => Arc::ptr_eq(now, to),
            (None, None) => true,
            _ => false,
        };
        // What the step changed, read in the direction it was first made.
        let said = arrived.then(|| {
            let (before, after) = (step.before.as_deref(), step.after.as_deref());
            format!("{verb}: {}", describe_change(before, after))
        });
        self.undo_said.set(said);
    }
}
