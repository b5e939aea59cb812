//! What the council said about a whole recommendation as at a day: its overall rating,
//! "Progress to date" and "Next steps", as summary list rows.

use leptos::prelude::*;

use crate::domain::reports::narrative_rows;
use crate::domain::{Narrative, RatingScale};

/// The rows, or nothing when the council has said nothing yet. A rating shows only in the
/// plan's own scale.
#[component]
pub fn NarrativeSummary(narrative: Option<Narrative>, scale: Option<RatingScale>) -> impl IntoView {
    let rows = narrative
        .map(|n| narrative_rows(&n, scale.as_ref()))
        .unwrap_or_default();
    (!rows.is_empty()).then(|| {
        view! {
            <dl class="govuk-summary-list govuk-summary-list--no-border app-narrative" data-testid="narrative">
                {rows.into_iter().map(|(key, value)| view! {
                    <div class="govuk-summary-list__row">
                        <dt class="govuk-summary-list__key">{key}</dt>
                        <dd class="govuk-summary-list__value app-prewrap">{value}</dd>
                    </div>
                }).collect_view()}
            </dl>
        }
    })
}
