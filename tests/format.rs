//! plan-format-v1: the Havering example, every rule of the format, and every message.

use cpc_action_plan::domain::{Response, Status};
use cpc_action_plan::format::{export, file_name, import, import_bytes, Problem};
use cpc_action_plan::EXAMPLE_PLAN;
use serde_json::{json, Value};

fn example() -> Value {
    serde_json::from_str(EXAMPLE_PLAN).unwrap()
}

/// Applies an edit to the example and imports the result.
fn import_edited(
    edit: impl FnOnce(&mut Value),
) -> Result<cpc_action_plan::format::Imported, Vec<Problem>> {
    let mut value = example();
    edit(&mut value);
    import(&value.to_string())
}

fn set(pointer: &str, new: Value) -> impl FnOnce(&mut Value) + '_ {
    move |v: &mut Value| {
        *v.pointer_mut(pointer)
            .unwrap_or_else(|| panic!("no {pointer}")) = new
    }
}

fn remove(pointer: &str) -> impl FnOnce(&mut Value) + '_ {
    move |v: &mut Value| {
        let (parent, key) = pointer.rsplit_once('/').unwrap();
        v.pointer_mut(parent)
            .unwrap()
            .as_object_mut()
            .unwrap()
            .remove(key)
            .expect(pointer);
    }
}

#[test]
fn havering_example_imports_with_all_its_recommendations_and_actions() {
    let imported = import(EXAMPLE_PLAN).expect("the example follows the format");
    let plan = &imported.plan;
    assert_eq!(plan.id, "havering-cpc-2019");
    assert_eq!(plan.council, "London Borough of Havering");
    assert_eq!(plan.recommendations.len(), 13);
    assert_eq!(plan.actions().count(), 32);
    assert_eq!(plan.review.peer_team.len(), 8);
    assert_eq!(plan.themes.len(), 8);
    assert_eq!(plan.milestones.len(), 3);
    assert!(imported.warnings.is_empty(), "{:?}", imported.warnings);
    assert_eq!(imported.exported_at, None);
}

#[test]
fn export_writes_exactly_the_example_file_back() {
    let plan = import(EXAMPLE_PLAN).unwrap().plan;
    let written: Value = serde_json::from_str(&export(&plan, None)).unwrap();
    assert_eq!(written, example());
}

#[test]
fn export_then_import_gives_an_equal_plan() {
    let plan = import(EXAMPLE_PLAN).unwrap().plan;
    let file = export(&plan, Some("2026-11-23T16:00:00Z"));
    let again = import(&file).unwrap();
    assert_eq!(again.plan, plan);
    assert_eq!(again.exported_at.as_deref(), Some("2026-11-23T16:00:00Z"));
    assert!(file.starts_with(
        "{\n  \"format\": \"cpc-action-plan\",\n  \"version\": 1,\n  \"exported_at\""
    ));
}

#[test]
fn optional_fields_round_trip_when_present() {
    let imported = import_edited(|v| {
        let plan = v.pointer_mut("/plan").unwrap();
        plan["review"]["report_received"] = json!("2019-04-10");
        plan["review"]["plan_approved"] = json!({"date": "2019-05-15", "by": "Cabinet"});
        plan["review"]["engagement"] = json!({"people": 250, "meetings": 60, "hours": 320});
        plan["findings"] = json!(["A council that knows its place."]);
        plan["recommendations"][1]["response"] = json!("not_accepted");
        plan["recommendations"][1]["response_reason"] = json!("Already covered by the Local Plan.");
        plan["recommendations"][0]["actions"][6]["status"] = json!("at_risk");
        plan["recommendations"][0]["actions"][6]["updates"] = json!([
            {"id": "u1", "date": "2019-09-01", "status": "at_risk", "note": "Slipping <b>badly</b>", "author": "AD Policy"}
        ]);
        plan["recommendations"][0]["actions"][6]["links"] = json!([
            {"title": "Cabinet paper", "url": "https://democracy.havering.gov.uk/ieListDocuments.aspx?CId=157"}
        ]);
    })
    .unwrap();
    let plan = &imported.plan;
    let rec = &plan.recommendations[1];
    assert_eq!(rec.response, Response::NotAccepted);
    let action = &plan.recommendations[0].actions[6];
    assert_eq!(action.status, Status::AtRisk);
    assert_eq!(action.updates[0].note, "Slipping <b>badly</b>");
    assert_eq!(import(&export(plan, None)).unwrap().plan, *plan);
}

