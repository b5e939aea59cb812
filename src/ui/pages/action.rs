//! `#/plan/<id>/actions/<id>`: one action with its progress history.

use leptos::prelude::*;

use crate::domain::dates::{format_due, format_long};
use crate::domain::progress::days_late;
use crate::presentation::route::Route;
use crate::presentation::text::{shorten, TITLE_CHARS};
use crate::ui::components::breadcrumbs::{recommendations_trail, Breadcrumbs};
use crate::ui::components::status_tag::{OverdueTag, StatusTag};
use crate::ui::components::title::set_title;
use crate::ui::pages::not_found::WhenFound;
use crate::ui::state::use_state;

#[component]
pub fn ActionPage(plan_id: String, action_id: String) -> impl IntoView {
    let state = use_state();
    let (plan, found) = (plan_id.clone(), action_id.clone());
    let page = move || {
        state.with_plan(&plan_id, |plan| {
            let Some(plan) = plan else {
                return ().into_any();
            };
            let Some((rec, action)) = plan.action(&action_id) else {
                return ().into_any();
            };
            let position = rec.actions.iter().position(|a| a.id == action.id).unwrap_or(0) + 1;
            let name = format!("Action {}.{}", rec.number, position);
            set_title(&[&name, &plan.title]);
            let rec_href = Route::Recommendation { plan: plan.id.clone(), recommendation: rec.id.clone() }.href();
            let mut crumbs = recommendations_trail(plan, &rec.id);
            crumbs.push((format!("Recommendation {}", rec.number), rec_href.clone()));
            let today = state.figures_day();
            let overdue = days_late(action, today);
            let slipped = action.slipped(today);
            let moves: Vec<String> = action
                .due_history
                .iter()
                .enumerate()
                .map(|(i, m)| {
                    let to = action.moved_to(i);
                    let mut line = format!(
                        "On {}, from {} to {}",
                        format_long(m.changed),
                        format_due(m.from),
                        to.map(format_due).unwrap_or_else(|| "no date".to_string())
                    );
                    if !m.reason.trim().is_empty() {
                        line.push_str(&format!(": {}", m.reason.trim()));
                    }
                    line
                })
                .collect();
            let mut updates = action.updates.clone();
            updates.sort_by_key(|u| std::cmp::Reverse(u.date));
            view! {
                <Breadcrumbs links=crumbs current=name.clone() />
                <span class="govuk-caption-l">{name}</span>
                <h1 class="govuk-heading-l">{action.text.clone()}</h1>
{(!state.published()).then(|| view! {                <p class="govuk-body">
                    <a class="govuk-link" href=Route::EditAction { plan: plan.id.clone(), action: action.id.clone() }.href()>
                        "Change this action or add a progress update"
                    </a>
                </p>})}
                <dl class="govuk-summary-list">
                    <div class="govuk-summary-list__row">
                        <dt class="govuk-summary-list__key">"Recommendation"</dt>
                        <dd class="govuk-summary-list__value">
                            <a class="govuk-link" href=rec_href>{format!("{}. {}", rec.number, shorten(&rec.title, TITLE_CHARS))}</a>
                        </dd>
                    </div>
                    <div class="govuk-summary-list__row">
                        <dt class="govuk-summary-list__key">"Status"</dt>
                        <dd class="govuk-summary-list__value app-tags">
                            <StatusTag status=action.status />
                            {overdue.map(|days| view! { <OverdueTag days=days /> })}
                        </dd>
                    </div>
                    <div class="govuk-summary-list__row">
                        <dt class="govuk-summary-list__key">"Timescale"</dt>
                        <dd class="govuk-summary-list__value">
                            {if action.timescale.is_empty() { "None given".to_string() } else { action.timescale.clone() }}
                        </dd>
                    </div>
                    <div class="govuk-summary-list__row">
                        <dt class="govuk-summary-list__key">"Due"</dt>
                        <dd class="govuk-summary-list__value">
                            {action.due.map(format_long).unwrap_or_else(|| "Not set".to_string())}
                            {slipped.map(|s| view! { <p class="govuk-body govuk-!-margin-top-1 govuk-!-margin-bottom-0" data-testid="slipped">{s}</p> })}
                            {(!moves.is_empty()).then(|| view! {
                                <details class="govuk-details govuk-!-margin-top-2 govuk-!-margin-bottom-0">
                                    <summary class="govuk-details__summary"><span class="govuk-details__summary-text">"How the date moved"</span></summary>
                                    <div class="govuk-details__text">
                                        <ul class="govuk-list" data-testid="due-history">
                                            {moves.into_iter().map(|m| view! { <li>{m}</li> }).collect_view()}
                                        </ul>
                                    </div>
                                </details>
                            })}
                        </dd>
                    </div>
                    <div class="govuk-summary-list__row">
                        <dt class="govuk-summary-list__key">{if action.leads.len() == 1 { "Lead" } else { "Leads" }}</dt>
                        <dd class="govuk-summary-list__value">
                            {if action.leads.is_empty() {
                                view! { "None named" }.into_any()
                            } else {
                                view! {
                                    <ul class="govuk-list">
                                        {action.leads.iter().map(|l| view! { <li>{l.clone()}</li> }).collect_view()}
                                    </ul>
                                }.into_any()
                            }}
                        </dd>
                    </div>
                    <div class="govuk-summary-list__row">
                        <dt class="govuk-summary-list__key">"Evidence"</dt>
                        <dd class="govuk-summary-list__value">
                            {if action.links.is_empty() {
                                view! { "None linked" }.into_any()
                            } else {
                                view! {
                                    <ul class="govuk-list">
                                        {action.links.iter().map(|link| {
                                            let text = if link.title.is_empty() { link.url.clone() } else { link.title.clone() };
                                            view! {
                                                <li><a class="govuk-link" href=link.url.clone() rel="noopener noreferrer">{text}</a></li>
                                            }
                                        }).collect_view()}
                                    </ul>
                                }.into_any()
                            }}
                        </dd>
                    </div>
                </dl>

                <h2 class="govuk-heading-m">"Progress"</h2>
                {if updates.is_empty() {
                    view! { <p class="govuk-body">"No progress updates have been recorded for this action."</p> }.into_any()
                } else {
                    view! {
                        <table class="govuk-table app-stacked" role="table">
                            <caption class="govuk-table__caption govuk-visually-hidden">"Progress updates, newest first"</caption>
                            <thead class="govuk-table__head" role="rowgroup">
                                <tr class="govuk-table__row" role="row">
                                    <th scope="col" class="govuk-table__header app-col-date" role="columnheader">"Date"</th>
                                    <th scope="col" class="govuk-table__header app-col-status" role="columnheader">"Status"</th>
                                    <th scope="col" class="govuk-table__header" role="columnheader">"Update"</th>
                                    <th scope="col" class="govuk-table__header app-col-lead" role="columnheader">"By"</th>
                                </tr>
                            </thead>
                            <tbody class="govuk-table__body" role="rowgroup">
                                {updates.into_iter().map(|u| view! {
                                    <tr class="govuk-table__row" role="row">
                                        <td class="govuk-table__cell" role="cell" data-label="Date">{format_long(u.date)}</td>
                                        <td class="govuk-table__cell" role="cell" data-label="Status"><StatusTag status=u.status /></td>
                                        <td class="govuk-table__cell" role="cell" data-label="Update"><div class="app-cell-text">{u.note}</div></td>
                                        <td class="govuk-table__cell" role="cell" data-label="By">{u.author}</td>
                                    </tr>
                                }).collect_view()}
                            </tbody>
                        </table>
                    }.into_any()
                }}
            }
            .into_any()
        })
    };
    view! { <WhenFound plan_id=plan action_id=found>{page.clone()}</WhenFound> }
}
