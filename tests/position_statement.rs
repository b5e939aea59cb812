//! The position statement (`domain::position_statement`): its rows for the Havering plan
//! and the fictional example, its filters, a day it stands as at, the impact and the
//! suggestions of a later review, and the Word file that lays it out.

use std::io::Read;
use std::sync::Arc;

use cpc_action_plan::domain::position_statement::{
    position_statement, words, PositionStatement, ProgressToDate, StatementSection,
};
use cpc_action_plan::domain::reports::ReportOptions;
use cpc_action_plan::domain::{
    Action, LaterReview, Link, Plan, Review, ReviewKind, Status, Suggestion, VisitFormat,
};
use cpc_action_plan::format::docx::{position_statement_docx, Heading};
use cpc_action_plan::format::import;

mod common;
use common::{d, havering, update};

fn fictional() -> Plan {
    let text = std::fs::read_to_string("public/examples/fictional-borough-2024.plan.json")
        .expect("the fictional example");
    import(&text).unwrap().plan
}

fn options(pairs: &[(&str, &str)]) -> ReportOptions {
    ReportOptions::from_pairs(pairs.iter().copied())
}

fn numbers(statement: &PositionStatement) -> Vec<&str> {
    statement
        .sections
        .iter()
        .map(|s| s.number.as_str())
        .collect()
}

fn section<'a>(statement: &'a PositionStatement, number: &str) -> &'a StatementSection {
    statement
        .sections
        .iter()
        .find(|s| s.number == number)
        .unwrap_or_else(|| panic!("recommendation {number}"))
}

fn action_numbers(
    actions: &[cpc_action_plan::domain::position_statement::StatementAction],
) -> Vec<&str> {
    actions.iter().map(|a| a.number.as_str()).collect()
}

#[test]
fn havering_opens_with_the_challenge_its_dates_and_a_summary_from_the_figures() {
    let statement = position_statement(&havering(), &options(&[]), d(2019, 9, 4));
    let facts: Vec<(&str, &str)> = statement
        .facts
        .iter()
        .map(|f| (f.label.as_str(), f.value.as_str()))
        .collect();
    assert_eq!(
        facts,
        [
            ("Review", "Corporate peer challenge"),
            ("Visit", "26 February to 1 March 2019"),
            ("Feedback report received", "Not recorded"),
            ("Action plan approved", "Not recorded"),
        ]
    );
    assert_eq!(
        statement.summary,
        "The peer team made 13 recommendations. The council accepted all 13. Of the 32 \
         actions agreed, as at 4 September 2019, 4 are completed, 10 are ongoing and 18 are \
         not started; 4 are past their date. “What difference has it made” is answered for \
         0 of the 13 recommendations."
    );
}

#[test]
fn havering_has_a_part_for_each_recommendation_with_what_is_done_and_what_remains() {
    let plan = havering();
    let statement = position_statement(&plan, &options(&[]), d(2019, 9, 4));
    assert_eq!(
        numbers(&statement),
        ["1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12", "13"]
    );
    let first = &statement.sections[0];
    assert_eq!(first.index, 1);
    assert_eq!(first.anchor(), "position-1");
    assert_eq!(
        first.heading(),
        format!("1. {}", plan.recommendations[0].title)
    );
    assert_eq!(first.context, plan.recommendations[0].context);
    assert_eq!(first.response, "Accepted");
    assert_eq!(
        action_numbers(&first.done),
        ["1.1", "1.2", "1.3", "1.4", "1.5", "1.6"]
    );
    assert_eq!(first.done[0].detail, "Completed. No update yet.");
    assert_eq!(first.done[2].detail, "Ongoing. No update yet.");
    assert_eq!(action_numbers(&first.remains), ["1.7"]);
    assert_eq!(first.remains[0].detail, "Not started. Due 31 July 2020.");
    // Havering recorded no evidence, narrative, update or impact: each part says so.
    assert!(first.evidence.is_empty());
    assert_eq!(first.progress, ProgressToDate::Nothing);
    assert_eq!(first.impact, None);
    assert_eq!(first.impact_words(), words::NO_IMPACT);
    assert!(first.suggestions.is_empty());
    // Every action is done or remains (none is cancelled), each once, in the plan's order.
    let listed: Vec<&str> = statement
        .sections
        .iter()
        .flat_map(|s| s.done.iter().chain(&s.remains))
        .map(|a| a.action.id.as_str())
        .collect();
    assert_eq!(listed.len(), 32);
    let mut every: Vec<&str> = plan.actions().map(|(_, a)| a.id.as_str()).collect();
    let mut sorted = listed.clone();
    sorted.sort();
    every.sort();
    assert_eq!(sorted, every);
    // An overdue action says how late it is.
    let overdue: Vec<&str> = statement
        .sections
        .iter()
        .flat_map(|s| &s.remains)
        .filter(|a| a.detail.ends_with("Overdue by 127 days."))
        .map(|a| a.number.as_str())
        .collect();
    assert!(!overdue.is_empty(), "an overdue action says so");
    assert!(statement
        .sections
        .iter()
        .flat_map(|s| &s.done)
        .all(|a| matches!(a.action.status, Status::Completed | Status::Ongoing)));
}

