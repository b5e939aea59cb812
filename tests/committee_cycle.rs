//! The committee cycle: due dates that slip keep their history and past reports keep
//! their figures, what changed since a report, the reporting schedule, closing a plan,
//! and the record a report leaves when it is issued.

use chrono::NaiveDate;
use cpc_action_plan::domain::due_history::record_move;
use cpc_action_plan::domain::edit::{apply, Edit, ListOp};
use cpc_action_plan::domain::progress::dashboard;
use cpc_action_plan::domain::reports::{figures, progress_sections, ReportOptions};
use cpc_action_plan::domain::schedule::next_report;
use cpc_action_plan::domain::since::since;
use cpc_action_plan::domain::{
    Cadence, Closure, ClosureOutcome, IssuedKind, IssuedReport, Narrative, Plan, Rag, Rating,
    RatingScale, Schedule, Status,
};
use cpc_action_plan::format::{export, import};

mod common;
use common::{d, havering, update};

/// Moves action `id`'s due date on `today`.
fn move_due(plan: &Plan, id: &str, due: NaiveDate, today: NaiveDate, move_id: &str) -> Plan {
    apply(
        plan,
        Edit::Due {
            action: id.into(),
            due: Some(due),
            today,
            id: move_id.into(),
            reason: "Waiting for the new structure".into(),
        },
    )
    .unwrap()
}

/// The first action with a due date.
fn first_action(plan: &Plan) -> (String, Option<NaiveDate>) {
    let (_, a) = plan.actions().find(|(_, a)| a.due.is_some()).unwrap();
    (a.id.clone(), a.due)
}

#[test]
fn a_move_records_where_the_date_was_and_figures_before_it_use_that_date() {
    let plan = havering();
    let (id, due) = first_action(&plan);
    let due = due.expect("Havering's first action has a date");
    let later = d(2021, 6, 30);
    let moved = move_due(&plan, &id, later, d(2020, 1, 15), "m1");
    let (_, action) = moved.action(&id).unwrap();
    assert_eq!(action.due, Some(later));
    assert_eq!(action.due_history.len(), 1);
    assert_eq!(action.due_history[0].from, due);
    assert_eq!(action.due_history[0].changed, d(2020, 1, 15));
    assert_eq!(
        action.due_history[0].reason,
        "Waiting for the new structure"
    );
    // The day before the move the old date was in force; from the move on, the new one.
    assert_eq!(action.due_on(d(2020, 1, 14)), Some(due));
    assert_eq!(action.due_on(d(2020, 1, 15)), Some(later));
    assert_eq!(action.slipped(d(2020, 1, 14)), None);
}

#[test]
fn a_report_as_at_june_is_not_changed_by_a_date_moved_in_july() {
    let plan = havering();
    let june = d(2020, 6, 30);
    let options = ReportOptions::default();
    let before = (
        dashboard(&plan, june),
        figures(&plan, &options, june),
        progress_sections(&plan, &options, june),
    );
    let mut later = plan.clone();
    for (n, (_, action)) in plan.actions().enumerate() {
        if action.due.is_some() {
            later = move_due(
                &later,
                &action.id,
                d(2021, 3, 31),
                d(2020, 7, 10),
                &format!("m{n}"),
            );
        }
    }
    let after = (
        dashboard(&later, june),
        figures(&later, &options, june),
        progress_sections(&later, &options, june),
    );
    assert_eq!(before.0, after.0, "the dashboard as at June");
    assert_eq!(before.1, after.1, "the report's figures as at June");
    assert_eq!(before.2, after.2, "the progress report as at June");
    // As at August the moves count.
    assert!(dashboard(&later, d(2020, 8, 1)).moved > 0);
    assert_eq!(dashboard(&later, june).moved, 0);
}

