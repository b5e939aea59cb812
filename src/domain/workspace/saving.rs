//! Writing what changed here: each plan in its own write, then removals, then the index.
//!
//! The order is what keeps a failure safe. A plan's entry is written before the index
//! lists it, and loading finds entries the index does not list, so a plan that was
//! written is never invisible; a plan whose write failed stays unsaved and is named.

use std::collections::HashSet;

use super::{
    Conflict, Entry, NotSaved, Presence, StorageProblem, Store, StoredPlan, Theirs, Workspace,
};
use crate::domain::tab_protocol::{SaveDecision, Tracked};

impl Workspace {
    /// Writes every unsaved plan, removes the plans deleted here, and writes the index.
    pub fn save(&mut self, store: &mut impl Store) {
        if !store.available() {
            self.problem = Some(StorageProblem::Unavailable);
            return;
        }
        let mut failure = None;
        let ids: Vec<String> = self.plans.iter().map(|p| p.id.clone()).collect();
        for id in ids {
            if let Err(problem) = self.save_plan(&id, store) {
                failure = Some(problem);
            }
        }
        let mut deleted: Vec<String> = self.deleted.iter().cloned().collect();
        deleted.sort();
        for id in deleted {
            if let Err(problem) = self.remove_deleted(&id, store) {
                failure = Some(problem);
            }
        }
        if let Err(problem) = self.save_index(store) {
            failure = Some(problem);
        }
        self.problem = failure;
    }

    fn save_plan(&mut self, id: &str, store: &mut impl Store) -> Result<(), StorageProblem> {
        let Some(state) = self.tracked.get(id).cloned() else {
            return Ok(());
        };
        if !state.dirty {
            return Ok(());
        }
        let presence = store.presence(id);
        let revision = if self.overwrite.contains(id) {
            // The officer chose this tab's version over an entry this build cannot read:
            // written over it only while what is stored is still unreadable. Another tab
            // may have written a readable version since; that is a conflict again.
            match store.read(id) {
                Entry::Plan(theirs) => {
                    self.overwrite.remove(id);
                    self.add_conflict(id, Theirs::Plan(theirs));
                    return Ok(());
                }
                Entry::Unreadable(_) | Entry::Missing => match presence {
                    Presence::At(stored) => state.write_over_unreadable(stored),
                    Presence::Absent | Presence::Damaged => {
                        state.write_over_unreadable(state.revision)
                    }
                },
            }
        } else {
            let stored = match presence {
                Presence::Damaged => {
                    self.conflict_with_stored(id, store);
                    return Ok(());
                }
                Presence::At(revision) => Some(revision),
                Presence::Absent => None,
            };
            match state.save(|| stored) {
                SaveDecision::Nothing => return Ok(()),
                SaveDecision::Write { revision } => revision,
                SaveDecision::OtherTabSaved { .. } => {
                    self.conflict_with_stored(id, store);
                    return Ok(());
                }
                SaveDecision::RemovedElsewhere => {
                    self.removed_in_other_tab(id);
                    return Ok(());
                }
            }
        };
        let Some(plan) = self.plan(id).cloned() else {
            return Ok(());
        };
        let export = self.exports.get(id).cloned().unwrap_or_default();
        let record = StoredPlan {
            revision,
            tab: self.tab.clone(),
            exported_at: export.exported_at,
            changed_since_export: export.changed_since,
            origin: export.origin,
            imported: export.imported,
            plan: plan.clone(),
        };
        match store.write(&record) {
            Ok(()) => {
                self.tracked
                    .insert(id.to_string(), Tracked::stored_by(revision, &self.tab));
                self.not_saved.retain(|n| n.id != id);
                self.conflicts.retain(|c| c.id != id);
                self.overwrite.remove(id);
                self.unreadable.retain(|u| u.id.as_deref() != Some(id));
                Ok(())
            }
            Err(problem) => {
                self.not_saved.retain(|n| n.id != id);
                self.not_saved.push(NotSaved {
                    id: id.to_string(),
                    title: plan.title.clone(),
                    problem: problem.clone(),
                });
                Err(problem)
            }
        }
    }

