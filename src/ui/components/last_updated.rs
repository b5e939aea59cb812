//! The line at the top of every page of a published site saying when the council last
//! updated the plan (its file's `exported_at`), and a warning when that is more than six
//! months ago.

use leptos::prelude::*;

use crate::domain::last_updated::{is_out_of_date, last_updated_sentence, out_of_date_sentence};
use crate::ui::components::warning_text::WarningText;
use crate::ui::state::use_state;

#[component]
pub fn LastUpdated() -> impl IntoView {
    let state = use_state();
    let updated = state.updated;
    move || {
        // A site whose plan cannot be shown says why, and nothing about dates.
        if !state.published() || state.library.plans.with(|p| p.is_empty()) {
            return None;
        }
        let today = state.today.get();
        Some(match updated {
            Some(day) => view! {
                <p class="govuk-body-s app-last-updated" data-testid="last-updated">
                    {last_updated_sentence(day)}
                </p>
                {is_out_of_date(day, today).then(|| view! {
                    <WarningText text=out_of_date_sentence(day) testid="out-of-date" />
                })}
            }
            .into_any(),
            None => view! {
                <p class="govuk-body-s app-last-updated" data-testid="last-updated">
                    "The plan's file does not say when the council last updated it, so its figures are as at today."
                </p>
            }
            .into_any(),
        })
    }
}