#[test]
fn a_byte_order_mark_is_accepted() {
    let with_bom = format!("\u{feff}{EXAMPLE_PLAN}");
    assert_eq!(import(&with_bom).unwrap().plan.recommendations.len(), 13);
    assert!(import_bytes(with_bom.as_bytes()).is_ok());
}

#[test]
fn unknown_fields_are_warnings_not_problems() {
    let imported = import_edited(|v| {
        v["colour"] = json!("blue");
        v["plan"]["recommendations"][2]["actions"][0]["rag"] = json!("G");
    })
    .unwrap();
    assert_eq!(
        imported.warnings,
        vec![
            Problem::new(
                "colour",
                "is not part of the plan format, so it was ignored"
            ),
            Problem::new(
                "plan.recommendations[2].actions[0].rag",
                "is not part of the plan format, so it was ignored"
            ),
        ]
    );
}

/// Files that are not plan files at all: one problem, about the file as a whole.
#[test]
fn files_that_are_not_plan_files_say_why() {
    let cases: &[(&[u8], &str, &str)] = &[
        (b"", "file", "is empty"),
        (b"   \n ", "file", "is empty"),
        (
            b"{\"format\": ",
            "file",
            "is not complete JSON: it ends too soon",
        ),
        (b"{format: 1}", "file", "is not JSON: at line 1 column 2"),
        (b"Recommendation,Action\n1,Do it", "file", "is not JSON"),
        (b"[1, 2, 3]", "file", "is a list of JSON, not a plan file"),
        (b"\"plan\"", "file", "is text of JSON, not a plan file"),
        (b"{}", "format", "is missing: this is not a plan file"),
        (
            b"{\"format\": \"todo-list\", \"version\": 1}",
            "format",
            "is \"todo-list\": this is not a plan file",
        ),
        (
            b"{\"format\": 7}",
            "format",
            "is a number: this is not a plan file",
        ),
        (
            b"{\"format\": \"cpc-action-plan\"}",
            "version",
            "is missing",
        ),
        (
            b"{\"format\": \"cpc-action-plan\", \"version\": 2, \"plan\": {}}",
            "version",
            "made by a newer version of the app (v2)",
        ),
        (
            b"{\"format\": \"cpc-action-plan\", \"version\": 0}",
            "version",
            "must be a whole number, 1",
        ),
        (
            b"{\"format\": \"cpc-action-plan\", \"version\": 1.5}",
            "version",
            "must be a whole number",
        ),
        (
            b"{\"format\": \"cpc-action-plan\", \"version\": \"1\"}",
            "version",
            "is text",
        ),
        (
            b"{\"format\": \"cpc-action-plan\", \"version\": 1}",
            "plan",
            "is missing",
        ),
        (
            b"{\"format\": \"cpc-action-plan\", \"version\": 1, \"plan\": []}",
            "plan",
            "should be the plan (a set of named fields), not a list",
        ),
        (
            b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR",
            "file",
            "is not a text file: byte 1 is not UTF-8",
        ),
    ];
    for (bytes, path, reason) in cases {
        let problems = import_bytes(bytes).expect_err(&String::from_utf8_lossy(bytes));
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert_eq!(problems[0].path, *path, "{problems:?}");
        assert!(
            problems[0].reason.contains(reason),
            "{:?} should say {reason:?}",
            problems[0].reason
        );
    }
}

