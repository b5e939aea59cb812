//! The app: loads the library, follows the address and other tabs, and shows the page
//! for the address.

use std::time::Duration;

use chrono::NaiveDate;
use leptos::prelude::*;

use crate::browser::clock;
use crate::browser::published::Published;
use crate::presentation::route::{Address, Route};
use crate::ui::components::banners::Banners;
use crate::ui::components::drawn_in_parts::DrawnParts;
use crate::ui::components::layout::{Footer, Header};
use crate::ui::library::Library;
use crate::ui::pages;
use crate::ui::state::{current_address, AppState, Drafts, SKIP_LINK_TARGET};

#[cfg(not(feature = "site"))]
fn example_plan() -> Vec<crate::domain::Plan> {
    // The example ships inside the app and a native test imports it, so this cannot fail;
    // if it ever did, an empty list is still a working app.
    crate::format::import(crate::EXAMPLE_PLAN)
        .map(|i| vec![i.plan])
        .unwrap_or_default()
}

/// Moves focus to the new page's heading, as a screen reader user expects after a link.
fn focus_heading() {
    // Not in the publish page's hidden frame: focus would leave the officer's button.
    if crate::browser::document::is_framed() {
        return;
    }
    request_animation_frame(|| crate::browser::document::focus_first_and_scroll_top("main h1"));
}

/// Ctrl+Z undoes and Ctrl+Shift+Z (or Ctrl+Y) redoes; Cmd instead of Ctrl on a Mac.
fn shortcut(ev: &web_sys::KeyboardEvent, library: Library) {
    if !(ev.ctrl_key() || ev.meta_key()) || ev.alt_key() {
        return;
    }
    if crate::browser::document::in_own_undo_box(ev) {
        return;
    }
    match (ev.key().to_lowercase().as_str(), ev.shift_key()) {
        ("z", false) => library.undo(),
        ("z", true) | ("y", false) => library.redo(),
        _ => return,
    }
    ev.prevent_default();
}

/// Keeps `today` true: checked just after each midnight and at least every minute (a
/// laptop asleep at midnight wakes to a timer that fired late), and whenever the tab is
/// shown again. Figures and overdue marks follow it, without a reload.
fn follow_the_date(today: RwSignal<NaiveDate>) {
    fn next_check() -> Duration {
        Duration::from_millis(
            clock::millis_until_tomorrow()
                .saturating_add(500)
                .min(60_000),
        )
    }
    fn update(today: RwSignal<NaiveDate>) {
        let now = clock::today();
        if today.get_untracked() != now {
            today.set(now);
        }
    }
    fn check(today: RwSignal<NaiveDate>) {
        update(today);
        set_timeout(move || check(today), next_check());
    }
    set_timeout(move || check(today), next_check());
    let _ = window_event_listener_untyped("visibilitychange", move |_| {
        if !crate::browser::document::is_hidden() {
            update(today);
        }
    });
}

