//! `#/new`: starts a plan for a council, blank or with the LGA's core themes.

use leptos::prelude::*;

use crate::ui::components::form::{group_class, ErrorMessage};

use crate::browser::random::new_id;
use crate::domain::templates::{new_plan, ThemeSet};
use crate::domain::ReviewKind;
use crate::presentation::route::Route;
use crate::ui::components::form::{focus_field, ErrorSummary, FormErrors};
use crate::ui::components::title::set_title;
use crate::ui::state::{navigate, use_state};

/// A labelled text input whose error shows only after the form's button is pressed.
#[component]
pub fn PlainInput(
    id: &'static str,
    label: &'static str,
    hint: &'static str,
    value: RwSignal<String>,
    error: RwSignal<Option<String>>,
) -> impl IntoView {
    let hint_id = format!("{id}-hint");
    let error_id = format!("{id}-error");
    let describe = move || {
        if error.get().is_some() {
            format!("{id}-hint {id}-error")
        } else {
            format!("{id}-hint")
        }
    };
    view! {
        <div class=group_class(error)>
            <label class="govuk-label govuk-label--s" for=id>{label}</label>
            <div id=hint_id class="govuk-hint">{hint}</div>
            <ErrorMessage id=error_id error=error />
            <input id=id name=id type="text" aria-describedby=describe spellcheck="true"
                class=move || if error.get().is_some() { "govuk-input govuk-input--error" } else { "govuk-input" }
                prop:value=move || value.get() on:input=move |ev| value.set(event_target_value(&ev)) />
        </div>
    }
}

/// The council's name or the plan's title, as a new plan is started with it, and its error.
#[derive(Clone, Copy)]
pub struct Named {
    pub text: RwSignal<String>,
    pub error: RwSignal<Option<String>>,
}

impl Named {
    pub fn new(text: RwSignal<String>) -> Named {
        Named {
            text,
            error: RwSignal::new(None),
        }
    }
}

/// The council's name and the plan's title every new plan needs, trimmed; or `None`, with
/// each one missing said under its field and in the error summary, which takes the focus.
pub fn named(council: Named, title: Named, errors: FormErrors) -> Option<(String, String)> {
    let council_text = council.text.get_untracked().trim().to_string();
    let title_text = title.text.get_untracked().trim().to_string();
    council.error.set(
        council_text
            .is_empty()
            .then(|| "Enter the council's name".to_string()),
    );
    title.error.set(
        title_text
            .is_empty()
            .then(|| "Enter a title for the plan".to_string()),
    );
    errors.set("council", council.error.get_untracked());
    errors.set("title", title.error.get_untracked());
    if council_text.is_empty() || title_text.is_empty() {
        request_animation_frame(|| focus_field("error-summary-title"));
        return None;
    }
    Some((council_text, title_text))
}

#[component]
pub fn NewPlanPage() -> impl IntoView {
    set_title(&["Start a new plan"]);
    let state = use_state();
    let errors = FormErrors::provide();
    // No plan yet: the draft belongs to no plan (the empty id).
    let form = crate::ui::pages::editing::draft("", None, "new-plan", "a new plan");
    let council = Named::new(form.field("council"));
    let title = Named::new(form.field("title"));
    let kind = RwSignal::new(ReviewKind::CorporatePeerChallenge);
    let themes = RwSignal::new(ThemeSet::Core2024);
    let start = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some((council_text, title_text)) = named(council, title, errors) else {
            return;
        };
        let plan = new_plan(
            new_id("plan"),
            council_text,
            title_text,
            kind.get_untracked(),
            themes.get_untracked(),
        );
        let id = plan.id.clone();
        state.library.add_plan(plan);
        council.text.set(String::new());
        title.text.set(String::new());
        navigate(&Route::EditPlan { plan: id });
    };

    view! {
        <ErrorSummary />
        <h1 class="govuk-heading-l">"Start a new plan"</h1>
        <p class="govuk-body">"Start a plan when the peer team's report arrives. You can add the peer team, the recommendations and the actions next."</p>
        <p class="govuk-body">"Already have the action plan as a table, in a committee paper or a spreadsheet? "<a class="govuk-link" href=Route::NewFromTable.href()>"Start the plan from the table"</a>"."</p>
        <form novalidate data-own-undo="" on:submit=start>
            <PlainInput id="council" label="Council" hint="As the report names it, for example London Borough of Havering" value=council.text error=council.error />
            <PlainInput id="title" label="Title of the plan" hint="For example Corporate Peer Challenge 2025: action plan" value=title.text error=title.error />
            <div class="govuk-form-group">
                <label class="govuk-label govuk-label--s" for="kind">"Kind of review"</label>
                <select class="govuk-select" id="kind" name="kind" on:change=move |ev| {
                    if let Some(k) = ReviewKind::parse(&event_target_value(&ev)) { kind.set(k); }
                }>
                    {ReviewKind::ALL.map(|k| view! { <option value=k.as_str() selected=k == ReviewKind::CorporatePeerChallenge>{k.label()}</option> }).collect_view()}
                </select>
            </div>
            <div class="govuk-form-group">
                <fieldset class="govuk-fieldset" aria-describedby="themes-hint">
                    <legend class="govuk-fieldset__legend govuk-fieldset__legend--s">"Start with which themes?"</legend>
                    <div id="themes-hint" class="govuk-hint">"Every peer challenge covers five core themes. You can add the areas your council asked the peer team to look at afterwards."</div>
                    <div class="govuk-radios govuk-radios--small">
                        {ThemeSet::ALL.map(|set| {
                            let input_id = format!("themes-{}", set.as_str());
                            view! {
                                <div class="govuk-radios__item">
                                    <input class="govuk-radios__input" id=input_id.clone() name="themes" type="radio" value=set.as_str()
                                        checked=set == ThemeSet::Core2024 on:change=move |_| themes.set(set) />
                                    <label class="govuk-label govuk-radios__label" for=input_id>{set.label()}</label>
                                </div>
                            }
                        }).collect_view()}
                    </div>
                </fieldset>
            </div>
            <div class="govuk-button-group">
                <button type="submit" class="govuk-button">"Start the plan"</button>
                <a class="govuk-link" href=Route::Plans.href()>"Cancel"</a>
            </div>
        </form>
    }
}
