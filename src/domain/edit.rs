//! Every change an officer can make to a plan, as data, and the one function that makes it.
//!
//! `apply` never changes the plan it is given: it returns a new plan, checked against the
//! format's rules, or the problems that stop it. So undo is exact (keep the old plan) and
//! the app never holds a plan its own export would refuse.

use std::sync::Arc;

use chrono::NaiveDate;

use super::due_history::{record_move, DueChange};
use super::narrative::{Narrative, RatingScale};
use super::plan::{
    Action, Closure, Engagement, Group, LaterReview, Link, Milestone, PeerTeamMember, Plan,
    PlanApproval, Recommendation, Review, ReviewKind, Suggestion, Theme, Update,
};
use super::problem::Problem;
use super::report_log::IssuedReport;
use super::schedule::Schedule;
use super::validate::validate;

/// A change to one list: add at the end, change, remove, or move an item.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ListOp<T> {
    Add(T),
    /// Replaces the item at the index. Its id, and any list it owns, are kept.
    Replace(usize, T),
    Remove(usize),
    Move {
        from: usize,
        to: usize,
    },
}

impl<T> ListOp<T> {
    /// The same change with the item made into another type.
    pub fn map<U>(self, f: impl FnOnce(T) -> U) -> ListOp<U> {
        match self {
            ListOp::Add(item) => ListOp::Add(f(item)),
            ListOp::Replace(i, item) => ListOp::Replace(i, f(item)),
            ListOp::Remove(i) => ListOp::Remove(i),
            ListOp::Move { from, to } => ListOp::Move { from, to },
        }
    }
}

/// The plan's own fields and its review, as the details form edits them together.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Details {
    pub council: String,
    pub title: String,
    pub kind: ReviewKind,
    pub onsite_from: Option<NaiveDate>,
    pub onsite_to: Option<NaiveDate>,
    pub report_received: Option<NaiveDate>,
    pub plan_approved: Option<PlanApproval>,
    pub engagement: Option<Engagement>,
}

impl Details {
    pub fn of(plan: &Plan) -> Details {
        Details {
            council: plan.council.clone(),
            title: plan.title.clone(),
            kind: plan.review.kind,
            onsite_from: plan.review.onsite_from,
            onsite_to: plan.review.onsite_to,
            report_received: plan.review.report_received,
            plan_approved: plan.review.plan_approved.clone(),
            engagement: plan.review.engagement.clone(),
        }
    }
}

/// One change to a plan.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Edit {
    Details(Details),
    Findings(Vec<String>),
    Peer(ListOp<PeerTeamMember>),
    /// Removing a theme also takes it off every recommendation that named it.
    Theme(ListOp<Theme>),
    /// Removing a group leaves its recommendations in no group.
    Group(ListOp<Group>),
    /// Replacing a recommendation keeps its actions; removing it removes them.
    Recommendation(ListOp<Recommendation>),
    /// Replacing an action keeps its progress updates.
    Action {
        recommendation: String,
        op: ListOp<Action>,
    },
    /// Moves an action to the end of another recommendation's actions.
    MoveAction {
        action: String,
        to: String,
    },
    /// Updates are kept oldest first; a new newest update, a change to the newest one's
    /// status, or removing the newest sets the action's status.
    Update {
        action: String,
        op: ListOp<Update>,
    },
    Milestone(ListOp<Milestone>),
    /// The council's narrative on a recommendation; kept oldest first.
    Narrative {
        recommendation: String,
        op: ListOp<Narrative>,
    },
    /// Sets an action's due date on `today`, recording the move (see
    /// `due_history::record_move`); `id` is the new move's id.
    Due {
        action: String,
        due: Option<NaiveDate>,
        today: NaiveDate,
        id: String,
        reason: String,
    },
    /// Corrects an action's record of moves; kept oldest first.
    DueHistory {
        action: String,
        op: ListOp<DueChange>,
    },
    /// The plan's contacts, highlights, documents and rating scale.
    Governance(Governance),
    Schedule(ListOp<Schedule>),
    Report(ListOp<IssuedReport>),
    /// Closes the plan, or (with none) reopens it.
    Closed(Option<Closure>),
    /// Replaces a review's record: the challenge's (`id` none) or a later review's. The
    /// challenge's approval and engagement figures are kept (the details form edits them).
    Review {
        id: Option<String>,
        review: Review,
    },
    /// Removing a later review leaves its suggestions with no review named.
    LaterReview(ListOp<LaterReview>),
    /// Removing a suggestion leaves the actions that followed from it under their
    /// recommendation.
    Suggestion {
        recommendation: String,
        op: ListOp<Suggestion>,
    },
}

