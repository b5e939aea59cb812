//! The Word documents: a valid zip, well-formed XML, and a real Word table holding the report.

use std::io::Read;

use chrono::NaiveDate;
use cpc_action_plan::domain::dates::format_long;
use cpc_action_plan::domain::progress::timeline;
use cpc_action_plan::domain::reports::{progress_report, words, ReportOptions, DRAFT};
use cpc_action_plan::domain::{Plan, PlanApproval, Response};
use cpc_action_plan::format::docx::{action_plan_docx, docx_file_name, progress_docx, Heading};

mod common;
use common::{d, havering};

const W: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

fn heading(report: &str) -> Heading<'_> {
    Heading {
        report,
        committee: "Overview and Scrutiny Board",
        meeting: NaiveDate::from_ymd_opt(2019, 9, 4),
        as_at: NaiveDate::from_ymd_opt(2019, 9, 4).unwrap(),
    }
}

/// The Havering plan with an approval recorded (the example has none, so it is a draft).
fn approved() -> Plan {
    let mut plan = havering();
    plan.review.plan_approved = Some(PlanApproval {
        date: d(2019, 9, 4),
        by: "Cabinet".into(),
    });
    plan
}

/// Opens the document as Word would: the zip, its parts, and the document's XML.
fn parts(bytes: &[u8]) -> (Vec<String>, String) {
    let names = zip::ZipArchive::new(std::io::Cursor::new(bytes))
        .expect("a valid zip")
        .file_names()
        .map(String::from)
        .collect();
    (names, part(bytes, "word/document.xml").unwrap())
}

