//! The actions under one recommendation, as the council's published table lays them out.

use std::sync::Arc;

use chrono::NaiveDate;
use leptos::prelude::*;

use crate::domain::dates::format_long;
use crate::domain::progress::days_late;
use crate::domain::Action;
use crate::presentation::route::Route;
use crate::ui::components::status_tag::{OverdueTag, StatusTag};

/// One row per action: text, timescale, due date, leads, status and whether it is overdue.
#[component]
pub fn ActionsTable(
    plan_id: String,
    caption: String,
    actions: Vec<Arc<Action>>,
    today: NaiveDate,
) -> impl IntoView {
    if actions.is_empty() {
        return view! { <p class="govuk-body">"No actions have been set for this recommendation yet."</p> }
            .into_any();
    }
    view! {
        <table class="govuk-table app-actions">
            <caption class="govuk-table__caption govuk-visually-hidden">{caption}</caption>
            <thead class="govuk-table__head">
                <tr class="govuk-table__row">
                    <th scope="col" class="govuk-table__header">"Action"</th>
                    <th scope="col" class="govuk-table__header">"Timescale"</th>
                    <th scope="col" class="govuk-table__header">"Due"</th>
                    <th scope="col" class="govuk-table__header">"Lead"</th>
                    <th scope="col" class="govuk-table__header">"Status"</th>
                </tr>
            </thead>
            <tbody class="govuk-table__body">
                {actions
                    .into_iter()
                    .map(Arc::unwrap_or_clone)
                    .map(|action| {
                        let href = Route::Action { plan: plan_id.clone(), action: action.id.clone() }.href();
                        let overdue = days_late(&action, today);
                        view! {
                            <tr class="govuk-table__row" data-action-id=action.id.clone()>
                                <td class="govuk-table__cell">
                                    <a class="govuk-link" href=href>{action.text}</a>
                                </td>
                                <td class="govuk-table__cell">{action.timescale}</td>
                                <td class="govuk-table__cell">
                                    {action.due.map(format_long).unwrap_or_else(|| "Not set".to_string())}
                                </td>
                                <td class="govuk-table__cell">
                                    <ul class="app-leads">
                                        {action.leads.into_iter().map(|l| view! { <li>{l}</li> }).collect_view()}
                                    </ul>
                                </td>
                                <td class="govuk-table__cell app-tags">
                                    <StatusTag status=action.status />
                                    {overdue.map(|days| view! { <OverdueTag days=days /> })}
                                </td>
                            </tr>
                        }
                    })
                    .collect_view()}
            </tbody>
        </table>
    }
    .into_any()
}
