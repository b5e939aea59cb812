//! The rules that keep two tabs from overwriting each other's saved work
//! (`domain::tab_protocol`), case by case and over random interleavings of tabs.

use cpc_action_plan::domain::tab_protocol::{Incoming, SaveDecision, Tracked};
use proptest::prelude::*;

#[test]
fn a_clean_plan_is_not_written() {
    assert_eq!(Tracked::stored(4).save(|| Some(4)), SaveDecision::Nothing);
}

#[test]
fn a_clean_plan_reads_nothing_from_storage() {
    let decision = Tracked::stored(4).save(|| panic!("storage was read for a clean plan"));
    assert_eq!(decision, SaveDecision::Nothing);
}

#[test]
fn a_change_is_written_one_revision_on() {
    let mut t = Tracked::stored(4);
    t.dirty = true;
    assert_eq!(t.save(|| Some(4)), SaveDecision::Write { revision: 5 });
}

#[test]
fn a_new_plan_is_written_as_revision_one() {
    assert_eq!(
        Tracked::unsaved().save(|| None),
        SaveDecision::Write { revision: 1 }
    );
}

#[test]
fn a_plan_another_tab_saved_since_is_never_written_over() {
    let mut t = Tracked::stored(4);
    t.dirty = true;
    assert_eq!(
        t.save(|| Some(6)),
        SaveDecision::OtherTabSaved { stored: 6 }
    );
    // An older revision in storage is another tab's write too (one that never read ours).
    assert_eq!(
        t.save(|| Some(2)),
        SaveDecision::OtherTabSaved { stored: 2 }
    );
}

#[test]
fn a_plan_stored_before_and_gone_now_was_deleted_elsewhere_and_is_not_written_back() {
    let mut t = Tracked::stored(4);
    t.dirty = true;
    assert_eq!(t.save(|| None), SaveDecision::RemovedElsewhere);
    // A plan never stored is simply written.
    assert_eq!(
        Tracked::unsaved().save(|| None),
        SaveDecision::Write { revision: 1 }
    );
}

#[test]
fn a_damaged_copy_is_written_over_counting_on_from_it() {
    let t = Tracked::stored(4);
    assert_eq!(t.write_over_unreadable(9), 10);
}

#[test]
fn another_tabs_newer_save_is_taken_when_nothing_here_is_unsaved() {
    let t = Tracked::stored(4);
    assert_eq!(t.incoming(5, "b", "a"), Incoming::Take);
}

#[test]
fn our_own_write_echoed_back_is_ignored() {
    let t = Tracked::stored(4);
    assert_eq!(t.incoming(5, "a", "a"), Incoming::Ignore);
}

#[test]
fn another_tabs_save_over_unsaved_changes_is_a_conflict() {
    let mut t = Tracked::stored(4);
    t.dirty = true;
    assert_eq!(t.incoming(5, "b", "a"), Incoming::Conflict);
}

#[test]
fn a_write_that_does_not_count_on_from_ours_is_a_conflict() {
    let t = Tracked::stored(4);
    assert_eq!(t.incoming(4, "b", "a"), Incoming::Conflict);
    assert_eq!(t.incoming(3, "b", "a"), Incoming::Conflict);
}

#[test]
fn keeping_mine_writes_above_both_versions() {
    // This tab saved 7; an old tab then wrote 3 over it; the officer keeps this tab's.
    let mut t = Tracked::stored(7);
    t.keep_mine(3, None);
    assert_eq!(t.save(|| Some(3)), SaveDecision::Write { revision: 8 });
    // Against a newer one of theirs, above theirs.
    let mut t = Tracked::stored(7);
    t.keep_mine(12, None);
    assert_eq!(t.save(|| Some(12)), SaveDecision::Write { revision: 13 });
}

#[test]
fn revisions_never_overflow() {
    let mut t = Tracked::stored(u64::MAX);
    t.dirty = true;
    assert_eq!(
        t.save(|| Some(u64::MAX)),
        SaveDecision::Write { revision: u64::MAX }
    );
}

/// One step of a random session: a tab edits, saves, or hears of the other's write.
#[derive(Clone, Debug)]
enum Step {
    Edit(usize),
    Save(usize),
    /// The storage event reaches a tab (events can arrive late, but arrive).
    Hear(usize),
    /// The officer settles a tab's conflict by keeping that tab's version.
    KeepMine(usize),
    /// The officer settles a tab's conflict by taking the other version.
    KeepTheirs(usize),
}