/// One part of the zip as text, if it is there.
fn part(bytes: &[u8], name: &str) -> Option<String> {
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("a valid zip");
    let mut xml = String::new();
    archive
        .by_name(name)
        .ok()?
        .read_to_string(&mut xml)
        .unwrap();
    Some(xml)
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
    let plan = approved();
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
    // The status, and how late beneath it, in the printed report's words.
    assert!(all.contains("Not started\u{1}Overdue by 127 days"), "{all}");
    // The figures by status add up to 100%, and overdue is said apart from them.
    let figures = [
        "Summary",
        "Of 32 actions, 4 are completed, 10 are now part of everyday work and 18 are not started; 4 are past their date.",
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
    // The figures, a table for each recommendation, and the milestones.
    assert_eq!(
        doc.descendants()
            .filter(|n| n.has_tag_name((W, "tbl")))
            .count(),
        15
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

/// Where each of `parts` is in `all`, failing if one is missing or out of order.
fn assert_in_order(all: &str, parts: &[&str]) {
    let mut from = 0;
    for part in parts {
        let at = all[from..]
            .find(part)
            .unwrap_or_else(|| panic!("{part:?} is missing, or out of order, in {all}"));
        from += at + part.len();
    }
}

#[test]
fn the_word_progress_report_has_the_printed_reports_parts_in_its_order_and_words() {
    let plan = approved();
    let options = ReportOptions::from_pairs([]);
    let as_at = d(2019, 9, 4);
    let bytes = progress_docx(&plan, &options, &heading("Progress report"));
    let (_, xml) = parts(&bytes);
    let doc = roxmltree::Document::parse(&xml).expect("well-formed XML");
    let all = texts(&doc);
    let report = progress_report(&plan, &options, as_at);
    let last = plan.recommendations.last().unwrap();
    let last_title = format!("{}. {}", last.number, last.title);
    assert_in_order(
        &all,
        &[
            words::SUMMARY,
            &report.board.summary(),
            "Status\u{1}Actions\u{1}Share",
            "All actions\u{1}32\u{1}100%",
            &report.board.overdue_sentence(),
            words::ACTIONS_PART,
            "1. ",
            &last_title,
            words::MILESTONES_PART,
            "Date\u{1}Milestone\u{1}Where it stands",
        ],
    );
    // The milestones as at the date, from the same figures as the progress view's.
    let milestones = timeline(&plan, as_at);
    assert_eq!(milestones, report.milestones);
    assert!(milestones.len() >= 3, "{milestones:?}");
    let rows: Vec<String> = milestones
        .iter()
        .map(|(date, what, state)| format!("{}\u{1}{what}\u{1}{state}", format_long(*date)))
        .collect();
    let mut expected: Vec<&str> = vec![words::MILESTONES_PART];
    expected.extend(rows.iter().map(String::as_str));
    expected.extend([words::NOT_ACCEPTED_PART, words::ALL_ACCEPTED]);
    assert_in_order(&all, &expected);
    assert!(all.contains(
        "4 September 2019\u{1}Overview & Scrutiny Board review of the action plan\u{1}Done"
    ));
    assert!(all.contains("LGA follow-up visit\u{1}Due"));
    assert!(all.contains("(LGA process)"));
}

#[test]
fn the_word_progress_report_lists_the_recommendations_not_accepted_with_the_reason() {
    let mut plan = approved();
    plan.recommendations[2].response = Response::PartlyAccepted;
    plan.recommendations[2].response_reason = "The council will review this in 2020.".into();
    plan.recommendations[4].response = Response::NotAccepted;
    plan.recommendations[4].response_reason = "Already done by the borough partnership.".into();
    let bytes = progress_docx(
        &plan,
        &ReportOptions::from_pairs([]),
        &heading("Progress report"),
    );
    let (_, xml) = parts(&bytes);
    let doc = roxmltree::Document::parse(&xml).expect("well-formed XML");
    let all = texts(&doc);
    let (third, fifth) = (&plan.recommendations[2], &plan.recommendations[4]);
    assert_in_order(
        &all,
        &[
            words::NOT_ACCEPTED_PART,
            &format!("{}. {}", third.number, third.title),
            " – Partly accepted: The council will review this in 2020.",
            &format!("{}. {}", fifth.number, fifth.title),
            " – Not accepted: Already done by the borough partnership.",
        ],
    );
    assert!(!all.contains(words::ALL_ACCEPTED));
    // The number and title in bold, as printed.
    let bold_title = doc.descendants().any(|r| {
        r.has_tag_name((W, "r"))
            && r.descendants().any(|n| n.has_tag_name((W, "b")))
            && r.descendants().any(|t| {
                t.has_tag_name((W, "t"))
                    && t.text() == Some(&format!("{}. {}", fifth.number, fifth.title))
            })
    });
    assert!(bold_title);
}

#[test]
fn a_plan_not_yet_approved_is_a_draft_in_word_on_every_page_and_at_the_top() {
    let mut draft = havering();
    draft.draft = true;
    let options = ReportOptions::from_pairs([]);
    for bytes in [
        progress_docx(&draft, &options, &heading("Progress report")),
        action_plan_docx(&draft, &options, &heading("Action plan")),
    ] {
        let (mut names, xml) = parts(&bytes);
        names.sort();
        assert_eq!(
            names,
            [
                "[Content_Types].xml",
                "_rels/.rels",
                "word/_rels/document.xml.rels",
                "word/document.xml",
                "word/header1.xml",
            ]
        );
        // At the top of the document, before the council and the title.
        let doc = roxmltree::Document::parse(&xml).expect("well-formed XML");
        assert!(texts(&doc).starts_with(&format!("{DRAFT}\u{1}London Borough of Havering")));
        // And the header of every page: the section names the header part.
        let reference = doc
            .descendants()
            .find(|n| n.has_tag_name((W, "headerReference")))
            .expect("the section has a header");
        assert_eq!(reference.attribute((W, "type")), Some("default"));
        let rel_id = reference
            .attribute((
                "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
                "id",
            ))
            .unwrap();
        let rels = part(&bytes, "word/_rels/document.xml.rels").unwrap();
        let rels = roxmltree::Document::parse(&rels).unwrap();
        let rel = rels
            .descendants()
            .find(|n| n.attribute("Id") == Some(rel_id))
            .expect("the header's relationship");
        assert_eq!(rel.attribute("Target"), Some("header1.xml"));
        assert!(rel.attribute("Type").unwrap().ends_with("/header"));
        let header = part(&bytes, "word/header1.xml").unwrap();
        let header = roxmltree::Document::parse(&header).expect("well-formed header");
        assert_eq!(texts(&header), DRAFT);
        let types = part(&bytes, "[Content_Types].xml").unwrap();
        assert!(types.contains("PartName=\"/word/header1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml\""));
    }
}

#[test]
fn an_approved_plan_has_no_draft_marker_in_word() {
    let plan = approved();
    let options = ReportOptions::from_pairs([]);
    for bytes in [
        progress_docx(&plan, &options, &heading("Progress report")),
        action_plan_docx(&plan, &options, &heading("Action plan")),
    ] {
        let (names, xml) = parts(&bytes);
        assert_eq!(names.len(), 3, "{names:?}");
        assert!(!xml.contains("Draft") && !xml.contains("headerReference"));
    }
}

#[test]
fn a_report_for_one_lead_says_so_in_word_as_in_print() {
    let plan = approved();
    let lead = plan.recommendations[0].actions[0].leads[0].clone();
    let options = ReportOptions::from_pairs([("lead", lead.as_str())]);
    let bytes = progress_docx(&plan, &options, &heading("Progress report"));
    let (_, xml) = parts(&bytes);
    let doc = roxmltree::Document::parse(&xml).unwrap();
    assert_in_order(
        &texts(&doc),
        &[
            "As at: 4 September 2019",
            &format!("Actions led by: {lead}"),
            words::SUMMARY,
        ],
    );
}
