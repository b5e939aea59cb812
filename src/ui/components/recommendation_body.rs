//! A recommendation as the council's table shows it: the peer team's words, their
//! context in italics, the council's response, and the actions.

use chrono::NaiveDate;
use leptos::prelude::*;

use crate::domain::{Plan, RatingScale, Recommendation, Response};
use crate::ui::components::actions_table::ActionsTable;
use crate::ui::components::narrative_summary::NarrativeSummary;

/// What a recommendation is filed under, in words.
pub struct Filing {
    pub themes: Vec<String>,
    pub group: Option<String>,
    /// The plan's rating scale, in which the narrative's rating is said.
    pub rating_scale: Option<RatingScale>,
}

impl Filing {
    pub fn of(plan: &Plan, rec: &Recommendation) -> Filing {
        Filing {
            themes: rec
                .themes
                .iter()
                .filter_map(|id| plan.theme(id).map(|t| t.title.clone()))
                .collect(),
            group: rec
                .group
                .as_deref()
                .and_then(|id| plan.group(id).map(|g| g.name.clone())),
            rating_scale: plan.rating_scale.clone(),
        }
    }
}

/// Everything under a recommendation's heading.
#[component]
pub fn RecommendationBody(
    plan_id: String,
    recommendation: Recommendation,
    filing: Filing,
    today: NaiveDate,
) -> impl IntoView {
    let rec = recommendation;
    let caption = format!("Actions for recommendation {}", rec.number);
    let response_row = (rec.response != Response::Accepted).then(|| {
        view! {
            <div class="govuk-summary-list__row">
                <dt class="govuk-summary-list__key">"Reason"</dt>
                <dd class="govuk-summary-list__value">{rec.response_reason.clone()}</dd>
            </div>
        }
    });
    view! {
        {(!rec.context.is_empty()).then(|| view! { <p class="govuk-body app-context">{rec.context.clone()}</p> })}
        <dl class="govuk-summary-list govuk-summary-list--no-border">
            <div class="govuk-summary-list__row">
                <dt class="govuk-summary-list__key">"Council's response"</dt>
                <dd class="govuk-summary-list__value">{rec.response.label()}</dd>
            </div>
            {response_row}
            {(!filing.themes.is_empty()).then(|| view! {
                <div class="govuk-summary-list__row">
                    <dt class="govuk-summary-list__key">{if filing.themes.len() == 1 { "Theme" } else { "Themes" }}</dt>
                    <dd class="govuk-summary-list__value">{filing.themes.join("; ")}</dd>
                </div>
            })}
            {filing.group.map(|g| view! {
                <div class="govuk-summary-list__row">
                    <dt class="govuk-summary-list__key">"Group"</dt>
                    <dd class="govuk-summary-list__value">{g}</dd>
                </div>
            })}
        </dl>
        <NarrativeSummary narrative=rec.narrative_at(today).cloned() scale=filing.rating_scale />
        {(!rec.impact.trim().is_empty()).then(|| view! {
            <dl class="govuk-summary-list govuk-summary-list--no-border">
                <div class="govuk-summary-list__row">
                    <dt class="govuk-summary-list__key">"What difference it has made"</dt>
                    <dd class="govuk-summary-list__value app-prewrap" data-testid="impact">{rec.impact.clone()}</dd>
                </div>
            </dl>
        })}
        {(!rec.suggestions.is_empty()).then(|| view! {
            <div data-testid="suggestions">
                <p class="govuk-body govuk-!-font-weight-bold">{format!("Suggestions from a later review ({})", rec.suggestions.len())}</p>
                <ul class="govuk-list">
                    {rec.suggestions.iter().map(|s| {
                        let follow: Vec<String> = rec.actions.iter().enumerate()
                            .filter(|(_, a)| a.suggestion.as_deref() == Some(s.id.as_str()))
                            .map(|(i, _)| format!("{}.{}", rec.number, i + 1))
                            .collect();
                        let after = if s.noted {
                            "Noted.".to_string()
                        } else if follow.is_empty() {
                            "No action yet.".to_string()
                        } else {
                            format!("Actions: {}.", follow.join(", "))
                        };
                        view! { <li><strong>{format!("{} ", s.number)}</strong>{s.text.clone()}" "<span class="govuk-hint govuk-!-display-inline">{after}</span></li> }
                    }).collect_view()}
                </ul>
            </div>
        })}
        <ActionsTable plan_id=plan_id caption=caption actions=rec.actions today=today />
    }
}
