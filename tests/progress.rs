//! The progress views' figures: status as at a date, the dashboard, breakdowns, the
//! month-end series, and filters.

use chrono::NaiveDate;
use cpc_action_plan::domain::filter::Filter;
use cpc_action_plan::domain::progress::timeline;
use cpc_action_plan::domain::progress::{
    by_group, by_lead, by_theme, dashboard, days_late, month_ends, percent, status_at,
};
use cpc_action_plan::domain::{Action, Response, Status, ThemeKind, Update};
use std::sync::Arc;

mod common;
use common::{d, havering};

fn with_updates(status: Status, due: Option<NaiveDate>, updates: &[(NaiveDate, Status)]) -> Action {
    Action {
        id: "a".into(),
        text: "Do it".into(),
        timescale: String::new(),
        due,
        leads: vec![],
        status,
        updates: updates
            .iter()
            .enumerate()
            .map(|(i, (date, status))| Update {
                id: format!("u{i}"),
                date: *date,
                status: *status,
                note: String::new(),
                author: String::new(),
            })
            .collect(),
        links: vec![],
        ..Action::default()
    }
}

#[test]
fn status_as_at_a_date_comes_from_the_updates_before_it() {
    let action = with_updates(
        Status::Completed,
        Some(d(2019, 12, 31)),
        &[
            (d(2019, 6, 1), Status::OnTrack),
            (d(2019, 11, 1), Status::AtRisk),
            (d(2020, 2, 1), Status::Completed),
        ],
    );
    let cases = [
        (d(2019, 5, 31), Status::NotStarted),
        (d(2019, 6, 1), Status::OnTrack),
        (d(2019, 10, 31), Status::OnTrack),
        (d(2019, 11, 1), Status::AtRisk),
        (d(2020, 1, 31), Status::AtRisk),
        (d(2020, 2, 1), Status::Completed),
    ];
    for (as_at, want) in cases {
        assert_eq!(status_at(&action, as_at), want, "as at {as_at}");
    }
    assert_eq!(
        days_late(&action, d(2020, 1, 15)),
        Some(15),
        "at risk and past its date on 15 January"
    );
    assert_eq!(
        days_late(&action, d(2020, 2, 15)),
        None,
        "completed by then"
    );
    let overridden = with_updates(Status::OffTrack, None, &[(d(2019, 6, 1), Status::OnTrack)]);
    assert_eq!(
        status_at(&overridden, d(2019, 7, 1)),
        Status::OffTrack,
        "a status set since the last update holds from then on"
    );
    assert_eq!(status_at(&overridden, d(2019, 5, 1)), Status::NotStarted);
    let no_updates = with_updates(Status::Ongoing, None, &[]);
    assert_eq!(
        status_at(&no_updates, d(2000, 1, 1)),
        Status::Ongoing,
        "with no updates, the status is the current one"
    );
}

#[test]
fn havering_dashboard_as_at_the_scrutiny_meeting() {
    let board = dashboard(&havering(), d(2019, 9, 4));
    assert_eq!(
        (
            board.counts.get(Status::NotStarted),
            board.counts.get(Status::Completed),
            board.counts.get(Status::Ongoing)
        ),
        (18, 4, 10)
    );
    assert_eq!(
        (board.delivered(), board.embedded(), board.counts.total()),
        (4, 10, 32)
    );
    assert_eq!(
        board.overdue.iter().map(|l| l.days).collect::<Vec<_>>(),
        [127, 127, 112, 35]
    );
    assert_eq!(board.overdue[3].action_id, "r12-a1");
    let soon: Vec<(&str, i64)> = board
        .due_in_30
        .iter()
        .map(|l| (l.action_id.as_str(), l.days))
        .collect();
    assert_eq!(soon, [("r8-a3", 26), ("r10-a1", 26)]);
    assert_eq!(
        board.due_in_90.len(),
        2,
        "nothing else falls due before 3 December"
    );
    let r1 = &board.recommendations[0];
    assert_eq!(
        (
            r1.counts.get(Status::Completed),
            r1.counts.get(Status::Ongoing),
            r1.counts.in_hand(),
            r1.counts.get(Status::NotStarted)
        ),
        (2, 4, 0, 1)
    );
    assert_eq!(board.recommendations.len(), 13);
    assert!(board.not_accepted.is_empty());
    assert_eq!(dashboard(&havering(), d(2026, 11, 23)).overdue.len(), 15);
}

