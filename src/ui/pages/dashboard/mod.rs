//! `#/plan/<id>/dashboard`: where the plan stands as at a date, for the actions a filter
//! chooses. The date and the filter live in the address, so a view is a link to send.

use chrono::NaiveDate;
use leptos::prelude::*;

mod filter_form;
mod since_view;
use filter_form::FilterForm;
use since_view::SinceView;

use crate::domain::dates::{format_long, iso};
use crate::domain::figures::StatusCounts;
use crate::domain::filter::Filter;
use crate::domain::filter::FilterOptions;
use crate::domain::progress::{ActionLine, Breakdown, ProgressView};
use crate::domain::Status;
use crate::presentation::route::{carried_href, Address, Query, Route};
use crate::presentation::text::{shorten, TITLE_CHARS};
use crate::ui::components::address_problems::AddressProblems;
use crate::ui::components::breadcrumbs::{plan_trail, Breadcrumbs};
use crate::ui::components::charts::{Legend, MonthChart, SharedPatterns, StatusBar, Timeline};
use crate::ui::components::status_tag::StatusTag;
use crate::ui::components::title::set_title;
use crate::ui::pages::not_found::WhenFound;
use crate::ui::state::use_state;

/// Lists longer than this are cut short: a filter narrows them.
const LIST_LIMIT: usize = 50;

#[component]
pub fn DashboardPage(plan_id: String, query: Query) -> impl IntoView {
    let state = use_state();
    let filter = Filter::from_pairs(query.pairs());
    let id = plan_id.clone();
    // Without an "as at" date the dashboard is as at today (a closed plan's closing date),
    // and follows the date past midnight.
    let default_as_at = crate::ui::components::reporting::default_as_at(&plan_id);
    let view = move || {
        let as_at = query.as_at().unwrap_or_else(|| default_as_at.get());
        // Untracked: the view inside follows the plan itself, and a change of plan must
        // not rebuild it (and the filter form the officer may be using).
        let options = state
            .library
            .plan_now(&id)
            .map(|p| FilterOptions::of(&p))
            .unwrap_or_default();
        let mut problems: Vec<String> = query.as_at_refused().into_iter().collect();
        problems.extend(
            Filter::address_problems(query.pairs(), &options)
                .into_iter()
                .map(|p| format!("The filter: {p}.")),
        );
        view! {
            <DashboardView plan_id=id.clone() as_at=as_at filter=filter.clone() options=options problems=problems query=query.clone() />
        }
    };
    view! { <WhenFound plan_id=plan_id>{view.clone()}</WhenFound> }
}

