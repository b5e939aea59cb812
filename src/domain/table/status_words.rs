//! A status written in words ("Completed", "On-going", "In progress", "Amber") as one of
//! the plan's seven.

use crate::domain::Status;

/// The words as a key: lower case, letters and digits only, single spaces.
pub fn key(text: &str) -> String {
    text.to_lowercase()
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// The status the words mean, when the app knows them.
pub fn status_of(text: &str) -> Option<Status> {
    let key = key(text);
    let status = match key.as_str() {
        "completed" | "complete" | "done" | "closed" | "achieved" | "delivered" | "blue" => {
            Status::Completed
        }
        "ongoing" | "on going" | "continuous" | "business as usual" | "bau" => Status::Ongoing,
        "in progress" | "on track" | "green" | "started" | "underway" | "under way" | "g" => {
            Status::OnTrack
        }
        "amber" | "at risk" | "a" => Status::AtRisk,
        "red" | "off track" | "delayed" | "behind" | "overdue" | "r" => Status::OffTrack,
        "not started" | "not yet started" | "planned" | "to do" | "todo" | "not due" => {
            Status::NotStarted
        }
        "cancelled" | "canceled" | "withdrawn" | "dropped" | "no longer required" => {
            Status::Cancelled
        }
        other => return Status::ALL.into_iter().find(|s| key_of(*s) == other),
    };
    Some(status)
}

fn key_of(status: Status) -> String {
    key(status.label())
}
