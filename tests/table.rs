//! Starting a plan from a table: Havering's Appendix B as Word puts it on the clipboard
//! (HTML), as tab-separated text and as CSV, and as a Word file, read into the plan the
//! app ships; header guessing; refusals.

mod common;

use cpc_action_plan::domain::table::rows::{recommendation_number, NotReadable};
use cpc_action_plan::domain::table::{draft, guess_columns, Drafted, Field, Mapping, Table};
use cpc_action_plan::domain::{Plan, Status};
use cpc_action_plan::format::table::{read_file, read_paste};

const HTML: &str = include_str!("fixtures/table/havering-appendix-b.html");
const TSV: &str = include_str!("fixtures/table/havering-appendix-b.tsv");
const CSV: &str = include_str!("fixtures/table/havering-appendix-b.csv");

fn counter() -> impl FnMut(&str) -> String {
    let mut n = 0;
    move |prefix: &str| {
        n += 1;
        format!("{prefix}-{n}")
    }
}

fn draft_guessed(table: &Table) -> Drafted {
    draft(table, &Mapping::guessed(table), &mut counter()).expect("a recommendation column")
}

/// The drafted plan holds what the example holds, field for field, for the fields a
/// table holds: numbers, titles, context, groups; each action's text, timescale, due
/// date, leads and status.
fn matches_havering(drafted: &Drafted, with_context: bool) {
    let example: Plan = common::havering();
    assert_eq!(drafted.recommendations.len(), 13);
    assert_eq!(drafted.action_count(), 32);
    for (got, want) in drafted.recommendations.iter().zip(&example.recommendations) {
        assert_eq!(got.number, want.number);
        assert_eq!(got.title, want.title, "recommendation {}", want.number);
        if with_context {
            assert_eq!(got.context, want.context, "recommendation {}", want.number);
        }
        let group = |plan_groups: &[cpc_action_plan::domain::Group], id: &Option<String>| {
            id.as_ref()
                .and_then(|id| plan_groups.iter().find(|g| &g.id == id))
                .map(|g| g.name.clone())
        };
        assert_eq!(
            group(&drafted.groups, &got.group),
            group(&example.groups, &want.group),
            "recommendation {}'s group",
            want.number
        );
        assert_eq!(
            got.actions.len(),
            want.actions.len(),
            "recommendation {}",
            want.number
        );
        for (a, b) in got.actions.iter().zip(&want.actions) {
            assert_eq!(a.text, b.text);
            assert_eq!(a.timescale, b.timescale, "{}", b.id);
            assert_eq!(a.due, b.due, "{}", b.id);
            assert_eq!(a.leads, b.leads, "{}", b.id);
            assert_eq!(a.status, b.status, "{}", b.id);
        }
    }
    // Recommendation 11's fourth paragraph ("Are there other live examples we can add?")
    // has no timescale or lead beside it, where the timescale and lead cells line up with
    // each other: it is shown as not placed, not made an action.
    assert_eq!(drafted.not_placed.len(), 1);
    // Only recommendation 3's two leads for four actions is left to check.
    assert_eq!(
        drafted
            .checks
            .iter()
            .map(|c| c.reason.as_str())
            .collect::<Vec<_>>(),
        ["has 4 actions but 2 leads: they were matched in order"]
    );
    assert_eq!(
        drafted.not_placed[0].text,
        "Are there other live examples we can add?"
    );
}

#[test]
fn havering_appendix_b_pasted_from_word_gives_the_example_plan() {
    let read = read_paste(HTML, "").expect("a table");
    assert_eq!(read.tables.len(), 1);
    assert!(!read.cut);
    let table = &read.tables[0];
    let (header, fields) = guess_columns(table);
    assert!(header);
    assert_eq!(
        fields,
        [
            Field::Number,
            Field::Recommendation,
            Field::Action,
            Field::Timescale,
            Field::Lead
        ]
    );
    let drafted = draft_guessed(table);
    matches_havering(&drafted, true);
    let example = common::havering();
    assert_eq!(
        drafted
            .groups
            .iter()
            .map(|g| (&g.id, &g.name))
            .collect::<Vec<_>>(),
        example
            .groups
            .iter()
            .map(|g| (&g.id, &g.name))
            .collect::<Vec<_>>()
    );
}

