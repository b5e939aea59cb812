//! `#/...` that leads nowhere: says what was missing and links back to the plans.

use leptos::prelude::*;

use crate::components::title::set_title;
use crate::route::Route;

/// What the address asked for that is not here.
#[derive(Clone, Debug)]
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
