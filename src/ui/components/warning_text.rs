//! The GOV.UK warning text: something to look at again, not an error.

use leptos::prelude::*;

#[component]
pub fn WarningText(
    #[prop(into)] text: String,
    #[prop(optional)] testid: &'static str,
    /// For a field's `aria-describedby`, when the warning is about one.
    #[prop(optional, into)]
    id: Option<String>,
) -> impl IntoView {
    view! {
        <div class="govuk-warning-text govuk-!-margin-bottom-2" id=id data-testid=(!testid.is_empty()).then_some(testid)>
            <span class="govuk-warning-text__icon" aria-hidden="true">"!"</span>
            <strong class="govuk-warning-text__text"><span class="govuk-visually-hidden">"Warning"</span>{text}</strong>
        </div>
    }
}
