//! Merging returned copies (`format::merge`): the whole plan, three ways, in any order.
//!
//! The property tests send one plan out as several exports, let lead officers change
//! their own parts of a copy of one of them, change the officer's own parts here in the
//! meantime, and merge every copy back in every order.

mod common;

use std::collections::{BTreeSet, HashSet};
use std::sync::Arc;

use common::{d, havering, update};
use cpc_action_plan::domain::{Action, Plan, Status};
use cpc_action_plan::format::merge::{compare, merge, Kind, Side};
use proptest::prelude::*;

fn action_mut<'a>(plan: &'a mut Plan, id: &str) -> &'a mut Action {
    plan.recommendations
        .iter_mut()
        .flat_map(|r| r.actions.iter_mut())
        .find(|a| a.id == id)
        .map(Arc::make_mut)
        .expect("the action exists")
}

fn defaults(base: Option<&Plan>, ours: &Plan, theirs: &Plan) -> HashSet<String> {
    compare(base, ours, theirs).default_take()
}

/// The scenario: two exports, two leads, returned in order, defaults only.
#[test]
fn two_leads_on_two_exports_keep_every_change_with_no_choice_needed() {
    let first_export = havering();
    // Export 1 goes to lead A. Then the officer changes a due date and sends export 2 to B.
    let mut here = first_export.clone();
    action_mut(&mut here, "r5-a2").due = Some(d(2020, 1, 31));
    let second_export = here.clone();
    // Lead A marks r5-a1 on track with an update; lead B marks r6-a1 at risk with one.
    let mut a = first_export.clone();
    action_mut(&mut a, "r5-a1").status = Status::OnTrack;
    action_mut(&mut a, "r5-a1")
        .updates
        .push(update("u-a", d(2019, 10, 1), Status::OnTrack));
    let mut b = second_export.clone();
    action_mut(&mut b, "r6-a1").status = Status::AtRisk;
    action_mut(&mut b, "r6-a1")
        .updates
        .push(update("u-b", d(2019, 10, 2), Status::AtRisk));

    let comparison = compare(Some(&first_export), &here, &a);
    assert!(comparison.differences.iter().all(|d| !d.needs_choice()));
    let here = merge(Some(&first_export), &here, &a, &comparison.default_take()).unwrap();
    let comparison = compare(Some(&second_export), &here, &b);
    assert!(
        comparison.differences.iter().all(|d| !d.needs_choice()),
        "{:?}",
        comparison.differences
    );
    let here = merge(Some(&second_export), &here, &b, &comparison.default_take()).unwrap();

    let r5a1 = here.action("r5-a1").unwrap().1;
    assert_eq!(
        (r5a1.status, r5a1.updates.len()),
        (Status::OnTrack, 1),
        "lead A's change survives B's merge"
    );
    let r6a1 = here.action("r6-a1").unwrap().1;
    assert_eq!((r6a1.status, r6a1.updates.len()), (Status::AtRisk, 1));
    assert_eq!(
        here.action("r5-a2").unwrap().1.due,
        Some(d(2020, 1, 31)),
        "the officer's date"
    );
}

#[test]
fn a_difference_says_where_what_and_both_values_as_a_person_reads_them() {
    let base = havering();
    let mut theirs = base.clone();
    action_mut(&mut theirs, "r5-a1").status = Status::OnTrack;
    let mut ours = base.clone();
    action_mut(&mut ours, "r5-a2").due = Some(d(2020, 1, 31));
    let comparison = compare(Some(&base), &ours, &theirs);
    let found: Vec<(&str, &str, &str, &str, &str, Side)> = comparison
        .differences
        .iter()
        .map(|d| {
            (
                d.group.as_str(),
                d.place.as_str(),
                d.what.as_str(),
                d.ours.as_str(),
                d.theirs.as_str(),
                d.side,
            )
        })
        .collect();
    let due_before = base
        .action("r5-a2")
        .unwrap()
        .1
        .due
        .map(cpc_action_plan::domain::dates::format_long)
        .unwrap_or_default();
    assert_eq!(
        found,
        [
            (
                "Recommendation 5",
                "Action 5.1",
                "Status",
                "Not started",
                "On track",
                Side::Theirs
            ),
            (
                "Recommendation 5",
                "Action 5.2",
                "Due",
                "31 January 2020",
                due_before.as_str(),
                Side::Ours
            ),
        ]
    );
    assert_eq!(comparison.changes_in_file(), 1);
}