    /// Another tab saved the plan since this tab read it, or wrote what this build cannot
    /// read: never write over it; the officer chooses.
    fn conflict_with_stored(&mut self, id: &str, store: &impl Store) {
        let theirs = match store.read(id) {
            Entry::Plan(theirs) => Theirs::Plan(theirs),
            Entry::Unreadable(entry) => Theirs::Unreadable(entry),
            // Removed between the two reads: the next save sees it gone.
            Entry::Missing => return,
        };
        self.add_conflict(id, theirs);
    }

    pub(super) fn add_conflict(&mut self, id: &str, theirs: Theirs) {
        let title = self.plan(id).map(|p| p.title.clone()).unwrap_or_default();
        self.conflicts.retain(|c| c.id != id);
        // A new conflict asks the officer again: an earlier choice to write over an
        // unreadable entry does not carry over to whatever is stored now.
        if matches!(theirs, Theirs::Plan(_)) {
            self.overwrite.remove(id);
        }
        self.conflicts.push(Conflict {
            id: id.to_string(),
            title,
            theirs,
        });
    }

    /// Removes the entry of a plan deleted here, unless another tab saved it since: that
    /// plan comes back, with a message, because its saved work is not this tab's to lose.
    fn remove_deleted(&mut self, id: &str, store: &mut impl Store) -> Result<(), StorageProblem> {
        let ours = self.tracked.get(id).map_or(0, |t| t.revision);
        match store.presence(id) {
            Presence::Absent => {}
            Presence::At(revision) if revision == ours => store.remove(id)?,
            Presence::At(_) | Presence::Damaged => match store.read(id) {
                Entry::Plan(theirs) => {
                    self.notices.push(format!(
                            "“{}” was changed in another tab after you deleted it here, so it has been kept.",
                            theirs.plan.title
                        ));
                    self.history.forget(id);
                    self.deleted.remove(id);
                    self.hold(theirs, None);
                    return Ok(());
                }
                Entry::Unreadable(entry) => {
                    if !self.unreadable.contains(&entry) {
                        self.unreadable.push(entry);
                    }
                }
                Entry::Missing => {}
            },
        }
        self.deleted.remove(id);
        self.no_longer_stored(id);
        Ok(())
    }

    /// The index: this tab's order, then whatever else storage lists that still has an
    /// entry and was not deleted here. Written only when that set changes, and never over a
    /// damaged index the officer has not yet had the chance to download.
    fn save_index(&mut self, store: &mut impl Store) -> Result<(), StorageProblem> {
        if self.unreadable.iter().any(|u| u.id.is_none()) {
            return Ok(());
        }
        let current = match store.read_index() {
            Ok(current) => current,
            // Damaged since this tab loaded (a newer version's index, say): kept, and
            // offered to the officer like any entry that cannot be read.
            Err(damaged) => {
                self.unreadable.push(damaged);
                return Ok(());
            }
        };
        let mut seen = HashSet::new();
        let mut ids: Vec<String> = Vec::new();
        for id in self.plans.iter().map(|p| &p.id) {
            // A plan is listed once it has an entry: a failed first write leaves it out,
            // and its next write lists it. Known from what this tab read and wrote, so a
            // save does not read storage once for every plan it holds.
            let stored = self.tracked.get(id).is_some_and(|t| t.revision > 0);
            if stored && seen.insert(id.clone()) {
                ids.push(id.clone());
            }
        }
        for id in current.iter().flatten() {
            if !seen.contains(id)
                && !self.deleted.contains(id)
                && store.presence(id) != Presence::Absent
                && seen.insert(id.clone())
            {
                ids.push(id.clone());
            }
        }
        // Only a change to which plans are listed is written: tabs that hold the plans in
        // different orders would otherwise rewrite each other's index on every save.
        let listed: HashSet<&String> = current.iter().flatten().collect();
        if current.is_some() && listed == ids.iter().collect() && listed.len() == ids.len() {
            return Ok(());
        }
        store.write_index(&ids)
    }
}
