//! What the page asks the spreadsheet worker for: which workbook, as at which day, with
//! the report's options. Sent as a short JSON message beside the plan file's own text.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::domain::report_options::ReportOptions;

/// Which workbook.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SheetsKind {
    /// The recommendations and their actions, as the action plan lists them.
    ActionPlan,
    /// The progress report as at a date: figures, recommendations, actions, what changed.
    Progress,
    /// Every action of the plan with every column, for sorting and filtering.
    AllActions,
}

impl SheetsKind {
    pub fn slug(self) -> &'static str {
        match self {
            SheetsKind::ActionPlan => "action-plan",
            SheetsKind::Progress => "progress",
            SheetsKind::AllActions => "all-actions",
        }
    }

    /// What the officer clicks: "Download as Excel", then this.
    pub fn label(self) -> &'static str {
        match self {
            SheetsKind::ActionPlan => "the action plan",
            SheetsKind::Progress => "the progress report",
            SheetsKind::AllActions => "all actions",
        }
    }
}

/// A request for one workbook.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SheetsRequest {
    pub kind: SheetsKind,
    pub as_at: NaiveDate,
    pub options: ReportOptions,
}

#[derive(Serialize, Deserialize)]
struct Message {
    kind: SheetsKind,
    as_at: NaiveDate,
    options: Vec<(String, String)>,
}

impl SheetsRequest {
    pub fn to_message(&self) -> String {
        serde_json::to_string(&Message {
            kind: self.kind,
            as_at: self.as_at,
            options: self.options.pairs(),
        })
        .unwrap_or_default()
    }

    pub fn from_message(text: &str) -> Result<SheetsRequest, String> {
        let message: Message = serde_json::from_str(text)
            .map_err(|e| format!("The request for a spreadsheet could not be read: {e}"))?;
        let options = ReportOptions::from_pairs(
            message
                .options
                .iter()
                .map(|(k, v)| (k.as_str(), v.as_str())),
        );
        Ok(SheetsRequest {
            kind: message.kind,
            as_at: message.as_at,
            options,
        })
    }
}
