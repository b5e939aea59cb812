//! A table as it was read: rows of cells, each cell its paragraphs, with whether a
//! paragraph was bold or italic (a recommendation's title and context are told apart so).

/// One paragraph of a cell, its text tidied to single spaces.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Paragraph {
    pub text: String,
    /// Every word of it is bold (or italic).
    pub bold: bool,
    pub italic: bool,
}

impl Paragraph {
    /// A plain paragraph.
    pub fn plain(text: &str) -> Paragraph {
        Paragraph {
            text: tidy(text),
            bold: false,
            italic: false,
        }
    }
}

/// One cell. `spanned` marks a cell that is the continuation of a cell above it (a
/// `rowspan`, or Word's merged cells): it repeats that cell's paragraphs.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Cell {
    pub paragraphs: Vec<Paragraph>,
    pub spanned: bool,
}

impl Cell {
    /// A cell from text, one paragraph a line.
    pub fn from_text(text: &str) -> Cell {
        Cell {
            paragraphs: text.lines().map(Paragraph::plain).collect(),
            spanned: false,
        }
    }

    /// Its paragraphs that have words, in order.
    pub fn filled(&self) -> impl Iterator<Item = &Paragraph> {
        self.paragraphs.iter().filter(|p| !p.text.is_empty())
    }

    /// Its words, paragraphs joined by a space.
    pub fn text(&self) -> String {
        self.filled()
            .map(|p| p.text.as_str())
            .collect::<Vec<_>>()
            .join(" ")
    }

    pub fn is_empty(&self) -> bool {
        self.filled().next().is_none()
    }
}

/// A table: rows of cells; rows may differ in length.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Table {
    pub rows: Vec<Vec<Cell>>,
}

impl Table {
    /// A table from rows of text cells, one paragraph a line in each.
    pub fn from_text_rows(rows: &[Vec<String>]) -> Table {
        Table {
            rows: rows
                .iter()
                .map(|row| row.iter().map(|c| Cell::from_text(c)).collect())
                .collect(),
        }
    }

    /// The number of columns: the longest row's.
    pub fn width(&self) -> usize {
        self.rows.iter().map(Vec::len).max().unwrap_or(0)
    }

    /// Rows with at least one cell that has words.
    pub fn filled_rows(&self) -> usize {
        self.rows
            .iter()
            .filter(|r| r.iter().any(|c| !c.is_empty()))
            .count()
    }
}

/// Text with every run of white space (non-breaking spaces too) as one space, trimmed.
pub fn tidy(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for word in text.split(|c: char| c.is_whitespace() || c == '\u{a0}') {
        if word.is_empty() {
            continue;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}
