//! The three workbooks, each part on its own sheet, in the report's order.

use chrono::{Datelike, NaiveDate};
use rust_xlsxwriter::{DocProperties, ExcelDateTime, Workbook, Worksheet, XlsxError};

use super::cells::{table, Cell, Column};
use super::request::{SheetsKind, SheetsRequest};
use crate::domain::dates::format_long;
use crate::domain::progress::{days_late, status_at};
use crate::domain::report_options::ReportOptions;
use crate::domain::reports::{annex_rows, progress_report, report_action, since_lines};
use crate::domain::{Action, Plan, Recommendation};

/// Every table's first row is its header, frozen as the sheet scrolls.
pub const FROZEN_ROWS: u32 = 1;

/// The workbook asked for, as the bytes of an `.xlsx` file.
pub fn workbook(plan: &Plan, request: &SheetsRequest) -> Result<Vec<u8>, String> {
    write(plan, request).map_err(|e| format!("The spreadsheet could not be written: {e}"))
}

fn write(plan: &Plan, request: &SheetsRequest) -> Result<Vec<u8>, XlsxError> {
    let mut book = Workbook::new();
    let day = request.as_at;
    let properties = DocProperties::new()
        .set_title(format!("{}: {}", plan.council, plan.title))
        .set_subject(format!(
            "{} as at {}",
            capitalised(request.kind.label()),
            format_long(day)
        ))
        .set_company(plan.council.clone())
        .set_creation_datetime(&ExcelDateTime::from_ymd(
            day.year() as u16,
            day.month() as u8,
            day.day() as u8,
        )?);
    book.set_properties(&properties);
    match request.kind {
        SheetsKind::ActionPlan => action_plan(&mut book, plan, &request.options, day)?,
        SheetsKind::Progress => progress(&mut book, plan, &request.options, day)?,
        SheetsKind::AllActions => all_actions(&mut book, plan, day)?,
    }
    book.save_to_buffer()
}

fn capitalised(words: &str) -> String {
    let mut chars = words.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

fn sheet<'a>(book: &'a mut Workbook, name: &str) -> Result<&'a mut Worksheet, XlsxError> {
    let sheet = book.add_worksheet();
    sheet.set_name(name)?;
    Ok(sheet)
}

fn leads(action: &Action) -> String {
    action.leads.join("; ")
}

fn recommendation_cells(rec: &Recommendation) -> [Cell; 2] {
    [rec.number.as_str().into(), rec.title.as_str().into()]
}

fn action_plan(
    book: &mut Workbook,
    plan: &Plan,
    options: &ReportOptions,
    day: NaiveDate,
) -> Result<(), XlsxError> {
    let stood = plan.as_it_stood(day);
    let recommendations: Vec<Vec<Cell>> = options
        .recommendations(&stood)
        .map(|rec| {
            let listed: Vec<&Action> = rec
                .actions
                .iter()
                .map(AsRef::as_ref)
                .filter(|a| options.lists(a, day))
                .collect();
            let done = listed
                .iter()
                .filter(|a| status_at(a, day) == crate::domain::Status::Completed)
                .count();
            let [number, title] = recommendation_cells(rec);
            vec![
                number,
                title,
                rec.context.as_str().into(),
                rec.response.label().into(),
                Cell::Number(Some(listed.len() as i64)),
                Cell::Number(Some(done as i64)),
            ]
        })
        .collect();
    table(
        sheet(book, "Recommendations")?,
        &[
            Column("No.", 6.0),
            Column("Recommendation", 50.0),
            Column("Context", 50.0),
            Column("Response", 16.0),
            Column("Actions", 9.0),
            Column("Completed", 11.0),
        ],
        recommendations,
    )?;

    let mut current: Option<Recommendation> = None;
    let mut rows = Vec::new();
    for row in annex_rows(plan, options, day) {
        if let Some((rec, _)) = row.recommendation {
            current = Some(rec);
        }
        let (Some(rec), Some(action), Some(status)) = (&current, row.action, row.status) else {
            continue;
        };
        let [number, title] = recommendation_cells(rec);
        rows.push(vec![
            number,
            title,
            action.text.as_str().into(),
            action.timescale.as_str().into(),
            Cell::Date(action.due_on(day)),
            leads(&action).into(),
            Cell::Status(status),
        ]);
    }
    table(
        sheet(book, "Actions")?,
        &[
            Column("No.", 6.0),
            Column("Recommendation", 40.0),
            Column("Action", 60.0),
            Column("Timescale", 18.0),
            Column("Due", 17.0),
            Column("Leads", 24.0),
            Column("Status", 12.0),
        ],
        rows,
    )
}

