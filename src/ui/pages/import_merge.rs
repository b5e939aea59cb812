//! `#/import/merge`: what differs between this browser's plan and a returned copy, and
//! who changed it since the copy was sent, with a choice for each. The file's own changes
//! start chosen, this browser's start kept, and anything both changed waits for the
//! officer. The merge is one undo step.

use std::collections::{HashMap, HashSet};

use leptos::prelude::*;

use crate::format::merge::{compare, merge, Difference, Kind, Side};
use crate::presentation::route::Route;
use crate::ui::components::form::focus_field;
use crate::ui::components::title::set_title;
use crate::ui::state::PendingImport;
use crate::ui::state::{navigate, use_state};

/// The most differences the page lists.
const LISTED_MAX: usize = 200;

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
    let theirs = imported.plan.clone();
    let Some(ours) = state.library.plan_now(&theirs.id) else {
        return view! {
            <h1 class="govuk-heading-l">"Merge a returned copy"</h1>
            <p class="govuk-body">"This browser has no plan that the file is a copy of. "<a class="govuk-link" href=Route::Import.href()>"Open it as a new plan"</a>" instead."</p>
        }
        .into_any();
    };
    let sent = state.library.copy_sent_for(&ours.id, &imported);
    let base = sent.as_ref().and_then(|(_, plan)| plan.clone());
    let comparison = compare(base.as_ref(), &ours, &theirs);
    // The officer's choice for each difference: take the file's or not; `None` waits for
    // the officer (a change on both sides, or a delete against a change).
    let start: HashMap<String, Option<bool>> = comparison
        .differences
        .iter()
        .map(|d| {
            let choice = if d.needs_choice() {
                None
            } else {
                Some(d.taken_by_default())
            };
            (d.key.clone(), choice)
        })
        .collect();
    let choices = RwSignal::new(start);
    let unsettled = RwSignal::new(false);
    // Once every choice is made, the problem is gone.
    Effect::new(move |_| {
        if unsettled.get() && choices.with(|c| c.values().all(Option::is_some)) {
            unsettled.set(false);
        }
    });
    let refused = RwSignal::new(Vec::<String>::new());

    // A file can differ in a million places: the page lists the first ones, those that
    // need a choice first, and says what happens to the rest.
    let mut listed: Vec<&Difference> = comparison
        .differences
        .iter()
        .filter(|d| d.needs_choice())
        .collect();
    listed.extend(comparison.differences.iter().filter(|d| !d.needs_choice()));
    listed.truncate(LISTED_MAX);
    let not_listed = comparison.differences.len() - listed.len();
    // Each listed difference's field id, unique on the page, for the error summary's links.
    let ids: HashMap<String, String> = listed
        .iter()
        .enumerate()
        .map(|(i, d)| (d.key.clone(), field_id(i, &d.key)))
        .collect();
    // What only this browser changed is kept unless the officer says otherwise: it is
    // folded away, below what the file brings.
    let (here_only, from_file): (Vec<&Difference>, Vec<&Difference>) =
        listed.into_iter().partition(|d| d.side == Side::Ours);
    let mut groups: Vec<(String, Vec<Difference>)> = Vec::new();
    for d in from_file {
        match groups.iter_mut().find(|(g, _)| *g == d.group) {
            Some(group) => group.1.push(d.clone()),
            None => groups.push((d.group.clone(), vec![d.clone()])),
        }
    }
    let here_only: Vec<Difference> = here_only.into_iter().cloned().collect();
    // The differences still waiting for a choice, in page order, for the error summary.
    let waiting_list: Vec<(String, String, String)> = comparison
        .differences
        .iter()
        .filter(|d| d.needs_choice())
        .filter_map(|d| {
            let id = ids.get(&d.key)?;
            Some((
                d.key.clone(),
                format!("{id}-ours"),
                format!("{}: {}", d.place, d.what),
            ))
        })
        .collect();

    let count = comparison.differences.len();
    let waiting = comparison
        .differences
        .iter()
        .filter(|d| d.needs_choice())
        .count();
    let summary = match (count, waiting) {
        (0, _) => "The file and this browser's plan are the same: there is nothing to merge.".to_string(),
        (n, 0) => format!("{n} {}. None needs a choice: the file's changes are chosen, and this browser's are kept.", if n == 1 { "difference" } else { "differences" }),
        (n, w) => format!("{n} {}; {w} {} your choice.", if n == 1 { "difference" } else { "differences" }, if w == 1 { "needs" } else { "need" }),
    };
    let library = state.library;
    let plan_id = ours.id.clone();
    let all_keys: Vec<String> = comparison
        .differences
        .iter()
        .map(|d| d.key.clone())
        .collect();
    let set_all = move |take: bool| {
        let keys = all_keys.clone();
        move |_| {
            choices.update(|c| {
                for key in &keys {
                    c.insert(key.clone(), Some(take));
                }
            });
            unsettled.set(false);
        }
    };
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
        let merged = match merge(base.as_ref(), &current, &theirs, &take) {
            Ok(merged) => merged,
            Err(problems) => {
                refused.set(problems.iter().map(ToString::to_string).collect());
                request_animation_frame(|| focus_field("merge-refused"));
                return;
            }
        };
        match library.replace_plan(merged) {
            Ok(()) => {
                if let Some((copy, _)) = &sent {
                    library.mark_returned(
                        &plan_id,
                        &copy.export_id,
                        &imported,
                        state.today.get_untracked(),
                    );
                }
                state.pending.set(None);
                let route = Route::Overview {
                    plan: plan_id.clone(),
                };
                state.go_with_message(
                    route,
                    format!(
                        "The returned copy was merged: {} {} taken from the file",
                        take.len(),
                        if take.len() == 1 { "change" } else { "changes" }
                    ),
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
        {move || unsettled.get().then(|| {
            let open: Vec<(String, String)> = choices.with(|c| {
                waiting_list
                    .iter()
                    .filter(|(key, _, _)| c.get(key).copied().flatten().is_none())
                    .map(|(_, id, label)| (id.clone(), label.clone()))
                    .collect()
            });
            view! {
                <div class="govuk-error-summary" data-testid="merge-error-summary">
                    <div role="alert">
                        <h2 class="govuk-error-summary__title" id="merge-unsettled" tabindex="-1">"There is a problem"</h2>
                        <div class="govuk-error-summary__body">
                            <p class="govuk-body">"Choose which to keep for each change made in both copies, and for each thing deleted in one copy and changed in the other."</p>
                            <ul class="govuk-list govuk-error-summary__list">
                                {open.into_iter().map(|(id, label)| {
                                    let href = format!("#{id}");
                                    view! { <li><a href=href on:click=move |ev| { ev.prevent_default(); focus_field(&id); }>{format!("{label}: choose which to keep")}</a></li> }
                                }).collect_view()}
                            </ul>
                        </div>
                    </div>
                </div>
            }
        })}
        {move || (!refused.get().is_empty()).then(|| view! {
            <div class="govuk-error-summary">
                <div role="alert">
                    <h2 class="govuk-error-summary__title" id="merge-refused" tabindex="-1">"These choices cannot be merged"</h2>
                    <div class="govuk-error-summary__body">
                        <p class="govuk-body">"Together they would make a plan that breaks the format's rules. Nothing has changed; choose differently:"</p>
                        <ul class="govuk-list govuk-error-summary__list">
                            {refused.get().into_iter().map(|p| view! { <li>{p}</li> }).collect_view()}
                        </ul>
                    </div>
                </div>
            </div>
        })}
        <p class="govuk-body-l" data-testid="merge-summary">{summary}</p>
        {(!comparison.has_base).then(|| view! {
            <div class="govuk-inset-text" data-testid="merge-no-base">"This browser does not hold the copy this file was made from, so it cannot tell who changed what. Nothing is taken from the file unless you choose it."</div>
        })}
        {(count > 0).then(|| view! {
            <div class="govuk-button-group">
                <button type="button" class="govuk-button govuk-button--secondary" on:click=set_all(true)>"Take all of the file’s"</button>
                <button type="button" class="govuk-button govuk-button--secondary" on:click=set_all(false)>"Keep all of this browser’s"</button>
            </div>
        })}
        {(not_listed > 0).then(|| view! {
            <div class="govuk-inset-text" data-testid="merge-not-listed">{format!(
                "The first {LISTED_MAX} of {count} differences are listed below. The other {not_listed} keep the choices the page starts with: the file's own changes are taken and this browser's are kept. Use the buttons above to take or keep all of them; any changed in both copies needs one of those buttons."
            )}</div>
        })}
        {groups.into_iter().map(|(heading, differences)| {
            let ids = ids.clone();
            view! {
                <section class="app-list-item" data-testid="merge-group">
                    <h2 class="govuk-heading-m">{heading}</h2>
                    {differences.into_iter().map(|d| {
                        let id = ids.get(&d.key).cloned().unwrap_or_default();
                        view! { <DifferenceChoice difference=d field_id=id choices=choices unsettled=unsettled /> }
                    }).collect_view()}
                </section>
            }
        }).collect_view()}
        {(!here_only.is_empty()).then(|| {
            let ids = ids.clone();
            let n = here_only.len();
            view! {
                <details class="govuk-details" data-testid="merge-here-only">
                    <summary class="govuk-details__summary">
                        <span class="govuk-details__summary-text">{format!(
                            "{n} {} made only in this browser, kept unless you choose otherwise",
                            if n == 1 { "change" } else { "changes" }
                        )}</span>
                    </summary>
                    <div class="govuk-details__text">
                        {here_only.into_iter().map(|d| {
                            let id = ids.get(&d.key).cloned().unwrap_or_default();
                            view! { <DifferenceChoice difference=d field_id=id choices=choices unsettled=unsettled /> }
                        }).collect_view()}
                    </div>
                </details>
            }
        })}
        <div class="govuk-button-group">
            <button type="button" class="govuk-button" on:click=do_merge>"Merge"</button>
            <a class="govuk-link" href=Route::Import.href()>"Back"</a>
        </div>
    }
    .into_any()
}

fn who(d: &Difference) -> &'static str {
    match (d.side, d.kind) {
        (Side::Both, Kind::OnlyOurs) => "Deleted in the file, changed in this browser",
        (Side::Both, Kind::OnlyTheirs) => "Deleted in this browser, changed in the file",
        (Side::Theirs, Kind::OnlyOurs) => "Deleted in the file",
        (Side::Theirs, Kind::OnlyTheirs) => "Added in the file",
        (Side::Ours, Kind::OnlyOurs) => "Added in this browser",
        (Side::Ours, Kind::OnlyTheirs) => "Deleted in this browser",
        (Side::Theirs, _) => "Changed in the file",
        (Side::Ours, _) => "Changed in this browser",
        (Side::Both, _) => "Changed in both",
        (Side::Unknown, Kind::OnlyOurs) => "Only in this browser",
        (Side::Unknown, Kind::OnlyTheirs) => "Only in the file",
        (Side::Unknown, _) => "Differs",
    }
}

