//! Builds tables from cells and paragraphs as a reader finds them, placing cells under
//! `rowspan`s (and Word's merged cells) and across `colspan`s. The HTML and Word readers
//! share it.

use crate::domain::table::grid::tidy;
use crate::domain::table::{Cell, Paragraph, Table};

/// The most rows a table is read to, and the most a cell spans: beyond any plan.
pub const ROWS_MAX: usize = 100_000;
/// The most cells (copies under spans included), and the most text copied into spanned
/// cells, so a hostile table of huge spans cannot fill the memory.
const CELLS_MAX: usize = 1_000_000;
const COPIED_MAX: usize = 64 * 1024 * 1024;
const SPAN_MAX: usize = 1_000;
const COLUMNS_MAX: usize = 200;

/// A paragraph being read: its text, and how much of it is bold and italic.
#[derive(Default)]
struct Words {
    text: String,
    letters: usize,
    bold: usize,
    italic: usize,
}

/// One table being read.
#[derive(Default)]
pub struct TableBuilder {
    rows: Vec<Vec<Cell>>,
    row: Option<Vec<Cell>>,
    cell: Option<Cell>,
    cell_spans: (usize, usize),
    paragraph: Words,
    /// Copies of cells from rows above that the current row owes, by column, in order.
    due: Vec<(usize, Cell)>,
    /// Cells spanning further down: column, rows still to cover, and the cell.
    carry: Vec<(usize, usize, Cell)>,
    cells: usize,
    copied: usize,
    /// Whether rows were left out for being past `ROWS_MAX` or `CELLS_MAX`.
    pub cut: bool,
}

impl TableBuilder {
    pub fn start_row(&mut self) {
        self.end_row();
        self.begin_row();
    }

    fn begin_row(&mut self) {
        let mut due = Vec::new();
        let mut carry = Vec::new();
        for (column, left, cell) in std::mem::take(&mut self.carry) {
            let size: usize = cell.paragraphs.iter().map(|p| p.text.len()).sum();
            self.copied = self.copied.saturating_add(size);
            if self.copied <= COPIED_MAX {
                due.push((column, spanned_copy(&cell)));
            } else {
                self.cut = true;
                due.push((
                    column,
                    Cell {
                        paragraphs: Vec::new(),
                        spanned: true,
                    },
                ));
            }
            if left > 1 {
                carry.push((column, left - 1, cell));
            }
        }
        due.sort_by_key(|d| d.0);
        self.due = due;
        self.carry = carry;
        self.row = Some(Vec::new());
    }

    pub fn end_row(&mut self) {
        self.end_cell();
        if let Some(mut row) = self.row.take() {
            self.place_due(&mut row, true);
            if self.rows.len() < ROWS_MAX && self.cells + row.len() <= CELLS_MAX {
                self.cells += row.len();
                self.rows.push(row);
            } else {
                self.cut = true;
            }
        }
    }

    /// Places the copies owed at the row's next column (or, at its end, all of them).
    fn place_due(&mut self, row: &mut Vec<Cell>, all: bool) {
        while let Some(position) = self.due.iter().position(|d| all || d.0 <= row.len()) {
            let (column, cell) = self.due.remove(position);
            if column < row.len() {
                // Passed over by a cell spanning across it.
                continue;
            }
            while row.len() < column {
                row.push(Cell::default());
            }
            row.push(cell);
        }
    }

    /// A cell, spanning `rows` rows down and `columns` across.
    pub fn start_cell(&mut self, rows: usize, columns: usize) {
        self.end_cell();
        if self.row.is_none() {
            self.begin_row();
        }
        self.cell = Some(Cell::default());
        self.cell_spans = (rows.clamp(1, SPAN_MAX), columns.clamp(1, COLUMNS_MAX));
    }

    pub fn end_cell(&mut self) {
        self.end_paragraph();
        let Some(mut cell) = self.cell.take() else {
            return;
        };
        cell.paragraphs.retain(|p| !p.text.is_empty());
        let mut row = self.row.take().unwrap_or_default();
        self.place_due(&mut row, false);
        let (down, across) = self.cell_spans;
        let column = row.len();
        if column < COLUMNS_MAX {
            if down > 1 {
                // Spans that overlap (a broken table) give way to the newer cell.
                self.carry.retain(|c| c.0 != column);
                self.carry.push((column, down - 1, cell.clone()));
            }
            row.push(cell);
            for _ in 1..across {
                row.push(Cell {
                    paragraphs: Vec::new(),
                    spanned: true,
                });
            }
        }
        self.row = Some(row);
    }

    /// A column the cell just ended spans across (Word's `w:gridSpan`, known only once
    /// the cell has begun).
    pub fn span_across(&mut self) {
        if let Some(row) = self.row.as_mut() {
            if row.len() < COLUMNS_MAX {
                row.push(Cell {
                    paragraphs: Vec::new(),
                    spanned: true,
                });
            }
        }
    }

    /// A break between paragraphs (`<p>`, `<br>`, `<w:p>`).
    pub fn end_paragraph(&mut self) {
        let words = std::mem::take(&mut self.paragraph);
        let text = tidy(&words.text);
        if let Some(cell) = self.cell.as_mut() {
            cell.paragraphs.push(Paragraph {
                bold: words.letters > 0 && words.bold == words.letters,
                italic: words.letters > 0 && words.italic == words.letters,
                text,
            });
        }
    }

    /// Text in the current cell (text outside a cell is not part of the table).
    pub fn text(&mut self, text: &str, bold: bool, italic: bool) {
        if self.cell.is_none() {
            return;
        }
        let letters = text.chars().filter(|c| !c.is_whitespace()).count();
        self.paragraph.text.push_str(text);
        self.paragraph.letters += letters;
        if bold {
            self.paragraph.bold += letters;
        }
        if italic {
            self.paragraph.italic += letters;
        }
    }

    pub fn in_cell(&self) -> bool {
        self.cell.is_some()
    }

    /// The table, and whether rows past `ROWS_MAX` were left out.
    pub fn finish(mut self) -> (Table, bool) {
        self.end_row();
        (Table { rows: self.rows }, self.cut)
    }
}

/// A cell's copy in a row it spans into.
pub fn spanned_copy(cell: &Cell) -> Cell {
    Cell {
        paragraphs: cell.paragraphs.clone(),
        spanned: true,
    }
}