#[component]
fn DashboardView(
    plan_id: String,
    as_at: NaiveDate,
    filter: Filter,
    options: FilterOptions,
    problems: Vec<String>,
    query: Query,
) -> impl IntoView {
    let state = use_state();
    let library = state.library;
    let title = {
        let id = plan_id.clone();
        Memo::new(move |_| {
            library.with_plan(&id, |p| p.map(|p| p.title.clone()).unwrap_or_default())
        })
    };
    Effect::new(move |_| set_title(&["Progress", &title.get()]));
    let data = {
        let (id, filter) = (plan_id.clone(), filter.clone());
        Memo::new(move |_| {
            library.with_plan(&id, |p| p.map(|p| ProgressView::of(p, as_at, &filter)))
        })
    };
    let trail = plan_trail(&plan_id, &title.get_untracked());
    let lead_link = {
        let id = plan_id.clone();
        move |lead: &str| {
            let pairs = vec![
                ("as_at".to_string(), iso(as_at)),
                ("lead".to_string(), lead.to_string()),
            ];
            Address {
                route: Route::Dashboard { plan: id.clone() },
                query: Query::from_pairs(pairs),
            }
            .href()
        }
    };
    let filtering = !filter.is_empty();

    view! {
        <Breadcrumbs links=trail current="Progress".to_string() />
        <span class="govuk-caption-l">{move || shorten(&title.get(), TITLE_CHARS).into_owned()}</span>
        <h1 class="govuk-heading-l">{if filter.leads.len() == 1 { format!("Actions led by {}", filter.leads[0]) } else { "Progress".to_string() }}</h1>
        <AddressProblems problems=problems instead=format!("The figures below are as at {}, for the actions the rest of the address chooses.", format_long(as_at)) />
        <crate::ui::components::reporting::NextReportLine plan_id=plan_id.clone() />
        <FilterForm plan_id=plan_id.clone() as_at=as_at filter=filter.clone() options=options />
        <ReportLinks plan_id=plan_id.clone() filter=filter.clone() />
        <SinceView plan_id=plan_id.clone() as_at=as_at query=query />
        {move || data.get().map(|f| {
            let board = f.board.clone();
            let lead_link = lead_link.clone();
            view! {
                <p class="govuk-body-l" data-testid="summary">
                    <strong>{format!("As at {}: ", format_long(as_at))}</strong>{board.summary()}
                </p>
                {filtering.then(|| view! {
                    <p class="govuk-body" data-testid="filtered">{format!("Showing {} of the plan's {} actions, chosen by the filter.", f.shown, f.all)}</p>
                })}

                <h2 class="govuk-heading-m">"Actions by status"</h2>
                <StatusBar chart="status-bar".to_string() counts=board.counts label=format!("Actions by status as at {}", format_long(as_at)) height=40 />
                <Legend chart="status-legend" />
                <StatusTable counts=board.counts />
                <p class="govuk-body" data-testid="overdue-line">{board.overdue_sentence()}</p>
                {(board.moved > 0).then(|| view! {
                    <p class="govuk-body" data-testid="moved-line">{if board.moved == 1 {
                        "1 action has had its due date moved. Its page says from what and why.".to_string()
                    } else {
                        format!("{} actions have had their due dates moved. Each action's page says from what and why.", board.moved)
                    }}</p>
                })}

                <h2 class="govuk-heading-m">"Delivered and embedded"</h2>
                <dl class="govuk-summary-list" data-testid="key-figures">
                    {[
                        ("Delivered (completed)", board.delivered()),
                        ("Embedded in everyday work (ongoing)", board.embedded()),
                        ("Overdue", board.overdue.len()),
                        ("Due in the next 30 days", board.due_in_30.len()),
                        ("Due in the next 90 days", board.due_in_90.len()),
                        ("Due dates moved", board.moved),
                        ("Following from a later review's suggestions", board.from_suggestions.total()),
                        ("Of those, completed", board.from_suggestions.get(Status::Completed)),
                    ].into_iter().map(|(k, v)| view! {
                        <div class="govuk-summary-list__row">
                            <dt class="govuk-summary-list__key">{k}</dt>
                            <dd class="govuk-summary-list__value">{v}</dd>
                        </div>
                    }).collect_view()}
                </dl>

                <ActionList plan_id=plan_id.clone() heading="Overdue" id="overdue" lines=board.overdue.clone() days_heading="Days late"
                    empty="No action is past its date." />
                <ActionList plan_id=plan_id.clone() heading="Due in the next 30 days" id="due-30" lines=board.due_in_30.clone() days_heading="Days to go"
                    empty="No open action falls due in the next 30 days." />
                <ActionList plan_id=plan_id.clone() heading="Due in the next 90 days" id="due-90" lines=board.due_in_90.clone() days_heading="Days to go"
                    empty="No open action falls due in the next 90 days." />

                <h2 class="govuk-heading-m">"Recommendations"</h2>
                <Legend chart="rec-legend" />
                <SharedPatterns chart="rec-bars" />
                <table class="govuk-table app-stacked" role="table" data-testid="recommendation-progress">
                    <caption class="govuk-table__caption govuk-visually-hidden">"Progress of each recommendation's actions"</caption>
                    <thead class="govuk-table__head" role="rowgroup"><tr class="govuk-table__row" role="row">
                        <th scope="col" class="govuk-table__header app-col-title" role="columnheader">"Recommendation"</th>
                        <th scope="col" class="govuk-table__header app-col-bar" role="columnheader">"Progress"</th>
                        <th scope="col" class="govuk-table__header govuk-table__header--numeric" role="columnheader">"Completed"</th>
                        <th scope="col" class="govuk-table__header govuk-table__header--numeric" role="columnheader">"Ongoing"</th>
                        <th scope="col" class="govuk-table__header govuk-table__header--numeric" role="columnheader">"In hand"</th>
                        <th scope="col" class="govuk-table__header govuk-table__header--numeric" role="columnheader">"Not started"</th>
                    </tr></thead>
                    <tbody class="govuk-table__body" role="rowgroup">
                        {board.recommendations.iter().map(|r| {
                            let href = Route::Recommendation { plan: plan_id.clone(), recommendation: r.id.clone() }.href();
                            let title = format!("{}. {}", r.number, shorten(&r.title, TITLE_CHARS));
                            view! {
                                <tr class="govuk-table__row" role="row">
                                    <th scope="row" class="govuk-table__header app-stacked__title" role="rowheader"><a class="govuk-link" href=href>{title}</a></th>
                                    <td class="govuk-table__cell app-col-bar" role="cell" data-label="Progress">
                                        <StatusBar chart=format!("rec-{}", r.id) counts=r.counts label=format!("Recommendation {}", r.number) height=18 patterns_from="rec-bars" />
                                    </td>
                                    <td class="govuk-table__cell govuk-table__cell--numeric" role="cell" data-label="Completed">{r.counts.get(Status::Completed)}</td>
                                    <td class="govuk-table__cell govuk-table__cell--numeric" role="cell" data-label="Ongoing">{r.counts.get(Status::Ongoing)}</td>
                                    <td class="govuk-table__cell govuk-table__cell--numeric" role="cell" data-label="In hand">{r.counts.in_hand()}</td>
                                    <td class="govuk-table__cell govuk-table__cell--numeric" role="cell" data-label="Not started">{r.counts.get(Status::NotStarted)}</td>
                                </tr>
                            }
                        }).collect_view()}
                    </tbody>
                </table>

                <h2 class="govuk-heading-m">"Recommendations not accepted"</h2>
                {if board.not_accepted.is_empty() {
                    view! { <p class="govuk-body">"The council accepted every recommendation."</p> }.into_any()
                } else {
                    view! {
                        <ul class="govuk-list" data-testid="not-accepted">
                            {board.not_accepted.iter().map(|n| {
                                let href = Route::Recommendation { plan: plan_id.clone(), recommendation: n.id.clone() }.href();
                                view! {
                                    <li>
                                        <a class="govuk-link" href=href>{format!("{}. {}", n.number, shorten(&n.title, TITLE_CHARS))}</a>
                                        {format!(" – {}: {}", n.response.label(), n.reason)}
                                    </li>
                                }
                            }).collect_view()}
                        </ul>
                    }.into_any()
                }}

                <BreakdownTable heading="By core theme" id="by-core-theme" rows=f.core.clone() link=None />
                <BreakdownTable heading="By additional area" id="by-additional-area" rows=f.additional.clone() link=None />
                <BreakdownTable heading="By group" id="by-group" rows=f.groups.clone() link=None />
                <BreakdownTable heading="By lead" id="by-lead" rows=f.leads.clone()
                    link=Some(Callback::new(move |lead: String| lead_link(&lead))) />

                <h2 class="govuk-heading-m">"Milestones and the LGA timeline"</h2>
                {if f.timeline.is_empty() {
                    view! { <p class="govuk-body">"There are no milestones yet, and no days on site to work out the LGA timeline from."</p> }.into_any()
                } else {
                    view! {
                        <Timeline chart="timeline" items=f.timeline.clone() as_at=as_at />
                        <table class="govuk-table app-stacked" role="table" data-testid="timeline">
                            <caption class="govuk-table__caption govuk-visually-hidden">"Milestones and LGA process dates"</caption>
                            <thead class="govuk-table__head" role="rowgroup"><tr class="govuk-table__row" role="row">
                                <th scope="col" class="govuk-table__header app-col-date" role="columnheader">"Date"</th>
                                <th scope="col" class="govuk-table__header" role="columnheader">"What"</th>
                                <th scope="col" class="govuk-table__header app-col-status" role="columnheader">"Where it stands"</th>
                            </tr></thead>
                            <tbody class="govuk-table__body" role="rowgroup">
                                {f.timeline.iter().map(|(date, what, state)| view! {
                                    <tr class="govuk-table__row" role="row">
                                        <td class="govuk-table__cell" role="cell" data-label="Date">{format_long(*date)}</td>
                                        <td class="govuk-table__cell" role="cell" data-label="What">{what.clone()}</td>
                                        <td class="govuk-table__cell" role="cell" data-label="Where it stands">{*state}</td>
                                    </tr>
                                }).collect_view()}
                            </tbody>
                        </table>
                    }.into_any()
                }}

                <h2 class="govuk-heading-m">"Progress over time"</h2>
                {if f.series.is_empty() {
                    view! { <p class="govuk-body">"Progress over time needs dated progress updates or the peer team's days on site."</p> }.into_any()
                } else {
                    view! {
                        {f.series_left_out_from.map(|from| view! {
                            <p class="govuk-body" data-testid="series-left-out">{format!(
                                "The chart covers the ten years up to {}. Progress from {} until then is not shown.",
                                format_long(as_at),
                                format_long(from)
                            )}</p>
                        })}
                        <MonthChart chart="months" series=f.series.clone() statuses=Status::STACKED.to_vec() />
                        {(f.undated > 0).then(|| view! {
                            <p class="govuk-body" data-testid="series-undated">{format!(
                                "{} {} a status that no dated progress update gives. The chart counts {} at that status only on {}, its last point; before then, by {} dated updates, or as not started.",
                                f.undated,
                                if f.undated == 1 { "action has" } else { "actions have" },
                                if f.undated == 1 { "it" } else { "them" },
                                format_long(as_at),
                                if f.undated == 1 { "its" } else { "their" },
                            )}</p>
                        })}
                        <Legend chart="months-legend" />
                        <details class="govuk-details">
                            <summary class="govuk-details__summary"><span class="govuk-details__summary-text">"The figures for each month"</span></summary>
                            <div class="govuk-details__text app-scroll" role="region" tabindex="0" aria-label="The figures for each month">
                                <table class="govuk-table" data-testid="month-ends">
                                    <caption class="govuk-table__caption govuk-visually-hidden">"Actions by status at the end of each month"</caption>
                                    <thead class="govuk-table__head"><tr class="govuk-table__row">
                                        <th scope="col" class="govuk-table__header">"Month end"</th>
                                        {Status::STACKED.map(|s| view! { <th scope="col" class="govuk-table__header govuk-table__header--numeric">{s.label()}</th> }).collect_view()}
                                    </tr></thead>
                                    <tbody class="govuk-table__body">
                                        {f.series.iter().map(|m| view! {
                                            <tr class="govuk-table__row">
                                                <th scope="row" class="govuk-table__header">{format_long(m.date)}</th>
                                                {Status::STACKED.map(|s| view! { <td class="govuk-table__cell govuk-table__cell--numeric">{m.counts.get(s)}</td> }).collect_view()}
                                            </tr>
                                        }).collect_view()}
                                    </tbody>
                                </table>
                            </div>
                        </details>
                    }.into_any()
                }}
            }
        })}
    }
}

