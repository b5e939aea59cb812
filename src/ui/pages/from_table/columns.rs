//! Which field each column holds, and what each status word means: the officer's choices,
//! first guessed from the table. Every change redraws the preview at once.

use leptos::prelude::*;

use crate::domain::table::rows::NotReadable;
use crate::domain::table::{Drafted, Field, Mapping, Table};
use crate::domain::Status;

/// Up to 60 characters of a cell's words, for a label.
fn short(text: &str) -> String {
    let mut cut: String = text.chars().take(60).collect();
    if text.chars().count() > 60 {
        cut.push('…');
    }
    cut
}

#[component]
pub fn Columns(
    table: Table,
    mapping: RwSignal<Mapping>,
    drafted: Memo<Option<Result<Drafted, NotReadable>>>,
) -> impl IntoView {
    let width = table.width();
    let start = mapping.with_untracked(|m| m.start);
    let first_row: Vec<String> = table
        .rows
        .get(start)
        .map(|r| r.iter().map(|c| c.text()).collect())
        .unwrap_or_default();
    // An example of each column's contents, from the first rows under the headings.
    let example = |col: usize| -> String {
        table
            .rows
            .iter()
            .skip(start + 1)
            .filter_map(|r| r.get(col))
            .map(|c| c.text())
            .find(|t| !t.is_empty())
            .map(|t| short(&t))
            .unwrap_or_default()
    };
    let columns: Vec<(usize, String, String)> = (0..width)
        .map(|col| {
            (
                col,
                short(first_row.get(col).map(String::as_str).unwrap_or("")),
                example(col),
            )
        })
        .collect();
    let heading_label = if start == 0 {
        "The first row is the table's headings".to_string()
    } else {
        format!(
            "Row {} is the table's headings (the rows above it are left out)",
            start + 1
        )
    };
    let no_recommendation = move || {
        matches!(
            drafted.get(),
            Some(Err(NotReadable::NoRecommendationColumn))
        )
    };
    view! {
        <h2 class="govuk-heading-m">"Match the columns"</h2>
        {move || no_recommendation().then(|| view! {
            <div class="govuk-error-summary" data-testid="table-no-recommendation">
                <div role="alert">
                    <h2 class="govuk-error-summary__title">"Which column holds the recommendations?"</h2>
                    <div class="govuk-error-summary__body">
                        <p class="govuk-body">"No column's heading looks like a recommendation or its number. Choose below which column holds the recommendations (or their numbers)."</p>
                        <ul class="govuk-list govuk-error-summary__list">
                            <li><a href="#column-1" on:click=|ev| { ev.prevent_default(); crate::ui::components::form::focus_field("column-1"); }>"Choose the recommendation column"</a></li>
                        </ul>
                    </div>
                </div>
            </div>
        })}
        <div class="govuk-form-group">
            <div class="govuk-checkboxes govuk-checkboxes--small">
                <div class="govuk-checkboxes__item">
                    <input class="govuk-checkboxes__input" id="header-row" name="header-row" type="checkbox"
                        prop:checked=move || mapping.with(|m| m.header_row)
                        on:change=move |ev| {
                            let on = event_target_checked(&ev);
                            mapping.update(|m| m.header_row = on);
                        } />
                    <label class="govuk-label govuk-checkboxes__label" for="header-row">{heading_label}</label>
                </div>
            </div>
        </div>
        <div>
            {columns.into_iter().map(|(col, header, example)| {
                let id = format!("column-{}", col + 1);
                let hint_id = format!("{id}-hint");
                let label = if header.is_empty() {
                    format!("Column {}", col + 1)
                } else {
                    format!("Column {}: “{header}”", col + 1)
                };
                let hint = if example.is_empty() { "Empty".to_string() } else { format!("For example: {example}") };
                view! {
                    <div class="govuk-form-group">
                        <label class="govuk-label govuk-label--s" for=id.clone()>{label}</label>
                        <div class="govuk-hint" id=hint_id.clone()>{hint}</div>
                        <select class="govuk-select" id=id name=format!("column-{col}") aria-describedby=hint_id
                            on:change=move |ev| {
                                if let Some(field) = Field::parse(&event_target_value(&ev)) {
                                    mapping.update(|m| choose(m, col, field));
                                }
                            }>
                            {Field::ALL.map(|f| view! {
                                <option value=f.as_str() selected=move || mapping.with(|m| m.fields.get(col).copied().unwrap_or_default() == f)>{f.label()}</option>
                            }).collect_view()}
                        </select>
                    </div>
                }
            }).collect_view()}
        </div>
        {move || drafted.with(|d| match d {
            Some(Ok(d)) if !d.status_words.is_empty() => Some(view! { <StatusWords words=d.status_words.clone() mapping=mapping /> }),
            _ => None,
        })}
    }
}

/// Gives `field` to column `col`. Each field but "Leave out" is one column's: a column
/// that had it is left out.
fn choose(mapping: &mut Mapping, col: usize, field: Field) {
    if mapping.fields.len() <= col {
        mapping.fields.resize(col + 1, Field::Ignored);
    }
    if field != Field::Ignored {
        for f in mapping.fields.iter_mut() {
            if *f == field {
                *f = Field::Ignored;
            }
        }
    }
    mapping.fields[col] = field;
}

#[component]
fn StatusWords(
    words: Vec<crate::domain::table::StatusWord>,
    mapping: RwSignal<Mapping>,
) -> impl IntoView {
    view! {
        <h2 class="govuk-heading-m">"How the statuses are read"</h2>
        <p class="govuk-body">"Each status written in the table is one of the app's statuses. Change any that are read wrongly."</p>
        {words.into_iter().enumerate().map(|(i, word)| {
            let id = format!("status-word-{}", i + 1);
            let hint_id = format!("{id}-hint");
            let key = word.key.clone();
            let hint = format!(
                "{} {}",
                super::preview::count(word.count, "action"),
                if word.known { "" } else { "· Not a status the app knows: read as Not started until you choose" }
            );
            view! {
                <div class="govuk-form-group">
                    <label class="govuk-label govuk-label--s" for=id.clone()>{format!("“{}”", short(&word.written))}</label>
                    <div class="govuk-hint" id=hint_id.clone()>{hint}</div>
                    <select class="govuk-select" id=id aria-describedby=hint_id on:change=move |ev| {
                        if let Some(status) = Status::parse(&event_target_value(&ev)) {
                            let key = key.clone();
                            mapping.update(|m| { m.statuses.insert(key, status); });
                        }
                    }>
                        {Status::ALL.map(|s| view! { <option value=s.as_str() selected=s == word.status>{s.label()}</option> }).collect_view()}
                    </select>
                </div>
            }
        }).collect_view()}
    }
}