#[test]
fn the_summary_reads_as_plain_english() {
    assert_eq!(
        dashboard(&havering(), d(2026, 11, 23)).summary(),
        "Of 32 actions, 4 are completed, 10 are now part of everyday work and 18 are not started; 15 are past their date."
    );
    let mut plan = havering();
    plan.recommendations.truncate(1);
    Arc::make_mut(&mut plan.recommendations[0].actions[6]).status = Status::AtRisk;
    Arc::make_mut(&mut plan.recommendations[0].actions[0]).status = Status::Cancelled;
    plan.recommendations[0].actions.truncate(7);
    assert_eq!(
        dashboard(&plan, d(2019, 9, 4)).summary(),
        "Of 7 actions, 1 is completed, 4 are now part of everyday work, 1 is under way, 0 are not started and 1 is cancelled; 0 are past their date."
    );
}

#[test]
fn recommendations_not_accepted_are_listed_with_their_reasons() {
    let mut plan = havering();
    plan.recommendations[1].response = Response::NotAccepted;
    plan.recommendations[1].response_reason = "Covered by the Local Plan".into();
    plan.recommendations[6].response = Response::PartlyAccepted;
    plan.recommendations[6].response_reason = "Only the housing part".into();
    let board = dashboard(&plan, d(2019, 9, 4));
    let listed: Vec<(&str, Response, &str)> = board
        .not_accepted
        .iter()
        .map(|n| (n.number.as_str(), n.response, n.reason.as_str()))
        .collect();
    assert_eq!(
        listed,
        [
            ("2", Response::NotAccepted, "Covered by the Local Plan"),
            ("7", Response::PartlyAccepted, "Only the housing part")
        ]
    );
}

#[test]
fn breakdowns_by_theme_group_and_lead() {
    let plan = havering();
    let at = d(2019, 9, 4);
    let (core_themes, extra_themes, group_rows) = (
        by_theme(&plan, ThemeKind::Core, at),
        by_theme(&plan, ThemeKind::Additional, at),
        by_group(&plan, at),
    );
    let core: Vec<(&str, usize, usize)> = core_themes
        .iter()
        .map(|b| (b.key.as_str(), b.counts.total(), b.overdue))
        .collect();
    assert_eq!(
        core,
        [
            ("core-place", 7, 0),
            ("core-leadership", 0, 0),
            ("core-finance", 0, 0),
            ("core-governance", 9, 0),
            ("core-capacity", 6, 3)
        ]
    );
    let extra: Vec<(&str, usize)> = extra_themes
        .iter()
        .map(|b| (b.key.as_str(), b.counts.total()))
        .collect();
    assert_eq!(
        extra,
        [
            ("extra-asc", 1),
            ("extra-resilience", 0),
            ("extra-regeneration", 4)
        ]
    );
    let groups: Vec<(&str, usize)> = group_rows
        .iter()
        .map(|b| (b.name.as_str(), b.counts.total()))
        .collect();
    assert_eq!(
        groups,
        [
            ("OPPORTUNITIES", 12),
            ("CONNECTIONS", 3),
            ("PLACE", 1),
            ("No group", 16)
        ]
    );
    let leads = by_lead(&plan, at);
    assert!(leads
        .windows(2)
        .all(|w| w[0].name.to_lowercase() <= w[1].name.to_lowercase()));
    let clt = leads.iter().find(|b| b.name == "CLT").unwrap();
    assert_eq!(clt.counts.total(), 1);
}

#[test]
fn month_end_series_follows_the_updates() {
    let mut plan = havering();
    let series = month_ends(&plan, d(2019, 9, 4));
    let dates: Vec<NaiveDate> = series.iter().map(|m| m.date).collect();
    assert_eq!(
        dates,
        [
            d(2019, 3, 31),
            d(2019, 4, 30),
            d(2019, 5, 31),
            d(2019, 6, 30),
            d(2019, 7, 31),
            d(2019, 8, 31),
            d(2019, 9, 4)
        ]
    );
    // Havering's file dates no status: its statuses count on the as-at day only, and every
    // month end before it counts the actions as not started (nothing back-dated).
    let (last, before) = series.split_last().unwrap();
    assert_eq!(
        (last.counts.get(Status::NotStarted), last.counts.total()),
        (18, 32)
    );
    assert!(before
        .iter()
        .all(|m| m.counts.get(Status::NotStarted) == 32 && m.counts.total() == 32));

    // One action goes on track in January 2020 and is completed in March: leap-year February.
    let action = Arc::make_mut(&mut plan.recommendations[4].actions[0]);
    action.updates = with_updates(
        Status::Completed,
        None,
        &[
            (d(2020, 1, 10), Status::OnTrack),
            (d(2020, 3, 2), Status::Completed),
        ],
    )
    .updates;
    action.status = Status::Completed;
    let series = month_ends(&plan, d(2020, 3, 15));
    let tail: Vec<(NaiveDate, usize, usize, usize)> = series
        .iter()
        .rev()
        .take(4)
        .map(|m| {
            (
                m.date,
                m.counts.get(Status::NotStarted),
                m.counts.get(Status::OnTrack),
                m.counts.get(Status::Completed),
            )
        })
        .collect();
    // The dated action is on track from January and completed in March; the file's other
    // statuses (4 completed, 10 ongoing) count only on the as-at day.
    assert_eq!(
        tail,
        [
            (d(2020, 3, 15), 17, 0, 5),
            (d(2020, 2, 29), 31, 1, 0),
            (d(2020, 1, 31), 31, 1, 0),
            (d(2019, 12, 31), 32, 0, 0)
        ]
    );
    assert!(
        month_ends(&plan, d(2019, 1, 1)).is_empty(),
        "nothing before the visit"
    );
}

