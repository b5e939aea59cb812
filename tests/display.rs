//! Everyday journeys (issue 22): status shares that add up to 100% with overdue said apart, a month-by-month series that never back-dates a status nothing dates and the export note naming the file a plan was imported from.

mod common;

use std::sync::Arc;

use common::memory_store::{shared, TabStore};
use common::{d, havering, update};
use cpc_action_plan::domain::figures::StatusCounts;
use cpc_action_plan::domain::progress::{
    dashboard, dated_status, month_ends, status_at, status_undated, ProgressView,
};
use cpc_action_plan::domain::workspace::{ExportInfo, ImportedFrom, Workspace};
use cpc_action_plan::domain::{filter::Filter, Action, Status};
use proptest::prelude::*;

// ---------------------------------------------------------------------------------------
// Shares by status, and overdue apart

fn counts(of: &[(Status, usize)]) -> StatusCounts {
    StatusCounts::of_statuses(
        of.iter()
            .flat_map(|(status, n)| std::iter::repeat_n(*status, *n)),
    )
}

#[test]
fn shares_add_up_to_100_percent() {
    let thirds = counts(&[
        (Status::Completed, 1),
        (Status::Ongoing, 1),
        (Status::NotStarted, 1),
    ]);
    let shares: Vec<usize> = thirds.shares().iter().map(|(_, s)| *s).collect();
    assert_eq!(shares.iter().sum::<usize>(), 100, "{shares:?}");
    assert_eq!(
        thirds.share(Status::Completed),
        34,
        "the first of equals takes the point"
    );
    assert_eq!(thirds.share(Status::AtRisk), 0);
    // Havering at the scrutiny meeting: 4, 10 and 18 of 32.
    let board = dashboard(&havering(), d(2019, 9, 4));
    let havering: Vec<(Status, usize)> = board
        .counts
        .shares()
        .into_iter()
        .filter(|(_, s)| *s > 0)
        .collect();
    assert_eq!(
        havering,
        [
            (Status::Completed, 13),
            (Status::Ongoing, 31),
            (Status::NotStarted, 56)
        ]
    );
    assert_eq!(StatusCounts::default().shares().map(|(_, s)| s), [0; 7]);
}

proptest! {
    #[test]
    fn shares_always_add_up_to_100_and_stay_within_a_point(ns in proptest::collection::vec(0usize..5000, 7)) {
        let c = counts(&Status::STACKED.into_iter().zip(ns.iter().copied()).collect::<Vec<_>>());
        let total = c.total();
        let shares = c.shares();
        let sum: usize = shares.iter().map(|(_, s)| s).sum();
        prop_assert_eq!(sum, if total == 0 { 0 } else { 100 });
        for (status, share) in shares {
            let n = c.get(status);
            if total > 0 {
                let exact = n as f64 * 100.0 / total as f64;
                prop_assert!((share as f64 - exact).abs() < 1.0, "{status:?}: {share} for {exact}");
            }
            if n == 0 {
                prop_assert_eq!(share, 0);
            }
        }
    }
}

#[test]
fn overdue_is_said_apart_from_the_shares() {
    let board = dashboard(&havering(), d(2019, 9, 4));
    assert_eq!(board.open(), 18);
    assert_eq!(
        board.overdue_sentence(),
        "4 of the 18 open actions (not started or under way) are overdue: past their due date."
    );
    let today = dashboard(&havering(), d(2026, 11, 23));
    assert_eq!(
        today.overdue_sentence(),
        "15 of the 18 open actions (not started or under way) are overdue: past their due date."
    );
    // Before anything was due.
    assert_eq!(
        dashboard(&havering(), d(2019, 3, 1)).overdue_sentence(),
        "None of the 18 open actions (not started or under way) is overdue."
    );
    // Everything closed.
    let mut closed = havering();
    for rec in &mut closed.recommendations {
        for action in &mut rec.actions {
            Arc::make_mut(action).status = Status::Completed;
        }
    }
    assert_eq!(
        dashboard(&closed, d(2026, 11, 23)).overdue_sentence(),
        "No action is open (not started or under way), so none is overdue."
    );
}

// ---------------------------------------------------------------------------------------
// No back-dated status

fn action(status: Status, updates: &[(chrono::NaiveDate, Status)]) -> Action {
    Action {
        id: "a".into(),
        text: "Do it".into(),
        timescale: String::new(),
        due: None,
        leads: vec![],
        status,
        updates: updates
            .iter()
            .enumerate()
            .map(|(i, (date, status))| update(&format!("u{i}"), *date, *status))
            .collect(),
        links: vec![],
    }
}

