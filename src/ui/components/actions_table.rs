//! The actions under one recommendation, as the council's published table lays them out.
//! On a phone each action is a block of its own, its status first (see `.app-stacked`).

use std::sync::Arc;

use chrono::NaiveDate;
use leptos::prelude::*;

use crate::domain::dates::format_long;
use crate::domain::progress::days_late;
use crate::domain::Action;
use crate::presentation::route::Route;
use crate::presentation::text::{shorten, TABLE_CHARS};
use crate::ui::components::status_tag::{OverdueTag, StatusTag};

/// One row per action: text, timescale, due date, leads, status and whether it is overdue.
/// A very long action is cut short here; its own page, which it links to, has it whole.
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
    // The roles are the table's own: a table shown as blocks keeps them in every browser.
    view! {
        <table class="govuk-table app-stacked app-actions" role="table">
            <caption class="govuk-table__caption govuk-visually-hidden">{caption}</caption>
            <thead class="govuk-table__head" role="rowgroup">
                <tr class="govuk-table__row" role="row">
                    <th scope="col" class="govuk-table__header" role="columnheader">"Action"</th>
                    <th scope="col" class="govuk-table__header app-col-timescale" role="columnheader">"Timescale"</th>
                    <th scope="col" class="govuk-table__header app-col-date" role="columnheader">"Due"</th>
                    <th scope="col" class="govuk-table__header app-col-lead" role="columnheader">"Lead"</th>
                    <th scope="col" class="govuk-table__header app-col-status" role="columnheader">"Status"</th>
                </tr>
            </thead>
            <tbody class="govuk-table__body" role="rowgroup">
                {actions
                    .into_iter()
                    .map(Arc::unwrap_or_clone)
                    .map(|action| {
                        let href = Route::Action { plan: plan_id.clone(), action: action.id.clone() }.href();
                        let overdue = days_late(&action, today);
                        let text = shorten(&action.text, TABLE_CHARS).into_owned();
                        view! {
                            <tr class="govuk-table__row" role="row" data-action-id=action.id.clone()>
                                <td class="govuk-table__cell app-stacked__title" role="cell" data-label="Action">
                                    <div class="app-cell-text"><a class="govuk-link" href=href>{text}</a></div>
                                </td>
                                <td class="govuk-table__cell" role="cell" data-label="Timescale">
                                    {if action.timescale.is_empty() { "None given".to_string() } else { action.timescale }}
                                </td>
                                <td class="govuk-table__cell" role="cell" data-label="Due">
                                    {action.due.map(format_long).unwrap_or_else(|| "Not set".to_string())}
                                </td>
                                <td class="govuk-table__cell" role="cell" data-label="Lead">
                                    {if action.leads.is_empty() {
                                        "None named".into_any()
                                    } else {
                                        view! {
                                            <ul class="app-leads">
                                                {action.leads.into_iter().map(|l| view! { <li>{l}</li> }).collect_view()}
                                            </ul>
                                        }.into_any()
                                    }}
                                </td>
                                <td class="govuk-table__cell app-tags app-stacked__first" role="cell" data-label="Status">
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
