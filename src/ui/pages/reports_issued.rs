//! `#/plan/<id>/issued`: the reports the officer recorded as issued, newest first. Each can
//! be reopened as it stood (its own options, as at its own date, which a later change of
//! due date does not alter), compared with now, or removed from the list.

use leptos::prelude::*;

use crate::domain::dates::{format_long, iso};
use crate::domain::edit::{Edit, ListOp};
use crate::domain::{IssuedReport, Status};
use crate::presentation::route::{Address, Query, ReportKind, Route};
use crate::ui::components::breadcrumbs::{plan_trail, Breadcrumbs};
use crate::ui::components::form::{ErrorSummary, FormErrors};
use crate::ui::components::title::set_title;
use crate::ui::pages::editing::ControlEdits;
use crate::ui::pages::not_found::WhenFound;
use crate::ui::state::use_state;

/// What the report recorded, in a line: "32 actions: 10 completed, 2 overdue".
fn recorded(report: &IssuedReport) -> String {
    let f = &report.figures;
    let total = f.total();
    format!(
        "{total} {}: {} completed, {} overdue",
        if total == 1 { "action" } else { "actions" },
        f.count(Status::Completed),
        f.overdue
    )
}

#[component]
pub fn ReportsIssuedPage(plan_id: String) -> impl IntoView {
    let state = use_state();
    FormErrors::provide();
    let edits = ControlEdits::new(&plan_id);
    let id = plan_id.clone();
    let page = move || {
        let edits = edits.clone();
        state.library.with_plan(&id, |plan| {
            plan.map(|plan| {
                set_title(&["Reports issued", &plan.title]);
                let mut reports = plan.reports.clone();
                reports.sort_by_key(|r| std::cmp::Reverse((r.as_at, r.issued)));
                let plan_id = plan.id.clone();
                let today = state.today.get();
                view! {
                    <Breadcrumbs links=plan_trail(&plan.id, &plan.title) current="Reports issued".to_string() />
                    <ErrorSummary />
                    <span class="govuk-caption-l">{plan.title.clone()}</span>
                    <h1 class="govuk-heading-l">"Reports issued"</h1>
                    <p class="govuk-body">"The reports you recorded as issued, with what each reported. Open one to see it as it stood: a report is as at its own date, so a due date moved since does not change it. The next progress report to the same committee lists what changed since the last one."</p>
                    {if reports.is_empty() {
                        view! { <p class="govuk-body" data-testid="no-reports-issued">"No reports have been recorded yet. On a report, choose “Record this report as issued” when it goes to a committee."</p> }.into_any()
                    } else {
                        view! {
                            <table class="govuk-table app-stacked" role="table" data-testid="reports-issued">
                                <caption class="govuk-table__caption govuk-table__caption--m">{format!("{} {} recorded", reports.len(), if reports.len() == 1 { "report" } else { "reports" })}</caption>
                                <thead class="govuk-table__head" role="rowgroup"><tr class="govuk-table__row" role="row">
                                    <th scope="col" class="govuk-table__header" role="columnheader">"Report"</th>
                                    <th scope="col" class="govuk-table__header" role="columnheader">"As at"</th>
                                    <th scope="col" class="govuk-table__header" role="columnheader">"What it reported"</th>
                                    <th scope="col" class="govuk-table__header" role="columnheader">"Recorded"</th>
                                    <th scope="col" class="govuk-table__header" role="columnheader"><span class="govuk-visually-hidden">"Choices"</span></th>
                                </tr></thead>
                                <tbody class="govuk-table__body" role="rowgroup">
                                    {reports.into_iter().map(|r| {
                                        let open = Address {
                                            route: Route::Report { plan: plan_id.clone(), kind: ReportKind::of_issued(r.kind) },
                                            query: Query::parse(&r.address),
                                        }.href();
                                        let mut pairs = vec![("since".to_string(), iso(r.as_at))];
                                        if !r.committee.is_empty() {
                                            pairs.push(("committee".to_string(), r.committee.clone()));
                                        }
                                        let compare_report = Address {
                                            route: Route::Report { plan: plan_id.clone(), kind: ReportKind::Progress },
                                            query: Query::from_pairs(pairs),
                                        }.href();
                                        let compare_view = Address {
                                            route: Route::Dashboard { plan: plan_id.clone() },
                                            query: Query::from_pairs(vec![("since".to_string(), iso(r.as_at))]),
                                        }.href();
                                        let mut name = r.kind.label().to_string();
                                        if !r.committee.is_empty() {
                                            name.push_str(&format!(" to {}", r.committee));
                                        }
                                        if let Some(m) = r.meeting {
                                            name.push_str(&format!(", meeting of {}", format_long(m)));
                                        }
                                        let control = format!("remove-report-{}", r.id);
                                        let (rid, pid, edits) = (r.id.clone(), plan_id.clone(), edits.clone());
                                        let later = r.as_at < today;
                                        let remove = move |_| {
                                            let Some(plan) = state.library.plan_now(&pid) else { return };
                                            if let Some(at) = plan.reports.iter().position(|x| x.id == rid) {
                                                edits.make(&format!("remove-report-{rid}"), Edit::Report(ListOp::Remove(at)), None);
                                            }
                                        };
                                        view! {
                                            <tr class="govuk-table__row" role="row" data-report-id=r.id.clone()>
                                                <td class="govuk-table__cell app-stacked__title" role="cell" data-label="Report">{name.clone()}</td>
                                                <td class="govuk-table__cell" role="cell" data-label="As at">{format_long(r.as_at)}</td>
                                                <td class="govuk-table__cell" role="cell" data-label="What it reported">{recorded(&r)}</td>
                                                <td class="govuk-table__cell" role="cell" data-label="Recorded">{format_long(r.issued)}</td>
                                                <td class="govuk-table__cell" role="cell" data-label="Choices">
                                                    <ul class="govuk-list">
                                                        <li><a class="govuk-link" href=open>"Open as it stood"<span class="govuk-visually-hidden">{format!(": {name}, as at {}", format_long(r.as_at))}</span></a></li>
                                                        {later.then(|| view! {
                                                            <li><a class="govuk-link" href=compare_report.clone()>"Progress report since"<span class="govuk-visually-hidden">{format!(" {}", format_long(r.as_at))}</span></a></li>
                                                            <li><a class="govuk-link" href=compare_view.clone()>"Compare now with it"<span class="govuk-visually-hidden">{format!(": {name}, as at {}", format_long(r.as_at))}</span></a></li>
                                                        })}
                                                        <li><button type="button" class="app-link-button govuk-link" id=control on:click=remove>"Remove from the list"<span class="govuk-visually-hidden">{format!(": {name}, as at {}", format_long(r.as_at))}</span></button></li>
                                                    </ul>
                                                </td>
                                            </tr>
                                        }
                                    }).collect_view()}
                                </tbody>
                            </table>
                        }.into_any()
                    }}
                }
            })
        })
    };
    view! { <WhenFound plan_id=plan_id>{page.clone()}</WhenFound> }
}
