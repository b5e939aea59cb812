//! What other tabs on the same storage do to this tab's plans: a newer save is taken, a
//! save over unsaved work here is a conflict, a new plan appears, a deleted plan leaves
//! with this tab's copy kept to restore. The revision rules are `tab_protocol`'s.

use std::sync::Arc;

use super::{Entry, Store, StoredPlan, Theirs, Workspace};
use crate::domain::tab_protocol::{Incoming, Tracked};
use crate::domain::Plan;

impl Workspace {
    /// Another tab wrote or removed the plan `id`. What storage holds now is read again,
    /// so an event that arrives late acts on the present, not on what it once said.
    pub fn on_plan_changed(&mut self, id: &str, store: &impl Store) {
        let held = self.plan(id).is_some();
        match store.read(id) {
            Entry::Missing => {
                if held && self.tracked.get(id).is_some_and(|t| t.revision > 0) {
                    self.removed_in_other_tab(id);
                } else {
                    // This tab's copy was never stored (or was brought back here): the
                    // other version it conflicted with is gone, and this one stays.
                    self.conflicts.retain(|c| c.id != id);
                }
            }
            Entry::Plan(theirs) => {
                if held {
                    let state = self.tracked.get(id).cloned().unwrap_or_default();
                    match state.incoming(theirs.revision, &theirs.tab, &self.tab) {
                        Incoming::Ignore => {}
                        Incoming::Take => self.take(theirs, true),
                        Incoming::Conflict => self.add_conflict(id, Theirs::Plan(theirs)),
                    }
                } else if !self.deleted.contains(id) {
                    // A plan another tab made or restored. If this tab kept the same
                    // version when it was deleted, there is nothing left to restore.
                    self.removed_elsewhere
                        .retain(|p| p.id != id || **p != *theirs.plan);
                    self.take(theirs, false);
                }
            }
            Entry::Unreadable(entry) => {
                if held {
                    self.add_conflict(id, Theirs::Unreadable(entry));
                } else if !self.unreadable.contains(&entry) {
                    self.unreadable.retain(|u| u.id.as_deref() != Some(id));
                    self.unreadable.push(entry);
                }
            }
        }
    }

    /// Another tab rewrote the index, perhaps after making a plan: look for new entries.
    pub fn on_index_changed(&mut self, store: &impl Store) {
        for id in store.plan_ids() {
            if self.plan(&id).is_none()
                && !self.deleted.contains(&id)
                && !self.unreadable.iter().any(|u| u.id.as_deref() == Some(&id))
            {
                self.on_plan_changed(&id, store);
            }
        }
    }

    /// Shows a stored version as this tab's own. This tab's undo steps for the plan are
    /// forgotten, so undo can never put back what the other tab replaced.
    fn take(&mut self, stored: StoredPlan, say_so: bool) {
        let id = stored.plan.id.clone();
        if self.history.forget(&id) && say_so {
            self.notices.push(format!(
                "“{}” was saved in another tab and is shown here as saved there. Undo in this tab no longer goes back through your earlier changes to it.",
                stored.plan.title
            ));
        }
        self.conflicts.retain(|c| c.id != id);
        self.not_saved.retain(|n| n.id != id);
        self.overwrite.remove(&id);
        // Readable now: no longer among the entries that cannot be read.
        self.unreadable
            .retain(|u| u.id.as_deref() != Some(id.as_str()));
        self.hold(stored, None);
    }

    /// The plan was deleted in another tab: it leaves this tab, which keeps its copy (with
    /// any unsaved changes) for the officer to restore. It is not written back.
    pub(super) fn removed_in_other_tab(&mut self, id: &str) {
        let Some(index) = self.plans.iter().position(|p| p.id == id) else {
            return;
        };
        let plan = self.plans.remove(index);
        self.history.forget(id);
        self.no_longer_stored(id);
        self.conflicts.retain(|c| c.id != id);
        self.not_saved.retain(|n| n.id != id);
        self.overwrite.remove(id);
        self.removed_elsewhere.retain(|p| p.id != id);
        self.removed_elsewhere.push(plan);
    }

