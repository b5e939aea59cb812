//! Tables in a Word document (`.docx`): `word/document.xml` read for `w:tbl`, `w:tr`,
//! `w:tc`, `w:p`, runs' `w:b` and `w:i`, `w:gridSpan` and `w:vMerge` (merged cells, as Word
//! writes a recommendation that spans its action rows). Every table is offered.

use super::builder::TableBuilder;
use super::markup::{attribute, pieces, Piece};
use super::unzip::file_in_zip;
use super::Found;
use crate::domain::table::grid::Cell;
use crate::domain::table::Table;

/// Every table in the document, whether rows were cut, and the text outside tables.
pub fn tables_in_docx(bytes: &[u8]) -> Result<(Vec<Table>, bool, Found), String> {
    let xml = file_in_zip(bytes, "word/document.xml").map_err(|reason| {
        if reason.starts_with("has no") {
            "is a zip archive but not a Word document: it has no word/document.xml".to_string()
        } else {
            reason
        }
    })?;
    let xml = String::from_utf8_lossy(&xml);
    Ok(tables_in_document_xml(&xml))
}

/// The most text copied into merged cells, so a hostile document cannot fill the memory.
const COPIED_MAX: usize = 64 * 1024 * 1024;

/// What a run says: bold and italic, each on unless `w:val` turns it off.
fn switched_on(attributes: &str) -> bool {
    !matches!(
        attribute(attributes, "w:val").as_deref(),
        Some("0" | "false" | "off" | "none")
    )
}

/// A cell's place in its row's grid and whether it continues a merge from above.
struct Placed {
    merged_from_above: bool,
}

pub fn tables_in_document_xml(xml: &str) -> (Vec<Table>, bool, Found) {
    let mut tables = Vec::new();
    let mut cut = false;
    let mut found = Found::default();
    let mut depth = 0usize;
    let mut builder: Option<TableBuilder> = None;
    // Per table: for each row, each cell's merge flag, to fill merged cells afterwards.
    let mut merges: Vec<Vec<Placed>> = Vec::new();
    let mut span = 1usize;
    let mut merged = false;
    let (mut bold, mut italic, mut in_text) = (false, false, false);
    for piece in pieces(xml) {
        match piece {
            Piece::Open {
                name,
                attributes,
                closed,
            } => match name.as_str() {
                "w:tbl" if !closed => {
                    depth += 1;
                    match builder.as_mut() {
                        Some(b) => b.end_paragraph(),
                        None => {
                            builder = Some(TableBuilder::default());
                            merges.clear();
                        }
                    }
                }
                "w:tr" if depth == 1 && !closed => {
                    if let Some(b) = builder.as_mut() {
                        b.start_row();
                        merges.push(Vec::new());
                    }
                }
                "w:tc" if depth == 1 && !closed => {
                    span = 1;
                    merged = false;
                    if let Some(b) = builder.as_mut() {
                        b.start_cell(1, 1);
                    }
                }
                "w:gridspan" if depth == 1 => {
                    span = attribute(attributes, "w:val")
                        .and_then(|v| v.parse().ok())
                        .unwrap_or(1)
                        .clamp(1, 200);
                }
                "w:vmerge" if depth == 1 => {
                    merged = attribute(attributes, "w:val").as_deref() != Some("restart");
                }
                "w:p" if !closed => {
                    bold = false;
                    italic = false;
                }
                "w:r" if !closed => {
                    bold = false;
                    italic = false;
                }
                "w:b" => bold = switched_on(attributes),
                "w:i" => italic = switched_on(attributes),
                "w:t" if !closed => in_text = true,
                "w:tab" => text(&mut builder, &mut found, " ", bold, italic),
                "w:br" | "w:cr" => paragraph(&mut builder, &mut found),
                _ => {}
            },
            Piece::Close { name } => match name.as_str() {
                "w:tbl" => {
                    depth = depth.saturating_sub(1);
                    if depth == 0 {
                        if let Some(b) = builder.take() {
                            let (mut table, was_cut) = b.finish();
                            cut |= was_cut;
                            fill_merged(&mut table, &merges);
                            if table.filled_rows() > 0 {
                                tables.push(table);
                            }
                        }
                    } else if let Some(b) = builder.as_mut() {
                        b.end_paragraph();
                    }
                }
                "w:tr" if depth == 1 => {
                    if let Some(b) = builder.as_mut() {
                        b.end_row();
                    }
                }
                "w:tc" if depth == 1 => {
                    if let Some(b) = builder.as_mut() {
                        b.end_cell();
                        if let Some(row) = merges.last_mut() {
                            row.push(Placed {
                                merged_from_above: merged,
                            });
                            // The columns it spans across.
                            for _ in 1..span {
                                row.push(Placed {
                                    merged_from_above: merged,
                                });
                            }
                        }
                        for _ in 1..span {
                            b.span_across();
                        }
                    }
                }
                "w:p" => paragraph(&mut builder, &mut found),
                "w:t" => in_text = false,
                _ => {}
            },
            Piece::Text(words) => {
                if in_text {
                    text(&mut builder, &mut found, &words, bold, italic);
                }
            }
        }
    }
    found.end_paragraph();
    (tables, cut, found)
}

