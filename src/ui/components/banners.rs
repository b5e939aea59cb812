//! What the officer must know about their work, above every page: whether it is saved,
//! storage problems, damaged stored data, a plan changed in two tabs, a newer version of
//! the app, and undo.

use leptos::prelude::*;

use crate::browser::download::download;
use crate::browser::storage::StorageProblem;
use crate::domain::report_options::ReportOptions;
use crate::format::xlsx::SheetsKind;
use crate::presentation::route::Route;
use crate::ui::components::spreadsheet_button::SpreadsheetButton;
use crate::ui::library::{damaged_file_name, SaveStatus, Theirs};
use crate::ui::state::{navigate, use_state};

fn explain(problem: &StorageProblem) -> (&'static str, String) {
    match problem {
        StorageProblem::Unavailable => (
            "This browser is not keeping your plans",
            "Local storage is blocked or switched off in this browser, so changes last only until you close this page. Export your plan to keep a copy.".to_string(),
        ),
        StorageProblem::Full => (
            "This browser's storage is full",
            "Your last change is on screen but was not saved, because the browser's storage for this site is full. Export your plan now to keep a copy, then make room by deleting plans you no longer need.".to_string(),
        ),
        StorageProblem::Failed(detail) => (
            "Your last change was not saved",
            format!("The browser refused to save it ({detail}). It is still on screen: export your plan now to keep a copy."),
        ),
    }
}

/// A GOV.UK notification banner with its own title id. `alert` announces it at once,
/// for news that arrives while the officer is busy elsewhere (another tab's doing).
#[component]
fn Banner(
    id: &'static str,
    #[prop(optional)] success: bool,
    #[prop(optional)] alert: bool,
    #[prop(into)] heading: String,
    children: Children,
) -> impl IntoView {
    // Several banners of one kind can show at once: each needs its own title id.
    let title_id = format!("{id}-title-{}", crate::browser::random::new_id("b"));
    let labelled_by = title_id.clone();
    let class = if success {
        "govuk-notification-banner govuk-notification-banner--success"
    } else {
        "govuk-notification-banner"
    };
    view! {
        <div class=class role=if success || alert { "alert" } else { "region" } aria-labelledby=labelled_by data-testid=id>
            <div class="govuk-notification-banner__header">
                <h2 class="govuk-notification-banner__title" id=title_id>{if success { "Success" } else { "Important" }}</h2>
            </div>
            <div class="govuk-notification-banner__content">
                <p class="govuk-notification-banner__heading">{heading}</p>
                {children()}
            </div>
        </div>
    }
}

