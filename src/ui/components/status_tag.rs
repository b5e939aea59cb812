//! A status as a coloured tag with its word: the colour helps, the word carries it.

use leptos::prelude::*;

use crate::domain::Status;

/// The GOV.UK tag class for a status: completed blue, on track green, at risk yellow,
/// off track red; ongoing, not started and cancelled neutral.
pub fn tag_class(status: Status) -> &'static str {
    match status {
        Status::Completed => "govuk-tag",
        Status::OnTrack => "govuk-tag govuk-tag--green",
        Status::AtRisk => "govuk-tag govuk-tag--yellow",
        Status::OffTrack => "govuk-tag govuk-tag--red",
        Status::NotStarted | Status::Ongoing | Status::Cancelled => "govuk-tag govuk-tag--grey",
    }
}

#[component]
pub fn StatusTag(status: Status) -> impl IntoView {
    view! { <strong class=tag_class(status)>{status.label()}</strong> }
}

/// Marks an action that is past its due date, saying by how long.
#[component]
pub fn OverdueTag(days: i64) -> impl IntoView {
    let text = crate::domain::reports::overdue_words(days);
    view! { <strong class="govuk-tag govuk-tag--red app-overdue">{text}</strong> }
}
