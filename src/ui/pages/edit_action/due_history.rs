//! The action's due-date moves: each says when the date moved, from what, and why. A move
//! is recorded when the officer changes the due date; here its reason can be written and
//! a move recorded by mistake taken away.

use leptos::prelude::*;

use crate::domain::dates::format_due;
use crate::domain::edit::{Edit, ListOp};
use crate::domain::DueChange;
use crate::ui::components::form::TextField;
use crate::ui::pages::editing::{change, from_plan, ControlEdits};
use crate::ui::state::use_state;

/// Every move, newest first, with its reason to write.
#[component]
pub(super) fn DueMoves(plan_id: String, action_id: String) -> impl IntoView {
    let moves = {
        let aid = action_id.clone();
        from_plan(&plan_id, move |p| {
            p.action(&aid)
                .map(|(_, a)| {
                    a.due_history
                        .iter()
                        .rev()
                        .map(|m| m.id.clone())
                        .collect::<Vec<_>>()
                })
                .unwrap_or_default()
        })
    };
    let slipped = {
        let aid = action_id.clone();
        let today = use_state().today;
        from_plan(&plan_id, move |p| {
            p.action(&aid).and_then(|(_, a)| a.slipped(today.get()))
        })
    };
    let ids = StoredValue::new((plan_id, action_id));
    view! {
        <div class="govuk-form-group" data-testid="due-moves">
            {move || slipped.get().map(|s| view! { <p class="govuk-body govuk-!-font-weight-bold">{s}</p> })}
            <For each=move || moves.get() key=|id| id.clone() let:move_id>
                <MoveRow plan_id=ids.get_value().0 action_id=ids.get_value().1 move_id=move_id />
            </For>
        </div>
    }
}

#[component]
fn MoveRow(plan_id: String, action_id: String, move_id: String) -> impl IntoView {
    let library = use_state().library;
    let found = {
        let (aid, mid) = (action_id.clone(), move_id.clone());
        from_plan(&plan_id, move |p| {
            p.action(&aid).and_then(|(_, a)| {
                let at = a.due_history.iter().position(|m| m.id == mid)?;
                let to = a.moved_to(at);
                Some((at, a.due_history[at].clone(), to))
            })
        })
    };
    let heading = move || {
        found.get().map(|(_, m, to)| {
            format!(
                "Moved on {} from {} to {}",
                crate::domain::dates::format_long(m.changed),
                format_due(m.from),
                to.map(format_due).unwrap_or_else(|| "no date".to_string())
            )
        })
    };
    let reason = from_plan(&plan_id, {
        let (aid, mid) = (action_id.clone(), move_id.clone());
        move |p| {
            p.action(&aid)
                .and_then(|(_, a)| {
                    a.due_history
                        .iter()
                        .find(|m| m.id == mid)
                        .map(|m| m.reason.clone())
                })
                .unwrap_or_default()
        }
    });
    let replace = |write: fn(&mut DueChange, String)| {
        let (aid, mid) = (action_id.clone(), move_id.clone());
        move |plan: &crate::domain::Plan, v: String| {
            let (_, a) = plan
                .action(&aid)
                .ok_or("This action is no longer in the plan")?;
            let at = a
                .due_history
                .iter()
                .position(|m| m.id == mid)
                .ok_or("This move is no longer recorded")?;
            let mut changed = a.due_history[at].clone();
            write(&mut changed, v);
            Ok(Edit::DueHistory {
                action: aid.clone(),
                op: ListOp::Replace(at, changed),
            })
        }
    };
    let field = format!("action-{action_id}-move-{move_id}");
    let remove = {
        let edits = ControlEdits::new(&plan_id);
        let (plan_id, aid, field) = (plan_id.clone(), action_id.clone(), field.clone());
        move |_| {
            let Some(at) = found.get_untracked().map(|(at, _, _)| at) else {
                return;
            };
            if library.plan_now(&plan_id).is_some() {
                edits.make(
                    &format!("{field}-remove"),
                    Edit::DueHistory {
                        action: aid.clone(),
                        op: ListOp::Remove(at),
                    },
                    None,
                );
            }
        }
    };
    view! {
        <fieldset class="govuk-fieldset app-list-item">
            <legend class="govuk-fieldset__legend govuk-fieldset__legend--s">{heading}</legend>
            <TextField id=format!("{field}-reason") label="Why it moved (optional)" value=reason
                on_change=change(&plan_id, format!("{field}-reason"), replace(|m, v| m.reason = v.trim().to_string())) />
            <button type="button" class="govuk-button govuk-button--secondary" id=format!("{field}-remove") on:click=remove>
                "Remove this move"<span class="govuk-visually-hidden">{move || heading().map(|h| format!(": {h}"))}</span>
            </button>
        </fieldset>
    }
}