#[test]
fn deep_nesting_is_refused_not_a_crash() {
    let deep = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
    let problems = import(&deep).unwrap_err();
    assert!(
        problems[0].reason.contains("nested too deeply"),
        "{problems:?}"
    );
    let deep_in_plan = format!(
        "{{\"format\":\"cpc-action-plan\",\"version\":1,\"plan\":{}1{}}}",
        "{\"a\":".repeat(500),
        "}".repeat(500)
    );
    assert!(import(&deep_in_plan).is_err());
}

/// Each rule of the format, broken once in the example: the place and the reason.
#[test]
fn each_rule_is_checked_with_its_place_and_reason() {
    type Edit = Box<dyn FnOnce(&mut Value)>;
    let cases: Vec<(Edit, &str, &str)> = vec![
        (Box::new(|v: &mut Value| v["exported_at"] = json!("yesterday")), "exported_at", "not a date and time"),
        (Box::new(set("/plan/id", json!(""))), "plan.id", "is empty: every plan needs an id"),
        (Box::new(remove("/plan/council")), "plan.council", "is missing: a plan needs the council's name"),
        (Box::new(set("/plan/council", json!("  "))), "plan.council", "is empty"),
        (Box::new(set("/plan/title", json!(12))), "plan.title", "should be text, not a number"),
        (Box::new(remove("/plan/review")), "plan.review", "is missing"),
        (Box::new(set("/plan/review/kind", json!("inspection"))), "plan.review.kind", "is \"inspection\", which is not a kind of review"),
        (Box::new(remove("/plan/review/kind")), "plan.review.kind", "is missing"),
        (Box::new(set("/plan/review/onsite_from", json!("26/02/2019"))), "plan.review.onsite_from", "is \"26/02/2019\", which is not a date: write dates as YYYY-MM-DD"),
        (Box::new(set("/plan/review/onsite_to", json!("2019-02-25"))), "plan.review.onsite_to", "is before onsite_from"),
        (Box::new(set("/plan/review/onsite_to", json!("2019-02-30"))), "plan.review.onsite_to", "which is not a date"),
        (Box::new(set("/plan/review/peer_team/2/name", json!(""))), "plan.review.peer_team[2].name", "is empty: each member of the peer team needs a name"),
        (Box::new(set("/plan/review/peer_team/0", json!("Alan Jarrett"))), "plan.review.peer_team[0]", "should be a member of the peer team (a set of named fields), not text"),
        (Box::new(set("/plan/review/peer_team", json!({}))), "plan.review.peer_team", "should be a list"),
        (
            Box::new(|v: &mut Value| v["plan"]["review"]["engagement"] = json!({"people": -3})),
            "plan.review.engagement.people",
            "should be a whole number of 0 or more, not -3",
        ),
        (
            Box::new(|v: &mut Value| v["plan"]["review"]["plan_approved"] = json!({"by": "Cabinet"})),
            "plan.review.plan_approved.date",
            "is missing: say when the plan was approved",
        ),
        (Box::new(set("/plan/themes/1/id", json!("core-place"))), "plan.themes[1].id", "is \"core-place\", the same id as plan.themes[0]: each theme needs its own id"),
        (Box::new(set("/plan/themes/0/kind", json!("extra"))), "plan.themes[0].kind", "a theme is either \"core\" or \"additional\""),
        (Box::new(remove("/plan/themes/0/title")), "plan.themes[0].title", "is missing: every theme needs a title"),
        (Box::new(set("/plan/groups/0/name", json!(null))), "plan.groups[0].name", "is missing: every group needs a name"),
        (Box::new(set("/plan/groups/2/id", json!("opportunities"))), "plan.groups[2].id", "the same id as plan.groups[0]"),
        (Box::new(set("/plan/findings", json!(["fine", 3]))), "plan.findings[1]", "should be text, not a number"),
        (Box::new(set("/plan/recommendations/1/id", json!("r1"))), "plan.recommendations[1].id", "the same id as plan.recommendations[0]: each recommendation needs its own id"),
        (Box::new(remove("/plan/recommendations/4/number")), "plan.recommendations[4].number", "is missing: every recommendation needs its number"),
        (Box::new(set("/plan/recommendations/4/number", json!(5))), "plan.recommendations[4].number", "should be text, not a number"),
        (Box::new(set("/plan/recommendations/0/title", json!(""))), "plan.recommendations[0].title", "is empty: every recommendation needs its title, in the peer team's words"),
        (Box::new(set("/plan/recommendations/0/response", json!("rejected"))), "plan.recommendations[0].response", "is \"rejected\": use accepted, partly_accepted or not_accepted"),
        (Box::new(set("/plan/recommendations/0/response", json!("not_accepted"))), "plan.recommendations[0].response_reason", "is missing: a recommendation that is not accepted needs the council's reason"),
        (Box::new(set("/plan/recommendations/0/response", json!("partly_accepted"))), "plan.recommendations[0].response_reason", "partly accepted needs the council's reason"),
        (Box::new(set("/plan/recommendations/0/themes/0", json!("core-nowhere"))), "plan.recommendations[0].themes[0]", "names the theme \"core-nowhere\", which is not one of this plan's themes"),
        (Box::new(set("/plan/recommendations/0/group", json!("PEOPLE"))), "plan.recommendations[0].group", "names the group \"PEOPLE\", which is not one of this plan's groups"),
        (Box::new(set("/plan/recommendations/0/group", json!(["opportunities"]))), "plan.recommendations[0].group", "should be a group's id or null, not a list"),
        (Box::new(set("/plan/recommendations/0/actions", json!("none"))), "plan.recommendations[0].actions", "should be a list, not text"),
        (Box::new(set("/plan/recommendations/3/actions/0/id", json!("r1-a1"))), "plan.recommendations[3].actions[0].id", "the same id as plan.recommendations[0].actions[0]: each action needs its own id"),
        (Box::new(remove("/plan/recommendations/3/actions/0/text")), "plan.recommendations[3].actions[0].text", "is missing: every action needs its text"),
        (Box::new(set("/plan/recommendations/4/actions/0/due", json!("31 December 2019"))), "plan.recommendations[4].actions[0].due", "is \"31 December 2019\", which is not a date"),
        (Box::new(set("/plan/recommendations/4/actions/0/due", json!(20191231))), "plan.recommendations[4].actions[0].due", "should be a date written as YYYY-MM-DD, not a number"),
        (Box::new(set("/plan/recommendations/4/actions/0/status", json!("done"))), "plan.recommendations[4].actions[0].status", "is \"done\", which is not a status: use one of not_started, on_track, at_risk, off_track, completed, ongoing, cancelled"),
        (Box::new(remove("/plan/recommendations/4/actions/0/status")), "plan.recommendations[4].actions[0].status", "is missing: every action needs a status"),
        (Box::new(set("/plan/recommendations/4/actions/0/leads", json!("CLT"))), "plan.recommendations[4].actions[0].leads", "should be a list, not text"),
        (Box::new(set("/plan/recommendations/4/actions/0/leads", json!(["CLT", null]))), "plan.recommendations[4].actions[0].leads[1]", "should be text, not null"),
        (
            Box::new(set("/plan/recommendations/4/actions/0/links", json!([{"title": "x", "url": "javascript:alert(1)"}]))),
            "plan.recommendations[4].actions[0].links[0].url",
            "is \"javascript:alert(1)\", which is not a web address: links must start with https:// or http://",
        ),
        (
            Box::new(set("/plan/recommendations/4/actions/0/links", json!([{"title": "x", "url": "file:///c:/plan.docx"}]))),
            "plan.recommendations[4].actions[0].links[0].url",
            "not a web address",
        ),
        (
            Box::new(set("/plan/recommendations/4/actions/0/links", json!([{"title": "x"}]))),
            "plan.recommendations[4].actions[0].links[0].url",
            "is missing: every link needs its web address",
        ),
        (
            Box::new(set("/plan/recommendations/4/actions/0/updates", json!([{"id": "u1", "date": "2019-09-01", "status": "on_track", "note": "", "author": ""}, {"id": "u1", "date": "2019-10-01", "status": "on_track", "note": "", "author": ""}]))),
            "plan.recommendations[4].actions[0].updates[1].id",
            "the same id as plan.recommendations[4].actions[0].updates[0]: each progress update needs its own id",
        ),
        (
            Box::new(set("/plan/recommendations/4/actions/0/updates", json!([{"id": "u1", "status": "on_track"}]))),
            "plan.recommendations[4].actions[0].updates[0].date",
            "is missing: every progress update needs its date",
        ),
        (
            Box::new(set("/plan/recommendations/4/actions/0/updates", json!([{"id": "u1", "date": "2019-09-01", "status": "green"}]))),
            "plan.recommendations[4].actions[0].updates[0].status",
            "is \"green\", which is not a status",
        ),
        (Box::new(set("/plan/milestones/0/due", json!(null))), "plan.milestones[0].due", "is missing: every milestone needs a due date"),
        (Box::new(set("/plan/milestones/0/done", json!("soon"))), "plan.milestones[0].done", "is \"soon\", which is not a date"),
        (Box::new(set("/plan/milestones/1/id", json!("m-osb-review"))), "plan.milestones[1].id", "the same id as plan.milestones[0]: each milestone needs its own id"),
    ];
    for (edit, path, reason) in cases {
        let problems = import_edited(edit).expect_err(path);
        assert!(
            problems
                .iter()
                .any(|p| p.path == path && p.reason.contains(reason)),
            "expected {path}: {reason}\ngot {problems:#?}"
        );
    }
}