    /// The plan has no stored entry now. If it is written again, its revisions go on from
    /// where they were, so no other tab mistakes the new write for one it already has.
    pub(super) fn no_longer_stored(&mut self, id: &str) {
        if let Some(old) = self.tracked.remove(id) {
            self.tracked.insert(
                id.to_string(),
                Tracked {
                    floor: old.revision.max(old.floor),
                    ..Tracked::default()
                },
            );
        }
    }

    /// Brings back this tab's copy of a plan another tab deleted, as a new plan: under
    /// its own id, or `fresh_id` if that is in use again. Undo takes it away again.
    /// Returns the id it was restored as.
    pub fn restore_removed(
        &mut self,
        id: &str,
        fresh_id: String,
        store: &impl Store,
    ) -> Option<String> {
        let index = self.removed_elsewhere.iter().position(|p| p.id == id)?;
        let copy = self.removed_elsewhere.remove(index);
        let mut plan = (*copy).clone();
        if self.id_in_use(id, store) {
            plan.id = fresh_id;
        }
        let new_id = plan.id.clone();
        self.tracked.entry(new_id.clone()).or_default().dirty = true;
        let position = self.plans.len();
        self.change_at(&new_id, Some(Arc::new(plan)), position, None);
        Some(new_id)
    }

    /// The officer lets go of this tab's copy of a plan another tab deleted.
    pub fn dismiss_removed(&mut self, id: &str) {
        self.removed_elsewhere.retain(|p| p.id != id);
    }

    /// Settles a conflict by keeping this tab's version: the next save writes it over
    /// theirs, counting on from both.
    pub fn keep_mine(&mut self, id: &str) {
        let Some(conflict) = self.take_conflict(id) else {
            return;
        };
        match conflict.theirs {
            Theirs::Plan(theirs) => {
                self.tracked
                    .entry(id.to_string())
                    .or_default()
                    .keep_mine(theirs.revision, Some(&theirs.tab));
            }
            Theirs::Unreadable(entry) => {
                let state = self.tracked.entry(id.to_string()).or_default();
                if let Some(revision) = entry.revision {
                    state.keep_mine(revision, None);
                }
                state.dirty = true;
                self.overwrite.insert(id.to_string());
            }
        }
    }

    /// Settles a conflict by taking the other version, as storage holds it now (it may
    /// have been saved again since). Undo does not bring this tab's back: that would
    /// revert the other tab's saved work.
    pub fn keep_theirs(&mut self, id: &str, store: &impl Store) {
        let Some(conflict) = self.take_conflict(id) else {
            return;
        };
        match store.read(id) {
            Entry::Plan(theirs) => self.take(theirs, false),
            Entry::Missing => self.removed_in_other_tab(id),
            // There is nothing readable to take: the conflict stays for the officer.
            Entry::Unreadable(_) => self.conflicts.push(conflict),
        }
    }

    fn take_conflict(&mut self, id: &str) -> Option<super::Conflict> {
        let index = self.conflicts.iter().position(|c| c.id == id)?;
        Some(self.conflicts.remove(index))
    }

    /// Removes an entry that cannot be read, once the officer has downloaded it and
    /// confirmed. A damaged index is rewritten from the plans held.
    pub fn remove_unreadable(&mut self, key: &str, store: &mut impl Store) -> bool {
        let Some(index) = self.unreadable.iter().position(|u| u.key == key) else {
            return false;
        };
        let entry = self.unreadable.remove(index);
        let removed = match &entry.id {
            // Only what was offered: if another tab has since written a readable plan
            // there, that plan is taken, not removed.
            Some(id) => match store.read(id) {
                Entry::Plan(now) => {
                    self.take(now, false);
                    return false;
                }
                Entry::Unreadable(now) if now.text != entry.text => {
                    self.unreadable.insert(index, now);
                    return false;
                }
                Entry::Missing => true,
                Entry::Unreadable(_) => store.remove(id).is_ok(),
            },
            None => {
                let ids: Vec<String> = self.plans.iter().map(|p| p.id.clone()).collect();
                store.write_index(&ids).is_ok()
            }
        };
        if !removed {
            self.unreadable.insert(index, entry);
        }
        removed
    }

    /// This tab's copy of a plan, for "Export both": shown or removed elsewhere.
    pub fn copy_of(&self, id: &str) -> Option<&Plan> {
        self.plan(id)
            .or_else(|| self.removed_elsewhere.iter().find(|p| p.id == id))
            .map(|p| p.as_ref())
    }
}