#[test]
fn three_moves_read_as_a_committee_paper_says_them() {
    let plan = havering();
    let (id, _) = first_action(&plan);
    let mut plan = plan;
    for rec in &mut plan.recommendations {
        for action in &mut rec.actions {
            if action.id == id {
                std::sync::Arc::make_mut(action).due = Some(d(2020, 3, 31));
            }
        }
    }
    let plan = move_due(&plan, &id, d(2020, 4, 30), d(2020, 2, 1), "m1");
    let plan = move_due(&plan, &id, d(2020, 5, 31), d(2020, 3, 1), "m2");
    let plan = move_due(&plan, &id, d(2020, 6, 30), d(2020, 4, 1), "m3");
    let (_, action) = plan.action(&id).unwrap();
    assert_eq!(
        action.slipped(d(2020, 7, 1)).as_deref(),
        Some("Originally March 2020, now June 2020 (moved 3 times)")
    );
    assert_eq!(
        action.slipped(d(2020, 2, 15)).as_deref(),
        Some("Originally March 2020, now April 2020 (moved once)")
    );
}

#[test]
fn a_date_corrected_on_the_day_it_moved_is_one_move_and_moving_it_back_is_none() {
    let plan = havering();
    let (id, due) = first_action(&plan);
    let today = d(2020, 2, 1);
    let once = move_due(&plan, &id, d(2021, 6, 30), today, "m1");
    let corrected = move_due(&once, &id, d(2021, 7, 31), today, "m2");
    let (_, action) = corrected.action(&id).unwrap();
    assert_eq!(action.due_history.len(), 1);
    assert_eq!(action.due_history[0].from, due.unwrap());
    let back = move_due(&corrected, &id, due.unwrap(), today, "m3");
    assert!(back.action(&id).unwrap().1.due_history.is_empty());
    // A first date is not a move.
    let history = record_move(None, "", &[], Some(d(2020, 1, 1)), today, "x".into(), "");
    assert!(history.is_empty());
}

#[test]
fn replacing_an_action_keeps_its_history_and_the_day_it_was_added() {
    let plan = havering();
    let (id, _) = first_action(&plan);
    let moved = move_due(&plan, &id, d(2021, 6, 30), d(2020, 2, 1), "m1");
    let (rec, action) = moved.action(&id).unwrap();
    let at = rec.actions.iter().position(|a| a.id == id).unwrap();
    let mut replaced = action.clone();
    replaced.text = "Reworded".into();
    replaced.due_history.clear();
    let after = apply(
        &moved,
        Edit::Action {
            recommendation: rec.id.clone(),
            op: ListOp::Replace(at, replaced),
        },
    )
    .unwrap();
    assert_eq!(after.action(&id).unwrap().1.due_history.len(), 1);
}

/// Havering with known changes between 30 June and 30 September 2020.
fn with_known_changes() -> (Plan, String, String, String, String) {
    let plan = havering();
    let ids: Vec<String> = plan.actions().map(|(_, a)| a.id.clone()).collect();
    let (done, risk, moved) = (ids[0].clone(), ids[1].clone(), ids[2].clone());
    let mut plan = plan;
    // Give every action a known past: on track on 1 June.
    for (n, id) in ids.iter().enumerate() {
        let (_, a) = plan.action(id).unwrap();
        let mut a2 = a.clone();
        a2.updates = vec![update(&format!("base{n}"), d(2020, 6, 1), Status::OnTrack)];
        a2.status = Status::OnTrack;
        a2.due = Some(d(2021, 12, 31));
        a2.due_history.clear();
        let rec = plan
            .recommendations
            .iter_mut()
            .find(|r| r.actions.iter().any(|x| x.id == *id))
            .unwrap();
        let at = rec.actions.iter().position(|x| x.id == *id).unwrap();
        rec.actions[at] = std::sync::Arc::new(a2);
    }
    let add_update = |plan: &Plan, action: &str, uid: &str, day: NaiveDate, status: Status| {
        apply(
            plan,
            Edit::Update {
                action: action.into(),
                op: ListOp::Add(update(uid, day, status)),
            },
        )
        .unwrap()
    };
    let plan = add_update(&plan, &done, "u-done", d(2020, 8, 1), Status::Completed);
    let plan = add_update(&plan, &risk, "u-risk", d(2020, 8, 2), Status::AtRisk);
    let plan = move_due(&plan, &moved, d(2020, 8, 31), d(2020, 8, 3), "mv");
    // An action added in September.
    let rec = plan.recommendations[0].id.clone();
    let new = cpc_action_plan::domain::Action {
        id: "new-action".into(),
        text: "A new action".into(),
        status: Status::NotStarted,
        added: Some(d(2020, 9, 1)),
        ..Default::default()
    };
    let plan = apply(
        &plan,
        Edit::Action {
            recommendation: rec,
            op: ListOp::Add(new),
        },
    )
    .unwrap();
    (plan, done, risk, moved, "new-action".into())
}