#[test]
fn every_problem_in_a_file_is_reported_at_once() {
    let problems = import_edited(|v| {
        v["plan"]["council"] = json!("");
        v["plan"]["recommendations"][0]["actions"][0]["status"] = json!("done");
        v["plan"]["recommendations"][12]["actions"][0]["due"] = json!("July 2021");
        v["plan"]["milestones"][2]["title"] = json!(null);
    })
    .unwrap_err();
    let paths: Vec<&str> = problems.iter().map(|p| p.path.as_str()).collect();
    assert_eq!(
        paths,
        [
            "plan.council",
            "plan.recommendations[0].actions[0].status",
            "plan.recommendations[12].actions[0].due",
            "plan.milestones[2].title",
        ]
    );
}

#[test]
fn problems_read_as_place_then_reason() {
    let problem = Problem::new(
        "plan.recommendations[3].actions[0].due",
        "is \"soon\", which is not a date",
    );
    assert_eq!(
        problem.to_string(),
        "plan.recommendations[3].actions[0].due: is \"soon\", which is not a date"
    );
}

#[test]
fn optional_lists_and_text_may_be_left_out() {
    let minimal = json!({
        "format": "cpc-action-plan",
        "version": 1,
        "plan": {
            "id": "p1",
            "council": "Test Valley Borough Council",
            "title": "Corporate Peer Challenge 2018",
            "review": {"kind": "corporate_peer_challenge"},
            "recommendations": [
                {"id": "r1", "number": "1", "title": "Refresh the corporate plan",
                 "actions": [{"id": "a1", "text": "Draft a new plan", "status": "not_started"}]}
            ]
        }
    });
    let plan = import(&minimal.to_string()).unwrap().plan;
    let action = &plan.recommendations[0].actions[0];
    assert_eq!(plan.recommendations[0].response, Response::Accepted);
    assert_eq!(
        (action.timescale.as_str(), action.due, action.leads.len()),
        ("", None, 0)
    );
    assert!(plan.themes.is_empty() && plan.milestones.is_empty());
}

