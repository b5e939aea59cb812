//! `#/new/table` and `#/plan/<id>/add-table`: a plan (or more of one) from the table the
//! council already has. The officer pastes it, or chooses or drops a Word or CSV file; the
//! columns are matched to fields (`columns.rs`), and the preview (`preview.rs`) shows what
//! will be created. Nothing is stored until "Create": then it is one undo step.

use leptos::prelude::*;
use leptos::task::spawn_local;

mod columns;
mod preview;

use crate::browser::random::new_id;
use crate::domain::table::{added_to, draft, plan_from_table, Mapping, Table};
use crate::domain::validate::validate;
use crate::format::table::{read_file, read_paste, Tables};
use crate::presentation::route::Route;
use crate::ui::components::form::{focus_field, ErrorSummary, FormErrors};
use crate::ui::components::title::set_title;
use crate::ui::pages::new_plan::{named, Named, PlainInput};
use crate::ui::pages::not_found::WhenFound;
use crate::ui::state::use_state;

/// The tables read from one paste or file.
#[derive(Clone, Debug, PartialEq, Eq)]
struct Source {
    /// "The paste", or the file's name.
    name: String,
    tables: Vec<Table>,
    cut: bool,
}

#[component]
pub fn FromTablePage(plan_id: Option<String>) -> impl IntoView {
    match plan_id {
        Some(id) => view! {
            <WhenFound plan_id=id.clone()>
                <FromTable plan_id=Some(id.clone()) />
            </WhenFound>
        }
        .into_any(),
        None => view! { <FromTable plan_id=None /> }.into_any(),
    }
}

/// The first guess for a table's columns.
fn guessed(table: Option<&Table>) -> Mapping {
    table.map(Mapping::guessed).unwrap_or_default()
}

/// Preview ids: the real ones are made on "Create".
fn counting() -> impl FnMut(&str) -> String {
    let mut n = 0u64;
    move |prefix| {
        n += 1;
        format!("{prefix}-{n}")
    }
}

