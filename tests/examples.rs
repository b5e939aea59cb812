//! The fictional example plan (`public/examples/fictional-borough-2024.plan.json`): it
//! imports with no problem and no warning, fills every field the committee cycle added,
//! is written exactly as the app writes a plan, and each report it records has the figures
//! and address the app works out for it.
//!
//! `UPDATE_EXAMPLE=1 cargo test --test examples` rewrites the file as the app writes it,
//! with every report's figures and address worked out by `domain::reports::figures`, so no
//! count in it is typed by hand.

use std::collections::BTreeSet;

use cpc_action_plan::domain::reports::{figures, ReportOptions};
use cpc_action_plan::domain::{Cadence, IssuedKind, Plan, Rating, RatingScale};
use cpc_action_plan::format::{export, import};
use cpc_action_plan::presentation::route::{Address, Query, ReportKind, Route};

const PATH: &str = "public/examples/fictional-borough-2024.plan.json";

fn text() -> String {
    std::fs::read_to_string(PATH).expect("the fictional example")
}

/// The plan with every report's address and figures as the app works them out: the
/// options a report was issued with are its committee, meeting and as-at date.
fn with_app_figures(plan: &Plan) -> Plan {
    let mut out = plan.clone();
    for report in &mut out.reports {
        let options = ReportOptions {
            as_at: Some(report.as_at),
            committee: report.committee.clone(),
            meeting: report.meeting,
            include_completed: true,
            ..ReportOptions::default()
        };
        let href = Address {
            route: Route::Report {
                plan: plan.id.clone(),
                kind: ReportKind::of_issued(report.kind),
            },
            query: Query::from_pairs(options.pairs()),
        }
        .href();
        report.address = href.split_once('?').map(|(_, q)| q.to_string()).unwrap();
        report.figures = figures(plan, &options, report.as_at);
    }
    out
}

fn written(plan: &Plan) -> String {
    format!("{}\n", export(plan, None))
}

#[test]
fn the_fictional_example_imports_with_no_problem_and_no_warning() {
    let imported = import(&text()).expect("the fictional example follows the format");
    assert!(
        imported.warnings.is_empty(),
        "warnings: {:?}",
        imported.warnings
    );
    let checks = cpc_action_plan::domain::sanity::plan_warnings(&imported.plan);
    assert!(checks.is_empty(), "worth checking: {checks:?}");
    let plan = imported.plan;
    assert_eq!(plan.council, "Fictional Borough Council");
    assert_eq!(plan.recommendations.len(), 8);
    assert_eq!(plan.actions().count(), 25);
}

#[test]
fn the_fictional_example_is_written_as_the_app_writes_a_plan_with_the_apps_own_figures() {
    let plan = import(&text()).unwrap().plan;
    let expected = written(&with_app_figures(&plan));
    if std::env::var_os("UPDATE_EXAMPLE").is_some() {
        std::fs::write(PATH, &expected).unwrap();
        return;
    }
    for (ours, app) in plan.reports.iter().zip(&with_app_figures(&plan).reports) {
        assert_eq!(ours.address, app.address, "report {}", ours.id);
        assert_eq!(ours.figures, app.figures, "report {}", ours.id);
    }
    assert!(
        text() == expected,
        "{PATH} is not as the app writes it: UPDATE_EXAMPLE=1 cargo test --test examples"
    );
}

#[test]
fn the_fictional_example_fills_every_field_the_committee_cycle_added() {
    let plan = import(&text()).unwrap().plan;
    // The plan's own.
    assert!(!plan.contact_officer.is_empty());
    assert!(!plan.portfolio_holder.is_empty());
    assert!(!plan.overseen_by.is_empty());
    assert!(plan.highlights.len() >= 2);
    assert!(plan.documents.len() >= 3);
    assert!(plan
        .documents
        .iter()
        .all(|d| d.url.starts_with("https://www.example.org/")));
    assert!(matches!(plan.rating_scale, Some(RatingScale::Rag { .. })));
    let cadences: BTreeSet<&str> = plan.schedule.iter().map(|s| s.cadence.as_str()).collect();
    assert_eq!(cadences.len(), Cadence::ALL.len(), "every cadence is used");
    assert!(plan
        .schedule
        .iter()
        .any(|s| s.committee == "Cabinet" && s.cadence == Cadence::Quarterly));
    assert!(plan
        .schedule
        .iter()
        .any(|s| s.cadence == Cadence::SixMonthly && s.committee.contains("Scrutiny")));
    // Two years of reports, of every kind, to several committees.
    let kinds: BTreeSet<&str> = plan.reports.iter().map(|r| r.kind.as_str()).collect();
    assert_eq!(kinds.len(), IssuedKind::ALL.len(), "every kind of report");
    let first = plan.reports.iter().map(|r| r.as_at).min().unwrap();
    let last = plan.reports.iter().map(|r| r.as_at).max().unwrap();
    assert!((last - first).num_days() >= 2 * 365 - 31);
    assert!(plan
        .reports
        .iter()
        .all(|r| r.meeting.is_some() && !r.address.is_empty() && r.figures.total() > 0));
    // Recommendations: dated narrative with progress, next steps and RAG ratings.
    let narratives: Vec<_> = plan
        .recommendations
        .iter()
        .flat_map(|r| &r.narrative)
        .collect();
    assert!(narratives.len() >= 14);
    assert!(narratives.iter().all(|n| !n.progress.is_empty()
        && !n.next_steps.is_empty()
        && !n.author.is_empty()
        && matches!(n.rating, Some(Rating::Rag(_)))));
    let rags: BTreeSet<&str> = narratives
        .iter()
        .filter_map(|n| n.rating.map(|r| r.as_str()))
        .collect();
    assert_eq!(rags.len(), 3, "red, amber and green each given");
    // Actions: dates moved two or three times, with reasons; actions added later.
    let moved: Vec<usize> = plan
        .actions()
        .map(|(_, a)| a.due_history.len())
        .filter(|n| *n > 0)
        .collect();
    assert!(moved.len() >= 5, "several actions moved: {moved:?}");
    assert!(moved.contains(&2) && moved.contains(&3));
    assert!(plan
        .actions()
        .flat_map(|(_, a)| &a.due_history)
        .all(|c| !c.reason.is_empty() && !c.timescale.is_empty()));
    assert!(plan.actions().filter(|(_, a)| a.added.is_some()).count() >= 2);
    assert!(plan.actions().all(|(_, a)| a
        .updates
        .iter()
        .all(|u| a.added.is_none_or(|d| u.date >= d))));
    // Progress updates over the two years.
    let updates: Vec<_> = plan.actions().flat_map(|(_, a)| &a.updates).collect();
    assert!(updates.len() >= 60);
    // A live, approved plan: closing it (and a draft flag) would hide the next report due
    // and every figure after the closing date, so the browser tests close it instead.
    assert!(plan.closed.is_none());
    assert!(!plan.draft && !plan.is_draft());
}
