//! `#/import/merge`: what differs between this browser's plan and the returned copy, with
//! a choice for each; progress updates from both are kept. The merge is one undo step.

use std::collections::{HashMap, HashSet};

use leptos::prelude::*;

use crate::domain::merge::{compare, merge, Change, Difference, Side};
use crate::presentation::route::Route;
use crate::ui::components::form::focus_field;
use crate::ui::components::title::set_title;
use crate::ui::state::PendingImport;
use crate::ui::state::{navigate, use_state};

#[component]
pub fn ImportMergePage() -> impl IntoView {
    set_title(&["Merge a returned copy"]);
    let state = use_state();
    let pending = state.pending.get_untracked();
    let Some(PendingImport {
        name,
        result: Ok(imported),
    }) = pending
    else {
        return view! {
            <h1 class="govuk-heading-l">"Merge a returned copy"</h1>
            <p class="govuk-body">"There is no plan file to merge. "<a class="govuk-link" href=Route::Import.href()>"Import a plan file"</a>" first."</p>
        }
        .into_any();
    };
    let theirs = imported.plan;
    let Some(ours) = state.library.plan_now(&theirs.id) else {
        return view! {
            <h1 class="govuk-heading-l">"Merge a returned copy"</h1>
            <p class="govuk-body">"This browser has no plan that the file is a copy of. "<a class="govuk-link" href=Route::Import.href()>"Open it as a new plan"</a>" instead."</p>
        }
        .into_any();
    };
    let base = state.library.base(&ours.id);
    let comparison = compare(base.as_ref(), &ours, &theirs);
    // The officer's choice for each difference: take the file's value or not; `None` is
    // a conflict not yet settled.
    let choices: RwSignal<HashMap<String, Option<bool>>> = RwSignal::new(
        comparison
            .differences
            .iter()
            .map(|d| {
                (
                    d.key.clone(),
                    if d.side == Side::Both {
                        None
                    } else {
                        Some(d.taken_by_default())
                    },
                )
            })
            .collect(),
    );
    let unsettled = RwSignal::new(false);

    // Group differences under their recommendation and action, in plan order.
    let mut groups: Vec<(String, String, Vec<Difference>)> = Vec::new();
    for d in &comparison.differences {
        let action_text = theirs
            .action(&d.action_id)
            .or_else(|| ours.action(&d.action_id))
            .map(|(_, a)| a.text.clone())
            .unwrap_or_default();
        match groups.iter_mut().find(|(_, id, _)| *id == d.action_id) {
            Some(group) => group.2.push(d.clone()),
            None => groups.push((
                format!(
                    "Recommendation {}: {}",
                    d.recommendation_number, action_text
                ),
                d.action_id.clone(),
                vec![d.clone()],
            )),
        }
    }

    let count = comparison.differences.len();
    let summary = format!(
        "{} {}. {} progress {} from the file will be added.",
        count,
        if count == 1 {
            "difference"
        } else {
            "differences"
        },
        comparison.updates_added,
        if comparison.updates_added == 1 {
            "update"
        } else {
            "updates"
        },
    );
    let library = state.library;
    let plan_id = ours.id.clone();
    let do_merge = move |_| {
        let chosen = choices.get_untracked();
        if chosen.values().any(Option::is_none) {
            unsettled.set(true);
            request_animation_frame(|| focus_field("merge-unsettled"));
            return;
        }
        let take: HashSet<String> = chosen
            .into_iter()
            .filter(|(_, c)| *c == Some(true))
            .map(|(k, _)| k)
            .collect();
        let Some(current) = library.plan_now(&plan_id) else {
            return;
        };
        let merged = merge(&current, &theirs, &take);
        match library.replace_plan(merged) {
            Ok(()) => {
                library.keep_base(&theirs);
                state.pending.set(None);
                let route = Route::Overview {
                    plan: plan_id.clone(),
                };
                state.go_with_message(
                    route,
                    format!("The returned copy was merged: {} changes taken", take.len()),
                );
            }
            Err(problems) => {
                state.pending.set(Some(PendingImport {
                    name: name.clone(),
                    result: Err(problems),
                }));
                navigate(&Route::Import);
            }
        }
    };

    view! {
        <span class="govuk-caption-l">{ours.title.clone()}</span>
        <h1 class="govuk-heading-l">"Merge a returned copy"</h1>
        {move || unsettled.get().then(|| view! {
            <div class="govuk-error-summary">
                <div role="alert">
                    <h2 class="govuk-error-summary__title" id="merge-unsettled" tabindex="-1">"There is a problem"</h2>
                    <div class="govuk-error-summary__body">
                        <p class="govuk-body">"Choose which value to keep for each change made in both copies."</p>
                    </div>
                </div>
            </div>
        })}
        <p class="govuk-body-l" data-testid="merge-summary">{summary}</p>
        {base.is_none().then(|| view! {
            <div class="govuk-inset-text">"This browser has no copy of the plan from when it was sent, so it cannot tell who changed what. Choose what to take from the file."</div>
        })}
        {(!comparison.recommendations_only_theirs.is_empty()).then(|| view! {
            <div class="govuk-inset-text">{format!(
                "The file also has recommendations {} that this plan does not. They are not merged: open the file as a new plan to see them.",
                comparison.recommendations_only_theirs.join(", ")
            )}</div>
        })}
        {groups.into_iter().map(|(heading, _, differences)| view! {
            <section class="app-list-item" data-testid="merge-action">
                <h2 class="govuk-heading-s">{heading}</h2>
                {differences.into_iter().map(|d| view! { <DifferenceChoice difference=d choices=choices /> }).collect_view()}
            </section>
        }).collect_view()}
        <div class="govuk-button-group">
            <button type="button" class="govuk-button" on:click=do_merge>"Merge"</button>
            <a class="govuk-link" href=Route::Import.href()>"Back"</a>
        </div>
    }
    .into_any()
}

