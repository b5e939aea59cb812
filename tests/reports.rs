//! The committee reports' contents and row layout.

use cpc_action_plan::domain::reports::{
    annex_rows, covered, exception_sections, progress_sections, ReportOptions,
};
use cpc_action_plan::domain::{Status, Update};
use std::sync::Arc;

mod common;
use common::{d, havering};

#[test]
fn options_are_read_from_and_written_to_the_address() {
    let options = ReportOptions::from_pairs([
        ("as_at", "2019-09-04"),
        ("committee", " Overview and Scrutiny Board "),
        ("meeting", "2019-09-04"),
        ("completed", "no"),
        ("theme", "core-governance"),
        ("status", "ignored by reports"),
    ]);
    assert_eq!(options.as_at, Some(d(2019, 9, 4)));
    assert_eq!(options.committee, "Overview and Scrutiny Board");
    assert!(!options.include_completed);
    assert_eq!(options.filter.themes, ["core-governance"]);
    assert!(
        options.filter.statuses.is_empty(),
        "reports filter by theme and group only"
    );
    let again = ReportOptions::from_pairs(
        options
            .pairs()
            .iter()
            .map(|(k, v)| (k.as_str(), v.as_str()))
            .collect::<Vec<_>>(),
    );
    assert_eq!(again, options);
    assert!(
        ReportOptions::from_pairs([]).include_completed,
        "completed actions are listed unless left out"
    );
}

#[test]
fn the_annex_spans_each_recommendation_over_its_actions() {
    let plan = havering();
    let rows = annex_rows(&plan, &ReportOptions::from_pairs([]), d(2019, 9, 4));
    assert_eq!(rows.len(), 32);
    let spans: Vec<(String, usize)> = rows
        .iter()
        .filter_map(|r| {
            r.recommendation
                .as_ref()
                .map(|(rec, n)| (rec.number.clone(), *n))
        })
        .collect();
    assert_eq!(
        spans,
        [
            ("1", 7),
            ("2", 3),
            ("3", 4),
            ("4", 1),
            ("5", 3),
            ("6", 1),
            ("7", 1),
            ("8", 5),
            ("9", 1),
            ("10", 1),
            ("11", 3),
            ("12", 1),
            ("13", 1)
        ]
        .map(|(n, s)| (n.to_string(), s))
    );
    assert_eq!(
        rows[1].recommendation, None,
        "later rows of a recommendation carry only the action"
    );
    assert_eq!(rows[0].status, Some(Status::Completed));

    // Leaving completed actions out shortens the spans; a recommendation with none left keeps a row.
    let open_only = annex_rows(
        &plan,
        &ReportOptions::from_pairs([("completed", "no")]),
        d(2019, 9, 4),
    );
    assert_eq!(open_only.len(), 28);
    let first = open_only[0].recommendation.as_ref().unwrap();
    assert_eq!((first.0.number.as_str(), first.1), ("1", 5));
    let mut all_done = plan.clone();
    all_done.recommendations.truncate(1);
    for a in &mut all_done.recommendations[0].actions {
        Arc::make_mut(a).status = Status::Completed;
    }
    let rows = annex_rows(
        &all_done,
        &ReportOptions::from_pairs([("completed", "no")]),
        d(2019, 9, 4),
    );
    assert_eq!(rows.len(), 1);
    assert_eq!(
        (
            rows[0].action.as_ref(),
            rows[0].recommendation.as_ref().map(|r| r.1)
        ),
        (None, Some(1))
    );
}

#[test]
fn a_theme_or_group_narrows_the_report_to_its_recommendations() {
    let plan = havering();
    let governance = ReportOptions::from_pairs([("theme", "core-governance")]);
    let numbers: Vec<String> = progress_sections(&plan, &governance, d(2019, 9, 4))
        .into_iter()
        .map(|s| s.number)
        .collect();
    assert_eq!(numbers, ["3", "4", "5", "9"]);
    assert_eq!(covered(&plan, &governance).recommendations.len(), 4);
    let no_group = ReportOptions::from_pairs([("group", "none")]);
    assert_eq!(progress_sections(&plan, &no_group, d(2019, 9, 4)).len(), 7);
}