#[test]
fn file_names_are_tidy() {
    let plan = import(EXAMPLE_PLAN).unwrap().plan;
    let date = chrono::NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
    assert_eq!(
        file_name(&plan, date),
        "london-borough-of-havering-corporate-peer-challenge-2019-improvement-action-plan-2026-11-23.plan.json"
    );
}

mod stored {
    use cpc_action_plan::format::{export, import, StoredPlan};
    use cpc_action_plan::EXAMPLE_PLAN;

    fn stored(revision: u64) -> StoredPlan {
        StoredPlan {
            revision,
            tab: "t-abc".into(),
            exported_at: Some("2026-11-23T16:00:00Z".into()),
            changed_since_export: false,
            origin: Some("x-sent-to-lead".into()),
            imported: Some(cpc_action_plan::domain::workspace::ImportedFrom {
                file: "havering.plan.json".into(),
                at: "2026-11-26T09:30:00Z".into(),
            }),
            plan: import(EXAMPLE_PLAN).unwrap().plan.into(),
        }
    }

    #[test]
    fn a_stored_plan_reads_back_whole() {
        let original = stored(7);
        let text = original.to_text();
        assert!(!text.contains('\n'), "stored compactly");
        assert_eq!(StoredPlan::from_text(&text).unwrap(), original);
        assert_eq!(StoredPlan::revision_of(&text), Some(7));
        // The file inside is exactly the plan file, so it can be taken out as one.
        let value: serde_json::Value = serde_json::from_str(&text).unwrap();
        assert_eq!(
            import(&value["file"].to_string()).unwrap().plan,
            *original.plan
        );
    }

