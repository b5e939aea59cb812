//! One tab's workspace against storage shared with other tabs (`domain::workspace`):
//! each way the issue found work being lost, as the officer would meet it.

mod common;

use std::sync::Arc;

use chrono::NaiveDate;
use common::memory_store::{shared, Event, Held, TabStore};
use common::{d, havering};
use cpc_action_plan::domain::edit::{Edit, ListOp};
use cpc_action_plan::domain::workspace::{Theirs, Workspace};
use cpc_action_plan::domain::Plan;

/// The edit that sets one action's due date.
fn set_due(plan: &Plan, action: &str, due: NaiveDate) -> Edit {
    let (recommendation, index, current) = plan
        .recommendations
        .iter()
        .find_map(|r| {
            r.actions
                .iter()
                .position(|a| a.id == action)
                .map(|i| (r.id.clone(), i, r.actions[i].clone()))
        })
        .expect("the action exists");
    Edit::Action {
        recommendation,
        op: ListOp::Replace(
            index,
            cpc_action_plan::domain::Action {
                due: Some(due),
                ..(*current).clone()
            },
        ),
    }
}

fn due(workspace: &Workspace, plan: &str, action: &str) -> Option<NaiveDate> {
    workspace
        .plan(plan)?
        .actions()
        .find(|(_, a)| a.id == action)
        .and_then(|(_, a)| a.due)
}

/// Delivers every waiting storage event to a tab, as the browser would.
fn hear(workspace: &mut Workspace, store: &TabStore) {
    while let Some(event) = store.next_event() {
        match event {
            Event::Plan(id) => workspace.on_plan_changed(&id, store),
            Event::Index => workspace.on_index_changed(store),
        }
    }
}

/// Two tabs on one storage that holds the Havering plan, saved once.
fn two_tabs() -> (Workspace, TabStore, Workspace, TabStore) {
    let memory = shared(2);
    let mut store_a = TabStore::new(&memory, 0);
    let store_b = TabStore::new(&memory, 1);
    let mut a = Workspace::load("a".into(), &store_a, || vec![havering()]);
    a.save(&mut store_a);
    let b = Workspace::load("b".into(), &store_b, Vec::new);
    store_b
        .memory
        .borrow_mut()
        .events
        .iter_mut()
        .for_each(|q| q.clear());
    (a, store_a, b, store_b)
}

const PLAN: &str = "havering-cpc-2019";

#[test]
fn an_undo_in_one_tab_never_reverts_another_tabs_saved_work_or_deletes_its_copy() {
    let (mut a, mut store_a, mut b, mut store_b) = two_tabs();
    let first = havering().actions().next().unwrap().1.id.clone();
    let second = havering().actions().nth(1).unwrap().1.id.clone();

    // 1. Tab A edits a due date and saves.
    let edit = set_due(a.plan(PLAN).unwrap(), &first, d(2020, 1, 31));
    a.edit(PLAN, edit, None).unwrap();
    a.save(&mut store_a);
    hear(&mut b, &store_b);
    // 2. Tab B edits another action's due date; tab A takes up B's version.
    let edit = set_due(b.plan(PLAN).unwrap(), &second, d(2020, 2, 29));
    b.edit(PLAN, edit, None).unwrap();
    b.save(&mut store_b);
    hear(&mut a, &store_a);
    assert_eq!(due(&a, PLAN, &second), Some(d(2020, 2, 29)));
    // 3. Tab B copies the plan.
    assert!(b.duplicate(PLAN, "plan-copy".into()));
    b.save(&mut store_b);
    hear(&mut a, &store_a);
    assert!(a.plan("plan-copy").is_some(), "A shows B's new copy");
    // 4. Tab A presses Ctrl+Z.
    a.undo();
    a.save(&mut store_a);
    hear(&mut b, &store_b);

    for (tab, workspace) in [("A", &a), ("B", &b)] {
        assert_eq!(
            due(workspace, PLAN, &second),
            Some(d(2020, 2, 29)),
            "B's saved edit, in {tab}"
        );
        assert!(workspace.plan("plan-copy").is_some(), "B's copy, in {tab}");
    }
    let reloaded = Workspace::load("c".into(), &store_a, Vec::new);
    assert_eq!(due(&reloaded, PLAN, &second), Some(d(2020, 2, 29)));
    assert!(reloaded.plan("plan-copy").is_some());
    assert_eq!(
        a.notices().len(),
        1,
        "A is told its undo no longer covers the plan"
    );
    assert!(
        a.notices()[0].contains(&havering().title),
        "{:?}",
        a.notices()
    );
}

