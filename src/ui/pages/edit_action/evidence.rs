//! The action's evidence: links to what shows it was done, http(s) only.

use leptos::prelude::*;

use super::replace_action;

use crate::domain::Link;
use crate::ui::components::form::NewItemInput;
use crate::ui::components::form::{first_reason, TextField};
use crate::ui::pages::editing::{change, from_plan, typed_web_address, ControlEdits};
use crate::ui::state::use_state;

/// An evidence link's address: http(s) only.
fn check_url(url: String) -> Result<String, String> {
    typed_web_address(
        url,
        Some("Enter a web address that starts with https:// or http://"),
    )
}

#[component]
pub(super) fn LinkRow(plan_id: String, action_id: String, index: usize) -> impl IntoView {
    let library = use_state().library;
    let read = |f: fn(&Link) -> String| {
        let aid = action_id.clone();
        from_plan(&plan_id, move |p| {
            p.action(&aid)
                .and_then(|(_, a)| a.links.get(index).map(f))
                .unwrap_or_default()
        })
    };
    let set = |key: &'static str, write: fn(&mut Link, String) -> Result<(), String>| {
        let aid = action_id.clone();
        change(
            &plan_id,
            format!("action-{action_id}-link-{index}-{key}"),
            move |plan, v: String| {
                replace_action(plan, &aid, |a| {
                    write(
                        a.links
                            .get_mut(index)
                            .ok_or("This link is no longer on the action")?,
                        v,
                    )
                })
            },
        )
    };
    let title = read(|l| l.title.clone());
    let remove = {
        let edits = ControlEdits::new(&plan_id);
        let (plan_id, aid) = (plan_id.clone(), action_id.clone());
        move |_| {
            if let Some(plan) = library.plan_now(&plan_id) {
                if let Ok(edit) = replace_action(&plan, &aid, |a| {
                    if index < a.links.len() {
                        a.links.remove(index);
                    }
                    Ok(())
                }) {
                    edits.make(&format!("action-{aid}-link-{index}-url"), edit, None);
                }
            }
        }
    };
    view! {
        <fieldset class="govuk-fieldset app-list-item">
            <legend class="govuk-fieldset__legend govuk-fieldset__legend--s">{move || format!("Link {}", index + 1)}</legend>
            <TextField id=format!("action-{action_id}-link-{index}-title") label="Title" value=title on_change=set("title", |l, v| { l.title = v; Ok(()) }) />
            <TextField id=format!("action-{action_id}-link-{index}-url") label="Web address" input_type="url" value=read(|l| l.url.clone())
                on_change=set("url", |l, v| { l.url = check_url(v)?; Ok(()) }) />
            <button type="button" class="govuk-button govuk-button--secondary" on:click=remove>
                "Remove link"<span class="govuk-visually-hidden">{move || format!(" {}", title.get())}</span>
            </button>
        </fieldset>
    }
}

#[component]
pub(super) fn AddLink(plan_id: String, action_id: String) -> impl IntoView {
    let library = use_state().library;
    let form = crate::ui::pages::editing::draft(
        &plan_id,
        Some(&action_id),
        "new-link",
        "an evidence link",
    );
    let title = form.field("title");
    let url = form.field("url");
    let error = RwSignal::new(None::<String>);
    let add = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let link = match check_url(url.get_untracked()) {
            Ok(u) => Link {
                title: title.get_untracked().trim().to_string(),
                url: u,
            },
            Err(e) => {
                error.set(Some(e));
                return;
            }
        };
        let Some(plan) = library.plan_now(&plan_id) else {
            return;
        };
        let result = replace_action(&plan, &action_id, |a| {
            a.links.push(link);
            Ok(())
        })
        .and_then(|edit| library.edit(&plan_id, edit, None).map_err(first_reason));
        match result {
            Ok(()) => {
                error.set(None);
                title.set(String::new());
                url.set(String::new());
            }
            Err(e) => error.set(Some(e)),
        }
    };
    view! {
        <form class="app-add-form" novalidate data-own-undo="" on:submit=add>
            <fieldset class="govuk-fieldset">
                <legend class="govuk-fieldset__legend govuk-fieldset__legend--s">"Add a link"</legend>
                <NewItemInput id="new-link-title" label="Title" value=title error=RwSignal::new(None) />
                <NewItemInput id="new-link-url" label="Web address" value=url error=error />
                <button type="submit" class="govuk-button govuk-button--secondary">"Add link"</button>
            </fieldset>
        </form>
    }
}
