//! `#/plan/<id>/leads/<lead>`: one lead's worklist. Their actions with status, due date and
//! latest update, and a quick update for each; it prints, and links to the reports and
//! the progress view limited to this lead.

use leptos::prelude::*;

use crate::domain::dates::{format_long, iso};
use crate::domain::leads::{work_item, worklist};
use crate::domain::Plan;
use crate::presentation::route::{Address, Query, ReportKind, Route};
use crate::ui::components::breadcrumbs::{plan_trail, Breadcrumbs};
use crate::ui::components::status_tag::{OverdueTag, StatusTag};
use crate::ui::components::title::set_title;
use crate::ui::pages::edit_action::updates::AddUpdate;
use crate::ui::pages::editing::from_plan;
use crate::ui::pages::not_found::WhenFound;
use crate::ui::state::{navigate, use_state};

#[component]
pub fn LeadActionsPage(plan_id: String, lead: String) -> impl IntoView {
    view! {
        <WhenFound plan_id=plan_id.clone()>
            <Worklist plan_id=plan_id.clone() lead=lead.clone() />
        </WhenFound>
    }
}

#[component]
fn Worklist(plan_id: String, lead: String) -> impl IntoView {
    let state = use_state();
    let plan_title = from_plan(&plan_id, |p| p.title.clone());
    {
        let lead = lead.clone();
        Effect::new(move |_| set_title(&[&format!("Actions led by {lead}"), &plan_title.get()]));
    }
    // The list's shape (which actions) is its own memo: an update to one action redraws
    // its line, and the quick update forms (with what is typed in them) stay.
    let ids = {
        let (plan_id, lead) = (plan_id.clone(), lead.clone());
        let today = state.today;
        Memo::new(move |_| {
            let list = state.library.with_plan(&plan_id, |p| {
                p.map(|p| worklist(p, &lead, today.get()))
                    .unwrap_or_default()
            });
            list.into_iter().map(|i| i.action_id).collect::<Vec<_>>()
        })
    };
    let leads = from_plan(&plan_id, Plan::leads);
    // The picker starts on the plan's own spelling of the lead, so "Show their actions"
    // shows whoever the picker shows.
    let chosen = RwSignal::new(
        leads
            .get_untracked()
            .into_iter()
            .find(|l| l.eq_ignore_ascii_case(lead.trim()))
            .or_else(|| leads.get_untracked().into_iter().next())
            .unwrap_or_else(|| lead.clone()),
    );
    let go = {
        let plan_id = plan_id.clone();
        move |ev: leptos::ev::SubmitEvent| {
            ev.prevent_default();
            navigate(&Route::LeadActions {
                plan: plan_id.clone(),
                lead: chosen.get_untracked(),
            });
        }
    };
    let report_href = {
        let (plan_id, lead) = (plan_id.clone(), lead.clone());
        move |kind: ReportKind| {
            Address {
                route: Route::Report {
                    plan: plan_id.clone(),
                    kind,
                },
                query: Query::from_pairs(vec![
                    ("as_at".to_string(), iso(state.today.get_untracked())),
                    ("lead".to_string(), lead.clone()),
                ]),
            }
            .href()
        }
    };
    let progress_href = Address {
        route: Route::Dashboard {
            plan: plan_id.clone(),
        },
        query: Query::from_pairs(vec![
            ("as_at".to_string(), iso(state.today.get_untracked())),
            ("lead".to_string(), lead.clone()),
        ]),
    }
    .href();
    let trail = {
        let mut trail = plan_trail(&plan_id, &plan_title.get_untracked());
        trail.push((
            "Leads".to_string(),
            Route::Leads {
                plan: plan_id.clone(),
            }
            .href(),
        ));
        trail
    };
    let row_plan = StoredValue::new(plan_id.clone());
    view! {
        <div class="app-no-print">
            <Breadcrumbs links=trail current=format!("Actions led by {lead}") />
        </div>
        <span class="govuk-caption-l">{move || plan_title.get()}</span>
        <h1 class="govuk-heading-l">{format!("Actions led by {lead}")}</h1>
        <p class="govuk-body" data-testid="worklist-summary">{move || {
            let n = ids.get().len();
            format!("{n} {} as at {}.", if n == 1 { "action" } else { "actions" }, format_long(state.today.get()))
        }}</p>
        <div class="app-no-print">
            <form class="app-filter" novalidate data-own-undo="" on:submit=go>
                <div class="govuk-form-group">
                    <label class="govuk-label" for="worklist-lead">"Lead"</label>
                    <select class="govuk-select" id="worklist-lead" on:change=move |ev| chosen.set(event_target_value(&ev))>
                        {move || leads.get().into_iter().map(|l| {
                            let selected = l.eq_ignore_ascii_case(&chosen.get_untracked());
                            view! { <option value=l.clone() selected=selected>{l.clone()}</option> }
                        }).collect_view()}
                    </select>
                </div>
                <button type="submit" class="govuk-button govuk-button--secondary">"Show their actions"</button>
            </form>
            <ul class="govuk-list" data-testid="worklist-links">
                <li><a class="govuk-link" href=report_href(ReportKind::Progress)>"Progress report for this lead"</a></li>
                <li><a class="govuk-link" href=report_href(ReportKind::ActionPlan)>"Action plan for this lead"</a></li>
                <li><a class="govuk-link" href=progress_href>"Progress view for this lead"</a></li>
                <li><button type="button" class="app-link-button govuk-link" on:click=|_| crate::browser::document::print()>"Print this list"</button></li>
            </ul>
        </div>
        {move || ids.get().is_empty().then(|| view! {
            <p class="govuk-body" data-testid="worklist-empty">"No action in this plan names this lead."</p>
        })}
        <ol class="govuk-list app-worklist" data-testid="worklist">
            <For each=move || ids.get() key=|id| id.clone() let:action_id>
                <WorkItemView plan_id=row_plan.get_value() action_id=action_id />
            </For>
        </ol>
    }
}

