//! No address, date or file can freeze or crash the app, and what leaves it is well-formed:
//! bounded figures over time, bounded lists, checked arithmetic, and addresses fuzzed.

mod common;

use chrono::NaiveDate;
use common::{d, havering, update};
use cpc_action_plan::domain::dates::{date_from_address, far_date, ADDRESS_YEARS};
use cpc_action_plan::domain::filter::{Filter, FilterOptions};
use cpc_action_plan::domain::progress::ProgressView;
use cpc_action_plan::domain::progress::{month_ends, SERIES_MONTHS};
use cpc_action_plan::domain::reports::ReportOptions;
use cpc_action_plan::domain::Status;
use cpc_action_plan::format::csv::to_csv;
use cpc_action_plan::format::{export, file_name, import};
use cpc_action_plan::presentation::paging::Paging;
use cpc_action_plan::presentation::route::Address;
use proptest::prelude::*;
use std::sync::Arc;

/// The most work a view may do: every action counted at every point of the series.
fn work(view: &ProgressView) -> usize {
    view.series.len() * view.all.max(1)
}

const BUDGET: usize = (SERIES_MONTHS as usize + 1) * 32;

#[test]
fn the_month_series_never_reaches_more_than_ten_years_back() {
    let mut plan = havering();
    Arc::make_mut(&mut plan.recommendations[0].actions[0])
        .updates
        .push(update("u-slip", d(19, 5, 1), Status::OnTrack));
    for as_at in [
        d(2019, 9, 4),
        d(2100, 12, 31),
        d(9999, 12, 31),
        NaiveDate::MAX,
    ] {
        let series = month_ends(&plan, as_at);
        assert!(
            series.len() <= SERIES_MONTHS as usize + 1,
            "{as_at}: {}",
            series.len()
        );
        assert_eq!(series.last().unwrap().date, as_at);
        let view = ProgressView::of(&plan, as_at, &Filter::default());
        assert!(work(&view) <= BUDGET);
        assert_eq!(
            view.series_left_out_from,
            Some(d(19, 5, 1)),
            "the page can say what was left out"
        );
    }
    // A date before anything in the plan: nothing to draw, nothing left out.
    for as_at in [d(1, 1, 1), NaiveDate::MIN] {
        assert!(month_ends(&havering(), as_at).is_empty());
        let view = ProgressView::of(&havering(), as_at, &Filter::default());
        assert!(view.series.is_empty());
    }
}

#[test]
fn an_as_at_date_in_an_address_is_used_only_within_the_years_figures_are_for() {
    assert_eq!(date_from_address("2020-03-31"), Ok(d(2020, 3, 31)));
    let refused = date_from_address("9999-12-31").unwrap_err();
    assert_eq!(
        refused,
        "31 December 9999 is outside the years 1900 to 2199 that figures are worked out for"
    );
    assert!(date_from_address("0001-01-01").is_err());
    assert!(date_from_address("31/12/2020")
        .unwrap_err()
        .contains("is not a date"));
    let address = Address::parse("#/plan/p/dashboard?as_at=9999-12-31");
    assert_eq!(address.query.as_at(), None);
    assert!(address.query.as_at_refused().unwrap().contains("9999"));
    let options = ReportOptions::from_pairs([("as_at", "2100-13-01"), ("meeting", "0019-05-01")]);
    assert_eq!((options.as_at, options.meeting), (None, None));
    assert_eq!(options.refused.len(), 2);
    assert!(ADDRESS_YEARS.contains(&2199));
}

#[test]
fn a_filter_on_what_the_plan_does_not_have_is_said_not_acted_on_blindly() {
    let options = FilterOptions::of(&havering());
    let problems = Filter::address_problems(
        [
            ("status", "bogus"),
            ("theme", "nope"),
            ("lead", "Nobody"),
            ("status", "on_track"),
            ("q", "x"),
        ],
        &options,
    );
    assert_eq!(
        problems,
        [
            "“bogus” is not a status",
            "this plan has no theme “nope”",
            "no action in this plan is led by “Nobody”"
        ]
    );
}

#[test]
fn a_page_number_too_big_to_count_shows_the_last_page_and_says_so() {
    let paging = Paging::new(200, 20, Some("99999999999999999999"));
    assert_eq!((paging.page, paging.pages), (10, 10));
    assert_eq!(paging.range(), 180..200);
    assert!(paging
        .address_problem(Some("99999999999999999999"))
        .unwrap()
        .contains("there are 10 pages"));
    let first = Paging::new(200, 20, Some("two"));
    assert_eq!(first.page, 1);
    assert!(first
        .address_problem(Some("two"))
        .unwrap()
        .contains("is not a page number"));
    assert_eq!(
        Paging::new(200, 20, Some("3")).address_problem(Some("3")),
        None
    );
    let huge = Paging::new(usize::MAX, usize::MAX, Some("18446744073709551615"));
    let _ = huge.range();
}

