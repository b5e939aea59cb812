//! Other tabs on the same plans: taking their newer saves, their new plans, and letting the
//! officer choose when both changed one. The rules are `domain::tab_protocol`'s.

use std::collections::HashSet;
use std::sync::Arc;

use leptos::prelude::*;

use super::{Conflict, ExportInfo, Library};
use crate::browser::storage;
use crate::domain::tab_protocol::{Incoming, Tracked};
use crate::format::StoredPlan;

impl Library {
    pub(super) fn add_conflict(&self, theirs: StoredPlan) {
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
        let state = self
            .tracked
            .with_value(|t| t.get(id).cloned())
            .unwrap_or_default();
        match state.incoming(theirs.revision, &theirs.tab, &self.tab.get_value()) {
            Incoming::Ignore => {}
            Incoming::Take => self.take(theirs),
            Incoming::Conflict => self.add_conflict(theirs),
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
            t.insert(id.clone(), Tracked::stored(stored.revision));
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
            t.entry(id.to_string())
                .or_default()
                .keep_mine(conflict.theirs.revision);
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
}
