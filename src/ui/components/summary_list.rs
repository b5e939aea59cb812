//! A GOV.UK summary list: a label and a value a row.

use leptos::prelude::*;

/// Rows of label and value, as text. `class` adds to the list's class ("govuk-summary-
/// list--no-border"); `prewrap` keeps the line breaks values were written with.
#[component]
pub fn SummaryList(
    rows: Vec<(String, String)>,
    #[prop(optional)] testid: Option<&'static str>,
    #[prop(optional)] class: Option<&'static str>,
    #[prop(optional)] prewrap: bool,
) -> impl IntoView {
    let list = match class {
        Some(more) => format!("govuk-summary-list {more}"),
        None => "govuk-summary-list".to_string(),
    };
    let value_class = if prewrap {
        "govuk-summary-list__value app-prewrap"
    } else {
        "govuk-summary-list__value"
    };
    view! {
        <dl class=list data-testid=testid>
            {rows.into_iter().map(|(key, value)| view! {
                <div class="govuk-summary-list__row">
                    <dt class="govuk-summary-list__key">{key}</dt>
                    <dd class=value_class>{value}</dd>
                </div>
            }).collect_view()}
        </dl>
    }
}
