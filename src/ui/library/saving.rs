//! Writing each change to storage by itself: debounced while the officer types, at once
//! when the tab is hidden, and never over another tab's newer save.

use std::time::Duration;

use leptos::prelude::*;

use super::{Library, SaveStatus};
use crate::browser::storage::{self, StorageProblem};
use crate::domain::tab_protocol::{SaveDecision, Tracked};
use crate::format::StoredPlan;

/// How long typing may pause before the change is written.
const SAVE_DELAY: Duration = Duration::from_millis(400);

impl Library {
    pub(super) fn schedule_save(&self) {
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
            let key = storage::plan_key(&plan.id);
            let revision = match state.save(|| storage::read_revision(&key)) {
                SaveDecision::Nothing => continue,
                SaveDecision::Write { revision } => revision,
                SaveDecision::OtherTabSaved { stored } => {
                    // Only now is the whole entry read; a copy that cannot be read is
                    // damaged, and ours goes on top of it.
                    match storage::read(&key).and_then(|t| StoredPlan::from_text(&t).ok()) {
                        Some(theirs) => {
                            self.add_conflict(theirs);
                            continue;
                        }
                        None => state.write_over_unreadable(stored),
                    }
                }
            };
            let export = exports.get(&plan.id).cloned().unwrap_or_default();
            let record = StoredPlan {
                revision,
                tab: tab.clone(),
                exported_at: export.exported_at,
                changed_since_export: export.changed_since,
                plan: (**plan).clone(),
            };
            match storage::write_plan(&record) {
                Ok(()) => self.tracked.update_value(|t| {
                    t.insert(plan.id.clone(), Tracked::stored(record.revision));
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
}
