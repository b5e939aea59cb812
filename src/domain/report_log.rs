//! The reports an officer recorded as issued: what each was (kind, committee, meeting, as
//! at, options) and a compact record of what it reported, so any can be reopened as it
//! stood and compared with now.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::Serialize;

use super::status::Status;

/// A report recorded as issued.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct IssuedReport {
    pub id: String,
    pub kind: IssuedKind,
    #[serde(default)]
    pub committee: String,
    #[serde(default)]
    pub meeting: Option<NaiveDate>,
    pub as_at: NaiveDate,
    /// The day it was recorded.
    pub issued: NaiveDate,
    /// The report's options as the address writes them.
    #[serde(default)]
    pub address: String,
    pub figures: Figures,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum IssuedKind {
    ActionPlan,
    Progress,
    Exceptions,
    // The position statement before a progress review (a plain comment: a doc comment
    // would make the schema's enum a `oneOf`).
    PositionStatement,
}

impl IssuedKind {
    pub const ALL: [IssuedKind; 4] = [
        IssuedKind::ActionPlan,
        IssuedKind::Progress,
        IssuedKind::Exceptions,
        IssuedKind::PositionStatement,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            IssuedKind::ActionPlan => "action_plan",
            IssuedKind::Progress => "progress",
            IssuedKind::Exceptions => "exceptions",
            IssuedKind::PositionStatement => "position_statement",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            IssuedKind::ActionPlan => "Action plan",
            IssuedKind::Progress => "Progress report",
            IssuedKind::Exceptions => "Exceptions report",
            IssuedKind::PositionStatement => "Position statement",
        }
    }

    pub fn parse(value: &str) -> Option<IssuedKind> {
        IssuedKind::ALL.into_iter().find(|k| k.as_str() == value)
    }
}

/// What a report reported: counts by status, how many were overdue, and each action it
/// covered with its status and due date as at the report's date.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct Figures {
    #[serde(default)]
    pub counts: BTreeMap<Status, u64>,
    #[serde(default)]
    pub overdue: u64,
    #[serde(default)]
    pub actions: Vec<ActionFigure>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct ActionFigure {
    pub action: String,
    pub status: Status,
    #[serde(default)]
    pub due: Option<NaiveDate>,
}

impl Figures {
    pub fn total(&self) -> u64 {
        // Counts come from files: added without overflowing.
        self.counts.values().fold(0u64, |a, n| a.saturating_add(*n))
    }

    pub fn count(&self, status: Status) -> u64 {
        self.counts.get(&status).copied().unwrap_or(0)
    }
}
