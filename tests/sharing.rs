//! Sharing plans: merging a returned copy, and the spreadsheet download.

use std::collections::HashSet;
use std::sync::Arc;

use cpc_action_plan::domain::merge::{compare, merge, Change, Field, Side};
use cpc_action_plan::domain::{Link, Plan, Status};
use cpc_action_plan::format::csv::{csv_file_name, to_csv};

mod common;
use common::{d, havering, update};

fn action_mut<'a>(plan: &'a mut Plan, id: &str) -> &'a mut cpc_action_plan::domain::Action {
    plan.recommendations
        .iter_mut()
        .flat_map(|r| r.actions.iter_mut())
        .find(|a| a.id == id)
        .map(Arc::make_mut)
        .unwrap()
}

fn all_keys(plan_base: Option<&Plan>, ours: &Plan, theirs: &Plan) -> HashSet<String> {
    compare(plan_base, ours, theirs)
        .differences
        .into_iter()
        .map(|d| d.key)
        .collect()
}

#[test]
fn a_plan_compared_with_itself_has_no_differences_and_merges_to_itself() {
    let plan = havering();
    let comparison = compare(Some(&plan), &plan, &plan);
    assert!(comparison.differences.is_empty());
    assert_eq!(comparison.updates_added, 0);
    let merged = merge(&plan, &plan, &HashSet::new());
    assert_eq!(merged, plan);
    // Nothing changed, so nothing was copied: every action is still this browser's own.
    let shared = plan
        .recommendations
        .iter()
        .zip(&merged.recommendations)
        .all(|(a, b)| {
            a.actions
                .iter()
                .zip(&b.actions)
                .all(|(x, y)| Arc::ptr_eq(x, y))
        });
    assert!(shared);
}

#[test]
fn a_lead_officers_returned_copy_is_merged() {
    let base = havering();
    // The lead officer marks r5-a1 on track with an update, and adds an action to r5.
    let mut theirs = base.clone();
    action_mut(&mut theirs, "r5-a1").status = Status::OnTrack;
    action_mut(&mut theirs, "r5-a1").updates.push(update(
        "u-lead",
        d(2019, 10, 1),
        Status::OnTrack,
    ));
    let mut new_action = base.action("r5-a1").unwrap().1.clone();
    new_action.id = "a-new".into();
    new_action.text = "Brief all councillors on the new scheme".into();
    theirs.recommendations[4].actions.push(Arc::new(new_action));
    // Meanwhile the officer changed r5-a2's due date here.
    let mut ours = base.clone();
    action_mut(&mut ours, "r5-a2").due = Some(d(2020, 1, 31));

    let comparison = compare(Some(&base), &ours, &theirs);
    let found: Vec<(&str, &Change, Side, bool)> = comparison
        .differences
        .iter()
        .map(|d| (d.key.as_str(), &d.change, d.side, d.taken_by_default()))
        .collect();
    assert_eq!(
        found,
        [
            (
                "r5-a1/status",
                &Change::Field(Field::Status),
                Side::Theirs,
                true
            ),
            ("r5-a2/due", &Change::Field(Field::Due), Side::Ours, false),
            (
                "a-new/only-theirs",
                &Change::ActionOnlyTheirs,
                Side::Theirs,
                true
            ),
        ]
    );
    let status = &comparison.differences[0];
    assert_eq!(
        (
            status.ours.as_str(),
            status.theirs.as_str(),
            status.recommendation_number.as_str()
        ),
        ("Not started", "On track", "5")
    );
    assert_eq!(comparison.differences[1].ours, "31 January 2020");
    assert_eq!(comparison.updates_added, 1);

    let defaults: HashSet<String> = comparison
        .differences
        .iter()
        .filter(|d| d.taken_by_default())
        .map(|d| d.key.clone())
        .collect();
    let merged = merge(&ours, &theirs, &defaults);
    let a1 = merged.action("r5-a1").unwrap().1;
    assert_eq!((a1.status, a1.updates.len()), (Status::OnTrack, 1));
    assert_eq!(
        merged.action("r5-a2").unwrap().1.due,
        Some(d(2020, 1, 31)),
        "our change is kept"
    );
    assert_eq!(merged.recommendation("r5").unwrap().actions.len(), 4);
    assert!(cpc_action_plan::domain::validate::validate(&merged).is_empty());

    // Merging the same file again changes nothing.
    let again = merge(&merged, &theirs, &defaults);
    assert_eq!(again, merged);
    let second = compare(Some(&base), &merged, &theirs);
    assert_eq!(second.updates_added, 0);
    assert!(
        second.differences.iter().all(|d| d.side != Side::Theirs),
        "{:?}",
        second.differences
    );
}

#[test]
fn both_sides_changing_a_field_is_a_conflict_the_officer_settles() {
    let base = havering();
    let mut ours = base.clone();
    let mut theirs = base.clone();
    action_mut(&mut ours, "r6-a1").leads = vec!["AD Policy".into()];
    action_mut(&mut theirs, "r6-a1").leads = vec!["Head of HR".into()];
    let comparison = compare(Some(&base), &ours, &theirs);
    assert_eq!(comparison.differences.len(), 1);
    let conflict = &comparison.differences[0];
    assert_eq!(
        (
            conflict.side,
            conflict.ours.as_str(),
            conflict.theirs.as_str()
        ),
        (Side::Both, "AD Policy", "Head of HR")
    );
    assert!(!conflict.taken_by_default());
    let take: HashSet<String> = [conflict.key.clone()].into();
    assert_eq!(
        merge(&ours, &theirs, &take)
            .action("r6-a1")
            .unwrap()
            .1
            .leads,
        ["Head of HR"]
    );
    assert_eq!(
        merge(&ours, &theirs, &HashSet::new())
            .action("r6-a1")
            .unwrap()
            .1
            .leads,
        ["AD Policy"]
    );
}

