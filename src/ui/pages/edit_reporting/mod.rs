//! `#/plan/<id>/edit/reporting`: how the plan is reported to committee: who to contact,
//! the portfolio holder and the committee that oversees it, the "Key areas of progress",
//! documents, the rating scale, each committee's reporting schedule, and closing the plan.
//! Everything here saves as the officer types, as the other edit pages do; the forms that
//! add an item keep their text as a draft across pages.

use leptos::prelude::*;

use crate::domain::edit::{Edit, Governance};
use crate::domain::RatingScale;
use crate::presentation::route::Route;
use crate::ui::components::breadcrumbs::{plan_trail, Breadcrumbs};
use crate::ui::components::form::{ErrorMessage, ErrorSummary, FormErrors, TextField};
use crate::ui::components::title::set_title;
use crate::ui::pages::editing::{change, from_plan};
use crate::ui::pages::not_found::WhenFound;
use crate::ui::state::use_state;

mod closing;
mod lists;
pub(crate) mod schedules;

/// Who leads the plan and which committee oversees it: the plan's own fields, saved as
/// typed, here and on the publish page (the residents' home page shows them).
#[component]
pub(crate) fn Accountable(plan_id: String) -> impl IntoView {
    let id = plan_id.as_str();
    view! {
        <TextField id="portfolio-holder" label="Portfolio holder" bold_label=true
            hint="The Cabinet member responsible, for example Cllr A Example, Leader of the Council"
            value=from_plan(id, |p| p.portfolio_holder.clone())
            on_change=governance(id, "portfolio_holder", |g, v| { g.portfolio_holder = v; Ok(()) }) />
        <TextField id="overseen-by" label="Committee that oversees the plan" bold_label=true
            hint="For example Overview and Scrutiny Committee"
            value=from_plan(id, |p| p.overseen_by.clone())
            on_change=governance(id, "overseen_by", |g, v| { g.overseen_by = v; Ok(()) }) />
    }
}

#[component]
pub fn EditReportingPage(plan_id: String) -> impl IntoView {
    view! {
        <WhenFound plan_id=plan_id.clone()>
            <ReportingForm plan_id=plan_id.clone() />
        </WhenFound>
    }
}

/// A change to the plan's contacts, highlights, documents or rating scale, made by `set`
/// on what the plan has now.
pub(crate) fn governance(
    plan_id: &str,
    key: impl Into<String>,
    set: impl Fn(&mut Governance, String) -> Result<(), String> + Send + Sync + 'static,
) -> crate::ui::components::form::Change<String> {
    change(plan_id, key, move |plan, value: String| {
        let mut g = Governance::of(plan);
        set(&mut g, value)?;
        Ok(Edit::Governance(g))
    })
}

/// Lists an add form's error in the page's error summary, linked to its field, as the
/// fields that save as they are typed do.
pub(super) fn summarise(id: &'static str, error: RwSignal<Option<String>>) {
    if let Some(errors) = use_context::<FormErrors>() {
        Effect::new(move |_| errors.set(id, error.get()));
        on_cleanup(move || errors.set(id, None));
    }
}

#[component]
fn ReportingForm(plan_id: String) -> impl IntoView {
    FormErrors::provide();
    let title = from_plan(&plan_id, |p| p.title.clone());
    let trail = plan_trail(&plan_id, &title.get_untracked());
    Effect::new(move |_| set_title(&["Committee reporting", &title.get()]));
    let id = plan_id.as_str();
    let overview = Route::Overview {
        plan: plan_id.clone(),
    }
    .href();
    view! {
        <Breadcrumbs links=trail current="Committee reporting".to_string() />
        <ErrorSummary />
        <span class="govuk-caption-l">{move || title.get()}</span>
        <h1 class="govuk-heading-l">"Committee reporting"</h1>
        <p class="govuk-body">"Changes are saved as you type. Use Undo to take one back."</p>
        <closing::ClosedNotice plan_id=plan_id.clone() />

        <h2 class="govuk-heading-m">"Who is responsible"</h2>
        <TextField id="contact-officer" label="Contact officer" bold_label=true
            hint="Who residents and councillors contact about the plan, for example Head of Policy, policy@example.gov.uk"
            value=from_plan(id, |p| p.contact_officer.clone())
            on_change=governance(id, "contact_officer", |g, v| { g.contact_officer = v; Ok(()) }) />
        <Accountable plan_id=plan_id.clone() />

        <lists::Highlights plan_id=plan_id.clone() />
        <lists::Documents plan_id=plan_id.clone() />
        <RatingScaleChoice plan_id=plan_id.clone() />
        <schedules::Schedules plan_id=plan_id.clone() />
        <closing::Closing plan_id=plan_id.clone() />

        <a class="govuk-button" href=overview>"Back to the plan"</a>
    }
}