#[test]
fn undo_still_covers_this_tabs_own_changes_to_other_plans() {
    let (mut a, mut store_a, mut b, mut store_b) = two_tabs();
    let first = havering().actions().next().unwrap().1.id.clone();
    // A copies the plan and edits its copy; B edits the original.
    a.duplicate(PLAN, "mine".into());
    let edit = set_due(a.plan("mine").unwrap(), &first, d(2021, 3, 31));
    a.edit("mine", edit, None).unwrap();
    a.save(&mut store_a);
    hear(&mut b, &store_b);
    let edit = set_due(b.plan(PLAN).unwrap(), &first, d(2020, 6, 30));
    b.edit(PLAN, edit, None).unwrap();
    b.save(&mut store_b);
    hear(&mut a, &store_a);
    // A's undo takes back A's own edit to its copy, then the copy itself.
    assert!(a.undo());
    assert_eq!(due(&a, "mine", &first), due(&havering_plan(), PLAN, &first));
    assert!(a.undo());
    assert!(a.plan("mine").is_none(), "the copy this tab made");
    assert!(!a.undo(), "nothing else is this tab's");
    assert_eq!(due(&a, PLAN, &first), Some(d(2020, 6, 30)));
    // Redo makes them again.
    assert!(a.redo() && a.redo());
    assert_eq!(due(&a, "mine", &first), Some(d(2021, 3, 31)));
}

fn havering_plan() -> Workspace {
    Workspace::shown(vec![havering()])
}

#[test]
fn typing_in_one_field_is_one_step_and_the_limit_keeps_the_newest() {
    let memory = shared(1);
    let store = TabStore::new(&memory, 0);
    let mut w = Workspace::load("a".into(), &store, || vec![havering()]);
    let first = havering().actions().next().unwrap().1.id.clone();
    for day in 1..=3 {
        let edit = set_due(w.plan(PLAN).unwrap(), &first, d(2020, 1, day));
        w.edit(PLAN, edit, Some("due")).unwrap();
    }
    w.seal();
    let edit = set_due(w.plan(PLAN).unwrap(), &first, d(2020, 1, 9));
    w.edit(PLAN, edit, Some("due")).unwrap();
    assert!(w.undo());
    assert_eq!(
        due(&w, PLAN, &first),
        Some(d(2020, 1, 3)),
        "sealing ends a step"
    );
    assert!(w.undo());
    assert_eq!(
        due(&w, PLAN, &first),
        due(&havering_plan(), PLAN, &first),
        "three keystrokes, one step"
    );
    assert!(!w.undo());
    assert!(w.redo());
    // A new change after an undo drops what could have been redone.
    let edit = set_due(w.plan(PLAN).unwrap(), &first, d(2022, 2, 2));
    w.edit(PLAN, edit, None).unwrap();
    assert!(!w.can_redo());
    // At most 200 steps back.
    for i in 0..250u32 {
        let edit = set_due(
            w.plan(PLAN).unwrap(),
            &first,
            d(2023, 1, 1) + chrono::Days::new(i.into()),
        );
        w.edit(PLAN, edit, None).unwrap();
    }
    let mut steps = 0;
    while w.undo() {
        steps += 1;
    }
    assert_eq!(steps, 200);
}