/// `update_ready`: a newer build of the app has been deployed and is waiting.
#[component]
pub fn Banners(route: Memo<Route>, update_ready: ReadSignal<bool>) -> impl IntoView {
    let state = use_state();
    // First, so that the site build (where this is known at compile time) leaves every
    // banner out.
    if state.published() {
        return ().into_any();
    }
    let library = state.library;
    let plan_id = Memo::new(move |_| route.get().plan_id().map(str::to_string));

    let storage_problem = move || {
        library.problem.get().map(|problem| {
            let (heading, detail) = explain(&problem);
            let problem = problem.clone();
            let plans: Vec<(String, String)> = library
                .plans
                .with(|p| p.iter().map(|p| (p.id.clone(), p.title.clone())).collect());
            let not_saved = library.not_saved.get();
            view! {
                <Banner id="storage-banner" heading=heading>
                    <p class="govuk-body">{detail}</p>
                    {(problem == StorageProblem::Full).then(|| {
                        let returned = library.returned_copies();
                        (returned > 0).then(|| view! {
                            <p class="govuk-body">{format!(
                                "This browser keeps {returned} {} of your plans that {} already come back and been merged. Removing them makes room; they are not needed again.",
                                if returned == 1 { "copy" } else { "copies" },
                                if returned == 1 { "has" } else { "have" }
                            )}</p>
                            <button type="button" class="govuk-button govuk-button--secondary" on:click=move |_| {
                                library.remove_returned_copies();
                                library.save_now();
                            }>{format!("Remove the {returned} {} that came back", if returned == 1 { "copy" } else { "copies" })}</button>
                        })
                    })}
                    {(!not_saved.is_empty()).then(|| view! {
                        <p class="govuk-body govuk-!-margin-bottom-1">"Not saved:"</p>
                        <ul class="govuk-list govuk-list--bullet" data-testid="not-saved">
                            {not_saved.into_iter().map(|n| view! { <li>"“"{n.title}"”"</li> }).collect_view()}
                        </ul>
                    })}
                    <div class="govuk-button-group">
                        {plans.into_iter().map(|(id, title)| view! {
                            <button type="button" class="govuk-button govuk-button--secondary govuk-!-margin-bottom-0"
                                on:click=move |_| { library.export(&id); }>
                                "Export plan"<span class="govuk-visually-hidden">": "{title.clone()}</span>
                            </button>
                        }).collect_view()}
                    </div>
                </Banner>
            }
        })
    };

    // Only while saving still works: once it fails, the storage problem banner says so.
    let nearly_full = move || {
        let usage = library.usage.get().filter(|u| u.nearly_full())?;
        if library.problem.with(Option::is_some) {
            return None;
        }
        Some(view! {
            <Banner id="space-banner" heading=format!("This browser's storage is {}% full", usage.percent())>
                <p class="govuk-body">"Changes will stop saving when it is full. Export the plans you are not working on, then delete them here to make room."</p>
                <p class="govuk-body"><a class="govuk-link" href=Route::Plans.href()>"Go to your plans"</a></p>
            </Banner>
        })
    };

    let unreadable = move || {
        let entries = library.unreadable.get();
        (!entries.is_empty()).then(|| view! {
            <Banner id="unreadable-banner" heading="Some stored data could not be read">
                <p class="govuk-body">"It has been left exactly as it was, and nothing will be written over it. Download it to keep it, or to send it to someone who can mend it. Once you have it, you can remove it from "<a class="govuk-link" href=Route::Plans.href()>"your plans"</a>"."</p>
                <ul class="govuk-list">
                    {entries.into_iter().map(|entry| {
                        let name = damaged_file_name(&entry.key);
                        let text = entry.text.clone();
                        view! {
                            <li>
                                <p class="govuk-body govuk-!-margin-bottom-1"><strong>{entry.key.clone()}</strong>": "{entry.reason}</p>
                                <button type="button" class="govuk-button govuk-button--secondary govuk-!-margin-bottom-2"
                                    on:click=move |_| { download(&name, "text/plain", &text); }>
                                    "Download the damaged data"<span class="govuk-visually-hidden">" from "{entry.key}</span>
                                </button>
                            </li>
                        }
                    }).collect_view()}
                </ul>
            </Banner>
        })
    };

    let conflicts = move || {
        library.conflicts.get().into_iter().map(|conflict| {
            let (a, b, c) = (conflict.id.clone(), conflict.id.clone(), conflict.id.clone());
            match conflict.theirs {
                Theirs::Plan(theirs) => view! {
                    <Banner id="conflict-banner" alert=true heading=format!("“{}” was also changed in another tab or window", conflict.title)>
                        {(theirs.plan.title != conflict.title).then(|| view! {
                            <p class="govuk-body">{format!("There it is called “{}”.", theirs.plan.title)}</p>
                        })}
                        <p class="govuk-body">"Both copies have changes the other does not. Keep one of them; export both first if you want to compare them."</p>
                        <div class="govuk-button-group">
                            <button type="button" class="govuk-button govuk-!-margin-bottom-0" on:click=move |_| library.keep_mine(&a)>"Keep the version in this tab"</button>
                            <button type="button" class="govuk-button govuk-button--secondary govuk-!-margin-bottom-0" on:click=move |_| library.keep_theirs(&b)>"Keep the other version"</button>
                            <button type="button" class="govuk-button govuk-button--secondary govuk-!-margin-bottom-0" on:click=move |_| library.export_both(&c)>"Export both"</button>
                        </div>
                    </Banner>
                }.into_any(),
                Theirs::Unreadable(_) => view! {
                    <Banner id="conflict-banner" alert=true heading=format!("“{}” was saved in a form this version of the app cannot read", conflict.title)>
                        <p class="govuk-body">"Another tab or window, probably running a newer version of the app, saved this plan. This tab will not write over it unless you choose to. Export both to keep them, then either reload this page to use the newer version, or keep the version in this tab."</p>
                        <div class="govuk-button-group">
                            <button type="button" class="govuk-button govuk-button--secondary govuk-!-margin-bottom-0" on:click=move |_| library.export_both(&c)>"Export both"</button>
                            <button type="button" class="govuk-button govuk-button--warning govuk-!-margin-bottom-0" on:click=move |_| library.keep_mine(&a)>"Keep the version in this tab"</button>
                        </div>
                    </Banner>
                }.into_any(),
            }
        }).collect_view()
    };

    let removed_elsewhere = move || {
        library.removed_elsewhere.get().into_iter().map(|plan| {
            let (a, b, c) = (plan.id.clone(), plan.id.clone(), plan.id.clone());
            let title = plan.title.clone();
            view! {
                <Banner id="removed-banner" alert=true heading=format!("“{}” was deleted in another tab or window", plan.title)>
                    <p class="govuk-body">"It is no longer kept in this browser. This tab still has its copy, with any changes you made here: restore it to keep it, or export it to keep a file."</p>
                    <div class="govuk-button-group">
                        <button type="button" class="govuk-button govuk-!-margin-bottom-0" on:click=move |_| {
                            if let Some(id) = library.restore_removed(&a) {
                                navigate(&Route::Overview { plan: id });
                            }
                        }>"Restore it from this tab"</button>
                        <button type="button" class="govuk-button govuk-button--secondary govuk-!-margin-bottom-0" on:click=move |_| { library.export_removed(&b); }>"Export this tab’s copy"</button>
                        <button type="button" class="govuk-button govuk-button--secondary govuk-!-margin-bottom-0" on:click=move |_| library.dismiss_removed(&c)>
                            "Let it go"<span class="govuk-visually-hidden">": "{title}</span>
                        </button>
                    </div>
                </Banner>
            }
        }).collect_view()
    };

    let notices = move || {
        let notices = library.notices.get();
        (!notices.is_empty()).then(|| view! {
            <Banner id="notice-banner" alert=true heading="Changes from another tab or window">
                <ul class="govuk-list">
                    {notices.into_iter().map(|n| view! { <li>{n}</li> }).collect_view()}
                </ul>
                <button type="button" class="govuk-button govuk-button--secondary govuk-!-margin-bottom-0"
                    on:click=move |_| library.dismiss_notices()>"Dismiss"</button>
            </Banner>
        })
    };

    // Text typed for something not yet added, named on every other page with a link back.
    // Worked out in a memo: typing in a draft, or in any field of the plan, changes what
    // this reads but rarely what it names, and the banner is drawn only when that changes.
    let unfinished = Memo::new(move |_| {
        let here = route.get().href();
        state
            .drafts
            .live(|plan, under| crate::ui::state::place_exists(library, plan, under))
            .into_iter()
            .filter(|d| d.page != here)
            .map(|d| (d.what, d.page))
            .collect::<Vec<_>>()
    });
    let drafts = move || {
        let elsewhere = unfinished.get();
        (!elsewhere.is_empty()).then(|| view! {
            <Banner id="drafts-banner" heading="You have typed something you have not added yet">
                <ul class="govuk-list">
                    {elsewhere.into_iter().map(|(what, page)| view! {
                        <li>{format!("Not added yet: {what}. ")}<a class="govuk-notification-banner__link" href=page>"Go back to it"</a></li>
                    }).collect_view()}
                </ul>
            </Banner>
        })
    };

    let flash = move || {
        state.flash.get().filter(|f| f.route == route.get()).map(|flash| view! {
            <Banner id="flash-banner" success=true heading=flash.message>
                <button type="button" class="govuk-button govuk-button--secondary govuk-!-margin-bottom-0"
                    on:click=move |_| { library.undo(); state.flash.set(None); }>"Undo"</button>
            </Banner>
        })
    };

    let export_note = move || {
        let id = plan_id.get()?;
        let info = library
            .exports
            .with(|e| e.get(&id).cloned())
            .unwrap_or_default();
        let text = info.note();
        let export_id = id.clone();
        let plan = id.clone();
        let copies = Route::CopiesSent { plan: id.clone() }.href();
        Some(view! {
            <span class="app-toolbar__note" data-testid="export-note">{text}</span>
            <a class="govuk-link app-toolbar__link" href=copies>"Copies sent"</a>
            <button type="button" class="govuk-button govuk-button--secondary app-toolbar__button"
                on:click=move |_| { library.export(&export_id); }>"Export plan"</button>
            <button type="button" class="govuk-button govuk-button--secondary app-toolbar__button"
                on:click=move |_| { library.download_csv(&id); }>"Download as CSV"</button>
            <SpreadsheetButton plan=move || library.plan_now(&plan) kind=SheetsKind::AllActions
                as_at=state.today options=ReportOptions::default()
                class="app-toolbar__button" label="Download as Excel" />
        })
    };

    // Never a reload on its own: the officer may be in the middle of typing.
    let update = move || {
        update_ready.get().then(|| view! {
            <Banner id="update-banner" alert=true heading="A new version of this app is ready">
                <p class="govuk-body">"It was put on this site since you opened the page. Your plans stay as they are: reload when you are ready, and anything not yet saved is saved first."</p>
                <button type="button" class="govuk-button govuk-!-margin-bottom-0"
                    on:click=|_| crate::browser::offline::use_new_version()>"Reload to use the new version"</button>
            </Banner>
        })
    };

    view! {
        {update}
        {storage_problem}
        {nearly_full}
        {unreadable}
        {conflicts}
        {removed_elsewhere}
        {notices}
        {drafts}
        {flash}
        <div class="app-toolbar" role="group" aria-label="Changes">
            <button type="button" class="govuk-button govuk-button--secondary app-toolbar__button"
                aria-keyshortcuts="Control+Z Meta+Z"
                disabled=move || !library.can_undo.get() on:click=move |_| library.undo()>"Undo"</button>
            <button type="button" class="govuk-button govuk-button--secondary app-toolbar__button"
                aria-keyshortcuts="Control+Shift+Z Meta+Shift+Z"
                disabled=move || !library.can_redo.get() on:click=move |_| library.redo()>"Redo"</button>
            <span class="app-toolbar__status" role="status" data-testid="undo-said">{move || library.undo_said.get()}</span>
            <span class="app-toolbar__status" role="status" data-testid="save-status">
                {move || match library.save_status.get() {
                    SaveStatus::Saved => "Saved",
                    SaveStatus::Saving => "Saving…",
                    SaveStatus::NotSaved => "Not saved",
                }}
            </span>
            {export_note}
        </div>
    }
    .into_any()
}