/// Counts and shares by status, beside the bar. The shares add up to 100%; overdue
/// actions are said apart, below, because each is counted under its status already.
#[component]
fn StatusTable(counts: StatusCounts) -> impl IntoView {
    let total = counts.total();
    view! {
        <table class="govuk-table" data-testid="status-counts">
            <caption class="govuk-table__caption govuk-visually-hidden">"Actions by status"</caption>
            <thead class="govuk-table__head"><tr class="govuk-table__row">
                <th scope="col" class="govuk-table__header">"Status"</th>
                <th scope="col" class="govuk-table__header govuk-table__header--numeric">"Actions"</th>
                <th scope="col" class="govuk-table__header govuk-table__header--numeric">"Share"</th>
            </tr></thead>
            <tbody class="govuk-table__body">
                {Status::STACKED.map(|s| view! {
                    <tr class="govuk-table__row" data-status=s.as_str()>
                        <th scope="row" class="govuk-table__header"><StatusTag status=s /></th>
                        <td class="govuk-table__cell govuk-table__cell--numeric">{counts.get(s)}</td>
                        <td class="govuk-table__cell govuk-table__cell--numeric">{format!("{}%", counts.share(s))}</td>
                    </tr>
                }).collect_view()}
                <tr class="govuk-table__row" data-testid="all-actions">
                    <th scope="row" class="govuk-table__header">"All actions"</th>
                    <td class="govuk-table__cell govuk-table__cell--numeric">{total}</td>
                    <td class="govuk-table__cell govuk-table__cell--numeric">{if total == 0 { "0%" } else { "100%" }}</td>
                </tr>
            </tbody>
        </table>
    }
}