/// The plan's contacts, highlights, documents and rating scale, as their form edits them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Governance {
    pub contact_officer: String,
    pub portfolio_holder: String,
    pub overseen_by: String,
    pub highlights: Vec<String>,
    pub documents: Vec<Link>,
    pub rating_scale: Option<RatingScale>,
}

impl Governance {
    pub fn of(plan: &Plan) -> Governance {
        Governance {
            contact_officer: plan.contact_officer.clone(),
            portfolio_holder: plan.portfolio_holder.clone(),
            overseen_by: plan.overseen_by.clone(),
            highlights: plan.highlights.clone(),
            documents: plan.documents.clone(),
            rating_scale: plan.rating_scale.clone(),
        }
    }
}

/// Makes the change on a copy of the plan and checks the result.
pub fn apply(plan: &Plan, edit: Edit) -> Result<Plan, Vec<Problem>> {
    let mut next = plan.clone();
    change(&mut next, edit).map_err(|p| vec![p])?;
    let problems = validate(&next);
    if problems.is_empty() {
        Ok(next)
    } else {
        Err(problems)
    }
}

fn change(plan: &mut Plan, edit: Edit) -> Result<(), Problem> {
    match edit {
        Edit::Details(d) => {
            plan.council = d.council;
            plan.title = d.title;
            plan.review.kind = d.kind;
            plan.review.onsite_from = d.onsite_from;
            plan.review.onsite_to = d.onsite_to;
            plan.review.report_received = d.report_received;
            if d.plan_approved.is_some() && plan.review.plan_approved.is_none() {
                plan.draft = false;
            }
            plan.review.plan_approved = d.plan_approved;
            plan.review.engagement = d.engagement.filter(|e| *e != Engagement::default());
        }
        Edit::Findings(findings) => plan.findings = findings,
        Edit::Peer(op) => list_op(
            &mut plan.review.peer_team,
            op,
            "peer team member",
            |_, _| {},
        )?,
        Edit::Theme(op) => {
            let removed = removed_id(&plan.themes, &op, |t| &t.id);
            list_op(&mut plan.themes, op, "theme", |old, new| {
                new.id = old.id.clone()
            })?;
            if let Some(id) = removed {
                for rec in &mut plan.recommendations {
                    rec.themes.retain(|t| *t != id);
                }
            }
        }
        Edit::Group(op) => {
            let removed = removed_id(&plan.groups, &op, |g| &g.id);
            list_op(&mut plan.groups, op, "group", |old, new| {
                new.id = old.id.clone()
            })?;
            if let Some(id) = removed {
                for rec in &mut plan.recommendations {
                    if rec.group.as_deref() == Some(id.as_str()) {
                        rec.group = None;
                    }
                }
            }
        }
        Edit::Recommendation(op) => list_op(
            &mut plan.recommendations,
            op,
            "recommendation",
            |old, new| {
                new.id = old.id.clone();
                new.actions = std::mem::take(&mut old.actions);
                new.narrative = std::mem::take(&mut old.narrative);
                new.suggestions = std::mem::take(&mut old.suggestions);
            },
        )?,
        Edit::Action { recommendation, op } => {
            let rec = plan
                .recommendations
                .iter_mut()
                .find(|r| r.id == recommendation)
                .ok_or_else(|| missing("recommendation", &recommendation))?;
            list_op(&mut rec.actions, op.map(Arc::new), "action", |old, new| {
                let new = Arc::make_mut(new);
                new.id = old.id.clone();
                new.updates = old.updates.clone();
                new.due_history = old.due_history.clone();
                new.added = old.added;
            })?;
        }
        Edit::MoveAction { action, to } => {
            if plan.recommendation(&to).is_none() {
                return Err(missing("recommendation", &to));
            }
            let moved = plan
                .recommendations
                .iter_mut()
                .find_map(|r| {
                    let i = r.actions.iter().position(|a| a.id == action)?;
                    Some(r.actions.remove(i))
                })
                .ok_or_else(|| missing("action", &action))?;
            if let Some(target) = plan.recommendations.iter_mut().find(|r| r.id == to) {
                let mut moved = moved;
                // A suggestion belongs to the recommendation the action left.
                let stays = moved
                    .suggestion
                    .as_ref()
                    .is_some_and(|s| target.suggestions.iter().any(|t| t.id == *s));
                if moved.suggestion.is_some() && !stays {
                    Arc::make_mut(&mut moved).suggestion = None;
                }
                target.actions.push(moved);
            }
        }
        Edit::Update { action, op } => {
            let target = action_mut(plan, &action)?;
            let newest = |updates: &[Update]| updates.last().map(|u| (u.id.clone(), u.status));
            let added = match &op {
                ListOp::Add(update) => Some(update.id.clone()),
                _ => None,
            };
            let removing = matches!(op, ListOp::Remove(_));
            let before = newest(&target.updates);
            list_op(&mut target.updates, op, "progress update", |old, new| {
                new.id = old.id.clone()
            })?;
            // A stable sort keeps the order of updates made on the same day.
            target.updates.sort_by_key(|u| u.date);
            // The newest update sets the status when it is new, when its own status is
            // changed, or when the newest is removed (the one before it speaks again).
            // Correcting words or dates never reverts a status the officer set since.
            let sets = match (&before, newest(&target.updates)) {
                (_, None) => None,
                (_, Some((id, status))) if added.as_ref() == Some(&id) => Some(status),
                (Some((was, old)), Some((id, status))) if *was == id => {
                    (*old != status).then_some(status)
                }
                (_, Some((_, status))) => removing.then_some(status),
            };
            if let Some(status) = sets {
                target.status = status;
            }
        }
        Edit::Milestone(op) => list_op(&mut plan.milestones, op, "milestone", |old, new| {
            new.id = old.id.clone()
        })?,
        Edit::Narrative { recommendation, op } => {
            let rec = plan
                .recommendations
                .iter_mut()
                .find(|r| r.id == recommendation)
                .ok_or_else(|| missing("recommendation", &recommendation))?;
            list_op(&mut rec.narrative, op, "narrative", |old, new| {
                new.id = old.id.clone()
            })?;
            rec.narrative.sort_by_key(|n| n.date);
        }
        Edit::Due {
            action,
            due,
            today,
            id,
            reason,
        } => {
            let target = action_mut(plan, &action)?;
            target.due_history = record_move(
                target.due,
                &target.timescale,
                &target.due_history,
                due,
                today,
                id,
                &reason,
            );
            target.due = due;
        }
        Edit::DueHistory { action, op } => {
            let target = action_mut(plan, &action)?;
            list_op(&mut target.due_history, op, "due date move", |old, new| {
                new.id = old.id.clone()
            })?;
            target.due_history.sort_by_key(|c| c.changed);
        }
        Edit::Governance(g) => {
            plan.contact_officer = g.contact_officer;
            plan.portfolio_holder = g.portfolio_holder;
            plan.overseen_by = g.overseen_by;
            plan.highlights = g.highlights;
            plan.documents = g.documents;
            plan.rating_scale = g.rating_scale;
        }
        Edit::Schedule(op) => list_op(&mut plan.schedule, op, "reporting schedule", |old, new| {
            new.id = old.id.clone()
        })?,
        Edit::Report(op) => {
            list_op(&mut plan.reports, op, "report issued", |old, new| {
                new.id = old.id.clone()
            })?;
            plan.reports.sort_by_key(|r| r.issued);
        }
        Edit::Closed(closure) => plan.closed = closure,
        Edit::Review { id: None, review } => {
            let kept = (
                plan.review.plan_approved.take(),
                plan.review.engagement.take(),
            );
            plan.review = review;
            (plan.review.plan_approved, plan.review.engagement) = kept;
        }
        Edit::Review {
            id: Some(id),
            review,
        } => {
            let later = plan
                .later_reviews
                .iter_mut()
                .find(|r| r.id == id)
                .ok_or_else(|| missing("review", &id))?;
            later.review = review;
        }
        Edit::LaterReview(op) => {
            let removed = removed_id(&plan.later_reviews, &op, |r| &r.id);
            list_op(&mut plan.later_reviews, op, "review", |old, new| {
                new.id = old.id.clone()
            })?;
            if let Some(id) = removed {
                for suggestion in plan
                    .recommendations
                    .iter_mut()
                    .flat_map(|r| r.suggestions.iter_mut())
                {
                    if suggestion.review.as_deref() == Some(id.as_str()) {
                        suggestion.review = None;
                    }
                }
            }
        }
        Edit::Suggestion { recommendation, op } => {
            let rec = plan
                .recommendations
                .iter_mut()
                .find(|r| r.id == recommendation)
                .ok_or_else(|| missing("recommendation", &recommendation))?;
            let removed = removed_id(&rec.suggestions, &op, |s| &s.id);
            list_op(&mut rec.suggestions, op, "suggestion", |old, new| {
                new.id = old.id.clone()
            })?;
            if let Some(id) = removed {
                for action in rec.actions.iter_mut() {
                    if action.suggestion.as_deref() == Some(id.as_str()) {
                        Arc::make_mut(action).suggestion = None;
                    }
                }
            }
        }
    }
    Ok(())
}

