//! The promise that nothing is lost, checked over random sessions of two or three tabs
//! sharing one storage: edits, typing, saves (some failing when storage is full),
//! undo and redo, deletes, copies, restores, reloads, conflicts settled either way, and
//! storage events arriving late.
//!
//! Every edit adds a marker (a theme with a unique id) to a plan, so what each tab saved
//! can be followed. After every step, and after the tabs settle, it checks that:
//! - every marker saved in a plan is still stored in it, unless the officer was shown it
//!   in a conflict, deleted the plan, lost it at a reload with the plan named as not
//!   saved, or its own tab undid it;
//! - an undo or redo never takes away a marker another tab saved, nor a plan holding one;
//! - no plan that was stored disappears unless a tab deleted it, and no tab writes back
//!   a plan another tab deleted unless the officer restored it;
//! - the index never lists a plan twice, and a reload shows every stored plan;
//! - once settled, every tab shows what storage holds.

mod common;

use std::collections::{BTreeMap, BTreeSet, HashSet};

use common::memory_store::{shared, Event, Held, TabStore};
use cpc_action_plan::domain::edit::{Edit, ListOp};
use cpc_action_plan::domain::templates::{new_plan, ThemeSet};
use cpc_action_plan::domain::workspace::{Store, Theirs, Workspace};
use cpc_action_plan::domain::{Plan, ReviewKind, Theme, ThemeKind};
use proptest::prelude::*;

#[derive(Clone, Debug)]
enum Op {
    /// A tab adds a marker to one of its plans; `typing` joins it to the step before.
    Edit {
        tab: usize,
        plan: usize,
        typing: bool,
    },
    Seal(usize),
    Save(usize),
    Undo(usize),
    Redo(usize),
    Delete {
        tab: usize,
        plan: usize,
    },
    Copy {
        tab: usize,
        plan: usize,
    },
    /// One storage event reaches the tab.
    Hear(usize),
    HearAll(usize),
    KeepMine(usize),
    KeepTheirs(usize),
    Restore(usize),
    Dismiss(usize),
    /// The tab is closed (saving first, as `pagehide` does) and opened again.
    Reload(usize),
    /// Storage takes this many more writes, then is full.
    Fill(usize),
    Roomy,
}

fn op(tabs: usize) -> impl Strategy<Value = Op> {
    let tab = 0..tabs;
    prop_oneof![
        6 => (tab.clone(), 0..4usize, any::<bool>()).prop_map(|(tab, plan, typing)| Op::Edit { tab, plan, typing }),
        1 => tab.clone().prop_map(Op::Seal),
        4 => tab.clone().prop_map(Op::Save),
        3 => tab.clone().prop_map(Op::Undo),
        1 => tab.clone().prop_map(Op::Redo),
        1 => (tab.clone(), 0..4usize).prop_map(|(tab, plan)| Op::Delete { tab, plan }),
        1 => (tab.clone(), 0..4usize).prop_map(|(tab, plan)| Op::Copy { tab, plan }),
        4 => tab.clone().prop_map(Op::Hear),
        2 => tab.clone().prop_map(Op::HearAll),
        1 => tab.clone().prop_map(Op::KeepMine),
        1 => tab.clone().prop_map(Op::KeepTheirs),
        1 => tab.clone().prop_map(Op::Restore),
        1 => tab.clone().prop_map(Op::Dismiss),
        1 => tab.prop_map(Op::Reload),
        1 => (0..4usize).prop_map(Op::Fill),
        1 => Just(Op::Roomy),
    ]
}

fn session() -> impl Strategy<Value = (usize, Vec<Op>)> {
    (2..=3usize).prop_flat_map(|tabs| (Just(tabs), prop::collection::vec(op(tabs), 1..50)))
}

/// (plan id, marker): one saved edit.
type Pair = (String, String);

fn markers(plan: &Plan) -> impl Iterator<Item = String> + '_ {
    plan.themes.iter().map(|t| t.id.clone())
}

