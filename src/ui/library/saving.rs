//! Writing each change to storage by itself: debounced while the officer types, at once
//! when the tab is hidden. What is written, and never written over, is the workspace's.

use std::time::Duration;

use leptos::prelude::*;

use super::{Library, SaveStatus};
use crate::browser::storage::{self, LocalStore};

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

    /// Writes every unsaved plan now, removes deleted ones, and writes the index.
    pub fn save_now(&self) {
        if self.read_only {
            return;
        }
        if let Some(handle) = self.save_timer.get_value() {
            handle.clear();
            self.save_timer.set_value(None);
        }
        let saved = self.change(|w| {
            w.save(&mut LocalStore);
            w.problem().is_none() && w.not_saved().is_empty()
        });
        self.usage.set(storage::usage());
        self.save_status.set(if saved {
            SaveStatus::Saved
        } else {
            SaveStatus::NotSaved
        });
    }
}
