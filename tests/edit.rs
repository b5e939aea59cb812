//! Every change an officer can make, as a pure function on the plan.

use cpc_action_plan::domain::edit::{apply, Details, Edit, ListOp};
use cpc_action_plan::domain::ids::make_id;
use cpc_action_plan::domain::templates::{lga_timeline, new_plan, ThemeSet};
use cpc_action_plan::domain::validate::validate;
use cpc_action_plan::domain::{
    Action, Group, Link, Milestone, PeerTeamMember, Plan, PlanApproval, Response, ReviewKind,
    Status, Theme, ThemeKind, Update,
};
use cpc_action_plan::format::{export, import};
use std::sync::Arc;

mod common;
use common::{d, havering, update};

fn ok(plan: &Plan, edit: Edit) -> Plan {
    let next = apply(plan, edit.clone()).unwrap_or_else(|p| panic!("{edit:?} refused: {p:?}"));
    // Whatever an edit makes, the app's own export takes back.
    assert_eq!(import(&export(&next, None)).unwrap().plan, next);
    next
}

fn refused(plan: &Plan, edit: Edit) -> Vec<String> {
    apply(plan, edit)
        .expect_err("should be refused")
        .iter()
        .map(ToString::to_string)
        .collect()
}

fn action(id: &str, text: &str) -> Action {
    Action {
        id: id.into(),
        text: text.into(),
        timescale: String::new(),
        due: None,
        leads: vec![],
        status: Status::NotStarted,
        updates: vec![],
        links: vec![],
        ..Action::default()
    }
}

#[test]
fn apply_never_changes_the_plan_it_is_given() {
    let plan = havering();
    let before = plan.clone();
    let mut details = Details::of(&plan);
    details.council = "Changed".into();
    let next = ok(&plan, Edit::Details(details));
    assert_eq!(plan, before);
    assert_eq!(next.council, "Changed");
}

#[test]
fn details_change_the_plan_and_its_review() {
    let plan = havering();
    let mut details = Details::of(&plan);
    details.title = "CPC 2019 action plan".into();
    details.kind = ReviewKind::ProgressReview;
    details.report_received = Some(d(2019, 4, 12));
    details.plan_approved = Some(PlanApproval {
        date: d(2019, 5, 15),
        by: "Cabinet".into(),
    });
    details.engagement = Some(cpc_action_plan::domain::Engagement {
        people: Some(250),
        meetings: Some(60),
        hours: None,
        people_stated: "more than 250".into(),
        ..Default::default()
    });
    let next = ok(&plan, Edit::Details(details));
    assert_eq!(next.title, "CPC 2019 action plan");
    assert_eq!(next.review.kind, ReviewKind::ProgressReview);
    assert_eq!(next.review.plan_approved.as_ref().unwrap().by, "Cabinet");
    assert_eq!(next.review.engagement.as_ref().unwrap().people, Some(250));
    assert_eq!(
        next.review.peer_team, plan.review.peer_team,
        "the peer team is its own edit"
    );

    let mut empty = Details::of(&plan);
    empty.engagement = Some(Default::default());
    assert_eq!(
        ok(&plan, Edit::Details(empty)).review.engagement,
        None,
        "no figures is no engagement"
    );
}

#[test]
fn details_that_break_a_rule_are_refused() {
    let plan = havering();
    let mut details = Details::of(&plan);
    details.council = "  ".into();
    assert_eq!(
        refused(&plan, Edit::Details(details)),
        ["plan.council: is empty: a plan needs the council's name"]
    );
    let mut details = Details::of(&plan);
    details.onsite_to = Some(d(2019, 2, 1));
    assert!(refused(&plan, Edit::Details(details))[0]
        .starts_with("plan.review.onsite_to: is before onsite_from"));
}

#[test]
fn findings_are_replaced_whole() {
    let next = ok(
        &havering(),
        Edit::Findings(vec![
            "A council on the up.".into(),
            "Strong partnerships.".into(),
        ]),
    );
    assert_eq!(next.findings.len(), 2);
}

