//! The app: loads plans from storage, follows the address, and shows the page for it.

use chrono::NaiveDate;
use leptos::prelude::*;

use crate::components::layout::{Footer, Header};
use crate::components::storage_banner::StorageBanner;
use crate::domain::Plan;
use crate::format::import;
use crate::pages;
use crate::route::{Address, Route};
use crate::storage::{self, StorageProblem, Unreadable};
use crate::{clock, EXAMPLE_PLAN};

/// Everything a page needs to read, shared through context.
#[derive(Clone, Copy)]
pub struct AppState {
    pub plans: RwSignal<Vec<Plan>>,
    pub today: NaiveDate,
}

impl AppState {
    /// Calls `f` with the plan of that id, if this browser holds one.
    pub fn with_plan<T>(&self, id: &str, f: impl FnOnce(Option<&Plan>) -> T) -> T {
        self.plans
            .with(|plans| f(plans.iter().find(|p| p.id == id)))
    }
}

pub fn use_state() -> AppState {
    expect_context::<AppState>()
}

fn example_plan() -> Vec<Plan> {
    // The example ships inside the app and a native test imports it, so this cannot fail;
    // if it ever did, an empty list is still a working app.
    import(EXAMPLE_PLAN)
        .map(|i| vec![i.plan])
        .unwrap_or_default()
}

fn current_address() -> Address {
    let hash = web_sys::window()
        .and_then(|w| w.location().hash().ok())
        .unwrap_or_default();
    Address::parse(&hash)
}

/// Moves focus to the new page's heading, as a screen reader user expects after a link.
fn focus_heading() {
    request_animation_frame(|| {
        let Some(document) = web_sys::window().and_then(|w| w.document()) else {
            return;
        };
        if let Ok(Some(heading)) = document.query_selector("main h1") {
            let _ = heading.set_attribute("tabindex", "-1");
            if let Ok(heading) = wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(heading) {
                let _ = heading.focus();
            }
        }
        if let Some(window) = web_sys::window() {
            window.scroll_to_with_x_and_y(0.0, 0.0);
        }
    });
}

/// The whole app.
#[component]
pub fn App() -> impl IntoView {
    let loaded = storage::load(example_plan());
    let state = AppState {
        plans: RwSignal::new(loaded.plans),
        today: clock::today(),
    };
    provide_context(state);
    let storage_problem: RwSignal<Option<StorageProblem>> = RwSignal::new(loaded.problem);
    let unreadable: RwSignal<Vec<Unreadable>> = RwSignal::new(loaded.unreadable);

    let address = RwSignal::new(current_address());
    let _ = window_event_listener(leptos::ev::hashchange, move |_| {
        address.set(current_address());
        focus_heading();
    });

    let route = Memo::new(move |_| address.with(|a| a.route.clone()));

    view! {
        <a href="#main-content" class="govuk-skip-link" on:click=|ev| {
            // The address is the router's; jump to the content without changing it.
            ev.prevent_default();
            if let Some(main) = web_sys::window()
                .and_then(|w| w.document())
                .and_then(|d| d.get_element_by_id("main-content"))
                .and_then(|e| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(e).ok())
            {
                let _ = main.focus();
            }
        }>"Skip to main content"</a>
        <Header route=route />
        <div class="govuk-width-container">
            <StorageBanner problem=storage_problem unreadable=unreadable />
            <main class="govuk-main-wrapper" id="main-content" tabindex="-1">
                {move || page(route.get())}
            </main>
        </div>
        <Footer />
    }
}

fn page(route: Route) -> AnyView {
    match route {
        Route::Plans => view! { <pages::plans::PlansPage /> }.into_any(),
        Route::Overview { plan } => view! { <pages::overview::OverviewPage plan_id=plan /> }.into_any(),
        Route::Recommendations { plan } => {
            view! { <pages::recommendations::RecommendationsPage plan_id=plan /> }.into_any()
        }
        Route::Recommendation { plan, recommendation } => view! {
            <pages::recommendation::RecommendationPage plan_id=plan recommendation_id=recommendation />
        }
        .into_any(),
        Route::Action { plan, action } => {
            view! { <pages::action::ActionPage plan_id=plan action_id=action /> }.into_any()
        }
        Route::NotFound => view! { <pages::not_found::NotFoundPage what=pages::not_found::Missing::Page /> }.into_any(),
    }
}