    #[test]
    fn a_bare_plan_file_reads_as_revision_zero() {
        let plan = import(EXAMPLE_PLAN).unwrap().plan;
        let read = StoredPlan::from_text(&export(&plan, None)).unwrap();
        assert_eq!((read.revision, &*read.plan), (0, &plan));
        assert_eq!(StoredPlan::revision_of(EXAMPLE_PLAN), Some(0));
    }

    #[test]
    fn damaged_stored_data_is_refused_with_a_reason() {
        for (text, says) in [
            ("{\"revision\": 3, \"file\"", "is not JSON"),
            ("{\"revision\": 3}", "has no plan file in it"),
            (
                "{\"revision\": 3, \"file\": {\"format\": \"cpc-action-plan\", \"version\": 9}}",
                "newer version of the app (v9)",
            ),
        ] {
            let problems = StoredPlan::from_text(text).unwrap_err();
            assert!(problems[0].reason.contains(says), "{text}: {problems:?}");
        }
        assert_eq!(StoredPlan::revision_of("not json"), None);
    }

    /// Havering with findings long enough (about 200 KB) to be stored packed.
    fn big(revision: u64) -> StoredPlan {
        let mut big = stored(revision);
        std::sync::Arc::make_mut(&mut big.plan).findings = (0..400)
            .map(|i| format!("Finding {i}: the council’s scrutiny arrangements are atypical, with seven committees and a cross-party review under way. ")
                .repeat(4))
            .collect();
        big
    }

    #[test]
    fn a_big_plan_is_stored_packed_and_reads_back_whole() {
        use cpc_action_plan::format::packed;
        let original = big(12);
        let plain_length = export(&original.plan, None).len();
        assert!(plain_length > packed::PACK_ABOVE);
        let text = original.to_text();
        assert!(packed::is_packed(&text));
        assert!(
            text.chars().count() * 4 < plain_length,
            "{} characters stored for {plain_length} bytes of JSON",
            text.chars().count()
        );
        assert_eq!(StoredPlan::from_text(&text).unwrap(), original);
        assert_eq!(StoredPlan::revision_of(&text), Some(12));
        // A small plan stays plain JSON.
        assert!(!packed::is_packed(&stored(1).to_text()));
    }

    #[test]
    fn a_plan_packed_ahead_is_stored_as_if_packed_at_once() {
        use cpc_action_plan::format::packed;
        // What the storage worker does off the page's thread, then the save with it: the
        // same text, character for character.
        let original = big(5);
        let file = StoredPlan::plan_file(&original.plan);
        assert!(StoredPlan::is_big(&file));
        let text = original.to_text_packed(&packed::compress(&file));
        assert_eq!(text, original.to_text());
        assert_eq!(StoredPlan::from_text(&text).unwrap(), original);
    }