#[test]
fn the_progress_report_gives_each_action_its_latest_update_as_at_the_date() {
    let mut plan = havering();
    let action = Arc::make_mut(&mut plan.recommendations[4].actions[0]);
    action.updates = vec![
        Update {
            id: "u1".into(),
            date: d(2019, 8, 1),
            status: Status::OnTrack,
            note: "Scheme drafted".into(),
            author: String::new(),
        },
        Update {
            id: "u2".into(),
            date: d(2019, 10, 1),
            status: Status::AtRisk,
            note: "Union consultation slipped".into(),
            author: String::new(),
        },
    ];
    // As the app keeps it: the newest update sets the status.
    action.status = Status::AtRisk;
    let sections = progress_sections(&plan, &ReportOptions::from_pairs([]), d(2019, 9, 4));
    let a = &sections[4].actions[0];
    assert_eq!(
        (a.status, a.latest.clone()),
        (
            Status::OnTrack,
            Some((d(2019, 8, 1), "Scheme drafted".to_string()))
        )
    );
    let later = progress_sections(&plan, &ReportOptions::from_pairs([]), d(2020, 1, 15));
    let a = &later[4].actions[0];
    assert_eq!((a.status, a.days_late), (Status::AtRisk, Some(15)));
    assert_eq!(a.latest.as_ref().unwrap().1, "Union consultation slipped");
    assert_eq!(sections.iter().map(|s| s.actions.len()).sum::<usize>(), 32);
}

#[test]
fn exceptions_are_the_overdue_at_risk_and_off_track_actions() {
    let mut plan = havering();
    Arc::make_mut(&mut plan.recommendations[0].actions[6]).status = Status::OffTrack; // due July 2020
    Arc::make_mut(&mut plan.recommendations[10].actions[0]).status = Status::AtRisk; // ongoing work slipping
    let sections = exception_sections(&plan, &ReportOptions::from_pairs([]), d(2019, 9, 4));
    let listed: Vec<(String, String, Status, Option<i64>)> = sections
        .iter()
        .flat_map(|s| {
            s.actions
                .iter()
                .map(move |a| (s.number.clone(), a.id.clone(), a.status, a.days_late))
        })
        .collect();
    assert_eq!(
        listed,
        [
            ("1".to_string(), "r1-a7".to_string(), Status::OffTrack, None),
            (
                "8".to_string(),
                "r8-a1".to_string(),
                Status::NotStarted,
                Some(112)
            ),
            (
                "8".to_string(),
                "r8-a2".to_string(),
                Status::NotStarted,
                Some(127)
            ),
            (
                "8".to_string(),
                "r8-a4".to_string(),
                Status::NotStarted,
                Some(127)
            ),
            ("11".to_string(), "r11-a1".to_string(), Status::AtRisk, None),
            (
                "12".to_string(),
                "r12-a1".to_string(),
                Status::NotStarted,
                Some(35)
            ),
        ]
    );
}

