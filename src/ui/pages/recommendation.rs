//! `#/plan/<id>/recommendations/<id>`: one recommendation and its actions.

use leptos::prelude::*;

use crate::presentation::route::Route;
use crate::ui::components::breadcrumbs::{recommendations_trail, Breadcrumbs};
use crate::ui::components::recommendation_body::{Filing, RecommendationBody};
use crate::ui::components::title::set_title;
use crate::ui::pages::not_found::WhenFound;
use crate::ui::state::use_state;

#[component]
pub fn RecommendationPage(plan_id: String, recommendation_id: String) -> impl IntoView {
    let state = use_state();
    let (plan, found) = (plan_id.clone(), recommendation_id.clone());
    let page = move || {
        state.with_plan(&plan_id, |plan| {
            let Some(plan) = plan else {
                return ().into_any();
            };
            let Some(rec) = plan.recommendation(&recommendation_id) else {
                return ().into_any();
            };
            let name = format!("Recommendation {}", rec.number);
            set_title(&[&name, &plan.title]);
            let crumbs = recommendations_trail(plan, &rec.id);
            view! {
                <Breadcrumbs links=crumbs current=name.clone() />
                <span class="govuk-caption-l">{name}</span>
                <h1 class="govuk-heading-l">{rec.title.clone()}</h1>
{(!state.published()).then(|| view! {                <p class="govuk-body">
                    <a class="govuk-link" href=Route::EditRecommendation { plan: plan.id.clone(), recommendation: rec.id.clone() }.href()>
                        "Change this recommendation or its actions"
                    </a>
                </p>})}
                <RecommendationBody
                    plan_id=plan.id.clone()
                    recommendation=rec.clone()
                    filing=Filing::of(plan, rec)
                    today=state.figures_day()
                />
            }
            .into_any()
        })
    };
    view! { <WhenFound plan_id=plan recommendation_id=found>{page.clone()}</WhenFound> }
}
