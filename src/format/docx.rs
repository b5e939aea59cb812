//! Word documents of the reports: a real Word table an officer can paste into the
//! council's report template.
//!
//! A .docx is a zip of a few XML parts. Written by hand here because the crates that do it
//! (docx-rs) added 221 KB gzip to the WebAssembly every visitor downloads; this is a few KB.
//! The zip is "stored" (no compression), which every reader accepts.

use chrono::NaiveDate;

use super::zip::zip_stored;

use crate::domain::dates::format_long;
use crate::domain::reports::{annex_rows, progress_sections, ReportOptions};
use crate::domain::{progress::dashboard, Plan};

/// What the report's heading says.
pub struct Heading<'a> {
    pub report: &'a str,
    pub committee: &'a str,
    pub meeting: Option<NaiveDate>,
    pub as_at: NaiveDate,
}

/// The action plan annex as a Word document, landscape, with one table.
pub fn action_plan_docx(plan: &Plan, options: &ReportOptions, heading: &Heading) -> Vec<u8> {
    let mut body = heading_xml(plan, heading);
    let widths = [700, 3600, 4600, 1500, 2000, 1400];
    let mut table = table_start(&widths);
    table.push_str(&row(
        &[
            "No.",
            "Recommendation",
            "Action",
            "Timescale",
            "Lead",
            "Status",
        ]
        .map(Cell::header),
        true,
    ));
    for annex in annex_rows(plan, options, heading.as_at) {
        let (number, recommendation) = match &annex.recommendation {
            Some((rec, _)) => (
                Cell::merge_start(&rec.number),
                Cell::recommendation(&rec.title, &rec.context),
            ),
            None => (Cell::merge_continue(), Cell::merge_continue()),
        };
        let action_cells = match &annex.action {
            Some(a) => [
                Cell::text(&a.text),
                Cell::text(&a.timescale),
                Cell::text(&a.leads.join("; ")),
                Cell::text(annex.status.map(|s| s.label()).unwrap_or_default()),
            ],
            None => [
                Cell::text("No actions listed."),
                Cell::text(""),
                Cell::text(""),
                Cell::text(""),
            ],
        };
        let mut cells = vec![number, recommendation];
        cells.extend(action_cells);
        table.push_str(&row(&cells, false));
    }
    table.push_str("</w:tbl>");
    body.push_str(&table);
    document(&body, true)
}

/// The progress report as a Word document: the summary, the actions by status with
/// overdue said apart, then a table of every recommendation's actions.
pub fn progress_docx(plan: &Plan, options: &ReportOptions, heading: &Heading) -> Vec<u8> {
    let mut body = heading_xml(plan, heading);
    let scope = crate::domain::reports::covered(plan, options);
    let board = dashboard(&scope, heading.as_at);
    body.push_str(&paragraph(&board.summary(), Style::Body));
    // Actions by status, as the report on screen has them: the shares add up to 100%,
    // and overdue actions (counted under their status already) are said apart, below.
    let mut figures = table_start(&[4200, 1600, 1600]);
    figures.push_str(&row(
        &["Status", "Actions", "Share"].map(Cell::header),
        true,
    ));
    let total = board.counts.total();
    for (status, n) in board.counts.stacked().filter(|(_, n)| *n > 0) {
        figures.push_str(&row(
            &[
                Cell::text(status.label()),
                Cell::text(&n.to_string()),
                Cell::text(&format!("{}%", board.counts.share(status))),
            ],
            false,
        ));
    }
    figures.push_str(&row(
        &[
            Cell::text("All actions"),
            Cell::text(&total.to_string()),
            Cell::text(if total == 0 { "0%" } else { "100%" }),
        ],
        false,
    ));
    figures.push_str("</w:tbl>");
    body.push_str(&figures);
    body.push_str(&paragraph(&board.overdue_sentence(), Style::Body));
    for section in progress_sections(plan, options, heading.as_at) {
        body.push_str(&paragraph(
            &format!("{}. {}", section.number, section.title),
            Style::Heading2,
        ));
        if !section.context.is_empty() {
            body.push_str(&paragraph(&section.context, Style::Italic));
        }
        if section.actions.is_empty() {
            body.push_str(&paragraph("No actions listed.", Style::Body));
            continue;
        }
        let mut table = table_start(&[3400, 1700, 1300, 1500, 2600]);
        table.push_str(&row(
            &["Action", "Lead", "Due", "Status", "Latest update"].map(Cell::header),
            true,
        ));
        for a in section.actions {
            let status = match a.days_late {
                Some(days) => format!("{} (overdue by {days} days)", a.status.label()),
                None => a.status.label().to_string(),
            };
            let latest = match a.latest {
                Some((date, note)) => format!("{}: {note}", format_long(date)),
                None => "None yet".to_string(),
            };
            let due = a
                .due
                .map(format_long)
                .unwrap_or_else(|| "No date".to_string());
            table.push_str(&row(
                &[
                    Cell::text(&a.text),
                    Cell::text(&a.leads.join("; ")),
                    Cell::text(&due),
                    Cell::text(&status),
                    Cell::text(&latest),
                ],
                false,
            ));
        }
        table.push_str("</w:tbl>");
        body.push_str(&table);
    }
    document(&body, false)
}

