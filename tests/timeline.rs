//! The LGA timeline that the progress view and the progress report show: with the plan's
//! milestones and the process dates, the dates its reporting schedules give (up to a year
//! after the view's date, or to the day a closed plan closed) and the reports recorded as
//! issued.

use chrono::NaiveDate;
use cpc_action_plan::domain::progress::timeline;
use cpc_action_plan::domain::report_log::Figures;
use cpc_action_plan::domain::{
    Cadence, Closure, ClosureOutcome, IssuedKind, IssuedReport, Plan, Schedule,
};

mod common;
use common::{d, havering};

fn quarterly(committee: &str, from: NaiveDate) -> Schedule {
    Schedule {
        id: format!("s-{committee}"),
        committee: committee.into(),
        cadence: Cadence::Quarterly,
        from: Some(from),
        dates: Vec::new(),
    }
}

fn report(committee: &str, as_at: NaiveDate, meeting: Option<NaiveDate>) -> IssuedReport {
    IssuedReport {
        id: format!("rep-{as_at}"),
        kind: IssuedKind::Progress,
        committee: committee.into(),
        meeting,
        as_at,
        issued: as_at.succ_opt().unwrap(),
        address: String::new(),
        figures: Figures::default(),
    }
}

/// The timeline's entries that are not milestones or LGA process dates.
fn reporting(plan: &Plan, as_at: NaiveDate) -> Vec<(NaiveDate, String, &'static str)> {
    timeline(plan, as_at)
        .into_iter()
        .filter(|(_, what, _)| what.starts_with("Report to") || what.contains(", as at "))
        .collect()
}

#[test]
fn a_plan_without_schedules_or_reports_has_the_timeline_it_had() {
    let plan = havering();
    let as_at = d(2020, 3, 31);
    let all = timeline(&plan, as_at);
    assert!(!all.is_empty());
    assert!(reporting(&plan, as_at).is_empty());
}

#[test]
fn scheduled_dates_run_from_the_first_to_a_year_after_the_view_past_or_due() {
    let mut plan = havering();
    plan.schedule = vec![quarterly("Cabinet", d(2019, 7, 31))];
    let as_at = d(2020, 2, 1);
    let got = reporting(&plan, as_at);
    let days: Vec<NaiveDate> = got.iter().map(|e| e.0).collect();
    // Quarterly from 31 July: month ends fall on the last day of shorter months, and the
    // last is within a year of 1 February 2020.
    assert_eq!(
        days,
        [
            d(2019, 7, 31),
            d(2019, 10, 31),
            d(2020, 1, 31),
            d(2020, 4, 30),
            d(2020, 7, 31),
            d(2020, 10, 31),
            d(2021, 1, 31),
        ]
    );
    assert!(got.iter().all(|e| e.1 == "Report to Cabinet (scheduled)"));
    let states: Vec<&str> = got.iter().map(|e| e.2).collect();
    assert_eq!(states, ["Past", "Past", "Past", "Due", "Due", "Due", "Due"]);
}

#[test]
fn a_closed_plan_has_no_scheduled_date_after_it_closed() {
    let mut plan = havering();
    plan.schedule = vec![quarterly("Cabinet", d(2019, 7, 31))];
    plan.closed = Some(Closure {
        date: d(2020, 5, 1),
        outcome: ClosureOutcome::BusinessAsUsual,
        note: String::new(),
    });
    let as_at = plan.as_at(d(2024, 1, 1));
    assert_eq!(as_at, d(2020, 5, 1));
    let days: Vec<NaiveDate> = reporting(&plan, as_at).iter().map(|e| e.0).collect();
    assert_eq!(
        days,
        [
            d(2019, 7, 31),
            d(2019, 10, 31),
            d(2020, 1, 31),
            d(2020, 4, 30)
        ]
    );
}

#[test]
fn reports_issued_are_on_the_timeline_at_their_meeting_and_replace_that_scheduled_date() {
    let mut plan = havering();
    plan.schedule = vec![
        quarterly("Cabinet", d(2019, 7, 31)),
        Schedule {
            id: "s-scrutiny".into(),
            committee: "Overview and Scrutiny Board".into(),
            cadence: Cadence::Dates,
            from: None,
            dates: vec![d(2020, 3, 10), d(2019, 11, 12)],
        },
    ];
    plan.reports = vec![
        // Went to the Cabinet meeting the schedule set: shown once, as the report.
        report("cabinet", d(2019, 9, 30), Some(d(2019, 10, 31))),
        // No meeting recorded: shown on the day it was recorded.
        report("", d(2019, 12, 31), None),
    ];
    let as_at = d(2020, 1, 15);
    let got = reporting(&plan, as_at);
    let on = |day: NaiveDate| -> Vec<(String, &str)> {
        got.iter()
            .filter(|e| e.0 == day)
            .map(|e| (e.1.clone(), e.2))
            .collect()
    };
    assert_eq!(
        on(d(2019, 10, 31)),
        [(
            "Progress report to cabinet, as at 30 September 2019".to_string(),
            "Issued"
        )]
    );
    assert_eq!(
        on(d(2020, 1, 1)),
        [(
            "Progress report, as at 31 December 2019".to_string(),
            "Issued"
        )]
    );
    assert_eq!(
        on(d(2019, 11, 12)),
        [(
            "Report to Overview and Scrutiny Board (scheduled)".to_string(),
            "Past"
        )]
    );
    assert_eq!(
        on(d(2020, 3, 10)),
        [(
            "Report to Overview and Scrutiny Board (scheduled)".to_string(),
            "Due"
        )]
    );
    // The whole timeline is in date order.
    let all = timeline(&plan, as_at);
    assert!(all.windows(2).all(|w| w[0].0 <= w[1].0));
}
