//! Adding an action in one go: its words, timescale, due date (suggested from the
//! timescale, to accept or change), leads and status, staying on the recommendation's
//! page to add the next. What is typed is kept as a draft until it is added.

use leptos::prelude::*;

use crate::browser::random::new_id;
use crate::domain::dates::iso;
use crate::domain::edit::{Edit, ListOp};
use crate::domain::leads::split_leads;
use crate::domain::sanity::due_before_visit;
use crate::domain::timescale::{suggest, StatusHint};
use crate::domain::{Action, Plan, Status};
use crate::presentation::route::Route;
use crate::ui::components::form::{
    first_reason, focus_field, DateInput, FarDateQuestion, NewItemInput, TypedDate,
};
use crate::ui::components::warning_text::WarningText;
use crate::ui::pages::editing::{from_plan, visit};
use crate::ui::state::use_state;

fn hinted(hint: Option<StatusHint>) -> Option<Status> {
    hint.map(StatusHint::status)
}

#[component]
pub(super) fn AddAction(plan_id: String, recommendation_id: String) -> impl IntoView {
    let state = use_state();
    let library = state.library;
    let number = {
        let rid = recommendation_id.clone();
        from_plan(&plan_id, move |p| {
            p.recommendation(&rid)
                .map(|r| r.number.clone())
                .unwrap_or_default()
        })
    };
    let form = crate::ui::pages::editing::draft(
        &plan_id,
        Some(&recommendation_id),
        "new-action",
        format!("an action under recommendation {}", number.get_untracked()),
    );
    let text = form.field("text");
    let timescale = form.field("timescale");
    let leads = form.field("leads");
    let due = TypedDate::new("");
    // The due date follows the timescale's suggestion until the officer types one.
    let due_typed = RwSignal::new(false);
    let suggested = move || suggest(&timescale.get());
    let show_suggestion = move || {
        if !due_typed.get_untracked() {
            due.show(&suggested().due.map(iso).unwrap_or_default());
        }
    };
    // A draft brought back from before shows its suggestion too.
    show_suggestion();
    let chosen_status = RwSignal::new(None::<Status>);
    let status = move || {
        chosen_status
            .get()
            .or_else(|| hinted(suggested().hint))
            .unwrap_or(Status::NotStarted)
    };
    let text_error = RwSignal::new(None::<String>);
    let due_error = RwSignal::new(None::<String>);
    let far = FarDateQuestion::default();
    let added = RwSignal::new(None::<String>);
    let reference = visit(&plan_id);
    let warning = move || due_before_visit(due.watch("").ok().flatten(), reference.get());
    let known_leads = from_plan(&plan_id, Plan::leads);
    let next_recommendation = crate::presentation::route::Address {
        route: Route::Recommendations {
            plan: plan_id.clone(),
        },
        query: crate::presentation::route::Query::from_pairs(vec![(
            "add".to_string(),
            "recommendation".to_string(),
        )]),
    }
    .href();

    let add = {
        let (plan_id, rid) = (plan_id.clone(), recommendation_id.clone());
        move |ev: leptos::ev::SubmitEvent| {
            ev.prevent_default();
            let words = text.get_untracked().trim().to_string();
            text_error.set(
                words
                    .is_empty()
                    .then(|| "Enter what the council will do".to_string()),
            );
            let day = due.read("The due date").map_err(|p| p.message);
            due_error.set(day.as_ref().err().cloned());
            let (false, Ok(day)) = (words.is_empty(), day) else {
                return;
            };
            if let Some(question) = far.ask(day, reference.get_untracked()) {
                due_error.set(Some(question));
                return;
            }
            let action = Action {
                id: new_id("a"),
                text: words,
                timescale: timescale.get_untracked().trim().to_string(),
                due: day,
                leads: split_leads(&leads.get_untracked()),
                status: status(),
                updates: vec![],
                links: vec![],
                added: Some(state.today.get_untracked()),
                due_history: vec![],
                suggestion: None,
            };
            let edit = Edit::Action {
                recommendation: rid.clone(),
                op: ListOp::Add(action),
            };
            match library.edit(&plan_id, edit, None) {
                Ok(()) => {
                    let count = library
                        .plan_now(&plan_id)
                        .and_then(|p| p.recommendation(&rid).map(|r| r.actions.len()))
                        .unwrap_or(0);
                    added.set(Some(format!(
                        "Action {}.{count} added. Add the next one below.",
                        number.get_untracked()
                    )));
                    text.set(String::new());
                    timescale.set(String::new());
                    leads.set(String::new());
                    due_typed.set(false);
                    due.show("");
                    far.reset();
                    chosen_status.set(None);
                    text_error.set(None);
                    due_error.set(None);
                    focus_field("new-action");
                }
                Err(p) => text_error.set(Some(first_reason(p))),
            }
        }
    };
    let on_due_input = Callback::new(move |()| {
        // Once the officer types a due date (or empties the boxes), it is theirs.
        due_typed.set(true);
        due_error.set(None);
    });
    let status_hint = move || {
        hinted(suggested().hint)
            .map(|s| format!("“{}” suggests {}", timescale.get().trim(), s.label()))
            .unwrap_or_else(|| "Not started unless you choose another".to_string())
    };
    let due_hint = move || {
        suggested().due.filter(|_| !due_typed.get()).map(|_| {
            format!(
                "Suggested from the timescale “{}”. Change it if it is wrong.",
                timescale.get().trim()
            )
        })
    };
    view! {
        <form class="app-add-form" novalidate data-own-undo="" on:submit=add data-testid="add-action">
            <h3 class="govuk-heading-s">"Add an action"</h3>
            <p class="govuk-body" role="status" data-testid="action-added">{move || added.get()}</p>
            <NewItemInput id="new-action" label="What the council will do" value=text error=text_error multiline=true />
            <div class="govuk-form-group">
                <label class="govuk-label" for="new-action-timescale">"Timescale"</label>
                <div id="new-action-timescale-hint" class="govuk-hint">"As the council writes it, for example March 2020, Q3 2019/20 or On-going"</div>
                <input class="govuk-input govuk-!-width-one-half" id="new-action-timescale" type="text" aria-describedby="new-action-timescale-hint"
                    prop:value=move || timescale.get()
                    on:input=move |ev| { timescale.set(event_target_value(&ev)); show_suggestion(); } />
            </div>
            <DateInput id="new-action-due" legend="Due date" typed=due error=due_error on_input=on_due_input
                hint="The date the action is measured against. Leave blank for ongoing work.">
                <p class="govuk-body-s" data-testid="due-suggested">{due_hint}</p>
                {move || warning().map(|w| view! { <WarningText text=w testid="date-warning" /> })}
                {far.answers(due, due_error, Some(Callback::new(move |()| due_typed.set(true))))}
            </DateInput>
            <datalist id="new-action-known-leads">
                {move || known_leads.get().into_iter().map(|l| view! { <option value=l></option> }).collect_view()}
            </datalist>
            <div class="govuk-form-group">
                <label class="govuk-label" for="new-action-leads">"Leads"</label>
                <div id="new-action-leads-hint" class="govuk-hint">"Officers, roles or groups, as the plan writes them. Separate two or more with a semicolon."</div>
                <input class="govuk-input" id="new-action-leads" type="text" list="new-action-known-leads" aria-describedby="new-action-leads-hint"
                    prop:value=move || leads.get() on:input=move |ev| leads.set(event_target_value(&ev)) />
            </div>
            <div class="govuk-form-group">
                <label class="govuk-label" for="new-action-status">"Status"</label>
                <div id="new-action-status-hint" class="govuk-hint">{status_hint}</div>
                <select class="govuk-select" id="new-action-status" aria-describedby="new-action-status-hint"
                    on:change=move |ev| chosen_status.set(Status::parse(&event_target_value(&ev)))>
                    {Status::ALL.map(|s| view! { <option value=s.as_str() prop:selected=move || status() == s>{s.label()}</option> }).collect_view()}
                </select>
            </div>
            <div class="govuk-button-group">
                <button type="submit" class="govuk-button govuk-button--secondary">"Add action"</button>
                <a class="govuk-link" href=next_recommendation>"Add the next recommendation"</a>
            </div>
        </form>
    }
}