#[test]
fn a_status_no_update_dates_counts_only_on_the_day_a_view_is_as_at() {
    let at_risk = action(Status::AtRisk, &[]);
    assert_eq!(dated_status(&at_risk, d(2026, 11, 26)), Status::NotStarted);
    assert_eq!(status_at(&at_risk, d(2026, 11, 26)), Status::AtRisk);
    assert!(status_undated(&at_risk, d(2026, 11, 26)));

    // Set off track since its last update (on track in June 2019).
    let changed = action(Status::OffTrack, &[(d(2019, 6, 10), Status::OnTrack)]);
    assert_eq!(dated_status(&changed, d(2019, 7, 31)), Status::OnTrack);
    assert!(status_undated(&changed, d(2019, 7, 31)));
    // Its status agrees with its newest update: dated by it.
    let dated = action(Status::OnTrack, &[(d(2019, 6, 10), Status::OnTrack)]);
    assert!(!status_undated(&dated, d(2019, 7, 31)));
    // Not started with nothing to date it: nothing to back-date either.
    assert!(!status_undated(
        &action(Status::NotStarted, &[]),
        d(2019, 7, 31)
    ));
}

#[test]
fn the_series_draws_an_undated_status_at_its_last_point_only() {
    let mut plan = havering();
    // Set at risk with no update; another off track since its update on track in June.
    Arc::make_mut(&mut plan.recommendations[1].actions[0]).status = Status::AtRisk;
    let changed = Arc::make_mut(&mut plan.recommendations[1].actions[1]);
    changed.status = Status::OffTrack;
    changed.updates = vec![update("u1", d(2019, 6, 10), Status::OnTrack)];

    let series = month_ends(&plan, d(2019, 9, 4));
    let at = |m: &cpc_action_plan::domain::progress::MonthEnd, s| m.counts.get(s);
    let (last, before) = series.split_last().unwrap();
    assert_eq!(last.date, d(2019, 9, 4));
    // On the as-at day: every status as the dashboard shows it.
    assert_eq!(last.counts, dashboard(&plan, d(2019, 9, 4)).counts);
    assert_eq!(
        (
            at(last, Status::AtRisk),
            at(last, Status::OffTrack),
            at(last, Status::Completed)
        ),
        (1, 1, 4)
    );
    // Before it: only what dated updates say. Havering's file dates nothing else.
    for m in before {
        assert_eq!(at(m, Status::AtRisk), 0, "{}: never at risk before", m.date);
        assert_eq!(at(m, Status::OffTrack), 0, "{}", m.date);
        assert_eq!(
            at(m, Status::Completed) + at(m, Status::Ongoing),
            0,
            "{}",
            m.date
        );
        let on_track = if m.date >= d(2019, 6, 10) { 1 } else { 0 };
        assert_eq!(at(m, Status::OnTrack), on_track, "{}", m.date);
        assert_eq!(at(m, Status::NotStarted), 32 - on_track, "{}", m.date);
    }
    let view = ProgressView::of(&plan, d(2019, 9, 4), &Filter::default());
    // 4 completed and 10 ongoing with no update, and the two changed here.
    assert_eq!(view.undated, 16);
}

// ---------------------------------------------------------------------------------------
// The export note after an import

#[test]
fn the_export_note_says_which_file_a_plan_came_from_until_it_is_exported() {
    let mut info = ExportInfo::default();
    assert_eq!(
        info.note(),
        "Not exported yet: export the plan to keep a copy outside this browser."
    );
    info.imported = Some(ImportedFrom {
        file: "havering.plan.json".into(),
        at: "2026-11-26T09:30:00Z".into(),
    });
    assert_eq!(
        info.note(),
        "Imported from havering.plan.json on 26 November 2026."
    );
    info.changed_since = true;
    assert_eq!(
        info.note(),
        "Imported from havering.plan.json on 26 November 2026. It has changed since: export it to keep a copy."
    );
}

#[test]
fn an_import_is_noted_beside_the_export_and_kept_in_storage() {
    let memory = shared(1);
    let mut store = TabStore::new(&memory, 0);
    let mut tab = Workspace::load("a".into(), &store, Vec::new);
    let plan = havering();
    let id = plan.id.clone();
    tab.add_plan(plan);
    tab.imported(&id, "havering.plan.json", "2026-11-26T09:30:00Z".into());
    assert_eq!(
        tab.exports()[&id].note(),
        "Imported from havering.plan.json on 26 November 2026."
    );
    tab.save(&mut store);
    // Another tab, or this one after a reload, reads the same note.
    let reloaded = Workspace::load("b".into(), &store, Vec::new);
    assert_eq!(reloaded.exports()[&id], tab.exports()[&id]);
    // Exported since: the note says so, and the import is no longer the news.
    tab.exported(&id, "2026-11-27T10:00:00Z".into());
    assert_eq!(tab.exports()[&id].note(), "Last exported 27 November 2026.");
    assert_eq!(tab.exports()[&id].imported, None);
    tab.save(&mut store);
    let reloaded = Workspace::load("c".into(), &store, Vec::new);
    assert_eq!(reloaded.exports()[&id].imported, None);
}
