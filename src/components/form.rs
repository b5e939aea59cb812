//! GOV.UK form fields that change the plan as the officer types.
//!
//! Each field shows the plan's value, sends every change to its `on_change`, and shows
//! the reason when a change is refused (keeping what was typed, so nothing typed is lost).
//! Refusals are also listed in the page's [`ErrorSummary`], which links to each field.
//! When the plan changes from elsewhere (undo, another tab) the field follows it.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::app::use_state;

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
fn report_errors(id: &str, error: RwSignal<Option<String>>) {
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
    let element = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(id))
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
    if let Some(element) = element {
        let _ = element.focus();
        element.scroll_into_view();
    }
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

/// The shared frame of a field: label, hint, error message, and the GOV.UK classes.
#[component]
fn FieldFrame(
    id: String,
    label: String,
    hint: Option<String>,
    error: RwSignal<Option<String>>,
    #[prop(optional)] bold_label: bool,
    children: Children,
) -> impl IntoView {
    let hint_id = format!("{id}-hint");
    let error_id = format!("{id}-error");
    let label_class = if bold_label {
        "govuk-label govuk-label--s"
    } else {
        "govuk-label"
    };
    view! {
        <div class=move || if error.get().is_some() { "govuk-form-group govuk-form-group--error" } else { "govuk-form-group" }>
            <label class=label_class for=id.clone()>{label}</label>
            {hint.map(|h| view! { <div id=hint_id class="govuk-hint">{h}</div> })}
            {move || error.get().map(|e| view! {
                <p id=error_id.clone() class="govuk-error-message">
                    <span class="govuk-visually-hidden">"Error: "</span>{e}
                </p>
            })}
            {children()}
        </div>
    }
}