    #[test]
    fn a_kept_copy_is_packed_only_when_big() {
        use cpc_action_plan::format::stored::{file_from_text, file_to_text};
        for plan in [stored(0).plan, big(0).plan] {
            let file = export(&plan, None);
            let kept = file_to_text(file.clone());
            assert_eq!(
                kept == file,
                file.len() <= cpc_action_plan::format::packed::PACK_ABOVE
            );
            assert_eq!(file_from_text(&kept).unwrap(), file);
        }
    }

    #[test]
    fn a_damaged_packed_plan_is_refused_with_a_reason() {
        let text = big(3).to_text();
        let cut: String = text.chars().take(text.chars().count() / 2).collect();
        let problems = StoredPlan::from_text(&cut).unwrap_err();
        assert!(problems[0].reason.contains("damaged"), "{problems:?}");
        // The header still says which revision it was.
        assert_eq!(StoredPlan::revision_of(&cut), Some(3));
    }

    #[test]
    fn damaged_stored_data_is_offered_as_text_a_person_can_mend() {
        use cpc_action_plan::format::packed;
        use cpc_action_plan::format::stored::readable;
        // The importer refuses the plan inside (no council), but it unpacks: the download
        // is the header and the plan file, as JSON.
        let mut refused = big(4);
        std::sync::Arc::make_mut(&mut refused.plan).council = String::new();
        let file = export(&refused.plan, None);
        let text = packed::pack("{\"revision\":4}", &file);
        assert!(StoredPlan::from_text(&text).is_err());
        assert_eq!(readable(text), format!("{{\"revision\":4}}\n{file}"));
        // What does not unpack is offered exactly as it is.
        let cut: String = big(4).to_text().chars().take(500).collect();
        assert_eq!(readable(cut.clone()), cut);
        assert_eq!(readable("{not json".into()), "{not json");
    }

    #[test]
    fn storage_usage_is_a_share_of_the_allowance_rounded_up() {
        use cpc_action_plan::format::stored::StorageUsage;
        let share = |used| StorageUsage { used }.percent();
        assert_eq!(share(0), 0);
        assert_eq!(share(1), 1);
        assert_eq!(share(StorageUsage::ALLOWANCE / 2), 50);
        assert_eq!(share(StorageUsage::ALLOWANCE), 100);
        assert_eq!(share(StorageUsage::ALLOWANCE * 2), 100);
        assert!(!StorageUsage {
            used: StorageUsage::ALLOWANCE * 79 / 100
        }
        .nearly_full());
        assert!(StorageUsage {
            used: StorageUsage::ALLOWANCE * 80 / 100
        }
        .nearly_full());
    }
}

/// The fictional example in `docs/examples/` shows a lead officer's copy going back: it
/// says which export it is and which copy it was made from.
#[test]
fn the_fictional_returned_copy_names_its_export_and_the_copy_it_came_from() {
    let text = include_str!("../docs/examples/fictional-returned-copy.plan.json");
    let imported = cpc_action_plan::format::import(text).unwrap();
    assert!(imported.warnings.is_empty(), "{:?}", imported.warnings);
    assert_eq!(imported.export_id.as_deref(), Some("x-fict0lead0b2"));
    assert_eq!(imported.from_export.as_deref(), Some("x-fict0sent0a1"));
    assert!(imported.plan.council.contains("fictional"));
}

