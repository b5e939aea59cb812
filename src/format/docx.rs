//! Word documents of the reports: a real Word table an officer can paste into the
//! council's report template.
//!
//! A .docx is a zip of a few XML parts. Written by hand here because the crates that do it
//! (docx-rs) added 221 KB gzip to the WebAssembly every visitor downloads; this is a few KB.
//! The zip is "stored" (no compression), which every reader accepts.

use chrono::NaiveDate;

use super::zip::zip_stored;

use crate::domain::dates::format_long;
use crate::domain::position_statement::{
    position_statement, words as ps, ProgressToDate, StatementAction,
};
use crate::domain::reports::{
    annex_rows, draft_marker, narrative_rows, not_accepted_answer, progress_report, since_from,
    since_lines, words, ReportOptions,
};
use crate::domain::Plan;

/// What the report's heading says.
pub struct Heading<'a> {
    pub report: &'a str,
    pub committee: &'a str,
    pub meeting: Option<NaiveDate>,
    pub as_at: NaiveDate,
}

/// The action plan annex as a Word document, landscape, with one table.
pub fn action_plan_docx(plan: &Plan, options: &ReportOptions, heading: &Heading) -> Vec<u8> {
    let mut body = heading_xml(plan, options, heading);
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
    document(&body, true, draft_marker(plan))
}

/// The progress report as a Word document, with the parts of the printed report in its
/// order and words, from the same figures (`domain::reports::progress_report`): the
/// summary, the actions by status with overdue said apart, a table for each
/// recommendation's actions, the milestones, and the recommendations not accepted.
pub fn progress_docx(plan: &Plan, options: &ReportOptions, heading: &Heading) -> Vec<u8> {
    let mut body = heading_xml(plan, options, heading);
    let report = progress_report(plan, options, heading.as_at);
    if !report.highlights.is_empty() {
        body.push_str(&paragraph(words::HIGHLIGHTS_PART, Style::Heading2));
        for highlight in &report.highlights {
            body.push_str(&paragraph(&format!("• {highlight}"), Style::Body));
        }
    }
    body.push_str(&paragraph(words::SUMMARY, Style::Heading2));
    body.push_str(&paragraph(&report.board.summary(), Style::Body));
    // The shares add up to 100%; overdue actions (counted under their status already)
    // are said apart, below.
    let mut figures = table_start(&[4200, 1600, 1600]);
    figures.push_str(&row(&words::STATUS_COLUMNS.map(Cell::header), true));
    for status_row in &report.status_rows {
        figures.push_str(&row(
            &[
                Cell::header(status_row.label),
                Cell::text(&status_row.actions.to_string()),
                Cell::text(&status_row.share),
            ],
            false,
        ));
    }
    figures.push_str("</w:tbl>");
    body.push_str(&figures);
    body.push_str(&paragraph(&report.board.overdue_sentence(), Style::Body));
    if let Some((since, from)) = &report.since {
        body.push_str(&paragraph(words::SINCE_PART, Style::Heading2));
        body.push_str(&paragraph(&since_from(since, from.as_ref()), Style::Body));
        body.push_str(&paragraph(&since.summary(), Style::Body));
        for (heading, lines) in since_lines(since)
            .into_iter()
            .filter(|(_, l)| !l.is_empty())
        {
            body.push_str(&paragraph(
                &format!("{heading} ({})", lines.len()),
                Style::Heading3,
            ));
            for line in lines {
                body.push_str(&paragraph(&format!("• {line}"), Style::Body));
            }
        }
    }
    body.push_str(&paragraph(words::ACTIONS_PART, Style::Heading2));
    for section in &report.sections {
        body.push_str(&paragraph(
            &format!("{}. {}", section.number, section.title),
            Style::Heading3,
        ));
        if !section.context.is_empty() {
            body.push_str(&paragraph(&section.context, Style::Italic));
        }
        if let Some(narrative) = &section.narrative {
            for (label, text) in narrative_rows(narrative, report.rating_scale.as_ref()) {
                body.push_str(&format!(
                    "<w:p><w:r><w:rPr><w:b/></w:rPr>{}</w:r><w:r>{}</w:r></w:p>",
                    text_runs(&format!("{label}: ")),
                    text_runs(&text),
                ));
            }
        }
        if section.actions.is_empty() {
            body.push_str(&paragraph(words::NO_ACTIONS, Style::Body));
            continue;
        }
        let mut table = table_start(&[3400, 1700, 1300, 1500, 2600]);
        table.push_str(&row(&words::ACTION_COLUMNS.map(Cell::header), true));
        for a in &section.actions {
            // The status, and beneath it how late, as the printed report's two tags.
            let status = match a.overdue_words() {
                Some(late) => format!("{}\n{late}", a.status.label()),
                None => a.status.label().to_string(),
            };
            table.push_str(&row(
                &[
                    Cell::text(&a.text),
                    Cell::text(&a.leads.join("; ")),
                    Cell::text(&a.due_with_history()),
                    Cell::text(&status),
                    Cell::text(&a.latest_words()),
                ],
                false,
            ));
        }
        table.push_str("</w:tbl>");
        body.push_str(&table);
    }
    body.push_str(&paragraph(words::MILESTONES_PART, Style::Heading2));
    if report.milestones.is_empty() {
        body.push_str(&paragraph(words::NO_MILESTONES, Style::Body));
    } else {
        let mut table = table_start(&[2400, 5000, 2200]);
        table.push_str(&row(&words::MILESTONE_COLUMNS.map(Cell::header), true));
        for (date, what, state) in &report.milestones {
            table.push_str(&row(
                &[
                    Cell::text(&format_long(*date)),
                    Cell::text(what),
                    Cell::text(state),
                ],
                false,
            ));
        }
        table.push_str("</w:tbl>");
        body.push_str(&table);
    }
    body.push_str(&paragraph(words::NOT_ACCEPTED_PART, Style::Heading2));
    if report.not_accepted().is_empty() {
        body.push_str(&paragraph(words::ALL_ACCEPTED, Style::Body));
    }
    for n in report.not_accepted() {
        // The number and title in bold, then the council's response and its reason.
        body.push_str(&format!(
            "<w:p><w:r><w:rPr><w:b/></w:rPr>{}</w:r><w:r>{}</w:r></w:p>",
            text_runs(&format!("{}. {}", n.number, n.title)),
            text_runs(&format!(" – {}", not_accepted_answer(n))),
        ));
    }
    document(&body, false, draft_marker(plan))
}

