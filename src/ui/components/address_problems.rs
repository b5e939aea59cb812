//! What a page's address asked for that could not be used (an "as at" date in year 9999,
//! a filter on a theme the plan does not have, page 99999), said plainly above the page,
//! with what is shown instead. Never acted on blindly, never silently dropped.

use leptos::prelude::*;

#[component]
pub fn AddressProblems(problems: Vec<String>, #[prop(into)] instead: String) -> impl IntoView {
    (!problems.is_empty()).then(|| {
        view! {
            <div class="govuk-warning-text" data-testid="address-problems">
                <span class="govuk-warning-text__icon" aria-hidden="true">"!"</span>
                <div class="govuk-warning-text__text">
                    <span class="govuk-visually-hidden">"Warning"</span>
                    <p class="govuk-body govuk-!-font-weight-bold govuk-!-margin-bottom-1">"Part of this page's address could not be used."</p>
                    <ul class="govuk-list govuk-list--bullet govuk-!-margin-bottom-1">
                        {problems.into_iter().map(|p| view! { <li>{p}</li> }).collect_view()}
                    </ul>
                    <p class="govuk-body govuk-!-margin-bottom-0">{instead}</p>
                </div>
            </div>
        }
    })
}
