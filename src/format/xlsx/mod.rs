//! The plan as Excel workbooks: the action plan, the progress report as at a date, and
//! all actions. Written by the spreadsheet worker (`src/bin/sheets_worker.rs`), which the
//! app loads only when an officer asks for a spreadsheet: the writer, `rust_xlsxwriter`,
//! is about 250 KB gzip that the first load does without. Pure, so it is tested natively.

mod cells;
mod request;
mod workbooks;

pub use cells::status_fill;
pub use request::{SheetsKind, SheetsRequest};
pub use workbooks::{workbook, FROZEN_ROWS};

use chrono::NaiveDate;

use crate::domain::Plan;

/// The file name: the plan's tidy name, what the workbook holds, and the date.
pub fn xlsx_file_name(plan: &Plan, kind: SheetsKind, date: NaiveDate) -> String {
    super::file_name(plan, date).replace(".plan.json", &format!("-{}.xlsx", kind.slug()))
}

/// The worker's whole job: a request and a plan file in, a workbook or why not out.
pub fn answer(request: &str, plan_file: &str) -> Result<Vec<u8>, String> {
    let request = SheetsRequest::from_message(request)?;
    let plan = crate::format::import(plan_file)
        .map_err(|problems| {
            let first = problems
                .first()
                .map(ToString::to_string)
                .unwrap_or_default();
            format!("The plan could not be read for the spreadsheet: {first}")
        })?
        .plan;
    workbook(&plan, &request)
}
