//! The plan as a spreadsheet: one row per action, as CSV that Excel opens correctly.

use crate::domain::dates::iso;
use chrono::NaiveDate;

use crate::domain::progress::days_late;
use crate::domain::Plan;

const HEADER: [&str; 11] = [
    "Recommendation number",
    "Recommendation",
    "Action",
    "Timescale",
    "Due",
    "Leads",
    "Status",
    "Overdue",
    "Days overdue",
    "Latest update date",
    "Latest update",
];

/// The plan's actions as CSV: UTF-8 with a byte-order mark (so Excel reads it as UTF-8),
/// CRLF line ends, every cell quoted, and overdue worked out as at `as_at`.
pub fn to_csv(plan: &Plan, as_at: NaiveDate) -> String {
    let mut out = String::from("\u{feff}");
    push_row(&mut out, HEADER.iter().map(|h| h.to_string()));
    for (rec, action) in plan.actions() {
        let latest = action.updates.iter().max_by_key(|u| u.date);
        let overdue = days_late(action, as_at);
        push_row(
            &mut out,
            [
                rec.number.clone(),
                rec.title.clone(),
                action.text.clone(),
                action.timescale.clone(),
                action.due.map(iso).unwrap_or_default(),
                action.leads.join("; "),
                action.status.label().to_string(),
                if overdue.is_some() { "Yes" } else { "No" }.to_string(),
                overdue.map(|d| d.to_string()).unwrap_or_default(),
                latest.map(|u| iso(u.date)).unwrap_or_default(),
                latest.map(|u| u.note.clone()).unwrap_or_default(),
            ]
            .into_iter(),
        );
    }
    out
}

/// The file name: the plan's tidy name with `.csv`.
pub fn csv_file_name(plan: &Plan, date: NaiveDate) -> String {
    super::file_name(plan, date).replace(".plan.json", ".csv")
}

fn push_row(out: &mut String, cells: impl Iterator<Item = String>) {
    let row: Vec<String> = cells.map(|c| quote(&neutralise(&c))).collect();
    out.push_str(&row.join(","));
    out.push_str("\r\n");
}

/// A cell a spreadsheet would read as a formula (`=`, `+`, `-`, `@`, tab, carriage return,
/// even after leading spaces or line breaks, which spreadsheets skip) gets a leading
/// apostrophe, so opening the file never runs anything.
fn neutralise(cell: &str) -> String {
    let first = cell
        .trim_start_matches([' ', '\n', '\u{a0}'])
        .chars()
        .next();
    match first {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => format!("'{cell}"),
        _ => cell.to_string(),
    }
}

fn quote(cell: &str) -> String {
    format!("\"{}\"", cell.replace('"', "\"\""))
}
