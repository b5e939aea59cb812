//! `#/plan/<id>/leads`: the plan's leads, each with how their actions stand, a link to
//! their worklist, and "Send to leads": a copy of the whole plan for each lead, opening
//! on their actions, so that what comes back merges as any returned copy does.

use leptos::prelude::*;

use crate::domain::leads::lead_summaries;
use crate::presentation::route::Route;
use crate::ui::components::breadcrumbs::{plan_trail, Breadcrumbs};
use crate::ui::components::title::set_title;
use crate::ui::pages::not_found::WhenFound;
use crate::ui::state::use_state;

#[component]
pub fn LeadsPage(plan_id: String) -> impl IntoView {
    let state = use_state();
    let library = state.library;
    let id = plan_id.clone();
    let sent = RwSignal::new(None::<String>);
    let page = move || {
        let today = state.today.get();
        library.with_plan(&id, |plan| {
            plan.map(|plan| {
                set_title(&["Leads", &plan.title]);
                let leads = lead_summaries(plan, today);
                let plan_id = plan.id.clone();
                let all_id = plan.id.clone();
                let count = leads.len();
                view! {
                    <Breadcrumbs links=plan_trail(&plan.id, &plan.title) current="Leads".to_string() />
                    <span class="govuk-caption-l">{plan.title.clone()}</span>
                    <h1 class="govuk-heading-l">"Leads"</h1>
                    <p class="govuk-body">"Each lead's worklist has their actions, with a quick update for each. To ask leads to update their actions, send each one a copy of the plan: it opens on their actions, and when they send it back you merge it on the Import page. Only their changes are taken."</p>
                    {move || sent.get().map(|m| view! { <div class="govuk-inset-text" role="status" data-testid="sent-message">{m}</div> })}
                    {if leads.is_empty() {
                        view! { <p class="govuk-body" data-testid="no-leads">"No action has a lead yet. Add leads on each action's page."</p> }.into_any()
                    } else {
                        view! {
                            <button type="button" class="govuk-button" data-testid="send-to-leads" on:click=move |_| {
                                let (made, kept) = library.export_for_leads(&all_id);
                                sent.set(Some(match (made, kept) {
                                    (0, _) => "The copies could not be downloaded.".to_string(),
                                    (m, k) if k == m => format!("{m} copies, one for each lead, are in the downloaded .zip file. Each is listed under Copies sent."),
                                    (m, k) => format!("{m} copies, one for each lead, are in the downloaded .zip file, but this browser's storage is full: only {k} are kept under Copies sent. A copy that comes back and is not kept is merged with nothing taken unless you choose it."),
                                }));
                            }>{format!("Send to leads: download {count} copies (.zip)")}</button>
                            <table class="govuk-table app-stacked" role="table" data-testid="leads">
                                <caption class="govuk-table__caption govuk-table__caption--m">{format!("{count} leads")}</caption>
                                <thead class="govuk-table__head" role="rowgroup">
                                    <tr class="govuk-table__row" role="row">
                                        <th scope="col" class="govuk-table__header" role="columnheader">"Lead"</th>
                                        <th scope="col" class="govuk-table__header govuk-table__header--numeric" role="columnheader">"Actions"</th>
                                        <th scope="col" class="govuk-table__header govuk-table__header--numeric" role="columnheader">"Open"</th>
                                        <th scope="col" class="govuk-table__header govuk-table__header--numeric" role="columnheader">"Overdue"</th>
                                        <th scope="col" class="govuk-table__header" role="columnheader">"Their copy"</th>
                                    </tr>
                                </thead>
                                <tbody class="govuk-table__body" role="rowgroup">
                                    {leads.into_iter().map(|l| {
                                        let href = Route::LeadActions { plan: plan_id.clone(), lead: l.lead.clone() }.href();
                                        let (pid, lead) = (plan_id.clone(), l.lead.clone());
                                        let name = l.lead.clone();
                                        view! {
                                            <tr class="govuk-table__row" role="row" data-lead=l.lead.clone()>
                                                <th scope="row" class="govuk-table__header" role="rowheader"><a class="govuk-link" href=href>{l.lead.clone()}</a></th>
                                                <td class="govuk-table__cell govuk-table__cell--numeric" role="cell" data-label="Actions">{l.actions}</td>
                                                <td class="govuk-table__cell govuk-table__cell--numeric" role="cell" data-label="Open">{l.open}</td>
                                                <td class="govuk-table__cell govuk-table__cell--numeric" role="cell" data-label="Overdue">{l.overdue}</td>
                                                <td class="govuk-table__cell" role="cell">
                                                    <button type="button" class="app-link-button govuk-link" on:click=move |_| {
                                                        if library.export_for(&pid, Some(&lead)) {
                                                            sent.set(Some(format!("The copy for {lead} was downloaded. It is listed under Copies sent.")));
                                                        }
                                                    }>"Download"<span class="govuk-visually-hidden">{format!(" the copy for {name}")}</span></button>
                                                </td>
                                            </tr>
                                        }
                                    }).collect_view()}
                                </tbody>
                            </table>
                        }.into_any()
                    }}
                    <p class="govuk-body"><a class="govuk-link" href=Route::CopiesSent { plan: plan.id.clone() }.href()>"Copies sent, and which came back"</a></p>
                }
            })
        })
    };
    view! { <WhenFound plan_id=plan_id>{page.clone()}</WhenFound> }
}