fn action_mut<'a>(plan: &'a mut Plan, id: &str) -> Result<&'a mut Action, Problem> {
    plan.recommendations
        .iter_mut()
        .flat_map(|r| r.actions.iter_mut())
        .find(|a| a.id == id)
        .map(Arc::make_mut)
        .ok_or_else(|| missing("action", id))
}

fn missing(what: &str, id: &str) -> Problem {
    Problem::new(
        "edit",
        format!("there is no {what} with the id \"{id}\" in this plan"),
    )
}

fn removed_id<T>(items: &[T], op: &ListOp<T>, id: impl Fn(&T) -> &String) -> Option<String> {
    match op {
        ListOp::Remove(i) => items.get(*i).map(|item| id(item).clone()),
        _ => None,
    }
}

/// Applies a list change. `keep` copies what a replacement must not change (its id, and
/// the lists it owns) from the old item to the new one.
fn list_op<T>(
    items: &mut Vec<T>,
    op: ListOp<T>,
    what: &str,
    keep: impl FnOnce(&mut T, &mut T),
) -> Result<(), Problem> {
    let out_of_range = |i: usize| {
        Problem::new(
            "edit",
            format!("there is no {what} number {} in this list", i + 1),
        )
    };
    match op {
        ListOp::Add(item) => items.push(item),
        ListOp::Replace(i, mut item) => {
            let old = items.get_mut(i).ok_or_else(|| out_of_range(i))?;
            keep(old, &mut item);
            *old = item;
        }
        ListOp::Remove(i) => {
            if i >= items.len() {
                return Err(out_of_range(i));
            }
            items.remove(i);
        }
        ListOp::Move { from, to } => {
            if from >= items.len() {
                return Err(out_of_range(from));
            }
            if to >= items.len() {
                return Err(out_of_range(to));
            }
            let item = items.remove(from);
            items.insert(to, item);
        }
    }
    Ok(())
}
