//! What leaves the library as files: plan files, both sides of a conflict, spreadsheets.

use leptos::prelude::*;

use super::{Library, Theirs};

use crate::browser::clock;
use crate::browser::download::{download, download_bytes};
use crate::browser::random::new_id;
use crate::browser::storage;
use crate::domain::Plan;
use crate::format::sent::SentCopy;
use crate::format::{export, export_stamped, file_name, lead_file_name, Stamp};

impl Library {
    /// Downloads the plan as a plan file that says which export it is, keeps that copy
    /// (Copies sent) to merge what comes back against, and notes when.
    pub fn export(&self, id: &str) -> bool {
        self.export_for(id, None)
    }

    /// The same, as a copy for one lead ("Send to leads"): the whole plan, opening on
    /// that lead's actions, noted in Copies sent as sent to them.
    pub fn export_for(&self, id: &str, lead: Option<&str>) -> bool {
        let Some(plan) = self.plan_now(id) else {
            return false;
        };
        let now = clock::now_rfc3339();
        let (file, copy) = self.stamped(&plan, lead, &now);
        let name = match lead {
            Some(lead) => lead_file_name(&plan, lead, clock::today()),
            None => file_name(&plan, clock::today()),
        };
        if !download(&name, "application/json", &file) {
            return false;
        }
        // If storage is too full to keep the copy, the file still went out: a copy of it
        // that comes back is merged with nothing taken unasked.
        let _ = storage::keep_sent(id, copy, &file);
        self.sent_version.update(|v| *v += 1);
        self.change(|w| w.exported(id, now));
        self.schedule_save();
        true
    }

    /// The plan as a file stamped as a new export made `now` (for a lead, or for anyone),
    /// naming the copy this browser's plan came from, and the copy to keep of it.
    fn stamped(&self, plan: &Plan, lead: Option<&str>, now: &str) -> (String, SentCopy) {
        let export_id = new_id("x");
        let origin = self
            .exports
            .with_untracked(|e| e.get(&plan.id).and_then(|info| info.origin.clone()));
        let stamp = Stamp {
            at: now,
            export_id: &export_id,
            from_export: origin.as_deref(),
            for_lead: lead,
        };
        let file = export_stamped(plan, &stamp);
        let copy = SentCopy {
            export_id,
            exported_at: now.to_string(),
            sent_to: lead.unwrap_or_default().to_string(),
            returned: Vec::new(),
        };
        (file, copy)
    }

    /// "Send to leads": one copy of the plan for each lead, in one .zip download, each
    /// kept under Copies sent as sent to that lead. Returns how many copies were made and
    /// how many of them this browser could keep (storage can fill).
    pub fn export_for_leads(&self, id: &str) -> (usize, usize) {
        let Some(plan) = self.plan_now(id) else {
            return (0, 0);
        };
        let now = clock::now_rfc3339();
        let today = clock::today();
        let mut files: Vec<(String, String, SentCopy)> = Vec::new();
        for lead in plan.leads() {
            let (file, copy) = self.stamped(&plan, Some(&lead), &now);
            let mut name = lead_file_name(&plan, &lead, today);
            // Two leads whose names make the same file name keep both files.
            if files.iter().any(|(n, _, _)| *n == name) {
                name = name.replace(".plan.json", &format!("-{}.plan.json", files.len() + 1));
            }
            files.push((name, file, copy));
        }
        if files.is_empty() {
            return (0, 0);
        }
        let entries: Vec<(&str, &[u8])> = files
            .iter()
            .map(|(name, file, _)| (name.as_str(), file.as_bytes()))
            .collect();
        let zip = crate::format::zip::zip_stored(&entries);
        let zip_name = file_name(&plan, today).replace(".plan.json", "-for-leads.zip");
        if !download_bytes(&zip_name, "application/zip", &zip) {
            return (0, 0);
        }
        let made = files.len();
        let kept = files
            .into_iter()
            .filter(|(_, file, copy)| storage::keep_sent(id, copy.clone(), file).is_ok())
            .count();
        self.sent_version.update(|v| *v += 1);
        self.change(|w| w.exported(id, now));
        self.schedule_save();
        (made, kept)
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
