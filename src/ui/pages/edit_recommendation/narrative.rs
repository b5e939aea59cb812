//! The council's account of the whole recommendation: "Progress to date", "Next steps"
//! and the overall rating. What the officer types revises today's entry; on a later day
//! it starts a new one, so each report shows what was said as at its date.

use chrono::NaiveDate;
use leptos::prelude::*;

use crate::domain::dates::format_long;
use crate::domain::edit::{Edit, ListOp};
use crate::domain::{Narrative, Plan, Rating};
use crate::ui::components::form::{RadiosField, TextField};
use crate::ui::pages::editing::{change, from_plan};
use crate::ui::state::use_state;

/// The edit that writes `write` into the narrative as at `today`: today's entry when there
/// is one, else a new entry dated today that starts from the newest.
fn revise(
    plan: &Plan,
    recommendation: &str,
    today: NaiveDate,
    author: &str,
    write: impl FnOnce(&mut Narrative),
) -> Result<Edit, String> {
    let rec = plan
        .recommendation(recommendation)
        .ok_or("This recommendation is no longer in the plan")?;
    let today_at = rec.narrative.iter().rposition(|n| n.date == today);
    let op = match today_at {
        Some(at) => {
            let mut entry = rec.narrative[at].clone();
            write(&mut entry);
            ListOp::Replace(at, entry)
        }
        None => {
            let mut entry = rec
                .narrative_at(today)
                .cloned()
                .unwrap_or_else(|| Narrative {
                    id: String::new(),
                    date: today,
                    progress: String::new(),
                    next_steps: String::new(),
                    rating: None,
                    author: String::new(),
                });
            entry.id = crate::browser::random::new_id("n");
            entry.date = today;
            entry.author = author.to_string();
            write(&mut entry);
            ListOp::Add(entry)
        }
    };
    Ok(Edit::Narrative {
        recommendation: recommendation.to_string(),
        op,
    })
}

#[component]
pub(super) fn NarrativeForm(plan_id: String, recommendation_id: String) -> impl IntoView {
    let today = use_state().today;
    let id = plan_id.as_str();
    let newest = {
        let rid = recommendation_id.clone();
        from_plan(id, move |p| {
            p.recommendation(&rid)
                .and_then(|r| r.narrative_at(today.get()).cloned())
        })
    };
    let scale = from_plan(id, |p| p.rating_scale.clone());
    let set = |key: &'static str, write: fn(&mut Narrative, String)| {
        let rid = recommendation_id.clone();
        change(
            id,
            format!("rec-{recommendation_id}-narrative-{key}"),
            move |plan, v: String| revise(plan, &rid, today.get_untracked(), "", |n| write(n, v)),
        )
    };
    let set_rating = set("rating", |n, v| n.rating = Rating::parse(&v));
    let earlier = {
        let rid = recommendation_id.clone();
        from_plan(id, move |p| {
            let day = today.get();
            p.recommendation(&rid)
                .map(|r| {
                    let newest = r.narrative_at(day).map(|n| n.id.clone());
                    r.narrative
                        .iter()
                        .rev()
                        .filter(|n| Some(&n.id) != newest.as_ref())
                        .cloned()
                        .collect::<Vec<_>>()
                })
                .unwrap_or_default()
        })
    };
    let field = format!("rec-{recommendation_id}-narrative");
    let as_said = move || {
        newest.get().map(|n| {
            if n.date == today.get() {
                "You are revising today's account. On a later day, a change starts a new one and this one is kept.".to_string()
            } else {
                format!(
                    "Last written on {}. A change now starts today's account and keeps that one.",
                    format_long(n.date)
                )
            }
        })
    };
    view! {
        <h2 class="govuk-heading-m" id=format!("{field}-heading")>"Progress on the whole recommendation"</h2>
        <p class="govuk-body">"What the council says about the recommendation as a whole, for the progress report and the committee. Each day's account is kept, so a report as at a past date shows what was said then."</p>
        {move || as_said().map(|text| view! { <p class="govuk-body" data-testid="narrative-when">{text}</p> })}
        <TextField id=format!("{field}-progress") label="Progress to date" multiline=true bold_label=true
            hint="How the recommendation has been addressed so far"
            value=Signal::derive(move || newest.get().map(|n| n.progress).unwrap_or_default())
            on_change=set("progress", |n, v| n.progress = v) />
        <TextField id=format!("{field}-next") label="Next steps" multiline=true bold_label=true
            value=Signal::derive(move || newest.get().map(|n| n.next_steps).unwrap_or_default())
            on_change=set("next", |n, v| n.next_steps = v) />
        {move || scale.get().map(|scale| {
            let mut options: Vec<(String, String)> = vec![(String::new(), "Not rated".to_string())];
            options.extend(scale.choices().into_iter().map(|(r, words)| (r.as_str().to_string(), words)));
            view! {
                <RadiosField id=format!("{field}-rating") legend="Overall rating" options=options
                    value=Signal::derive(move || newest.get().and_then(|n| n.rating).map(|r| r.as_str().to_string()).unwrap_or_default())
                    on_change=set_rating />
            }
        })}
        {move || {
            let earlier = earlier.get();
            (!earlier.is_empty()).then(|| {
                let scale = scale.get();
                view! {
                    <details class="govuk-details" data-testid="narrative-history">
                        <summary class="govuk-details__summary"><span class="govuk-details__summary-text">{format!("Earlier accounts ({})", earlier.len())}</span></summary>
                        <div class="govuk-details__text">
                            {earlier.into_iter().map(|n| {
                                let rating = n.rating.and_then(|r| scale.as_ref().and_then(|s| s.words(r)));
                                view! {
                                    <h3 class="govuk-heading-s">{format_long(n.date)}</h3>
                                    {rating.map(|r| view! { <p class="govuk-body">{format!("Rating: {r}")}</p> })}
                                    {(!n.progress.is_empty()).then(|| view! { <p class="govuk-body app-prewrap"><strong>"Progress to date: "</strong>{n.progress.clone()}</p> })}
                                    {(!n.next_steps.is_empty()).then(|| view! { <p class="govuk-body app-prewrap"><strong>"Next steps: "</strong>{n.next_steps.clone()}</p> })}
                                }
                            }).collect_view()}
                        </div>
                    </details>
                }
            })
        }}
    }
}