/// A list of actions with how late (or how soon) each is.
#[component]
fn ActionList(
    plan_id: String,
    heading: &'static str,
    id: &'static str,
    lines: Vec<ActionLine>,
    days_heading: &'static str,
    empty: &'static str,
) -> impl IntoView {
    let more = lines.len().saturating_sub(LIST_LIMIT);
    view! {
        <h2 class="govuk-heading-m" id=format!("{id}-heading")>{heading}</h2>
        {if lines.is_empty() {
            view! { <p class="govuk-body">{empty}</p> }.into_any()
        } else {
            view! {
                <table class="govuk-table app-stacked" role="table" data-testid=id aria-labelledby=format!("{id}-heading")>
                    <thead class="govuk-table__head" role="rowgroup"><tr class="govuk-table__row" role="row">
                        <th scope="col" class="govuk-table__header app-col-no" role="columnheader">"No."</th>
                        <th scope="col" class="govuk-table__header" role="columnheader">"Action"</th>
                        <th scope="col" class="govuk-table__header app-col-lead" role="columnheader">"Lead"</th>
                        <th scope="col" class="govuk-table__header app-col-date" role="columnheader">"Due"</th>
                        <th scope="col" class="govuk-table__header govuk-table__header--numeric app-col-days" role="columnheader">{days_heading}</th>
                        <th scope="col" class="govuk-table__header app-col-status" role="columnheader">"Status"</th>
                    </tr></thead>
                    <tbody class="govuk-table__body" role="rowgroup">
                        {lines.into_iter().take(LIST_LIMIT).map(|l| {
                            let href = Route::Action { plan: plan_id.clone(), action: l.action_id.clone() }.href();
                            view! {
                                <tr class="govuk-table__row" role="row" data-action-id=l.action_id.clone()>
                                    <td class="govuk-table__cell" role="cell" data-label="Recommendation">{l.recommendation_number.clone()}</td>
                                    <td class="govuk-table__cell app-stacked__title" role="cell" data-label="Action"><div class="app-cell-text"><a class="govuk-link" href=href>{shorten(&l.text, TITLE_CHARS).into_owned()}</a></div></td>
                                    <td class="govuk-table__cell" role="cell" data-label="Lead">{if l.leads.is_empty() { "None named".to_string() } else { l.leads.join("; ") }}</td>
                                    <td class="govuk-table__cell" role="cell" data-label="Due">{l.due.map(format_long).unwrap_or_default()}</td>
                                    <td class="govuk-table__cell govuk-table__cell--numeric" role="cell" data-label=days_heading>{l.days}</td>
                                    <td class="govuk-table__cell app-stacked__first" role="cell" data-label="Status"><StatusTag status=l.status /></td>
                                </tr>
                            }
                        }).collect_view()}
                    </tbody>
                </table>
                {(more > 0).then(|| view! { <p class="govuk-body">{format!("And {more} more. Filter the view to see them.")}</p> })}
            }.into_any()
        }}
    }
}