#[test]
fn peer_team_members_are_added_changed_moved_and_removed() {
    let plan = havering();
    let member = |name: &str| PeerTeamMember {
        name: name.into(),
        role: "Chief Executive".into(),
        organisation: String::new(),
    };
    let added = ok(&plan, Edit::Peer(ListOp::Add(member("Jo Bloggs"))));
    assert_eq!(added.review.peer_team.len(), 9);
    assert_eq!(added.review.peer_team[8].name, "Jo Bloggs");
    let changed = ok(&added, Edit::Peer(ListOp::Replace(8, member("Jo Smith"))));
    assert_eq!(changed.review.peer_team[8].name, "Jo Smith");
    let moved = ok(&changed, Edit::Peer(ListOp::Move { from: 8, to: 0 }));
    assert_eq!(moved.review.peer_team[0].name, "Jo Smith");
    assert_eq!(moved.review.peer_team[1].name, "Alan Jarrett");
    let removed = ok(&moved, Edit::Peer(ListOp::Remove(0)));
    assert_eq!(removed.review.peer_team, plan.review.peer_team);
    assert_eq!(
        refused(&plan, Edit::Peer(ListOp::Replace(0, member("")))),
        ["plan.review.peer_team[0].name: is empty: each member of the peer team needs a name"]
    );
    assert_eq!(
        refused(&plan, Edit::Peer(ListOp::Remove(8))),
        ["edit: there is no peer team member number 9 in this list"]
    );
    assert_eq!(
        refused(&plan, Edit::Peer(ListOp::Move { from: 0, to: 8 })).len(),
        1
    );
}

#[test]
fn removing_a_theme_takes_it_off_its_recommendations() {
    let plan = havering();
    let users: Vec<&str> = plan
        .recommendations
        .iter()
        .filter(|r| r.themes.contains(&"core-governance".to_string()))
        .map(|r| r.number.as_str())
        .collect();
    assert_eq!(users, ["3", "4", "5", "9"]);
    let index = plan
        .themes
        .iter()
        .position(|t| t.id == "core-governance")
        .unwrap();
    let next = ok(&plan, Edit::Theme(ListOp::Remove(index)));
    assert!(next.theme("core-governance").is_none());
    assert!(next
        .recommendations
        .iter()
        .all(|r| !r.themes.contains(&"core-governance".to_string())));
    assert_eq!(
        next.recommendations[0].themes,
        ["core-place"],
        "other themes stay"
    );
}

#[test]
fn renaming_a_theme_or_group_keeps_its_id() {
    let plan = havering();
    let renamed = Theme {
        id: "ignored".into(),
        title: "Place and priorities".into(),
        question: String::new(),
        kind: ThemeKind::Core,
    };
    let next = ok(&plan, Edit::Theme(ListOp::Replace(0, renamed)));
    assert_eq!(
        (next.themes[0].id.as_str(), next.themes[0].title.as_str()),
        ("core-place", "Place and priorities")
    );
    let next = ok(
        &plan,
        Edit::Group(ListOp::Replace(
            0,
            Group {
                id: "x".into(),
                name: "Opportunities".into(),
            },
        )),
    );
    assert_eq!(
        (next.groups[0].id.as_str(), next.groups[0].name.as_str()),
        ("opportunities", "Opportunities")
    );
    let added = ok(
        &plan,
        Edit::Theme(ListOp::Add(Theme {
            id: "extra-climate".into(),
            title: "Climate".into(),
            question: String::new(),
            kind: ThemeKind::Additional,
        })),
    );
    assert_eq!(added.themes.len(), 9);
    assert_eq!(
        refused(&plan, Edit::Theme(ListOp::Add(Theme { id: "core-place".into(), title: "Again".into(), question: String::new(), kind: ThemeKind::Core }))),
        ["plan.themes[8].id: is \"core-place\", the same id as plan.themes[0]: each theme needs its own id"]
    );
}