#[test]
fn havering_as_tab_separated_text_and_as_csv_gives_the_same_plan() {
    let pasted = read_paste("", TSV).expect("a table");
    matches_havering(&draft_guessed(&pasted.tables[0]), true);
    let from_tsv = read_file("appendix-b.tsv", TSV.as_bytes()).expect("a table");
    matches_havering(&draft_guessed(&from_tsv.tables[0]), true);
    let from_csv = read_file("appendix-b.csv", CSV.as_bytes()).expect("a table");
    matches_havering(&draft_guessed(&from_csv.tables[0]), true);
}

#[test]
fn the_plan_a_table_gives_is_one_the_format_accepts() {
    let read = read_paste(HTML, "").unwrap();
    let drafted = draft_guessed(&read.tables[0]);
    let mut plan = cpc_action_plan::domain::templates::new_plan(
        "p".into(),
        "London Borough of Havering".into(),
        "Action plan".into(),
        cpc_action_plan::domain::ReviewKind::CorporatePeerChallenge,
        cpc_action_plan::domain::templates::ThemeSet::Core2024,
    );
    plan.groups = drafted.groups.clone();
    plan.recommendations = drafted.recommendations.clone();
    assert_eq!(cpc_action_plan::domain::validate::validate(&plan), vec![]);
    let file = cpc_action_plan::format::export(&plan, None);
    let back = cpc_action_plan::format::import(&file).expect("the format reads it");
    assert_eq!(back.plan, plan);
}

#[test]
fn header_words_councils_use_are_guessed() {
    use cpc_action_plan::domain::table::columns::guess;
    for (words, field) in [
        ("No.", Field::Number),
        ("Ref", Field::Number),
        ("Rec no.", Field::Number),
        ("Recommendation", Field::Recommendation),
        ("Peer challenge recommendation", Field::Recommendation),
        (
            "LGA Draft Peer Challenge Review Recommendation",
            Field::Recommendation,
        ),
        ("Comment/Action", Field::Action),
        ("Action", Field::Action),
        ("Actions", Field::Action),
        ("Timescale", Field::Timescale),
        ("Target date", Field::Timescale),
        ("Lead", Field::Lead),
        ("Responsible officer", Field::Lead),
        ("Lead Thematic Steering Group/SLT Officer", Field::Lead),
        ("Status", Field::Status),
        ("RAG", Field::Status),
        ("Progress", Field::Status),
        ("Theme", Field::Group),
        ("Notes", Field::Ignored),
        ("", Field::Ignored),
    ] {
        assert_eq!(guess(words), field, "{words:?}");
    }
}

#[test]
fn numbers_are_read_however_they_are_written() {
    for (written, number) in [
        ("1", "1"),
        ("1.", "1"),
        ("R1", "1"),
        ("Recommendation 1", "1"),
        ("Rec. 12", "12"),
        ("3.2", "3"),
        ("A", "A"),
    ] {
        assert_eq!(recommendation_number(written), number, "{written:?}");
    }
}

/// An Excel-shaped table: an action a row, the recommendation repeated or left empty,
/// statuses in words.
const EXCEL: &str = "<table><tr><td>Ref</td><td>Recommendation</td><td>Action</td><td>Target date</td><td>Responsible officer</td><td>RAG</td></tr>\
<tr><td>R1</td><td>Build momentum</td><td>Hold staff events</td><td>March 2020</td><td>Head of HR</td><td>Green</td></tr>\
<tr><td></td><td></td><td>Publish the plan</td><td>April 2020</td><td>Head of Policy</td><td>Completed</td></tr>\
<tr><td>R2</td><td>Sharpen decisions</td><td>Review forward plan</td><td>On-going</td><td>COO</td><td>Amber</td></tr>\
<tr><td>R2</td><td>Sharpen decisions</td><td>Train members</td><td>June 2020</td><td>COO</td><td>Purple</td></tr></table>";

#[test]
fn statuses_in_words_are_mapped_and_the_officer_can_change_them() {
    let read = read_paste(EXCEL, "").unwrap();
    let table = &read.tables[0];
    let drafted = draft_guessed(table);
    assert_eq!(drafted.recommendations.len(), 2);
    let statuses: Vec<Status> = drafted
        .recommendations
        .iter()
        .flat_map(|r| r.actions.iter().map(|a| a.status))
        .collect();
    assert_eq!(
        statuses,
        [
            Status::OnTrack,
            Status::Completed,
            Status::AtRisk,
            Status::NotStarted
        ]
    );
    let purple = drafted
        .status_words
        .iter()
        .find(|w| w.key == "purple")
        .unwrap();
    assert!(!purple.known);
    let (header_row, fields) = guess_columns(table);
    let mut mapping = Mapping {
        header_row,
        fields,
        ..Mapping::default()
    };
    mapping.statuses.insert("purple".into(), Status::Cancelled);
    mapping.statuses.insert("green".into(), Status::Completed);
    let again = draft(table, &mapping, &mut counter()).unwrap();
    let last = &again.recommendations[1].actions[1];
    assert_eq!(last.status, Status::Cancelled);
    assert_eq!(
        again.recommendations[0].actions[0].status,
        Status::Completed
    );
    assert_eq!(
        again.recommendations[1].actions[1].due.unwrap().to_string(),
        "2020-06-30"
    );
}

