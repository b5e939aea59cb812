//! The progress view's as-at date and filter: chosen in a form, kept in the address.

use crate::ui::components::needs_javascript::NeedsJavaScript;
use chrono::NaiveDate;
use leptos::prelude::*;

use crate::ui::components::form::{DateInput, TypedDate};

use crate::domain::dates::iso;
use crate::domain::filter::Filter;
use crate::domain::filter::FilterOptions;
use crate::domain::Status;
use crate::presentation::route::{Address, Query, Route};
use crate::ui::state::navigate_to;

/// The as-at date and the filter, which go into the address when shown.
#[component]
pub(super) fn FilterForm(
    plan_id: String,
    as_at: NaiveDate,
    filter: Filter,
    options: FilterOptions,
) -> impl IntoView {
    let date = TypedDate::new(&iso(as_at));
    let statuses = RwSignal::new(filter.statuses.clone());
    let theme = RwSignal::new(filter.themes.first().cloned().unwrap_or_default());
    let group = RwSignal::new(filter.groups.first().cloned().unwrap_or_default());
    let lead = RwSignal::new(filter.leads.first().cloned().unwrap_or_default());
    let overdue = RwSignal::new(filter.overdue);
    let text = RwSignal::new(filter.text.clone());
    let date_error = RwSignal::new(None::<String>);
    let show = {
        let plan_id = plan_id.clone();
        move |ev: leptos::ev::SubmitEvent| {
            ev.prevent_default();
            let day = match date.required("The as-at date", "the as-at date") {
                Ok(day) => day,
                Err(e) => {
                    date_error.set(Some(e));
                    return;
                }
            };
            date_error.set(None);
            let chosen = Filter {
                statuses: statuses.get_untracked(),
                themes: vec![theme.get_untracked()]
                    .into_iter()
                    .filter(|t| !t.is_empty())
                    .collect(),
                groups: vec![group.get_untracked()]
                    .into_iter()
                    .filter(|g| !g.is_empty())
                    .collect(),
                leads: vec![lead.get_untracked()]
                    .into_iter()
                    .filter(|l| !l.is_empty())
                    .collect(),
                overdue: overdue.get_untracked(),
                text: text.get_untracked(),
            };
            let mut pairs = vec![("as_at".to_string(), iso(day))];
            pairs.extend(chosen.pairs());
            navigate_to(&Address {
                route: Route::Dashboard {
                    plan: plan_id.clone(),
                },
                query: Query::from_pairs(pairs),
            });
        }
    };
    let clear = Address {
        route: Route::Dashboard { plan: plan_id },
        query: Query::from_pairs(vec![("as_at".to_string(), iso(as_at))]),
    }
    .href();
    let select = |id: &'static str,
                  label: &'static str,
                  any: &'static str,
                  choices: Vec<(String, String)>,
                  value: RwSignal<String>| {
        view! {
            <div class="govuk-form-group app-filter__field">
                <label class="govuk-label" for=id>{label}</label>
                <select class="govuk-select" id=id name=id on:change=move |ev| value.set(event_target_value(&ev))>
                    <option value="" selected=value.get_untracked().is_empty()>{any}</option>
                    {choices.into_iter().map(|(v, text)| {
                        let selected = value.get_untracked() == v;
                        view! { <option value=v selected=selected>{text}</option> }
                    }).collect_view()}
                </select>
            </div>
        }
    };
    view! {
        <form class="app-filter" novalidate data-own-undo="" on:submit=show data-testid="filter-form">
            <NeedsJavaScript what="Choosing the date and filtering the actions" />
            <DateInput id="as-at" legend="As at" bold=true typed=date error=date_error
                hint="The day the figures are worked out for, such as the date of a committee meeting." />
            <details class="govuk-details" open=!filter.is_empty()>
                <summary class="govuk-details__summary"><span class="govuk-details__summary-text">"Filter the actions"</span></summary>
                <div class="govuk-details__text">
                    <div class="govuk-form-group">
                        <fieldset class="govuk-fieldset">
                            <legend class="govuk-fieldset__legend govuk-fieldset__legend--s">"Status"</legend>
                            <div class="govuk-checkboxes govuk-checkboxes--small app-filter__statuses">
                                {Status::ALL.map(|s| {
                                    let input_id = format!("status-{}", s.as_str());
                                    view! {
                                        <div class="govuk-checkboxes__item">
                                            <input class="govuk-checkboxes__input" id=input_id.clone() type="checkbox" value=s.as_str()
                                                checked=statuses.get_untracked().contains(&s)
                                                on:change=move |ev| statuses.update(|list| {
                                                    list.retain(|x| *x != s);
                                                    if event_target_checked(&ev) { list.push(s); }
                                                }) />
                                            <label class="govuk-label govuk-checkboxes__label" for=input_id>{s.label()}</label>
                                        </div>
                                    }
                                }).collect_view()}
                            </div>
                        </fieldset>
                    </div>
                    {select("filter-theme", "Theme", "Any theme", options.themes, theme)}
                    {select("filter-group", "Group", "Any group", options.groups, group)}
                    {select("filter-lead", "Lead", "Any lead", options.leads.into_iter().map(|l| (l.clone(), l)).collect(), lead)}
                    <div class="govuk-checkboxes govuk-checkboxes--small govuk-!-margin-bottom-4">
                        <div class="govuk-checkboxes__item">
                            <input class="govuk-checkboxes__input" id="filter-overdue" type="checkbox" checked=overdue.get_untracked()
                                on:change=move |ev| overdue.set(event_target_checked(&ev)) />
                            <label class="govuk-label govuk-checkboxes__label" for="filter-overdue">"Only overdue actions"</label>
                        </div>
                    </div>
                    <div class="govuk-form-group">
                        <label class="govuk-label" for="filter-text">"Words"</label>
                        <div id="filter-text-hint" class="govuk-hint">"In the action, its leads, its updates or its recommendation"</div>
                        <input class="govuk-input" id="filter-text" type="search" aria-describedby="filter-text-hint"
                            prop:value=move || text.get() on:input=move |ev| text.set(event_target_value(&ev)) />
                    </div>
                </div>
            </details>
            <div class="govuk-button-group">
                <button type="submit" class="govuk-button">"Show"</button>
                <a class="govuk-link" href=clear>"Clear the filter"</a>
            </div>
        </form>
    }
}