/// The file name: the plan's tidy name, the report, and `.docx`.
pub fn docx_file_name(plan: &Plan, report: &str, date: NaiveDate) -> String {
    let slug: String = report
        .to_lowercase()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join("-");
    super::file_name(plan, date).replace(".plan.json", &format!("-{slug}.docx"))
}

enum Style {
    Title,
    Heading2,
    Body,
    Italic,
}

fn heading_xml(plan: &Plan, heading: &Heading) -> String {
    let mut xml = paragraph(&plan.council, Style::Body);
    xml.push_str(&paragraph(
        &format!("{}: {}", heading.report, plan.title),
        Style::Title,
    ));
    if !heading.committee.is_empty() {
        xml.push_str(&paragraph(
            &format!("Committee: {}", heading.committee),
            Style::Body,
        ));
    }
    if let Some(m) = heading.meeting {
        xml.push_str(&paragraph(
            &format!("Meeting: {}", format_long(m)),
            Style::Body,
        ));
    }
    xml.push_str(&paragraph(
        &format!("As at: {}", format_long(heading.as_at)),
        Style::Body,
    ));
    xml
}

fn paragraph(text: &str, style: Style) -> String {
    let props = match style {
        Style::Title => "<w:rPr><w:b/><w:sz w:val=\"36\"/></w:rPr>",
        Style::Heading2 => "<w:rPr><w:b/><w:sz w:val=\"26\"/></w:rPr>",
        Style::Body => "",
        Style::Italic => "<w:rPr><w:i/></w:rPr>",
    };
    let keep = if matches!(style, Style::Heading2) {
        "<w:pPr><w:keepNext/></w:pPr>"
    } else {
        ""
    };
    format!("<w:p>{keep}<w:r>{props}{}</w:r></w:p>", text_runs(text))
}

/// Text as Word runs, with line breaks kept.
fn text_runs(text: &str) -> String {
    text.split('\n')
        .map(|line| format!("<w:t xml:space=\"preserve\">{}</w:t>", escape(line)))
        .collect::<Vec<_>>()
        .join("<w:br/>")
}

fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            // Characters XML 1.0 cannot hold at all are left out: the C0 controls but
            // tab and line breaks, and U+FFFE and U+FFFF (surrogates cannot be in a str).
            c if (c as u32) < 0x20 && !matches!(c, '\t' | '\n' | '\r') => {}
            '\u{FFFE}' | '\u{FFFF}' => {}
            c => out.push(c),
        }
    }
    out
}

/// A table cell: its content and whether it starts or continues a vertical merge.
struct Cell {
    content: String,
    merge: Option<&'static str>,
}

