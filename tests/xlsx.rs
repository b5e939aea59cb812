//! The Excel workbooks, read back by an independent reader (Python's openpyxl, through
//! tests/read_xlsx.py): their sheets in the report's order, frozen header rows with a
//! filter, set widths and wrapped text, real date cells, statuses in words with their
//! fill colour, and a request that goes to the worker and back as a message.

use std::process::Command;

use chrono::NaiveDate;
use serde_json::Value;

use cpc_action_plan::domain::report_options::ReportOptions;
use cpc_action_plan::domain::Status;
use cpc_action_plan::format::xlsx::{answer, status_fill, workbook, SheetsKind, SheetsRequest};
use cpc_action_plan::format::{export, import};

fn havering() -> cpc_action_plan::domain::Plan {
    import(cpc_action_plan::EXAMPLE_PLAN).unwrap().plan
}

fn fictional() -> cpc_action_plan::domain::Plan {
    let text = std::fs::read_to_string("public/examples/fictional-borough-2024.plan.json").unwrap();
    import(&text).unwrap().plan
}

fn day(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

fn request(kind: SheetsKind, as_at: &str) -> SheetsRequest {
    SheetsRequest {
        kind,
        as_at: day(as_at),
        options: ReportOptions::from_pairs(Vec::<(&str, &str)>::new()),
    }
}

/// The workbook as openpyxl reads it.
fn read(bytes: &[u8]) -> Value {
    let dir = std::env::temp_dir().join(format!("cpc-xlsx-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(format!(
        "{:x}.xlsx",
        bytes.len() ^ bytes.iter().map(|b| *b as usize).sum::<usize>()
    ));
    std::fs::write(&path, bytes).unwrap();
    let output = Command::new("python3")
        .arg("tests/read_xlsx.py")
        .arg(&path)
        .output()
        .expect("python3 runs (scripts/setup.sh installs openpyxl)");
    assert!(
        output.status.success(),
        "openpyxl could not read the workbook: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    serde_json::from_slice(&output.stdout).unwrap()
}

fn sheet<'a>(book: &'a Value, name: &str) -> &'a Value {
    book["sheets"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["name"] == name)
        .unwrap_or_else(|| panic!("no sheet {name}"))
}

fn names(book: &Value) -> Vec<&str> {
    book["sheets"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["name"].as_str().unwrap())
        .collect()
}

fn header(sheet: &Value) -> Vec<&str> {
    sheet["rows"][0]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["value"].as_str().unwrap())
        .collect()
}

fn column(sheet: &Value, title: &str) -> Vec<Value> {
    let at = header(sheet).iter().position(|h| *h == title).unwrap();
    sheet["rows"].as_array().unwrap()[1..]
        .iter()
        .map(|r| r[at].clone())
        .collect()
}

fn assert_table(sheet: &Value, rows: usize) {
    assert_eq!(
        sheet["frozen"], "A2",
        "{}: the header row is frozen",
        sheet["name"]
    );
    assert!(
        sheet["filter"].as_str().unwrap().starts_with("A1:"),
        "{}: a filter on the header",
        sheet["name"]
    );
    assert_eq!(
        sheet["rows"].as_array().unwrap().len(),
        rows + 1,
        "{}: header and rows",
        sheet["name"]
    );
    for cell in sheet["rows"][0].as_array().unwrap() {
        assert_eq!(cell["bold"], true);
    }
    for row in sheet["rows"].as_array().unwrap() {
        for cell in row.as_array().unwrap() {
            assert_eq!(cell["wrap"], true, "{}: every cell wraps", sheet["name"]);
        }
    }
    assert!(
        !sheet["widths"].as_object().unwrap().is_empty(),
        "column widths are set"
    );
}

#[test]
fn the_action_plan_has_every_recommendation_and_action_in_order_with_dates_and_statuses() {
    let plan = havering();
    let book = read(&workbook(&plan, &request(SheetsKind::ActionPlan, "2020-03-31")).unwrap());
    assert_eq!(names(&book), ["Recommendations", "Actions"]);
    assert_eq!(book["title"], format!("{}: {}", plan.council, plan.title));

    let recs = sheet(&book, "Recommendations");
    assert_table(recs, plan.recommendations.len());
    let numbers: Vec<Value> = plan
        .recommendations
        .iter()
        .map(|r| Value::from(r.number.clone()))
        .collect();
    assert_eq!(
        column(recs, "No.")
            .iter()
            .map(|c| c["value"].clone())
            .collect::<Vec<_>>(),
        numbers
    );

    let actions = sheet(&book, "Actions");
    let all: Vec<_> = plan.actions().collect();
    assert_table(actions, all.len());
    assert_eq!(
        header(actions),
        [
            "No.",
            "Recommendation",
            "Action",
            "Timescale",
            "Due",
            "Leads",
            "Status"
        ]
    );
    let texts: Vec<Value> = column(actions, "Action")
        .into_iter()
        .map(|c| c["value"].clone())
        .collect();
    assert_eq!(
        texts,
        all.iter()
            .map(|(_, a)| Value::from(a.text.clone()))
            .collect::<Vec<_>>()
    );
    // A due date is a real date cell, shown as a date, not text.
    for ((_, action), due) in all.iter().zip(column(actions, "Due")) {
        match action.due_on(day("2020-03-31")) {
            Some(d) => {
                assert_eq!(due["value"]["date"], d.to_string());
                assert_eq!(due["value"]["format"], "d mmmm yyyy");
            }
            None => assert_eq!(due["value"], Value::Null),
        }
    }
    for status in column(actions, "Status") {
        let word = status["value"].as_str().unwrap();
        let known = Status::ALL
            .into_iter()
            .find(|s| s.label() == word)
            .expect("a status in words");
        assert_eq!(status["fill"], status_fill(known), "{word} has its colour");
    }
}