fn pairs(plan: &Plan) -> BTreeSet<Pair> {
    markers(plan).map(|m| (plan.id.clone(), m)).collect()
}

struct Tab {
    workspace: Workspace,
    store: TabStore,
    /// Plans this tab brought back itself (undo, redo, restore) and may write again.
    brought_back: HashSet<String>,
    /// Plans this tab deleted (or took away by undoing their making) since it last saved.
    deleting: HashSet<String>,
    generation: usize,
}

struct World {
    memory: std::rc::Rc<std::cell::RefCell<common::memory_store::Memory>>,
    tabs: Vec<Tab>,
    next_marker: usize,
    next_copy: usize,
    /// Which tab first stored each pair.
    saved_by: BTreeMap<Pair, usize>,
    excused: BTreeSet<Pair>,
    ever_stored: BTreeSet<String>,
    /// Plans whose entries a tab removed, having deleted them.
    deleted: BTreeSet<String>,
}

impl World {
    fn new(tabs: usize) -> World {
        let memory = shared(tabs);
        let mut first_store = TabStore::new(&memory, 0);
        let plan = new_plan(
            "p0".into(),
            "Test Council".into(),
            "Peer challenge".into(),
            ReviewKind::CorporatePeerChallenge,
            ThemeSet::Blank,
        );
        let mut first = Workspace::load("t0".into(), &first_store, || vec![plan]);
        first.save(&mut first_store);
        let tabs = (0..tabs)
            .map(|i| {
                let store = TabStore::new(&memory, i);
                let workspace = if i == 0 {
                    first.clone()
                } else {
                    Workspace::load(format!("t{i}"), &store, Vec::new)
                };
                Tab {
                    workspace,
                    store,
                    brought_back: HashSet::new(),
                    deleting: HashSet::new(),
                    generation: 0,
                }
            })
            .collect();
        memory
            .borrow_mut()
            .events
            .iter_mut()
            .for_each(|q| q.clear());
        let mut world = World {
            memory,
            tabs,
            next_marker: 0,
            next_copy: 0,
            saved_by: BTreeMap::new(),
            excused: BTreeSet::new(),
            ever_stored: BTreeSet::new(),
            deleted: BTreeSet::new(),
        };
        world.observe(0);
        world
    }

    fn stored(&self) -> BTreeMap<String, Plan> {
        self.memory
            .borrow()
            .entries
            .iter()
            .filter_map(|(id, held)| match held {
                Held::Plan(p) => Some((id.clone(), (*p.plan).clone())),
                Held::Damaged { .. } => None,
            })
            .collect()
    }

    /// Notes what storage holds after tab `by` acted.
    fn observe(&mut self, by: usize) {
        for (id, plan) in self.stored() {
            self.ever_stored.insert(id);
            for pair in pairs(&plan) {
                self.saved_by.entry(pair).or_insert(by);
            }
        }
    }

    fn plan_id(&self, tab: usize, pick: usize) -> Option<String> {
        let plans = self.tabs[tab].workspace.plans();
        (!plans.is_empty()).then(|| plans[pick % plans.len()].id.clone())
    }

    /// Conflicts shown to the officer: everything on either side is excused.
    fn excuse_conflicts(&mut self, tab: usize) {
        let workspace = &self.tabs[tab].workspace;
        let mut shown = Vec::new();
        for conflict in workspace.conflicts() {
            if let Some(mine) = workspace.plan(&conflict.id) {
                shown.extend(pairs(mine));
            }
            if let Theirs::Plan(theirs) = &conflict.theirs {
                shown.extend(pairs(&theirs.plan));
            }
        }
        for copy in workspace.removed_elsewhere() {
            shown.extend(pairs(copy));
        }
        self.excused.extend(shown);
    }