#[test]
fn the_whole_plan_is_merged_not_only_actions() {
    let base = havering();
    let mut theirs = base.clone();
    theirs.title = "Improvement plan, as revised by the lead".into();
    theirs.review.onsite_to = Some(d(2019, 3, 2));
    theirs.findings.push("A new finding".into());
    theirs.recommendations[2].context = "New context".into();
    theirs.milestones[0].note = "Met".into();
    theirs.themes[0].title = "Place and priorities".into();
    // An action moved to another recommendation, and an update edited.
    let moved = theirs.recommendations[0].actions.remove(0);
    theirs.recommendations[1].actions.push(moved);
    action_mut(&mut theirs, "r3-a1")
        .updates
        .push(update("u-1", d(2019, 6, 1), Status::OnTrack));
    let mut base_with_update = base.clone();
    action_mut(&mut base_with_update, "r3-a1")
        .updates
        .push(update("u-1", d(2019, 6, 1), Status::OnTrack));
    let mut theirs_edited_update = base_with_update.clone();
    Arc::make_mut(&mut theirs_edited_update.recommendations[2].actions[0]).updates[0].note =
        "Edited by the lead".into();

    let comparison = compare(Some(&base), &base, &theirs);
    let whats: BTreeSet<&str> = comparison
        .differences
        .iter()
        .map(|d| d.what.as_str())
        .collect();
    for expected in [
        "Title",
        "Peer team's last day on site",
        "Key findings",
        "Context",
        "Note",
        "Where it is",
        "The progress update",
    ] {
        assert!(
            whats.contains(expected),
            "{expected} missing from {whats:?}"
        );
    }
    assert!(comparison
        .differences
        .iter()
        .all(|d| d.side == Side::Theirs));
    let merged = merge(Some(&base), &base, &theirs, &comparison.default_take()).unwrap();
    assert_eq!(merged, theirs);

    // An update edited in the file, compared field by field.
    let comparison = compare(
        Some(&base_with_update),
        &base_with_update,
        &theirs_edited_update,
    );
    assert_eq!(comparison.differences.len(), 1);
    assert_eq!(comparison.differences[0].what, "Note");
    assert!(comparison.differences[0]
        .place
        .starts_with("Progress update of 1 June 2019 on action 3.1"));
    // An update deleted here stays deleted (it does not come back from the file).
    let comparison = compare(Some(&base_with_update), &base, &base_with_update);
    assert_eq!(comparison.differences[0].side, Side::Ours);
    let merged = merge(
        Some(&base_with_update),
        &base,
        &base_with_update,
        &comparison.default_take(),
    )
    .unwrap();
    assert!(merged.action("r3-a1").unwrap().1.updates.is_empty());
}

