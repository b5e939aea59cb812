//! The plan's "Key areas of progress" (paragraphs, in order) and its documents (a title
//! and an http(s) address each): change each in place, move or remove it, or add one.

use leptos::prelude::*;

use super::{governance, summarise};
use crate::domain::edit::{Edit, Governance};

use crate::domain::Link;
use crate::ui::components::form::{first_reason, focus_field, NewItemInput, TextField};
use crate::ui::pages::editing::{draft, from_plan, required, typed_web_address, ControlEdits};
use crate::ui::state::use_state;

/// A document's address: required, and http(s) only, as on an action's evidence.
fn check_url(url: String) -> Result<String, String> {
    typed_web_address(url, Some("Enter the document's web address"))
}

/// Moves or removes item `index` of one of the plan's governance lists, showing a refusal
/// in the page's error summary against `control`.
fn list_control(
    plan_id: &str,
    control: String,
    change: impl Fn(&mut Governance) + Clone + 'static,
) -> impl Fn() + Clone + 'static {
    let library = use_state().library;
    let edits = ControlEdits::new(plan_id);
    let plan_id = plan_id.to_string();
    move || {
        let Some(plan) = library.plan_now(&plan_id) else {
            return;
        };
        let mut g = Governance::of(&plan);
        change(&mut g);
        edits.make(&control, Edit::Governance(g), None);
    }
}

/// Swaps an item with the one `by` places from it, when there is one.
fn shift<T>(items: &mut [T], index: usize, down: bool) {
    let other = if down {
        index + 1
    } else {
        index.wrapping_sub(1)
    };
    if index < items.len() && other < items.len() {
        items.swap(index, other);
    }
}

#[component]
pub(super) fn Highlights(plan_id: String) -> impl IntoView {
    let library = use_state().library;
    let count = {
        let id = plan_id.clone();
        Memo::new(move |_| library.with_plan(&id, |p| p.map_or(0, |p| p.highlights.len())))
    };
    let row_plan = StoredValue::new(plan_id.clone());
    let form = draft(&plan_id, None, "new-highlight", "a key area of progress");
    let text = form.field("text");
    let error = RwSignal::new(None::<String>);
    summarise("new-highlight", error);
    let add = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let paragraph = text.get_untracked().trim().to_string();
        if paragraph.is_empty() {
            error.set(Some("Enter the paragraph to add".to_string()));
            return;
        }
        let Some(plan) = library.plan_now(&row_plan.get_value()) else {
            return;
        };
        let mut g = Governance::of(&plan);
        g.highlights.push(paragraph);
        match library.edit(&plan.id, Edit::Governance(g), None) {
            Ok(()) => {
                error.set(None);
                text.set(String::new());
                focus_field("new-highlight");
            }
            Err(p) => error.set(Some(first_reason(p))),
        }
    };
    view! {
        <h2 class="govuk-heading-m">"Key areas of progress"</h2>
        <p class="govuk-body">"A few paragraphs on what has moved most, printed at the top of the progress report, in this order."</p>
        {move || (count.get() == 0).then(|| view! { <p class="govuk-body" data-testid="no-highlights">"There are no paragraphs yet."</p> })}
        <For each=move || 0..count.get() key=|i| *i let:i>
            <HighlightRow plan_id=row_plan.get_value() index=i count=count />
        </For>
        <form class="app-add-form" novalidate data-own-undo="" on:submit=add>
            <NewItemInput id="new-highlight" label="Add a paragraph" value=text error=error multiline=true />
            <button type="submit" class="govuk-button govuk-button--secondary">"Add paragraph"</button>
        </form>
    }
}

#[component]
fn HighlightRow(plan_id: String, index: usize, count: Memo<usize>) -> impl IntoView {
    let field = format!("highlight-{index}");
    let value = from_plan(&plan_id, move |p| {
        p.highlights.get(index).cloned().unwrap_or_default()
    });
    let on_change = governance(&plan_id, field.clone(), move |g, v| {
        let v = required(v, "Enter the paragraph, or remove it")?;
        *g.highlights
            .get_mut(index)
            .ok_or("This paragraph is no longer in the plan")? = v;
        Ok(())
    });
    let up = list_control(&plan_id, field.clone(), move |g| {
        shift(&mut g.highlights, index, false)
    });
    let down = list_control(&plan_id, field.clone(), move |g| {
        shift(&mut g.highlights, index, true)
    });
    let remove = list_control(&plan_id, field.clone(), move |g| {
        if index < g.highlights.len() {
            g.highlights.remove(index);
        }
    });
    let label = format!("Paragraph {}", index + 1);
    let hidden = format!(" paragraph {}", index + 1);
    let (h1, h2, h3) = (hidden.clone(), hidden.clone(), hidden);
    view! {
        <div class="app-list-item" data-testid="highlight">
            <TextField id=field label=label multiline=true value=value on_change=on_change bold_label=true />
            <div class="govuk-button-group">
                <button type="button" class="govuk-button govuk-button--secondary" disabled=move || index == 0
                    on:click=move |_| up()>
                    "Move up"<span class="govuk-visually-hidden">{h1}</span>
                </button>
                <button type="button" class="govuk-button govuk-button--secondary" disabled=move || { index + 1 >= count.get() }
                    on:click=move |_| down()>
                    "Move down"<span class="govuk-visually-hidden">{h2}</span>
                </button>
                <button type="button" class="govuk-button govuk-button--warning" on:click=move |_| remove()>
                    "Remove"<span class="govuk-visually-hidden">{h3}</span>
                </button>
            </div>
        </div>
    }
}