#[component]
fn FromTable(plan_id: Option<String>) -> impl IntoView {
    let adding = plan_id.is_some();
    let state = use_state();
    let library = state.library;
    let heading = if adding {
        "Add recommendations from a table"
    } else {
        "Start a plan from a table"
    };
    set_title(&[heading]);
    let errors = FormErrors::provide();
    let source = RwSignal::new(None::<Source>);
    let refusal = RwSignal::new(None::<String>);
    let chosen = RwSignal::new(0usize);
    let mapping = RwSignal::new(Mapping::default());
    let status = RwSignal::new(String::new());

    let take = move |result: Result<Tables, String>, name: String| match result {
        Ok(read) => {
            mapping.set(guessed(read.tables.first()));
            chosen.set(0);
            refusal.set(None);
            let rows = read.tables.first().map(|t| t.rows.len()).unwrap_or(0);
            status.set(if read.tables.len() == 1 {
                format!("Read a table of {rows} rows from {name}.")
            } else {
                format!("Read {} tables from {name}.", read.tables.len())
            });
            source.set(Some(Source {
                name,
                tables: read.tables,
                cut: read.cut,
            }));
        }
        Err(reason) => {
            source.set(None);
            status.set(String::new());
            refusal.set(Some(reason));
            request_animation_frame(|| focus_field("table-refused-title"));
        }
    };
    let receive = move |file: web_sys::File| {
        let name = file.name();
        status.set(format!("Reading {name}…"));
        spawn_local(async move {
            let result = match crate::browser::files::read_up_to(&file, "a table's file").await {
                Ok(bytes) => read_file(&name, &bytes),
                Err(reason) => Err(format!("“{name}” {reason}.")),
            };
            take(result, name);
        });
    };
    let pasted = move |ev: web_sys::ClipboardEvent| {
        ev.prevent_default();
        let (html, text) = crate::browser::files::pasted(&ev);
        take(read_paste(&html, &text), "the paste".to_string());
    };
    let chose = move |ev: leptos::ev::Event| {
        if let Some(file) = crate::browser::files::chosen(&ev) {
            receive(file);
        }
    };
    let dropping = window_event_listener(leptos::ev::drop, move |ev| {
        ev.prevent_default();
        if let Some(file) = crate::browser::files::dropped(&ev) {
            receive(file);
        }
    });
    on_cleanup(move || dropping.remove());

    let table = Memo::new(move |_| {
        source.with(|s| s.as_ref().and_then(|s| s.tables.get(chosen.get()).cloned()))
    });
    let drafted = Memo::new(move |_| {
        let mapping = mapping.get();
        table.with(|t| t.as_ref().map(|t| draft(t, &mapping, &mut counting())))
    });

    let council = Named::new(RwSignal::new(String::new()));
    let title = Named::new(RwSignal::new(String::new()));
    let problems = RwSignal::new(Vec::<String>::new());
    let plan_for_create = plan_id.clone();
    let create = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(table) = table.get_untracked() else {
            return;
        };
        let Ok(drafted) = draft(&table, &mapping.get_untracked(), &mut |prefix| {
            new_id(prefix)
        }) else {
            return;
        };
        let plan = match &plan_for_create {
            Some(id) => {
                let Some(current) = library.plan_now(id) else {
                    return;
                };
                added_to(&current, &drafted)
            }
            None => {
                let Some((council_text, title_text)) = named(council, title, errors) else {
                    return;
                };
                plan_from_table(new_id("plan"), council_text, title_text, &drafted)
            }
        };
        let found = validate(&plan);
        if !found.is_empty() {
            problems.set(
                found
                    .into_iter()
                    .take(20)
                    .map(|p| format!("{} {}", p.path, p.reason))
                    .collect(),
            );
            return;
        }
        let counts = format!(
            "{} and {}",
            preview::count(drafted.recommendations.len(), "recommendation"),
            preview::count(drafted.action_count(), "action")
        );
        let id = plan.id.clone();
        let done = if plan_for_create.is_some() {
            match library.replace_plan(plan) {
                Ok(()) => format!("{counts} were added from the table"),
                Err(refused) => {
                    problems.set(
                        refused
                            .into_iter()
                            .map(|p| format!("{} {}", p.path, p.reason))
                            .collect(),
                    );
                    return;
                }
            }
        } else {
            library.add_plan(plan);
            format!("The plan was created from the table, with {counts}")
        };
        state.go_with_message(Route::Recommendations { plan: id }, done);
    };

    let cancel = match &plan_id {
        Some(id) => Route::Overview { plan: id.clone() },
        None => Route::Plans,
    }
    .href();
    let cancel_too = cancel.clone();
    view! {
        <ErrorSummary />
        {plan_id.clone().map(|id| {
            let caption = move || library.with_plan(&id, |p| p.map(|p| p.title.clone()).unwrap_or_default());
            view! { <span class="govuk-caption-l">{caption}</span> }
        })}
        <h1 class="govuk-heading-l">{heading}</h1>
        <p class="govuk-body">"Your action plan is probably a table already: in a committee paper, a spreadsheet or on your website. Paste it here, or choose the file, and check what it gives before anything is created."</p>
        {move || refusal.get().map(|reason| view! {
            <div class="govuk-error-summary" data-testid="table-refused">
                <div role="alert">
                    <h2 class="govuk-error-summary__title" id="table-refused-title" tabindex="-1">"The table could not be read"</h2>
                    <div class="govuk-error-summary__body">
                        <p class="govuk-body">{reason}</p>
                        <p class="govuk-body">"Nothing in this browser has changed."</p>
                    </div>
                </div>
            </div>
        })}
        <div class="govuk-form-group">
            <label class="govuk-label govuk-label--m" for="table-paste">"Paste the table here"</label>
            <div id="table-paste-hint" class="govuk-hint">"Select the whole table in Word, Excel, LibreOffice or a web page, copy it, then click in this box and paste (Ctrl+V, or Command+V on a Mac)."</div>
            <textarea class="govuk-textarea" id="table-paste" name="table-paste" rows="3"
                aria-describedby="table-paste-hint" on:paste=pasted></textarea>
        </div>
        <div class="govuk-form-group">
            <label class="govuk-label govuk-label--m" for="table-file">"Or choose a file"</label>
            <div id="table-file-hint" class="govuk-hint">"A Word document (.docx), an Excel workbook (.xlsx) or a CSV file. You can also drop the file anywhere on this page."</div>
            <input class="govuk-file-upload" id="table-file" name="table-file" type="file"
                accept=".docx,.xlsx,.csv,.tsv,.txt,.html,.htm" aria-describedby="table-file-hint" on:change=chose />
        </div>
        <p class="govuk-body" role="status" data-testid="table-status">{move || status.get()}</p>
        {move || source.with(|s| s.as_ref().map(|s| {
            let many = s.tables.len() > 1;
            let cut = s.cut;
            let options: Vec<(usize, String)> = s.tables.iter().enumerate().map(|(i, t)| {
                let start: String = t.rows.first().map(|r| r.iter().map(|c| c.text()).collect::<Vec<_>>().join(", ")).unwrap_or_default().chars().take(60).collect();
                (i, format!("Table {}: {} rows, starting “{start}”", i + 1, t.rows.len()))
            }).collect();
            view! {
                {cut.then(|| view! {
                    <crate::ui::components::warning_text::WarningText text="The table is very large: only its first 100,000 rows (or first million cells) were read." />
                })}
                {many.then(|| view! {
                    <div class="govuk-form-group">
                        <label class="govuk-label govuk-label--s" for="table-choice">"Which table?"</label>
                        <div id="table-choice-hint" class="govuk-hint">"The document has more than one table."</div>
                        <select class="govuk-select" id="table-choice" aria-describedby="table-choice-hint" on:change=move |ev| {
                            if let Ok(i) = event_target_value(&ev).parse::<usize>() {
                                chosen.set(i);
                                mapping.set(guessed(source.with_untracked(|s| s.as_ref().and_then(|s| s.tables.get(i).cloned())).as_ref()));
                            }
                        }>
                            {options.into_iter().map(|(i, label)| view! { <option value=i.to_string() selected=move || chosen.get() == i>{label}</option> }).collect_view()}
                        </select>
                    </div>
                })}
            }
        }))}
        {move || table.get().map(|t| view! { <columns::Columns table=t mapping=mapping drafted=drafted /> })}
        {move || drafted.get().map(|d| view! { <preview::Preview drafted=d /> })}
        {move || {
            let ready = drafted.with(|d| matches!(d, Some(Ok(d)) if !d.recommendations.is_empty()));
            ready.then(|| view! {
                <form novalidate data-own-undo="" on:submit=create.clone()>
                    <h2 class="govuk-heading-m">{if adding { "Add them to the plan" } else { "Create the plan" }}</h2>
                    {(!adding).then(|| view! {
                        <PlainInput id="council" label="Council" hint="As the report names it, for example London Borough of Havering" value=council.text error=council.error />
                        <PlainInput id="title" label="Title of the plan" hint="For example Corporate Peer Challenge 2025: action plan" value=title.text error=title.error />
                    })}
                    {move || (!problems.get().is_empty()).then(|| view! {
                        <div class="govuk-error-summary" data-testid="table-problems">
                            <div role="alert">
                                <h2 class="govuk-error-summary__title">"The plan would break the plan format's rules"</h2>
                                <div class="govuk-error-summary__body">
                                    <ul class="govuk-list govuk-error-summary__list">
                                        {problems.get().into_iter().map(|p| view! { <li>{p}</li> }).collect_view()}
                                    </ul>
                                </div>
                            </div>
                        </div>
                    })}
                    <div class="govuk-button-group">
                        <button type="submit" class="govuk-button">{if adding { "Add to the plan" } else { "Create the plan" }}</button>
                        <a class="govuk-link" href=cancel.clone()>"Cancel"</a>
                    </div>
                </form>
            })
        }}
        {move || source.with(|s| s.is_none()).then(|| view! {
            <p class="govuk-body"><a class="govuk-link" href=cancel_too.clone()>"Cancel"</a></p>
        })}
    }
}
