//! The progress review: the LGA's dates against what the plan records, suggestions
//! numbered as the LGA does, and a file with one review read into the new shape.

use cpc_action_plan::domain::edit::{apply, Edit, ListOp};
use cpc_action_plan::domain::review_dates::{lga_steps, StepState};
use cpc_action_plan::domain::suggestions::next_number;
use cpc_action_plan::domain::{
    Action, LaterReview, Review, ReviewKind, Status, Suggestion, VisitFormat,
};
use cpc_action_plan::format::{export, import};

mod common;
use common::{d, havering};

fn with_review() -> cpc_action_plan::domain::Plan {
    let mut plan = havering();
    // Havering's visit ended on 1 March 2019.
    plan.review.report_published = Some(d(2019, 5, 20));
    plan.later_reviews.push(LaterReview {
        id: "pr".into(),
        review: Review {
            kind: ReviewKind::ProgressReview,
            onsite_from: Some(d(2020, 1, 14)),
            onsite_to: Some(d(2020, 1, 14)),
            format: Some(VisitFormat::Virtual),
            duration: "half a day".into(),
            report_published: Some(d(2020, 4, 1)),
            feedback: "Good progress on governance.".into(),
            ..Review::default()
        },
    });
    plan
}

#[test]
fn the_lga_dates_use_the_days_recorded_and_say_whether_each_was_met() {
    let plan = with_review();
    let steps = lga_steps(&plan, d(2020, 6, 30));
    let by = |title: &str| steps.iter().find(|s| s.title == title).unwrap().clone();
    let published = by("Report and action plan published");
    assert_eq!(
        (published.due, published.done, published.state),
        (d(2019, 6, 1), Some(d(2019, 5, 20)), StepState::OnTime)
    );
    // About ten months on: 14 January 2020 is ten and a half.
    let review = by("Progress review");
    assert_eq!(
        (review.due, review.done, review.state),
        (d(2020, 1, 1), Some(d(2020, 1, 14)), StepState::OnTime)
    );
    // Its feedback was due within twelve months of the challenge, by 1 March 2020.
    let feedback = by("Progress review report published");
    assert_eq!(
        (feedback.due, feedback.done, feedback.state),
        (d(2020, 3, 1), Some(d(2020, 4, 1)), StepState::Late)
    );
    assert_eq!(by("Next corporate peer challenge").state, StepState::Due);
    // As at a day before the review, it is still due, whatever the plan later records.
    let before = lga_steps(&plan, d(2019, 12, 1));
    assert_eq!(
        before
            .iter()
            .find(|s| s.title == "Progress review")
            .unwrap()
            .state,
        StepState::Due
    );
    // Havering as shipped records none of them: the dates passed, unrecorded.
    let shipped = lga_steps(&havering(), d(2020, 6, 30));
    assert_eq!(
        shipped
            .iter()
            .find(|s| s.title == "Progress review")
            .unwrap()
            .state,
        StepState::Missed
    );
    // The timeline puts each at the day it happened.
    let timeline = cpc_action_plan::domain::progress::timeline(&plan, d(2020, 6, 30));
    assert!(timeline.contains(&(
        d(2020, 1, 14),
        "Progress review (LGA process)".to_string(),
        "Done on time"
    )));
    assert!(timeline.contains(&(
        d(2020, 4, 1),
        "Progress review report published (LGA process)".to_string(),
        "Done late"
    )));
}

#[test]
fn suggestions_are_numbered_after_their_recommendation_and_their_actions_count_apart() {
    let plan = with_review();
    let rec = plan.recommendations[3].clone();
    assert_eq!(next_number(&rec), "4.1");
    let suggestion = |id: &str, number: &str| Suggestion {
        id: id.into(),
        number: number.into(),
        text: "Consider a members' development programme".into(),
        review: Some("pr".into()),
        noted: false,
    };
    let plan = apply(
        &plan,
        Edit::Suggestion {
            recommendation: rec.id.clone(),
            op: ListOp::Add(suggestion("s1", "4.1")),
        },
    )
    .unwrap();
    let plan = apply(
        &plan,
        Edit::Suggestion {
            recommendation: rec.id.clone(),
            op: ListOp::Add(suggestion("s3", "4.3")),
        },
    )
    .unwrap();
    assert_eq!(next_number(plan.recommendation(&rec.id).unwrap()), "4.4");
    let plan = apply(
        &plan,
        Edit::Action {
            recommendation: rec.id.clone(),
            op: ListOp::Add(Action {
                id: "from-s1".into(),
                text: "Run a members' development programme".into(),
                status: Status::OnTrack,
                suggestion: Some("s1".into()),
                ..Default::default()
            }),
        },
    )
    .unwrap();
    let counts =
        cpc_action_plan::domain::progress::dashboard(&plan, d(2020, 6, 30)).from_suggestions;
    assert_eq!((counts.total(), counts.get(Status::OnTrack)), (1, 1));
    // An action cannot name a suggestion its recommendation does not have.
    let wrong = apply(
        &plan,
        Edit::Action {
            recommendation: plan.recommendations[0].id.clone(),
            op: ListOp::Add(Action {
                id: "x".into(),
                text: "x".into(),
                suggestion: Some("s1".into()),
                ..Default::default()
            }),
        },
    );
    assert!(wrong.unwrap_err()[0]
        .reason
        .contains("not one of its recommendation's suggestions"));
    // Removing the suggestion leaves its action under the recommendation.
    let plan = apply(
        &plan,
        Edit::Suggestion {
            recommendation: rec.id.clone(),
            op: ListOp::Remove(0),
        },
    )
    .unwrap();
    let (_, action) = plan.action("from-s1").unwrap();
    assert_eq!(action.suggestion, None);
    // Removing the review leaves its suggestions with none named.
    let plan = apply(&plan, Edit::LaterReview(ListOp::Remove(0))).unwrap();
    assert_eq!(
        plan.recommendation(&rec.id).unwrap().suggestions[0].review,
        None
    );
}

