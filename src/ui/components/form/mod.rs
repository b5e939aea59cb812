//! GOV.UK forms: the error summary, error messages, and (in `fields`) fields that change
//! the plan as the officer types, and (in `new_item`) inputs for items not yet added.
//!
//! Each field shows the plan's value, sends every change to its `on_change`, and shows
//! the reason when a change is refused (keeping what was typed, so nothing typed is lost).
//! Refusals are also listed in the page's [`ErrorSummary`], which links to each field.
//! When the plan changes from elsewhere (undo, another tab) the field follows it.

use leptos::prelude::*;

mod date_input;
mod fields;
mod new_item;

pub use date_input::*;
pub use fields::*;
pub use new_item::*;

/// What a field reports back: `Err` carries the message to show.
pub type Change<T> = Callback<T, Result<(), String>>;

/// The errors showing on a page, in field order, for its error summary.
#[derive(Clone, Copy)]
pub struct FormErrors(RwSignal<Vec<(String, String)>>);

impl FormErrors {
    /// Starts an empty list for a page's form.
    pub fn provide() -> FormErrors {
        let errors = FormErrors(RwSignal::new(Vec::new()));
        provide_context(errors);
        errors
    }

    pub fn set(&self, id: &str, message: Option<String>) {
        self.0.update(|errors| {
            let at = errors.iter().position(|(field, _)| field == id);
            match (at, message) {
                (Some(i), Some(m)) => errors[i].1 = m,
                (Some(i), None) => {
                    errors.remove(i);
                }
                (None, Some(m)) => errors.push((id.to_string(), m)),
                (None, None) => {}
            }
        });
    }
}

/// Ties a field's error to the page's summary, and clears it when the field goes.
pub(super) fn report_errors(id: &str, error: RwSignal<Option<String>>) {
    let Some(errors) = use_context::<FormErrors>() else {
        return;
    };
    let id = id.to_string();
    let for_effect = id.clone();
    Effect::new(move |_| errors.set(&for_effect, error.get()));
    on_cleanup(move || errors.set(&id, None));
}

/// Moves focus to a field by id: the hash is the router's, so `#id` cannot be a link.
pub fn focus_field(id: &str) {
    crate::browser::document::focus_element(id);
}

/// "There is a problem", with a link to each field that has one.
#[component]
pub fn ErrorSummary() -> impl IntoView {
    let errors = expect_context::<FormErrors>();
    move || {
        let list = errors.0.get();
        (!list.is_empty()).then(|| {
            view! {
                <div class="govuk-error-summary" data-testid="error-summary">
                    <div role="alert">
                        <h2 class="govuk-error-summary__title" id="error-summary-title" tabindex="-1">"There is a problem"</h2>
                        <div class="govuk-error-summary__body">
                            <ul class="govuk-list govuk-error-summary__list">
                                {list.into_iter().map(|(id, message)| {
                                    let href = format!("#{id}");
                                    view! {
                                        <li>
                                            <a href=href on:click=move |ev| {
                                                ev.prevent_default();
                                                focus_field(&id);
                                            }>{message}</a>
                                        </li>
                                    }
                                }).collect_view()}
                            </ul>
                        </div>
                    </div>
                </div>
            }
        })
    }
}

/// The class of a GOV.UK form group, marked when it shows an error.
pub fn group_class(error: RwSignal<Option<String>>) -> impl Fn() -> &'static str {
    move || {
        if error.get().is_some() {
            "govuk-form-group govuk-form-group--error"
        } else {
            "govuk-form-group"
        }
    }
}

/// A GOV.UK error message, shown while `error` holds one: "Error:" is read out, not shown.
#[component]
pub fn ErrorMessage(
    /// The id that the field's `aria-describedby` names; none when nothing refers to it.
    #[prop(optional, into)]
    id: Option<String>,
    error: RwSignal<Option<String>>,
    /// Announced as it appears, for messages shown away from a field.
    #[prop(optional)]
    alert: bool,
) -> impl IntoView {
    move || {
        error.get().map(|e| {
            view! {
                <p id=id.clone() class="govuk-error-message" role=alert.then_some("alert")>
                    <span class="govuk-visually-hidden">"Error: "</span>{e}
                </p>
            }
        })
    }
}

pub(super) fn described_by(
    id: &str,
    has_hint: bool,
    error: RwSignal<Option<String>>,
) -> impl Fn() -> Option<String> {
    let id = id.to_string();
    move || {
        let mut ids = Vec::new();
        if has_hint {
            ids.push(format!("{id}-hint"));
        }
        if error.get().is_some() {
            ids.push(format!("{id}-error"));
        }
        (!ids.is_empty()).then(|| ids.join(" "))
    }
}

/// The first reason the domain gave for refusing a change, for a field to show.
pub fn first_reason(problems: Vec<crate::domain::Problem>) -> String {
    problems
        .into_iter()
        .next()
        .map(|p| {
            let reason = p.reason;
            let mut chars = reason.chars();
            match chars.next() {
                Some(first) => first.to_uppercase().chain(chars).collect(),
                None => reason,
            }
        })
        .unwrap_or_else(|| "This change could not be made".to_string())
}