#[test]
fn a_delete_against_a_change_is_always_the_officers_choice_showing_what_would_be_lost() {
    let base = havering();
    // The file deleted an action that was changed here.
    let mut ours = base.clone();
    action_mut(&mut ours, "r4-a1").due = Some(d(2020, 4, 30));
    action_mut(&mut ours, "r4-a1")
        .updates
        .push(update("u-here", d(2019, 9, 1), Status::OnTrack));
    let mut theirs = base.clone();
    theirs.recommendations[3]
        .actions
        .retain(|a| a.id != "r4-a1");
    let comparison = compare(Some(&base), &ours, &theirs);
    assert_eq!(comparison.differences.len(), 1);
    let choice = &comparison.differences[0];
    assert_eq!((choice.kind, choice.side), (Kind::OnlyOurs, Side::Both));
    assert!(!choice.taken_by_default() && choice.needs_choice());
    assert_eq!(
        choice.lost_if_deleted.len(),
        2,
        "{:?}",
        choice.lost_if_deleted
    );
    assert!(choice.lost_if_deleted[0].contains("Due changed to “30 April 2020”"));
    let kept = merge(Some(&base), &ours, &theirs, &HashSet::new()).unwrap();
    assert!(kept.action("r4-a1").is_some());
    let removed = merge(Some(&base), &ours, &theirs, &[choice.key.clone()].into()).unwrap();
    assert!(removed.action("r4-a1").is_none());

    // This browser deleted an action the file changed.
    let comparison = compare(Some(&base), &theirs, &ours);
    assert_eq!(
        (
            comparison.differences[0].kind,
            comparison.differences[0].side
        ),
        (Kind::OnlyTheirs, Side::Both)
    );
    assert_eq!(comparison.differences[0].lost_if_deleted.len(), 2);
    // A plain delete on either side is taken or kept without asking.
    let comparison = compare(Some(&base), &base, &theirs);
    assert_eq!(comparison.differences[0].side, Side::Theirs);
    let comparison = compare(Some(&base), &theirs, &base);
    assert_eq!(comparison.differences[0].side, Side::Ours);
}

#[test]
fn without_the_copy_sent_nothing_that_changes_a_value_here_is_taken_by_default() {
    let base = havering();
    let mut theirs = base.clone();
    action_mut(&mut theirs, "r7-a1").timescale = "March 2021".into();
    theirs.recommendations[7]
        .actions
        .retain(|a| a.id != "r8-a2");
    let comparison = compare(None, &base, &theirs);
    assert!(!comparison.has_base);
    assert_eq!(comparison.differences.len(), 2);
    assert!(comparison
        .differences
        .iter()
        .all(|d| d.side == Side::Unknown && !d.taken_by_default()));
    assert_eq!(
        merge(None, &base, &theirs, &comparison.default_take()).unwrap(),
        base
    );
    // "Take all of theirs" gives the file.
    let all: HashSet<String> = comparison
        .differences
        .iter()
        .map(|d| d.key.clone())
        .collect();
    assert_eq!(merge(None, &base, &theirs, &all).unwrap(), theirs);
}

#[test]
fn progress_updates_added_on_both_sides_are_each_kept_once_oldest_first() {
    let base = havering();
    let (mut ours, mut theirs) = (base.clone(), base.clone());
    action_mut(&mut ours, "r9-a1")
        .updates
        .push(update("u-ours", d(2019, 10, 5), Status::OnTrack));
    action_mut(&mut theirs, "r9-a1").updates.push(update(
        "u-theirs",
        d(2019, 10, 9),
        Status::AtRisk,
    ));
    let comparison = compare(Some(&base), &ours, &theirs);
    let merged = merge(Some(&base), &ours, &theirs, &comparison.default_take()).unwrap();
    let ids: Vec<&str> = merged
        .action("r9-a1")
        .unwrap()
        .1
        .updates
        .iter()
        .map(|u| u.id.as_str())
        .collect();
    assert_eq!(ids, ["u-ours", "u-theirs"]);
    let again = merge(
        Some(&base),
        &merged,
        &theirs,
        &compare(Some(&base), &merged, &theirs).default_take(),
    )
    .unwrap();
    assert_eq!(again, merged, "merging the same copy twice changes nothing");
}

#[test]
fn a_plan_merged_with_itself_is_unchanged() {
    let plan = havering();
    assert!(compare(Some(&plan), &plan, &plan).differences.is_empty());
    assert_eq!(
        merge(Some(&plan), &plan, &plan, &HashSet::new()).unwrap(),
        plan
    );
    assert_eq!(merge(None, &plan, &plan, &HashSet::new()).unwrap(), plan);
}

