//! Tables in an Excel workbook (`.xlsx`): each worksheet is a table. Cells are read from
//! `xl/worksheets/sheetN.xml`, with their text from `xl/sharedStrings.xml` (bold and italic
//! runs kept, a line break inside a cell separating paragraphs), merged cells
//! (`mergeCell`) repeated as spanned cells, and numbers shown as dates where the cell's
//! style is a date format ("31 December 2019", as the timescale parser reads them).

use chrono::{Days, NaiveDate};

use super::builder::TableBuilder;
use super::markup::{attribute, pieces, Piece};
use super::unzip::file_in_zip;
use crate::domain::table::grid::Cell;
use crate::domain::table::Table;

/// The most worksheets read.
const SHEETS_MAX: usize = 50;
/// The most columns a sheet is read to (column "GR").
const COLUMNS_MAX: usize = 200;

/// A run of text in a cell, bold or italic.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
struct Run {
    text: String,
    bold: bool,
    italic: bool,
}

/// Every worksheet with words in it, as a table, and whether rows were cut.
pub fn tables_in_xlsx(bytes: &[u8]) -> Result<(Vec<Table>, bool), String> {
    let first = file_in_zip(bytes, "xl/worksheets/sheet1.xml").map_err(|reason| {
        if reason.starts_with("has no") {
            "is a zip archive but not an Excel workbook: it has no worksheet".to_string()
        } else {
            reason
        }
    })?;
    let strings = file_in_zip(bytes, "xl/sharedStrings.xml")
        .map(|x| shared_strings(&String::from_utf8_lossy(&x)))
        .unwrap_or_default();
    let dates = file_in_zip(bytes, "xl/styles.xml")
        .map(|x| date_styles(&String::from_utf8_lossy(&x)))
        .unwrap_or_default();
    let mut tables = Vec::new();
    let mut cut = false;
    let mut sheet = Some(first);
    let mut n = 1;
    while let Some(xml) = sheet.take() {
        let (mut table, was_cut) = worksheet(&String::from_utf8_lossy(&xml), &strings, &dates);
        cut |= was_cut;
        // The headings are the first row with words.
        let blank = table
            .rows
            .iter()
            .take_while(|r| r.iter().all(Cell::is_empty))
            .count();
        table.rows.drain(..blank);
        if table.filled_rows() > 0 {
            tables.push(table);
        }
        n += 1;
        if n > SHEETS_MAX {
            break;
        }
        sheet = file_in_zip(bytes, &format!("xl/worksheets/sheet{n}.xml")).ok();
    }
    Ok((tables, cut))
}

/// The shared strings, each as its runs.
fn shared_strings(xml: &str) -> Vec<Vec<Run>> {
    let mut strings = Vec::new();
    let mut current: Option<Vec<Run>> = None;
    let (mut bold, mut italic, mut in_text, mut in_phonetic) = (false, false, false, false);
    for piece in pieces(xml) {
        match piece {
            Piece::Open {
                name,
                attributes,
                closed,
            } => match name.as_str() {
                "si" if !closed => current = Some(Vec::new()),
                "si" => strings.push(Vec::new()),
                "r" if !closed => (bold, italic) = (false, false),
                "b" => bold = on(attributes),
                "i" => italic = on(attributes),
                "t" if !closed => in_text = true,
                "rph" if !closed => in_phonetic = true,
                _ => {}
            },
            Piece::Close { name } => match name.as_str() {
                "si" => strings.push(current.take().unwrap_or_default()),
                "t" => in_text = false,
                "rph" => in_phonetic = false,
                _ => {}
            },
            Piece::Text(text) => {
                if let (true, false, Some(runs)) = (in_text, in_phonetic, current.as_mut()) {
                    runs.push(Run { text, bold, italic });
                }
            }
        }
    }
    strings
}

fn on(attributes: &str) -> bool {
    !matches!(attribute(attributes, "val").as_deref(), Some("0" | "false"))
}

