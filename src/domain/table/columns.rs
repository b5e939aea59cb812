//! Which field of the plan each column holds, guessed from the header words councils use
//! ("No.", "Peer challenge recommendation", "Comment/Action", "Target date",
//! "Responsible officer", "RAG"); the officer can change every choice.

use super::grid::Table;

/// What a column holds.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Field {
    #[default]
    Ignored,
    Number,
    Recommendation,
    Action,
    Timescale,
    Lead,
    Status,
    Group,
}

impl Field {
    pub const ALL: [Field; 8] = [
        Field::Number,
        Field::Recommendation,
        Field::Action,
        Field::Timescale,
        Field::Lead,
        Field::Status,
        Field::Group,
        Field::Ignored,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Field::Ignored => "ignored",
            Field::Number => "number",
            Field::Recommendation => "recommendation",
            Field::Action => "action",
            Field::Timescale => "timescale",
            Field::Lead => "lead",
            Field::Status => "status",
            Field::Group => "group",
        }
    }

    /// The choice as the officer reads it.
    pub fn label(self) -> &'static str {
        match self {
            Field::Ignored => "Leave out",
            Field::Number => "Recommendation number",
            Field::Recommendation => "Recommendation",
            Field::Action => "Action",
            Field::Timescale => "Timescale",
            Field::Lead => "Lead",
            Field::Status => "Status",
            Field::Group => "Group or theme",
        }
    }

    pub fn parse(value: &str) -> Option<Field> {
        Field::ALL.into_iter().find(|f| f.as_str() == value)
    }
}

/// The field a header's words name, or `Ignored`.
pub fn guess(header: &str) -> Field {
    let lower = header.to_lowercase();
    let words: Vec<&str> = lower
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    let has = |w: &str| words.contains(&w);
    let starts = |w: &str| words.iter().any(|x| x.starts_with(w));
    if words.is_empty() {
        return if header.trim() == "#" {
            Field::Number
        } else {
            Field::Ignored
        };
    }
    if words.len() <= 3
        && (has("no") || has("ref") || has("number") || has("reference") || has("num"))
    {
        return Field::Number;
    }
    if has("status") || has("rag") || has("progress") || has("brag") || has("rating") {
        return Field::Status;
    }
    if has("lead") || has("leads") || starts("responsib") || has("owner") || has("officer") {
        return Field::Lead;
    }
    if has("timescale")
        || has("timescales")
        || has("timeframe")
        || has("deadline")
        || has("due")
        || has("date")
        || has("when")
        || has("by")
    {
        return Field::Timescale;
    }
    if starts("action") || starts("comment") || has("response") || has("activity") {
        return Field::Action;
    }
    if starts("recommendation") || has("rec") || has("recommended") {
        return Field::Recommendation;
    }
    if has("theme") || has("group") || has("priority") || has("area") {
        return Field::Group;
    }
    Field::Ignored
}

/// Where the headings are: the first of the first ten rows in which two cells name
/// fields (a title row above the table, as spreadsheets often have, is passed over);
/// else the first row.
pub fn heading_row(table: &Table) -> usize {
    table
        .rows
        .iter()
        .take(10)
        .position(|row| {
            row.iter()
                .filter(|c| guess(&c.text()) != Field::Ignored)
                .count()
                >= 2
        })
        .unwrap_or(0)
}

/// The first guess for a table: whether its heading row (`heading_row`) is headings, and
/// each column's field. A field is given to the first column that names it; later ones are left out.
pub fn guess_columns(table: &Table) -> (bool, Vec<Field>) {
    let width = table.width();
    let Some(first) = table.rows.get(heading_row(table)) else {
        return (false, Vec::new());
    };
    let mut fields = Vec::with_capacity(width);
    for col in 0..width {
        let field = first.get(col).map(|c| guess(&c.text())).unwrap_or_default();
        if field != Field::Ignored && fields.contains(&field) {
            fields.push(Field::Ignored);
        } else {
            fields.push(field);
        }
    }
    let header = fields.iter().any(|f| *f != Field::Ignored);
    if !header {
        fields = vec![Field::Ignored; width];
    }
    (header, fields)
}