/// The position statement as a Word document, A4 portrait, with the printed statement's
/// parts in its order and words (`domain::position_statement`): the challenge and its
/// dates, the summary, the contents (each entry a link to its recommendation), then each
/// recommendation's parts. Evidence links are written "title (address)".
pub fn position_statement_docx(plan: &Plan, options: &ReportOptions, heading: &Heading) -> Vec<u8> {
    let mut body = heading_xml(plan, options, heading);
    let statement = position_statement(plan, options, heading.as_at);
    body.push_str(&paragraph(ps::CHALLENGE_PART, Style::Heading2));
    for fact in &statement.facts {
        body.push_str(&labelled(&fact.label, &fact.value));
    }
    body.push_str(&paragraph(ps::SUMMARY_PART, Style::Heading2));
    body.push_str(&paragraph(&statement.summary, Style::Body));
    body.push_str(&paragraph(ps::CONTENTS_PART, Style::Heading2));
    if statement.sections.is_empty() {
        body.push_str(&paragraph(ps::NO_RECOMMENDATIONS, Style::Body));
    }
    for section in &statement.sections {
        body.push_str(&format!(
            "<w:p><w:hyperlink w:anchor=\"{}\" w:history=\"1\"><w:r><w:rPr><w:u w:val=\"single\"/></w:rPr>{}</w:r></w:hyperlink></w:p>",
            bookmark_name(section.index),
            text_runs(&section.heading()),
        ));
    }
    for section in &statement.sections {
        // The heading carries the bookmark the contents entry links to.
        body.push_str(&format!(
            "<w:p><w:pPr><w:keepNext/></w:pPr><w:bookmarkStart w:id=\"{index}\" w:name=\"{name}\"/><w:r><w:rPr><w:b/><w:sz w:val=\"28\"/></w:rPr>{}</w:r><w:bookmarkEnd w:id=\"{index}\"/></w:p>",
            text_runs(&section.heading()),
            index = section.index,
            name = bookmark_name(section.index),
        ));
        if !section.context.is_empty() {
            body.push_str(&paragraph(&section.context, Style::Italic));
        }
        body.push_str(&paragraph(ps::RESPONSE, Style::Heading3));
        body.push_str(&paragraph(&section.response, Style::Body));
        body.push_str(&paragraph(ps::DONE, Style::Heading3));
        statement_actions(&mut body, &section.done, ps::NOTHING_DONE);
        body.push_str(&paragraph(ps::EVIDENCE, Style::Heading3));
        if section.evidence.is_empty() {
            body.push_str(&paragraph(ps::NO_EVIDENCE, Style::Body));
        }
        for link in &section.evidence {
            body.push_str(&paragraph(
                &format!("• {} ({})", link.title, link.url),
                Style::Body,
            ));
        }
        body.push_str(&paragraph(ps::PROGRESS, Style::Heading3));
        match &section.progress {
            ProgressToDate::Narrative(rows) => {
                for (label, text) in rows {
                    body.push_str(&labelled(label, text));
                }
            }
            ProgressToDate::Updates(lines) => {
                body.push_str(&paragraph(ps::FROM_UPDATES, Style::Body));
                for line in lines {
                    body.push_str(&paragraph(&format!("• {line}"), Style::Body));
                }
            }
            ProgressToDate::Nothing => body.push_str(&paragraph(ps::NO_PROGRESS, Style::Body)),
        }
        body.push_str(&paragraph(ps::IMPACT, Style::Heading3));
        body.push_str(&paragraph(section.impact_words(), Style::Body));
        body.push_str(&paragraph(ps::REMAINS, Style::Heading3));
        statement_actions(&mut body, &section.remains, ps::NOTHING_REMAINS);
        if !section.suggestions.is_empty() {
            body.push_str(&paragraph(ps::SUGGESTIONS, Style::Heading3));
            for suggestion in &section.suggestions {
                body.push_str(&format!(
                    "<w:p><w:r><w:rPr><w:b/></w:rPr>{}</w:r></w:p>",
                    text_runs(&suggestion.line())
                ));
                if let Some(review) = &suggestion.review {
                    body.push_str(&paragraph(review, Style::Italic));
                }
                if !suggestion.noted || !suggestion.actions.is_empty() {
                    statement_actions(&mut body, &suggestion.actions, ps::NO_SUGGESTION_ACTIONS);
                }
            }
        }
    }
    document(&body, false, draft_marker(plan))
}