#[test]
fn removing_a_group_leaves_its_recommendations_in_none() {
    let plan = havering();
    let next = ok(&plan, Edit::Group(ListOp::Remove(0)));
    assert_eq!(next.groups.len(), 2);
    assert_eq!(
        plan.recommendations
            .iter()
            .filter(|r| r.group.as_deref() == Some("opportunities"))
            .count(),
        4
    );
    assert!(next
        .recommendations
        .iter()
        .all(|r| r.group.as_deref() != Some("opportunities")));
    assert_eq!(
        next.recommendations[1].group.as_deref(),
        Some("connections")
    );
}

#[test]
fn recommendations_keep_their_actions_when_changed_and_lose_them_when_removed() {
    let plan = havering();
    let mut rec = plan.recommendations[0].clone();
    rec.title = "Communicate the new priorities".into();
    rec.actions.clear();
    rec.response = Response::PartlyAccepted;
    rec.response_reason = "Staff events are already planned.".into();
    let next = ok(&plan, Edit::Recommendation(ListOp::Replace(0, rec.clone())));
    assert_eq!(
        next.recommendations[0].title,
        "Communicate the new priorities"
    );
    assert_eq!(
        next.recommendations[0].actions.len(),
        7,
        "actions are their own edits"
    );

    rec.response_reason = String::new();
    assert_eq!(
        refused(&plan, Edit::Recommendation(ListOp::Replace(0, rec.clone()))),
        ["plan.recommendations[0].response_reason: is missing: a recommendation that is partly accepted needs the council's reason"]
    );
    rec.response = Response::Accepted;
    rec.themes = vec!["nowhere".into()];
    assert_eq!(
        refused(&plan, Edit::Recommendation(ListOp::Replace(0, rec))).len(),
        1
    );

    let removed = ok(&plan, Edit::Recommendation(ListOp::Remove(0)));
    assert_eq!(removed.recommendations.len(), 12);
    assert_eq!(removed.actions().count(), 25);

    let moved = ok(
        &plan,
        Edit::Recommendation(ListOp::Move { from: 12, to: 0 }),
    );
    assert_eq!(moved.recommendations[0].id, "r13");
    assert_eq!(moved.recommendations[1].id, "r1");
}

#[test]
fn actions_are_added_changed_moved_and_removed() {
    let plan = havering();
    let added = ok(
        &plan,
        Edit::Action {
            recommendation: "r2".into(),
            op: ListOp::Add(action("a-new", "Publish an inward investment prospectus")),
        },
    );
    assert_eq!(added.recommendation("r2").unwrap().actions.len(), 4);

    let mut changed = (*added.recommendation("r2").unwrap().actions[3]).clone();
    changed.timescale = "Q3 2019/20".into();
    changed.due = Some(d(2019, 12, 31));
    changed.leads = vec!["AD Economic Development".into()];
    changed.links = vec![Link {
        title: "Prospectus".into(),
        url: "https://www.havering.gov.uk/invest".into(),
    }];
    let next = ok(
        &added,
        Edit::Action {
            recommendation: "r2".into(),
            op: ListOp::Replace(3, changed.clone()),
        },
    );
    assert_eq!(next.action("a-new").unwrap().1.due, Some(d(2019, 12, 31)));

    changed.links[0].url = "javascript:alert(1)".into();
    assert!(refused(
        &added,
        Edit::Action {
            recommendation: "r2".into(),
            op: ListOp::Replace(3, changed.clone())
        }
    )[0]
    .contains("links[0].url: is \"javascript:alert(1)\", which is not a web address"));
    changed.text = " ".into();
    changed.links.clear();
    assert!(refused(
        &added,
        Edit::Action {
            recommendation: "r2".into(),
            op: ListOp::Replace(3, changed)
        }
    )[0]
    .ends_with("is empty: every action needs its text, as the council wrote it"));

    let reordered = ok(
        &next,
        Edit::Action {
            recommendation: "r2".into(),
            op: ListOp::Move { from: 3, to: 0 },
        },
    );
    assert_eq!(
        reordered.recommendation("r2").unwrap().actions[0].id,
        "a-new"
    );
    let removed = ok(
        &next,
        Edit::Action {
            recommendation: "r2".into(),
            op: ListOp::Remove(3),
        },
    );
    assert_eq!(removed, plan);

    assert_eq!(
        refused(
            &plan,
            Edit::Action {
                recommendation: "r99".into(),
                op: ListOp::Add(action("x", "y"))
            }
        ),
        ["edit: there is no recommendation with the id \"r99\" in this plan"]
    );
    assert!(refused(
        &plan,
        Edit::Action {
            recommendation: "r2".into(),
            op: ListOp::Add(action("r1-a1", "Same id"))
        }
    )[0]
    .contains("the same id as plan.recommendations[0].actions[0]"));
}