#[test]
fn since_lists_exactly_the_changes_made_after_the_day() {
    let (plan, done, risk, moved, new) = with_known_changes();
    let changes = since(
        &plan,
        &ReportOptions::default(),
        d(2020, 6, 30),
        d(2020, 9, 30),
        None,
    );
    let ids = |list: &[cpc_action_plan::domain::since::Changed]| -> Vec<String> {
        list.iter().map(|c| c.action_id.clone()).collect()
    };
    assert_eq!(ids(&changes.completed), std::slice::from_ref(&done));
    assert_eq!(changes.status_changes.len(), 1);
    assert_eq!(changes.status_changes[0].action.action_id, risk);
    assert_eq!(changes.status_changes[0].from, Status::OnTrack);
    assert_eq!(changes.status_changes[0].to, Status::AtRisk);
    assert_eq!(changes.moved.len(), 1);
    assert_eq!(changes.moved[0].action.action_id, moved);
    assert_eq!(changes.moved[0].from, d(2021, 12, 31));
    assert_eq!(changes.moved[0].to, Some(d(2020, 8, 31)));
    // Moved to 31 August, it is overdue by 30 September and was not on 30 June.
    assert_eq!(ids(&changes.newly_overdue), [moved]);
    assert_eq!(ids(&changes.added), [new]);
    assert!(changes.cancelled.is_empty());
    assert_eq!(changes.updates.len(), 2);
    assert_eq!(
        changes.summary(),
        "Since 30 June 2020: 1 action completed, 1 other change of status, 1 action newly overdue, 1 due date moved, 1 action added, 0 actions cancelled and 2 new progress updates."
    );
    // Nothing changed between two days before any of it.
    assert!(since(
        &plan,
        &ReportOptions::default(),
        d(2020, 6, 2),
        d(2020, 6, 30),
        None
    )
    .is_empty());
}

#[test]
fn since_a_recorded_report_uses_what_it_recorded() {
    let (plan, _, _, _, _) = with_known_changes();
    let june = d(2020, 6, 30);
    let mut recorded = figures(&plan, &ReportOptions::default(), june);
    // The report recorded one action the officer has since re-dated the history of: the
    // record is what the committee saw.
    let first = recorded.actions[5].action.clone();
    recorded.actions[5].status = Status::OffTrack;
    // And it did not cover an action that has no `added` day: that one is new since.
    let uncovered = recorded.actions.remove(6).action;
    let changes = since(
        &plan,
        &ReportOptions::default(),
        june,
        d(2020, 9, 30),
        Some(&recorded),
    );
    assert!(changes
        .status_changes
        .iter()
        .any(|c| c.action.action_id == first
            && c.from == Status::OffTrack
            && c.to == Status::OnTrack));
    assert!(changes.added.iter().any(|c| c.action_id == uncovered));
}

#[test]
fn the_record_of_a_report_is_its_figures_as_at_its_date() {
    let plan = havering();
    let as_at = d(2020, 1, 31);
    let options = ReportOptions::default();
    let record = figures(&plan, &options, as_at);
    let board = dashboard(&plan, as_at);
    assert_eq!(record.total() as usize, plan.actions().count());
    for status in Status::ALL {
        assert_eq!(
            record.count(status) as usize,
            board.counts.get(status),
            "{status:?}"
        );
    }
    assert_eq!(record.overdue as usize, board.overdue.len());
    let (_, first) = plan.actions().next().unwrap();
    assert_eq!(record.actions[0].action, first.id);
    assert_eq!(record.actions[0].due, first.due_on(as_at));
    // A report for one lead records only that lead's actions.
    let lead = plan.leads()[0].clone();
    let one = ReportOptions::from_pairs([("lead", lead.as_str())]);
    assert!(figures(&plan, &one, as_at).total() < record.total());
}