/// The bookmark a position statement's contents entry links to.
fn bookmark_name(index: usize) -> String {
    format!("position_{index}")
}

/// "Label: " in bold, then the words.
fn labelled(label: &str, text: &str) -> String {
    format!(
        "<w:p><w:r><w:rPr><w:b/></w:rPr>{}</w:r><w:r>{}</w:r></w:p>",
        text_runs(&format!("{label}: ")),
        text_runs(text),
    )
}

/// The statement's actions, each "• 1.2 Its words" then its line; or `none` when there are
/// none.
fn statement_actions(body: &mut String, actions: &[StatementAction], none: &str) {
    if actions.is_empty() {
        body.push_str(&paragraph(none, Style::Body));
    }
    for a in actions {
        body.push_str(&format!(
            "<w:p><w:r>{}</w:r><w:r><w:rPr><w:b/></w:rPr>{}</w:r><w:r>{}</w:r></w:p>",
            text_runs("• "),
            text_runs(&format!("{} ", a.number)),
            text_runs(&a.action.text),
        ));
        body.push_str(&paragraph(&a.detail, Style::Italic));
    }
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
    Heading3,
    Body,
    Italic,
    /// The draft marker: bold and large.
    Draft,
}

/// The report's heading, as the printed one: the draft marker (while the plan is not yet
/// approved), the council, the title, then the committee, meeting, date and leads.
fn heading_xml(plan: &Plan, options: &ReportOptions, heading: &Heading) -> String {
    let mut xml = draft_marker(plan)
        .map(|words| paragraph(words, Style::Draft))
        .unwrap_or_default();
    xml.push_str(&paragraph(&plan.council, Style::Body));
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
    if !options.filter.leads.is_empty() {
        xml.push_str(&paragraph(
            &format!("Actions led by: {}", options.filter.leads.join(", ")),
            Style::Body,
        ));
    }
    xml
}

