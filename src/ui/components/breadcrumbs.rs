//! GOV.UK breadcrumbs: where this page sits in the plan.

use leptos::prelude::*;

use crate::domain::Plan;
use crate::presentation::paging::{page_of, RECOMMENDATIONS_PER_PAGE};
use crate::presentation::route::recommendations_page_href;
use crate::presentation::route::Route;
use crate::presentation::text::{shorten, TITLE_CHARS};

/// Links from the plans list down to this page; the last crumb is the page itself.
#[component]
pub fn Breadcrumbs(links: Vec<(String, String)>, current: String) -> impl IntoView {
    view! {
        <nav class="govuk-breadcrumbs" aria-label="Breadcrumb">
            <ol class="govuk-breadcrumbs__list">
                {links
                    .into_iter()
                    .map(|(text, href)| {
                        view! {
                            <li class="govuk-breadcrumbs__list-item">
                                <a class="govuk-breadcrumbs__link" href=href>{text}</a>
                            </li>
                        }
                    })
                    .collect_view()}
                <li class="govuk-breadcrumbs__list-item" aria-current="page">{current}</li>
            </ol>
        </nav>
    }
}

/// Plans › the plan: where every page of a plan starts. A very long title is cut short;
/// the overview it links to has it whole.
pub fn plan_trail(plan_id: &str, plan_title: &str) -> Vec<(String, String)> {
    vec![
        ("Plans".to_string(), Route::Plans.href()),
        (
            shorten(plan_title, TITLE_CHARS).into_owned(),
            Route::Overview {
                plan: plan_id.to_string(),
            }
            .href(),
        ),
    ]
}

/// Plans › the plan › Recommendations, linking the page of them that holds this one.
pub fn recommendations_trail(plan: &Plan, recommendation: &str) -> Vec<(String, String)> {
    let mut trail = plan_trail(&plan.id, &plan.title);
    let index = plan
        .recommendations
        .iter()
        .position(|r| r.id == recommendation)
        .unwrap_or(0);
    trail.push((
        "Recommendations".to_string(),
        recommendations_page_href(&plan.id, page_of(index, RECOMMENDATIONS_PER_PAGE)),
    ));
    trail
}