fn who(side: Side) -> &'static str {
    match side {
        Side::Theirs => "Changed in the file",
        Side::Ours => "Changed in this browser",
        Side::Both => "Changed in both",
        Side::Unknown => "Differs",
    }
}

#[component]
fn DifferenceChoice(
    difference: Difference,
    choices: RwSignal<HashMap<String, Option<bool>>>,
) -> impl IntoView {
    let d = difference;
    let key = d.key.clone();
    let field_id = format!("merge-{}", d.key.replace('/', "-"));
    let what = match &d.change {
        Change::Field(f) => f.label().to_string(),
        Change::ActionOnlyTheirs => "Action only in the file".to_string(),
        Change::ActionOnlyOurs => "Action only in this browser".to_string(),
    };
    let (ours_label, theirs_label) = match &d.change {
        Change::ActionOnlyTheirs => ("Leave it out".to_string(), "Add it".to_string()),
        Change::ActionOnlyOurs => ("Keep it".to_string(), "Remove it".to_string()),
        Change::Field(_) => (
            "Keep this browser's".to_string(),
            "Take the file's".to_string(),
        ),
    };
    let set = move |take: bool| {
        let key = key.clone();
        move |_| {
            choices.update(|c| {
                c.insert(key.clone(), Some(take));
            })
        }
    };
    let current = {
        let key = d.key.clone();
        move || choices.with(|c| c.get(&key).copied().flatten())
    };
    let current_too = current.clone();
    let (ours_id, theirs_id) = (format!("{field_id}-ours"), format!("{field_id}-theirs"));
    view! {
        <div class="govuk-form-group" data-testid="merge-difference" data-key=d.key.clone()>
            <fieldset class="govuk-fieldset">
                <legend class="govuk-fieldset__legend govuk-fieldset__legend--s">{format!("{what} – {}", who(d.side))}</legend>
                <dl class="govuk-summary-list govuk-summary-list--no-border app-side-by-side">
                    <div class="govuk-summary-list__row">
                        <dt class="govuk-summary-list__key">"This browser"</dt>
                        <dd class="govuk-summary-list__value">{if d.ours.is_empty() { "(none)".to_string() } else { d.ours.clone() }}</dd>
                    </div>
                    <div class="govuk-summary-list__row">
                        <dt class="govuk-summary-list__key">"The file"</dt>
                        <dd class="govuk-summary-list__value">{if d.theirs.is_empty() { "(none)".to_string() } else { d.theirs.clone() }}</dd>
                    </div>
                </dl>
                <div class="govuk-radios govuk-radios--small govuk-radios--inline">
                    <div class="govuk-radios__item">
                        <input class="govuk-radios__input" type="radio" id=ours_id.clone() name=field_id.clone()
                            prop:checked=move || current() == Some(false) on:change=set(false) />
                        <label class="govuk-label govuk-radios__label" for=ours_id>{ours_label}</label>
                    </div>
                    <div class="govuk-radios__item">
                        <input class="govuk-radios__input" type="radio" id=theirs_id.clone() name=field_id
                            prop:checked=move || current_too() == Some(true) on:change=set(true) />
                        <label class="govuk-label govuk-radios__label" for=theirs_id>{theirs_label}</label>
                    </div>
                </div>
            </fieldset>
        </div>
    }
}