#[test]
fn the_fictional_example_gives_the_narrative_responses_evidence_and_latest_updates() {
    let plan = fictional();
    let statement = position_statement(&plan, &options(&[]), d(2024, 12, 31));
    let facts: Vec<(&str, &str)> = statement
        .facts
        .iter()
        .map(|f| (f.label.as_str(), f.value.as_str()))
        .collect();
    assert!(facts.contains(&("Visit", "12 to 15 March 2024")));
    assert!(facts.contains(&("Feedback report received", "10 May 2024")));
    assert!(facts.contains(&("Action plan approved", "18 June 2024, by Cabinet")));
    assert!(
        statement
            .summary
            .contains("The council accepted 6, partly accepted 1 and did not accept 1."),
        "{}",
        statement.summary
    );
    assert!(statement
        .summary
        .contains("Of the 23 actions agreed, as at 31 December 2024,"));
    // The narrative as at the day: the newest entry on or before it.
    let one = section(&statement, "1");
    let ProgressToDate::Narrative(rows) = &one.progress else {
        panic!("recommendation 1 has a narrative: {:?}", one.progress)
    };
    assert!(rows
        .iter()
        .any(|(label, _)| label == "Progress to date, as at 31 August 2024"));
    assert!(rows.iter().any(|(label, _)| label == "Next steps"));
    // Evidence: the actions' http(s) links, "title" with its address.
    assert_eq!(one.evidence.len(), 1);
    assert!(one.evidence[0].url.starts_with("https://www.example.org/"));
    // No narrative yet: the latest update of each action not done.
    let six = section(&statement, "6");
    assert_eq!(
        six.progress,
        ProgressToDate::Updates(vec![
            "6.1, 11 December 2024: Dashboard prototype shown to Cabinet members.".into()
        ])
    );
    assert_eq!(six.remains[0].detail, "On track. Due 31 March 2025.");
    // Responses other than accepted carry their reason.
    assert!(section(&statement, "7")
        .response
        .starts_with("Partly accepted: The council will not set up area forums"));
    let eight = section(&statement, "8");
    assert!(eight.response.starts_with("Not accepted: "));
    assert!(eight.done.is_empty() && eight.remains.is_empty());
    // Later, the newest narrative is the one shown.
    let later = position_statement(&plan, &options(&[]), d(2026, 10, 31));
    let ProgressToDate::Narrative(rows) = &section(&later, "1").progress else {
        panic!("a narrative")
    };
    assert!(!rows.iter().any(|(l, _)| l.ends_with("31 August 2024")));
}

