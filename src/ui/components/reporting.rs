//! How the plan is reported and governed, as the views show it: who is responsible, its
//! documents, the next report due from its schedules, and whether it is closed; and the
//! day a plan's views are as at when the address does not say (a closed plan's closing
//! date).

use chrono::NaiveDate;
use leptos::prelude::*;

use crate::domain::dates::format_long;
use crate::domain::schedule::next_report;
use crate::domain::{Closure, Plan};
use crate::presentation::route::Route;
use crate::ui::state::use_state;

/// "This plan was closed on 31 March 2026 (completed)."
pub fn closed_sentence(closure: &Closure) -> String {
    let outcome = closure.outcome.label();
    let mut chars = outcome.chars();
    let outcome: String = match chars.next() {
        Some(first) => first.to_lowercase().chain(chars).collect(),
        None => String::new(),
    };
    format!(
        "This plan was closed on {} ({outcome}).",
        format_long(closure.date)
    )
}

/// "Cabinet on 30 September 2025": the next report due on or after `day`, from the plan's
/// schedules; none when the plan is closed or has no report to come.
pub fn next_report_text(plan: &Plan, day: NaiveDate) -> Option<String> {
    if plan.closed.is_some() {
        return None;
    }
    next_report(&plan.schedule, day)
        .map(|(date, committee)| format!("{committee} on {}", format_long(date)))
}

/// The day a plan's views are as at when the address gives none: today (a published
/// plan's export day), or the day a closed plan closed. Changes only when that day does, so a view built on it is not
/// rebuilt by every edit.
pub fn default_as_at(plan_id: &str) -> Memo<NaiveDate> {
    let state = use_state();
    let id = plan_id.to_string();
    Memo::new(move |_| {
        let today = state.figures_day();
        state
            .library
            .with_plan(&id, |p| p.map_or(today, |p| p.as_at(today)))
    })
}

/// One line: the next report due (as at today), or that the plan is closed.
#[component]
pub fn NextReportLine(#[prop(into)] plan_id: String) -> impl IntoView {
    let state = use_state();
    let line = Memo::new(move |_| {
        let today = state.today.get();
        state.library.with_plan(&plan_id, |p| {
            p.and_then(|p| match &p.closed {
                Some(c) => Some((None, closed_sentence(c))),
                None => next_report_text(p, today).map(|t| (Some("Next report due: "), t)),
            })
        })
    });
    move || {
        line.get().map(|(label, text)| {
            view! {
                <p class="govuk-body" data-testid="next-report">
                    {label.map(|l| view! { <strong>{l}</strong> })}{text}
                </p>
            }
        })
    }
}

/// The notice at the top of a closed plan's overview, with the note.
pub fn closed_banner(plan: &Plan) -> Option<impl IntoView> {
    plan.closed.as_ref().map(|c| {
        view! {
            <div class="govuk-notification-banner" role="region" aria-labelledby="plan-closed-title" data-testid="plan-closed">
                <div class="govuk-notification-banner__header">
                    <h2 class="govuk-notification-banner__title" id="plan-closed-title">"Closed"</h2>
                </div>
                <div class="govuk-notification-banner__content">
                    <p class="govuk-notification-banner__heading">{closed_sentence(c)}</p>
                    {(!c.note.trim().is_empty()).then(|| view! { <p class="govuk-body">{c.note.clone()}</p> })}
                    <p class="govuk-body">{format!("Its figures stand as at {}.", format_long(c.date))}</p>
                </div>
            </div>
        }
    })
}

/// The overview's part on reporting: who is responsible, the next report due as at
/// `today`, and the documents as links. An officer sees it always, with the link to
/// change it; a published site only its documents, when it has some (who is responsible
/// is near the top of its home page, in `accountability`).
pub fn reporting_section(plan: &Plan, today: NaiveDate, published: bool) -> Option<impl IntoView> {
    let rows: Vec<(&str, String)> = [
        ("Contact officer", plan.contact_officer.trim().to_string()),
        ("Portfolio holder", plan.portfolio_holder.trim().to_string()),
        ("Overseen by", plan.overseen_by.trim().to_string()),
        (
            "Next report due",
            next_report_text(plan, today).unwrap_or_default(),
        ),
    ]
    .into_iter()
    .filter(|(_, v)| !published && !v.is_empty())
    .collect();
    let documents = plan.documents.clone();
    if published && rows.is_empty() && documents.is_empty() {
        return None;
    }
    let edit = Route::EditReporting {
        plan: plan.id.clone(),
    }
    .href();
    let issued = Route::ReportsIssued {
        plan: plan.id.clone(),
    }
    .href();
    let issued_words = match plan.reports.len() {
        0 => "Reports issued: none recorded yet".to_string(),
        1 => "Reports issued: 1 recorded".to_string(),
        n => format!("Reports issued: {n} recorded"),
    };
    Some(view! {
        <h2 class="govuk-heading-m">{if published { "Documents" } else { "Reporting and documents" }}</h2>
        {(!published).then(|| view! {
            <p class="govuk-body"><a class="govuk-link" href=edit>"Change the contacts, documents, rating scale, reporting schedules, or close the plan"</a></p>
            <p class="govuk-body"><a class="govuk-link" href=issued data-testid="reports-issued-link">{issued_words}</a></p>
        })}
        {(!rows.is_empty()).then(|| view! {
            <crate::ui::components::summary_list::SummaryList
                rows=rows.into_iter().map(|(k, v)| (k.to_string(), v)).collect() testid="plan-reporting" />
        })}
        {(!documents.is_empty()).then(|| view! {
            {(!published).then(|| view! { <h3 class="govuk-heading-s">"Documents"</h3> })}
            <ul class="govuk-list govuk-list--bullet" data-testid="plan-documents">
                {documents.into_iter().map(|d| view! {
                    <li><a class="govuk-link" href=d.url rel="noreferrer noopener">{d.title}</a></li>
                }).collect_view()}
            </ul>
        })}
    })
}