#[test]
fn a_plan_deleted_in_another_tab_leaves_this_one_and_is_never_written_back() {
    let (mut a, mut store_a, mut b, mut store_b) = two_tabs();
    let first = havering().actions().next().unwrap().1.id.clone();
    // A has an unsaved change when B deletes the plan.
    let edit = set_due(a.plan(PLAN).unwrap(), &first, d(2020, 5, 5));
    a.edit(PLAN, edit, None).unwrap();
    assert!(b.delete(PLAN));
    b.save(&mut store_b);
    a.save(&mut store_a);
    hear(&mut a, &store_a);

    assert!(a.plan(PLAN).is_none(), "the plan leaves tab A");
    assert_eq!(a.removed_elsewhere().len(), 1);
    let kept = &a.removed_elsewhere()[0];
    assert_eq!(
        kept.actions().next().unwrap().1.due,
        Some(d(2020, 5, 5)),
        "with A's unsaved change"
    );
    let memory = store_a.memory.borrow();
    assert!(memory.entries.is_empty(), "nothing written back");
    assert_eq!(memory.index, Some(Ok(Vec::new())), "and not listed");
    drop(memory);
    assert!(!a.undo(), "A's steps for the plan went with it");

    // The officer restores it from A's copy.
    assert_eq!(
        a.restore_removed(PLAN, "fresh".into(), &store_a).as_deref(),
        Some(PLAN)
    );
    a.save(&mut store_a);
    hear(&mut b, &store_b);
    assert_eq!(
        due(&b, PLAN, &first),
        Some(d(2020, 5, 5)),
        "B takes the restored plan"
    );
    let reloaded = Workspace::load("c".into(), &store_a, Vec::new);
    assert_eq!(reloaded.plans().len(), 1);
    assert!(reloaded.unreadable().is_empty());
}

#[test]
fn a_plan_deleted_here_after_another_tab_saved_it_is_kept_with_a_message() {
    let (mut a, mut store_a, mut b, mut store_b) = two_tabs();
    let first = havering().actions().next().unwrap().1.id.clone();
    let edit = set_due(b.plan(PLAN).unwrap(), &first, d(2020, 7, 7));
    b.edit(PLAN, edit, None).unwrap();
    b.save(&mut store_b);
    // A deletes before it hears of B's save.
    a.delete(PLAN);
    a.save(&mut store_a);
    assert_eq!(due(&a, PLAN, &first), Some(d(2020, 7, 7)));
    assert!(a.notices()[0].contains("changed in another tab after you deleted it"));
    assert!(store_a.memory.borrow().entries.contains_key(PLAN));
}

#[test]
fn a_save_that_fills_storage_partway_names_the_plan_and_a_reload_shows_the_rest() {
    let memory = shared(1);
    let mut store = TabStore::new(&memory, 0);
    let mut w = Workspace::load("a".into(), &store, || vec![havering()]);
    w.save(&mut store);
    w.duplicate(PLAN, "copy-1".into());
    w.duplicate(PLAN, "copy-2".into());
    // Room for one more write: the first copy, then neither the second nor the index.
    memory.borrow_mut().writes_left = Some(1);
    w.save(&mut store);
    assert_eq!(w.not_saved().len(), 1);
    assert_eq!(
        w.not_saved()[0].id,
        "copy-1",
        "the plan last in the order failed: {:?}",
        w.not_saved()
    );
    assert_eq!(
        w.not_saved()[0].title,
        format!("Copy of {}", havering().title)
    );
    assert!(w.problem().is_some());
    let reloaded = Workspace::load("b".into(), &store, Vec::new);
    let ids: Vec<&str> = reloaded.plans().iter().map(|p| p.id.as_str()).collect();
    assert_eq!(
        ids,
        [PLAN, "copy-2"],
        "the written copy shows though the index does not list it"
    );
    // Once there is room, the next save writes the rest and lists all three.
    memory.borrow_mut().writes_left = None;
    w.save(&mut store);
    assert!(w.not_saved().is_empty() && w.problem().is_none());
    let reloaded = Workspace::load("b".into(), &store, Vec::new);
    assert_eq!(reloaded.plans().len(), 3);
}

