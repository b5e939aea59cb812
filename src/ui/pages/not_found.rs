//! `#/...` that leads nowhere: says what was missing and links back to the plans.

use leptos::prelude::*;

use crate::presentation::route::Route;
use crate::ui::components::title::set_title;
use crate::ui::state::use_state;

/// What the address asked for that is not here.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Missing {
    Page,
    Plan(String),
    Recommendation(String),
    Action(String),
}

#[component]
pub fn NotFoundPage(what: Missing) -> impl IntoView {
    set_title(&["Page not found"]);
    let detail = match what {
        Missing::Page => "There is no page at this address. If you typed it, check it is correct.".to_string(),
        Missing::Plan(id) => format!("This browser holds no plan with the id “{id}”. It may have been made in another browser, or deleted."),
        Missing::Recommendation(id) => format!("This plan has no recommendation with the id “{id}”."),
        Missing::Action(id) => format!("This plan has no action with the id “{id}”."),
    };
    view! {
        <h1 class="govuk-heading-l">"Page not found"</h1>
        <p class="govuk-body">{detail}</p>
        <p class="govuk-body">
            <a class="govuk-link" href=Route::Plans.href()>"Go to the plans in this browser"</a>
        </p>
    }
}

/// A page about one plan (and, when given, one of its recommendations or actions): shows
/// `children` while they are in this browser, and "Page not found", naming what is
/// missing, once they are not (deleted here, in another tab, or never here).
#[component]
pub fn WhenFound(
    #[prop(into)] plan_id: String,
    #[prop(optional, into)] recommendation_id: Option<String>,
    #[prop(optional, into)] action_id: Option<String>,
    children: ChildrenFn,
) -> impl IntoView {
    let library = use_state().library;
    let missing = Memo::new(move |_| {
        library.with_plan(&plan_id, |plan| {
            let Some(plan) = plan else {
                return Some(Missing::Plan(plan_id.clone()));
            };
            if let Some(id) = recommendation_id.as_ref() {
                if plan.recommendation(id).is_none() {
                    return Some(Missing::Recommendation(id.clone()));
                }
            }
            if let Some(id) = action_id.as_ref() {
                if plan.action(id).is_none() {
                    return Some(Missing::Action(id.clone()));
                }
            }
            None
        })
    });
    view! {
        <Show when=move || missing.with(Option::is_none)
            fallback=move || view! { <NotFoundPage what=missing.get().unwrap_or(Missing::Page) /> }>
            {children()}
        </Show>
    }
}
