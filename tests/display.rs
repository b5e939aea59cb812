//! Everyday journeys (issue 22): long titles cut short at a word, status shares that add
//! up to 100% with overdue said apart, a month-by-month series that never back-dates a
//! status nothing dates, and the export note naming the file a plan was imported from.

mod common;

use std::borrow::Cow;
use std::sync::Arc;

use common::memory_store::{shared, TabStore};
use common::{d, havering, update};
use cpc_action_plan::domain::figures::StatusCounts;
use cpc_action_plan::domain::progress::{
    dashboard, dated_status, month_ends, status_at, status_undated, ProgressView,
};
use cpc_action_plan::domain::workspace::{ExportInfo, ImportedFrom, Workspace};
use cpc_action_plan::domain::{filter::Filter, Action, Status};
use cpc_action_plan::presentation::text::{is_cut, shorten, TABLE_CHARS, TITLE_CHARS};
use proptest::prelude::*;

// ---------------------------------------------------------------------------------------
// Long titles

#[test]
fn text_that_fits_comes_back_as_it_is() {
    for text in ["", "Short", "exactly 10", "fits   "] {
        assert!(
            matches!(shorten(text, 10), Cow::Borrowed(t) if t == text),
            "{text:?}"
        );
    }
    // Only space beyond the limit: nothing is cut.
    assert!(matches!(shorten("fits      ", 4), Cow::Borrowed(_)));
    assert!(!is_cut("Build on the momentum", TITLE_CHARS));
}

#[test]
fn long_text_is_cut_at_a_word_with_an_ellipsis() {
    assert_eq!(
        shorten("The council will publish a plan", 20),
        "The council will…"
    );
    // The limit falls just after a word: that word is kept.
    assert_eq!(shorten("The council will publish", 16), "The council will…");
    // Joining punctuation does not dangle before the ellipsis.
    assert_eq!(shorten("Staff, partners and residents", 12), "Staff…");
    assert_eq!(shorten("Growth (inward investment)", 10), "Growth…");
    assert_eq!(shorten("Plan: refreshed", 6), "Plan…");
    assert_eq!(shorten("Plan: a refreshed set", 8), "Plan: a…");
}

#[test]
fn a_word_longer_than_the_limit_is_the_only_one_cut_inside() {
    let address = "https://www.havering.gov.uk/downloads/download/1234/corporate-plan";
    assert_eq!(
        shorten(&format!("See {address}"), 20),
        "See https://www.have…",
        "the address alone is longer than the limit"
    );
    assert_eq!(shorten(address, 10), "https://ww…");
    // A word that would fit on its own is never cut inside, however early it starts.
    assert_eq!(shorten("A corporate plan", 10), "A…");
    // A hyphenated word is one word.
    assert_eq!(shorten("A corporate-plan", 10), "A corporat…");
}

#[test]
fn a_2000_character_title_becomes_about_150_characters() {
    let title = "Consider the council's governance arrangements in full. ".repeat(36);
    assert!(title.chars().count() > 2000);
    let short = shorten(&title, TITLE_CHARS);
    let chars = short.chars().count();
    assert!((120..=TITLE_CHARS + 1).contains(&chars), "{chars}");
    assert!(short.ends_with("full…") || short.ends_with("arrangements…") || short.ends_with('…'));
    assert!(title.starts_with(short.trim_end_matches('…')));
    assert!(is_cut(&title, TITLE_CHARS) && is_cut(&title, TABLE_CHARS));
}

#[test]
fn a_cut_never_splits_a_character_from_its_marks() {
    // "é" written as e and a combining acute accent, right at the limit.
    let combining = "Cafe\u{301}s";
    assert_eq!(shorten(combining, 4), "Caf…");
    // A family emoji is four people joined by zero-width joiners.
    let family = "\u{1F468}\u{200D}\u{1F469}\u{200D}\u{1F467}\u{200D}\u{1F466}";
    for limit in 1..7 {
        let short = shorten(family, limit);
        let kept = short.trim_end_matches('…');
        assert!(
            !kept.ends_with('\u{200D}') && family.starts_with(kept),
            "{limit}: {short:?}"
        );
    }
    // Flags are pairs of letters: never one letter of a pair.
    let flags = "\u{1F1EC}\u{1F1E7}\u{1F1EA}\u{1F1FA}\u{1F1EB}\u{1F1F7}";
    assert_eq!(shorten(flags, 3), "\u{1F1EC}\u{1F1E7}…");
    // Text without spaces (Chinese, say) is one long word: cut at the limit.
    assert_eq!(shorten("行动计划进展报告", 4), "行动计划…");
}

fn words(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    for (i, c) in text.char_indices() {
        match (c.is_whitespace(), start) {
            (false, None) => start = Some(i),
            (true, Some(s)) => {
                out.push((s, i));
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        out.push((s, text.len()));
    }
    out
}

proptest! {
    #[test]
    fn shortening_keeps_a_prefix_and_cuts_inside_a_word_only_when_it_must(
        text in "([a-zé,;:()\u{301} ]|\u{1F468}\u{200D}){0,80}",
        limit in 1usize..40,
    ) {
        let short = shorten(&text, limit);
        match &short {
            Cow::Borrowed(same) => {
                prop_assert_eq!(*same, text.as_str());
                let body = text.trim_start();
                prop_assert!(body.chars().count() <= limit || body[body.char_indices().nth(limit).unwrap().0..].trim().is_empty());
            }
            Cow::Owned(cut) => {
                prop_assert!(cut.ends_with('…'));
                let kept = &cut[..cut.len() - '…'.len_utf8()];
                prop_assert!(text.trim_start().starts_with(kept), "a prefix of the text");
                prop_assert!(kept.chars().count() <= limit, "within the limit");
                // Where the kept text ends: at a word's end, or inside a word longer than
                // the limit.
                // (Joining punctuation just before the ellipsis is left out.)
                let text = text.trim_start();
                let end = kept.len();
                let inside = words(text).into_iter().find(|(s, e)| *s < end && end < *e);
                if let Some((s, e)) = inside {
                    let only_punctuation = text[end..e].chars().all(|c| ",;:-–—([{“‘\"'/".contains(c));
                    prop_assert!(only_punctuation || text[s..e].chars().count() > limit, "cut inside {:?}", &text[s..e]);
                }
            }
        }
    }
}

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
        ..Action::default()
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