#[test]
fn a_table_with_no_recommendation_column_asks_the_officer_to_choose() {
    let read = read_paste(
        "<table><tr><td>Notes</td><td>Other</td></tr><tr><td>a</td><td>b</td></tr></table>",
        "",
    )
    .unwrap();
    let (header, fields) = guess_columns(&read.tables[0]);
    assert!(!header);
    let mapping = Mapping {
        header_row: header,
        fields,
        ..Mapping::default()
    };
    assert_eq!(
        draft(&read.tables[0], &mapping, &mut counter()),
        Err(NotReadable::NoRecommendationColumn)
    );
}

#[test]
fn a_paste_without_a_table_says_what_it_found() {
    let reason = read_paste(
        "<p>Appendix B: the action plan</p><p>Second</p>",
        "Appendix B: the action plan\nSecond",
    )
    .unwrap_err();
    assert!(reason.contains("no table"), "{reason}");
    assert!(
        reason.contains("2 paragraphs of text, starting “Appendix B: the action plan"),
        "{reason}"
    );
    let picture = read_paste("<img src=\"x.png\">", "").unwrap_err();
    assert!(picture.contains("1 picture"), "{picture}");
    assert!(read_paste("", "").unwrap_err().contains("empty"));
}

#[test]
fn files_that_are_not_what_their_names_say_are_refused_with_a_reason() {
    let not_zip = read_file("plan.docx", b"No.\tAction").unwrap_err();
    assert!(not_zip.contains("is not a Word document"), "{not_zip}");
    assert!(not_zip.contains("plain text"), "{not_zip}");
    let pdf = read_file("plan.docx", b"%PDF-1.4").unwrap_err();
    assert!(pdf.contains("is a PDF"), "{pdf}");
    let zip = cpc_action_plan::format::zip::zip_stored(&[("a.txt", b"x")]);
    let not_word = read_file("plan.docx", &zip).unwrap_err();
    assert!(not_word.contains("not a Word document"), "{not_word}");
    let workbook = read_file("plan.csv", &zip).unwrap_err();
    assert!(workbook.contains("is not a text file"), "{workbook}");
    let xlsx = read_file("plan.xlsx", &zip).unwrap_err();
    assert!(xlsx.contains("not an Excel workbook"), "{xlsx}");
    let csv_as_xlsx = read_file("plan.xlsx", b"No.,Action").unwrap_err();
    assert!(
        csv_as_xlsx.contains("is not an Excel workbook"),
        "{csv_as_xlsx}"
    );
    let other = read_file("plan.pdf", b"%PDF").unwrap_err();
    assert!(other.contains("not a file this page reads"), "{other}");
    let no_table = read_file("notes.csv", b"just one line\nand another").unwrap_err();
    assert!(no_table.contains("no line has two cells"), "{no_table}");
}

#[test]
fn windows_csv_from_excel_is_read() {
    // "Council’s" saved by Excel on Windows: the apostrophe is byte 0x92.
    let bytes = b"No.,Recommendation,Action\r\n1,The council\x92s plan,Do it\r\n";
    let read = read_file("plan.csv", bytes).unwrap();
    let drafted = draft_guessed(&read.tables[0]);
    assert_eq!(drafted.recommendations[0].title, "The council’s plan");
}

