//! GOV.UK fields that show a value of the plan and change it as the officer types.

use leptos::prelude::*;

use chrono::NaiveDate;

use super::{described_by, group_class, report_errors, Change, ErrorMessage};
use crate::domain::dates::{format_long, FarDate};
use crate::ui::state::use_state;

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
        <div class=group_class(error)>
            <label class=label_class for=id.clone()>{label}</label>
            {hint.map(|h| view! { <div id=hint_id class="govuk-hint">{h}</div> })}
            <ErrorMessage id=error_id error=error />
            {children()}
        </div>
    }
}

/// Keeps the typed text in step with the plan: when the plan's value changes (undo,
/// another tab), the field shows it. A change elsewhere in the plan leaves the field
/// alone, so text the plan refused stays, with its error, until it is corrected.
fn follow(
    value: Signal<String>,
    text: RwSignal<String>,
    error: RwSignal<Option<String>>,
    own: StoredValue<Option<String>>,
) {
    Effect::new(move |before: Option<String>| {
        let v = value.get();
        // The plan's value after the field's own change may be the typed text tidied (a
        // reason trimmed, a list without its blank lines): that is not written back over
        // what the officer is typing.
        let mine = own.get_value().as_deref() == Some(v.as_str());
        let changed = before.is_some_and(|b| b != v);
        if changed {
            // Only the change the field itself just made; a redo of it later is followed.
            own.set_value(None);
        }
        if changed && v != text.get_untracked() && !mine {
            text.set(v.clone());
            error.set(None);
        }
        v
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
    /// The field's error, when its owner needs to set or clear it too.
    #[prop(optional)]
    error: Option<RwSignal<Option<String>>>,
) -> impl IntoView {
    let state = use_state();
    let text = RwSignal::new(value.get_untracked());
    let error = error.unwrap_or_else(|| RwSignal::new(None::<String>));
    let own = StoredValue::new(None::<String>);
    follow(value, text, error, own);
    report_errors(&id, error);
    let describe = described_by(&id, hint.is_some(), error);
    let on_input = move |ev: leptos::ev::Event| {
        let typed = event_target_value(&ev);
        text.set(typed.clone());
        let result = on_change.run(typed);
        own.set_value(result.is_ok().then(|| value.get_untracked()));
        error.set(result.err());
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

/// The two answers to "Did you mean 2019?": the likely date, or the date as typed.
#[component]
pub fn FarDateAnswers(far: FarDate, answer: Callback<NaiveDate>) -> impl IntoView {
    view! {
        <div class="govuk-button-group app-far-date" data-testid="far-date">
            {far.suggestion.map(|s| view! {
                <button type="button" class="govuk-button govuk-button--secondary" on:click=move |_| answer.run(s)>
                    {format!("Use {}", format_long(s))}
                </button>
            })}
            <button type="button" class="govuk-button govuk-button--secondary" on:click=move |_| answer.run(far.date)>
                {format!("Keep {}", format_long(far.date))}
            </button>
        </div>
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
        <div class=group_class(error)>
            <fieldset class="govuk-fieldset" aria-describedby=describe>
                <legend class="govuk-fieldset__legend govuk-fieldset__legend--s">{legend}</legend>
                {hint.map(|h| view! { <div id=hint_id class="govuk-hint">{h}</div> })}
                <ErrorMessage id=format!("{id}-error") error=error />
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
