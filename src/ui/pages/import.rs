//! `#/import`: choose (or drop) a plan file, see what it holds, then open it as a new plan,
//! replace the plan it is a copy of, or merge it. Nothing changes until the officer chooses.

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::browser::random::new_id;
use crate::domain::dates::{format_day_of, format_long, parse_iso};
use crate::domain::{Plan, Problem};
use crate::format::merge::compare;
use crate::format::{import_bytes, Imported};
use crate::presentation::route::Route;
use crate::ui::components::summary_list::SummaryList;
use crate::ui::components::title::set_title;
use crate::ui::state::{navigate, use_state, AppState, PendingImport};

/// Reads a chosen or dropped file, checks it, and shows the import page with the result.
pub fn receive(state: AppState, file: web_sys::File) {
    let name = file.name();
    spawn_local(async move {
        let result = match crate::browser::files::read(&file).await {
            Ok(bytes) => import_bytes(&bytes),
            Err(reason) => Err(vec![Problem::new("file", reason)]),
        };
        state.pending.set(Some(PendingImport { name, result }));
        navigate(&Route::Import);
    });
}

/// Lets a plan file be dropped anywhere on the page, save on the pages that start a plan
/// from a table, which take dropped files themselves.
pub fn accept_drops(state: AppState) {
    let _ = window_event_listener(leptos::ev::dragover, |ev| ev.prevent_default());
    let _ = window_event_listener(leptos::ev::drop, move |ev| {
        ev.prevent_default();
        let route =
            crate::presentation::route::Address::parse(&crate::browser::document::hash()).route;
        if matches!(route, Route::NewFromTable | Route::AddFromTable { .. }) {
            return;
        }
        if let Some(file) = crate::browser::files::dropped(&ev) {
            receive(state, file);
        }
    });
}

#[component]
pub fn ImportPage() -> impl IntoView {
    set_title(&["Import a plan file"]);
    let state = use_state();
    let chosen = move |ev: leptos::ev::Event| {
        if let Some(file) = crate::browser::files::chosen(&ev) {
            receive(state, file);
        }
    };
    view! {
        <h1 class="govuk-heading-l">"Import a plan file"</h1>
        {move || match state.pending.get() {
            None => view! {
                <p class="govuk-body">"A plan file holds a whole action plan. Lead officers send them back with their actions updated; the peer team and other councils send them too."</p>
            }.into_any(),
            Some(PendingImport { name, result: Err(problems) }) => view! { <Refused name=name problems=problems /> }.into_any(),
            Some(PendingImport { name, result: Ok(imported) }) => view! { <Preview name=name imported=imported /> }.into_any(),
        }}
        <div class="govuk-form-group">
            <label class="govuk-label govuk-label--s" for="import-file">"Import plan file"</label>
            <div id="import-file-hint" class="govuk-hint">"A .plan.json file. You can also drop the file anywhere on this page."</div>
            <input class="govuk-file-upload" id="import-file" name="import-file" type="file" accept=".json,application/json"
                aria-describedby="import-file-hint" on:change=chosen />
        </div>
        <p class="govuk-body"><a class="govuk-link" href=Route::HelpPlanFile.href()>"What is a plan file?"</a></p>
    }
}

/// A list from a file is shown this long at most; the whole list is a download.
const SHOWN_MAX: usize = 200;

/// Problems as plain text, one a line, to download when there are too many to show.
fn problems_text(name: &str, problems: &[Problem]) -> String {
    let mut text = format!("{name}\n\n");
    for p in problems {
        text.push_str(&format!("{} {}\n", p.path, p.reason));
    }
    text
}

/// Offers the whole list as a text file when it is longer than the page shows.
#[component]
fn WholeList(name: String, problems: Vec<Problem>, what: &'static str) -> impl IntoView {
    let count = problems.len();
    (count > SHOWN_MAX).then(move || {
        let file = format!(
            "{}-{what}.txt",
            crate::format::export::shorten_slug(&name.replace(['.', ' '], "-"), 80)
        );
        let text = problems_text(&name, &problems);
        view! {
            <p class="govuk-body" data-testid="list-cut">
                {format!("The first {SHOWN_MAX} of {count} are listed. ")}
                <button type="button" class="app-link-button govuk-link" on:click=move |_| {
                    crate::browser::download::download(&file, "text/plain;charset=utf-8", &text);
                }>{format!("Download all {count} as a text file")}</button>
            </p>
        }
    })
}