#[test]
fn a_date_typed_far_from_the_visit_is_questioned_with_the_likely_one() {
    let visit = Some(d(2019, 2, 26));
    let far = far_date(d(19, 5, 1), visit).unwrap();
    assert_eq!(far.suggestion, Some(d(2019, 5, 1)));
    assert_eq!(far.question(), "1 May 0019 is more than 20 years from the peer team's visit in 2019. Did you mean 1 May 2019?");
    assert_eq!(
        far_date(d(2109, 5, 1), visit).unwrap().suggestion,
        Some(d(2009, 5, 1))
    );
    assert_eq!(
        far_date(d(9999, 12, 31), visit).unwrap().suggestion,
        Some(d(1999, 12, 31))
    );
    assert_eq!(
        far_date(d(1950, 6, 1), visit).unwrap().suggestion,
        None,
        "no year ending in 50 is near 2019"
    );
    assert_eq!(far_date(d(2038, 1, 1), visit), None);
    assert_eq!(
        far_date(d(1900, 1, 1), None),
        None,
        "no visit, nothing to measure from"
    );
    // An imported file says so in the preview, and keeps the date as it is.
    let mut plan = havering();
    Arc::make_mut(&mut plan.recommendations[1].actions[0])
        .updates
        .push(update("u-slip", d(19, 5, 1), Status::OnTrack));
    let imported = import(&export(&plan, None)).unwrap();
    let warning = imported
        .warnings
        .iter()
        .find(|w| w.path.ends_with("updates[0].date"))
        .unwrap();
    assert!(warning.reason.contains("Did you mean 1 May 2019?"));
    assert_eq!(imported.plan, plan);
}

#[test]
fn a_file_with_a_hundred_thousand_unknown_fields_gets_a_short_answer() {
    let mut file: serde_json::Value = serde_json::from_str(&export(&havering(), None)).unwrap();
    let plan = file["plan"].as_object_mut().unwrap();
    for i in 0..100_000 {
        plan.insert(format!("extra_{i}"), serde_json::Value::Bool(true));
    }
    let imported = import(&file.to_string()).unwrap();
    assert_eq!(imported.warnings.len(), 10_001);
    assert_eq!(
        imported.warnings.last().unwrap().reason,
        "has 90000 more fields that are not part of the plan format, not listed"
    );
    // And as many problems.
    let recs = file["plan"]["recommendations"].as_array_mut().unwrap();
    for _ in 0..20_000 {
        recs.push(serde_json::json!({ "id": 7 }));
    }
    let problems = import(&file.to_string()).unwrap_err();
    assert!(problems.len() <= 10_001);
    assert!(problems
        .last()
        .unwrap()
        .reason
        .contains("more problems, not listed"));
}

#[test]
fn a_spreadsheet_cell_that_is_a_formula_after_spaces_or_line_breaks_is_neutralised() {
    let mut plan = havering();
    let action = Arc::make_mut(&mut plan.recommendations[0].actions[0]);
    action.text = " =1+1".into();
    action.leads = vec!["\n@SUM(A1)".into()];
    let csv = to_csv(&plan, d(2019, 9, 4));
    assert!(csv.contains("\"' =1+1\""), "{}", &csv[..400]);
    assert!(csv.contains("\"'\n@SUM(A1)\""));
}

#[test]
fn download_names_stay_short_whatever_the_title() {
    let mut plan = havering();
    plan.title = "A very long title ".repeat(40);
    let name = file_name(&plan, d(2019, 9, 4));
    assert!(name.len() <= 150, "{} characters", name.len());
    assert!(name.ends_with("-2019-09-04.plan.json"));
    assert!(!name.contains("--"));
}

#[test]
fn a_revision_too_big_to_count_reads_without_a_panic() {
    use cpc_action_plan::format::StoredPlan;
    let text = format!(
        "{{\"revision\": 184467440737095516160, \"tab\": \"t\", \"file\": {}}}",
        export(&havering(), None)
    );
    let stored = StoredPlan::from_text(&text).unwrap();
    assert_eq!(stored.revision, 0);
    assert_eq!(StoredPlan::revision_of(&text), None);
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2000, failure_persistence: None, ..ProptestConfig::default() })]

    /// Any address parses without a panic, and whatever date and filter it asks for, the
    /// progress view's work is bounded.
    #[test]
    fn any_address_parses_and_its_view_is_bounded(hash in "#?/?[a-z_/?&=%0-9.-]{0,80}", date in (0i32..10_000, 1u32..13, 1u32..29)) {
        let address = Address::parse(&hash);
        let _ = address.route.href();
        let filter = Filter::from_pairs(address.query.pairs());
        let as_at = address.query.as_at().unwrap_or(d(2019, 9, 4));
        let view = ProgressView::of(&havering(), as_at, &filter);
        prop_assert!(work(&view) <= BUDGET);
        // A date in the address, any year.
        let typed = format!("#/plan/p/dashboard?as_at={:04}-{:02}-{:02}", date.0, date.1, date.2);
        let asked = Address::parse(&typed);
        if let Some(as_at) = asked.query.as_at() {
            let view = ProgressView::of(&havering(), as_at, &Filter::default());
            prop_assert!(work(&view) <= BUDGET);
        } else {
            prop_assert!(asked.query.as_at_refused().is_some());
        }
    }

    #[test]
    fn any_text_as_an_address_never_panics(hash in any::<String>()) {
        let address = Address::parse(&hash);
        let _ = address.href();
        let _ = Paging::new(50, 20, address.query.get("page"));
    }
}