impl Cell {
    fn text(text: &str) -> Cell {
        Cell {
            content: format!("<w:p><w:r>{}</w:r></w:p>", text_runs(text)),
            merge: None,
        }
    }

    fn header(text: &str) -> Cell {
        Cell {
            content: format!(
                "<w:p><w:r><w:rPr><w:b/></w:rPr>{}</w:r></w:p>",
                text_runs(text)
            ),
            merge: None,
        }
    }

    /// The peer team's words in bold, their context in italics beneath.
    fn recommendation(title: &str, context: &str) -> Cell {
        let mut content = format!(
            "<w:p><w:r><w:rPr><w:b/></w:rPr>{}</w:r></w:p>",
            text_runs(title)
        );
        if !context.is_empty() {
            content.push_str(&format!(
                "<w:p><w:r><w:rPr><w:i/></w:rPr>{}</w:r></w:p>",
                text_runs(context)
            ));
        }
        Cell {
            content,
            merge: Some("restart"),
        }
    }

    fn merge_start(text: &str) -> Cell {
        Cell {
            merge: Some("restart"),
            ..Cell::text(text)
        }
    }

    fn merge_continue() -> Cell {
        Cell {
            content: "<w:p/>".to_string(),
            merge: Some("continue"),
        }
    }
}

fn table_start(widths: &[u32]) -> String {
    let borders: String = ["top", "left", "bottom", "right", "insideH", "insideV"]
        .iter()
        .map(|side| {
            format!("<w:{side} w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"000000\"/>")
        })
        .collect();
    let grid: String = widths
        .iter()
        .map(|w| format!("<w:gridCol w:w=\"{w}\"/>"))
        .collect();
    format!(
        "<w:tbl><w:tblPr><w:tblW w:w=\"5000\" w:type=\"pct\"/><w:tblBorders>{borders}</w:tblBorders><w:tblLayout w:type=\"fixed\"/></w:tblPr><w:tblGrid>{grid}</w:tblGrid>"
    )
}

/// A row; a header row repeats on every page and never splits.
fn row(cells: &[Cell], header: bool) -> String {
    let props = if header {
        "<w:trPr><w:tblHeader/><w:cantSplit/></w:trPr>"
    } else {
        "<w:trPr><w:cantSplit/></w:trPr>"
    };
    let cells: String = cells
        .iter()
        .map(|c| {
            let merge = c
                .merge
                .map(|m| format!("<w:tcPr><w:vMerge w:val=\"{m}\"/></w:tcPr>"))
                .unwrap_or_default();
            format!("<w:tc>{merge}{}</w:tc>", c.content)
        })
        .collect();
    format!("<w:tr>{props}{cells}</w:tr>")
}

const NAMESPACE: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

fn document(body: &str, landscape: bool) -> Vec<u8> {
    // A4 in twentieths of a point, with 2 cm margins.
    let page = if landscape {
        "<w:pgSz w:w=\"16838\" w:h=\"11906\" w:orient=\"landscape\"/>"
    } else {
        "<w:pgSz w:w=\"11906\" w:h=\"16838\"/>"
    };
    let document = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><w:document xmlns:w=\"{NAMESPACE}\"><w:body>{body}<w:sectPr>{page}<w:pgMar w:top=\"1134\" w:right=\"1134\" w:bottom=\"1134\" w:left=\"1134\" w:header=\"567\" w:footer=\"567\" w:gutter=\"0\"/></w:sectPr></w:body></w:document>"
    );
    let content_types = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"><Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/><Default Extension=\"xml\" ContentType=\"application/xml\"/><Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/></Types>";
    let rels = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"word/document.xml\"/></Relationships>";
    zip_stored(&[
        ("[Content_Types].xml", content_types.as_bytes()),
        ("_rels/.rels", rels.as_bytes()),
        ("word/document.xml", document.as_bytes()),
    ])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_is_escaped_for_xml() {
        assert_eq!(
            escape("R&D <b>\"x\"\u{0007}"),
            "R&amp;D &lt;b&gt;&quot;x&quot;"
        );
    }
}