#[test]
fn loading_lists_each_plan_once_and_forgets_ids_with_no_entry() {
    let memory = shared(1);
    let mut store = TabStore::new(&memory, 0);
    let mut w = Workspace::load("a".into(), &store, || vec![havering()]);
    w.save(&mut store);
    memory.borrow_mut().index = Some(Ok(vec![PLAN.into(), "gone".into(), PLAN.into()]));
    let mut w = Workspace::load("a".into(), &store, Vec::new);
    assert_eq!(w.plans().len(), 1);
    assert!(
        w.unreadable().is_empty(),
        "a listed id with no entry is no warning"
    );
    w.duplicate(PLAN, "copy".into());
    w.save(&mut store);
    assert_eq!(
        memory.borrow().index,
        Some(Ok(vec![PLAN.into(), "copy".into()]))
    );
}

fn damaged(text: &str, revision: Option<u64>) -> Held {
    Held::Damaged {
        text: text.into(),
        revision,
    }
}

#[test]
fn an_id_held_by_a_damaged_entry_is_in_use() {
    let memory = shared(1);
    let store = TabStore::new(&memory, 0);
    memory
        .borrow_mut()
        .entries
        .insert(PLAN.into(), damaged("{broken", None));
    let w = Workspace::load("a".into(), &store, Vec::new);
    assert!(w.plans().is_empty());
    assert_eq!(w.unreadable().len(), 1);
    assert!(
        w.id_in_use(PLAN, &store),
        "an import as new must take another id"
    );
    assert!(!w.id_in_use("other", &store));
}

#[test]
fn a_save_over_an_entry_this_build_cannot_read_is_a_conflict_until_the_officer_chooses() {
    let (mut a, mut store_a, _b, _store_b) = two_tabs();
    let first = havering().actions().next().unwrap().1.id.clone();
    // A newer version of the app, in another tab, wrote the plan in a form this one cannot read.
    store_a.memory.borrow_mut().entries.insert(
        PLAN.into(),
        damaged("{\"revision\":9,\"v2\":true}", Some(9)),
    );
    let edit = set_due(a.plan(PLAN).unwrap(), &first, d(2020, 8, 8));
    a.edit(PLAN, edit, None).unwrap();
    a.save(&mut store_a);
    assert!(matches!(&a.conflicts()[0].theirs, Theirs::Unreadable(u) if u.text.contains("v2")));
    assert!(
        matches!(store_a.memory.borrow().entries[PLAN], Held::Damaged { .. }),
        "not written over"
    );
    // Taking theirs is impossible: the conflict stays.
    a.keep_theirs(PLAN, &store_a);
    assert_eq!(a.conflicts().len(), 1);
    a.keep_mine(PLAN);
    a.save(&mut store_a);
    let written = store_a.memory.borrow().entries[PLAN].clone();
    match written {
        Held::Plan(stored) => assert!(stored.revision > 9),
        other => panic!("the officer's choice was not written: {other:?}"),
    }
}

#[test]
fn a_damaged_entry_is_removed_only_when_asked() {
    let memory = shared(1);
    let mut store = TabStore::new(&memory, 0);
    memory
        .borrow_mut()
        .entries
        .insert("bad".into(), damaged("???", None));
    let mut w = Workspace::load("a".into(), &store, || vec![havering()]);
    w.add_plan(Plan {
        id: "p2".into(),
        ..havering()
    });
    w.save(&mut store);
    assert!(memory.borrow().entries.contains_key("bad"));
    let key = w.unreadable()[0].key.clone();
    assert!(w.remove_unreadable(&key, &mut store));
    assert!(!memory.borrow().entries.contains_key("bad"));
    assert!(w.unreadable().is_empty());
}

