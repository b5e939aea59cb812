//! Other tabs on the same storage, and entries this build cannot read: what the officer
//! is asked to choose. The rules are `domain::workspace`'s.

use leptos::prelude::*;

use super::Library;
use crate::browser::random::new_id;
use crate::browser::storage::{self, LocalStore};

impl Library {
    /// Another tab changed the storage `key` (`None`: it cleared all of it).
    pub fn on_storage_changed(&self, key: Option<&str>) {
        if self.read_only {
            return;
        }
        match key {
            Some(storage::INDEX_KEY) => self.change(|w| w.on_index_changed(&LocalStore)),
            Some(key) if storage::is_sent_key(key) => self.sent_version.update(|v| *v += 1),
            Some(key) => {
                if let Some(id) = storage::plan_id_of(key) {
                    self.change(|w| w.on_plan_changed(id, &LocalStore));
                }
            }
            None => {
                let ids: Vec<String> = self
                    .plans
                    .with_untracked(|p| p.iter().map(|p| p.id.clone()).collect());
                self.change(|w| {
                    for id in &ids {
                        w.on_plan_changed(id, &LocalStore);
                    }
                });
            }
        }
    }

    /// Settles a conflict by keeping this tab's version, written over the other at once.
    pub fn keep_mine(&self, id: &str) {
        self.change(|w| w.keep_mine(id));
        self.save_now();
    }

    /// Settles a conflict by taking the other version.
    pub fn keep_theirs(&self, id: &str) {
        self.change(|w| w.keep_theirs(id, &LocalStore));
    }

    /// Brings back this tab's copy of a plan another tab deleted. Returns its id.
    pub fn restore_removed(&self, id: &str) -> Option<String> {
        let restored = self.change(|w| w.restore_removed(id, new_id("plan"), &LocalStore));
        if restored.is_some() {
            self.schedule_save();
        }
        restored
    }

    /// Lets go of this tab's copy of a plan another tab deleted.
    pub fn dismiss_removed(&self, id: &str) {
        self.change(|w| w.dismiss_removed(id));
    }

    pub fn dismiss_notices(&self) {
        self.change(|w| w.dismiss_notices());
    }

    /// Removes a damaged entry the officer has confirmed they no longer need.
    pub fn remove_unreadable(&self, key: &str) -> bool {
        let removed = self.change(|w| w.remove_unreadable(key, &mut LocalStore));
        self.usage.set(storage::usage());
        removed
    }
}