#[test]
fn a_merge_that_would_break_a_rule_is_refused_with_the_reason() {
    let base = havering();
    // Here a theme is deleted (and taken off its recommendations); the file gives another
    // recommendation that theme.
    let mut ours = base.clone();
    let theme = ours.themes.remove(0).id;
    for rec in &mut ours.recommendations {
        rec.themes.retain(|t| *t != theme);
    }
    let mut theirs = base.clone();
    let target = theirs
        .recommendations
        .iter_mut()
        .find(|r| !r.themes.contains(&theme))
        .unwrap();
    target.themes.push(theme.clone());
    let comparison = compare(Some(&base), &ours, &theirs);
    let problems = merge(Some(&base), &ours, &theirs, &comparison.default_take()).unwrap_err();
    assert!(
        problems.iter().any(|p| p.to_string().contains(&theme)),
        "{problems:?}"
    );
}

// ---- Property tests -------------------------------------------------------------------

/// One change a lead (or the officer) makes to the parts they own.
#[derive(Clone, Debug)]
enum Change {
    Status(usize, Status),
    Due(usize, u32),
    Text(usize),
    Leads(usize),
    AddUpdate(usize),
    AddAction(usize),
    MoveAction(usize, usize),
    DeleteAction(usize),
    RecTitle(usize),
}

fn status() -> impl Strategy<Value = Status> {
    prop_oneof![
        Just(Status::OnTrack),
        Just(Status::AtRisk),
        Just(Status::Completed),
        Just(Status::NotStarted)
    ]
}

fn change() -> impl Strategy<Value = Change> {
    prop_oneof![
        (any::<usize>(), status()).prop_map(|(a, s)| Change::Status(a, s)),
        (any::<usize>(), 1..28u32).prop_map(|(a, day)| Change::Due(a, day)),
        any::<usize>().prop_map(Change::Text),
        any::<usize>().prop_map(Change::Leads),
        any::<usize>().prop_map(Change::AddUpdate),
        any::<usize>().prop_map(Change::AddAction),
        (any::<usize>(), any::<usize>()).prop_map(|(a, r)| Change::MoveAction(a, r)),
        any::<usize>().prop_map(Change::DeleteAction),
        any::<usize>().prop_map(Change::RecTitle),
    ]
}

/// Applies `change` by `who` (its `n`th), within the recommendations `owned` (indexes
/// into the original plan's list; the owner's actions are those in them at the start).
fn apply(
    plan: &mut Plan,
    change: &Change,
    who: usize,
    n: usize,
    owned: &[String],
    owned_actions: &[String],
) {
    let live: Vec<String> = owned_actions
        .iter()
        .filter(|a| plan.action(a).is_some())
        .cloned()
        .collect();
    let pick = |i: usize| live.get(i % live.len().max(1)).cloned();
    let rec_index = |plan: &Plan, id: &str| {
        plan.recommendations
            .iter()
            .position(|r| r.id == id)
            .unwrap()
    };
    let tag = format!("{who}-{n}");
    match change {
        Change::Status(i, s) => {
            if let Some(a) = pick(*i) {
                action_mut(plan, &a).status = *s;
            }
        }
        Change::Due(i, day) => {
            if let Some(a) = pick(*i) {
                action_mut(plan, &a).due = Some(d(2021, 1 + (who as u32 % 12), *day));
            }
        }
        Change::Text(i) => {
            if let Some(a) = pick(*i) {
                action_mut(plan, &a).text = format!("Text by {tag}");
            }
        }
        Change::Leads(i) => {
            if let Some(a) = pick(*i) {
                action_mut(plan, &a).leads = vec![format!("Lead {tag}")];
            }
        }
        Change::AddUpdate(i) => {
            if let Some(a) = pick(*i) {
                let action = action_mut(plan, &a);
                let date = action
                    .updates
                    .last()
                    .map_or(d(2020, 1, 1), |u| u.date + chrono::Days::new(1));
                action
                    .updates
                    .push(update(&format!("u-{tag}"), date, Status::OnTrack));
            }
        }
        Change::AddAction(r) => {
            let rec = &owned[r % owned.len()];
            let i = rec_index(plan, rec);
            let template = (*havering().recommendations[0].actions[0]).clone();
            plan.recommendations[i].actions.push(Arc::new(Action {
                id: format!("a-{tag}"),
                text: format!("New action by {tag}"),
                updates: Vec::new(),
                ..template
            }));
        }
        Change::MoveAction(a, r) => {
            let (Some(action), rec) = (pick(*a), &owned[r % owned.len()]) else {
                return;
            };
            let from = plan
                .recommendations
                .iter()
                .position(|x| x.actions.iter().any(|y| y.id == action))
                .unwrap();
            let to = rec_index(plan, rec);
            if from == to {
                return;
            }
            let index = plan.recommendations[from]
                .actions
                .iter()
                .position(|y| y.id == action)
                .unwrap();
            let moved = plan.recommendations[from].actions.remove(index);
            plan.recommendations[to].actions.push(moved);
        }
        Change::DeleteAction(a) => {
            if let Some(action) = pick(*a) {
                for rec in &mut plan.recommendations {
                    rec.actions.retain(|x| x.id != action);
                }
            }
        }
        Change::RecTitle(r) => {
            let i = rec_index(plan, &owned[r % owned.len()]);
            plan.recommendations[i].title = format!("Title by {tag}");
        }
    }
}

