//! `#/plan/<id>/recommendations?page=N`: every recommendation with its actions, twenty
//! recommendations a page. Every real plan fits on one; a page of a far bigger plan still
//! shows at once.

use leptos::prelude::*;

use crate::browser::random::new_id;
use crate::domain::edit::{Edit, ListOp};
use crate::domain::sanity::{next_free_number, number_taken};
use crate::domain::{Recommendation, Response};
use crate::presentation::paging::{Paging, RECOMMENDATIONS_PER_PAGE};
use crate::presentation::route::{recommendations_page_href, Query, Route};
use crate::presentation::text::{shorten, TABLE_CHARS, TITLE_CHARS};
use crate::ui::components::address_problems::AddressProblems;
use crate::ui::components::breadcrumbs::{plan_trail, Breadcrumbs};
use crate::ui::components::form::NewItemInput;
use crate::ui::components::form::{first_reason, focus_field};
use crate::ui::components::pagination::Pagination;
use crate::ui::components::recommendation_body::{Filing, RecommendationBody};
use crate::ui::components::title::set_title;
use crate::ui::pages::not_found::WhenFound;
use crate::ui::state::navigate;
use crate::ui::state::use_state;

#[component]
pub fn RecommendationsPage(plan_id: String, query: Query) -> impl IntoView {
    let state = use_state();
    let (add_to, found) = (plan_id.clone(), plan_id.clone());
    // `add=recommendation`: the officer came to add the next one, so the cursor waits in
    // its form (after the page's heading has had focus, as every page's does on arrival).
    if query.get("add") == Some("recommendation") && !state.published() {
        request_animation_frame(|| focus_field("new-recommendation-number"));
    }
    let list = move || {
        state.with_plan(&plan_id, |plan| {
            let Some(plan) = plan else {
                return ().into_any();
            };
            let paging = Paging::new(plan.recommendations.len(), RECOMMENDATIONS_PER_PAGE, query.get("page"));
            let page_title = if paging.is_paged() {
                format!("Recommendations (page {} of {})", paging.page, paging.pages)
            } else {
                "Recommendations".to_string()
            };
            set_title(&[&page_title, &plan.title]);
            let crumbs = plan_trail(&plan.id, &plan.title);
            let actions = plan.actions().count();
            let page_href = {
                let id = plan.id.clone();
                move |n: usize| recommendations_page_href(&id, n)
            };
            let shown = paging.range();
            let showing = paging.is_paged().then(|| view! {
                <p class="govuk-body" data-testid="page-range">
                    {format!("Showing recommendations {} to {} of {}.", shown.start + 1, shown.end, paging.total)}
                </p>
            });
            view! {
                <Breadcrumbs links=crumbs current="Recommendations".to_string() />
                <span class="govuk-caption-l">{shorten(&plan.title, TITLE_CHARS).into_owned()}</span>
                <h1 class="govuk-heading-l">{page_title}</h1>
                <p class="govuk-body-l" data-testid="plan-size">
                    {format!("The peer team made {} recommendations. The council agreed {} actions.", plan.recommendations.len(), actions)}
                </p>
                {(!state.published()).then(|| view! {
                    <p class="govuk-body">
                        <a class="govuk-link" href="#new-recommendation-number" data-testid="to-add-recommendation"
                            on:click=|ev| { ev.prevent_default(); focus_field("new-recommendation-number"); }>"Add a recommendation"</a>
                        " or "
                        <a class="govuk-link" href=Route::AddFromTable { plan: plan.id.clone() }.href() data-testid="add-from-table">"add recommendations from a table"</a>
                    </p>
                })}
                <AddressProblems problems=paging.address_problem(query.get("page")).into_iter().collect() instead="" />
                {showing}
                {plan.recommendations[shown.clone()].iter().map(|rec| {
                    let href = Route::Recommendation { plan: plan.id.clone(), recommendation: rec.id.clone() }.href();
                    let heading_id = format!("recommendation-{}", rec.id);
                    let labelled_by = heading_id.clone();
                    view! {
                        <section class="app-recommendation" aria-labelledby=labelled_by data-recommendation-id=rec.id.clone()>
                            <h2 class="govuk-heading-m" id=heading_id>
                                <a class="govuk-link govuk-link--no-visited-state" href=href>
                                    {format!("{}. {}", rec.number, shorten(&rec.title, TABLE_CHARS))}
                                </a>
                            </h2>
                            {(!state.published()).then(|| view! {
                                <p class="govuk-body">
                                    <a class="govuk-link" href=Route::EditRecommendation { plan: plan.id.clone(), recommendation: rec.id.clone() }.href()>
                                        "Change"<span class="govuk-visually-hidden">{format!(" recommendation {}", rec.number)}</span>
                                    </a>
                                </p>
                            })}
                            <RecommendationBody
                                plan_id=plan.id.clone()
                                recommendation=rec.clone()
                                filing=Filing::of(plan, rec)
                                today=state.figures_day()
                            />
                        </section>
                    }
                }).collect_view()}
                <Pagination paging=paging href=page_href of="recommendations" />
            }
            .into_any()
        })
    };
    view! {
        <WhenFound plan_id=found>
            {list.clone()}
            {(!state.published()).then(|| view! { <AddRecommendation plan_id=add_to.clone() /> })}
        </WhenFound>
    }
}

