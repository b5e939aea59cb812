//! Says, where everyone will see it, when the browser is not keeping plans.

use leptos::prelude::*;

use crate::storage::{StorageProblem, Unreadable};

fn explain(problem: &StorageProblem) -> (&'static str, String) {
    match problem {
        StorageProblem::Unavailable => (
            "This browser is not keeping your plans",
            "Local storage is blocked or switched off in this browser, so changes last only until you close this page. The plans are still here to read.".to_string(),
        ),
        StorageProblem::Full => (
            "This browser's storage is full",
            "The browser would not save the plan because its storage for this site is full. Everything on screen is still here until you close this page.".to_string(),
        ),
        StorageProblem::Failed(detail) => (
            "The plan could not be saved",
            format!("The browser refused to save the plan ({detail}). Everything on screen is still here until you close this page."),
        ),
    }
}

/// A notification banner for a storage problem and for stored entries that could not be read.
#[component]
pub fn StorageBanner(
    problem: RwSignal<Option<StorageProblem>>,
    unreadable: RwSignal<Vec<Unreadable>>,
) -> impl IntoView {
    view! {
        {move || problem.get().map(|p| {
            let (heading, detail) = explain(&p);
            view! {
                <div class="govuk-notification-banner" role="region" aria-labelledby="storage-banner-title" data-testid="storage-banner">
                    <div class="govuk-notification-banner__header">
                        <h2 class="govuk-notification-banner__title" id="storage-banner-title">"Important"</h2>
                    </div>
                    <div class="govuk-notification-banner__content">
                        <p class="govuk-notification-banner__heading">{heading}</p>
                        <p class="govuk-body">{detail}</p>
                    </div>
                </div>
            }
        })}
        {move || {
            let entries = unreadable.get();
            (!entries.is_empty()).then(|| view! {
                <div class="govuk-notification-banner" role="region" aria-labelledby="unreadable-banner-title" data-testid="unreadable-banner">
                    <div class="govuk-notification-banner__header">
                        <h2 class="govuk-notification-banner__title" id="unreadable-banner-title">"Important"</h2>
                    </div>
                    <div class="govuk-notification-banner__content">
                        <p class="govuk-notification-banner__heading">"Some stored data could not be read"</p>
                        <p class="govuk-body">"It has been left exactly as it was, and nothing has been written over it."</p>
                        <ul class="govuk-list govuk-list--bullet">
                            {entries.into_iter().map(|u| view! { <li>{u.key}": "{u.reason}</li> }).collect_view()}
                        </ul>
                    </div>
                </div>
            })
        }}
    }
}
