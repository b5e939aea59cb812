//! `#/plan/<id>/recommendations`: every recommendation with its actions.

use leptos::prelude::*;

use crate::app::use_state;
use crate::components::breadcrumbs::Breadcrumbs;
use crate::components::recommendation_body::{Filing, RecommendationBody};
use crate::components::title::set_title;
use crate::pages::not_found::{Missing, NotFoundPage};
use crate::route::Route;

#[component]
pub fn RecommendationsPage(plan_id: String) -> impl IntoView {
    let state = use_state();
    move || {
        state.with_plan(&plan_id, |plan| {
            let Some(plan) = plan else {
                return view! { <NotFoundPage what=Missing::Plan(plan_id.clone()) /> }.into_any();
            };
            set_title(&["Recommendations", &plan.title]);
            let crumbs = vec![
                ("Plans".to_string(), Route::Plans.href()),
                (plan.title.clone(), Route::Overview { plan: plan.id.clone() }.href()),
            ];
            let actions = plan.actions().count();
            view! {
                <Breadcrumbs links=crumbs current="Recommendations".to_string() />
                <span class="govuk-caption-l">{plan.title.clone()}</span>
                <h1 class="govuk-heading-l">"Recommendations"</h1>
                <p class="govuk-body-l" data-testid="plan-size">
                    {format!("The peer team made {} recommendations. The council agreed {} actions.", plan.recommendations.len(), actions)}
                </p>
                {plan.recommendations.iter().map(|rec| {
                    let href = Route::Recommendation { plan: plan.id.clone(), recommendation: rec.id.clone() }.href();
                    let heading_id = format!("recommendation-{}", rec.id);
                    let labelled_by = heading_id.clone();
                    view! {
                        <section class="app-recommendation" aria-labelledby=labelled_by data-recommendation-id=rec.id.clone()>
                            <h2 class="govuk-heading-m" id=heading_id>
                                <a class="govuk-link govuk-link--no-visited-state" href=href>
                                    {format!("{}. {}", rec.number, rec.title)}
                                </a>
                            </h2>
                            <RecommendationBody
                                plan_id=plan.id.clone()
                                recommendation=rec.clone()
                                filing=Filing::of(plan, rec)
                                today=state.today
                            />
                        </section>
                    }
                }).collect_view()}
            }
            .into_any()
        })
    }
}
