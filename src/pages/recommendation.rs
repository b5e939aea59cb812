//! `#/plan/<id>/recommendations/<id>`: one recommendation and its actions.

use leptos::prelude::*;

use crate::app::use_state;
use crate::components::breadcrumbs::{recommendations_trail, Breadcrumbs};
use crate::components::recommendation_body::{Filing, RecommendationBody};
use crate::components::title::set_title;
use crate::pages::not_found::{Missing, NotFoundPage};
use crate::route::Route;

#[component]
pub fn RecommendationPage(plan_id: String, recommendation_id: String) -> impl IntoView {
    let state = use_state();
    move || {
        state.with_plan(&plan_id, |plan| {
            let Some(plan) = plan else {
                return view! { <NotFoundPage what=Missing::Plan(plan_id.clone()) /> }.into_any();
            };
            let Some(rec) = plan.recommendation(&recommendation_id) else {
                return view! { <NotFoundPage what=Missing::Recommendation(recommendation_id.clone()) /> }.into_any();
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
                    today=state.today
                />
            }
            .into_any()
        })
    }
}
