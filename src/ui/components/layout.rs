//! The frame around every page: the council's header, the plan's navigation, the footer.

use leptos::prelude::*;

use crate::presentation::route::{carried_href, Address, Route};
use crate::presentation::text::{shorten, TITLE_CHARS};
use crate::ui::state::use_state;

const APP_NAME: &str = "Peer challenge action plans";

/// The generic GOV.UK header (no crown: this is a council's service, not GOV.UK's)
/// carrying the open plan's council, then the plan's own navigation.
#[component]
pub fn Header(route: Memo<Route>, address: Memo<Address>) -> impl IntoView {
    let state = use_state();
    let open_plan = Memo::new(move |_| {
        let route = route.get();
        // A published site has one plan, and every page belongs to it.
        let id = match route.plan_id() {
            Some(id) => id.to_string(),
            None if state.published() => state
                .library
                .plans
                .with(|p| p.first().map(|p| p.id.clone()))?,
            None => return None,
        };
        state.with_plan(&id, |p| {
            p.map(|p| (p.id.clone(), p.council.clone(), p.title.clone()))
        })
    });
    view! {
        <header class="govuk-template__header">
            <div class="govuk-generic-header">
                <div class="govuk-generic-header__container govuk-width-container">
                    <div class="govuk-generic-header__logo">
                        <a href="#/" class="govuk-generic-header__homepage-link">
                            {move || open_plan.get().map(|(_, council, _)| council).unwrap_or_else(|| APP_NAME.to_string())}
                        </a>
                    </div>
                </div>
            </div>
            {move || {
                let current = route.get();
                match open_plan.get() {
                    Some((id, _, title)) => {
                        let mut items = vec![
                            ("Overview", Route::Overview { plan: id.clone() }),
                            ("Recommendations", Route::Recommendations { plan: id.clone() }),
                            ("Progress", Route::Dashboard { plan: id.clone() }),
                            (
                                "Reports",
                                Route::Report {
                                    plan: id.clone(),
                                    kind: crate::presentation::route::ReportKind::ActionPlan,
                                },
                            ),
                        ];
                        if state.published() {
                            items.push(("About", Route::About));
                        } else {
                            items.push(("Leads", Route::Leads { plan: id.clone() }));
                            items.push(("All plans", Route::Plans));
                        }
                        view! {
                            <section aria-label="Plan" class="govuk-service-navigation">
                                <div class="govuk-width-container">
                                    <div class="govuk-service-navigation__container">
                                        <span class="govuk-service-navigation__service-name">
                                            <a href=Route::Overview { plan: id }.href() class="govuk-service-navigation__link">{shorten(&title, TITLE_CHARS).into_owned()}</a>
                                        </span>
                                        <Navigation items=items current=current from=address.get() />
                                    </div>
                                </div>
                            </section>
                        }
                        .into_any()
                    }
                    None => view! {
                        <div class="govuk-service-navigation">
                            <div class="govuk-width-container">
                                <div class="govuk-service-navigation__container">
                                    <Navigation items=vec![("All plans", Route::Plans)] current=current from=address.get() />
                                </div>
                            </div>
                        </div>
                    }
                    .into_any(),
                }
            }}
        </header>
    }
}

/// Whether a navigation item is the page shown, or the section it sits in.
fn is_current(item: &Route, current: &Route) -> Option<&'static str> {
    if item == current {
        return Some("page");
    }
    match (item, current) {
        (Route::Recommendations { .. }, Route::Recommendation { .. } | Route::Action { .. }) => {
            Some("true")
        }
        (Route::Report { .. }, Route::Report { .. }) => Some("true"),
        (Route::Leads { .. }, Route::LeadActions { .. }) => Some("true"),
        _ => None,
    }
}

/// The navigation: a row of links on a wide screen; on a small one, behind a "Menu"
/// button. The button is a `details` element, so it opens and closes without JavaScript
/// (a published site's pages are read without it too). The links are written twice, and
/// the stylesheet shows one copy (`.app-nav-wide`, `.app-nav-menu`); a single link is
/// never hidden behind a button.
#[component]
fn Navigation(items: Vec<(&'static str, Route)>, current: Route, from: Address) -> impl IntoView {
    if items.len() < 2 {
        return view! { <NavList items=items current=current from=from class="" /> }.into_any();
    }
    view! {
        <NavList items=items.clone() current=current.clone() from=from.clone() class="app-nav-wide" />
        <details class="app-nav-menu" data-testid="nav-menu">
            <summary class="govuk-service-navigation__toggle">"Menu"</summary>
            <NavList items=items current=current from=from class="" />
        </details>
    }
    .into_any()
}

#[component]
fn NavList(
    items: Vec<(&'static str, Route)>,
    current: Route,
    from: Address,
    class: &'static str,
) -> impl IntoView {
    view! {
        <nav aria-label="Menu" class=format!("govuk-service-navigation__wrapper {class}")>
            <ul class="govuk-service-navigation__list">
                {items
                    .into_iter()
                    .map(|(text, route)| {
                        let aria_current = is_current(&route, &current);
                        let class = if aria_current.is_some() {
                            "govuk-service-navigation__item govuk-service-navigation__item--active"
                        } else {
                            "govuk-service-navigation__item"
                        };
                        view! {
                            <li class=class>
                                <a class="govuk-service-navigation__link" href=carried_href(&from, &route) aria-current=aria_current>
                                    {if aria_current.is_some() {
                                        view! { <strong class="govuk-service-navigation__active-fallback">{text}</strong> }.into_any()
                                    } else {
                                        text.into_any()
                                    }}
                                </a>
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        </nav>
    }
}

/// The footer: the accessibility statement, and what the site keeps and where.
#[component]
pub fn Footer() -> impl IntoView {
    let published = use_state().published();
    view! {
        <footer class="govuk-template__footer">
            <div class="govuk-footer">
                <div class="govuk-width-container">
                    <div class="govuk-footer__meta">
                        <div class="govuk-footer__meta-item govuk-footer__meta-item--grow">
                            <h2 class="govuk-visually-hidden">"Support links"</h2>
                            <ul class="govuk-footer__inline-list">
                                <li class="govuk-footer__inline-list-item">
                                    <a class="govuk-footer__link" href=Route::Accessibility.href()>"Accessibility statement"</a>
                                </li>
                                <li class="govuk-footer__inline-list-item">
                                    <a class="govuk-footer__link" href=Route::About.href()>"What is a peer challenge?"</a>
                                </li>
                            </ul>
                            <p class="govuk-footer__meta-custom">
                                {if published {
                                    "This site sets no cookies, stores nothing in your browser and sends nothing anywhere."
                                } else {
                                    "Plans are kept in this browser only. Nothing you type is sent anywhere."
                                }}
                            </p>
                        </div>
                    </div>
                </div>
            </div>
        </footer>
    }
}