#[test]
fn the_last_report_for_a_committee_is_the_newest_before_the_day() {
    let mut plan = havering();
    let report = |id: &str, committee: &str, as_at: NaiveDate| IssuedReport {
        id: id.into(),
        kind: IssuedKind::Progress,
        committee: committee.into(),
        meeting: None,
        as_at,
        issued: as_at,
        address: String::new(),
        figures: Default::default(),
    };
    plan.reports = vec![
        report("a", "Cabinet", d(2020, 3, 31)),
        report("b", "Overview and Scrutiny", d(2020, 5, 31)),
        report("c", "Cabinet", d(2020, 6, 30)),
    ];
    assert_eq!(plan.last_report("cabinet", d(2020, 9, 30)).unwrap().id, "c");
    assert_eq!(plan.last_report("Cabinet", d(2020, 6, 30)).unwrap().id, "a");
    assert_eq!(plan.last_report("", d(2020, 6, 1)).unwrap().id, "b");
    assert!(plan.last_report("Council", d(2020, 9, 30)).is_none());
}

#[test]
fn a_quarterly_schedule_keeps_month_ends_and_dates_listed_are_taken_as_they_are() {
    let quarterly = Schedule {
        id: "s1".into(),
        committee: "Cabinet".into(),
        cadence: Cadence::Quarterly,
        from: Some(d(2020, 1, 31)),
        dates: vec![],
    };
    assert_eq!(
        quarterly.dates_between(d(2020, 1, 1), d(2020, 12, 31)),
        [
            d(2020, 1, 31),
            d(2020, 4, 30),
            d(2020, 7, 31),
            d(2020, 10, 31)
        ]
    );
    assert_eq!(
        quarterly.next_on_or_after(d(2020, 5, 1)),
        Some(d(2020, 7, 31))
    );
    assert_eq!(
        quarterly.next_on_or_after(d(2020, 4, 30)),
        Some(d(2020, 4, 30))
    );
    let six = Schedule {
        id: "s2".into(),
        committee: "Scrutiny".into(),
        cadence: Cadence::SixMonthly,
        from: Some(d(2019, 8, 31)),
        dates: vec![],
    };
    // 31 August, then the end of February (29th in a leap year), then 31 August again.
    assert_eq!(
        six.dates_between(d(2019, 1, 1), d(2020, 12, 31)),
        [d(2019, 8, 31), d(2020, 2, 29), d(2020, 8, 31)]
    );
    let listed = Schedule {
        id: "s3".into(),
        committee: "Council".into(),
        cadence: Cadence::Dates,
        from: None,
        dates: vec![d(2020, 11, 5), d(2020, 3, 12)],
    };
    assert_eq!(
        listed.next_on_or_after(d(2020, 3, 13)),
        Some(d(2020, 11, 5))
    );
    assert_eq!(listed.next_on_or_after(d(2020, 11, 6)), None);
    let all = [quarterly, six, listed];
    assert_eq!(
        next_report(&all, d(2020, 2, 1)),
        Some((d(2020, 2, 29), "Scrutiny"))
    );
    assert_eq!(
        next_report(&all, d(2020, 3, 1)),
        Some((d(2020, 3, 12), "Council"))
    );
}

#[test]
fn a_closed_plan_stands_as_at_its_closing_date_and_reopens() {
    let plan = havering();
    let closing = Closure {
        date: d(2020, 12, 31),
        outcome: ClosureOutcome::BusinessAsUsual,
        note: "What remains is in the corporate plan".into(),
    };
    let closed = apply(&plan, Edit::Closed(Some(closing.clone()))).unwrap();
    assert_eq!(closed.as_at(d(2026, 11, 26)), d(2020, 12, 31));
    assert_eq!(closed.as_at(d(2020, 6, 30)), d(2020, 6, 30));
    assert_eq!(closed.closed, Some(closing));
    // It travels in the file and comes back the same.
    let again = import(&export(&closed, Some("2026-11-26T00:00:00Z")))
        .unwrap()
        .plan;
    assert_eq!(again, closed);
    let reopened = apply(&closed, Edit::Closed(None)).unwrap();
    assert_eq!(reopened, plan);
    assert_eq!(reopened.as_at(d(2026, 11, 26)), d(2026, 11, 26));
}

