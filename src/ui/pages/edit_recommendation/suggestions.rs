//! What a later review suggested under the recommendation, numbered as the LGA numbers
//! them (4.1, 4.2): each noted, or with actions that follow from it (chosen on the action's
//! page), and what difference the recommendation has made.

use leptos::prelude::*;

use crate::domain::edit::{Edit, ListOp};
use crate::domain::suggestions::next_number;
use crate::domain::{Plan, Suggestion};
use crate::ui::components::form::{NewItemInput, TextField};
use crate::ui::pages::editing::{change, from_plan, ControlEdits};
use crate::ui::state::use_state;

fn suggestion_edit(
    plan: &Plan,
    rec: &str,
    id: &str,
    write: impl FnOnce(&mut Suggestion) -> Result<(), String>,
) -> Result<Edit, String> {
    let r = plan
        .recommendation(rec)
        .ok_or("This recommendation is no longer in the plan")?;
    let at = r
        .suggestions
        .iter()
        .position(|s| s.id == id)
        .ok_or("This suggestion is no longer in the plan")?;
    let mut s = r.suggestions[at].clone();
    write(&mut s)?;
    Ok(Edit::Suggestion {
        recommendation: rec.to_string(),
        op: ListOp::Replace(at, s),
    })
}

#[component]
pub(super) fn Suggestions(plan_id: String, recommendation_id: String) -> impl IntoView {
    let ids = {
        let rid = recommendation_id.clone();
        from_plan(&plan_id, move |p| {
            p.recommendation(&rid)
                .map(|r| {
                    r.suggestions
                        .iter()
                        .map(|s| s.id.clone())
                        .collect::<Vec<_>>()
                })
                .unwrap_or_default()
        })
    };
    let reviews = from_plan(&plan_id, |p| {
        p.later_reviews
            .iter()
            .map(|r| {
                let when = r
                    .review
                    .onsite_from
                    .map(crate::domain::dates::format_long)
                    .unwrap_or_default();
                (
                    r.id.clone(),
                    format!("{} {when}", r.review.kind.label())
                        .trim()
                        .to_string(),
                )
            })
            .collect::<Vec<_>>()
    });
    // Kept as a draft while the officer goes elsewhere, as every add form is.
    let form = crate::ui::pages::editing::draft(
        &plan_id,
        Some(&recommendation_id),
        "new-suggestion",
        "a suggestion",
    );
    let text = form.field("text");
    let number = form.field("number");
    let error = RwSignal::new(None::<String>);
    let next = {
        let rid = recommendation_id.clone();
        from_plan(&plan_id, move |p| {
            p.recommendation(&rid).map(next_number).unwrap_or_default()
        })
    };
    let add = {
        let edits = ControlEdits::new(&plan_id);
        let rid = recommendation_id.clone();
        move |ev: leptos::ev::SubmitEvent| {
            ev.prevent_default();
            let words = text.get_untracked().trim().to_string();
            if words.is_empty() {
                error.set(Some(
                    "Enter the suggestion, in the peers' words".to_string(),
                ));
                return;
            }
            error.set(None);
            let typed = number.get_untracked().trim().to_string();
            let suggestion = Suggestion {
                id: crate::browser::random::new_id("s"),
                number: if typed.is_empty() {
                    next.get_untracked()
                } else {
                    typed
                },
                text: words,
                // The newest later review, which is most likely the one that made it.
                review: reviews.get_untracked().last().map(|(id, _)| id.clone()),
                noted: false,
            };
            if edits.make(
                "new-suggestion-text",
                Edit::Suggestion {
                    recommendation: rid.clone(),
                    op: ListOp::Add(suggestion),
                },
                None,
            ) {
                text.set(String::new());
                number.set(String::new());
            }
        }
    };
    let stored = StoredValue::new((plan_id.clone(), recommendation_id.clone()));
    view! {
        <h2 class="govuk-heading-m">"Suggestions from a later review"</h2>
        <p class="govuk-body">"A progress review may suggest more under this recommendation. Add actions that follow from a suggestion as usual, then choose the suggestion on the action's page; or mark it noted."</p>
        <For each=move || ids.get() key=|id| id.clone() let:id>
            <SuggestionRow plan_id=stored.get_value().0 recommendation_id=stored.get_value().1 suggestion_id=id reviews=reviews />
        </For>
        <form class="app-add-form" novalidate data-own-undo="" on:submit=add data-testid="add-suggestion">
            <h3 class="govuk-heading-s">"Add a suggestion"</h3>
            <p class="govuk-hint">{move || format!("Its number: leave the number blank for {}.", next.get())}</p>
            <NewItemInput id="new-suggestion-number" label="Number (optional)" value=number error=RwSignal::new(None) />
            <NewItemInput id="new-suggestion-text" label="The suggestion" value=text error=error multiline=true />
            <button type="submit" class="govuk-button govuk-button--secondary">"Add suggestion"</button>
        </form>
    }
}