#[test]
fn an_export_says_which_export_it_is_and_reads_back() {
    use cpc_action_plan::format::{export_stamped, import, Stamp};
    let plan = import(cpc_action_plan::EXAMPLE_PLAN).unwrap().plan;
    let stamp = Stamp {
        at: "2026-11-25T10:00:00Z",
        export_id: "x-abc",
        from_export: Some("x-def"),
        for_lead: None,
    };
    let back = import(&export_stamped(&plan, &stamp)).unwrap();
    assert_eq!(
        (back.export_id.as_deref(), back.from_export.as_deref()),
        (Some("x-abc"), Some("x-def"))
    );
    assert_eq!(back.for_lead, None);
    // A copy for a lead says so, and the lead must lead something to be kept.
    let lead = plan.leads()[0].clone();
    let for_lead = import(&export_stamped(
        &plan,
        &Stamp {
            for_lead: Some(&lead),
            ..stamp
        },
    ))
    .unwrap();
    assert_eq!(for_lead.for_lead.as_deref(), Some(lead.as_str()));
    assert!(for_lead.warnings.is_empty());
    let nobody = import(&export_stamped(
        &plan,
        &Stamp {
            for_lead: Some("Nobody at all"),
            ..stamp
        },
    ))
    .unwrap();
    assert_eq!(nobody.for_lead, None);
    assert_eq!(nobody.warnings[0].path, "for_lead");
    let mut wrong: serde_json::Value =
        serde_json::from_str(&export_stamped(&plan, &stamp)).unwrap();
    wrong["for_lead"] = serde_json::json!(3);
    assert_eq!(import(&wrong.to_string()).unwrap_err()[0].path, "for_lead");
    // Text that names no lead (blank, or over 300 characters) is a warning, not a refusal.
    for text in ["   ".to_string(), "x".repeat(301)] {
        wrong["for_lead"] = serde_json::json!(text);
        let read = import(&wrong.to_string()).unwrap();
        assert_eq!(
            (read.for_lead, read.warnings[0].path.as_str()),
            (None, "for_lead")
        );
    }
    // A lead's name too long for the field is left out of the copy, which still opens.
    let long = "y".repeat(400);
    let written = export_stamped(
        &plan,
        &Stamp {
            for_lead: Some(&long),
            ..stamp
        },
    );
    assert!(!written.contains("for_lead"));
    assert_eq!(back.plan, plan);
    // An export id must look like one.
    let bad = export_stamped(
        &plan,
        &Stamp {
            export_id: "not an id!",
            ..stamp
        },
    );
    let problems = import(&bad).unwrap_err();
    assert_eq!(problems[0].path, "export_id");
}

/// The fictional copy for a lead shows the fields added for issue 22: `for_lead`, and
/// engagement figures in the report's own words.
#[test]
fn the_fictional_lead_copy_opens_on_its_lead_and_keeps_figures_in_words() {
    let text = include_str!("../docs/examples/fictional-lead-copy.plan.json");
    let imported = cpc_action_plan::format::import(text).unwrap();
    assert!(imported.warnings.is_empty(), "{:?}", imported.warnings);
    assert_eq!(
        imported.for_lead.as_deref(),
        Some("Head of Communications (fictional)")
    );
    let engagement = imported.plan.review.engagement.clone().unwrap();
    assert_eq!(
        (engagement.people, engagement.people_stated.as_str()),
        (Some(230), "more than 230")
    );
    assert_eq!(
        (engagement.hours, engagement.hours_stated.as_str()),
        (Some(280), "about 280")
    );
    assert!(imported.plan.council.contains("fictional"));
    // It writes back as it reads.
    let again =
        cpc_action_plan::format::import(&cpc_action_plan::format::export(&imported.plan, None))
            .unwrap();
    assert_eq!(again.plan, imported.plan);
}

#[test]
fn an_engagement_number_that_disagrees_with_its_words_is_pointed_out() {
    let mut file: serde_json::Value = serde_json::from_str(cpc_action_plan::EXAMPLE_PLAN).unwrap();
    file["plan"]["review"]["engagement"] =
        serde_json::json!({ "people": 5, "people_stated": "more than 230" });
    let read = cpc_action_plan::format::import(&file.to_string()).unwrap();
    assert_eq!(read.warnings[0].path, "plan.review.engagement.people");
    assert!(read.warnings[0].reason.contains("more than 230"));
    assert_eq!(
        read.plan.review.engagement.unwrap().people_stated,
        "more than 230"
    );
}
