//! What the council said about a whole recommendation as at a day: its overall rating,
//! "Progress to date" and "Next steps", as summary list rows.

use leptos::prelude::*;

use crate::domain::reports::narrative_rows;
use crate::domain::{Narrative, RatingScale};
use crate::ui::components::summary_list::SummaryList;

/// The rows, or nothing when the council has said nothing yet. A rating shows only in the
/// plan's own scale.
#[component]
pub fn NarrativeSummary(narrative: Option<Narrative>, scale: Option<RatingScale>) -> impl IntoView {
    let rows = narrative
        .map(|n| narrative_rows(&n, scale.as_ref()))
        .unwrap_or_default();
    (!rows.is_empty()).then(|| view! { <NarrativeRows rows=rows /> })
}

/// Narrative rows already worked out (the position statement has them so).
#[component]
pub fn NarrativeRows(rows: Vec<(String, String)>) -> impl IntoView {
    view! {
        <SummaryList rows=rows testid="narrative" class="govuk-summary-list--no-border app-narrative" prewrap=true />
    }
}
