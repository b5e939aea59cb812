//! The action's progress updates: adding one, and correcting each in place.

use leptos::prelude::*;

use crate::ui::components::form::FarDateQuestion;
use crate::ui::pages::editing::visit;

use super::status_options;

use crate::browser::random::new_id;
use crate::domain::dates::{format_long, iso};
use crate::domain::edit::{Edit, ListOp};
use crate::domain::{Status, Update};
use crate::ui::components::form::NewItemInput;
use crate::ui::components::form::{
    first_reason, DateField, DateInput, SelectField, TextField, TypedDate,
};
use crate::ui::pages::editing::{
    change, date_text, from_plan, required, required_date, ControlEdits,
};
use crate::ui::state::use_state;

/// Adds a progress update. Its status starts as the action's status and follows it until
/// the officer picks another, and the form says plainly when adding the update will
/// change the action's status (only the newest update sets it).
#[component]
pub fn AddUpdate(
    plan_id: String,
    action_id: String,
    /// Starts the ids of the form's fields, so several forms can share a page.
    #[prop(optional, into)]
    prefix: Option<String>,
    /// The form's heading.
    #[prop(optional, into)]
    legend: Option<String>,
) -> impl IntoView {
    let prefix = prefix.unwrap_or_else(|| "new-update".to_string());
    let legend = legend.unwrap_or_else(|| "Add a progress update".to_string());
    let id = {
        let prefix = prefix.clone();
        move |part: &str| format!("{prefix}-{part}")
    };
    let added = RwSignal::new(None::<String>);
    let state = use_state();
    let library = state.library;
    let date = TypedDate::new(&iso(state.today.get_untracked()));
    let current = {
        let aid = action_id.clone();
        from_plan(&plan_id, move |p| {
            p.action(&aid)
                .map(|(_, a)| (a.status, a.updates.last().map(|u| u.date)))
        })
    };
    // `None` follows the action's status; the officer's choice once made.
    let chosen = RwSignal::new(None::<Status>);
    let status = move || {
        chosen
            .get()
            .or_else(|| current.get().map(|c| c.0))
            .unwrap_or(Status::NotStarted)
    };
    let form = crate::ui::pages::editing::draft(
        &plan_id,
        Some(&action_id),
        &prefix,
        format!(
            "a progress update on action {}",
            library
                .plan_now(&plan_id)
                .and_then(|p| p.action_number(&action_id))
                .unwrap_or_default()
        ),
    );
    let note = form.field("note");
    // The author stays for the next update, so it is not part of what is unfinished.
    let author = RwSignal::new(String::new());
    let date_error = RwSignal::new(None::<String>);
    let note_error = RwSignal::new(None::<String>);
    let far = FarDateQuestion::default();
    let reference = visit(&plan_id);
    // What adding the update does to the action's status, in words.
    let effect_on_status = move || {
        let (now, newest) = current.get()?;
        let new = status();
        let day = date.watch("").ok().flatten();
        let becomes_newest = match (day, newest) {
            (Some(day), Some(newest)) => day >= newest,
            _ => true,
        };
        if !becomes_newest {
            return (new != now).then(|| {
                format!(
                    "This update is older than the newest one, so the action stays {}.",
                    now.label()
                )
            });
        }
        (new != now).then(|| {
            format!(
                "Adding this update will change the action's status from {} to {}.",
                now.label(),
                new.label()
            )
        })
    };
    let add = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let day = date.required("The date of the update", "the date of the update");
        if let Some(question) = far.ask(day.as_ref().ok().copied(), reference.get_untracked()) {
            date_error.set(Some(question));
            return;
        }
        added.set(None);
        let text = note.get_untracked().trim().to_string();
        date_error.set(day.as_ref().err().cloned());
        note_error.set(
            text.is_empty()
                .then(|| "Enter what has been done".to_string()),
        );
        let (Ok(day), false) = (day, text.is_empty()) else {
            return;
        };
        let update = Update {
            id: new_id("u"),
            date: day,
            status: status(),
            note: text,
            author: author.get_untracked().trim().to_string(),
        };
        match library.edit(
            &plan_id,
            Edit::Update {
                action: action_id.clone(),
                op: ListOp::Add(update),
            },
            None,
        ) {
            Ok(()) => {
                note.set(String::new());
                note_error.set(None);
                chosen.set(None);
                let number = library
                    .plan_now(&plan_id)
                    .and_then(|p| p.action_number(&action_id))
                    .unwrap_or_default();
                added.set(Some(format!("Update added to action {number}.")));
            }
            Err(p) => note_error.set(Some(first_reason(p))),
        }
    };
    view! {
        <form class="app-add-form" novalidate data-own-undo="" on:submit=add>
            <fieldset class="govuk-fieldset">
                <legend class="govuk-fieldset__legend govuk-fieldset__legend--s">{legend}</legend>
                <p class="govuk-body govuk-!-margin-bottom-2" role="status" data-testid="update-added">{move || added.get()}</p>
                <DateInput id=id("date") legend="Date" typed=date error=date_error>
                    {far.answers(date, date_error, None)}
                </DateInput>
                <div class="govuk-form-group">
                    <label class="govuk-label" for=id("status")>"Status on that date"</label>
                    <div id=id("status-hint") class="govuk-hint">"Starts as the action's status now"</div>
                    <select class="govuk-select" id=id("status") aria-describedby=id("status-hint")
                        on:change=move |ev| if let Some(s) = Status::parse(&event_target_value(&ev)) { chosen.set(Some(s)) }>
                        {Status::ALL.map(|s| view! { <option value=s.as_str() prop:selected=move || status() == s>{s.label()}</option> }).collect_view()}
                    </select>
                </div>
                <div role="status" data-testid="update-status-effect">
                    {move || effect_on_status().map(|text| view! {
                        <div class="govuk-inset-text govuk-!-margin-top-0">{text}</div>
                    })}
                </div>
                <NewItemInput id=id("note") label="What has been done" value=note error=note_error multiline=true />
                <NewItemInput id=id("author") label="Your name or role (optional)" value=author error=RwSignal::new(None) />
                <button type="submit" class="govuk-button govuk-button--secondary">"Add update"</button>
            </fieldset>
        </form>
    }
}