#[test]
fn a_theme_filters_it_to_that_themes_recommendations_and_says_so() {
    let plan = havering();
    let statement = position_statement(
        &plan,
        &options(&[("theme", "core-governance")]),
        d(2019, 9, 4),
    );
    assert_eq!(numbers(&statement), ["3", "4", "5", "9"]);
    assert_eq!(
        statement
            .sections
            .iter()
            .map(|s| s.index)
            .collect::<Vec<_>>(),
        [1, 2, 3, 4],
        "the contents number what the statement holds"
    );
    assert!(
        statement.summary.starts_with(
            "The peer team made 13 recommendations. This statement covers 4 of them (the \
             theme Organisational leadership and governance). The council accepted all 4. \
             Of the 9 actions agreed,"
        ),
        "{}",
        statement.summary
    );
}

#[test]
fn a_lead_or_a_group_filters_it_too() {
    let plan = havering();
    let statement = position_statement(&plan, &options(&[("lead", "CLT")]), d(2019, 9, 4));
    assert_eq!(numbers(&statement), ["1"]);
    assert_eq!(action_numbers(&statement.sections[0].done), ["1.5"]);
    assert!(statement.sections[0].remains.is_empty());
    assert!(statement.summary.contains("(actions led by CLT)"));
    assert!(statement.summary.contains("Of the 1 action agreed"));
    let grouped = position_statement(
        &plan,
        &options(&[("group", "opportunities")]),
        d(2019, 9, 4),
    );
    let expected: Vec<&str> = plan
        .recommendations
        .iter()
        .filter(|r| r.group.as_deref() == Some("opportunities"))
        .map(|r| r.number.as_str())
        .collect();
    assert_eq!(numbers(&grouped), expected);
}

#[test]
fn an_action_added_after_the_day_is_left_out_and_statuses_are_the_days() {
    let mut plan = havering();
    plan.recommendations[1].actions.push(Arc::new(Action {
        id: "late".into(),
        text: "An action agreed in October".into(),
        status: Status::Completed,
        added: Some(d(2019, 10, 1)),
        ..Action::default()
    }));
    // An update after the day does not change the day's status.
    let mut first = (*plan.recommendations[1].actions[0]).clone();
    first.status = Status::Completed;
    first.updates = vec![update("u-late", d(2019, 10, 5), Status::Completed)];
    plan.recommendations[1].actions[0] = Arc::new(first);
    let before = position_statement(&plan, &options(&[]), d(2019, 9, 4));
    let two = section(&before, "2");
    assert!(two.done.is_empty());
    assert_eq!(action_numbers(&two.remains), ["2.1", "2.2", "2.3"]);
    assert!(before.summary.contains("Of the 32 actions agreed"));
    let after = position_statement(&plan, &options(&[]), d(2019, 10, 6));
    let two = section(&after, "2");
    assert_eq!(action_numbers(&two.done), ["2.1", "2.4"]);
    assert_eq!(
        two.done[0].detail,
        "Completed. Latest update, 5 October 2019: note u-late"
    );
    assert!(after.summary.contains("Of the 33 actions agreed"));
}

/// Havering with a progress review, an impact, evidence, and two suggestions under
/// recommendation 1: one with an action that follows from it, one noted.
fn reviewed() -> Plan {
    let mut plan = havering();
    plan.later_reviews.push(LaterReview {
        id: "pr-2020".into(),
        review: Review {
            kind: ReviewKind::ProgressReview,
            onsite_from: Some(d(2020, 1, 14)),
            format: Some(VisitFormat::Virtual),
            duration: "half a day".into(),
            ..Review::default()
        },
    });
    let rec = &mut plan.recommendations[0];
    rec.impact = "  Nine in ten staff know the priorities (staff survey, 2020).  ".into();
    rec.suggestions = vec![
        Suggestion {
            id: "s1".into(),
            number: "1.1".into(),
            text: "Tell residents what changed because of the plan".into(),
            review: Some("pr-2020".into()),
            noted: false,
        },
        Suggestion {
            id: "s2".into(),
            number: "1.2".into(),
            text: "Consider a residents' panel".into(),
            review: Some("pr-2020".into()),
            noted: true,
        },
    ];
    rec.actions.push(Arc::new(Action {
        id: "from-s1".into(),
        text: "A 'you said, we did' page on the website".into(),
        status: Status::NotStarted,
        due: Some(d(2020, 6, 30)),
        added: Some(d(2020, 2, 1)),
        suggestion: Some("s1".into()),
        ..Action::default()
    }));
    let mut strategy = (*rec.actions[2]).clone();
    strategy.links = vec![
        Link {
            title: "Communication strategy".into(),
            url: "https://example.org/strategy".into(),
        },
        Link {
            title: "The same, twice".into(),
            url: "https://example.org/strategy".into(),
        },
        Link {
            title: "".into(),
            url: "http://example.org/minutes".into(),
        },
        Link {
            title: "Not a web address".into(),
            url: "javascript:alert(1)".into(),
        },
    ];
    rec.actions[2] = Arc::new(strategy);
    plan
}

