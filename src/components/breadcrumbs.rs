//! GOV.UK breadcrumbs: where this page sits in the plan.

use leptos::prelude::*;

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
