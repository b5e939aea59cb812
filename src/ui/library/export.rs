//! What leaves the library as files: plan files, both sides of a conflict, spreadsheets.

use leptos::prelude::*;

use super::{ExportInfo, Library};
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
        self.exports.update(|e| {
            e.insert(
                id.to_string(),
                ExportInfo {
                    exported_at: Some(now),
                    changed_since: false,
                },
            );
        });
        self.tracked
            .update_value(|t| t.entry(id.to_string()).or_default().dirty = true);
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

    /// Downloads both sides of a conflict, so nothing is lost whichever is kept.
    pub fn export_both(&self, id: &str) {
        let today = clock::today();
        let now = clock::now_rfc3339();
        if let Some(mine) = self.plan_now(id) {
            let name = file_name(&mine, today).replace(".plan.json", "-this-tab.plan.json");
            download(&name, "application/json", &export(&mine, Some(&now)));
        }
        let theirs = self
            .conflicts
            .with_untracked(|c| c.iter().find(|c| c.theirs.plan.id == id).cloned());
        if let Some(conflict) = theirs {
            let plan = &conflict.theirs.plan;
            let name = file_name(plan, today).replace(".plan.json", "-other-tab.plan.json");
            download(&name, "application/json", &export(plan, Some(&now)));
        }
    }
}