#[component]
fn Refused(name: String, problems: Vec<Problem>) -> impl IntoView {
    let count = problems.len();
    let all = problems.clone();
    let problems: Vec<Problem> = problems.into_iter().take(SHOWN_MAX).collect();
    view! {
        <div class="govuk-error-summary" data-testid="import-refused">
            <div role="alert">
                <h2 class="govuk-error-summary__title">{format!("“{name}” could not be imported")}</h2>
                <div class="govuk-error-summary__body">
                    <p class="govuk-body">
                        {if count == 1 { "There is a problem with the file. ".to_string() } else { format!("There are {count} problems with the file. ") }}
                        "Nothing in this browser has changed."
                    </p>
                    <ul class="govuk-list govuk-error-summary__list app-problems">
                        {problems.into_iter().map(|p| view! {
                            <li><code class="app-path">{p.path}</code>" "{p.reason}</li>
                        }).collect_view()}
                    </ul>
                    <WholeList name=name.clone() problems=all what="problems" />
                </div>
            </div>
        </div>
    }
}

#[component]
fn Preview(name: String, imported: Imported) -> impl IntoView {
    let state = use_state();
    let library = state.library;
    let plan = imported.plan.clone();
    let updates: usize = plan.actions().map(|(_, a)| a.updates.len()).sum();
    let existing = library.plan_now(&plan.id);
    let exported = imported
        .exported_at
        .as_deref()
        .map(format_day_of)
        .unwrap_or_else(|| "Not recorded".to_string());
    let mut rows: Vec<(String, String)> = [
        ("File", name.clone()),
        ("Council", plan.council.clone()),
        ("Plan", plan.title.clone()),
        ("Recommendations", plan.recommendations.len().to_string()),
        ("Actions", plan.actions().count().to_string()),
        ("Progress updates", updates.to_string()),
        ("Exported", exported),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_string(), v))
    .collect();

    if let Some(lead) = &imported.for_lead {
        rows.push(("A copy for".to_string(), lead.clone()));
    }
    // A plan opened from this file, then changed here and exported, goes back saying
    // which copy it is a return of.
    let origin = imported.export_id.clone();
    let for_lead = imported.for_lead.clone();
    let which_copy = existing
        .as_ref()
        .map(|current| which_copy(library, current, &imported));
    let open_new = {
        let plan = plan.clone();
        let origin = origin.clone();
        let for_lead = for_lead.clone();
        let file = name.clone();
        move |_| {
            let mut plan = plan.clone();
            if library.has(&plan.id) {
                plan.id = new_id("plan");
            }
            let id = plan.id.clone();
            library.add_plan_from_file(plan, origin.clone(), &file);
            state.pending.set(None);
            let (route, message) = opens_on(
                id,
                for_lead.clone(),
                "The plan file was imported as a new plan",
            );
            state.go_with_message(route, message);
        }
    };
    let replace = {
        let plan = plan.clone();
        let origin = origin.clone();
        let for_lead = for_lead.clone();
        let file = name.clone();
        move |_| {
            let id = plan.id.clone();
            if library
                .replace_plan_from_file(plan.clone(), origin.clone(), &file)
                .is_ok()
            {
                state.pending.set(None);
                let (route, message) =
                    opens_on(id, for_lead.clone(), "The plan was replaced by the file");
                state.go_with_message(route, message);
            }
        }
    };
    let cancel = move |_| {
        state.pending.set(None);
        navigate(&Route::Plans);
    };

    let (unknown, to_check): (Vec<Problem>, Vec<Problem>) = imported
        .warnings
        .iter()
        .cloned()
        .partition(|w| w.path == "file" || w.reason.contains("not part of the plan format"));
    view! {
        <h2 class="govuk-heading-m">"What the file holds"</h2>
        <SummaryList rows=rows testid="import-preview" />
        {(!unknown.is_empty()).then(|| view! {
            <div class="govuk-inset-text" data-testid="import-warnings">
                <p class="govuk-body">"Some of the file's contents are not part of the plan format and will be left out:"</p>
                <ul class="govuk-list govuk-list--bullet">
                    {unknown.iter().take(SHOWN_MAX).map(|w| view! { <li><code class="app-path">{w.path.clone()}</code></li> }).collect_view()}
                </ul>
                <WholeList name=name.clone() problems=unknown.clone() what="warnings" />
            </div>
        })}
        {(!to_check.is_empty()).then(|| view! {
            <div class="govuk-warning-text" data-testid="import-dates">
                <span class="govuk-warning-text__icon" aria-hidden="true">"!"</span>
                <div class="govuk-warning-text__text">
                    <span class="govuk-visually-hidden">"Warning"</span>
                    <p class="govuk-body govuk-!-font-weight-bold">"Check these dates: they are kept as the file has them."</p>
                    <ul class="govuk-list govuk-list--bullet">
                        {to_check.iter().take(SHOWN_MAX).map(|w| view! { <li><code class="app-path">{w.path.clone()}</code>" "{w.reason.clone()}</li> }).collect_view()}
                    </ul>
                    <WholeList name=name.clone() problems=to_check.clone() what="dates" />
                </div>
            </div>
        })}
        <h2 class="govuk-heading-m">"What do you want to do?"</h2>
        {existing.map(|current| view! {
            <p class="govuk-body">{format!("This is a copy of “{}”, which is in this browser.", current.title)}</p>
            {which_copy}
            <div class="govuk-button-group">
                <a class="govuk-button" href=Route::ImportMerge.href()>"Merge the changes"</a>
            </div>
            <div class="govuk-warning-text">
                <span class="govuk-warning-text__icon" aria-hidden="true">"!"</span>
                <strong class="govuk-warning-text__text">
                    <span class="govuk-visually-hidden">"Warning"</span>
                    "Replacing the plan puts the file's version in place of this browser's, losing changes made here since it was sent. Undo takes it back."
                </strong>
            </div>
            <div class="govuk-button-group">
                <button type="button" class="govuk-button govuk-button--warning" on:click=replace.clone()>"Replace the plan with the file"</button>
            </div>
        })}
        <div class="govuk-button-group">
            <button type="button" class="govuk-button govuk-button--secondary" on:click=open_new>"Open as a new plan"</button>
            <button type="button" class="govuk-button govuk-button--secondary" on:click=cancel>"Cancel"</button>
        </div>
    }
}