#[derive(Clone, Debug)]
struct Round {
    /// For each lead: the export their copy came from, and their changes.
    leads: Vec<(usize, Vec<Change>)>,
    /// The officer's own changes before each export after the first.
    officer: Vec<Vec<Change>>,
}

fn round() -> impl Strategy<Value = Round> {
    (1..=3usize, 2..=3usize).prop_flat_map(|(exports, leads)| {
        (
            prop::collection::vec((0..exports, prop::collection::vec(change(), 1..6)), leads),
            prop::collection::vec(prop::collection::vec(change(), 0..4), exports),
        )
            .prop_map(|(leads, officer)| Round { leads, officer })
    })
}

fn permutations(n: usize) -> Vec<Vec<usize>> {
    if n == 0 {
        return vec![Vec::new()];
    }
    let mut all = Vec::new();
    for rest in permutations(n - 1) {
        for i in 0..=rest.len() {
            let mut p = rest.clone();
            p.insert(i, n - 1);
            all.push(p);
        }
    }
    all
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, failure_persistence: None, ..ProptestConfig::default() })]

    /// Copies that changed different things, each from one of several exports, merge to
    /// the same plan in every order, with every change present and nothing to choose.
    #[test]
    fn copies_from_any_export_merge_to_the_same_plan_in_any_order(round in round()) {
        let start = havering();
        let leads = round.leads.len();
        // The recommendations are dealt out: the officer owns one share, each lead another.
        let owners = leads + 1;
        let owned: Vec<Vec<String>> = (0..owners)
            .map(|o| start.recommendations.iter().enumerate().filter(|(i, _)| i % owners == o).map(|(_, r)| r.id.clone()).collect())
            .collect();
        let owned_actions: Vec<Vec<String>> = owned
            .iter()
            .map(|recs| start.actions().filter(|(r, _)| recs.contains(&r.id)).map(|(_, a)| a.id.clone()).collect())
            .collect();
        // The exports: the officer's own changes come between them.
        let mut here = start.clone();
        let mut expected = start.clone();
        let mut exports = Vec::new();
        for (e, changes) in round.officer.iter().enumerate() {
            if e > 0 {
                for (n, c) in changes.iter().enumerate() {
                    apply(&mut here, c, 0, 100 * e + n, &owned[0], &owned_actions[0]);
                    apply(&mut expected, c, 0, 100 * e + n, &owned[0], &owned_actions[0]);
                }
            }
            exports.push(here.clone());
        }
        let mut copies = Vec::new();
        for (lead, (export, changes)) in round.leads.iter().enumerate() {
            let mut copy = exports[*export].clone();
            for (n, c) in changes.iter().enumerate() {
                apply(&mut copy, c, lead + 1, n, &owned[lead + 1], &owned_actions[lead + 1]);
                apply(&mut expected, c, lead + 1, n, &owned[lead + 1], &owned_actions[lead + 1]);
            }
            copies.push((*export, copy));
        }
        for order in permutations(leads) {
            let mut merged = here.clone();
            for &lead in &order {
                let (export, copy) = &copies[lead];
                let base = &exports[*export];
                let comparison = compare(Some(base), &merged, copy);
                prop_assert!(comparison.differences.iter().all(|d| !d.needs_choice()), "a choice was asked: {:?}", comparison.differences);
                merged = merge(Some(base), &merged, copy, &comparison.default_take()).map_err(|p| TestCaseError::fail(format!("{p:?}")))?;
            }
            if merged != expected {
                let wrong: Vec<String> = compare(None, &expected, &merged)
                    .differences
                    .iter()
                    .map(|d| format!("{} {}: expected {:?}, merged {:?}", d.place, d.what, d.ours, d.theirs))
                    .collect();
                prop_assert!(false, "order {:?}: {:#?}", order, wrong);
            }
            // Merging any copy again changes nothing.
            let (export, copy) = &copies[order[0]];
            let again = merge(Some(&exports[*export]), &merged, copy, &defaults(Some(&exports[*export]), &merged, copy)).unwrap();
            prop_assert_eq!(&again, &merged);
        }
    }

    /// The same field changed on both sides to different values is always a choice.
    #[test]
    fn the_same_field_changed_on_both_sides_is_always_a_choice(action in 0..32usize, field in 0..4usize, plan_field in any::<bool>()) {
        let base = havering();
        let (mut ours, mut theirs) = (base.clone(), base.clone());
        if plan_field {
            ours.council = "Ours".into();
            theirs.council = "Theirs".into();
        } else {
            let id = base.actions().nth(action).unwrap().1.id.clone();
            for (plan, value) in [(&mut ours, "ours"), (&mut theirs, "theirs")] {
                let a = action_mut(plan, &id);
                match field {
                    0 => a.text = format!("Text {value}"),
                    1 => a.leads = vec![value.to_string()],
                    2 => a.timescale = value.to_string(),
                    _ => a.due = Some(if value == "ours" { d(2030, 1, 1) } else { d(2031, 1, 1) }),
                }
            }
        }
        let comparison = compare(Some(&base), &ours, &theirs);
        prop_assert_eq!(comparison.differences.len(), 1);
        prop_assert!(comparison.differences[0].needs_choice());
        prop_assert!(comparison.default_take().is_empty());
        prop_assert_eq!(merge(Some(&base), &ours, &theirs, &comparison.default_take()).unwrap(), ours);
    }

    /// Nothing disappears with the page's default choices unless one side deleted it
    /// and the other had left it as it was.
    #[test]
    fn nothing_disappears_unless_one_side_deleted_what_the_other_left_alone(
        ours_changes in prop::collection::vec(change(), 0..8),
        theirs_changes in prop::collection::vec(change(), 0..8),
    ) {
        let base = havering();
        let all: Vec<String> = base.recommendations.iter().map(|r| r.id.clone()).collect();
        let all_actions: Vec<String> = base.actions().map(|(_, a)| a.id.clone()).collect();
        let (mut ours, mut theirs) = (base.clone(), base.clone());
        for (n, c) in ours_changes.iter().enumerate() {
            apply(&mut ours, c, 1, n, &all, &all_actions);
        }
        for (n, c) in theirs_changes.iter().enumerate() {
            apply(&mut theirs, c, 2, n, &all, &all_actions);
        }
        let comparison = compare(Some(&base), &ours, &theirs);
        let merged = match merge(Some(&base), &ours, &theirs, &comparison.default_take()) {
            Ok(merged) => merged,
            // Two copies can combine into a plan the rules refuse (the same action moved to
            // two places is fine; two new actions cannot clash, their ids differ): refused
            // whole, nothing is lost.
            Err(_) => return Ok(()),
        };
        let same = |a: &Plan, b: &Plan, id: &str| a.action(id).map(|x| x.1) == b.action(id).map(|x| x.1);
        for (_, action) in ours.actions() {
            if merged.action(&action.id).is_none() {
                let plain_delete = theirs.action(&action.id).is_none() && base.action(&action.id).is_some() && same(&ours, &base, &action.id);
                prop_assert!(plain_delete, "{} disappeared", action.id);
            }
            for u in &action.updates {
                let kept = merged.action(&action.id).is_some_and(|(_, a)| a.updates.iter().any(|x| x.id == u.id));
                prop_assert!(kept || merged.action(&action.id).is_none(), "update {} disappeared", u.id);
            }
        }
        for (_, action) in theirs.actions() {
            let added_there = base.action(&action.id).is_none();
            if added_there {
                prop_assert!(merged.action(&action.id).is_some(), "{} added in the file was not taken", action.id);
            }
        }
        for rec in &ours.recommendations {
            prop_assert!(merged.recommendation(&rec.id).is_some());
        }
    }
}

