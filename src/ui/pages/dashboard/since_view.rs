//! The progress view's "what changed": between a day chosen (in the address as `since`)
//! and the view's as-at date, for the actions its theme, group or lead choose; the same
//! lists as the progress report's "Since the last report".

use crate::ui::components::needs_javascript::NeedsJavaScript;
use chrono::NaiveDate;
use leptos::prelude::*;

use crate::domain::dates::{date_from_address, format_long, iso};
use crate::domain::reports::ReportOptions;
use crate::domain::since::since;
use crate::presentation::route::{Address, Query};
use crate::ui::components::form::{DateInput, TypedDate};
use crate::ui::components::since_section::SinceSection;
use crate::ui::state::{current_address, navigate_to, use_state};

#[component]
pub(super) fn SinceView(plan_id: String, as_at: NaiveDate, query: Query) -> impl IntoView {
    let state = use_state();
    let chosen = query.get("since").and_then(|t| date_from_address(t).ok());
    // Offered first: the as-at date of the last report recorded before this view's date.
    let last = state
        .library
        .plan_now(&plan_id)
        .and_then(|p| p.last_report("", as_at).map(|r| r.as_at));
    let typed = TypedDate::new(&chosen.or(last).map(iso).unwrap_or_default());
    let error = RwSignal::new(None::<String>);
    let show = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let day = match typed.required("The “since” date", "the date to show changes since") {
            Ok(day) => day,
            Err(e) => {
                error.set(Some(e));
                return;
            }
        };
        error.set(None);
        let here = current_address();
        let mut pairs: Vec<(String, String)> = here
            .query
            .pairs()
            .filter(|(k, _)| *k != "since" && *k != "as_at")
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        pairs.insert(0, ("as_at".to_string(), iso(as_at)));
        pairs.push(("since".to_string(), iso(day)));
        navigate_to(&Address {
            route: here.route,
            query: Query::from_pairs(pairs),
        });
    };
    let options = ReportOptions::from_pairs(query.pairs().collect::<Vec<_>>());
    let section = move || {
        let day = chosen?;
        if day >= as_at {
            return Some(
                view! {
                    <p class="govuk-body" data-testid="since-none">{format!("Choose a day before {} to see what changed after it.", format_long(as_at))}</p>
                }
                .into_any(),
            );
        }
        state.library.with_plan(&plan_id, |plan| {
            let plan = plan?;
            let from = plan
                .reports
                .iter()
                .filter(|r| r.as_at == day)
                .max_by_key(|r| r.issued)
                .cloned();
            let changes = since(
                plan,
                &options,
                day,
                as_at,
                from.as_ref().map(|r| &r.figures),
            );
            Some(view! { <SinceSection since=changes from=from /> }.into_any())
        })
    };
    view! {
        <form class="app-filter" novalidate data-own-undo="" on:submit=show data-testid="since-form">
            <h2 class="govuk-heading-s">"What changed"</h2>
            <NeedsJavaScript what="Listing what changed" />
            <DateInput id="since-date" legend="Changes since" hint=format!("Lists what changed after this date, up to {}.", format_long(as_at)) typed=typed error=error />
            <button type="submit" class="govuk-button govuk-button--secondary">"List what changed"</button>
        </form>
        {section}
    }
}