/// A difference's field id. Keys hold dots and colons, awkward in a selector, so the id is
/// made of the key's safe characters, with the place on the page to keep it unique.
fn field_id(index: usize, key: &str) -> String {
    let safe: String = key
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
        .collect();
    format!("merge-{index}-{safe}")
}

#[component]
fn DifferenceChoice(
    difference: Difference,
    field_id: String,
    choices: RwSignal<HashMap<String, Option<bool>>>,
    /// Set when Merge was pressed with choices missing: each missing one says so.
    unsettled: RwSignal<bool>,
) -> impl IntoView {
    let d = difference;
    let key = d.key.clone();
    let (ours_label, theirs_label) = match d.kind {
        Kind::OnlyTheirs => ("Leave it out", "Add it"),
        Kind::OnlyOurs => ("Keep it", "Remove it"),
        Kind::Moved => ("Leave it where it is", "Move it"),
        Kind::Order => ("Keep this browser’s order", "Take the file’s order"),
        Kind::Field => ("Keep this browser’s", "Take the file’s"),
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
    let current_three = current.clone();
    let (ours_id, theirs_id) = (format!("{field_id}-ours"), format!("{field_id}-theirs"));
    let shown = |value: &str| {
        if value.is_empty() {
            "(none)".to_string()
        } else {
            value.to_string()
        }
    };
    let lost = d.lost_if_deleted.clone();
    let missing = {
        let current = current.clone();
        move || unsettled.get() && current().is_none()
    };
    let missing_too = missing.clone();
    let error_id = format!("{field_id}-error");
    let described = error_id.clone();
    view! {
        <div class=move || if missing() { "govuk-form-group govuk-form-group--error" } else { "govuk-form-group" }
            data-testid="merge-difference" data-key=d.key.clone()>
            <fieldset class="govuk-fieldset" aria-describedby=move || missing_too().then(|| described.clone())>
                <legend class="govuk-fieldset__legend govuk-fieldset__legend--s">{format!("{}: {} – {}", d.place, d.what, who(&d))}</legend>
                {move || (unsettled.get() && current_three().is_none()).then(|| view! {
                    <p id=error_id.clone() class="govuk-error-message"><span class="govuk-visually-hidden">"Error: "</span>"Choose which to keep"</p>
                })}
                <dl class="govuk-summary-list govuk-summary-list--no-border app-side-by-side">
                    <div class="govuk-summary-list__row">
                        <dt class="govuk-summary-list__key">"This browser"</dt>
                        <dd class="govuk-summary-list__value">{shown(&d.ours)}</dd>
                    </div>
                    <div class="govuk-summary-list__row">
                        <dt class="govuk-summary-list__key">"The file"</dt>
                        <dd class="govuk-summary-list__value">{shown(&d.theirs)}</dd>
                    </div>
                </dl>
                {(!lost.is_empty()).then(|| view! {
                    <div class="govuk-inset-text" data-testid="lost-if-deleted">
                        <p class="govuk-body govuk-!-margin-bottom-1">"Deleting it would lose these changes:"</p>
                        <ul class="govuk-list govuk-list--bullet">
                            {lost.into_iter().map(|line| view! { <li>{line}</li> }).collect_view()}
                        </ul>
                    </div>
                })}
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