#[test]
fn a_returned_file_finds_the_copy_it_came_from_and_an_older_return_is_noticed() {
    use cpc_action_plan::format::sent::{copy_for, Returned, SentCopy};
    use cpc_action_plan::format::Imported;
    let copy = |id: &str| SentCopy {
        export_id: id.into(),
        exported_at: "2026-10-03T09:00:00Z".into(),
        sent_to: "AD Policy".into(),
        returned: Vec::new(),
    };
    let sent = vec![copy("x-one"), copy("x-two")];
    let file = |export_id: Option<&str>, from: Option<&str>| Imported {
        plan: havering(),
        exported_at: Some("2026-10-10T12:00:00Z".into()),
        export_id: export_id.map(str::to_string),
        from_export: from.map(str::to_string),
        for_lead: None,
        warnings: Vec::new(),
    };
    // A lead's copy names the copy it came from; a copy returned as it was is its own.
    assert_eq!(
        copy_for(&file(Some("x-lead"), Some("x-two")), &sent)
            .unwrap()
            .export_id,
        "x-two"
    );
    assert_eq!(
        copy_for(&file(Some("x-one"), None), &sent)
            .unwrap()
            .export_id,
        "x-one"
    );
    assert!(copy_for(&file(Some("x-else"), Some("x-gone")), &sent).is_none());
    assert!(copy_for(&file(None, None), &sent).is_none());

    let mut merged = copy("x-one");
    merged.returned.push(Returned {
        export_id: Some("x-lead-later".into()),
        exported_at: Some("2026-10-20T08:00:00Z".into()),
        merged_on: "2026-10-21".into(),
    });
    let newer = merged
        .newer_return_than(Some("2026-10-10T12:00:00Z"))
        .unwrap();
    assert_eq!(newer.merged_on, "2026-10-21");
    assert!(merged
        .newer_return_than(Some("2026-10-25T00:00:00Z"))
        .is_none());
    assert!(merged.newer_return_than(None).is_none());
}