/// The words a Red, Amber and Green scale starts with, for the officer to change to the
/// council's own: the plan never holds a scale without words.
const RAG_START: [&str; 3] = [
    "Off track: needs intervention",
    "Some slippage or risk",
    "Complete or on track",
];

/// How recommendations are rated overall: not at all, with the seven statuses, or Red,
/// Amber and Green in the council's words (revealed under that choice).
#[component]
fn RatingScaleChoice(plan_id: String) -> impl IntoView {
    let library = use_state().library;
    let id = plan_id.as_str();
    let kind = {
        let id = plan_id.clone();
        Memo::new(move |_| {
            library.with_plan(&id, |p| match p.and_then(|p| p.rating_scale.as_ref()) {
                None => "none",
                Some(RatingScale::Statuses) => "statuses",
                Some(RatingScale::Rag { .. }) => "rag",
            })
        })
    };
    // The words last used, so choosing another scale and coming back restores them.
    let kept = StoredValue::new(RAG_START.map(str::to_string));
    let error = RwSignal::new(None::<String>);
    let choose = governance(id, "rating_scale", move |g, v| {
        if let Some(RatingScale::Rag { red, amber, green }) = &g.rating_scale {
            kept.set_value([red.clone(), amber.clone(), green.clone()]);
        }
        g.rating_scale = match v.as_str() {
            "statuses" => Some(RatingScale::Statuses),
            "rag" => {
                let [red, amber, green] = kept.get_value();
                Some(RatingScale::Rag { red, amber, green })
            }
            _ => None,
        };
        Ok(())
    });
    let words = |colour: usize| {
        from_plan(id, move |p| match &p.rating_scale {
            Some(RatingScale::Rag { red, amber, green }) => [red, amber, green][colour].clone(),
            _ => String::new(),
        })
    };
    let set_words = |colour: usize, name: &'static str| {
        governance(id, format!("rating_scale_{name}"), move |g, v| {
            let Some(RatingScale::Rag { red, amber, green }) = g.rating_scale.as_mut() else {
                return Err("Choose Red, Amber and Green first".to_string());
            };
            if v.trim().is_empty() {
                return Err(format!(
                    "Enter the council's words for {name}, for example Complete or on track"
                ));
            }
            if v.chars().count() > crate::domain::narrative::RAG_WORDS_MAX {
                return Err(format!(
                    "The words for {name} must be {} characters or fewer",
                    crate::domain::narrative::RAG_WORDS_MAX
                ));
            }
            *[red, amber, green][colour] = v;
            Ok(())
        })
    };
    let options = [
        ("none", "None: recommendations are not rated"),
        ("statuses", "The seven statuses, as actions have"),
        ("rag", "Red, Amber and Green"),
    ];
    let radio = move |i: usize, value: &'static str, text: &'static str| {
        let input_id = if i == 0 {
            "rating-scale".to_string()
        } else {
            format!("rating-scale-{i}")
        };
        view! {
            <div class="govuk-radios__item">
                <input class="govuk-radios__input" id=input_id.clone() name="rating-scale" type="radio" value=value
                    prop:checked=move || kind.get() == value
                    on:change=move |_| error.set(choose.run(value.to_string()).err()) />
                <label class="govuk-label govuk-radios__label" for=input_id>{text}</label>
            </div>
        }
    };
    let reveal = {
        let (red, amber, green) = (words(0), words(1), words(2));
        let (set_red, set_amber, set_green) = (
            set_words(0, "red"),
            set_words(1, "amber"),
            set_words(2, "green"),
        );
        move || {
            (kind.get() == "rag").then(|| {
                view! {
                    <div class="govuk-radios__conditional" id="rating-scale-rag">
                        <TextField id="rag-red" label="Red means" value=red on_change=set_red />
                        <TextField id="rag-amber" label="Amber means" value=amber on_change=set_amber />
                        <TextField id="rag-green" label="Green means" value=green on_change=set_green />
                    </div>
                }
            })
        }
    };
    crate::ui::pages::edit_reporting::summarise("rating-scale", error);
    view! {
        <h2 class="govuk-heading-m">"Rating recommendations"</h2>
        <div class=move || if error.get().is_some() { "govuk-form-group govuk-form-group--error" } else { "govuk-form-group" }>
            <fieldset class="govuk-fieldset" aria-describedby=move || if error.get().is_some() { "rating-scale-hint rating-scale-error" } else { "rating-scale-hint" }>
                <legend class="govuk-fieldset__legend govuk-fieldset__legend--s">"How the council rates each recommendation overall"</legend>
                <div id="rating-scale-hint" class="govuk-hint">"The rating goes with each recommendation's progress to date and next steps."</div>
                <ErrorMessage id="rating-scale-error" error=error />
                <div class="govuk-radios govuk-radios--small">
                    {radio(0, options[0].0, options[0].1)}
                    {radio(1, options[1].0, options[1].1)}
                    {radio(2, options[2].0, options[2].1)}
                    {reveal}
                </div>
            </fieldset>
        </div>
    }
}