#[test]
fn an_action_moves_to_the_end_of_another_recommendation() {
    let plan = havering();
    let next = ok(
        &plan,
        Edit::MoveAction {
            action: "r1-a7".into(),
            to: "r13".into(),
        },
    );
    assert_eq!(next.recommendation("r1").unwrap().actions.len(), 6);
    let r13 = next.recommendation("r13").unwrap();
    assert_eq!(
        r13.actions
            .iter()
            .map(|a| a.id.as_str())
            .collect::<Vec<_>>(),
        ["r13-a1", "r1-a7"]
    );
    assert_eq!(next.actions().count(), 32);
    assert_eq!(
        refused(
            &plan,
            Edit::MoveAction {
                action: "nope".into(),
                to: "r13".into()
            }
        )
        .len(),
        1
    );
    assert_eq!(
        refused(
            &plan,
            Edit::MoveAction {
                action: "r1-a7".into(),
                to: "nope".into()
            }
        )
        .len(),
        1
    );
}

#[test]
fn the_newest_progress_update_sets_the_status_and_history_stays_oldest_first() {
    let plan = havering();
    let add = |plan: &Plan, u: Update| {
        ok(
            plan,
            Edit::Update {
                action: "r5-a1".into(),
                op: ListOp::Add(u),
            },
        )
    };
    let one = add(&plan, update("u-1", d(2019, 9, 1), Status::OnTrack));
    assert_eq!(one.action("r5-a1").unwrap().1.status, Status::OnTrack);
    let two = add(&one, update("u-2", d(2019, 11, 1), Status::AtRisk));
    assert_eq!(two.action("r5-a1").unwrap().1.status, Status::AtRisk);
    // A late-entered update from before the newest one does not set the status.
    let three = add(&two, update("u-3", d(2019, 10, 1), Status::OffTrack));
    let a = three.action("r5-a1").unwrap().1;
    assert_eq!(a.status, Status::AtRisk);
    assert_eq!(
        a.updates.iter().map(|u| u.id.as_str()).collect::<Vec<_>>(),
        ["u-1", "u-3", "u-2"]
    );
    // Correcting the newest update corrects the status; its id stays.
    let fixed = ok(
        &three,
        Edit::Update {
            action: "r5-a1".into(),
            op: ListOp::Replace(2, update("other", d(2019, 11, 1), Status::Completed)),
        },
    );
    let a = fixed.action("r5-a1").unwrap().1;
    assert_eq!(
        (a.status, a.updates[2].id.as_str()),
        (Status::Completed, "u-2")
    );
    let removed = ok(
        &fixed,
        Edit::Update {
            action: "r5-a1".into(),
            op: ListOp::Remove(2),
        },
    );
    assert_eq!(removed.action("r5-a1").unwrap().1.status, Status::OffTrack);
    // Changing the action keeps its updates.
    let mut text_changed = removed.action("r5-a1").unwrap().1.clone();
    text_changed.text = "New words".into();
    text_changed.updates.clear();
    let kept = ok(
        &removed,
        Edit::Action {
            recommendation: "r5".into(),
            op: ListOp::Replace(0, text_changed),
        },
    );
    assert_eq!(kept.action("r5-a1").unwrap().1.updates.len(), 2);
    assert!(refused(
        &one,
        Edit::Update {
            action: "r6-a1".into(),
            op: ListOp::Add(update("u-1", d(2019, 9, 1), Status::OnTrack))
        }
    )[0]
    .contains("each progress update needs its own id"));
}

