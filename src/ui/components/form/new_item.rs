//! Inputs for an item that is not in the plan yet, and removing one that others use.

use leptos::prelude::*;

use super::{group_class, ErrorMessage};

/// A text input for a new item, with its own error.
#[component]
pub fn NewItemInput(
    #[prop(into)] id: String,
    label: &'static str,
    value: RwSignal<String>,
    error: RwSignal<Option<String>>,
    #[prop(optional)] multiline: bool,
) -> impl IntoView {
    let error_id = format!("{id}-error");
    let described = error_id.clone();
    let describe = move || error.get().is_some().then(|| described.clone());
    let field = if multiline {
        view! {
            <textarea class="govuk-textarea" id=id.clone() name=id.clone() rows="3" data-own-undo="" aria-describedby=describe
                prop:value=move || value.get() on:input=move |ev| value.set(event_target_value(&ev))></textarea>
        }
        .into_any()
    } else {
        view! {
            <input class="govuk-input" id=id.clone() name=id.clone() type="text" data-own-undo="" aria-describedby=describe
                prop:value=move || value.get() on:input=move |ev| value.set(event_target_value(&ev)) />
        }
        .into_any()
    };
    view! {
        <div class=group_class(error)>
            <label class="govuk-label" for=id.clone()>{label}</label>
            <ErrorMessage id=error_id error=error />
            {field}
        </div>
    }
}

/// "Recommendation 3 uses" or "Recommendations 1, 2 and 5 use": who uses an item.
pub fn used_by_sentence(numbers: &[String]) -> Option<String> {
    match numbers {
        [] => None,
        [one] => Some(format!("Recommendation {one} uses")),
        [rest @ .., last] => Some(format!(
            "Recommendations {} and {last} use",
            rest.join(", ")
        )),
    }
}

/// Removes an item, first saying which recommendations use it when any do.
#[component]
pub fn RemoveWithCheck(
    #[prop(into)] what: String,
    #[prop(into)] name: Signal<String>,
    /// The numbers of the recommendations that use the item.
    #[prop(into)]
    used_by: Signal<Vec<String>>,
    #[prop(into)] consequence: String,
    remove: Callback<()>,
) -> impl IntoView {
    let asking = RwSignal::new(false);
    let what_again = what.clone();
    view! {
        {move || {
            if asking.get() {
                let users = used_by_sentence(&used_by.get()).unwrap_or_default();
                let what = what_again.clone();
                view! {
                    <div class="govuk-warning-text" role="alert">
                        <span class="govuk-warning-text__icon" aria-hidden="true">"!"</span>
                        <strong class="govuk-warning-text__text">
                            <span class="govuk-visually-hidden">"Warning"</span>
                            {format!("{users} this {what}. {consequence}")}
                        </strong>
                    </div>
                    <div class="govuk-button-group">
                        <button type="button" class="govuk-button govuk-button--warning" on:click=move |_| { asking.set(false); remove.run(()); }>
                            {format!("Remove the {what}")}
                        </button>
                        <button type="button" class="govuk-button govuk-button--secondary" on:click=move |_| asking.set(false)>"Keep it"</button>
                    </div>
                }
                .into_any()
            } else {
                let what = what.clone();
                view! {
                    <button type="button" class="govuk-button govuk-button--warning" on:click=move |_| {
                        if used_by.with_untracked(|u| u.is_empty()) { remove.run(()) } else { asking.set(true) }
                    }>
                        "Remove "{what}<span class="govuk-visually-hidden">{move || format!(": {}", name.get())}</span>
                    </button>
                }
                .into_any()
            }
        }}
    }
}