#[test]
fn an_action_both_copies_have_is_never_dropped_for_want_of_a_place() {
    let base = havering();
    // The file deletes recommendation 1, adds a new one, and moves r1-a1 into it.
    let mut theirs = base.clone();
    let mut removed = theirs.recommendations.remove(0);
    let moved = removed.actions.remove(0);
    let mut new_rec = removed.clone();
    new_rec.id = "r-new".into();
    new_rec.number = "14".into();
    new_rec.actions = vec![moved];
    theirs.recommendations.push(new_rec);
    let comparison = compare(Some(&base), &base, &theirs);
    let mut take = comparison.default_take();
    assert!(merge(Some(&base), &base, &theirs, &take)
        .unwrap()
        .action("r1-a1")
        .is_some());
    // Leaving out the new recommendation would leave r1-a1 nowhere: refused, with why.
    take.remove("recommendations:r-new#present");
    let problems = merge(Some(&base), &base, &theirs, &take).unwrap_err();
    assert!(
        problems[0].to_string().contains("nowhere to be"),
        "{problems:?}"
    );
}

#[test]
fn an_action_deleted_here_and_moved_and_changed_in_the_file_is_a_choice() {
    let base = havering();
    let mut ours = base.clone();
    ours.recommendations[1].actions.retain(|a| a.id != "r2-a1");
    let mut theirs = base.clone();
    let mut moved = theirs.recommendations[1].actions.remove(0);
    Arc::make_mut(&mut moved).text = "Changed in the file".into();
    let mut new_rec = theirs.recommendations[1].clone();
    new_rec.id = "r-new".into();
    new_rec.number = "14".into();
    new_rec.actions = vec![moved];
    theirs.recommendations.push(new_rec);
    let comparison = compare(Some(&base), &ours, &theirs);
    let choice = comparison
        .differences
        .iter()
        .find(|d| d.key == "recommendations.actions:r2-a1#present")
        .expect("the action is offered, not hidden under its new recommendation");
    assert_eq!((choice.kind, choice.side), (Kind::OnlyTheirs, Side::Both));
    assert!(!choice.lost_if_deleted.is_empty());
}

