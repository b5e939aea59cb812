//! Every change to the plans in this tab, and undo and redo over them.

use leptos::prelude::*;

use super::Library;
use crate::browser::clock::now_rfc3339;
use crate::browser::random::new_id;
use crate::domain::edit::Edit;
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
        self.change(|w| w.edit(plan_id, edit, key))?;
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

    pub fn undo(&self) {
        if self.change(|w| w.undo()) {
            self.schedule_save();
        }
    }

    pub fn redo(&self) {
        if self.change(|w| w.redo()) {
            self.schedule_save();
        }
    }
}