#[component]
fn SuggestionRow(
    plan_id: String,
    recommendation_id: String,
    suggestion_id: String,
    reviews: Signal<Vec<(String, String)>>,
) -> impl IntoView {
    let library = use_state().library;
    let read = |f: fn(&Suggestion) -> String| {
        let (rid, sid) = (recommendation_id.clone(), suggestion_id.clone());
        from_plan(&plan_id, move |p| {
            p.recommendation(&rid)
                .and_then(|r| r.suggestions.iter().find(|s| s.id == sid).map(f))
                .unwrap_or_default()
        })
    };
    let set = |key: &str, write: fn(&mut Suggestion, String) -> Result<(), String>| {
        let (rid, sid) = (recommendation_id.clone(), suggestion_id.clone());
        change(
            &plan_id,
            format!("suggestion-{suggestion_id}-{key}"),
            move |plan, v: String| suggestion_edit(plan, &rid, &sid, |s| write(s, v)),
        )
    };
    let number = read(|s| s.number.clone());
    let followed = {
        let (rid, sid) = (recommendation_id.clone(), suggestion_id.clone());
        from_plan(&plan_id, move |p| {
            p.recommendation(&rid)
                .map(|r| {
                    r.actions
                        .iter()
                        .filter(|a| a.suggestion.as_deref() == Some(sid.as_str()))
                        .count()
                })
                .unwrap_or(0)
        })
    };
    let noted = read(|s| s.noted.to_string());
    let review = read(|s| s.review.clone().unwrap_or_default());
    let field = format!("suggestion-{suggestion_id}");
    let set_noted = set("noted", |s, v| {
        s.noted = v == "true";
        Ok(())
    });
    let set_review = set("review", |s, v| {
        s.review = Some(v).filter(|v| !v.is_empty());
        Ok(())
    });
    let remove = {
        let edits = ControlEdits::new(&plan_id);
        let (plan_id, rid, sid, field) = (
            plan_id.clone(),
            recommendation_id.clone(),
            suggestion_id.clone(),
            field.clone(),
        );
        move |_| {
            let Some(plan) = library.plan_now(&plan_id) else {
                return;
            };
            if let Some(at) = plan
                .recommendation(&rid)
                .and_then(|r| r.suggestions.iter().position(|s| s.id == sid))
            {
                edits.make(
                    &format!("{field}-remove"),
                    Edit::Suggestion {
                        recommendation: rid.clone(),
                        op: ListOp::Remove(at),
                    },
                    None,
                );
            }
        }
    };
    view! {
        <fieldset class="govuk-fieldset app-list-item" data-testid="suggestion">
            <legend class="govuk-fieldset__legend govuk-fieldset__legend--s">{move || format!("Suggestion {}", number.get())}</legend>
            <TextField id=format!("{field}-number") label="Number" width="govuk-input--width-5" value=number
                on_change=set("number", |s, v| { if v.trim().is_empty() { return Err("Enter the suggestion's number, such as 4.1".into()) } s.number = v.trim().to_string(); Ok(()) }) />
            <TextField id=format!("{field}-text") label="The suggestion" multiline=true value=read(|s| s.text.clone())
                on_change=set("text", |s, v| { if v.trim().is_empty() { return Err("Enter the suggestion, in the peers' words".into()) } s.text = v; Ok(()) }) />
            <div class="govuk-form-group">
                <label class="govuk-label" for=format!("{field}-review")>"Made by"</label>
                <select class="govuk-select" id=format!("{field}-review") on:change=move |ev| { let _ = set_review.run(event_target_value(&ev)); }>
                    <option value="" selected=move || review.get().is_empty()>"Not recorded"</option>
                    {move || reviews.get().into_iter().map(|(id, name)| {
                        let chosen = id.clone();
                        view! { <option value=id selected=move || review.get() == chosen>{name}</option> }
                    }).collect_view()}
                </select>
            </div>
            <div class="govuk-checkboxes govuk-checkboxes--small govuk-!-margin-bottom-4">
                <div class="govuk-checkboxes__item">
                    <input class="govuk-checkboxes__input" id=format!("{field}-noted") type="checkbox" prop:checked=move || noted.get() == "true"
                        on:change=move |ev| { let _ = set_noted.run(event_target_checked(&ev).to_string()); } />
                    <label class="govuk-label govuk-checkboxes__label" for=format!("{field}-noted")>"Noted, with no actions"</label>
                </div>
            </div>
            <p class="govuk-body">{move || match followed.get() {
                0 => "No action follows from it yet.".to_string(),
                1 => "1 action follows from it.".to_string(),
                n => format!("{n} actions follow from it."),
            }}</p>
            <button type="button" class="govuk-button govuk-button--secondary" id=format!("{field}-remove") on:click=remove>
                "Remove suggestion"<span class="govuk-visually-hidden">{move || format!(" {}", number.get())}</span>
            </button>
        </fieldset>
    }
}