#[test]
fn removed_actions_say_who_removed_them() {
    let base = havering();
    let mut theirs = base.clone();
    theirs.recommendations[0]
        .actions
        .retain(|a| a.id != "r1-a3");
    let mut ours = base.clone();
    ours.recommendations[1].actions.retain(|a| a.id != "r2-a1");
    let comparison = compare(Some(&base), &ours, &theirs);
    let found: Vec<(&str, Side)> = comparison
        .differences
        .iter()
        .map(|d| (d.key.as_str(), d.side))
        .collect();
    assert_eq!(
        found,
        [
            ("r1-a3/only-ours", Side::Theirs),
            ("r2-a1/only-theirs", Side::Ours)
        ]
    );
    let merged = merge(&ours, &theirs, &all_keys(Some(&base), &ours, &theirs));
    assert!(merged.action("r1-a3").is_none(), "their removal taken");
    assert!(
        merged.action("r2-a1").is_some(),
        "taking back what this browser removed"
    );
}

#[test]
fn without_a_copy_from_when_they_parted_nothing_is_taken_unasked() {
    let base = havering();
    let mut theirs = base.clone();
    action_mut(&mut theirs, "r7-a1").links.push(Link {
        title: "Strategy".into(),
        url: "https://example.org/s".into(),
    });
    let comparison = compare(None, &base, &theirs);
    assert_eq!(comparison.differences.len(), 1);
    assert_eq!(comparison.differences[0].side, Side::Unknown);
    assert_eq!(
        comparison.differences[0].theirs,
        "Strategy (https://example.org/s)"
    );
    assert!(!comparison.differences[0].taken_by_default());
}

#[test]
fn progress_updates_from_both_sides_are_kept_once_each() {
    let base = havering();
    let mut ours = base.clone();
    let mut theirs = base.clone();
    action_mut(&mut ours, "r9-a1")
        .updates
        .push(update("u-ours", d(2019, 10, 5), Status::OnTrack));
    action_mut(&mut theirs, "r9-a1").updates.push(update(
        "u-theirs",
        d(2019, 10, 1),
        Status::AtRisk,
    ));
    action_mut(&mut theirs, "r9-a1").updates.push(update(
        "u-ours",
        d(2019, 10, 5),
        Status::OnTrack,
    ));
    let merged = merge(&ours, &theirs, &HashSet::new());
    let ids: Vec<&str> = merged
        .action("r9-a1")
        .unwrap()
        .1
        .updates
        .iter()
        .map(|u| u.id.as_str())
        .collect();
    assert_eq!(
        ids,
        ["u-theirs", "u-ours"],
        "oldest first, never duplicated"
    );
    assert_eq!(compare(Some(&base), &ours, &theirs).updates_added, 1);
}

#[test]
fn recommendations_only_in_the_returned_copy_are_named_not_merged() {
    let base = havering();
    let mut theirs = base.clone();
    let mut extra = theirs.recommendations[0].clone();
    extra.id = "r-extra".into();
    extra.number = "14".into();
    for (i, a) in extra.actions.iter_mut().enumerate() {
        Arc::make_mut(a).id = format!("extra-{i}");
    }
    theirs.recommendations.push(extra);
    let comparison = compare(Some(&base), &base, &theirs);
    assert!(comparison.differences.is_empty());
    assert_eq!(comparison.recommendations_only_theirs, ["14"]);
}

#[test]
fn csv_has_a_row_per_action_and_never_a_formula() {
    let mut plan = havering();
    action_mut(&mut plan, "r1-a1").text = "=HYPERLINK(\"http://evil.example\",\"click\")".into();
    action_mut(&mut plan, "r1-a2").text = "+44 1708 434343, \"Havering\" helpline".into();
    action_mut(&mut plan, "r1-a3").leads = vec!["@ceo".into(), "-minus".into()];
    action_mut(&mut plan, "r8-a1")
        .updates
        .push(update("u-1", d(2019, 6, 1), Status::OffTrack));
    let csv = to_csv(&plan, d(2019, 9, 4));
    assert!(csv.starts_with("\u{feff}\"Recommendation number\",\"Recommendation\",\"Action\""));
    let lines: Vec<&str> = csv
        .trim_start_matches('\u{feff}')
        .split("\r\n")
        .filter(|l| !l.is_empty())
        .collect();
    assert_eq!(lines.len(), 33, "a header and 32 actions");
    assert!(
        lines[1].contains("\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"click\"\")\""),
        "{}",
        lines[1]
    );
    assert!(lines[2].contains("\"'+44 1708 434343, \"\"Havering\"\" helpline\""));
    assert!(lines[3].contains(",\"'@ceo; -minus\","), "{}", lines[3]);
    let overdue_row = lines
        .iter()
        .find(|l| l.contains("\"2019-06-01\""))
        .expect("the row with the update");
    assert!(
        overdue_row.ends_with("\"Yes\",\"112\",\"2019-06-01\",\"note u-1\""),
        "{overdue_row}"
    );
    assert_eq!(
        csv_file_name(&plan, d(2026, 11, 23)),
        "london-borough-of-havering-corporate-peer-challenge-2019-improvement-action-plan-2026-11-23.csv"
    );
}