#[test]
fn a_draft_is_a_plan_not_yet_approved() {
    // A plan from before the field existed is not a draft, approval recorded or not.
    let plan = havering();
    assert!(plan.review.plan_approved.is_none() && !plan.is_draft());
    // A new plan is, until its approval is recorded.
    let new = cpc_action_plan::domain::templates::new_plan(
        "p".into(),
        "Testshire".into(),
        "Plan".into(),
        cpc_action_plan::domain::ReviewKind::CorporatePeerChallenge,
        cpc_action_plan::domain::templates::ThemeSet::Blank,
    );
    assert!(new.is_draft());
    let mut details = cpc_action_plan::domain::edit::Details::of(&new);
    details.plan_approved = Some(cpc_action_plan::domain::PlanApproval {
        date: d(2020, 1, 20),
        by: "Cabinet".into(),
    });
    let approved = apply(&new, Edit::Details(details)).unwrap();
    assert!(!approved.is_draft() && !approved.draft);
}

#[test]
fn the_narrative_as_at_a_day_is_the_newest_entry_on_or_before_it() {
    let plan = havering();
    let rec = plan.recommendations[0].id.clone();
    let entry = |id: &str, date: NaiveDate, progress: &str| Narrative {
        id: id.into(),
        date,
        progress: progress.into(),
        next_steps: "Report to Cabinet".into(),
        rating: Some(Rating::Rag(Rag::Amber)),
        author: String::new(),
    };
    let mut plan = plan;
    for e in [
        entry("n2", d(2020, 9, 30), "Second"),
        entry("n1", d(2020, 6, 30), "First"),
    ] {
        plan = apply(
            &plan,
            Edit::Narrative {
                recommendation: rec.clone(),
                op: ListOp::Add(e),
            },
        )
        .unwrap();
    }
    let r = plan.recommendation(&rec).unwrap();
    assert_eq!(r.narrative[0].id, "n1", "kept oldest first");
    assert!(r.narrative_at(d(2020, 6, 29)).is_none());
    assert_eq!(r.narrative_at(d(2020, 7, 1)).unwrap().progress, "First");
    assert_eq!(r.narrative_at(d(2020, 10, 1)).unwrap().progress, "Second");
    let rag = RatingScale::Rag {
        red: "Not on track".into(),
        amber: "Some progress".into(),
        green: "Complete or on track".into(),
    };
    assert_eq!(
        rag.words(Rating::Rag(Rag::Amber)).as_deref(),
        Some("Amber: Some progress")
    );
    assert_eq!(RatingScale::Statuses.words(Rating::Rag(Rag::Amber)), None);
}

#[test]
fn the_new_fields_are_refused_with_their_place_when_wrong() {
    let mut value: serde_json::Value = serde_json::from_str(cpc_action_plan::EXAMPLE_PLAN).unwrap();
    value["plan"]["documents"] = serde_json::json!([{ "title": "", "url": "javascript:alert(1)" }]);
    value["plan"]["rating_scale"] = serde_json::json!({ "kind": "rag", "red": "Bad" });
    value["plan"]["schedule"] =
        serde_json::json!([{ "id": "s", "committee": "Cabinet", "cadence": "quarterly" }]);
    value["plan"]["closed"] = serde_json::json!({ "date": "2020-12-31", "outcome": "finished" });
    value["plan"]["recommendations"][0]["narrative"] =
        serde_json::json!([{ "id": "n", "date": "2020-06-31", "rating": "purple" }]);
    value["plan"]["recommendations"][0]["actions"][0]["due_history"] =
        serde_json::json!([{ "id": "m", "changed": "2020-01-01" }]);
    let problems = cpc_action_plan::format::import_value(&value).unwrap_err();
    let paths: Vec<&str> = problems.iter().map(|p| p.path.as_str()).collect();
    for expected in [
        "plan.documents[0].title",
        "plan.rating_scale.amber",
        "plan.rating_scale.green",
        "plan.schedule[0].from",
        "plan.closed.outcome",
        "plan.recommendations[0].narrative[0].date",
        "plan.recommendations[0].narrative[0].rating",
        "plan.recommendations[0].actions[0].due_history[0].from",
    ] {
        assert!(paths.contains(&expected), "{expected} in {paths:?}");
    }
    // The link itself is refused too, once its title is given.
    value["plan"]["documents"] =
        serde_json::json!([{ "title": "Report", "url": "javascript:alert(1)" }]);
    let problems = cpc_action_plan::format::import_value(&value).unwrap_err();
    assert!(problems.iter().any(|p| p.path == "plan.documents[0].url"));
}

