//! Undo and redo over one tab's own changes, plan by plan.
//!
//! A step holds one plan before and after a change: the whole plan, so undo is exact
//! whatever the edit was, and only that plan, so undoing it never touches another plan.
//! A step for a plan is forgotten when another tab's version of that plan is taken: undo
//! then never reverts another tab's saved work. Typing into one field is one step, not
//! one step a character: edits that carry the same key, one after another, share a step.

use std::sync::Arc;

use crate::domain::Plan;

/// One plan before and after one change; `None` when it did not exist (created, deleted).
#[derive(Clone, Debug)]
pub struct Step {
    pub plan: String,
    pub before: Option<Arc<Plan>>,
    pub after: Option<Arc<Plan>>,
    /// Where the plan stood in the list, so undoing a delete puts it back in its place.
    pub position: usize,
}

/// This tab's steps back and forward.
#[derive(Clone, Debug)]
pub struct History {
    undo: Vec<Step>,
    redo: Vec<Step>,
    /// The key of the last recorded edit, while further edits with it may join its step.
    open_key: Option<String>,
    limit: usize,
}

impl History {
    /// A history that keeps at most `limit` steps back.
    pub fn new(limit: usize) -> History {
        History {
            undo: Vec::new(),
            redo: Vec::new(),
            open_key: None,
            limit: limit.max(1),
        }
    }

    /// Records a change made here. An edit to the same plan with the same `key` as the
    /// one before it joins that step.
    pub fn record(&mut self, step: Step, key: Option<&str>) {
        self.redo.clear();
        let joins = key.is_some()
            && key == self.open_key.as_deref()
            && self.undo.last().is_some_and(|last| last.plan == step.plan);
        self.open_key = key.map(str::to_string);
        if joins {
            if let Some(last) = self.undo.last_mut() {
                last.after = step.after;
            }
            return;
        }
        self.undo.push(step);
        if self.undo.len() > self.limit {
            self.undo.remove(0);
        }
    }

    /// Ends the open step, so the next edit starts a new one even with the same key.
    pub fn seal(&mut self) {
        self.open_key = None;
    }

    /// The step to undo; the caller applies its `before` and hands it to [`Self::undone`].
    pub fn take_undo(&mut self) -> Option<Step> {
        self.open_key = None;
        self.undo.pop()
    }

    pub fn undone(&mut self, step: Step) {
        self.redo.push(step);
    }

    /// The step to redo; the caller applies its `after` and hands it to [`Self::redone`].
    pub fn take_redo(&mut self) -> Option<Step> {
        self.open_key = None;
        self.redo.pop()
    }

    pub fn redone(&mut self, step: Step) {
        self.undo.push(step);
    }

    /// Forgets every step for one plan. Returns whether there were any.
    pub fn forget(&mut self, plan: &str) -> bool {
        let before = self.undo.len() + self.redo.len();
        // The step being typed into goes too, if it was this plan's.
        if self.undo.last().is_some_and(|s| s.plan == plan) {
            self.open_key = None;
        }
        self.undo.retain(|s| s.plan != plan);
        self.redo.retain(|s| s.plan != plan);
        before != self.undo.len() + self.redo.len()
    }

    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    /// The step undo would take back next.
    pub fn next_undo(&self) -> Option<&Step> {
        self.undo.last()
    }

    /// The step redo would make again next.
    pub fn next_redo(&self) -> Option<&Step> {
        self.redo.last()
    }

    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }
}
