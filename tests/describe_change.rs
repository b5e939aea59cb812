//! Undo and redo say what they took back, in the words the merge uses.

use std::sync::Arc;

use chrono::NaiveDate;
use cpc_action_plan::domain::edit::{apply, Edit, ListOp};
use cpc_action_plan::domain::{Action, Plan, Status, Update};
use cpc_action_plan::format::import;
use cpc_action_plan::format::merge::describe_change;
use cpc_action_plan::EXAMPLE_PLAN;

fn havering() -> Plan {
    import(EXAMPLE_PLAN).unwrap().plan
}

fn changed(plan: &Plan, edit: Edit) -> String {
    let after = apply(plan, edit).unwrap();
    describe_change(Some(plan), Some(&after))
}

fn action(plan: &Plan, id: &str) -> Action {
    plan.action(id).unwrap().1.clone()
}

#[test]
fn one_field_of_an_action_is_named_with_the_action_number() {
    let plan = havering();
    let mut a = action(&plan, "r2-a1");
    a.status = Status::AtRisk;
    let said = changed(
        &plan,
        Edit::Action {
            recommendation: "r2".into(),
            op: ListOp::Replace(0, a),
        },
    );
    assert_eq!(said, "status of action 2.1");
    let mut a = action(&plan, "r2-a1");
    a.due = NaiveDate::from_ymd_opt(2020, 6, 30);
    let said = changed(
        &plan,
        Edit::Action {
            recommendation: "r2".into(),
            op: ListOp::Replace(0, a),
        },
    );
    assert_eq!(said, "due of action 2.1");
}

#[test]
fn adding_and_removing_name_the_thing_itself() {
    let plan = havering();
    let new = Action {
        id: "new".into(),
        text: "Something new".into(),
        timescale: String::new(),
        due: None,
        leads: vec![],
        status: Status::NotStarted,
        updates: vec![],
        links: vec![],
        ..Action::default()
    };
    let count = plan.recommendations[1].actions.len();
    assert_eq!(
        changed(
            &plan,
            Edit::Action {
                recommendation: "r2".into(),
                op: ListOp::Add(new)
            }
        ),
        format!("adding action 2.{}", count + 1)
    );
    assert_eq!(
        changed(
            &plan,
            Edit::Action {
                recommendation: "r2".into(),
                op: ListOp::Remove(0)
            }
        ),
        "removing action 2.1"
    );
    let update = Update {
        id: "u-new".into(),
        date: NaiveDate::from_ymd_opt(2019, 9, 1).unwrap(),
        status: Status::OnTrack,
        note: "Done some".into(),
        author: String::new(),
    };
    assert_eq!(
        changed(&plan, Edit::Update { action: "r2-a1".into(), op: ListOp::Add(update) }),
        "adding the progress update of 1 September 2019 on action 2.1 (and the status of action 2.1)"
    );
    let removed = apply(&plan, Edit::Recommendation(ListOp::Remove(3))).unwrap();
    assert_eq!(
        describe_change(Some(&plan), Some(&removed)),
        "removing recommendation 4"
    );
}

#[test]
fn plans_and_many_changes_are_summed_up() {
    let plan = havering();
    assert_eq!(
        describe_change(None, Some(&plan)),
        format!("adding the plan “{}”", plan.title)
    );
    assert_eq!(
        describe_change(Some(&plan), None),
        format!("deleting the plan “{}”", plan.title)
    );
    let mut other = plan.clone();
    other.title = "Another title".into();
    other.council = "Another council".into();
    assert_eq!(
        describe_change(Some(&plan), Some(&other)),
        "2 changes to the plan"
    );
    let mut one = plan.clone();
    one.title = "Another title".into();
    assert_eq!(
        describe_change(Some(&plan), Some(&one)),
        "title of the plan"
    );
    let _ = Arc::new(one);
}
