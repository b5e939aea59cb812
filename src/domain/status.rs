//! The seven states an action can be in, as plan-format-v1 names them.

use serde::Serialize;

/// Where an action stands. The order is the order people read a plan in: from not yet
/// begun, through delivery, to closed.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Status {
    #[default]
    NotStarted,
    OnTrack,
    AtRisk,
    OffTrack,
    Completed,
    Ongoing,
    Cancelled,
}

impl Status {
    /// Every status, in display order.
    pub const ALL: [Status; 7] = [
        Status::NotStarted,
        Status::OnTrack,
        Status::AtRisk,
        Status::OffTrack,
        Status::Completed,
        Status::Ongoing,
        Status::Cancelled,
    ];

    /// The order charts stack statuses in, and their legends and tables list them:
    /// delivered first, not started and cancelled last.
    pub const STACKED: [Status; 7] = [
        Status::Completed,
        Status::Ongoing,
        Status::OnTrack,
        Status::AtRisk,
        Status::OffTrack,
        Status::NotStarted,
        Status::Cancelled,
    ];

    /// The value written in a plan file.
    pub fn as_str(self) -> &'static str {
        match self {
            Status::NotStarted => "not_started",
            Status::OnTrack => "on_track",
            Status::AtRisk => "at_risk",
            Status::OffTrack => "off_track",
            Status::Completed => "completed",
            Status::Ongoing => "ongoing",
            Status::Cancelled => "cancelled",
        }
    }

    /// The word shown to people.
    pub fn label(self) -> &'static str {
        match self {
            Status::NotStarted => "Not started",
            Status::OnTrack => "On track",
            Status::AtRisk => "At risk",
            Status::OffTrack => "Off track",
            Status::Completed => "Completed",
            Status::Ongoing => "Ongoing",
            Status::Cancelled => "Cancelled",
        }
    }

    /// Reads a file value; `None` for anything that is not one of the seven.
    pub fn parse(value: &str) -> Option<Status> {
        Status::ALL.into_iter().find(|s| s.as_str() == value)
    }

    /// Position in [`Status::ALL`], for tables of counts.
    pub fn index(self) -> usize {
        self as usize
    }

    /// Closed actions can never be overdue: they are done, part of everyday work, or dropped.
    pub fn is_closed(self) -> bool {
        matches!(
            self,
            Status::Completed | Status::Ongoing | Status::Cancelled
        )
    }
}

impl std::fmt::Display for Status {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.label())
    }
}
