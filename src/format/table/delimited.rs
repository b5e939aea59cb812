//! Tab-separated text (what Excel, LibreOffice and Word put on the clipboard as plain text)
//! and CSV. Quoted cells ("…") may hold separators, line breaks and doubled quotes; a line
//! break inside a cell separates its paragraphs.

use super::builder::ROWS_MAX;
use crate::domain::table::Table;

/// The cells of delimited text, row by row, and whether rows past `ROWS_MAX` were cut.
pub fn rows(text: &str, separator: char) -> (Vec<Vec<String>>, bool) {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut rows = Vec::new();
    let mut row: Vec<String> = Vec::new();
    let mut cell = String::new();
    let mut quoted = false;
    let mut at_cell_start = true;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if quoted {
            if c == '"' {
                if chars.peek() == Some(&'"') {
                    chars.next();
                    cell.push('"');
                } else {
                    quoted = false;
                }
            } else {
                cell.push(c);
            }
            continue;
        }
        match c {
            '"' if at_cell_start => {
                quoted = true;
                at_cell_start = false;
            }
            c if c == separator => {
                row.push(std::mem::take(&mut cell));
                at_cell_start = true;
            }
            '\r' | '\n' => {
                if c == '\r' && chars.peek() == Some(&'\n') {
                    chars.next();
                }
                row.push(std::mem::take(&mut cell));
                rows.push(std::mem::take(&mut row));
                at_cell_start = true;
                if rows.len() >= ROWS_MAX {
                    return (rows, chars.peek().is_some());
                }
            }
            c => {
                cell.push(c);
                at_cell_start = false;
            }
        }
    }
    if !cell.is_empty() || !row.is_empty() {
        row.push(cell);
        rows.push(row);
    }
    (rows, false)
}

/// The separator a text file most likely uses: tab, semicolon (Excel in much of Europe)
/// or comma, by which is commonest on its first line.
pub fn separator_of(text: &str) -> char {
    let first = text.lines().next().unwrap_or("");
    let count = |c: char| first.matches(c).count();
    if count('\t') > 0 && count('\t') >= count(',') {
        '\t'
    } else if count(';') > count(',') {
        ';'
    } else {
        ','
    }
}

/// A delimited text as a table, or `None` when no row has two cells.
pub fn table(text: &str, separator: char) -> Option<(Table, bool)> {
    let (rows, cut) = rows(text, separator);
    if !rows
        .iter()
        .any(|r| r.iter().filter(|c| !c.trim().is_empty()).count() >= 2)
    {
        return None;
    }
    let table = Table::from_text_rows(&rows);
    (table.filled_rows() > 0).then_some((table, cut))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quoted_cells_keep_separators_line_breaks_and_quotes() {
        let (rows, cut) = rows("a,\"b, \"\"c\"\"\nd\",e\r\n1,2,3", ',');
        assert!(!cut);
        assert_eq!(
            rows,
            vec![
                vec!["a".to_string(), "b, \"c\"\nd".into(), "e".into()],
                vec!["1".into(), "2".into(), "3".into()]
            ]
        );
    }

    #[test]
    fn the_separator_is_guessed_from_the_first_line() {
        assert_eq!(separator_of("No.\tAction\tLead"), '\t');
        assert_eq!(separator_of("No.;Action;Lead, officer"), ';');
        assert_eq!(separator_of("No.,Action,Lead"), ',');
    }
}
