//! Figures worked out from a plan as at a date.

use chrono::NaiveDate;
use cpc_action_plan::domain::figures::StatusCounts;
use cpc_action_plan::domain::progress::{by_lead, dashboard, days_late};
use cpc_action_plan::domain::{Action, Status};
use std::sync::Arc;

mod common;
use common::{d, havering};

fn action(status: Status, due: Option<NaiveDate>, leads: &[&str]) -> Action {
    Action {
        id: "a".into(),
        text: "Do it".into(),
        timescale: String::new(),
        due,
        leads: leads.iter().map(|l| l.to_string()).collect(),
        status,
        updates: vec![],
        links: vec![],
        ..Action::default()
    }
}

#[test]
fn overdue_means_open_and_past_its_date() {
    let due = Some(d(2019, 12, 31));
    let cases = [
        (Status::NotStarted, due, d(2020, 1, 1), Some(1)),
        (Status::NotStarted, due, d(2019, 12, 31), None),
        (Status::OnTrack, due, d(2020, 3, 1), Some(61)),
        (Status::AtRisk, due, d(2021, 1, 1), Some(367)),
        (Status::OffTrack, due, d(2020, 1, 31), Some(31)),
        (Status::Completed, due, d(2021, 1, 1), None),
        (Status::Ongoing, due, d(2021, 1, 1), None),
        (Status::Cancelled, due, d(2021, 1, 1), None),
        (Status::NotStarted, None, d(2030, 1, 1), None),
    ];
    for (status, due, as_at, want) in cases {
        let a = action(status, due, &[]);
        assert_eq!(
            days_late(&a, as_at),
            want,
            "{status:?} due {due:?} as at {as_at}"
        );
        assert_eq!(days_late(&a, as_at).is_some(), want.is_some());
    }
}

#[test]
fn havering_counts_by_status() {
    let plan = havering();
    let counts = StatusCounts::of(plan.actions().map(|(_, a)| a));
    let got: Vec<(Status, usize)> = counts.iter().collect();
    assert_eq!(
        got,
        [
            (Status::NotStarted, 18),
            (Status::OnTrack, 0),
            (Status::AtRisk, 0),
            (Status::OffTrack, 0),
            (Status::Completed, 4),
            (Status::Ongoing, 10),
            (Status::Cancelled, 0),
        ]
    );
    assert_eq!(counts.total(), 32);
}

#[test]
fn havering_overdue_as_at_the_scrutiny_meeting_and_today() {
    let plan = havering();
    // At the Overview & Scrutiny Board on 4 September 2019: the May Cabinet item, the two
    // April items and the July 2019 peer review, latest first.
    let at_meeting = dashboard(&plan, d(2019, 9, 4)).overdue;
    let got: Vec<(&str, i64)> = at_meeting
        .iter()
        .map(|o| (o.action_id.as_str(), o.days))
        .collect();
    assert_eq!(got.len(), 4, "{got:?}");
    assert_eq!(got[0].1, 127);
    assert_eq!(got[3], ("r12-a1", 35));
    assert_eq!(
        got[1..3].iter().map(|g| g.1).collect::<Vec<_>>(),
        [127, 112]
    );
    // Every not-started action with a date is overdue by now; r2's three have no date.
    assert_eq!(dashboard(&plan, d(2026, 11, 23)).overdue.len(), 15);
    assert_eq!(dashboard(&plan, d(2019, 4, 1)).overdue.len(), 0);
}

#[test]
fn leads_count_shared_actions_for_each_and_once_per_action() {
    let mut plan = havering();
    plan.recommendations.truncate(1);
    plan.recommendations[0].actions = vec![
        action(Status::Completed, None, &["AD Communications", "AD Policy"]),
        action(
            Status::NotStarted,
            Some(d(2019, 12, 31)),
            &["ad policy", "AD Policy ", "AD Policy"],
        ),
        action(Status::Ongoing, None, &["CLT", ""]),
    ]
    .into_iter()
    .map(Arc::new)
    .collect();
    let loads = by_lead(&plan, d(2020, 6, 1));
    let got: Vec<(&str, usize, usize, usize)> = loads
        .iter()
        .map(|l| {
            (
                l.name.as_str(),
                l.counts.total(),
                l.counts.get(Status::Completed),
                l.overdue,
            )
        })
        .collect();
    assert_eq!(
        got,
        [
            ("AD Communications", 1, 1, 0),
            ("AD Policy", 2, 1, 1),
            ("ad policy", 1, 0, 1),
            ("CLT", 1, 0, 0),
        ]
    );
}

#[test]
fn havering_leads() {
    let loads = by_lead(&havering(), d(2019, 9, 4));
    let clt = loads
        .iter()
        .find(|l| l.name == "CLT")
        .expect("CLT leads actions");
    assert!(clt.counts.total() >= 1);
    assert!(loads
        .windows(2)
        .all(|w| w[0].name.to_lowercase() <= w[1].name.to_lowercase()));
}

#[test]
fn milestones_are_done_due_or_missed_as_at_a_date() {
    use cpc_action_plan::domain::figures::{milestone_state, MilestoneState::*};
    use cpc_action_plan::domain::Milestone;
    let milestone = |due, done| Milestone {
        id: "m".into(),
        title: "Progress review".into(),
        due,
        done,
        note: String::new(),
    };
    let cases = [
        (
            milestone(d(2019, 9, 4), Some(d(2019, 9, 4))),
            d(2019, 9, 4),
            Done,
        ),
        (
            milestone(d(2019, 9, 4), Some(d(2019, 9, 4))),
            d(2019, 9, 3),
            Due,
        ),
        (
            milestone(d(2019, 9, 4), Some(d(2019, 10, 1))),
            d(2019, 9, 20),
            Missed,
        ),
        (milestone(d(2019, 9, 4), None), d(2019, 9, 4), Due),
        (milestone(d(2019, 9, 4), None), d(2019, 9, 5), Missed),
        (milestone(d(2020, 2, 29), None), d(2020, 2, 29), Due),
    ];
    for (m, as_at, want) in cases {
        assert_eq!(milestone_state(&m, as_at), want, "{m:?} as at {as_at}");
    }
    let havering = havering();
    let states: Vec<_> = havering
        .milestones
        .iter()
        .map(|m| milestone_state(m, d(2026, 11, 23)))
        .collect();
    assert_eq!(states, [Done, Missed, Missed]);
}

#[test]
fn the_plans_leads_are_listed_once_each_in_alphabetical_order() {
    let mut plan = havering();
    plan.recommendations.truncate(1);
    plan.recommendations[0].actions = vec![
        action(Status::Completed, None, &["clt", " AD Policy", "Zeta"]),
        action(Status::Completed, None, &["CLT", "", "ad policy"]),
        action(Status::Completed, None, &["clt", "AD Policy"]),
    ]
    .into_iter()
    .map(Arc::new)
    .collect();
    // One entry a lead whatever its case, as first written: "CLT" and "clt" lead the same
    // actions (every filter and worklist matches leads ignoring case), so listing both
    // would count them twice and send them two copies.
    assert_eq!(plan.leads(), ["AD Policy", "clt", "Zeta"]);
    assert_eq!(
        havering().leads().len(),
        by_lead(&havering(), d(2019, 9, 4)).len()
    );
}