/// Counts for each theme, group or lead; a lead's name opens their own actions.
#[component]
fn BreakdownTable(
    heading: &'static str,
    id: &'static str,
    rows: Vec<Breakdown>,
    link: Option<Callback<String, String>>,
) -> impl IntoView {
    (!rows.is_empty()).then(|| view! {
        <h2 class="govuk-heading-m" id=format!("{id}-heading")>{heading}</h2>
        // Stacked on a small screen; between that and a wide one, it scrolls in a region
        // that the keyboard can reach and that is named by the heading.
        <div class="app-scroll" role="region" tabindex="0" aria-labelledby=format!("{id}-heading")>
        <table class="govuk-table app-stacked" role="table" data-testid=id aria-labelledby=format!("{id}-heading")>
            <thead class="govuk-table__head" role="rowgroup"><tr class="govuk-table__row" role="row">
                <th scope="col" class="govuk-table__header" role="columnheader">"Name"</th>
                <th scope="col" class="govuk-table__header govuk-table__header--numeric" role="columnheader">"Actions"</th>
                <th scope="col" class="govuk-table__header govuk-table__header--numeric" role="columnheader">"Completed"</th>
                <th scope="col" class="govuk-table__header govuk-table__header--numeric" role="columnheader">"Ongoing"</th>
                <th scope="col" class="govuk-table__header govuk-table__header--numeric" role="columnheader">"In hand"</th>
                <th scope="col" class="govuk-table__header govuk-table__header--numeric" role="columnheader">"Not started"</th>
                <th scope="col" class="govuk-table__header govuk-table__header--numeric app-col-apart" role="columnheader">"Overdue"</th>
            </tr></thead>
            <tbody class="govuk-table__body" role="rowgroup">
                {rows.into_iter().map(|b| {
                    let name = match link {
                        Some(make) => view! { <a class="govuk-link" href=make.run(b.key.clone())>{b.name.clone()}</a> }.into_any(),
                        None => b.name.clone().into_any(),
                    };
                    view! {
                        <tr class="govuk-table__row" role="row">
                            <th scope="row" class="govuk-table__header app-stacked__title" role="rowheader">{name}</th>
                            <td class="govuk-table__cell govuk-table__cell--numeric" role="cell" data-label="Actions">{b.counts.total()}</td>
                            <td class="govuk-table__cell govuk-table__cell--numeric" role="cell" data-label="Completed">{b.counts.get(Status::Completed)}</td>
                            <td class="govuk-table__cell govuk-table__cell--numeric" role="cell" data-label="Ongoing">{b.counts.get(Status::Ongoing)}</td>
                            <td class="govuk-table__cell govuk-table__cell--numeric" role="cell" data-label="In hand">{b.counts.in_hand()}</td>
                            <td class="govuk-table__cell govuk-table__cell--numeric" role="cell" data-label="Not started">{b.counts.get(Status::NotStarted)}</td>
                            <td class="govuk-table__cell govuk-table__cell--numeric app-col-apart" role="cell" data-label="Overdue">{b.overdue}</td>
                        </tr>
                    }
                }).collect_view()}
            </tbody>
        </table>
        </div>
    })
}

/// The reports for the same date and filter (the filters reports take: theme, group and
/// lead), and a lead's own worklist when the view is one lead's.
#[component]
fn ReportLinks(plan_id: String, filter: Filter) -> impl IntoView {
    let here = crate::ui::state::current_address();
    let worklist = (!use_state().published() && filter.leads.len() == 1).then(|| {
        (
            filter.leads[0].clone(),
            Route::LeadActions {
                plan: plan_id.clone(),
                lead: filter.leads[0].clone(),
            }
            .href(),
        )
    });
    view! {
        <nav class="app-report-links" aria-label="Reports for this view" data-testid="report-links">
            <p class="govuk-body">"Reports as at this date, for the same theme, group and lead: "
                {crate::presentation::route::ReportKind::ALL.map(|k| {
                    let href = carried_href(&here, &Route::Report { plan: plan_id.clone(), kind: k });
                    view! { <a class="govuk-link app-report-links__link" href=href>{k.title()}</a>" " }
                }).collect_view()}
            </p>
            {worklist.map(|(lead, href)| view! {
                <p class="govuk-body"><a class="govuk-link" href=href>{format!("Every action led by {lead}, with a quick update for each")}</a></p>
            })}
        </nav>
    }
}
