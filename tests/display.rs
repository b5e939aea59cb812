//! Everyday journeys (issue 22): the export note naming the file a plan was imported from.

mod common;

use common::havering;
use common::memory_store::{shared, TabStore};
use cpc_action_plan::domain::workspace::{ExportInfo, ImportedFrom, Workspace};

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