#[test]
fn the_progress_report_has_its_parts_as_at_its_date() {
    let plan = fictional();
    let as_at = "2025-06-30";
    let report = cpc_action_plan::domain::reports::progress_report(
        &plan,
        &ReportOptions::from_pairs(Vec::<(&str, &str)>::new()),
        day(as_at),
    );
    let book = read(&workbook(&plan, &request(SheetsKind::Progress, as_at)).unwrap());
    let mut expected = vec!["Summary", "Recommendations", "Actions"];
    let since_name;
    if let Some((since, _)) = &report.since {
        since_name = format!("Since {}", since.since.format("%-d %b %Y"));
        expected.push(&since_name);
    }
    if !report.highlights.is_empty() {
        expected.push("Key areas of progress");
    }
    expected.push("Milestones");
    assert_eq!(names(&book), expected);

    let summary = sheet(&book, "Summary");
    assert_table(summary, report.status_rows.len() + 2);
    let total = column(summary, "Actions")[report.status_rows.len() - 1]["value"].as_f64();
    assert_eq!(total, Some(report.board.counts.total() as f64));

    let actions = sheet(&book, "Actions");
    let listed: Vec<_> = report.sections.iter().flat_map(|s| &s.actions).collect();
    assert_table(actions, listed.len());
    for (action, (status, overdue)) in listed.iter().zip(
        column(actions, "Status")
            .into_iter()
            .zip(column(actions, "Days overdue")),
    ) {
        assert_eq!(status["value"], action.status.label());
        match action.days_late {
            Some(days) => {
                assert_eq!(overdue["value"].as_f64(), Some(days as f64));
                assert_eq!(overdue["fill"], "F4CDC6");
            }
            None => assert_eq!(overdue["value"], Value::Null),
        }
    }
    let recs = sheet(&book, "Recommendations");
    assert_table(recs, report.sections.len());
    let written: Vec<Value> = column(recs, "Progress to date")
        .into_iter()
        .map(|c| c["value"].clone())
        .collect();
    assert!(
        written
            .iter()
            .any(|w| w.as_str().is_some_and(|w| !w.is_empty())),
        "the narrative is there"
    );
}

#[test]
fn all_actions_lists_every_action_and_a_request_goes_to_the_worker_and_back() {
    let plan = havering();
    let req = request(SheetsKind::AllActions, "2026-11-26");
    assert_eq!(SheetsRequest::from_message(&req.to_message()).unwrap(), req);
    let bytes = answer(&req.to_message(), &export(&plan, None)).unwrap();
    let book = read(&bytes);
    assert_eq!(names(&book), ["All actions"]);
    let sheet = sheet(&book, "All actions");
    assert_table(sheet, plan.actions().count());
    assert_eq!(
        column(sheet, "Action ID")
            .into_iter()
            .map(|c| c["value"].clone())
            .collect::<Vec<_>>(),
        plan.actions()
            .map(|(_, a)| Value::from(a.id.clone()))
            .collect::<Vec<_>>()
    );
}

#[test]
fn bad_requests_and_plans_get_a_message_and_never_a_panic() {
    assert!(answer("not json", "{}")
        .unwrap_err()
        .contains("could not be read"));
    let req = request(SheetsKind::ActionPlan, "2020-01-01").to_message();
    assert!(answer(&req, "{\"format\": 1}")
        .unwrap_err()
        .starts_with("The plan could not be read"));
}

#[test]
fn text_longer_than_a_cell_holds_is_cut_and_says_so() {
    let mut plan = havering();
    let long = "word ".repeat(10_000);
    std::sync::Arc::make_mut(&mut plan.recommendations[0].actions[0]).text = long;
    let book = read(&workbook(&plan, &request(SheetsKind::AllActions, "2020-01-01")).unwrap());
    let first = &column(sheet(&book, "All actions"), "Action")[0]["value"];
    let first = first.as_str().unwrap();
    assert_eq!(first.chars().count(), 32_767);
    assert!(first.ends_with("the plan file has it all)"));
}