/// Which copy sent a returned file is, how much it changes, and whether a later return of
/// the same copy was already merged.
fn which_copy(
    library: crate::ui::library::Library,
    current: &Plan,
    imported: &Imported,
) -> AnyView {
    let Some((copy, sent)) = library.copy_sent_for(&current.id, imported) else {
        return view! {
            <p class="govuk-body" data-testid="which-copy">"This browser has no record of sending this copy, so it cannot tell who changed what: the merge will show every difference and take nothing unless you choose it."</p>
        }
        .into_any();
    };
    let day = format_day_of;
    let to = if copy.sent_to.is_empty() {
        String::new()
    } else {
        format!(" to {}", copy.sent_to)
    };
    let sentence = match &sent {
        Some(sent) => {
            let changes = compare(Some(sent), current, &imported.plan).changes_in_file();
            format!(
                "This is the copy sent on {}{to}; it changes {changes} {}.",
                day(&copy.exported_at),
                if changes == 1 { "thing" } else { "things" }
            )
        }
        None => format!(
            "This is the copy sent on {}{to}, but this browser no longer holds that copy, so the merge will take nothing unless you choose it.",
            day(&copy.exported_at)
        ),
    };
    let older = copy.newer_return_than(imported.exported_at.as_deref()).map(|newer| {
        format!(
            "A later return of this copy, exported on {}, was merged on {}. This file is older: where it differs from that return, keep this browser's values unless you are sure.",
            newer.exported_at.as_deref().map(day).unwrap_or_default(),
            parse_iso(&newer.merged_on).map(format_long).unwrap_or_default()
        )
    });
    view! {
        <p class="govuk-body" data-testid="which-copy">{sentence}</p>
        {older.map(|text| view! {
            <div class="govuk-warning-text" data-testid="older-copy">
                <span class="govuk-warning-text__icon" aria-hidden="true">"!"</span>
                <strong class="govuk-warning-text__text"><span class="govuk-visually-hidden">"Warning"</span>{text}</strong>
            </div>
        })}
    }
    .into_any()
}

/// Where an imported plan opens: a copy made for a lead opens on that lead's actions.
fn opens_on(plan: String, for_lead: Option<String>, done: &str) -> (Route, String) {
    match for_lead {
        Some(lead) => (
            Route::LeadActions {
                plan,
                lead: lead.clone(),
            },
            format!("{done}. This copy was sent to you as {lead}: here are your actions."),
        ),
        None => (Route::Overview { plan }, done.to_string()),
    }
}