/// One progress update, correctable in place.
#[component]
pub(super) fn UpdateRow(plan_id: String, action_id: String, update_id: String) -> impl IntoView {
    let library = use_state().library;
    let read = |f: fn(&Update) -> String| {
        let (aid, uid) = (action_id.clone(), update_id.clone());
        from_plan(&plan_id, move |p| {
            p.action(&aid)
                .and_then(|(_, a)| a.updates.iter().find(|u| u.id == uid).map(f))
                .unwrap_or_default()
        })
    };
    let set = |key: &'static str, write: fn(&mut Update, String) -> Result<(), String>| {
        let (aid, uid) = (action_id.clone(), update_id.clone());
        change(
            &plan_id,
            format!("update-{update_id}-{key}"),
            move |plan, v: String| {
                let (_, action) = plan
                    .action(&aid)
                    .ok_or("This action is no longer in the plan")?;
                let index = action
                    .updates
                    .iter()
                    .position(|u| u.id == uid)
                    .ok_or("This update is no longer on the action")?;
                let mut update = action.updates[index].clone();
                write(&mut update, v)?;
                Ok(Edit::Update {
                    action: aid.clone(),
                    op: ListOp::Replace(index, update),
                })
            },
        )
    };
    let date = read(|u| date_text(Some(u.date)));
    let remove = {
        let edits = ControlEdits::new(&plan_id);
        let (plan_id, aid, uid) = (plan_id.clone(), action_id.clone(), update_id.clone());
        move |_| {
            let index = library.plan_now(&plan_id).and_then(|p| {
                p.action(&aid)
                    .and_then(|(_, a)| a.updates.iter().position(|u| u.id == uid))
            });
            if let Some(index) = index {
                edits.make(
                    &format!("update-{uid}-date-day"),
                    Edit::Update {
                        action: aid.clone(),
                        op: ListOp::Remove(index),
                    },
                    None,
                );
            }
        }
    };
    let field = format!("update-{update_id}");
    view! {
        <fieldset class="govuk-fieldset app-list-item" data-testid="update">
            <legend class="govuk-fieldset__legend govuk-fieldset__legend--s">
                {move || format!("Update of {}", crate::domain::dates::parse_iso(&date.get()).map(format_long).unwrap_or_default())}
            </legend>
            <DateField id=format!("{field}-date") label="Date" value=date reference=visit(&plan_id)
                on_change=set("date", |u, v| { u.date = required_date(&v, "the date of the update")?; Ok(()) }) />
            <SelectField id=format!("{field}-status") label="Status on that date" options=status_options() value=read(|u| u.status.as_str().to_string())
                on_change=set("status", |u, v| { u.status = Status::parse(&v).ok_or("Choose a status")?; Ok(()) }) />
            <TextField id=format!("{field}-note") label="What had been done" multiline=true value=read(|u| u.note.clone())
                on_change=set("note", |u, v| { u.note = required(v, "Enter what had been done")?; Ok(()) }) />
            <TextField id=format!("{field}-author") label="By" value=read(|u| u.author.clone())
                on_change=set("author", |u, v| { u.author = v; Ok(()) }) />
            <button type="button" class="govuk-button govuk-button--secondary" on:click=remove>"Remove this update"</button>
        </fieldset>
    }
}
