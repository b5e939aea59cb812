//! What the table will give, as it will be created: counts, what could not be placed,
//! what to check, then each recommendation with its actions.

use leptos::prelude::*;

use crate::domain::dates::format_long;
use crate::domain::table::rows::NotReadable;
use crate::domain::table::{Drafted, RowNote};

/// The most actions drawn: a table of thousands would slow the page, and the counts say
/// how many there are.
const SHOWN_MAX: usize = 200;

/// "1 action", "32 actions".
pub fn count(n: usize, word: &str) -> String {
    if n == 1 {
        format!("1 {word}")
    } else {
        format!("{n} {word}s")
    }
}

#[component]
pub fn Preview(drafted: Result<Drafted, NotReadable>) -> impl IntoView {
    let Ok(drafted) = drafted else {
        return ().into_any();
    };
    let recommendations = drafted.recommendations.len();
    let actions = drafted.action_count();
    let group_name = {
        let groups = drafted.groups.clone();
        move |id: &Option<String>| {
            id.as_ref()
                .and_then(|id| groups.iter().find(|g| &g.id == id))
                .map(|g| g.name.clone())
        }
    };
    let mut left = SHOWN_MAX;
    let mut shown = Vec::new();
    for rec in &drafted.recommendations {
        if left == 0 {
            break;
        }
        let take = rec.actions.len().min(left);
        left -= take;
        shown.push((rec.clone(), take));
    }
    view! {
        <h2 class="govuk-heading-m">"What will be created"</h2>
        <p class="govuk-body-l" data-testid="table-counts">
            {format!("{} and {}", count(recommendations, "recommendation"), count(actions, "action"))}
        </p>
        <Notes notes=drafted.not_placed.clone() testid="table-not-placed"
            heading="Left out: these could not be placed" />
        <Notes notes=drafted.checks.clone() testid="table-checks"
            heading="Check these" />
        {(actions > SHOWN_MAX).then(|| view! {
            <p class="govuk-body" data-testid="table-shown-cut">{format!("The first {SHOWN_MAX} of {actions} actions are shown here. All of them will be created.")}</p>
        })}
        <div data-testid="table-preview">
            {shown.into_iter().map(|(rec, take)| {
                let group = group_name(&rec.group);
                let caption = format!("Actions for recommendation {}", rec.number);
                view! {
                    <h3 class="govuk-heading-s govuk-!-margin-bottom-1">{format!("{}. {}", rec.number, rec.title)}</h3>
                    {group.map(|g| view! { <p class="govuk-body-s govuk-!-margin-bottom-1">"Group: "{g}</p> })}
                    {(!rec.context.is_empty()).then(|| view! { <p class="govuk-body-s app-prewrap">{rec.context.clone()}</p> })}
                    <table class="govuk-table app-stacked" role="table">
                        <caption class="govuk-table__caption govuk-visually-hidden">{caption}</caption>
                        <thead class="govuk-table__head" role="rowgroup">
                            <tr class="govuk-table__row" role="row">
                                <th scope="col" class="govuk-table__header" role="columnheader">"Action"</th>
                                <th scope="col" class="govuk-table__header" role="columnheader">"Timescale"</th>
                                <th scope="col" class="govuk-table__header" role="columnheader">"Due"</th>
                                <th scope="col" class="govuk-table__header" role="columnheader">"Lead"</th>
                                <th scope="col" class="govuk-table__header" role="columnheader">"Status"</th>
                            </tr>
                        </thead>
                        <tbody class="govuk-table__body" role="rowgroup">
                            {rec.actions.iter().take(take).map(|a| view! {
                                <tr class="govuk-table__row" role="row">
                                    <td class="govuk-table__cell app-cell-text" role="cell" data-label="Action">{a.text.clone()}</td>
                                    <td class="govuk-table__cell" role="cell" data-label="Timescale">{a.timescale.clone()}</td>
                                    <td class="govuk-table__cell" role="cell" data-label="Due">{a.due.map(format_long).unwrap_or_default()}</td>
                                    <td class="govuk-table__cell" role="cell" data-label="Lead">{a.leads.join("; ")}</td>
                                    <td class="govuk-table__cell" role="cell" data-label="Status">{a.status.label()}</td>
                                </tr>
                            }).collect_view()}
                            {rec.actions.is_empty().then(|| view! {
                                <tr class="govuk-table__row" role="row"><td class="govuk-table__cell" role="cell" colspan="5">"No actions."</td></tr>
                            })}
                        </tbody>
                    </table>
                }
            }).collect_view()}
        </div>
    }
    .into_any()
}

#[component]
fn Notes(notes: Vec<RowNote>, testid: &'static str, heading: &'static str) -> impl IntoView {
    let total = notes.len();
    (!notes.is_empty()).then(|| view! {
        <div class="govuk-inset-text" data-testid=testid>
            <h3 class="govuk-heading-s">{heading}</h3>
            <ul class="govuk-list govuk-list--bullet">
                {notes.into_iter().take(SHOWN_MAX).map(|n| view! {
                    <li>{format!("Row {}: “{}” {}", n.row, n.text, n.reason)}</li>
                }).collect_view()}
            </ul>
            {(total > SHOWN_MAX).then(|| view! { <p class="govuk-body">{format!("and {} more", total - SHOWN_MAX)}</p> })}
        </div>
    })
}