fn text(
    builder: &mut Option<TableBuilder>,
    found: &mut Found,
    words: &str,
    bold: bool,
    italic: bool,
) {
    match builder.as_mut() {
        Some(b) => b.text(words, bold, italic),
        None => found.text(words),
    }
}

fn paragraph(builder: &mut Option<TableBuilder>, found: &mut Found) {
    match builder.as_mut() {
        Some(b) => b.end_paragraph(),
        None => found.end_paragraph(),
    }
}

/// Cells that continue a merge take the paragraphs of the cell above them, as a
/// `rowspan` would give.
fn fill_merged(table: &mut Table, merges: &[Vec<Placed>]) {
    let mut copied = 0usize;
    for r in 1..table.rows.len() {
        let (above, below) = table.rows.split_at_mut(r);
        let Some(row) = below.first_mut() else {
            continue;
        };
        let Some(previous) = above.last() else {
            continue;
        };
        for (c, cell) in row.iter_mut().enumerate() {
            let continues = merges
                .get(r)
                .and_then(|m| m.get(c))
                .is_some_and(|p| p.merged_from_above);
            if continues {
                if let Some(top) = previous.get(c) {
                    copied =
                        copied.saturating_add(top.paragraphs.iter().map(|p| p.text.len()).sum());
                    if copied > COPIED_MAX {
                        return;
                    }
                    *cell = Cell {
                        paragraphs: top.paragraphs.clone(),
                        spanned: true,
                    };
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cell(xml: &str) -> String {
        format!("<w:tc>{xml}</w:tc>")
    }

    #[test]
    fn merged_cells_repeat_above_and_spans_across_are_marked() {
        let p = |t: &str| format!("<w:p><w:r><w:t>{t}</w:t></w:r></w:p>");
        let xml = format!(
            "<w:document><w:body><w:p><w:r><w:t>Appendix B</w:t></w:r></w:p><w:tbl>\
             <w:tr>{}</w:tr>\
             <w:tr>{}{}</w:tr>\
             <w:tr>{}{}</w:tr></w:tbl></w:body></w:document>",
            cell(&format!("<w:tcPr><w:gridSpan w:val=\"2\"/></w:tcPr>{}", p("Theme"))),
            cell(&format!("<w:tcPr><w:vMerge w:val=\"restart\"/></w:tcPr><w:p><w:r><w:rPr><w:b/></w:rPr><w:t>Title</w:t></w:r></w:p>{}", p("Context"))),
            cell(&p("Action 1")),
            cell(&format!("<w:tcPr><w:vMerge/></w:tcPr>{}", "<w:p/>")),
            cell(&p("Action 2")),
        );
        let (tables, cut, found) = tables_in_document_xml(&xml);
        assert!(!cut);
        assert_eq!(found.paragraphs, 1);
        let rows = &tables[0].rows;
        assert!(rows[0][1].spanned && rows[0][1].paragraphs.is_empty());
        assert!(rows[1][0].paragraphs[0].bold);
        assert!(rows[2][0].spanned);
        assert_eq!(rows[2][0].text(), "Title Context");
        assert_eq!(rows[2][1].text(), "Action 2");
    }
}