#[test]
fn a_file_with_one_review_reads_into_the_new_shape_and_the_review_travels() {
    let plan = havering();
    assert!(plan.later_reviews.is_empty());
    assert_eq!(plan.review.kind, ReviewKind::CorporatePeerChallenge);
    let reviewed = with_review();
    let again = import(&export(&reviewed, None)).unwrap().plan;
    assert_eq!(again, reviewed);
    // Recording the challenge's feedback keeps its approval and engagement figures.
    let mut record = reviewed.review.clone();
    record.feedback = "The council has a strong base.".into();
    record.plan_approved = None;
    record.engagement = None;
    let after = apply(
        &reviewed,
        Edit::Review {
            id: None,
            review: record,
        },
    )
    .unwrap();
    assert_eq!(after.review.feedback, "The council has a strong base.");
    assert_eq!(after.review.engagement, reviewed.review.engagement);
}

#[test]
fn a_report_can_leave_out_the_actions_that_follow_from_suggestions() {
    use cpc_action_plan::domain::reports::{figures, ReportOptions};
    let plan = with_review();
    let rec = plan.recommendations[3].id.clone();
    let plan = apply(
        &plan,
        Edit::Suggestion {
            recommendation: rec.clone(),
            op: ListOp::Add(Suggestion {
                id: "s1".into(),
                number: "4.1".into(),
                text: "t".into(),
                review: None,
                noted: false,
            }),
        },
    )
    .unwrap();
    let plan = apply(
        &plan,
        Edit::Action {
            recommendation: rec,
            op: ListOp::Add(Action {
                id: "from-s1".into(),
                text: "x".into(),
                suggestion: Some("s1".into()),
                ..Default::default()
            }),
        },
    )
    .unwrap();
    let with = ReportOptions::from_pairs([]);
    let without = ReportOptions::from_pairs([("suggestions", "no")]);
    let day = d(2020, 6, 30);
    assert_eq!(
        figures(&plan, &with, day).total(),
        figures(&plan, &without, day).total() + 1
    );
    assert!(without
        .pairs()
        .contains(&("suggestions".to_string(), "no".to_string())));
}

#[test]
fn later_reviews_import_cleanly_steps_stand_as_at_a_day_and_a_moved_action_leaves_its_suggestion() {
    // A file with later reviews imports with no warning about them.
    let reviewed = with_review();
    let imported = import(&export(&reviewed, None)).unwrap();
    assert!(imported.warnings.is_empty(), "{:?}", imported.warnings);
    // As at a day before the review's report was published (but after its due date),
    // the step is past, not done.
    let steps = lga_steps(&reviewed, d(2020, 3, 15));
    let feedback = steps
        .iter()
        .find(|s| s.title == "Progress review report published")
        .unwrap();
    assert_eq!((feedback.done, feedback.state), (None, StepState::Missed));
    // Within the two months' grace for "about ten months", not yet past.
    let mut undated = reviewed.clone();
    undated.later_reviews[0].review.onsite_from = None;
    undated.later_reviews[0].review.onsite_to = None;
    let early = lga_steps(&undated, d(2020, 2, 15));
    assert_eq!(
        early
            .iter()
            .find(|s| s.title == "Progress review")
            .unwrap()
            .state,
        StepState::Due
    );
    // A dated progress review counts before one whose dates are not recorded.
    let mut two = reviewed.clone();
    two.later_reviews.insert(
        0,
        LaterReview {
            id: "undated".into(),
            review: Review {
                kind: ReviewKind::ProgressReview,
                ..Review::default()
            },
        },
    );
    assert_eq!(
        cpc_action_plan::domain::review_dates::progress_review(&two)
            .unwrap()
            .id,
        "pr"
    );
    // Moving an action that follows a suggestion to another recommendation is allowed,
    // and leaves the suggestion behind.
    let rec = reviewed.recommendations[3].id.clone();
    let plan = apply(
        &reviewed,
        Edit::Suggestion {
            recommendation: rec.clone(),
            op: ListOp::Add(Suggestion {
                id: "s1".into(),
                number: "4.1".into(),
                text: "t".into(),
                review: None,
                noted: false,
            }),
        },
    )
    .unwrap();
    let plan = apply(
        &plan,
        Edit::Action {
            recommendation: rec,
            op: ListOp::Add(Action {
                id: "from-s1".into(),
                text: "x".into(),
                suggestion: Some("s1".into()),
                ..Default::default()
            }),
        },
    )
    .unwrap();
    let moved = apply(
        &plan,
        Edit::MoveAction {
            action: "from-s1".into(),
            to: plan.recommendations[0].id.clone(),
        },
    )
    .unwrap();
    assert_eq!(moved.action("from-s1").unwrap().1.suggestion, None);
}