#[test]
fn shares_round_to_whole_percentages() {
    assert_eq!(
        (
            percent(4, 32),
            percent(10, 32),
            percent(18, 32),
            percent(0, 0),
            percent(1, 3),
            percent(2, 3)
        ),
        (13, 31, 56, 0, 33, 67)
    );
}

#[test]
fn filters_read_and_write_the_address_and_choose_actions() {
    let filter = Filter::from_pairs([
        ("status", "not_started"),
        ("status", "on_track"),
        ("lead", "CLT"),
        ("overdue", "yes"),
        ("q", " peer review "),
        ("as_at", "2019-09-04"),
        ("status", "bogus"),
    ]);
    assert_eq!(filter.statuses, [Status::NotStarted, Status::OnTrack]);
    assert_eq!(
        filter.pairs(),
        [
            ("status", "not_started"),
            ("status", "on_track"),
            ("lead", "CLT"),
            ("overdue", "yes"),
            ("q", "peer review")
        ]
        .map(|(k, v)| (k.to_string(), v.to_string()))
    );
    assert!(Filter::from_pairs([("as_at", "2019-09-04")]).is_empty());

    let plan = havering();
    let at = d(2019, 9, 4);
    let count = |pairs: &[(&str, &str)]| {
        Filter::from_pairs(pairs.iter().copied())
            .apply(&plan, at)
            .actions()
            .count()
    };
    assert_eq!(count(&[]), 32);
    assert_eq!(count(&[("status", "completed")]), 4);
    assert_eq!(count(&[("status", "completed"), ("status", "ongoing")]), 14);
    assert_eq!(count(&[("overdue", "yes")]), 4);
    assert_eq!(count(&[("group", "opportunities")]), 12);
    assert_eq!(count(&[("group", "none")]), 16);
    assert_eq!(count(&[("theme", "core-capacity")]), 6);
    assert_eq!(count(&[("theme", "core-capacity"), ("overdue", "yes")]), 3);
    assert_eq!(
        count(&[("lead", "clt")]),
        1,
        "leads match whatever the case"
    );
    assert_eq!(
        count(&[("q", "PEER REVIEW")]),
        count(&[("q", "peer review")])
    );
    let by_words = Filter::from_pairs([("q", "Cabinet")]).apply(&plan, at);
    assert!(by_words.actions().all(|(r, a)| (a.text.clone()
        + &a.timescale
        + &r.title
        + &r.context)
        .to_lowercase()
        .contains("cabinet")
        || a.leads.iter().any(|l| l.to_lowercase().contains("cabinet"))));
    let filtered = Filter::from_pairs([("status", "completed")]).apply(&plan, at);
    assert_eq!(
        filtered
            .recommendations
            .iter()
            .map(|r| r.id.as_str())
            .collect::<Vec<_>>(),
        ["r1", "r3"],
        "recommendations with nothing shown are left out"
    );
}

#[test]
fn the_timeline_joins_milestones_and_the_lga_process_dates() {
    let got = timeline(&havering(), d(2019, 9, 4));
    let rows: Vec<(NaiveDate, &str, &str)> = got
        .iter()
        .map(|(date, what, state)| (*date, what.as_str(), *state))
        .collect();
    assert_eq!(
        rows,
        [
            (
                d(2019, 6, 1),
                "Report and action plan published (LGA process)",
                "Past"
            ),
            (
                d(2019, 9, 4),
                "Overview & Scrutiny Board review of the action plan",
                "Done"
            ),
            (d(2020, 1, 1), "Progress review (LGA process)", "Due"),
            (
                d(2020, 3, 1),
                "Progress review report published (LGA process)",
                "Due"
            ),
            (d(2021, 2, 28), "LGA follow-up visit", "Due"),
            (
                d(2024, 3, 1),
                "Next corporate peer challenge (LGA process)",
                "Due"
            ),
            (
                d(2024, 5, 31),
                "Next corporate peer challenge or finance peer review",
                "Due"
            ),
        ]
    );
}