fn progress(
    book: &mut Workbook,
    plan: &Plan,
    options: &ReportOptions,
    day: NaiveDate,
) -> Result<(), XlsxError> {
    let report = progress_report(plan, options, day);

    let mut summary: Vec<Vec<Cell>> = report
        .status_rows
        .iter()
        .map(|row| {
            vec![
                match row.status {
                    Some(status) => Cell::Status(status),
                    None => row.label.into(),
                },
                Cell::Number(Some(row.actions as i64)),
                row.share.as_str().into(),
            ]
        })
        .collect();
    summary.push(vec![
        "Overdue (counted under their status above)".into(),
        Cell::Overdue(Some(report.board.overdue.len() as i64)),
        "".into(),
    ]);
    summary.push(vec![
        "Due dates that have moved".into(),
        Cell::Number(Some(report.board.moved as i64)),
        "".into(),
    ]);
    table(
        sheet(book, "Summary")?,
        &[
            Column("Status", 40.0),
            Column("Actions", 10.0),
            Column("Share of actions", 16.0),
        ],
        summary,
    )?;

    let recommendations = report
        .sections
        .iter()
        .map(|section| {
            let narrative = section.narrative.as_ref();
            let rating = narrative
                .and_then(|n| n.rating)
                .and_then(|r| report.rating_scale.as_ref().and_then(|s| s.words(r)))
                .unwrap_or_default();
            vec![
                section.number.as_str().into(),
                section.title.as_str().into(),
                rating.into(),
                narrative
                    .map(|n| n.progress.trim())
                    .unwrap_or_default()
                    .into(),
                narrative
                    .map(|n| n.next_steps.trim())
                    .unwrap_or_default()
                    .into(),
                Cell::Date(narrative.map(|n| n.date)),
            ]
        })
        .collect();
    table(
        sheet(book, "Recommendations")?,
        &[
            Column("No.", 6.0),
            Column("Recommendation", 40.0),
            Column("Rating", 12.0),
            Column("Progress to date", 60.0),
            Column("Next steps", 50.0),
            Column("Written on", 17.0),
        ],
        recommendations,
    )?;

    let actions = report
        .sections
        .iter()
        .flat_map(|section| {
            section.actions.iter().map(move |action| {
                vec![
                    section.number.as_str().into(),
                    section.title.as_str().into(),
                    action.text.as_str().into(),
                    action.leads.join("; ").into(),
                    Cell::Date(action.due),
                    action.slipped.clone().unwrap_or_default().into(),
                    Cell::Status(action.status),
                    Cell::Overdue(action.days_late),
                    Cell::Date(action.latest.as_ref().map(|(date, _)| *date)),
                    action
                        .latest
                        .as_ref()
                        .map(|(_, note)| note.as_str())
                        .unwrap_or_default()
                        .into(),
                ]
            })
        })
        .collect();
    table(
        sheet(book, "Actions")?,
        &[
            Column("No.", 6.0),
            Column("Recommendation", 30.0),
            Column("Action", 50.0),
            Column("Leads", 22.0),
            Column("Due", 17.0),
            Column("Due date moved", 30.0),
            Column("Status", 12.0),
            Column("Days overdue", 10.0),
            Column("Latest update on", 17.0),
            Column("Latest update", 50.0),
        ],
        actions,
    )?;

    if let Some((since, _)) = &report.since {
        let mut rows: Vec<Vec<Cell>> = since_lines(since)
            .into_iter()
            .flat_map(|(heading, lines)| {
                lines
                    .into_iter()
                    .map(move |line| vec![heading.into(), line.into()])
            })
            .collect();
        if rows.is_empty() {
            rows.push(vec!["No changes".into(), "".into()]);
        }
        let title = format!("Since {}", since.since.format("%-d %b %Y"));
        table(
            sheet(book, &title)?,
            &[Column("What changed", 30.0), Column("Details", 90.0)],
            rows,
        )?;
    }

    if !report.highlights.is_empty() {
        table(
            sheet(book, "Key areas of progress")?,
            &[Column("Key areas of progress", 100.0)],
            report
                .highlights
                .iter()
                .map(|h| vec![h.as_str().into()])
                .collect(),
        )?;
    }

    table(
        sheet(book, "Milestones")?,
        &[
            Column("Date", 17.0),
            Column("Milestone", 70.0),
            Column("Where it stands", 18.0),
        ],
        report
            .milestones
            .iter()
            .map(|(date, what, stands)| {
                vec![
                    Cell::Date(Some(*date)),
                    what.as_str().into(),
                    (*stands).into(),
                ]
            })
            .collect(),
    )
}

fn all_actions(book: &mut Workbook, plan: &Plan, day: NaiveDate) -> Result<(), XlsxError> {
    let rows = plan
        .actions()
        .map(|(rec, action)| {
            let reported = report_action(action, day);
            let [number, title] = recommendation_cells(rec);
            vec![
                number,
                title,
                action.id.as_str().into(),
                action.text.as_str().into(),
                action.timescale.as_str().into(),
                Cell::Date(action.due),
                leads(action).into(),
                Cell::Status(action.status),
                Cell::Overdue(days_late(action, day)),
                Cell::Date(action.added),
                Cell::Date(reported.latest.as_ref().map(|(date, _)| *date)),
                reported
                    .latest
                    .map(|(_, note)| note)
                    .unwrap_or_default()
                    .into(),
                Cell::Number(Some(action.updates.len() as i64)),
            ]
        })
        .collect();
    table(
        sheet(book, "All actions")?,
        &[
            Column("No.", 6.0),
            Column("Recommendation", 30.0),
            Column("Action ID", 12.0),
            Column("Action", 50.0),
            Column("Timescale", 18.0),
            Column("Due", 17.0),
            Column("Leads", 22.0),
            Column("Status", 12.0),
            Column("Days overdue", 10.0),
            Column("Added", 17.0),
            Column("Latest update on", 17.0),
            Column("Latest update", 50.0),
            Column("Updates", 9.0),
        ],
        rows,
    )
}
