//! The action's leads: each correctable, with completion from the plan's other leads.

use leptos::prelude::*;

use crate::ui::components::form::{group_class, ErrorMessage};

use super::replace_action;

use crate::ui::components::form::{first_reason, focus_field, TextField};
use crate::ui::pages::editing::{change, from_plan, required, ControlEdits};
use crate::ui::state::use_state;

/// One lead of the action, with completion from the plan's other leads.
#[component]
pub(super) fn LeadRow(plan_id: String, action_id: String, index: usize) -> impl IntoView {
    let library = use_state().library;
    let value = {
        let aid = action_id.clone();
        from_plan(&plan_id, move |p| {
            p.action(&aid)
                .and_then(|(_, a)| a.leads.get(index).cloned())
                .unwrap_or_default()
        })
    };
    let set = {
        let aid = action_id.clone();
        change(
            &plan_id,
            format!("action-{action_id}-lead-{index}"),
            move |plan, v: String| {
                let v = required(v, "Enter the lead, or remove it")?;
                replace_action(plan, &aid, |a| {
                    let slot = a
                        .leads
                        .get_mut(index)
                        .ok_or("This lead is no longer on the action")?;
                    *slot = v;
                    Ok(())
                })
            },
        )
    };
    let remove = {
        let edits = ControlEdits::new(&plan_id);
        let aid = action_id.clone();
        move |_| {
            if let Some(plan) = library.plan_now(&plan_id) {
                if let Ok(edit) = replace_action(&plan, &aid, |a| {
                    if index < a.leads.len() {
                        a.leads.remove(index);
                    }
                    Ok(())
                }) {
                    edits.make(&format!("action-{aid}-lead-{index}"), edit, None);
                }
            }
        }
    };
    view! {
        <div class="app-inline-row">
            <TextField id=format!("action-{action_id}-lead-{index}") label=format!("Lead {}", index + 1) list="known-leads" value=value on_change=set />
            <button type="button" class="govuk-button govuk-button--secondary" on:click=remove>
                "Remove"<span class="govuk-visually-hidden">{move || format!(" lead {}", value.get())}</span>
            </button>
        </div>
    }
}

#[component]
pub(super) fn AddLead(plan_id: String, action_id: String) -> impl IntoView {
    let library = use_state().library;
    // Kept as a draft too, for the ways of leaving that are not leaving the box (the
    // browser's Back button, closing the tab).
    let text = crate::ui::pages::editing::draft(&plan_id, Some(&action_id), "new-lead", "a lead")
        .field("lead");
    let error = RwSignal::new(None::<String>);
    // Set when leaving the field added the lead, so the button pressed next (which
    // left the field) does not then complain that the field is empty.
    let just_added = RwSignal::new(false);
    let add_now = move || -> bool {
        let lead = text.get_untracked().trim().to_string();
        if lead.is_empty() {
            error.set(Some("Enter the lead officer, role or group".to_string()));
            return false;
        }
        let Some(plan) = library.plan_now(&plan_id) else {
            return false;
        };
        let result = replace_action(&plan, &action_id, |a| {
            a.leads.push(lead);
            Ok(())
        })
        .and_then(|edit| library.edit(&plan_id, edit, None).map_err(first_reason));
        match result {
            Ok(()) => {
                error.set(None);
                text.set(String::new());
                true
            }
            Err(e) => {
                error.set(Some(e));
                false
            }
        }
    };
    let add = {
        let add_now = add_now.clone();
        move |ev: leptos::ev::SubmitEvent| {
            ev.prevent_default();
            if just_added.get_untracked() && text.get_untracked().trim().is_empty() {
                just_added.set(false);
                focus_field("new-lead");
                return;
            }
            if add_now() {
                focus_field("new-lead");
            }
        }
    };
    // A lead typed and left is added, not lost on the way to another page.
    let leave = move |_| {
        if !text.get_untracked().trim().is_empty() {
            just_added.set(add_now());
        }
    };
    view! {
        <form class="app-add-form" novalidate data-own-undo="" on:submit=add>
            <div class=group_class(error)>
                <label class="govuk-label" for="new-lead">"Add a lead"</label>
                <div id="new-lead-hint" class="govuk-hint">"An officer, a role or a group, as the plan writes it, for example AD Communications. It is added when you leave this box."</div>
                <ErrorMessage id="new-lead-error" error=error />
                <input class="govuk-input" id="new-lead" type="text" list="known-leads"
                    aria-describedby=move || if error.get().is_some() { "new-lead-hint new-lead-error" } else { "new-lead-hint" }
                    prop:value=move || text.get() on:change=leave
                    on:input=move |ev| { just_added.set(false); text.set(event_target_value(&ev)); } />
            </div>
            <button type="submit" class="govuk-button govuk-button--secondary">"Add lead"</button>
        </form>
    }
}