fn described_by(
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

/// Keeps the typed text in step with the plan, and seals the undo step on leaving.
fn follow(value: Signal<String>, text: RwSignal<String>, error: RwSignal<Option<String>>) {
    Effect::new(move |_| {
        let v = value.get();
        if v != text.get_untracked() {
            text.set(v);
            error.set(None);
        }
    });
}

/// A one-line or multi-line text field.
#[component]
pub fn TextField(
    #[prop(into)] id: String,
    #[prop(into)] label: String,
    #[prop(optional, into)] hint: Option<String>,
    #[prop(into)] value: Signal<String>,
    on_change: Change<String>,
    #[prop(optional)] multiline: bool,
    #[prop(optional, into)] list: Option<String>,
    #[prop(optional)] width: Option<&'static str>,
    #[prop(optional)] input_type: Option<&'static str>,
    #[prop(optional)] bold_label: bool,
) -> impl IntoView {
    let state = use_state();
    let text = RwSignal::new(value.get_untracked());
    let error = RwSignal::new(None::<String>);
    follow(value, text, error);
    report_errors(&id, error);
    let describe = described_by(&id, hint.is_some(), error);
    let on_input = move |ev: leptos::ev::Event| {
        let typed = event_target_value(&ev);
        text.set(typed.clone());
        error.set(on_change.run(typed).err());
    };
    let seal = move |_| state.library.seal();
    let base = if multiline {
        "govuk-textarea"
    } else {
        "govuk-input"
    };
    let class = move || {
        let mut class = base.to_string();
        if let Some(w) = width {
            class.push(' ');
            class.push_str(w);
        }
        if error.get().is_some() {
            class.push_str(if multiline {
                " govuk-textarea--error"
            } else {
                " govuk-input--error"
            });
        }
        class
    };
    let field = if multiline {
        view! {
            <textarea class=class id=id.clone() name=id.clone() rows="4" aria-describedby=describe
                prop:value=move || text.get() on:input=on_input on:blur=seal></textarea>
        }
        .into_any()
    } else {
        view! {
            <input class=class id=id.clone() name=id.clone() type=input_type.unwrap_or("text")
                list=list aria-describedby=describe spellcheck=if input_type.is_none() { "true" } else { "false" }
                prop:value=move || text.get() on:input=on_input on:blur=seal />
        }
        .into_any()
    };
    view! {
        <FieldFrame id=id.clone() label=label hint=hint error=error bold_label=bold_label>
            {field}
        </FieldFrame>
    }
}

/// A date, as the browser's own date picker (`YYYY-MM-DD`, or empty for none).
#[component]
pub fn DateField(
    #[prop(into)] id: String,
    #[prop(into)] label: String,
    #[prop(optional, into)] hint: Option<String>,
    #[prop(into)] value: Signal<String>,
    on_change: Change<String>,
    #[prop(optional)] bold_label: bool,
) -> impl IntoView {
    view! {
        <TextField id=id label=label hint=hint.unwrap_or_default() value=value on_change=on_change
            input_type="date" width="govuk-input--width-10" bold_label=bold_label />
    }
}

/// A choice from a short list.
#[component]
pub fn SelectField(
    #[prop(into)] id: String,
    #[prop(into)] label: String,
    #[prop(optional, into)] hint: Option<String>,
    options: Vec<(String, String)>,
    #[prop(into)] value: Signal<String>,
    on_change: Change<String>,
    #[prop(optional)] bold_label: bool,
) -> impl IntoView {
    let error = RwSignal::new(None::<String>);
    report_errors(&id, error);
    let describe = described_by(&id, hint.is_some(), error);
    view! {
        <FieldFrame id=id.clone() label=label hint=hint error=error bold_label=bold_label>
            <select class="govuk-select" id=id.clone() name=id.clone() aria-describedby=describe
                on:change=move |ev| error.set(on_change.run(event_target_value(&ev)).err())>
                {options.into_iter().map(|(v, text)| {
                    let selected_value = v.clone();
                    view! { <option value=v prop:selected=move || value.get() == selected_value>{text}</option> }
                }).collect_view()}
            </select>
        </FieldFrame>
    }
}

/// The frame of a group of radios or checkboxes: fieldset, legend, hint and error.
#[component]
fn ChoiceFrame(
    id: String,
    legend: String,
    hint: Option<String>,
    error: RwSignal<Option<String>>,
    children: Children,
) -> impl IntoView {
    let hint_id = format!("{id}-hint");
    let describe = described_by(&id, hint.is_some(), error);
    view! {
        <div class=move || if error.get().is_some() { "govuk-form-group govuk-form-group--error" } else { "govuk-form-group" }>
            <fieldset class="govuk-fieldset" aria-describedby=describe>
                <legend class="govuk-fieldset__legend govuk-fieldset__legend--s">{legend}</legend>
                {hint.map(|h| view! { <div id=hint_id class="govuk-hint">{h}</div> })}
                {move || error.get().map(|e| view! {
                    <p class="govuk-error-message"><span class="govuk-visually-hidden">"Error: "</span>{e}</p>
                })}
                {children()}
            </fieldset>
        </div>
    }
}

/// One choice from a few, all shown.
#[component]
pub fn RadiosField(
    #[prop(into)] id: String,
    #[prop(into)] legend: String,
    #[prop(optional, into)] hint: Option<String>,
    options: Vec<(String, String)>,
    #[prop(into)] value: Signal<String>,
    on_change: Change<String>,
) -> impl IntoView {
    let error = RwSignal::new(None::<String>);
    report_errors(&id, error);
    view! {
        <ChoiceFrame id=id.clone() legend=legend hint=hint error=error>
                <div class="govuk-radios govuk-radios--small">
                    {options.into_iter().enumerate().map(|(i, (v, text))| {
                        // The first radio carries the group's id, so a summary link reaches it.
                        let input_id = if i == 0 { id.clone() } else { format!("{id}-{i}") };
                        let checked_value = v.clone();
                        let chosen = v.clone();
                        view! {
                            <div class="govuk-radios__item">
                                <input class="govuk-radios__input" id=input_id.clone() name=id.clone() type="radio" value=v
                                    prop:checked=move || value.get() == checked_value
                                    on:change=move |_| error.set(on_change.run(chosen.clone()).err()) />
                                <label class="govuk-label govuk-radios__label" for=input_id>{text}</label>
                            </div>
                        }
                    }).collect_view()}
                </div>
        </ChoiceFrame>
    }
}

/// Any number of choices from a list.
#[component]
pub fn CheckboxesField(
    #[prop(into)] id: String,
    #[prop(into)] legend: String,
    #[prop(optional, into)] hint: Option<String>,
    options: Vec<(String, String)>,
    #[prop(into)] value: Signal<Vec<String>>,
    on_change: Change<Vec<String>>,
) -> impl IntoView {
    let error = RwSignal::new(None::<String>);
    report_errors(&id, error);
    view! {
        <ChoiceFrame id=id.clone() legend=legend hint=hint error=error>
                <div class="govuk-checkboxes govuk-checkboxes--small">
                    {options.into_iter().enumerate().map(|(i, (v, text))| {
                        let input_id = if i == 0 { id.clone() } else { format!("{id}-{i}") };
                        let checked_value = v.clone();
                        let toggled = v.clone();
                        view! {
                            <div class="govuk-checkboxes__item">
                                <input class="govuk-checkboxes__input" id=input_id.clone() name=id.clone() type="checkbox" value=v
                                    prop:checked=move || value.get().contains(&checked_value)
                                    on:change=move |ev| {
                                        let on = event_target_checked(&ev);
                                        let mut chosen = value.get_untracked();
                                        chosen.retain(|c| *c != toggled);
                                        if on {
                                            chosen.push(toggled.clone());
                                        }
                                        error.set(on_change.run(chosen).err());
                                    } />
                                <label class="govuk-label govuk-checkboxes__label" for=input_id>{text}</label>
                            </div>
                        }
                    }).collect_view()}
                </div>
        </ChoiceFrame>
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