fn step() -> impl Strategy<Value = Step> {
    prop_oneof![
        (0..2usize).prop_map(Step::Edit),
        (0..2usize).prop_map(Step::Save),
        (0..2usize).prop_map(Step::Hear),
        (0..2usize).prop_map(Step::KeepMine),
        (0..2usize).prop_map(Step::KeepTheirs),
    ]
}

/// A tab: what it tracks, the edits its copy holds, a conflict waiting for the officer,
/// and whether the officer chose this tab's version over another since its last write.
#[derive(Clone, Debug)]
struct Tab {
    name: &'static str,
    tracked: Tracked,
    content: Vec<u32>,
    conflict: Option<(u64, Vec<u32>)>,
    kept_mine: bool,
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    /// Over any interleaving, storage only ever moves forward: a write never replaces a
    /// revision its tab did not read, so a saved edit is lost from storage only after
    /// the officer was shown both versions and chose.
    #[test]
    fn no_write_replaces_a_revision_its_tab_did_not_read(steps in prop::collection::vec(step(), 1..60)) {
        let mut stored: Option<(u64, &'static str, Vec<u32>)> = None;
        let mut tabs = [
            Tab { name: "a", tracked: Tracked::unsaved(), content: Vec::new(), conflict: None, kept_mine: false },
            Tab { name: "b", tracked: Tracked::stored(0), content: Vec::new(), conflict: None, kept_mine: false },
        ];
        let mut next_edit = 0u32;
        for step in steps {
            match step {
                Step::Edit(i) => {
                    next_edit += 1;
                    tabs[i].content.push(next_edit);
                    tabs[i].tracked.dirty = true;
                }
                Step::Save(i) => {
                    if tabs[i].conflict.is_some() {
                        continue;
                    }
                    let stored_revision = stored.as_ref().map(|s| s.0);
                    match tabs[i].tracked.save(|| stored_revision) {
                        SaveDecision::Nothing => {}
                        SaveDecision::Write { revision } => {
                            if let Some((old, _, old_content)) = &stored {
                                prop_assert!(revision > *old, "a write went backwards");
                                // Everything stored is in what replaces it, unless the
                                // officer chose this tab's version over it.
                                let kept = old_content.iter().all(|e| tabs[i].content.contains(e));
                                prop_assert!(kept || tabs[i].kept_mine, "a write dropped saved edits unasked: {old_content:?} -> {:?}", tabs[i].content);
                            }
                            stored = Some((revision, tabs[i].name, tabs[i].content.clone()));
                            tabs[i].tracked = Tracked::stored(revision);
                            tabs[i].kept_mine = false;
                        }
                        SaveDecision::RemovedElsewhere => {
                            prop_assert!(false, "no tab deletes the plan in this model, yet a save found it deleted");
                        }
                        SaveDecision::OtherTabSaved { stored: revision } => {
                            let theirs = stored.as_ref().map(|s| s.2.clone()).unwrap_or_default();
                            tabs[i].conflict = Some((revision, theirs));
                        }
                    }
                }
                Step::Hear(i) => {
                    let Some((revision, by, content)) = stored.clone() else { continue };
                    match tabs[i].tracked.incoming(revision, by, tabs[i].name) {
                        Incoming::Ignore => {}
                        Incoming::Take => {
                            tabs[i].tracked = Tracked::stored(revision);
                            tabs[i].content = content;
                        }
                        Incoming::Conflict => {
                            if revision != tabs[i].tracked.revision || tabs[i].tracked.dirty {
                                tabs[i].conflict = Some((revision, content));
                            }
                        }
                    }
                }
                Step::KeepMine(i) => {
                    if let Some((revision, _)) = tabs[i].conflict.take() {
                        tabs[i].tracked.keep_mine(revision, None);
                        tabs[i].kept_mine = true;
                    }
                }
                Step::KeepTheirs(i) => {
                    if let Some((revision, content)) = tabs[i].conflict.take() {
                        tabs[i].tracked = Tracked::stored(revision);
                        tabs[i].content = content;
                    }
                }
            }
        }
    }
}