#[test]
fn another_tabs_save_over_unsaved_work_here_is_a_conflict_with_both_versions() {
    let (mut a, mut store_a, mut b, mut store_b) = two_tabs();
    let first = havering().actions().next().unwrap().1.id.clone();
    let edit = set_due(a.plan(PLAN).unwrap(), &first, d(2020, 9, 9));
    a.edit(PLAN, edit, None).unwrap();
    let edit = set_due(b.plan(PLAN).unwrap(), &first, d(2020, 10, 10));
    b.edit(PLAN, edit, None).unwrap();
    b.save(&mut store_b);
    hear(&mut a, &store_a);
    assert_eq!(a.conflicts().len(), 1);
    a.save(&mut store_a);
    assert!(
        matches!(&store_a.memory.borrow().entries[PLAN], Held::Plan(p) if p.tab == "b"),
        "A did not write over B"
    );
    // Keeping theirs shows B's; undo cannot bring A's back over it.
    a.keep_theirs(PLAN, &store_a);
    assert_eq!(due(&a, PLAN, &first), Some(d(2020, 10, 10)));
    assert!(!a.undo());
    assert!(Arc::ptr_eq(a.plan(PLAN).unwrap(), a.plan(PLAN).unwrap()));
}

#[test]
fn a_choice_to_write_over_an_unreadable_entry_does_not_carry_over_to_another_tabs_readable_save() {
    let (mut a, mut store_a, mut b, mut store_b) = two_tabs();
    let first = havering().actions().next().unwrap().1.id.clone();
    store_a.memory.borrow_mut().entries.insert(
        PLAN.into(),
        damaged("{\"revision\":9,\"v2\":true}", Some(9)),
    );
    let edit = set_due(a.plan(PLAN).unwrap(), &first, d(2020, 8, 8));
    a.edit(PLAN, edit, None).unwrap();
    a.save(&mut store_a);
    assert_eq!(a.conflicts().len(), 1);
    // The officer keeps this tab's version, but storage is full: nothing is written.
    a.keep_mine(PLAN);
    store_a.memory.borrow_mut().writes_left = Some(0);
    a.save(&mut store_a);
    store_a.memory.borrow_mut().writes_left = None;
    // Another tab then writes a readable version (it had kept its own, too).
    let stored_by_b = cpc_action_plan::domain::workspace::StoredPlan {
        revision: 12,
        tab: "b".into(),
        exported_at: None,
        changed_since_export: true,
        origin: None,
        imported: None,
        plan: b.plan(PLAN).unwrap().clone(),
    };
    use cpc_action_plan::domain::workspace::Store;
    store_b.write(&stored_by_b).unwrap();
    // Tab A saves before it hears of it: it must not write over B's version.
    a.save(&mut store_a);
    assert!(matches!(&store_a.memory.borrow().entries[PLAN], Held::Plan(p) if p.tab == "b"));
    assert!(matches!(&a.conflicts()[0].theirs, Theirs::Plan(p) if p.tab == "b"));
    let _ = &mut b;
}

#[test]
fn removing_an_entry_that_another_tab_has_since_made_readable_takes_it_instead() {
    let memory = shared(2);
    let store_x = TabStore::new(&memory, 0);
    let mut store_y = TabStore::new(&memory, 1);
    memory
        .borrow_mut()
        .entries
        .insert(PLAN.into(), damaged("{broken", Some(3)));
    let mut y = Workspace::load("y".into(), &store_y, Vec::new);
    let key = y.unreadable()[0].key.clone();
    // Another tab writes a readable plan there before Y's officer confirms the removal.
    let mut x = Workspace::load("x".into(), &store_x, Vec::new);
    x.add_plan(havering());
    let mut store_x = store_x;
    x.save(&mut store_x);
    assert_eq!(x.conflicts().len(), 1, "X is asked first");
    x.keep_mine(PLAN);
    x.save(&mut store_x);
    assert!(matches!(&memory.borrow().entries[PLAN], Held::Plan(_)));
    assert!(!y.remove_unreadable(&key, &mut store_y));
    assert!(
        memory.borrow().entries.contains_key(PLAN),
        "the good plan is not removed"
    );
    assert!(y.plan(PLAN).is_some(), "Y shows it now");
    assert!(y.unreadable().is_empty());
}
