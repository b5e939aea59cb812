//! `#/`: the plans held in this browser, to open, copy or delete, and a new one to start.

use leptos::prelude::*;

use crate::browser::download::download;
use crate::domain::dates::format_range;
use crate::presentation::route::Route;
use crate::presentation::text::{shorten, TITLE_CHARS};
use crate::ui::components::title::set_title;
use crate::ui::library::damaged_file_name;
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
            <a href=Route::NewFromTable.href() class="govuk-button govuk-button--secondary" draggable="false">"Start a plan from a table"</a>
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
                <table class="govuk-table app-stacked" role="table">
                    <caption class="govuk-table__caption govuk-table__caption--m">"Plans"</caption>
                    <thead class="govuk-table__head" role="rowgroup">
                        <tr class="govuk-table__row" role="row">
                            <th scope="col" class="govuk-table__header" role="columnheader">"Plan"</th>
                            <th scope="col" class="govuk-table__header" role="columnheader">"Council"</th>
                            <th scope="col" class="govuk-table__header" role="columnheader">"Peer team on site"</th>
                            <th scope="col" class="govuk-table__header govuk-table__header--numeric" role="columnheader">"Recommendations"</th>
                            <th scope="col" class="govuk-table__header govuk-table__header--numeric" role="columnheader">"Actions"</th>
                            <th scope="col" class="govuk-table__header" role="columnheader"><span class="govuk-visually-hidden">"Manage"</span></th>
                        </tr>
                    </thead>
                    <tbody class="govuk-table__body" role="rowgroup">
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
                                <tr class="govuk-table__row" role="row" data-plan-id=plan.id.clone()>
                                    <th scope="row" class="govuk-table__header" role="rowheader">
                                        <a class="govuk-link" href=Route::Overview { plan: plan.id.clone() }.href()>{shorten(&plan.title, TITLE_CHARS).into_owned()}</a>
                                    </th>
                                    <td class="govuk-table__cell" role="cell" data-label="Council">{plan.council.clone()}</td>
                                    <td class="govuk-table__cell" role="cell" data-label="Peer team on site">{onsite}</td>
                                    <td class="govuk-table__cell govuk-table__cell--numeric" role="cell" data-label="Recommendations">{plan.recommendations.len()}</td>
                                    <td class="govuk-table__cell govuk-table__cell--numeric" role="cell" data-label="Actions">{plan.actions().count()}</td>
                                    <td class="govuk-table__cell" role="cell">
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
        <FictionalExample />
        <DamagedEntries />
        {move || library.usage.get().map(|usage| view! {
            <p class="govuk-body" data-testid="storage-usage">
                {format!("This browser's storage for this site is {}% full.", usage.percent())}
            </p>
        })}
    }
}

/// The fictional example's file, beside `index.html` (trunk copies `public/examples/`).
const FICTIONAL_EXAMPLE: &str = "examples/fictional-borough-2024.plan.json";

/// Opens the fictional example, which fills in every field a plan can have: fetched when
/// asked for (it is not in the app's download), added to this browser's plans unless it
/// is there already (then shown as it is, changes and all), and shown.
#[component]
fn FictionalExample() -> impl IntoView {
    let state = use_state();
    let library = state.library;
    let problem = RwSignal::new(None::<String>);
    let busy = RwSignal::new(false);
    let open = move |_| {
        if busy.get_untracked() {
            return;
        }
        busy.set(true);
        problem.set(None);
        leptos::task::spawn_local(async move {
            let text = crate::browser::published::text_of(crate::browser::published::request(
                FICTIONAL_EXAMPLE,
            ))
            .await;
            busy.set(false);
            let imported = match text.map(|t| crate::format::import(&t)) {
                Some(Ok(imported)) => imported,
                Some(Err(_)) | None => {
                    problem.set(Some(
                        "The example could not be opened: its file is missing from this copy of the app, or the connection failed. Try again."
                            .to_string(),
                    ));
                    return;
                }
            };
            let route = Route::Overview {
                plan: imported.plan.id.clone(),
            };
            if library.has(&imported.plan.id) {
                // Already here (perhaps changed): shown as it is, never replaced.
                crate::ui::state::navigate(&route);
            } else {
                library.add_plan_from_file(imported.plan, None, "fictional-borough-2024.plan.json");
                state.go_with_message(
                    route,
                    "The fictional example was added to this browser's plans",
                );
            }
        });
    };
    view! {
        <h2 class="govuk-heading-m">"Examples"</h2>
        <p class="govuk-body">"The London Borough of Havering's 2019 plan is the example this app starts with: a real plan, exactly as the council published it. A made-up council's plan shows every field a plan can have, filled in over two years of committee reports."</p>
        <button type="button" class="govuk-button govuk-button--secondary" data-testid="open-fictional-example"
            aria-describedby=move || problem.get().is_some().then_some("fictional-example-error")
            on:click=open>"Open a fictional example with every field filled in"</button>
        {move || problem.get().map(|p| view! {
            <p id="fictional-example-error" class="govuk-error-message" role="alert"><span class="govuk-visually-hidden">"Error: "</span>{p}</p>
        })}
    }
}

