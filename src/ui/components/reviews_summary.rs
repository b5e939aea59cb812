//! The reviews as the overview (and so the published site) shows them, in order: what
//! the challenge's peers said, each progress review or follow-up visit after it, and the
//! LGA's dates against what the plan records.

use chrono::NaiveDate;
use leptos::prelude::*;

use crate::domain::dates::{format_long, format_range};
use crate::domain::review_dates::lga_steps;
use crate::domain::{Plan, Review};
use crate::presentation::route::Route;

/// Rows for a review's visit and report: format and length, the published report.
pub fn visit_rows(review: &Review) -> Vec<(String, String)> {
    let how = match (review.format, review.duration.trim()) {
        (Some(f), "") => Some(f.label().to_string()),
        (Some(f), d) => Some(format!("{}, {d}", f.label())),
        (None, "") => None,
        (None, d) => Some(d.to_string()),
    };
    [
        ("Format", how),
        ("Report published", review.report_published.map(format_long)),
    ]
    .into_iter()
    .filter_map(|(k, v)| v.map(|v| (k.to_string(), v)))
    .collect()
}

/// What the peers said: the feedback, the challenges and the next steps they named, and
/// the link to their report.
#[component]
pub fn PeerFeedback(review: Review, #[prop(into)] heading_level: String) -> impl IntoView {
    let h = move |text: &'static str| {
        if heading_level == "h4" {
            view! { <h4 class="govuk-heading-s">{text}</h4> }.into_any()
        } else {
            view! { <h3 class="govuk-heading-s">{text}</h3> }.into_any()
        }
    };
    view! {
        {(!review.report_url.is_empty()).then(|| view! {
            <p class="govuk-body"><a class="govuk-link" href=review.report_url.clone() rel="noreferrer noopener">{format!("The {} report", review.kind.label().to_lowercase())}</a></p>
        })}
        {(!review.feedback.trim().is_empty()).then(|| view! {
            {h("Feedback")}
            <p class="govuk-body app-prewrap" data-testid="review-feedback">{review.feedback.clone()}</p>
        })}
        {(!review.challenges.is_empty()).then(|| view! {
            {h("Challenges the peers named")}
            <ul class="govuk-list govuk-list--bullet">{review.challenges.iter().map(|c| view! { <li>{c.clone()}</li> }).collect_view()}</ul>
        })}
        {(!review.next_steps.is_empty()).then(|| view! {
            {h("Next steps the peers named")}
            <ul class="govuk-list govuk-list--bullet">{review.next_steps.iter().map(|c| view! { <li>{c.clone()}</li> }).collect_view()}</ul>
        })}
    }
}

/// The progress reviews and visits after the challenge, oldest first, and the LGA's
/// dates.
pub fn later_reviews(plan: &Plan, as_at: NaiveDate, published: bool) -> impl IntoView {
    let steps = lga_steps(plan, as_at);
    let reviews = plan.later_reviews.clone();
    let edit = Route::EditReviews {
        plan: plan.id.clone(),
    }
    .href();
    view! {
        {(!published).then(|| view! {
            <p class="govuk-body"><a class="govuk-link" href=edit>"Record the feedback, a progress review or a follow-up visit"</a></p>
        })}
        {reviews.into_iter().map(|later| {
            let review = later.review;
            let when = match (review.onsite_from, review.onsite_to) {
                (Some(from), Some(to)) => format_range(from, to),
                (Some(day), None) | (None, Some(day)) => format_long(day),
                (None, None) => "Date not recorded".to_string(),
            };
            let mut rows = vec![("When".to_string(), when.clone())];
            rows.extend(visit_rows(&review));
            if !review.peer_team.is_empty() {
                rows.push((
                    "Peer team".to_string(),
                    review.peer_team.iter().map(|m| {
                        [m.name.as_str(), m.role.as_str(), m.organisation.as_str()].into_iter().filter(|p| !p.is_empty()).collect::<Vec<_>>().join(", ")
                    }).collect::<Vec<_>>().join("; "),
                ));
            }
            let name = format!("{}, {when}", review.kind.label());
            view! {
                <section class="app-review" data-testid="later-review-summary" aria-label=name.clone()>
                    <h3 class="govuk-heading-s">{name.clone()}</h3>
                    <crate::ui::components::summary_list::SummaryList rows=rows />
                    <PeerFeedback review=review heading_level="h4" />
                </section>
            }
        }).collect_view()}
        {(!steps.is_empty()).then(|| view! {
            <table class="govuk-table app-stacked" role="table" data-testid="lga-steps">
                <caption class="govuk-table__caption govuk-table__caption--s">"The LGA's dates"</caption>
                <thead class="govuk-table__head" role="rowgroup"><tr class="govuk-table__row" role="row">
                    <th scope="col" class="govuk-table__header" role="columnheader">"Step"</th>
                    <th scope="col" class="govuk-table__header" role="columnheader">"Expected by"</th>
                    <th scope="col" class="govuk-table__header" role="columnheader">"Recorded"</th>
                    <th scope="col" class="govuk-table__header" role="columnheader">"Where it stands"</th>
                </tr></thead>
                <tbody class="govuk-table__body" role="rowgroup">
                    {steps.into_iter().map(|s| view! {
                        <tr class="govuk-table__row" role="row">
                            <th scope="row" class="govuk-table__header app-stacked__title" role="rowheader">{s.title}<span class="govuk-hint govuk-!-margin-bottom-0">{format!(" {}", s.note)}</span></th>
                            <td class="govuk-table__cell" role="cell" data-label="Expected by">{format_long(s.due)}</td>
                            <td class="govuk-table__cell" role="cell" data-label="Recorded">{s.done.map(format_long).unwrap_or_else(|| "Not yet".to_string())}</td>
                            <td class="govuk-table__cell" role="cell" data-label="Where it stands">{s.state.label()}</td>
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
        })}
    }
}