#[test]
fn a_word_document_made_by_the_apps_own_writer_reads_back_as_the_plan() {
    use cpc_action_plan::domain::reports::ReportOptions;
    use cpc_action_plan::format::docx::{action_plan_docx, Heading};
    let example = common::havering();
    let options = ReportOptions {
        include_completed: true,
        ..ReportOptions::default()
    };
    let heading = Heading {
        report: "Action plan",
        committee: "Overview and Scrutiny Board",
        meeting: None,
        as_at: common::d(2019, 9, 4),
    };
    let bytes = action_plan_docx(&example, &options, &heading);
    let read = read_file("Havering action plan.docx", &bytes).expect("a table");
    assert_eq!(read.tables.len(), 1);
    let drafted = draft_guessed(&read.tables[0]);
    assert_eq!(drafted.recommendations.len(), 13);
    for (got, want) in drafted.recommendations.iter().zip(&example.recommendations) {
        assert_eq!(got.number, want.number);
        assert_eq!(got.title, want.title);
        assert_eq!(got.actions.len(), want.actions.len());
        assert_eq!(got.context, want.context);
        for (a, b) in got.actions.iter().zip(&want.actions) {
            assert_eq!(
                (&a.text, &a.timescale, &a.leads, a.status, a.due),
                (&b.text, &b.timescale, &b.leads, b.status, b.due)
            );
        }
    }
    assert!(drafted.not_placed.is_empty());
}

mod never_panics {
    use super::*;
    use cpc_action_plan::domain::table::Field;
    use proptest::prelude::*;

    /// Tag soup made of the pieces the readers look for, so the table code runs, not
    /// only the refusal.
    fn soup() -> impl Strategy<Value = String> {
        let piece = prop_oneof![
            Just("<table>".to_string()),
            Just("</table>".to_string()),
            Just("<tr>".to_string()),
            Just("</tr>".to_string()),
            Just("<td>".to_string()),
            Just("</td>".to_string()),
            Just("<th colspan=3>".to_string()),
            Just("<td rowspan=\"4\">".to_string()),
            Just("<td rowspan=99999999999>".to_string()),
            Just("<p>".to_string()),
            Just("</p>".to_string()),
            Just("<br>".to_string()),
            Just("<b>".to_string()),
            Just("</b>".to_string()),
            Just("<i style='font-style:normal'>".to_string()),
            Just("<!--".to_string()),
            Just("<script>".to_string()),
            Just("&#x110000;".to_string()),
            Just("&amp".to_string()),
            Just("\t".to_string()),
            Just("\n".to_string()),
            Just("\"".to_string()),
            Just("OPPORTUNITIES".to_string()),
            Just("R1".to_string()),
            Just("<w:tbl>".to_string()),
            Just("<w:tr>".to_string()),
            Just("<w:tc>".to_string()),
            Just("<w:vMerge/>".to_string()),
            Just("<w:gridSpan w:val=\"7\"/>".to_string()),
            Just("<w:p>".to_string()),
            Just("<w:t>".to_string()),
            Just("</w:tc>".to_string()),
            Just("</w:tbl>".to_string()),
            Just("<row r=\"3\">".to_string()),
            Just("<c r=\"B3\" t=\"s\" s=\"1\">".to_string()),
            Just("<v>".to_string()),
            Just("<si><t>".to_string()),
            Just("<mergeCell ref=\"A1:ZZ99999\"/>".to_string()),
            Just("<xf numFmtId=\"14\"/>".to_string()),
            "\\PC{0,12}",
        ];
        prop::collection::vec(piece, 0..80).prop_map(|v| v.concat())
    }

    fn fields() -> impl Strategy<Value = Vec<Field>> {
        prop::collection::vec(prop::sample::select(Field::ALL.to_vec()), 0..8)
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(128))]

        #[test]
        fn reading_and_drafting_any_paste_never_panics(html in soup(), text in soup(), fields in fields(), header_row: bool) {
            if let Ok(read) = read_paste(&html, &text) {
                for table in &read.tables {
                    let (guessed_header, guessed) = guess_columns(table);
                    for mapping in [
                        Mapping { header_row: guessed_header, fields: guessed, ..Mapping::default() },
                        Mapping { header_row, fields: fields.clone(), ..Mapping::default() },
                    ] {
                        if let Ok(drafted) = draft(table, &mapping, &mut counter()) {
                            prop_assert!(drafted.recommendations.iter().all(|r| !r.title.trim().is_empty()));
                        }
                    }
                }
            }
        }

        #[test]
        fn reading_any_file_never_panics(bytes in prop::collection::vec(any::<u8>(), 0..400), soup in soup(), ending in prop::sample::select(vec!["docx", "csv", "tsv", "html", "xlsx", "doc", "txt", ""])) {
            let name = format!("file.{ending}");
            let _ = read_file(&name, &bytes);
            let _ = read_file(&name, soup.as_bytes());
            // A zip whose document is tag soup.
            let zip = cpc_action_plan::format::zip::zip_stored(&[("word/document.xml", soup.as_bytes())]);
            let _ = read_file("file.docx", &zip);
            let workbook = cpc_action_plan::format::zip::zip_stored(&[
                ("xl/worksheets/sheet1.xml", soup.as_bytes()),
                ("xl/sharedStrings.xml", soup.as_bytes()),
                ("xl/styles.xml", soup.as_bytes()),
            ]);
            if let Ok(read) = read_file("file.xlsx", &workbook) {
                for table in &read.tables {
                    let _ = draft(table, &Mapping::guessed(table), &mut counter());
                }
            }
            // And the same zip cut short or damaged.
            let cut = zip.len().saturating_sub(bytes.len() % 64);
            let _ = read_file("file.docx", &zip[..cut]);
            let mut damaged = zip.clone();
            for (i, b) in bytes.iter().enumerate().take(16) {
                let at = (usize::from(*b) * 7 + i * 131) % damaged.len().max(1);
                if let Some(x) = damaged.get_mut(at) { *x = b.wrapping_add(i as u8); }
            }
            let _ = read_file("file.docx", &damaged);
        }
    }
}