/// The whole app: the officer's, or a published site's when `published` is given. With
/// `parts`, it is drawn in parts, each once `parts` reaches it: the header (1), the
/// notices and footer (2), the page itself (3) and the rest of a long page
/// (`drawn_in_parts::later`, 4); otherwise all at once.
#[component]
pub fn App(
    published: Option<Published>,
    #[prop(optional)] parts: Option<ReadSignal<u8>>,
) -> impl IntoView {
    let parts = DrawnParts(parts);
    provide_context(parts);
    let drawn = move |part: u8| parts.drawn(part);
    let pages_differ = published.as_ref().is_some_and(|p| p.pages_differ);
    let updated = published.as_ref().and_then(|p| p.updated);
    let (library, site, unpublishable) = match published {
        #[cfg(not(feature = "site"))]
        None => (Library::load(example_plan), None, None),
        #[cfg(feature = "site")]
        None => (
            Library::published(Vec::new()),
            Some(crate::format::site::SiteSettings::default()),
            Some(vec![crate::browser::published::missing_plan()]),
        ),
        Some(Published {
            plan: Ok(plan),
            settings,
            ..
        }) => (Library::published(vec![plan]), Some(settings), None),
        Some(Published {
            plan: Err(problems),
            settings,
            ..
        }) => (
            Library::published(Vec::new()),
            Some(settings),
            Some(problems),
        ),
    };
    let state = AppState {
        library,
        today: RwSignal::new(clock::today()),
        flash: RwSignal::new(None),
        pending: RwSignal::new(None),
        site: site.map(StoredValue::new),
        updated,
        drafts: Drafts::default(),
    };
    provide_context(state);
    follow_the_date(state.today);
    let (update_ready, tell_update) = signal(false);
    crate::browser::offline::start(state.published(), move || tell_update.set(true));

    let address = RwSignal::new(current_address());
    let _ = window_event_listener(leptos::ev::hashchange, move |_| {
        address.set(current_address());
        crate::browser::document::close_menus();
        focus_heading();
    });
    if !state.published() {
        let _ = window_event_listener(leptos::ev::storage, move |ev| {
            library.on_storage_changed(ev.key().as_deref());
        });
        let _ = window_event_listener(leptos::ev::keydown, move |ev| shortcut(&ev, library));
        pages::import::accept_drops(state);
        // Text typed for something not yet added: the browser asks before the tab closes.
        let drafts = state.drafts;
        let _ = window_event_listener_untyped("beforeunload", move |ev| {
            let open = drafts.any_live_untracked(|plan, under| {
                crate::ui::state::place_exists(library, plan, under)
            });
            if open {
                crate::browser::document::ask_before_leaving(&ev);
            }
        });
        // Anything not yet written goes to storage before the tab closes.
        let _ = window_event_listener(leptos::ev::pagehide, move |_| library.save_now());
        // A phone may end a tab in the background without `pagehide`: write as soon as the
        // tab is hidden, not when the typing pause ends.
        let _ = window_event_listener_untyped("visibilitychange", move |_| {
            if crate::browser::document::is_hidden() {
                library.save_now();
            }
        });
    }

    let route = Memo::new(move |_| address.with(|a| a.route.clone()));
    let current = Memo::new(move |_| address.get());
    // A message belongs to the page it was made for.
    Effect::new(move |_| {
        let now = route.get();
        if state
            .flash
            .with_untracked(|f| f.as_ref().is_some_and(|f| f.route != now))
        {
            state.flash.set(None);
        }
    });

    view! {
        <a href=format!("#{SKIP_LINK_TARGET}") class="govuk-skip-link" on:click=|ev| {
            // The address is the router's; jump to the content without changing it.
            ev.prevent_default();
            crate::ui::components::form::focus_field(SKIP_LINK_TARGET);
        }>"Skip to main content"</a>
        {move || drawn(1).then(|| view! { <Header route=route address=current /> })}
        <div class="govuk-width-container">
            {move || drawn(2).then(|| view! { <Banners route=route update_ready=update_ready /> })}
            <main class="govuk-main-wrapper" id=SKIP_LINK_TARGET tabindex="-1">
                {pages_differ.then(|| view! {
                    <div class="govuk-warning-text" data-testid="pages-differ">
                        <span class="govuk-warning-text__icon" aria-hidden="true">"!"</span>
                        <strong class="govuk-warning-text__text">
                            <span class="govuk-visually-hidden">"Warning: "</span>
                            "The council has published a newer plan file than this site's plain pages were made from. You are seeing the newer plan; without JavaScript the pages show the plan as it was when the site was made."
                        </strong>
                    </div>
                })}
                {move || drawn(2).then(|| view! { <crate::ui::components::last_updated::LastUpdated /> })}
                {move || match (&unpublishable, state.published()) {
                    _ if !drawn(3) => ().into_any(),
                    (Some(problems), _) => view! { <pages::about::Unpublishable problems=problems.clone() /> }.into_any(),
                    (None, true) => published_page(current.get(), &library),
                    (None, false) => page(current.get()),
                }}
            </main>
        </div>
        {move || drawn(2).then(|| view! { <Footer /> })}
    }
}

/// A published site shows the plan and its views; everything that changes a plan is absent.
fn published_page(address: Address, library: &Library) -> AnyView {
    use pages::*;
    let plan_id = library
        .plans
        .with_untracked(|p| p.first().map(|p| p.id.clone()))
        .unwrap_or_default();
    match address.route {
        Route::Plans => view! { <overview::OverviewPage plan_id=plan_id /> }.into_any(),
        Route::Overview { .. }
        | Route::Recommendations { .. }
        | Route::Recommendation { .. }
        | Route::Action { .. }
        | Route::Dashboard { .. }
        | Route::Report { .. }
        | Route::About
        | Route::Accessibility
        | Route::HelpPlanFile => page(address),
        _ => view! { <not_found::NotFoundPage what=not_found::Missing::Page /> }.into_any(),
    }
}