    /// An undo or redo in `tab` changed the plans from `before` to what it shows now.
    fn check_undo(&mut self, tab: usize, before: &BTreeMap<String, Plan>) -> Result<(), String> {
        let after: BTreeMap<String, Plan> = self.tabs[tab]
            .workspace
            .plans()
            .iter()
            .map(|p| (p.id.clone(), (**p).clone()))
            .collect();
        for (id, plan) in before {
            let now = after.get(id).map(pairs).unwrap_or_default();
            for pair in pairs(plan).difference(&now) {
                if let Some(&by) = self.saved_by.get(pair) {
                    if by != tab && !self.excused.contains(pair) {
                        return Err(format!(
                            "an undo or redo in tab {tab} took away {pair:?}, saved by tab {by}"
                        ));
                    }
                }
                self.excused.insert(pair.clone());
            }
            if !after.contains_key(id) {
                self.tabs[tab].deleting.insert(id.clone());
            }
        }
        for id in after.keys().filter(|id| !before.contains_key(*id)) {
            self.tabs[tab].brought_back.insert(id.clone());
            self.tabs[tab].deleting.remove(id);
        }
        Ok(())
    }

    fn save(&mut self, tab: usize) -> Result<(), String> {
        let stored_before = self.stored();
        let held: HashSet<String> = self.tabs[tab]
            .workspace
            .plans()
            .iter()
            .map(|p| p.id.clone())
            .collect();
        let Tab {
            workspace, store, ..
        } = &mut self.tabs[tab];
        workspace.save(store);
        let stored_after = self.stored();
        for id in &held {
            let written_back = !stored_before.contains_key(id)
                && stored_after.contains_key(id)
                && self.ever_stored.contains(id);
            if written_back && !self.tabs[tab].brought_back.contains(id) {
                return Err(format!(
                    "tab {tab} wrote back {id}, which another tab had deleted"
                ));
            }
        }
        for id in stored_before
            .keys()
            .filter(|id| !stored_after.contains_key(*id))
        {
            if !self.tabs[tab].deleting.remove(id) {
                return Err(format!("tab {tab} removed {id}, which it did not delete"));
            }
            self.deleted.insert(id.clone());
        }
        // A plan deleted here but kept, because another tab had saved it since.
        let Tab {
            workspace,
            deleting,
            ..
        } = &mut self.tabs[tab];
        for plan in workspace.plans() {
            if !held.contains(&plan.id) {
                deleting.remove(&plan.id);
            }
        }
        self.observe(tab);
        self.excuse_conflicts(tab);
        Ok(())
    }

    fn hear(&mut self, tab: usize, all: bool) {
        loop {
            let Tab {
                workspace, store, ..
            } = &mut self.tabs[tab];
            let Some(event) = store.next_event() else {
                break;
            };
            match event {
                Event::Plan(id) => workspace.on_plan_changed(&id, store),
                Event::Index => workspace.on_index_changed(store),
            }
            if !all {
                break;
            }
        }
        self.excuse_conflicts(tab);
    }

    fn snapshot(&self, tab: usize) -> BTreeMap<String, Plan> {
        self.tabs[tab]
            .workspace
            .plans()
            .iter()
            .map(|p| (p.id.clone(), (**p).clone()))
            .collect()
    }