#[test]
fn recommendations_from_a_table_are_added_after_a_plans_own_with_its_groups_reused() {
    use cpc_action_plan::domain::table::{added_to, plan_from_table};
    let html = "<table><tr><th>No.</th><th>Recommendation</th><th>Action</th><th>Lead</th></tr>\
        <tr><td>14</td><td>Keep going</td><td>Report yearly</td><td><p>PLACE</p><p>CE</p></td></tr>\
        <tr><td>15</td><td>Look outward</td><td>Join networks</td><td><p>PARTNERS</p><p>CE</p></td></tr></table>";
    let read = read_paste(html, "").unwrap();
    let drafted = draft_guessed(&read.tables[0]);
    let havering = common::havering();
    let plan = added_to(&havering, &drafted);
    assert_eq!(plan.recommendations.len(), 15);
    assert_eq!(plan.recommendations[13].group.as_deref(), Some("place"));
    assert_eq!(plan.groups.len(), havering.groups.len() + 1);
    assert_eq!(plan.recommendations[14].group.as_deref(), Some("partners"));
    assert_eq!(cpc_action_plan::domain::validate::validate(&plan), vec![]);
    let new = plan_from_table("p".into(), "A council".into(), "A plan".into(), &drafted);
    assert_eq!(new.recommendations.len(), 2);
    assert!(new.draft);
    assert_eq!(cpc_action_plan::domain::validate::validate(&new), vec![]);
}

#[test]
fn one_short_cell_beside_the_actions_is_matched_in_order_and_flagged() {
    // Havering's recommendation 3 without its timescales: four actions, two leads.
    let html = "<table><tr><th>No.</th><th>Recommendation</th><th>Action</th><th>Lead</th></tr>\
        <tr><td>3</td><td>One team</td><td><p>A</p><p>B</p><p>C</p><p>D</p></td><td><p>CE</p><p>SLT</p></td></tr></table>";
    let drafted = draft_guessed(&read_paste(html, "").unwrap().tables[0]);
    let leads: Vec<Vec<String>> = drafted.recommendations[0]
        .actions
        .iter()
        .map(|a| a.leads.clone())
        .collect();
    assert_eq!(
        leads,
        [vec!["CE".to_string()], vec!["SLT".into()], vec![], vec![]]
    );
    assert!(drafted.not_placed.is_empty());
    assert_eq!(drafted.checks.len(), 1);
    assert!(drafted.checks[0]
        .reason
        .contains("has 4 actions but 2 leads: they were matched in order"));
}

#[test]
fn a_heading_row_across_the_table_groups_the_recommendations_below_it() {
    let html = "<table><tr><th>No.</th><th>Recommendation</th><th>Action</th><th>Lead</th></tr>\
        <tr><td colspan=4><b>Leadership of place</b></td></tr>\
        <tr><td>1</td><td>Lead the place</td><td>Hold a summit</td><td>CE</td></tr>\
        <tr><td>2</td><td>Work with partners</td><td>Meet monthly</td><td><p>PARTNERSHIPS</p><p>CE</p></td></tr>\
        <tr><td colspan=4>Finance</td></tr>\
        <tr><td>3</td><td>Balance the budget</td><td>Set the MTFS</td><td>S151 officer</td></tr></table>";
    let drafted = draft_guessed(&read_paste(html, "").unwrap().tables[0]);
    let groups: Vec<Option<String>> = drafted
        .recommendations
        .iter()
        .map(|r| r.group.clone())
        .collect();
    assert_eq!(
        groups,
        [
            Some("leadership-of-place".to_string()),
            Some("leadership-of-place".to_string()),
            Some("finance".to_string())
        ],
        "a heading row's group comes before a capitalised lead paragraph"
    );
    assert_eq!(drafted.recommendations[1].actions[0].leads, ["CE"]);
    assert!(drafted.checks.is_empty() && drafted.not_placed.is_empty());
}