#[test]
fn milestones_are_added_changed_done_and_removed() {
    let plan = havering();
    let milestone = Milestone {
        id: "m-new".into(),
        title: "Cabinet progress report".into(),
        due: d(2020, 3, 18),
        done: None,
        note: String::new(),
    };
    let added = ok(&plan, Edit::Milestone(ListOp::Add(milestone.clone())));
    let done = ok(
        &added,
        Edit::Milestone(ListOp::Replace(
            3,
            Milestone {
                done: Some(d(2020, 3, 18)),
                ..milestone.clone()
            },
        )),
    );
    assert_eq!(done.milestones[3].done, Some(d(2020, 3, 18)));
    assert_eq!(
        refused(
            &plan,
            Edit::Milestone(ListOp::Replace(
                0,
                Milestone {
                    title: String::new(),
                    ..milestone
                }
            ))
        )
        .len(),
        1
    );
    assert_eq!(ok(&done, Edit::Milestone(ListOp::Remove(3))), plan);
}

#[test]
fn ids_are_random_enough_and_tidy() {
    assert_eq!(make_id("a", 0), "a-000000000000");
    assert_eq!(make_id("rec", u64::MAX), "rec-zzzzzzzzzzzz");
    assert_eq!(make_id("u", 0x0123_4567_89ab_cdef), "u-28t5cy4tqkff");
    let ids: std::collections::HashSet<String> = (0..1000u64)
        .map(|i| make_id("a", i.wrapping_mul(0x9e37_79b9_7f4a_7c15)))
        .collect();
    assert_eq!(ids.len(), 1000);
}

#[test]
fn new_plans_start_from_a_theme_set_and_pass_the_rules() {
    for set in ThemeSet::ALL {
        let plan = new_plan(
            "p-1".into(),
            "Test Valley Borough Council".into(),
            "Corporate Peer Challenge 2025".into(),
            ReviewKind::CorporatePeerChallenge,
            set,
        );
        assert!(validate(&plan).is_empty(), "{set:?}");
        assert_eq!(import(&export(&plan, None)).unwrap().plan, plan);
        assert_eq!(ThemeSet::parse(set.as_str()), Some(set));
    }
    let themes = ThemeSet::Core2024.themes();
    assert_eq!(
        themes.iter().map(|t| t.title.as_str()).collect::<Vec<_>>(),
        [
            "Local priorities and outcomes",
            "Organisational and place leadership",
            "Governance and culture",
            "Financial planning and management",
            "Capacity for improvement"
        ]
    );
    assert!(themes
        .iter()
        .all(|t| !t.question.is_empty() && t.kind == ThemeKind::Core));
    let earlier: Vec<String> = ThemeSet::CoreEarlier
        .themes()
        .into_iter()
        .map(|t| t.title)
        .collect();
    let havering_core: Vec<String> = havering()
        .themes
        .into_iter()
        .filter(|t| t.kind == ThemeKind::Core)
        .map(|t| t.title)
        .collect();
    let mut sorted = (earlier.clone(), havering_core.clone());
    sorted.0.sort();
    sorted.1.sort();
    assert_eq!(sorted.0, sorted.1, "the earlier set is the seeds' five");
    assert!(ThemeSet::Blank.themes().is_empty());
}

