//! Everyday journeys (issue 22): a month-by-month series that never back-dates a status nothing dates and the export note naming the file a plan was imported from.

mod common;

use std::sync::Arc;

use common::memory_store::{shared, TabStore};
use common::{d, havering, update};
use cpc_action_plan::domain::progress::{
    dashboard, dated_status, month_ends, status_at, status_undated, ProgressView,
};
use cpc_action_plan::domain::workspace::{ExportInfo, ImportedFrom, Workspace};
use cpc_action_plan::domain::{filter::Filter, Action, Status};

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
