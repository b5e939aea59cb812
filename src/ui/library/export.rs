//! What leaves the library as files: plan files, both sides of a conflict, spreadsheets.

use leptos::prelude::*;

use super::{Library, Theirs};
use crate::browser::clock;
use crate::browser::download::download;
use crate::format::{export, file_name};

impl Library {
    /// Downloads the plan as a plan file and notes when.
    pub fn export(&self, id: &str) -> bool {
        let Some(plan) = self.plan_now(id) else {
            return false;
        };
        let now = clock::now_rfc3339();
        let name = file_name(&plan, clock::today());
        if !download(&name, "application/json", &export(&plan, Some(&now))) {
            return false;
        }
        self.keep_base(&plan);
        self.change(|w| w.exported(id, now));
        self.schedule_save();
        true
    }

    /// Downloads every plan, one file each.
    pub fn export_all(&self) -> usize {
        let ids: Vec<String> = self
            .plans
            .with_untracked(|plans| plans.iter().map(|p| p.id.clone()).collect());
        ids.iter().filter(|id| self.export(id)).count()
    }

    /// Downloads the plan's actions as a spreadsheet (CSV), with overdue as at today.
    pub fn download_csv(&self, id: &str) -> bool {
        let Some(plan) = self.plan_now(id) else {
            return false;
        };
        let today = clock::today();
        download(
            &crate::format::csv::csv_file_name(&plan, today),
            "text/csv;charset=utf-8",
            &crate::format::csv::to_csv(&plan, today),
        )
    }

    /// Downloads both sides of a conflict, so nothing is lost whichever is kept: this
    /// tab's as a plan file, and the other as a plan file or, when this build cannot read
    /// it, as the text stored.
    pub fn export_both(&self, id: &str) {
        let today = clock::today();
        let now = clock::now_rfc3339();
        let mine = self.workspace.with_value(|w| w.copy_of(id).cloned());
        if let Some(mine) = mine {
            let name = file_name(&mine, today).replace(".plan.json", "-this-tab.plan.json");
            download(&name, "application/json", &export(&mine, Some(&now)));
        }
        let theirs = self
            .conflicts
            .with_untracked(|c| c.iter().find(|c| c.id == id).map(|c| c.theirs.clone()));
        match theirs {
            Some(Theirs::Plan(stored)) => {
                let plan = &stored.plan;
                let name = file_name(plan, today).replace(".plan.json", "-other-tab.plan.json");
                download(&name, "application/json", &export(plan, Some(&now)));
            }
            Some(Theirs::Unreadable(entry)) => {
                download(&damaged_file_name(&entry.key), "text/plain", &entry.text);
            }
            None => {}
        }
    }

    /// Downloads this tab's copy of a plan another tab deleted.
    pub fn export_removed(&self, id: &str) -> bool {
        let Some(plan) = self.workspace.with_value(|w| w.copy_of(id).cloned()) else {
            return false;
        };
        let name = file_name(&plan, clock::today());
        download(
            &name,
            "application/json",
            &export(&plan, Some(&clock::now_rfc3339())),
        )
    }
}

/// The file a damaged entry downloads as: its key, made safe for a file name.
pub fn damaged_file_name(key: &str) -> String {
    format!("{}.damaged.txt", key.replace('/', "-"))
}