    fn apply(&mut self, op: Op) -> Result<(), String> {
        match op {
            Op::Edit { tab, plan, typing } => {
                let Some(id) = self.plan_id(tab, plan) else {
                    return Ok(());
                };
                self.next_marker += 1;
                let marker = format!("m{}", self.next_marker);
                let edit = Edit::Theme(ListOp::Add(Theme {
                    id: marker.clone(),
                    title: marker,
                    question: String::new(),
                    kind: ThemeKind::Core,
                }));
                let key = typing.then_some("typing");
                self.tabs[tab]
                    .workspace
                    .edit(&id, edit, key)
                    .map_err(|p| format!("{p:?}"))?;
            }
            Op::Seal(tab) => self.tabs[tab].workspace.seal(),
            Op::Save(tab) => self.save(tab)?,
            Op::Undo(tab) | Op::Redo(tab) => {
                let before = self.snapshot(tab);
                let workspace = &mut self.tabs[tab].workspace;
                if matches!(op, Op::Undo(_)) {
                    workspace.undo();
                } else {
                    workspace.redo();
                }
                self.check_undo(tab, &before)?;
            }
            Op::Delete { tab, plan } => {
                let Some(id) = self.plan_id(tab, plan) else {
                    return Ok(());
                };
                let copy = self.tabs[tab].workspace.plan(&id).cloned();
                if let Some(copy) = copy {
                    self.excused.extend(pairs(&copy));
                }
                self.tabs[tab].workspace.delete(&id);
                self.tabs[tab].deleting.insert(id);
            }
            Op::Copy { tab, plan } => {
                let Some(id) = self.plan_id(tab, plan) else {
                    return Ok(());
                };
                self.next_copy += 1;
                self.tabs[tab]
                    .workspace
                    .duplicate(&id, format!("c{}", self.next_copy));
            }
            Op::Hear(tab) => self.hear(tab, false),
            Op::HearAll(tab) => self.hear(tab, true),
            Op::KeepMine(tab) | Op::KeepTheirs(tab) => {
                let Tab {
                    workspace, store, ..
                } = &mut self.tabs[tab];
                let Some(id) = workspace.conflicts().first().map(|c| c.id.clone()) else {
                    return Ok(());
                };
                if matches!(op, Op::KeepMine(_)) {
                    workspace.keep_mine(&id);
                } else {
                    workspace.keep_theirs(&id, store);
                }
            }
            Op::Restore(tab) => {
                let Tab {
                    workspace,
                    store,
                    brought_back,
                    ..
                } = &mut self.tabs[tab];
                let Some(id) = workspace.removed_elsewhere().first().map(|p| p.id.clone()) else {
                    return Ok(());
                };
                self.next_copy += 1;
                if let Some(restored) =
                    workspace.restore_removed(&id, format!("c{}", self.next_copy), store)
                {
                    brought_back.insert(restored);
                }
            }
            Op::Dismiss(tab) => {
                let workspace = &mut self.tabs[tab].workspace;
                if let Some(id) = workspace.removed_elsewhere().first().map(|p| p.id.clone()) {
                    workspace.dismiss_removed(&id);
                }
            }
            Op::Reload(tab) => self.reload(tab)?,
            Op::Fill(writes) => self.memory.borrow_mut().writes_left = Some(writes),
            Op::Roomy => self.memory.borrow_mut().writes_left = None,
        }
        self.check_index()
    }

    /// Closes and reopens a tab. What it could not write is lost, and must have been named.
    fn reload(&mut self, tab: usize) -> Result<(), String> {
        self.save(tab)?;
        let stored = self.stored();
        let workspace = &self.tabs[tab].workspace;
        for plan in workspace.plans() {
            let kept = stored.get(&plan.id).map(pairs).unwrap_or_default();
            let lost: Vec<Pair> = pairs(plan)
                .difference(&kept)
                .filter(|pair| !self.saved_by.contains_key(*pair))
                .cloned()
                .collect();
            let named = workspace.not_saved().iter().any(|n| n.id == plan.id)
                || workspace.conflicts().iter().any(|c| c.id == plan.id);
            if !lost.is_empty() && !named {
                return Err(format!(
                    "tab {tab} closed with {lost:?} unsaved and not named"
                ));
            }
            self.excused.extend(lost);
        }
        let generation = self.tabs[tab].generation + 1;
        self.memory.borrow_mut().events[tab].clear();
        let store = self.tabs[tab].store.clone();
        let workspace = Workspace::load(format!("t{tab}.{generation}"), &store, Vec::new);
        self.check_loaded(&workspace)?;
        self.tabs[tab] = Tab {
            workspace,
            store,
            brought_back: HashSet::new(),
            deleting: HashSet::new(),
            generation,
        };
        Ok(())
    }

    fn check_index(&self) -> Result<(), String> {
        if let Some(Ok(ids)) = &self.memory.borrow().index {
            let unique: HashSet<&String> = ids.iter().collect();
            if unique.len() != ids.len() {
                return Err(format!("the index lists a plan twice: {ids:?}"));
            }
        }
        Ok(())
    }