/// For each cell style (`cellXfs`, in order), whether it shows a number as a date.
fn date_styles(xml: &str) -> Vec<bool> {
    let mut custom: Vec<(u32, bool)> = Vec::new();
    let mut styles = Vec::new();
    let mut in_cell_xfs = false;
    for piece in pieces(xml) {
        match piece {
            Piece::Open {
                name,
                attributes,
                closed,
            } => match name.as_str() {
                "numfmt" => {
                    let id = attribute(attributes, "numFmtId").and_then(|v| v.parse().ok());
                    let code = attribute(attributes, "formatCode")
                        .unwrap_or_default()
                        .to_lowercase();
                    // A date shows days or years; "0.00" and "#,##0" do not.
                    let date =
                        code.contains('y') || (code.contains('d') && !code.contains("[red]"));
                    if let Some(id) = id {
                        custom.push((id, date));
                    }
                }
                "cellxfs" if !closed => in_cell_xfs = true,
                "xf" if in_cell_xfs => {
                    let id: u32 = attribute(attributes, "numFmtId")
                        .and_then(|v| v.parse().ok())
                        .unwrap_or(0);
                    let date = matches!(id, 14..=17 | 22)
                        || custom.iter().any(|(c, date)| *c == id && *date);
                    styles.push(date);
                }
                _ => {}
            },
            Piece::Close { name } if name == "cellxfs" => in_cell_xfs = false,
            _ => {}
        }
    }
    styles
}

/// A merged range: its top-left and bottom-right cells, as (row, column) from 0.
type Merged = ((usize, usize), (usize, usize));

/// A cell being read: its column, type, style and value.
#[derive(Default)]
struct Reading {
    column: usize,
    kind: String,
    date: bool,
    value: String,
    inline: Vec<Run>,
}

fn worksheet(xml: &str, strings: &[Vec<Run>], dates: &[bool]) -> (Table, bool) {
    let mut builder = TableBuilder::default();
    let mut merges: Vec<Merged> = Vec::new();
    let mut row_number = 0usize;
    let mut next_column = 0usize;
    let mut cell: Option<Reading> = None;
    let (mut in_value, mut in_text) = (false, false);
    for piece in pieces(xml) {
        match piece {
            Piece::Open {
                name,
                attributes,
                closed,
            } => match name.as_str() {
                "row" => {
                    let wanted = attribute(attributes, "r")
                        .and_then(|r| r.parse::<usize>().ok())
                        .unwrap_or(row_number + 1)
                        .max(row_number + 1);
                    // Rows with nothing in them are left out of the file: put them back,
                    // so merged cells land where they belong (a few at most).
                    while row_number + 1 < wanted && wanted - row_number < 1_000 {
                        builder.start_row();
                        row_number += 1;
                    }
                    builder.start_row();
                    row_number += 1;
                    next_column = 0;
                    if closed {
                        builder.end_row();
                    }
                }
                "c" => {
                    let column = attribute(attributes, "r")
                        .and_then(|r| position(&r).map(|p| p.1))
                        .unwrap_or(next_column);
                    let style: usize = attribute(attributes, "s")
                        .and_then(|v| v.parse().ok())
                        .unwrap_or(0);
                    cell = Some(Reading {
                        column,
                        kind: attribute(attributes, "t").unwrap_or_default(),
                        date: dates.get(style).copied().unwrap_or(false),
                        ..Reading::default()
                    });
                    if closed {
                        place(&mut builder, &mut next_column, cell.take(), strings);
                    }
                }
                "v" if !closed => in_value = true,
                "t" if !closed => in_text = true,
                "mergecell" => {
                    let range = attribute(attributes, "ref").unwrap_or_default();
                    if let Some((from, to)) = range.split_once(':') {
                        if let (Some(a), Some(b)) = (position(from), position(to)) {
                            if merges.len() < 10_000 {
                                merges.push((a, b));
                            }
                        }
                    }
                }
                _ => {}
            },
            Piece::Close { name } => match name.as_str() {
                "c" => place(&mut builder, &mut next_column, cell.take(), strings),
                "v" => in_value = false,
                "t" => in_text = false,
                "row" => builder.end_row(),
                _ => {}
            },
            Piece::Text(text) => {
                if let Some(reading) = cell.as_mut() {
                    if in_value {
                        reading.value.push_str(&text);
                    } else if in_text {
                        reading.inline.push(Run {
                            text,
                            ..Run::default()
                        });
                    }
                }
            }
        }
    }
    let (mut table, cut) = builder.finish();
    merge(&mut table, &merges);
    (table, cut)
}

