//! Closing the plan (completed, or moved into business as usual, with the date and a
//! note) and reopening it. A closed plan's figures stand as at its closing date.

use leptos::prelude::*;

use super::summarise;
use crate::domain::edit::Edit;
use crate::domain::{Closure, ClosureOutcome};
use crate::ui::components::form::{first_reason, DateInput, ErrorMessage, NewItemInput, TypedDate};
use crate::ui::pages::editing::{draft, ControlEdits};
use crate::ui::state::use_state;

/// The plan's closure, following every change to it alone.
fn closure(plan_id: &str) -> Memo<Option<Closure>> {
    let library = use_state().library;
    let id = plan_id.to_string();
    Memo::new(move |_| library.with_plan(&id, |p| p.and_then(|p| p.closed.clone())))
}

/// "This plan was closed on …", at the top of the page while it is closed.
#[component]
pub(super) fn ClosedNotice(plan_id: String) -> impl IntoView {
    let closed = closure(&plan_id);
    move || {
        closed.get().map(|c| {
            view! {
                <div class="govuk-inset-text" data-testid="reporting-closed">
                    {crate::ui::components::reporting::closed_sentence(&c)}
                    " Its figures stand as at that date. "
                    <a class="govuk-link" href="#close-plan" on:click=|ev| {
                        ev.prevent_default();
                        crate::ui::components::form::focus_field("reopen-plan");
                    }>"Reopen it below"</a>
                    "."
                </div>
            }
        })
    }
}

#[component]
pub(super) fn Closing(plan_id: String) -> impl IntoView {
    let state = use_state();
    let library = state.library;
    let closed = closure(&plan_id);
    let form = draft(&plan_id, None, "close-plan", "closing the plan");
    let outcome = form.field("outcome");
    let note = form.field("note");
    let date = TypedDate::new(&crate::domain::dates::iso(state.today.get_untracked()));
    let outcome_error = RwSignal::new(None::<String>);
    let date_error = RwSignal::new(None::<String>);
    let note_error = RwSignal::new(None::<String>);
    summarise("close-outcome", outcome_error);
    let close = {
        let plan_id = plan_id.clone();
        move |ev: leptos::ev::SubmitEvent| {
            ev.prevent_default();
            let chosen = ClosureOutcome::parse(&outcome.get_untracked());
            let day = date.required("Date the plan closed", "the date the plan closed");
            outcome_error.set(chosen.is_none().then(|| {
                "Select whether the plan was completed or moved into business as usual".to_string()
            }));
            date_error.set(day.as_ref().err().cloned());
            let (Some(outcome_chosen), Ok(day)) = (chosen, day) else {
                return;
            };
            let closure = Closure {
                date: day,
                outcome: outcome_chosen,
                note: note.get_untracked().trim().to_string(),
            };
            match library.edit(&plan_id, Edit::Closed(Some(closure)), None) {
                Ok(()) => {
                    note_error.set(None);
                    outcome.set(String::new());
                    note.set(String::new());
                    crate::ui::components::form::focus_field("reopen-plan");
                }
                Err(p) => note_error.set(Some(first_reason(p))),
            }
        }
    };
    let reopen = {
        let edits = ControlEdits::new(&plan_id);
        move |_| {
            if edits.make("reopen-plan", Edit::Closed(None), None) {
                date.show(&crate::domain::dates::iso(state.today.get_untracked()));
            }
        }
    };
    let radio = move |i: usize, o: ClosureOutcome, hint: &'static str| {
        let input_id = if i == 0 {
            "close-outcome".to_string()
        } else {
            format!("close-outcome-{i}")
        };
        let hint_id = format!("{input_id}-hint");
        view! {
            <div class="govuk-radios__item">
                <input class="govuk-radios__input" id=input_id.clone() name="close-outcome" type="radio" value=o.as_str()
                    aria-describedby=hint_id.clone()
                    prop:checked=move || outcome.get() == o.as_str()
                    on:change=move |_| outcome.set(o.as_str().to_string()) />
                <label class="govuk-label govuk-radios__label" for=input_id>{o.label()}</label>
                <div id=hint_id class="govuk-hint govuk-radios__hint">{hint}</div>
            </div>
        }
    };
    view! {
        <h2 class="govuk-heading-m" id="close-plan">"Closing the plan"</h2>
        {move || match closed.get() {
            Some(c) => {
                let reopen = reopen.clone();
                view! {
                    <p class="govuk-body" data-testid="closed-summary">{crate::ui::components::reporting::closed_sentence(&c)}</p>
                    {(!c.note.is_empty()).then(|| view! { <p class="govuk-body app-pre-line">{c.note.clone()}</p> })}
                    <p class="govuk-body">"Reopening the plan makes it live again: its figures follow today, and its reports are as at today."</p>
                    <button type="button" id="reopen-plan" class="govuk-button govuk-button--secondary" on:click=reopen>"Reopen this plan"</button>
                }
                .into_any()
            }
            None => {
                let close = close.clone();
                view! {
                    <p class="govuk-body">"Close the plan when its work is done, or when what remains has moved into the council's usual performance management. A closed plan shows as closed everywhere, and its figures stand as at the day it closed. You can reopen it."</p>
                    <form class="app-add-form" novalidate data-own-undo="" on:submit=close>
                        <div class=move || if outcome_error.get().is_some() { "govuk-form-group govuk-form-group--error" } else { "govuk-form-group" }>
                            <fieldset class="govuk-fieldset" aria-describedby=move || outcome_error.get().is_some().then_some("close-outcome-error")>
                                <legend class="govuk-fieldset__legend govuk-fieldset__legend--s">"How the plan ended"</legend>
                                <ErrorMessage id="close-outcome-error" error=outcome_error />
                                <div class="govuk-radios govuk-radios--small">
                                    {radio(0, ClosureOutcome::Completed, "Every action is done")}
                                    {radio(1, ClosureOutcome::BusinessAsUsual, "What remains is managed as part of the council's usual performance management")}
                                </div>
                            </fieldset>
                        </div>
                        <DateInput id="close-date" legend="Date the plan closed" typed=date error=date_error bold=true />
                        <NewItemInput id="close-note" label="Note (optional)" value=note error=note_error multiline=true />
                        <button type="submit" class="govuk-button govuk-button--warning">"Close this plan"</button>
                    </form>
                }
                .into_any()
            }
        }}
    }
}