/// One action on the worklist, and its quick update.
#[component]
fn WorkItemView(plan_id: String, action_id: String) -> impl IntoView {
    let state = use_state();
    let item = {
        let (pid, aid) = (plan_id.clone(), action_id.clone());
        let today = state.today;
        Memo::new(move |_| {
            state
                .library
                .with_plan(&pid, |p| p.and_then(|p| work_item(p, &aid, today.get())))
        })
    };
    let heading_id = format!("work-{action_id}");
    let plan_id_for_form = plan_id.clone();
    let legend = format!(
        "Quick update on action {}",
        item.get_untracked().map(|i| i.number).unwrap_or_default()
    );
    let action_href = Route::Action {
        plan: plan_id.clone(),
        action: action_id.clone(),
    }
    .href();
    view! {
        <li class="app-worklist__item" data-testid="work-item" data-action-id=action_id.clone()>
            <h2 class="govuk-heading-s" id=heading_id>
                <a class="govuk-link" href=action_href>{move || item.get().map(|i| format!("Action {}", i.number))}</a>
            </h2>
            {move || item.get().map(|i| view! {
                <p class="govuk-body">{i.text.clone()}</p>
                <dl class="govuk-summary-list govuk-summary-list--no-border app-worklist__facts">
                    <div class="govuk-summary-list__row">
                        <dt class="govuk-summary-list__key">"Status"</dt>
                        <dd class="govuk-summary-list__value"><StatusTag status=i.status />{i.days_late.map(|d| view! { " " <OverdueTag days=d /> })}</dd>
                    </div>
                    <div class="govuk-summary-list__row">
                        <dt class="govuk-summary-list__key">"Due"</dt>
                        <dd class="govuk-summary-list__value">{i.due.map(format_long).unwrap_or_else(|| "No date".to_string())}</dd>
                    </div>
                    <div class="govuk-summary-list__row">
                        <dt class="govuk-summary-list__key">"Latest update"</dt>
                        <dd class="govuk-summary-list__value">{match i.latest.clone() {
                            Some((date, note)) => format!("{}: {note}", format_long(date)),
                            None => "None yet".to_string(),
                        }}</dd>
                    </div>
                    <div class="govuk-summary-list__row">
                        <dt class="govuk-summary-list__key">"Recommendation"</dt>
                        <dd class="govuk-summary-list__value">{i.recommendation.clone()}</dd>
                    </div>
                </dl>
            })}
            <div class="app-no-print">
                // Built once, so what is typed in it stays while the action's line redraws.
                <AddUpdate plan_id=plan_id_for_form action_id=action_id.clone()
                    prefix=format!("quick-{action_id}") legend=legend />
            </div>
        </li>
    }
}