    /// A fresh load shows every plan stored, once.
    fn check_loaded(&self, workspace: &Workspace) -> Result<(), String> {
        let shown: Vec<&str> = workspace.plans().iter().map(|p| p.id.as_str()).collect();
        let unique: BTreeSet<&str> = shown.iter().copied().collect();
        let stored = self.stored();
        let stored_ids: BTreeSet<&str> = stored.keys().map(String::as_str).collect();
        if unique.len() != shown.len() || unique != stored_ids {
            return Err(format!(
                "a reload shows {shown:?}, storage holds {stored_ids:?}"
            ));
        }
        Ok(())
    }

    /// Every tab hears everything, saves, and settles its conflicts (the first tab keeps
    /// its own version, the others take the other), until nothing changes.
    fn settle(&mut self) -> Result<(), String> {
        self.memory.borrow_mut().writes_left = None;
        for _ in 0..20 {
            for tab in 0..self.tabs.len() {
                self.hear(tab, true);
                self.save(tab)?;
            }
            let mut open = false;
            for tab in 0..self.tabs.len() {
                let Tab {
                    workspace, store, ..
                } = &mut self.tabs[tab];
                let ids: Vec<String> = workspace.conflicts().iter().map(|c| c.id.clone()).collect();
                open |= !ids.is_empty() || workspace.has_unsaved();
                for id in ids {
                    if tab == 0 {
                        workspace.keep_mine(&id);
                    } else {
                        workspace.keep_theirs(&id, store);
                    }
                }
            }
            let waiting = self.memory.borrow().events.iter().any(|q| !q.is_empty());
            if !open && !waiting {
                return Ok(());
            }
        }
        Err("the tabs never settled".into())
    }

    fn check_end(&self) -> Result<(), String> {
        let stored = self.stored();
        for (pair, by) in &self.saved_by {
            let present = stored
                .get(&pair.0)
                .is_some_and(|p| markers(p).any(|m| m == pair.1));
            if !present && !self.excused.contains(pair) {
                return Err(format!(
                    "{pair:?}, saved by tab {by}, is gone without a word"
                ));
            }
        }
        for id in &self.ever_stored {
            if !stored.contains_key(id) && !self.deleted.contains(id) {
                let kept = self
                    .tabs
                    .iter()
                    .any(|t| t.workspace.removed_elsewhere().iter().any(|p| &p.id == id));
                if !kept {
                    return Err(format!("plan {id} disappeared, and no tab deleted it"));
                }
            }
        }
        for (i, tab) in self.tabs.iter().enumerate() {
            let shown: BTreeMap<String, Plan> = tab
                .workspace
                .plans()
                .iter()
                .map(|p| (p.id.clone(), (**p).clone()))
                .collect();
            if shown != stored {
                return Err(format!(
                    "tab {i} shows {:?}, storage holds {:?}",
                    shown.keys(),
                    stored.keys()
                ));
            }
        }
        let fresh = Workspace::load("fresh".into(), &self.tabs[0].store, Vec::new);
        self.check_loaded(&fresh)?;
        if self.tabs[0]
            .store
            .read_index()
            .ok()
            .flatten()
            .map(|i| i.len())
            != Some(stored.len())
        {
            return Err("the settled index does not list every plan".into());
        }
        Ok(())
    }
}

fn run(tabs: usize, ops: Vec<Op>) -> Result<(), String> {
    let mut world = World::new(tabs);
    for (n, op) in ops.into_iter().enumerate() {
        let described = format!("{op:?}");
        world
            .apply(op)
            .map_err(|e| format!("step {n} ({described}): {e}"))?;
    }
    world.settle()?;
    world.check_end()
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: 10_000,
        failure_persistence: None,
        ..ProptestConfig::default()
    })]

    #[test]
    fn no_saved_edit_or_plan_is_lost_without_a_word((tabs, ops) in session()) {
        if let Err(why) = run(tabs, ops) {
            prop_assert!(false, "{}", why);
        }
    }
}