fn page(address: Address) -> AnyView {
    use pages::*;
    let Address { route, query } = address;
    match route {
        #[cfg(not(feature = "site"))]
        Route::Plans => view! { <plans::PlansPage /> }.into_any(),
        #[cfg(not(feature = "site"))]
        Route::NewPlan => view! { <new_plan::NewPlanPage /> }.into_any(),
        #[cfg(not(feature = "site"))]
        Route::NewFromTable => view! { <from_table::FromTablePage plan_id=None /> }.into_any(),
        #[cfg(not(feature = "site"))]
        Route::AddFromTable { plan } => {
            view! { <from_table::FromTablePage plan_id=Some(plan) /> }.into_any()
        }
        #[cfg(not(feature = "site"))]
        Route::Import => view! { <import::ImportPage /> }.into_any(),
        #[cfg(not(feature = "site"))]
        Route::ImportMerge => view! { <import_merge::ImportMergePage /> }.into_any(),
        Route::HelpPlanFile => view! { <help_plan_file::HelpPlanFilePage /> }.into_any(),
        Route::About => view! { <about::AboutPage /> }.into_any(),
        Route::Accessibility => view! { <accessibility::AccessibilityPage /> }.into_any(),
        Route::Overview { plan } => view! { <overview::OverviewPage plan_id=plan /> }.into_any(),
        Route::Recommendations { plan } => {
            view! { <recommendations::RecommendationsPage plan_id=plan query=query /> }.into_any()
        }
        Route::Recommendation { plan, recommendation } => view! {
            <recommendation::RecommendationPage plan_id=plan recommendation_id=recommendation />
        }
        .into_any(),
        Route::Action { plan, action } => {
            view! { <action::ActionPage plan_id=plan action_id=action /> }.into_any()
        }
        Route::Dashboard { plan } => {
            view! { <dashboard::DashboardPage plan_id=plan query=query /> }.into_any()
        }
        Route::Report { plan, kind } => {
            view! { <reports::ReportPage plan_id=plan kind=kind query=query /> }.into_any()
        }
        #[cfg(not(feature = "site"))]
        Route::EditPlan { plan } => view! { <edit_plan::EditPlanPage plan_id=plan /> }.into_any(),
        #[cfg(not(feature = "site"))]
        Route::EditThemes { plan } => {
            view! { <edit_themes::EditThemesPage plan_id=plan /> }.into_any()
        }
        #[cfg(not(feature = "site"))]
        Route::EditMilestones { plan } => {
            view! { <edit_milestones::EditMilestonesPage plan_id=plan /> }.into_any()
        }
        #[cfg(not(feature = "site"))]
        Route::EditReporting { plan } => {
            view! { <edit_reporting::EditReportingPage plan_id=plan /> }.into_any()
        }
        #[cfg(not(feature = "site"))]
        Route::Publish { plan } => view! { <publish::PublishPage plan_id=plan /> }.into_any(),
        #[cfg(not(feature = "site"))]
        Route::CopiesSent { plan } => {
            view! { <copies_sent::CopiesSentPage plan_id=plan /> }.into_any()
        }
        #[cfg(not(feature = "site"))]
        Route::EditReviews { plan } => {
            view! { <edit_reviews::EditReviewsPage plan_id=plan /> }.into_any()
        }
        #[cfg(not(feature = "site"))]
        Route::ReportsIssued { plan } => {
            view! { <reports_issued::ReportsIssuedPage plan_id=plan /> }.into_any()
        }
        #[cfg(not(feature = "site"))]
        Route::Leads { plan } => view! { <leads::LeadsPage plan_id=plan /> }.into_any(),
        #[cfg(not(feature = "site"))]
        Route::LeadActions { plan, lead } => {
            view! { <lead_actions::LeadActionsPage plan_id=plan lead=lead /> }.into_any()
        }
        #[cfg(not(feature = "site"))]
        Route::DeletePlan { plan } => {
            view! { <delete_plan::DeletePlanPage plan_id=plan /> }.into_any()
        }
        #[cfg(not(feature = "site"))]
        Route::EditRecommendation { plan, recommendation } => view! {
            <edit_recommendation::EditRecommendationPage plan_id=plan recommendation_id=recommendation />
        }
        .into_any(),
        #[cfg(not(feature = "site"))]
        Route::EditAction { plan, action } => {
            view! { <edit_action::EditActionPage plan_id=plan action_id=action /> }.into_any()
        }
        Route::NotFound => {
            view! { <not_found::NotFoundPage what=not_found::Missing::Page /> }.into_any()
        }
        #[cfg(feature = "site")]
        _ => view! { <not_found::NotFoundPage what=not_found::Missing::Page /> }.into_any(),
    }
}
