//! `#/plan/<id>/copies`: the copies of the plan this browser sent out, each kept whole so
//! that a copy coming back is merged against exactly what was sent. The officer notes who
//! each went to, sees which came back, and removes old ones to make room.

use leptos::prelude::*;

use crate::domain::dates::{format_day_of, format_long, parse_iso};
use crate::format::sent::SentCopy;
use crate::presentation::route::Route;
use crate::ui::components::title::set_title;
use crate::ui::pages::not_found::WhenFound;
use crate::ui::state::use_state;

fn came_back(copy: &SentCopy) -> String {
    match copy.returned.as_slice() {
        [] => "Not yet".to_string(),
        [only] => format!(
            "Merged {}",
            parse_iso(&only.merged_on)
                .map(format_long)
                .unwrap_or_default()
        ),
        many => format!(
            "{} returns merged, the last on {}",
            many.len(),
            many.last()
                .and_then(|r| parse_iso(&r.merged_on))
                .map(format_long)
                .unwrap_or_default()
        ),
    }
}

#[component]
pub fn CopiesSentPage(plan_id: String) -> impl IntoView {
    let state = use_state();
    let library = state.library;
    let id = plan_id.clone();
    let confirming = RwSignal::new(None::<String>);
    let message = RwSignal::new(None::<String>);
    let page = move || {
        let id = id.clone();
        library.with_plan(&id, |plan| {
            plan.map(|plan| {
                set_title(&["Copies sent", &plan.title]);
                let copies = library.sent_copies(&plan.id);
                let plan_id = plan.id.clone();
                view! {
                    <span class="govuk-caption-l">{plan.title.clone()}</span>
                    <h1 class="govuk-heading-l">"Copies sent"</h1>
                    <p class="govuk-body">"Each time you export the plan, this browser keeps the copy exactly as it went out. When a lead officer sends their copy back, it is merged against the copy they were sent, so only their own changes are taken, whatever order the copies come back in."</p>
                    {move || message.get().map(|m| view! { <div class="govuk-inset-text" role="status" data-testid="copies-message">{m}</div> })}
                    {if copies.is_empty() {
                        view! { <p class="govuk-body" data-testid="no-copies">"No copies have been sent from this browser yet. Use Export plan to send one."</p> }.into_any()
                    } else {
                        view! {
                            <table class="govuk-table" data-testid="copies">
                                <caption class="govuk-table__caption govuk-table__caption--m">{format!("{} {} sent", copies.len(), if copies.len() == 1 { "copy" } else { "copies" })}</caption>
                                <thead class="govuk-table__head">
                                    <tr class="govuk-table__row">
                                        <th scope="col" class="govuk-table__header">"Exported"</th>
                                        <th scope="col" class="govuk-table__header">"Sent to"</th>
                                        <th scope="col" class="govuk-table__header">"Came back"</th>
                                        <th scope="col" class="govuk-table__header"><span class="govuk-visually-hidden">"Remove"</span></th>
                                    </tr>
                                </thead>
                                <tbody class="govuk-table__body">
                                    {copies.into_iter().rev().map(|copy| copy_row(library, plan_id.clone(), copy, confirming, message)).collect_view()}
                                </tbody>
                            </table>
                        }.into_any()
                    }}
                    <p class="govuk-body"><a class="govuk-link" href=Route::Overview { plan: plan.id.clone() }.href()>"Back to the plan"</a></p>
                }
            })
        })
    };
    view! { <WhenFound plan_id=plan_id>{page.clone()}</WhenFound> }
}

fn copy_row(
    library: crate::ui::library::Library,
    plan_id: String,
    copy: SentCopy,
    confirming: RwSignal<Option<String>>,
    message: RwSignal<Option<String>>,
) -> impl IntoView {
    let field = format!("sent-to-{}", copy.export_id);
    let exported = format_day_of(&copy.exported_at);
    let (note_plan, note_export) = (plan_id.clone(), copy.export_id.clone());
    let (ask, confirm) = (copy.export_id.clone(), copy.export_id.clone());
    let shown = copy.export_id.clone();
    let label_exported = exported.clone();
    let came_back_text = came_back(&copy);
    let warning = if copy.returned.is_empty() {
        "It has not come back yet: if it does, it will be merged with nothing taken unless you choose it."
    } else {
        "It has come back and been merged."
    };
    view! {
        <tr class="govuk-table__row" data-export-id=copy.export_id.clone()>
            <td class="govuk-table__cell">{exported.clone()}</td>
            <td class="govuk-table__cell">
                <label class="govuk-label govuk-visually-hidden" for=field.clone()>{format!("Sent to (copy exported {label_exported})")}</label>
                <input class="govuk-input" id=field type="text" autocomplete="off" spellcheck="false"
                    prop:value=copy.sent_to.clone()
                    on:change=move |ev| { library.set_sent_to(&note_plan, &note_export, &event_target_value(&ev)); } />
            </td>
            <td class="govuk-table__cell">{came_back_text}</td>
            <td class="govuk-table__cell">
                <button type="button" class="app-link-button govuk-link"
                    on:click=move |_| { message.set(None); confirming.set(Some(ask.clone())); }>
                    "Remove"<span class="govuk-visually-hidden">{format!(" the copy exported {exported}")}</span>
                </button>
                {move || (confirming.get().as_deref() == Some(shown.as_str())).then(|| {
                    let (plan_id, export_id) = (plan_id.clone(), confirm.clone());
                    view! {
                        <div class="govuk-warning-text govuk-!-margin-top-2">
                            <span class="govuk-warning-text__icon" aria-hidden="true">"!"</span>
                            <strong class="govuk-warning-text__text"><span class="govuk-visually-hidden">"Warning"</span>{warning}</strong>
                        </div>
                        <div class="govuk-button-group">
                            <button type="button" class="govuk-button govuk-button--warning" on:click=move |_| {
                                if library.remove_sent(&plan_id, &export_id) {
                                    confirming.set(None);
                                    message.set(Some("The copy was removed.".to_string()));
                                }
                            }>"Yes, remove it"</button>
                            <button type="button" class="govuk-button govuk-button--secondary" on:click=move |_| confirming.set(None)>"Cancel"</button>
                        </div>
                    }
                })}
            </td>
        </tr>
    }
}