/// The committee cycle's fields merge like every other: a lead's copy that moved a date
/// (with its record) and wrote a recommendation's narrative comes back while the officer
/// recorded a report and set the plan's contacts; returned in either order, all is kept.
#[test]
fn the_committee_cycles_fields_merge_like_every_other_field() {
    use cpc_action_plan::domain::edit::{apply, Edit, ListOp};
    use cpc_action_plan::domain::reports::{figures, ReportOptions};
    use cpc_action_plan::domain::{IssuedKind, IssuedReport, Narrative};
    let sent = havering();
    let lead = apply(
        &sent,
        Edit::Due {
            action: "r5-a1".into(),
            due: Some(d(2020, 6, 30)),
            today: d(2020, 1, 10),
            id: "move-1".into(),
            reason: "New structure first".into(),
        },
    )
    .unwrap();
    let lead = apply(
        &lead,
        Edit::Narrative {
            recommendation: "r5".into(),
            op: ListOp::Add(Narrative {
                id: "n-1".into(),
                date: d(2020, 1, 10),
                progress: "Drafting has begun.".into(),
                next_steps: "Consult staff.".into(),
                rating: None,
                author: "AD Policy".into(),
            }),
        },
    )
    .unwrap();
    let mut here = sent.clone();
    here.contact_officer = "Head of Policy".into();
    here.reports.push(IssuedReport {
        id: "rep-1".into(),
        kind: IssuedKind::Progress,
        committee: "Cabinet".into(),
        meeting: None,
        as_at: d(2019, 12, 31),
        issued: d(2020, 1, 5),
        address: "as_at=2019-12-31&committee=Cabinet".into(),
        figures: figures(&sent, &ReportOptions::default(), d(2019, 12, 31)),
    });
    let comparison = compare(Some(&sent), &here, &lead);
    assert!(comparison.differences.iter().all(|d| !d.needs_choice()));
    let merged = merge(Some(&sent), &here, &lead, &comparison.default_take()).unwrap();
    let (_, moved) = merged.action("r5-a1").unwrap();
    assert_eq!(moved.due, Some(d(2020, 6, 30)));
    assert_eq!(moved.due_history.len(), 1);
    assert_eq!(moved.due_history[0].reason, "New structure first");
    assert_eq!(merged.recommendation("r5").unwrap().narrative.len(), 1);
    assert_eq!(merged.contact_officer, "Head of Policy");
    assert_eq!(merged.reports.len(), 1);
    // The other way round, the same plan.
    let comparison = compare(Some(&sent), &lead, &here);
    let other = merge(Some(&sent), &lead, &here, &comparison.default_take()).unwrap();
    assert_eq!(other, merged);
    // Merging the lead's copy again changes nothing.
    let comparison = compare(Some(&sent), &merged, &lead);
    let again = merge(Some(&sent), &merged, &lead, &comparison.default_take()).unwrap();
    assert_eq!(again, merged);
}