fn paragraph(text: &str, style: Style) -> String {
    let props = match style {
        Style::Title => "<w:rPr><w:b/><w:sz w:val=\"36\"/></w:rPr>",
        Style::Heading2 => "<w:rPr><w:b/><w:sz w:val=\"28\"/></w:rPr>",
        Style::Heading3 => "<w:rPr><w:b/><w:sz w:val=\"24\"/></w:rPr>",
        Style::Body => "",
        Style::Italic => "<w:rPr><w:i/></w:rPr>",
        Style::Draft => "<w:rPr><w:b/><w:sz w:val=\"28\"/></w:rPr>",
    };
    let keep = if matches!(style, Style::Heading2 | Style::Heading3) {
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

/// Text for XML: markup characters escaped, and what XML 1.0 forbids left out.
pub(crate) fn escape(text: &str) -> String {
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
const RELATIONSHIPS: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

/// The document's parts, zipped. With `draft` words, every page has them as its header
/// (a header part, related to the document and named by the section).
fn document(body: &str, landscape: bool, draft: Option<&str>) -> Vec<u8> {
    // A4 in twentieths of a point, with 2 cm margins.
    let page = if landscape {
        "<w:pgSz w:w=\"16838\" w:h=\"11906\" w:orient=\"landscape\"/>"
    } else {
        "<w:pgSz w:w=\"11906\" w:h=\"16838\"/>"
    };
    let header_reference = if draft.is_some() {
        "<w:headerReference w:type=\"default\" r:id=\"rIdHeader\"/>"
    } else {
        ""
    };
    let document = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><w:document xmlns:w=\"{NAMESPACE}\" xmlns:r=\"{RELATIONSHIPS}\"><w:body>{body}<w:sectPr>{header_reference}{page}<w:pgMar w:top=\"1134\" w:right=\"1134\" w:bottom=\"1134\" w:left=\"1134\" w:header=\"567\" w:footer=\"567\" w:gutter=\"0\"/></w:sectPr></w:body></w:document>"
    );
    let header_type = if draft.is_some() {
        "<Override PartName=\"/word/header1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml\"/>"
    } else {
        ""
    };
    let content_types = format!("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"><Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/><Default Extension=\"xml\" ContentType=\"application/xml\"/><Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/>{header_type}</Types>");
    let rels = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"word/document.xml\"/></Relationships>";
    let mut parts: Vec<(&str, Vec<u8>)> = vec![
        ("[Content_Types].xml", content_types.into_bytes()),
        ("_rels/.rels", rels.as_bytes().to_vec()),
        ("word/document.xml", document.into_bytes()),
    ];
    if let Some(words) = draft {
        let header = format!(
            "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><w:hdr xmlns:w=\"{NAMESPACE}\">{}</w:hdr>",
            paragraph(words, Style::Draft)
        );
        let document_rels = format!("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rIdHeader\" Type=\"{RELATIONSHIPS}/header\" Target=\"header1.xml\"/></Relationships>");
        parts.push(("word/_rels/document.xml.rels", document_rels.into_bytes()));
        parts.push(("word/header1.xml", header.into_bytes()));
    }
    let parts: Vec<(&str, &[u8])> = parts.iter().map(|(n, b)| (*n, b.as_slice())).collect();
    zip_stored(&parts)
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
