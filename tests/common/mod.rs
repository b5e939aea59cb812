//! What several native test files share: the Havering example, dates, a progress update.
// Each test file is its own crate and uses only some of these.
#![allow(dead_code)]

pub mod memory_store;

use chrono::NaiveDate;
use cpc_action_plan::domain::{Plan, Status, Update};
use cpc_action_plan::format::import;
use cpc_action_plan::EXAMPLE_PLAN;

/// The Havering 2019 plan, as the app ships it.
pub fn havering() -> Plan {
    import(EXAMPLE_PLAN).unwrap().plan
}

pub fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

/// A progress update with a note and author made from its id.
pub fn update(id: &str, date: NaiveDate, status: Status) -> Update {
    Update {
        id: id.into(),
        date,
        status,
        note: format!("note {id}"),
        author: "AD Policy".into(),
    }
}
