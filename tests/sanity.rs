//! Warnings that ask the officer to look again, and never refuse anything.

use chrono::NaiveDate;
use cpc_action_plan::domain::leads::split_leads;
use cpc_action_plan::domain::sanity::{
    due_before_visit, long_title, next_free_number, number_taken, plan_warnings,
};
use cpc_action_plan::domain::Plan;
use cpc_action_plan::format::import;
use cpc_action_plan::EXAMPLE_PLAN;

fn havering() -> Plan {
    import(EXAMPLE_PLAN).unwrap().plan
}

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

#[test]
fn havering_as_published_has_nothing_to_question() {
    assert_eq!(plan_warnings(&havering()), vec![]);
}

#[test]
fn a_due_date_before_the_visit_a_long_title_and_a_repeated_number_are_questioned() {
    let mut plan = havering();
    let visit = plan.review.onsite_from.unwrap();
    assert!(due_before_visit(Some(visit), Some(visit)).is_none());
    assert!(due_before_visit(visit.pred_opt(), Some(visit)).is_some());
    assert!(due_before_visit(None, Some(visit)).is_none());
    std::sync::Arc::make_mut(&mut plan.recommendations[1].actions[0]).due = Some(d(2009, 3, 31));
    plan.recommendations[2].title = "word ".repeat(70);
    plan.recommendations[3].number = plan.recommendations[0].number.clone();
    let warnings = plan_warnings(&plan);
    let places: Vec<&str> = warnings.iter().map(|w| w.place.as_str()).collect();
    assert_eq!(
        places,
        ["Action 2.1", "Recommendation 3", "Recommendation 1"]
    );
    assert!(warnings[0]
        .message
        .starts_with("Due 31 March 2009. This is before the peer team's visit"));
    assert_eq!(
        warnings[0].action.as_deref(),
        Some(plan.recommendations[1].actions[0].id.as_str())
    );
    assert!(long_title(&"x".repeat(300)).is_none());
    assert!(long_title(&"é".repeat(301)).is_some());
}

#[test]
fn a_number_in_use_is_found_and_the_next_free_one_offered() {
    let plan = havering();
    let count = plan.recommendations.len();
    assert!(number_taken(&plan, " 1 ", None));
    assert!(!number_taken(&plan, "1", Some(&plan.recommendations[0].id)));
    assert!(!number_taken(&plan, &(count + 1).to_string(), None));
    assert_eq!(next_free_number(&plan), (count + 1).to_string());
}

#[test]
fn leads_split_on_semicolons_and_lines_once_each() {
    assert_eq!(
        split_leads(" AD Communications; Head of Policy\nad communications;; "),
        ["AD Communications", "Head of Policy"]
    );
    assert!(split_leads("  ").is_empty());
}

#[test]
fn engagement_figures_keep_the_words_the_report_uses() {
    use cpc_action_plan::domain::{figure_text, read_figure};
    assert_eq!(read_figure("230"), (Some(230), String::new()));
    assert_eq!(read_figure(" 1,200 "), (Some(1200), "1,200".to_string()));
    assert_eq!(
        read_figure("1,2"),
        (Some(12), "1,2".to_string()),
        "half-typed, it reads back as typed"
    );
    assert_eq!(read_figure("007"), (Some(7), "007".to_string()));
    for typed in ["230", "1,200", "more than 230", "1,2", "007", "dozens"] {
        let (n, stated) = read_figure(typed);
        assert_eq!(
            figure_text(n, &stated).as_deref(),
            Some(typed),
            "{typed} reads back as typed"
        );
    }
    assert_eq!(
        read_figure("more than 230"),
        (Some(230), "more than 230".to_string())
    );
    assert_eq!(
        read_figure("over 1,000"),
        (Some(1000), "over 1,000".to_string())
    );
    assert_eq!(read_figure("dozens"), (None, "dozens".to_string()));
    assert_eq!(read_figure(""), (None, String::new()));
    assert_eq!(
        figure_text(Some(230), "more than 230").as_deref(),
        Some("more than 230")
    );
    assert_eq!(figure_text(Some(230), "").as_deref(), Some("230"));
    assert_eq!(figure_text(None, " "), None);
    // Digits beyond any u64 are kept as words, with no number.
    assert_eq!(read_figure("99999999999999999999999 people").0, None);
}