#[test]
fn the_impact_evidence_and_a_later_reviews_suggestions_with_their_actions() {
    let plan = reviewed();
    let statement = position_statement(&plan, &options(&[]), d(2020, 3, 1));
    assert!(statement.facts.iter().any(
        |f| f.label == "Progress review" && f.value == "14 January 2020 (virtual, half a day)"
    ));
    let one = section(&statement, "1");
    assert_eq!(
        one.impact_words(),
        "Nine in ten staff know the priorities (staff survey, 2020)."
    );
    assert_eq!(
        one.evidence
            .iter()
            .map(|l| (l.title.as_str(), l.url.as_str()))
            .collect::<Vec<_>>(),
        [
            ("Communication strategy", "https://example.org/strategy"),
            ("http://example.org/minutes", "http://example.org/minutes"),
        ],
        "http(s) only, each once, the address when there is no title"
    );
    assert_eq!(one.suggestions.len(), 2);
    let [with_action, noted] = [&one.suggestions[0], &one.suggestions[1]];
    assert_eq!(
        with_action.line(),
        "1.1 Tell residents what changed because of the plan"
    );
    assert_eq!(
        with_action.review.as_deref(),
        Some("Progress review, 14 January 2020")
    );
    assert_eq!(action_numbers(&with_action.actions), ["1.8"]);
    assert_eq!(
        with_action.actions[0].detail,
        "Not started. Due 30 June 2020."
    );
    assert_eq!(noted.line(), "1.2 Consider a residents' panel (Noted)");
    assert!(noted.noted && noted.actions.is_empty());
    // The action that follows from the suggestion remains, like any open action.
    assert_eq!(action_numbers(&one.remains), ["1.7", "1.8"]);
    assert!(statement.summary.contains(
        "Later reviews made 2 suggestions under them; the council noted 1 without actions."
    ));
    assert!(statement
        .summary
        .ends_with("“What difference has it made” is answered for 1 of the 13 recommendations."));
    // Before the review: no suggestion yet, and no action that followed from one.
    let before = position_statement(&plan, &options(&[]), d(2019, 9, 4));
    let one = section(&before, "1");
    assert!(one.suggestions.is_empty());
    assert_eq!(action_numbers(&one.remains), ["1.7"]);
    assert!(!before.summary.contains("suggestion"));
}

#[test]
fn one_recommendation_reads_in_the_singular() {
    let mut plan = reviewed();
    plan.recommendations.truncate(1);
    let statement = position_statement(&plan, &options(&[]), d(2020, 3, 1));
    assert!(statement
        .summary
        .starts_with("The peer team made 1 recommendation. The council accepted it."));
    assert!(statement
        .summary
        .ends_with("“What difference has it made” is answered."));
}

/// The document's text, paragraph by paragraph.
fn word_paragraphs(bytes: &[u8]) -> Vec<String> {
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("a valid zip");
    let mut xml = String::new();
    archive
        .by_name("word/document.xml")
        .unwrap()
        .read_to_string(&mut xml)
        .unwrap();
    let doc = roxmltree::Document::parse(&xml).expect("well-formed XML");
    const W: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
    doc.descendants()
        .filter(|n| n.has_tag_name((W, "p")))
        .map(|p| {
            p.descendants()
                .filter(|n| n.has_tag_name((W, "t")))
                .filter_map(|t| t.text())
                .collect::<String>()
        })
        .collect()
}

