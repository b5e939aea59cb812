//! The Word documents: a valid zip, well-formed XML, and a real Word table holding the report.

use std::io::Read;

use chrono::NaiveDate;
use cpc_action_plan::domain::reports::ReportOptions;
use cpc_action_plan::format::docx::{action_plan_docx, docx_file_name, progress_docx, Heading};

mod common;
use common::havering;

const W: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

fn heading(report: &str) -> Heading<'_> {
    Heading {
        report,
        committee: "Overview and Scrutiny Board",
        meeting: NaiveDate::from_ymd_opt(2019, 9, 4),
        as_at: NaiveDate::from_ymd_opt(2019, 9, 4).unwrap(),
    }
}

/// Opens the document as Word would: the zip, its parts, and the document's XML.
fn parts(bytes: &[u8]) -> (Vec<String>, String) {
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("a valid zip");
    let names: Vec<String> = archive.file_names().map(String::from).collect();
    let mut xml = String::new();
    archive
        .by_name("word/document.xml")
        .unwrap()
        .read_to_string(&mut xml)
        .unwrap();
    (names, xml)
}

fn texts(doc: &roxmltree::Document) -> String {
    doc.descendants()
        .filter(|n| n.has_tag_name((W, "t")))
        .filter_map(|n| n.text())
        .collect::<Vec<_>>()
        .join("\u{1}")
}

#[test]
fn the_action_plan_is_a_word_table_with_merged_recommendation_cells() {
    let plan = havering();
    let bytes = action_plan_docx(
        &plan,
        &ReportOptions::from_pairs([]),
        &heading("Action plan"),
    );
    let (mut names, xml) = parts(&bytes);
    names.sort();
    assert_eq!(
        names,
        ["[Content_Types].xml", "_rels/.rels", "word/document.xml"]
    );
    let doc = roxmltree::Document::parse(&xml).expect("well-formed XML");
    let tables: Vec<_> = doc
        .descendants()
        .filter(|n| n.has_tag_name((W, "tbl")))
        .collect();
    assert_eq!(tables.len(), 1);
    let rows: Vec<_> = tables[0]
        .children()
        .filter(|n| n.has_tag_name((W, "tr")))
        .collect();
    assert_eq!(rows.len(), 33, "a header and one row per action");
    assert!(
        rows[0]
            .descendants()
            .any(|n| n.has_tag_name((W, "tblHeader"))),
        "the header row repeats on each page"
    );
    let restarts = doc
        .descendants()
        .filter(|n| n.has_tag_name((W, "vMerge")) && n.attribute((W, "val")) == Some("restart"))
        .count();
    assert_eq!(
        restarts, 26,
        "No. and Recommendation start a merge for each of the 13 recommendations"
    );
    assert!(xml.contains("w:orient=\"landscape\""));
    let all = texts(&doc);
    for rec in &plan.recommendations {
        assert!(all.contains(&rec.title), "{}", rec.number);
    }
    for (_, action) in plan.actions() {
        assert!(all.contains(&action.text), "{}", action.id);
    }
    for part in [
        "London Borough of Havering",
        "Action plan: Corporate Peer Challenge 2019: improvement action plan",
        "Committee: Overview and Scrutiny Board",
        "Meeting: 4 September 2019",
        "As at: 4 September 2019",
    ] {
        assert!(all.contains(part), "{part}");
    }
}

#[test]
fn the_progress_report_has_the_summary_and_a_table_for_each_recommendation() {
    let mut plan = havering();
    plan.recommendations[0].title = "Tom & Jerry's <plan> \"quoted\"".into();
    let bytes = progress_docx(
        &plan,
        &ReportOptions::from_pairs([]),
        &heading("Progress report"),
    );
    let (_, xml) = parts(&bytes);
    let doc = roxmltree::Document::parse(&xml).expect("well-formed XML, whatever the text");
    let all = texts(&doc);
    assert!(all.contains("Of 32 actions, 4 are completed, 10 are now part of everyday work and 18 are not started; 4 are past their date."));
    assert!(
        all.contains("1. Tom & Jerry's <plan> \"quoted\""),
        "text comes back exactly"
    );
    assert!(all.contains("Not started (overdue by 127 days)"));
    // The figures by status add up to 100%, and overdue is said apart from them.
    let figures = [
        "Status",
        "Actions",
        "Share",
        "Completed",
        "4",
        "13%",
        "Ongoing",
        "10",
        "31%",
        "Not started",
        "18",
        "56%",
        "All actions",
        "32",
        "100%",
    ];
    assert!(all.contains(&figures.join("\u{1}")), "{all}");
    assert!(all.contains(
        "4 of the 18 open actions (not started or under way) are overdue: past their due date."
    ));
    assert!(
        !all.contains("Overdue\u{1}"),
        "no overdue row among the shares"
    );
    // The figures, then a table for each recommendation.
    assert_eq!(
        doc.descendants()
            .filter(|n| n.has_tag_name((W, "tbl")))
            .count(),
        14
    );
    assert!(!xml.contains("landscape"));
}

#[test]
fn word_files_are_named_tidily() {
    assert_eq!(
        docx_file_name(&havering(), "Progress report", NaiveDate::from_ymd_opt(2019, 9, 4).unwrap()),
        "london-borough-of-havering-corporate-peer-challenge-2019-improvement-action-plan-2019-09-04-progress-report.docx"
    );
}

#[test]
fn characters_xml_forbids_are_left_out_and_the_document_stays_well_formed() {
    let mut plan = havering();
    plan.recommendations[0].title = "Bell\u{1} and \u{FFFE}non\u{FFFF}characters\u{1F}".into();
    for bytes in [
        progress_docx(
            &plan,
            &ReportOptions::from_pairs([]),
            &heading("Progress report"),
        ),
        action_plan_docx(
            &plan,
            &ReportOptions::from_pairs([]),
            &heading("Action plan"),
        ),
    ] {
        let (_, xml) = parts(&bytes);
        let doc = roxmltree::Document::parse(&xml).expect("well-formed XML");
        assert!(texts(&doc).contains("Bell and noncharacters"));
    }
}
