//! `#/`: the plans held in this browser, to open, copy or delete, and a new one to start.

use leptos::prelude::*;

use crate::domain::dates::format_range;
use crate::presentation::route::Route;
use crate::ui::components::title::set_title;
use crate::ui::state::use_state;

#[component]
pub fn PlansPage() -> impl IntoView {
    set_title(&["Your plans"]);
    let state = use_state();
    let library = state.library;
    view! {
        <h1 class="govuk-heading-l">"Action plans in this browser"</h1>
        <p class="govuk-body">
            "Each plan answers one peer challenge: the peer team's recommendations and the actions the council agreed."
        </p>
        <div class="govuk-button-group">
            <a href=Route::NewPlan.href() class="govuk-button" draggable="false">"Start a new plan"</a>
            <a href=Route::Import.href() class="govuk-button govuk-button--secondary" draggable="false">"Import a plan file"</a>
            <button type="button" class="govuk-button govuk-button--secondary"
                disabled=move || library.plans.with(|p| p.is_empty())
                on:click=move |_| { library.export_all(); }>"Export all plans"</button>
        </div>
        {move || library.plans.with(|plans| {
            if plans.is_empty() {
                return view! { <p class="govuk-body">"There are no plans in this browser."</p> }.into_any();
            }
            view! {
                <table class="govuk-table">
                    <caption class="govuk-table__caption govuk-table__caption--m">"Plans"</caption>
                    <thead class="govuk-table__head">
                        <tr class="govuk-table__row">
                            <th scope="col" class="govuk-table__header">"Plan"</th>
                            <th scope="col" class="govuk-table__header">"Council"</th>
                            <th scope="col" class="govuk-table__header">"Peer team on site"</th>
                            <th scope="col" class="govuk-table__header govuk-table__header--numeric">"Recommendations"</th>
                            <th scope="col" class="govuk-table__header govuk-table__header--numeric">"Actions"</th>
                            <th scope="col" class="govuk-table__header"><span class="govuk-visually-hidden">"Manage"</span></th>
                        </tr>
                    </thead>
                    <tbody class="govuk-table__body">
                        {plans.iter().map(|plan| {
                            let onsite = match (plan.review.onsite_from, plan.review.onsite_to) {
                                (Some(from), Some(to)) => format_range(from, to),
                                (Some(day), None) | (None, Some(day)) => format_range(day, day),
                                (None, None) => "Not recorded".to_string(),
                            };
                            let id = plan.id.clone();
                            let title = plan.title.clone();
                            let copy_title = title.clone();
                            view! {
                                <tr class="govuk-table__row" data-plan-id=plan.id.clone()>
                                    <th scope="row" class="govuk-table__header">
                                        <a class="govuk-link" href=Route::Overview { plan: plan.id.clone() }.href()>{plan.title.clone()}</a>
                                    </th>
                                    <td class="govuk-table__cell">{plan.council.clone()}</td>
                                    <td class="govuk-table__cell">{onsite}</td>
                                    <td class="govuk-table__cell govuk-table__cell--numeric">{plan.recommendations.len()}</td>
                                    <td class="govuk-table__cell govuk-table__cell--numeric">{plan.actions().count()}</td>
                                    <td class="govuk-table__cell">
                                        <ul class="govuk-list govuk-!-margin-bottom-0">
                                            <li>
                                                <button type="button" class="app-link-button govuk-link" on:click=move |_| {
                                                    if library.duplicate(&id).is_some() {
                                                        state.go_with_message(Route::Plans, format!("A copy of “{copy_title}” was made"));
                                                    }
                                                }>"Copy"<span class="govuk-visually-hidden">" "{title.clone()}</span></button>
                                            </li>
                                            <li>
                                                <a class="govuk-link" href=Route::DeletePlan { plan: plan.id.clone() }.href()>
                                                    "Delete"<span class="govuk-visually-hidden">" "{title}</span>
                                                </a>
                                            </li>
                                        </ul>
                                    </td>
                                </tr>
                            }
                        }).collect_view()}
                    </tbody>
                </table>
            }
            .into_any()
        })}
        {move || library.usage.get().map(|usage| view! {
            <p class="govuk-body" data-testid="storage-usage">
                {format!("This browser's storage for this site is {}% full.", usage.percent())}
            </p>
        })}
    }
}
