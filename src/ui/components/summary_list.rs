//! A GOV.UK summary list: a label and a value a row.

use leptos::prelude::*;

/// Rows of label and value, as text.
#[component]
pub fn SummaryList(
    rows: Vec<(String, String)>,
    #[prop(optional)] testid: Option<&'static str>,
) -> impl IntoView {
    view! {
        <dl class="govuk-summary-list" data-testid=testid>
            {rows.into_iter().map(|(key, value)| view! {
                <div class="govuk-summary-list__row">
                    <dt class="govuk-summary-list__key">{key}</dt>
                    <dd class="govuk-summary-list__value">{value}</dd>
                </div>
            }).collect_view()}
        </dl>
    }
}
