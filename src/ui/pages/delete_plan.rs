//! `#/plan/<id>/delete`: asks before a plan is deleted. Undo brings it back.

use leptos::prelude::*;

use crate::presentation::route::Route;
use crate::ui::components::title::set_title;
use crate::ui::pages::not_found::{Missing, NotFoundPage};
use crate::ui::state::use_state;

#[component]
pub fn DeletePlanPage(plan_id: String) -> impl IntoView {
    let state = use_state();
    let library = state.library;
    let Some(plan) = library.plan_now(&plan_id) else {
        return view! { <NotFoundPage what=Missing::Plan(plan_id) /> }.into_any();
    };
    set_title(&["Delete plan", &plan.title]);
    let title = plan.title.clone();
    let delete = move |_| {
        library.delete(&plan_id);
        state.go_with_message(Route::Plans, format!("“{title}” was deleted"));
    };
    view! {
        <span class="govuk-caption-l">{plan.council.clone()}</span>
        <h1 class="govuk-heading-l">{format!("Delete “{}”?", plan.title)}</h1>
        <div class="govuk-warning-text">
            <span class="govuk-warning-text__icon" aria-hidden="true">"!"</span>
            <strong class="govuk-warning-text__text">
                <span class="govuk-visually-hidden">"Warning"</span>
                {format!("This removes the plan, its {} recommendations and {} actions from this browser. You can undo it straight after, but export the plan first if you may want it later.", plan.recommendations.len(), plan.actions().count())}
            </strong>
        </div>
        <div class="govuk-button-group">
            <button type="button" class="govuk-button govuk-button--warning" on:click=delete>"Delete plan"</button>
            <a class="govuk-link" href=Route::Plans.href()>"Cancel"</a>
        </div>
    }
    .into_any()
}