#[test]
fn a_report_for_one_lead_lists_and_counts_only_their_actions() {
    use cpc_action_plan::domain::reports::{
        annex_rows, covered, exception_sections, progress_sections, ReportOptions,
    };
    let plan = cpc_action_plan::format::import(cpc_action_plan::EXAMPLE_PLAN)
        .unwrap()
        .plan;
    let lead = plan.leads()[0].clone();
    let options = ReportOptions::from_pairs(vec![("lead", lead.as_str()), ("as_at", "2019-09-04")]);
    assert_eq!(options.filter.leads, vec![lead.clone()]);
    assert!(
        options
            .pairs()
            .contains(&("lead".to_string(), lead.clone())),
        "the lead stays in the report's address"
    );
    let as_at = chrono::NaiveDate::from_ymd_opt(2019, 9, 4).unwrap();
    let theirs: Vec<String> = plan
        .actions()
        .filter(|(_, a)| a.leads.iter().any(|l| l.eq_ignore_ascii_case(&lead)))
        .map(|(_, a)| a.id.clone())
        .collect();
    assert!(!theirs.is_empty());
    let annex: Vec<String> = annex_rows(&plan, &options, as_at)
        .into_iter()
        .filter_map(|r| r.action.map(|a| a.id))
        .collect();
    assert_eq!(annex, theirs);
    let listed: Vec<String> = progress_sections(&plan, &options, as_at)
        .into_iter()
        .flat_map(|s| s.actions)
        .map(|a| a.id)
        .collect();
    assert_eq!(listed, theirs);
    assert!(exception_sections(&plan, &options, as_at)
        .iter()
        .flat_map(|s| &s.actions)
        .all(|a| theirs.contains(&a.id)));
    assert_eq!(covered(&plan, &options).actions().count(), theirs.len());
}

#[test]
fn a_plan_is_a_draft_until_its_approval_is_recorded() {
    use cpc_action_plan::domain::reports::{draft_marker, DRAFT};
    let mut plan = havering();
    assert_eq!(plan.review.plan_approved, None, "the example records none");
    assert_eq!(
        draft_marker(&plan),
        None,
        "but was agreed before drafts existed"
    );
    plan.draft = true;
    assert_eq!(draft_marker(&plan), Some(DRAFT));
    assert_eq!(DRAFT, "Draft: not yet approved");
    plan.review.plan_approved = Some(cpc_action_plan::domain::PlanApproval {
        date: d(2019, 9, 4),
        by: "Cabinet".into(),
    });
    assert_eq!(draft_marker(&plan), None);
}

#[test]
fn the_progress_report_works_its_figures_out_once_for_the_page_and_the_word_file() {
    use cpc_action_plan::domain::progress::{dashboard, timeline};
    use cpc_action_plan::domain::reports::{
        not_accepted_answer, overdue_words, progress_report, status_rows,
    };
    use cpc_action_plan::domain::Response;
    let mut plan = havering();
    plan.recommendations[2].response = Response::NotAccepted;
    plan.recommendations[2].response_reason = "Done already.".into();
    let options = ReportOptions::from_pairs([("theme", "core-governance")]);
    let as_at = d(2019, 9, 4);
    let report = progress_report(&plan, &options, as_at);
    assert_eq!(report.board, dashboard(&covered(&plan, &options), as_at));
    assert_eq!(report.sections, progress_sections(&plan, &options, as_at));
    assert_eq!(report.milestones, timeline(&plan, as_at));
    assert_eq!(report.status_rows, status_rows(&report.board.counts));
    // The rows: each status with actions, then all of them; the shares add up to 100%.
    let last = report.status_rows.last().unwrap();
    assert_eq!((last.status, last.label), (None, "All actions"));
    assert_eq!(last.actions, report.board.counts.total());
    assert_eq!(last.share, "100%");
    let shares: usize = report.status_rows[..report.status_rows.len() - 1]
        .iter()
        .map(|r| r.share.trim_end_matches('%').parse::<usize>().unwrap())
        .sum();
    assert_eq!(shares, 100);
    assert!(report.status_rows.iter().all(|r| r.actions > 0));
    let none = status_rows(&Default::default());
    assert_eq!(none.len(), 1);
    assert_eq!(none[0].share, "0%");
    // Recommendation 3 is a governance one, so it is covered, and its reason is said.
    assert_eq!(report.not_accepted().len(), 1);
    assert_eq!(
        not_accepted_answer(&report.not_accepted()[0]),
        "Not accepted: Done already."
    );
    assert_eq!(overdue_words(1), "Overdue by 1 day");
    assert_eq!(overdue_words(127), "Overdue by 127 days");
}