/// Puts a cell read into the row at its column, with empty cells for the columns skipped.
fn place(
    builder: &mut TableBuilder,
    next: &mut usize,
    cell: Option<Reading>,
    strings: &[Vec<Run>],
) {
    let Some(cell) = cell else { return };
    if cell.column >= COLUMNS_MAX || cell.column < *next {
        return;
    }
    while *next < cell.column {
        builder.start_cell(1, 1);
        builder.end_cell();
        *next += 1;
    }
    let runs = match cell.kind.as_str() {
        "s" => cell
            .value
            .trim()
            .parse::<usize>()
            .ok()
            .and_then(|i| strings.get(i).cloned())
            .unwrap_or_default(),
        "inlineStr" => cell.inline,
        "b" => vec![Run {
            text: if cell.value.trim() == "1" {
                "TRUE"
            } else {
                "FALSE"
            }
            .into(),
            ..Run::default()
        }],
        _ if cell.date => vec![Run {
            text: serial_date(&cell.value).unwrap_or(cell.value),
            ..Run::default()
        }],
        _ => vec![Run {
            text: cell.value,
            ..Run::default()
        }],
    };
    builder.start_cell(1, 1);
    for run in runs {
        let mut lines = run.text.split('\n');
        if let Some(first) = lines.next() {
            builder.text(first, run.bold, run.italic);
        }
        for line in lines {
            builder.end_paragraph();
            builder.text(line, run.bold, run.italic);
        }
    }
    builder.end_cell();
    *next += 1;
}

/// A spreadsheet's day number as "31 December 2019".
fn serial_date(value: &str) -> Option<String> {
    // The whole days only: the time of day is after the point. (Parsing it as a float
    // would bring the float parser into the app.)
    let whole = value.trim().split('.').next()?;
    let days: u64 = whole.parse().ok()?;
    if !(1..=2_958_465).contains(&days) {
        return None;
    }
    // Day 1 is 1 January 1900, counting Lotus's 29 February 1900 (so day 60 is it).
    let start = NaiveDate::from_ymd_opt(1899, 12, 30)?;
    let date = start.checked_add_days(Days::new(days))?;
    Some(crate::domain::dates::format_long(date))
}

/// "B12" as (row 11, column 1), counted from 0.
fn position(reference: &str) -> Option<(usize, usize)> {
    let letters: String = reference
        .chars()
        .take_while(char::is_ascii_alphabetic)
        .collect();
    if letters.is_empty() || letters.len() > 3 {
        return None;
    }
    let column = letters
        .to_ascii_uppercase()
        .bytes()
        .fold(0usize, |n, b| n * 26 + usize::from(b - b'A' + 1));
    let row: usize = reference[letters.len()..].parse().ok()?;
    Some((row.checked_sub(1)?, column - 1))
}

/// Merged cells: the cells under the top-left one repeat it, those beside it are spanned.
/// Every cell a merge writes counts against one limit, as every cell read does, so a file
/// of huge merges (even of empty cells) cannot hold the tab.
fn merge(table: &mut Table, merges: &[Merged]) {
    const WRITES_MAX: usize = 1_000_000;
    let mut copied = 0usize;
    let mut written = 0usize;
    for &((top, left), (bottom, right)) in merges {
        let Some(first) = table.rows.get(top).and_then(|r| r.get(left)).cloned() else {
            continue;
        };
        let bottom = bottom.min(table.rows.len().saturating_sub(1));
        let right = right.min(COLUMNS_MAX - 1);
        for r in top..=bottom {
            let Some(row) = table.rows.get_mut(r) else {
                break;
            };
            for c in left..=right {
                if r == top && c == left {
                    continue;
                }
                while row.len() <= c {
                    row.push(Cell::default());
                    written += 1;
                }
                let below = c == left;
                copied = copied.saturating_add(if below { first.paragraphs.len() } else { 0 });
                written += 1;
                if copied > WRITES_MAX || written > WRITES_MAX {
                    return;
                }
                row[c] = Cell {
                    paragraphs: if below {
                        first.paragraphs.clone()
                    } else {
                        Vec::new()
                    },
                    spanned: true,
                };
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn references_and_day_numbers_are_read() {
        assert_eq!(position("A1"), Some((0, 0)));
        assert_eq!(position("AB12"), Some((11, 27)));
        assert_eq!(position("12"), None);
        assert_eq!(serial_date("43830").as_deref(), Some("31 December 2019"));
        assert_eq!(serial_date("-1"), None);
    }

    #[test]
    fn huge_merges_of_empty_cells_stop_at_the_limit() {
        // 100,000 rows of one empty cell, under the reader's own cell limit, then merges
        // that would write every row out to the widest column, many times over.
        let mut table = Table {
            rows: vec![vec![Cell::default()]; 100_000],
        };
        let merges = vec![((0, 0), (99_999, COLUMNS_MAX - 1)); 10_000];
        merge(&mut table, &merges);
        let cells: usize = table.rows.iter().map(Vec::len).sum();
        assert!(cells <= 100_000 + 1_000_001, "{cells} cells");
    }
}