#[test]
fn the_lga_timeline_counts_from_the_last_day_on_site() {
    let dates = |end| {
        lga_timeline(end)
            .into_iter()
            .map(|p| (p.title, p.due))
            .collect::<Vec<_>>()
    };
    assert_eq!(
        dates(d(2019, 3, 1)),
        [
            ("Report and action plan published", d(2019, 6, 1)),
            ("Progress review", d(2020, 1, 1)),
            ("Progress review report published", d(2020, 3, 1)),
            ("Next corporate peer challenge", d(2024, 3, 1)),
        ]
    );
    // Month ends and leap years: 30 November plus 3 months is the end of February.
    let from_november = dates(d(2023, 11, 30));
    assert_eq!(from_november[0].1, d(2024, 2, 29));
    assert_eq!(dates(d(2022, 11, 30))[0].1, d(2023, 2, 28));
    assert_eq!(dates(d(2019, 5, 31))[1].1, d(2020, 3, 31));
    assert_eq!(dates(d(2020, 2, 29))[3].1, d(2025, 2, 28));
}

#[test]
fn validate_and_import_report_the_same_rules_in_the_same_words() {
    type Break = fn(&mut Plan);
    let cases: Vec<(Break, &str)> = vec![
        (|p| p.council = String::new(), "plan.council"),
        (|p| p.title = " ".into(), "plan.title"),
        (
            |p| p.review.peer_team[1].name = String::new(),
            "plan.review.peer_team[1].name",
        ),
        (
            |p| p.themes[1].id = "core-place".into(),
            "plan.themes[1].id",
        ),
        (|p| p.groups[0].name = String::new(), "plan.groups[0].name"),
        (
            |p| p.recommendations[2].id = "r1".into(),
            "plan.recommendations[2].id",
        ),
        (
            |p| p.recommendations[2].number = String::new(),
            "plan.recommendations[2].number",
        ),
        (
            |p| p.recommendations[2].response = Response::NotAccepted,
            "plan.recommendations[2].response_reason",
        ),
        (
            |p| p.recommendations[2].themes.push("nope".into()),
            "plan.recommendations[2].themes[1]",
        ),
        (
            |p| p.recommendations[2].group = Some("nope".into()),
            "plan.recommendations[2].group",
        ),
        (
            |p| Arc::make_mut(&mut p.recommendations[3].actions[0]).id = "r1-a1".into(),
            "plan.recommendations[3].actions[0].id",
        ),
        (
            |p| Arc::make_mut(&mut p.recommendations[3].actions[0]).text = String::new(),
            "plan.recommendations[3].actions[0].text",
        ),
        (
            |p| {
                Arc::make_mut(&mut p.recommendations[3].actions[0])
                    .links
                    .push(Link {
                        title: String::new(),
                        url: "ftp://x".into(),
                    })
            },
            "plan.recommendations[3].actions[0].links[0].url",
        ),
        (
            |p| p.milestones[1].id = "m-osb-review".into(),
            "plan.milestones[1].id",
        ),
        (
            |p| p.milestones[1].title = String::new(),
            "plan.milestones[1].title",
        ),
    ];
    for (break_it, path) in cases {
        let mut plan = havering();
        break_it(&mut plan);
        let from_validate = validate(&plan);
        assert_eq!(from_validate.len(), 1, "{path}: {from_validate:?}");
        assert_eq!(from_validate[0].path, path);
        let from_import = import(&export(&plan, None)).expect_err(path);
        assert_eq!(from_import, from_validate, "{path}");
    }
}