#[test]
fn the_word_file_says_what_the_statement_says_in_its_order() {
    let plan = reviewed();
    let as_at = d(2020, 3, 1);
    let opts = options(&[]);
    let heading = Heading {
        report: words::TITLE,
        committee: "",
        meeting: None,
        as_at,
    };
    let bytes = position_statement_docx(&plan, &opts, &heading);
    let paragraphs = word_paragraphs(&bytes);
    let statement = position_statement(&plan, &opts, as_at);
    let one = section(&statement, "1");
    let mut expected: Vec<String> = vec![
        format!("Position statement: {}", plan.title),
        words::CHALLENGE_PART.into(),
        "Visit: 26 February to 1 March 2019".into(),
        "Progress review: 14 January 2020 (virtual, half a day)".into(),
        words::SUMMARY_PART.into(),
        statement.summary.clone(),
        words::CONTENTS_PART.into(),
    ];
    expected.extend(statement.sections.iter().map(|s| s.heading()));
    expected.extend([
        one.heading(),
        words::RESPONSE.into(),
        "Accepted".into(),
        words::DONE.into(),
        format!("• 1.1 {}", plan.recommendations[0].actions[0].text),
        "Completed. No update yet.".into(),
        words::EVIDENCE.into(),
        "• Communication strategy (https://example.org/strategy)".into(),
        words::PROGRESS.into(),
        words::NO_PROGRESS.into(),
        words::IMPACT.into(),
        "Nine in ten staff know the priorities (staff survey, 2020).".into(),
        words::REMAINS.into(),
        "Not started. Due 31 July 2020.".into(),
        words::SUGGESTIONS.into(),
        "1.1 Tell residents what changed because of the plan".into(),
        "Not started. Due 30 June 2020.".into(),
        "1.2 Consider a residents' panel (Noted)".into(),
        section(&statement, "2").heading(),
        words::NO_IMPACT.into(),
    ]);
    let mut from = 0;
    for want in &expected {
        let at = paragraphs[from..]
            .iter()
            .position(|p| p == want)
            .unwrap_or_else(|| panic!("the Word file has, in order: {want}"));
        from += at + 1;
    }
    // The contents link to bookmarks on each recommendation's heading.
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(&bytes)).unwrap();
    let mut xml = String::new();
    archive
        .by_name("word/document.xml")
        .unwrap()
        .read_to_string(&mut xml)
        .unwrap();
    for s in &statement.sections {
        let name = format!("position_{}", s.index);
        assert!(
            xml.contains(&format!("w:anchor=\"{name}\"")),
            "{name} linked"
        );
        assert!(xml.contains(&format!("w:name=\"{name}\"")), "{name} marked");
    }
    // A4 portrait, and a draft says so (Havering has no approval recorded).
    assert!(xml.contains("<w:pgSz w:w=\"11906\" w:h=\"16838\"/>"));
}

#[test]
fn a_draft_statement_says_draft_on_every_word_page() {
    let mut plan = havering();
    plan.draft = true;
    let heading = Heading {
        report: words::TITLE,
        committee: "",
        meeting: None,
        as_at: d(2019, 9, 4),
    };
    let bytes = position_statement_docx(&plan, &options(&[]), &heading);
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(&bytes)).unwrap();
    let mut header = String::new();
    archive
        .by_name("word/header1.xml")
        .expect("a page header")
        .read_to_string(&mut header)
        .unwrap();
    assert!(header.contains("Draft: not yet approved"));
    assert_eq!(word_paragraphs(&bytes)[0], "Draft: not yet approved");
}

#[test]
fn a_statement_without_the_suggestions_leaves_out_them_and_their_actions() {
    let plan = reviewed();
    let with = position_statement(&plan, &options(&[]), d(2020, 3, 1));
    let without = position_statement(&plan, &options(&[("suggestions", "no")]), d(2020, 3, 1));
    assert_eq!(section(&with, "1").suggestions.len(), 2);
    assert!(section(&without, "1").suggestions.is_empty());
    assert!(
        !without.summary.contains("suggestion"),
        "{}",
        without.summary
    );
}