#[test]
fn havering_as_an_excel_workbook_with_merged_cells_gives_the_same_plan() {
    let bytes = include_bytes!("fixtures/table/havering-appendix-b.xlsx");
    let read = read_file("Appendix B.xlsx", bytes).expect("a table");
    assert_eq!(read.tables.len(), 1);
    let table = &read.tables[0];
    // A title above the table, then a blank row: the headings are found under them.
    assert_eq!(table.rows[0][0].text(), "Appendix B: the action plan");
    assert_eq!(Mapping::guessed(table).start, 2);
    matches_havering(&draft_guessed(table), true);
}

#[test]
fn a_recommendation_under_an_empty_number_cell_is_kept_and_numbered_to_check() {
    let html = "<table><tr><th>No.</th><th>Recommendation</th><th>Action</th></tr>\
        <tr><td>1</td><td>First</td><td>Do one</td></tr>\
        <tr><td></td><td></td><td>Do two</td></tr>\
        <tr><td></td><td>Second, unnumbered</td><td>Do three</td></tr></table>";
    let drafted = draft_guessed(&read_paste(html, "").unwrap().tables[0]);
    let recs: Vec<(&str, &str, usize)> = drafted
        .recommendations
        .iter()
        .map(|r| (r.number.as_str(), r.title.as_str(), r.actions.len()))
        .collect();
    assert_eq!(recs, [("1", "First", 2), ("2", "Second, unnumbered", 1)]);
    assert_eq!(drafted.checks.len(), 1);
    assert_eq!(drafted.checks[0].row, 4);
    assert!(drafted.checks[0]
        .reason
        .contains("has no number: it is numbered 2"));
}

#[test]
fn headings_repeated_down_the_table_are_passed_over() {
    let html = "<table><tr><th>No.</th><th>Recommendation</th><th>Action</th></tr>\
        <tr><td>1</td><td>First</td><td>Do one</td></tr>\
        <tr><th>No.</th><th>Recommendation</th><th>Action</th></tr>\
        <tr><td>2</td><td>Second</td><td>Do two</td></tr></table>";
    let drafted = draft_guessed(&read_paste(html, "").unwrap().tables[0]);
    assert_eq!(drafted.recommendations.len(), 2);
    assert!(drafted.checks.is_empty() && drafted.not_placed.is_empty());
}

/// A plan whose group "Place and economy" has the id `place`, and a table with groups
/// "Place and economy" and "Place": each table group's recommendations land in their own
/// group, never carried on into another whose id the first one took.
#[test]
fn added_recommendations_keep_their_own_groups_when_ids_cross() {
    use cpc_action_plan::domain::table::added_to;
    use cpc_action_plan::domain::Group;
    let mut plan = common::havering();
    plan.groups = vec![Group {
        id: "place".into(),
        name: "Place and economy".into(),
    }];
    for rec in &mut plan.recommendations {
        rec.group = None;
    }
    let mut first = plan.recommendations[0].clone();
    first.id = "t1".into();
    first.number = "14".into();
    first.group = Some("place-and-economy".into());
    first.actions.clear();
    let mut second = first.clone();
    second.id = "t2".into();
    second.number = "15".into();
    second.group = Some("place".into());
    let drafted = Drafted {
        recommendations: vec![first, second],
        groups: vec![
            Group {
                id: "place-and-economy".into(),
                name: "Place and economy".into(),
            },
            Group {
                id: "place".into(),
                name: "Place".into(),
            },
        ],
        ..Drafted::default()
    };
    let added = added_to(&plan, &drafted);
    let group_of = |id: &str| {
        let rec = added.recommendations.iter().find(|r| r.id == id).unwrap();
        let group = rec.group.as_deref().unwrap();
        added
            .groups
            .iter()
            .find(|g| g.id == group)
            .unwrap()
            .name
            .clone()
    };
    assert_eq!(group_of("t1"), "Place and economy");
    assert_eq!(group_of("t2"), "Place");
}