/// Undo keeps every step, so a step must not copy the whole plan: the actions an edit does
/// not touch stay shared with the plan before it.
#[test]
fn an_edit_copies_only_the_action_it_changes() {
    let plan = havering();
    let mut changed = (*plan.recommendation("r5").unwrap().actions[0]).clone();
    changed.text = "Launch the staff recognition scheme".into();
    let next = ok(
        &plan,
        Edit::Action {
            recommendation: "r5".into(),
            op: ListOp::Replace(0, changed),
        },
    );
    let mut shared = 0;
    for (before, after) in plan.recommendations.iter().zip(&next.recommendations) {
        for (a, b) in before.actions.iter().zip(&after.actions) {
            if a.id == "r5-a1" {
                assert!(!Arc::ptr_eq(a, b));
                assert_eq!(b.text, "Launch the staff recognition scheme");
            } else {
                assert!(Arc::ptr_eq(a, b), "{} was copied", a.id);
                shared += 1;
            }
        }
    }
    assert_eq!(shared, 31);
    // A progress update copies only its own action too.
    let updated = ok(
        &next,
        Edit::Update {
            action: "r2-a1".into(),
            op: ListOp::Add(Update {
                id: "u-1".into(),
                date: d(2019, 10, 1),
                status: Status::OnTrack,
                note: "Started".into(),
                author: String::new(),
            }),
        },
    );
    let copied = next
        .actions()
        .zip(updated.actions())
        .filter(|((_, a), (_, b))| !std::ptr::eq(*a, *b))
        .map(|((_, a), _)| a.id.as_str())
        .collect::<Vec<_>>();
    assert_eq!(copied, ["r2-a1"]);
}

#[test]
fn correcting_an_older_update_never_reverts_a_status_set_since() {
    let plan = havering();
    let one = ok(
        &plan,
        Edit::Update {
            action: "r5-a1".into(),
            op: ListOp::Add(update("u-1", d(2019, 9, 1), Status::NotStarted)),
        },
    );
    // The lead sets the status itself, then corrects the update's words.
    let mut on_track = one.action("r5-a1").unwrap().1.clone();
    on_track.status = Status::OnTrack;
    let set = ok(
        &one,
        Edit::Action {
            recommendation: "r5".into(),
            op: ListOp::Replace(0, on_track),
        },
    );
    let mut reworded = update("u-1", d(2019, 9, 1), Status::NotStarted);
    reworded.note = "Better words".into();
    let corrected = ok(
        &set,
        Edit::Update {
            action: "r5-a1".into(),
            op: ListOp::Replace(0, reworded),
        },
    );
    let a = corrected.action("r5-a1").unwrap().1;
    assert_eq!(
        (a.status, a.updates[0].note.as_str()),
        (Status::OnTrack, "Better words")
    );
    // Changing that update's own status is a new status, and is taken.
    let mut at_risk = update("u-1", d(2019, 9, 1), Status::AtRisk);
    at_risk.note = "Better words".into();
    let changed = ok(
        &corrected,
        Edit::Update {
            action: "r5-a1".into(),
            op: ListOp::Replace(0, at_risk),
        },
    );
    assert_eq!(changed.action("r5-a1").unwrap().1.status, Status::AtRisk);
    // The lead sets On track again, then corrects the update's date, then adds an older
    // update: neither brings back the update's status.
    let mut on_track = changed.action("r5-a1").unwrap().1.clone();
    on_track.status = Status::OnTrack;
    let set = ok(
        &changed,
        Edit::Action {
            recommendation: "r5".into(),
            op: ListOp::Replace(0, on_track),
        },
    );
    let mut moved = changed.action("r5-a1").unwrap().1.updates[0].clone();
    moved.date = d(2019, 9, 16);
    let redated = ok(
        &set,
        Edit::Update {
            action: "r5-a1".into(),
            op: ListOp::Replace(0, moved),
        },
    );
    assert_eq!(redated.action("r5-a1").unwrap().1.status, Status::OnTrack);
    let older = ok(
        &redated,
        Edit::Update {
            action: "r5-a1".into(),
            op: ListOp::Add(update("u-0", d(2019, 8, 1), Status::OffTrack)),
        },
    );
    assert_eq!(older.action("r5-a1").unwrap().1.status, Status::OnTrack);
}