#[component]
pub(super) fn Documents(plan_id: String) -> impl IntoView {
    let library = use_state().library;
    let count = {
        let id = plan_id.clone();
        Memo::new(move |_| library.with_plan(&id, |p| p.map_or(0, |p| p.documents.len())))
    };
    let row_plan = StoredValue::new(plan_id.clone());
    let form = draft(&plan_id, None, "new-document", "a document");
    let title = form.field("title");
    let url = form.field("url");
    let title_error = RwSignal::new(None::<String>);
    let url_error = RwSignal::new(None::<String>);
    summarise("new-document-title", title_error);
    summarise("new-document-url", url_error);
    let add = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let name = title.get_untracked().trim().to_string();
        let address = check_url(url.get_untracked());
        title_error.set(
            name.is_empty()
                .then(|| "Enter the document's title".to_string()),
        );
        url_error.set(address.as_ref().err().cloned());
        let (false, Ok(address)) = (name.is_empty(), address) else {
            return;
        };
        let Some(plan) = library.plan_now(&row_plan.get_value()) else {
            return;
        };
        let mut g = Governance::of(&plan);
        g.documents.push(Link {
            title: name,
            url: address,
        });
        match library.edit(&plan.id, Edit::Governance(g), None) {
            Ok(()) => {
                title.set(String::new());
                url.set(String::new());
                focus_field("new-document-title");
            }
            Err(p) => url_error.set(Some(first_reason(p))),
        }
    };
    view! {
        <h2 class="govuk-heading-m">"Documents"</h2>
        <p class="govuk-body">"Links to the peer team's feedback report, the council's published response and committee papers. Residents see them on the plan's overview."</p>
        {move || (count.get() == 0).then(|| view! { <p class="govuk-body" data-testid="no-documents">"There are no documents yet."</p> })}
        <For each=move || 0..count.get() key=|i| *i let:i>
            <DocumentRow plan_id=row_plan.get_value() index=i />
        </For>
        <form class="app-add-form" novalidate data-own-undo="" on:submit=add>
            <fieldset class="govuk-fieldset">
                <legend class="govuk-fieldset__legend govuk-fieldset__legend--s">"Add a document"</legend>
                <NewItemInput id="new-document-title" label="Title" value=title error=title_error />
                <NewItemInput id="new-document-url" label="Web address (starting https://)" value=url error=url_error />
                <button type="submit" class="govuk-button govuk-button--secondary">"Add document"</button>
            </fieldset>
        </form>
    }
}

#[component]
fn DocumentRow(plan_id: String, index: usize) -> impl IntoView {
    let read = |f: fn(&Link) -> String| {
        from_plan(&plan_id, move |p| {
            p.documents.get(index).map(f).unwrap_or_default()
        })
    };
    let set = |key: &'static str, write: fn(&mut Link, String) -> Result<(), String>| {
        governance(&plan_id, format!("document-{index}-{key}"), move |g, v| {
            write(
                g.documents
                    .get_mut(index)
                    .ok_or("This document is no longer in the plan")?,
                v,
            )
        })
    };
    let title = read(|l| l.title.clone());
    let remove = list_control(&plan_id, format!("document-{index}-url"), move |g| {
        if index < g.documents.len() {
            g.documents.remove(index);
        }
    });
    view! {
        <fieldset class="govuk-fieldset app-list-item" data-testid="document">
            <legend class="govuk-fieldset__legend govuk-fieldset__legend--s">{move || format!("Document {}: {}", index + 1, title.get())}</legend>
            <TextField id=format!("document-{index}-title") label="Title" value=title
                on_change=set("title", |l, v| { l.title = required(v, "Enter the document's title")?; Ok(()) }) />
            <TextField id=format!("document-{index}-url") label="Web address" input_type="url" value=read(|l| l.url.clone())
                on_change=set("url", |l, v| { l.url = check_url(v)?; Ok(()) }) />
            <button type="button" class="govuk-button govuk-button--warning" on:click=move |_| remove()>
                "Remove document"<span class="govuk-visually-hidden">{move || format!(" {}", title.get())}</span>
            </button>
        </fieldset>
    }
}
