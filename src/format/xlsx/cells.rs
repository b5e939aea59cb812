//! How a sheet's table looks: a bold, frozen header row with a filter, wrapped text at
//! the top of each cell, set column widths, real date cells, and statuses in words with
//! the fill colour of their tag on screen.

use chrono::{Datelike, NaiveDate};
use rust_xlsxwriter::{
    Color, ExcelDateTime, Format, FormatAlign, FormatBorder, Worksheet, XlsxError,
};

use crate::domain::Status;

/// Excel's limit on the characters in one cell.
const CELL_MAX: usize = 32_767;

/// One cell of a table.
pub(super) enum Cell {
    Text(String),
    /// A date cell, shown as "4 September 2019"; empty for none.
    Date(Option<NaiveDate>),
    /// A whole number; empty for none.
    Number(Option<i64>),
    Status(Status),
    /// A number shown on the overdue red, for days overdue.
    Overdue(Option<i64>),
}

impl From<&str> for Cell {
    fn from(text: &str) -> Cell {
        Cell::Text(text.to_string())
    }
}

impl From<String> for Cell {
    fn from(text: String) -> Cell {
        Cell::Text(text)
    }
}

/// A column: its heading and width in characters.
pub(super) struct Column(pub &'static str, pub f64);

fn base() -> Format {
    Format::new()
        .set_text_wrap()
        .set_align(FormatAlign::Top)
        .set_font_name("Arial")
        .set_font_size(10)
}

/// The fill and text colours of each status's tag on screen (GOV.UK Frontend's tags).
fn status_colours(status: Status) -> (u32, u32) {
    match status {
        Status::Completed => (0xBBD4EA, 0x0C2D4A),
        Status::OnTrack => (0xCCE2D8, 0x005A30),
        Status::AtRisk => (0xFFF7BF, 0x594D00),
        Status::OffTrack => (0xF4CDC6, 0x2A0B06),
        Status::NotStarted | Status::Ongoing | Status::Cancelled => (0xE5E6E7, 0x282D30),
    }
}

/// The fill of a status cell, as a hex colour: what the tests read back.
pub fn status_fill(status: Status) -> String {
    format!("{:06X}", status_colours(status).0)
}

/// Cuts text Excel could not hold, saying so in the cell.
fn fit(text: &str) -> String {
    if text.chars().count() <= CELL_MAX {
        return text.to_string();
    }
    const NOTE: &str =
        "… (cut short here: Excel holds 32,767 characters in a cell; the plan file has it all)";
    let keep = CELL_MAX - NOTE.chars().count();
    let mut out: String = text.chars().take(keep).collect();
    out.push_str(NOTE);
    out
}

fn date_cell(date: NaiveDate) -> Result<ExcelDateTime, XlsxError> {
    ExcelDateTime::from_ymd(date.year() as u16, date.month() as u8, date.day() as u8)
}

/// Writes a table from the top left of `sheet`: the header, then each row.
pub(super) fn table(
    sheet: &mut Worksheet,
    columns: &[Column],
    rows: Vec<Vec<Cell>>,
) -> Result<(), XlsxError> {
    let header = base()
        .set_bold()
        .set_background_color(Color::RGB(0xF3F2F1))
        .set_border_bottom(FormatBorder::Medium);
    let text = base();
    let date = base()
        .set_num_format("d mmmm yyyy")
        .set_align(FormatAlign::Left);
    let number = base().set_align(FormatAlign::Left);
    let overdue = base()
        .set_align(FormatAlign::Left)
        .set_bold()
        .set_background_color(Color::RGB(0xF4CDC6))
        .set_font_color(Color::RGB(0x2A0B06));
    for (col, Column(title, width)) in columns.iter().enumerate() {
        let col = col as u16;
        sheet.set_column_width(col, *width)?;
        sheet.write_string_with_format(0, col, *title, &header)?;
    }
    let count = rows.len() as u32;
    for (row, cells) in rows.into_iter().enumerate() {
        let row = row as u32 + 1;
        for (col, cell) in cells.into_iter().enumerate() {
            let col = col as u16;
            match cell {
                Cell::Text(words) => {
                    sheet.write_string_with_format(row, col, fit(&words), &text)?;
                }
                Cell::Date(Some(day)) => {
                    sheet.write_datetime_with_format(row, col, date_cell(day)?, &date)?;
                }
                Cell::Number(Some(n)) => {
                    sheet.write_number_with_format(row, col, n as f64, &number)?;
                }
                Cell::Overdue(Some(n)) => {
                    sheet.write_number_with_format(row, col, n as f64, &overdue)?;
                }
                Cell::Status(status) => {
                    let (fill, ink) = status_colours(status);
                    let format = base()
                        .set_bold()
                        .set_background_color(Color::RGB(fill))
                        .set_font_color(Color::RGB(ink));
                    sheet.write_string_with_format(row, col, status.label(), &format)?;
                }
                Cell::Date(None) | Cell::Number(None) | Cell::Overdue(None) => {
                    sheet.write_blank(row, col, &text)?;
                }
            }
        }
    }
    sheet.set_freeze_panes(1, 0)?;
    if !columns.is_empty() {
        sheet.autofilter(0, 0, count.max(1), columns.len() as u16 - 1)?;
    }
    Ok(())
}