/// Stored data this version cannot read: kept as it is until the officer has downloaded
/// it and confirmed it can go.
#[component]
fn DamagedEntries() -> impl IntoView {
    let state = use_state();
    let library = state.library;
    let confirming = RwSignal::new(None::<String>);
    let removed = RwSignal::new(None::<String>);
    view! {
        {move || removed.get().map(|key| view! {
            <div class="govuk-inset-text" role="status" data-testid="damaged-removed">{format!("The damaged data in {key} was removed.")}</div>
        })}
        {move || {
            let entries = library.unreadable.get();
            (!entries.is_empty()).then(|| view! {
                <h2 class="govuk-heading-m">"Stored data that could not be read"</h2>
                <p class="govuk-body">"This browser holds data the app cannot read: damaged, or saved by a newer version of the app. It is left exactly as it is. Download it to keep it or to have it mended; remove it only when you no longer need it."</p>
                <ul class="govuk-list" data-testid="damaged-entries">
                    {entries.into_iter().map(|entry| {
                        let key = entry.key.clone();
                        let name = damaged_file_name(&key);
                        let text = entry.text.clone();
                        let (ask, confirm, cancel_key) = (key.clone(), key.clone(), key.clone());
                        let is_confirming = move || confirming.get().as_deref() == Some(cancel_key.as_str());
                        view! {
                            <li class="app-damaged-entry">
                                <h3 class="govuk-heading-s govuk-!-margin-bottom-1">{key.clone()}</h3>
                                <p class="govuk-body">{entry.reason.clone()}</p>
                                <div class="govuk-button-group">
                                    <button type="button" class="govuk-button govuk-button--secondary"
                                        on:click=move |_| { download(&name, "text/plain", &text); }>
                                        "Download it"<span class="govuk-visually-hidden">": "{key.clone()}</span>
                                    </button>
                                    <button type="button" class="govuk-button govuk-button--secondary"
                                        aria-expanded=move || is_confirming().to_string()
                                        on:click=move |_| { removed.set(None); confirming.set(Some(ask.clone())); }>
                                        "Remove it"<span class="govuk-visually-hidden">": "{key.clone()}</span>
                                    </button>
                                </div>
                                {
                                    let key = key.clone();
                                    let confirm = confirm.clone();
                                    move || {
                                        let shown = confirming.get().as_deref() == Some(key.as_str());
                                        let confirm = confirm.clone();
                                        shown.then(|| view! {
                                            <div class="govuk-warning-text">
                                                <span class="govuk-warning-text__icon" aria-hidden="true">"!"</span>
                                                <strong class="govuk-warning-text__text">
                                                    <span class="govuk-visually-hidden">"Warning"</span>
                                                    "Removing it cannot be undone. Download it first unless you are sure you do not need it."
                                                </strong>
                                            </div>
                                            <div class="govuk-button-group">
                                                <button type="button" class="govuk-button govuk-button--warning" on:click=move |_| {
                                                    if library.remove_unreadable(&confirm) {
                                                        confirming.set(None);
                                                        removed.set(Some(confirm.clone()));
                                                    }
                                                }>"Yes, remove it"</button>
                                                <button type="button" class="govuk-button govuk-button--secondary" on:click=move |_| confirming.set(None)>"Cancel"</button>
                                            </div>
                                        })
                                    }
                                }
                            </li>
                        }
                    }).collect_view()}
                </ul>
            })
        }}
    }
}