#[test]
fn an_action_added_after_a_day_is_not_in_the_plan_as_it_stood_that_day() {
    let plan = havering();
    let rec = plan.recommendations[1].id.clone();
    let june = d(2020, 6, 30);
    let options = ReportOptions::default();
    let before = (
        dashboard(&plan, june),
        figures(&plan, &options, june),
        progress_sections(&plan, &options, june),
    );
    let added = apply(
        &plan,
        Edit::Action {
            recommendation: rec,
            op: ListOp::Add(cpc_action_plan::domain::Action {
                id: "later".into(),
                text: "Added in August".into(),
                added: Some(d(2020, 8, 10)),
                ..Default::default()
            }),
        },
    )
    .unwrap();
    let after = (
        dashboard(&added, june),
        figures(&added, &options, june),
        progress_sections(&added, &options, june),
    );
    assert_eq!(before, after, "June's figures and report");
    assert!(matches!(
        added.as_it_stood(june),
        std::borrow::Cow::Owned(_)
    ));
    assert!(matches!(
        plan.as_it_stood(june),
        std::borrow::Cow::Borrowed(_)
    ));
    let september = d(2020, 9, 30);
    assert_eq!(
        figures(&added, &options, september).total(),
        figures(&plan, &options, september).total() + 1
    );
}

#[test]
fn a_past_report_is_not_changed_by_reports_recorded_after_it_and_counts_never_overflow() {
    use cpc_action_plan::domain::progress::timeline;
    let mut plan = havering();
    let report = |id: &str, as_at: NaiveDate, issued: NaiveDate| IssuedReport {
        id: id.into(),
        kind: IssuedKind::Progress,
        committee: "Cabinet".into(),
        meeting: Some(issued),
        as_at,
        issued,
        address: String::new(),
        figures: Default::default(),
    };
    let june = timeline(&plan, d(2020, 6, 30));
    plan.reports
        .push(report("sep", d(2020, 9, 30), d(2020, 10, 5)));
    assert_eq!(
        timeline(&plan, d(2020, 6, 30)),
        june,
        "September's record is not in June"
    );
    assert!(timeline(&plan, d(2020, 10, 30))
        .iter()
        .any(
            |(_, what, state)| what.starts_with("Progress report to Cabinet") && *state == "Issued"
        ));
    let mut figures = cpc_action_plan::domain::report_log::Figures::default();
    figures.counts.insert(Status::NotStarted, u64::MAX);
    figures.counts.insert(Status::OnTrack, 1);
    assert_eq!(figures.total(), u64::MAX);
}

#[test]
fn the_next_report_starts_from_a_recorded_one_only_when_it_covered_the_same() {
    use cpc_action_plan::domain::reports::since_start;
    let mut plan = havering();
    let theme = plan.themes[0].id.clone();
    plan.reports.push(IssuedReport {
        id: "themed".into(),
        kind: IssuedKind::Progress,
        committee: "Cabinet".into(),
        meeting: None,
        as_at: d(2020, 6, 30),
        issued: d(2020, 6, 30),
        address: format!("as_at=2020-06-30&committee=Cabinet&theme={theme}"),
        figures: Default::default(),
    });
    let all = ReportOptions::from_pairs([("committee", "Cabinet")]);
    assert_eq!(
        since_start(&plan, &all, d(2020, 9, 30)),
        None,
        "a report for one theme is no baseline for all"
    );
    let same = ReportOptions::from_pairs([("committee", "Cabinet"), ("theme", theme.as_str())]);
    assert_eq!(
        since_start(&plan, &same, d(2020, 9, 30)).map(|(day, r)| (day, r.map(|r| r.id.as_str()))),
        Some((d(2020, 6, 30), Some("themed")))
    );
}
