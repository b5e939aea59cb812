//! Writing each change to storage by itself: debounced while the officer types, at once
//! when the tab is hidden. What is written, and never written over, is the workspace's.
//!
//! A big plan's file is compressed by the storage worker first (`browser::packing`), so
//! the page's thread is held only to serialise it and, later, to write it; the write and
//! every check before it happen here, in one go, as for any save. A change made while
//! the worker works starts its own round; a tab hidden meanwhile saves at once and
//! compresses here, so nothing waits on the worker to be kept.

use std::time::Duration;

use std::sync::Arc;

use leptos::prelude::*;

use super::{Library, SaveStatus};
use crate::browser::packing;
use crate::browser::storage::{self, LocalStore};
use crate::domain::workspace::{StoredPlan, Workspace};
use crate::domain::Plan;

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
        let handle = set_timeout_with_handle(move || library.save_soon(), SAVE_DELAY).ok();
        self.save_timer.set_value(handle);
    }

    /// Saves once the storage worker has compressed each big plan to be written (or
    /// could not), unless a later change has started a round of its own. A big plan's
    /// file is written a slice at a time first, so typing is never held for long.
    fn save_soon(&self) {
        self.save_timer.set_value(None);
        let round = self.pack_round.get_value() + 1;
        self.pack_round.set_value(round);
        let unsaved: Vec<Arc<Plan>> = self
            .workspace
            .with_value(Workspace::unsaved_plans)
            .into_iter()
            .filter(|plan| !storage::is_packed_ahead(plan))
            .collect();
        let library = *self;
        leptos::task::spawn_local(async move {
            for plan in unsaved {
                let file = packing::plan_file(&plan).await;
                if !StoredPlan::is_big(&file) {
                    continue;
                }
                match packing::compress(file).await {
                    Some(compressed) => storage::keep_packed_ahead(plan, compressed),
                    None => break,
                }
            }
            let latest = library.pack_round.get_value() == round;
            if latest && library.save_timer.get_value().is_none() {
                library.save_now();
            }
        });
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