/// Adds a recommendation, then opens it to fill in.
#[component]
fn AddRecommendation(plan_id: String) -> impl IntoView {
    let state = use_state();
    let library = state.library;
    let next_number = {
        let id = plan_id.clone();
        move || library.with_plan(&id, |p| p.map(next_free_number).unwrap_or_default())
    };
    let number = RwSignal::new(next_number());
    let title =
        crate::ui::pages::editing::draft(&plan_id, None, "new-recommendation", "a recommendation")
            .field("title");
    let number_error = RwSignal::new(None::<String>);
    let title_error = RwSignal::new(None::<String>);
    let add = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let n = number.get_untracked().trim().to_string();
        let t = title.get_untracked().trim().to_string();
        number_error.set(
            n.is_empty()
                .then(|| "Enter the recommendation's number".to_string()),
        );
        title_error.set(
            t.is_empty()
                .then(|| "Enter the recommendation in the peer team's words".to_string()),
        );
        if n.is_empty() || t.is_empty() {
            return;
        }
        // A number already in the plan (typed again, or added meanwhile in another tab)
        // would make two recommendations with one number: this one takes the next free
        // number, and the officer is told.
        let taken = library.with_plan(&plan_id, |p| p.is_some_and(|p| number_taken(p, &n, None)));
        let (n, renumbered) = if taken {
            let free = next_number();
            let message = format!(
                "Recommendation {n} was already in the plan, so this one is numbered {free}. Change its number below if that is wrong."
            );
            (free, Some(message))
        } else {
            (n, None)
        };
        let rec = Recommendation {
            id: new_id("r"),
            number: n,
            title: t,
            context: String::new(),
            response: Response::Accepted,
            response_reason: String::new(),
            themes: Vec::new(),
            group: None,
            actions: Vec::new(),
            ..Recommendation::default()
        };
        let rec_id = rec.id.clone();
        match library.edit(&plan_id, Edit::Recommendation(ListOp::Add(rec)), None) {
            Ok(()) => {
                title.set(String::new());
                let route = Route::EditRecommendation {
                    plan: plan_id.clone(),
                    recommendation: rec_id,
                };
                match renumbered {
                    Some(message) => state.go_with_message(route, message),
                    None => navigate(&route),
                }
            }
            Err(p) => title_error.set(Some(first_reason(p))),
        }
    };
    view! {
        <form class="app-add-form" novalidate data-own-undo="" on:submit=add>
            <h2 class="govuk-heading-m">"Add a recommendation"</h2>
            <NewItemInput id="new-recommendation-number" label="Number" value=number error=number_error />
            <NewItemInput id="new-recommendation-title" label="The peer team's recommendation, in their words" value=title error=title_error multiline=true />
            <button type="submit" class="govuk-button govuk-button--secondary">"Add recommendation"</button>
        </form>
    }
}
