//! Tables in HTML as the clipboard holds it from Word, Excel, LibreOffice or a browser:
//! `<table>` with `<p>`, `<br>`, `<b>`, `<i>` (or their `style`s), `rowspan` and `colspan`.
//! A table inside a cell is read as more paragraphs of that cell.

use super::builder::TableBuilder;
use super::markup::{attribute, pieces, Piece};
use super::Found;
use crate::domain::table::Table;

/// Elements that have no closing tag.
const VOID: [&str; 11] = [
    "br", "img", "hr", "meta", "link", "input", "col", "wbr", "area", "base", "source",
];

/// Elements that end a paragraph.
const BLOCKS: [&str; 14] = [
    "p",
    "div",
    "br",
    "li",
    "ul",
    "ol",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "blockquote",
    "hr",
];

/// An inline element's say on bold and italic (`None`: it does not say).
struct Inline {
    name: String,
    bold: Option<bool>,
    italic: Option<bool>,
}

/// Every table in `source` with at least one cell that has words, whether rows were cut,
/// and what there was outside tables.
pub fn tables_in_html(source: &str) -> (Vec<Table>, bool, Found) {
    let mut tables = Vec::new();
    let mut cut = false;
    let mut found = Found::default();
    let mut depth = 0usize;
    let mut builder: Option<TableBuilder> = None;
    let mut inline: Vec<Inline> = Vec::new();
    for piece in pieces(source) {
        match piece {
            Piece::Open {
                name,
                attributes,
                closed,
            } => match name.as_str() {
                "table" if !closed => {
                    depth += 1;
                    match builder.as_mut() {
                        Some(b) => b.end_paragraph(),
                        None => builder = Some(TableBuilder::default()),
                    }
                }
                "tr" | "td" | "th" if depth > 1 => {
                    if let Some(b) = builder.as_mut() {
                        b.end_paragraph();
                    }
                }
                "tr" => {
                    if let Some(b) = builder.as_mut() {
                        b.start_row();
                    }
                }
                "td" | "th" => {
                    if let Some(b) = builder.as_mut() {
                        let span = |key| {
                            attribute(attributes, key)
                                .and_then(|v| v.trim().parse::<usize>().ok())
                                .unwrap_or(1)
                        };
                        b.start_cell(span("rowspan"), span("colspan"));
                    }
                }
                "img" => found.pictures += 1,
                block if BLOCKS.contains(&block) => match builder.as_mut() {
                    Some(b) => b.end_paragraph(),
                    None => found.end_paragraph(),
                },
                other if !closed && !VOID.contains(&other) => {
                    inline.push(Inline {
                        name: other.to_string(),
                        bold: bold_of(other, attributes),
                        italic: italic_of(other, attributes),
                    });
                    if inline.len() > 256 {
                        inline.remove(0);
                    }
                }
                _ => {}
            },
            Piece::Close { name } => match name.as_str() {
                "table" => {
                    depth = depth.saturating_sub(1);
                    if depth == 0 {
                        if let Some(b) = builder.take() {
                            let (table, was_cut) = b.finish();
                            cut |= was_cut;
                            if table.filled_rows() > 0 {
                                tables.push(table);
                            }
                        }
                    } else if let Some(b) = builder.as_mut() {
                        b.end_paragraph();
                    }
                }
                "tr" | "td" | "th" if depth > 1 => {
                    if let Some(b) = builder.as_mut() {
                        b.end_paragraph();
                    }
                }
                "tr" => {
                    if let Some(b) = builder.as_mut() {
                        b.end_row();
                    }
                }
                "td" | "th" => {
                    if let Some(b) = builder.as_mut() {
                        b.end_cell();
                    }
                }
                block if BLOCKS.contains(&block) => match builder.as_mut() {
                    Some(b) => b.end_paragraph(),
                    None => found.end_paragraph(),
                },
                other => {
                    if let Some(at) = inline.iter().rposition(|i| i.name == other) {
                        inline.truncate(at);
                    }
                }
            },
            Piece::Text(text) => {
                let bold = inline.iter().rev().find_map(|i| i.bold).unwrap_or(false);
                let italic = inline.iter().rev().find_map(|i| i.italic).unwrap_or(false);
                match builder.as_mut() {
                    Some(b) if b.in_cell() => b.text(&text, bold, italic),
                    Some(_) => {}
                    None => found.text(&text),
                }
            }
        }
    }
    // A table the paste cut off before its end.
    if let Some(b) = builder.take() {
        let (table, was_cut) = b.finish();
        cut |= was_cut;
        if table.filled_rows() > 0 {
            tables.push(table);
        }
    }
    found.end_paragraph();
    (tables, cut, found)
}

fn style_says(attributes: &str, property: &str) -> Option<String> {
    let style = attribute(attributes, "style")?.to_ascii_lowercase();
    style.split(';').find_map(|declaration| {
        let (key, value) = declaration.split_once(':')?;
        (key.trim() == property).then(|| value.trim().to_string())
    })
}

fn bold_of(name: &str, attributes: &str) -> Option<bool> {
    if let Some(weight) = style_says(attributes, "font-weight") {
        return Some(matches!(
            weight.as_str(),
            "bold" | "bolder" | "600" | "700" | "800" | "900"
        ));
    }
    matches!(name, "b" | "strong").then_some(true)
}

fn italic_of(name: &str, attributes: &str) -> Option<bool> {
    if let Some(style) = style_says(attributes, "font-style") {
        return Some(style == "italic" || style == "oblique");
    }
    matches!(name, "i" | "em").then_some(true)
}
