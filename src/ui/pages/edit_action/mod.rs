//! `#/plan/<id>/actions/<id>/edit`: an action's words, timescale, due date, leads, status,
//! evidence, which recommendation it sits under, and its progress updates.

use leptos::prelude::*;

use crate::ui::pages::editing::visit;

mod due_history;
mod evidence;
mod leads;
pub mod updates;

use due_history::DueMoves;
use evidence::{AddLink, LinkRow};
use leads::{AddLead, LeadRow};
use updates::{AddUpdate, UpdateRow};

use crate::domain::dates::format_long;
use crate::domain::edit::{Edit, ListOp};
use crate::domain::timescale::{suggest, StatusHint};
use crate::domain::{Action, Plan, Status};
use crate::presentation::route::Route;
use crate::ui::components::breadcrumbs::{recommendations_trail, Breadcrumbs};
use crate::ui::components::form::{DateField, ErrorSummary, FormErrors, SelectField, TextField};
use crate::ui::components::title::set_title;
use crate::ui::pages::editing::{
    change, date_text, from_plan, optional_date, required, ControlEdits,
};
use crate::ui::pages::not_found::WhenFound;
use crate::ui::state::use_state;

#[component]
pub fn EditActionPage(plan_id: String, action_id: String) -> impl IntoView {
    view! {
        <WhenFound plan_id=plan_id.clone() action_id=action_id.clone()>
            <ActionForm plan_id=plan_id.clone() action_id=action_id.clone() />
        </WhenFound>
    }
}

/// The edit that replaces an action with a changed copy.
pub(super) fn replace_action(
    plan: &Plan,
    action_id: &str,
    write: impl FnOnce(&mut Action) -> Result<(), String>,
) -> Result<Edit, String> {
    let (rec, action) = plan
        .action(action_id)
        .ok_or("This action is no longer in the plan")?;
    let index = rec
        .actions
        .iter()
        .position(|a| a.id == action_id)
        .unwrap_or(0);
    let mut changed = action.clone();
    write(&mut changed)?;
    Ok(Edit::Action {
        recommendation: rec.id.clone(),
        op: ListOp::Replace(index, changed),
    })
}

pub(super) fn status_options() -> Vec<(String, String)> {
    Status::ALL
        .map(|s| (s.as_str().to_string(), s.label().to_string()))
        .to_vec()
}

#[component]
fn ActionForm(plan_id: String, action_id: String) -> impl IntoView {
    let state = use_state();
    let library = state.library;
    FormErrors::provide();
    let id = plan_id.as_str();
    let read = |f: fn(&Action) -> String| {
        let aid = action_id.clone();
        from_plan(id, move |p| {
            p.action(&aid).map(|(_, a)| f(a)).unwrap_or_default()
        })
    };
    let set = |key: &'static str, write: fn(&mut Action, String) -> Result<(), String>| {
        let aid = action_id.clone();
        change(
            id,
            format!("action-{action_id}-{key}"),
            move |plan, v: String| replace_action(plan, &aid, |a| write(a, v)),
        )
    };
    let place = {
        let aid = action_id.clone();
        from_plan(id, move |p| {
            p.action(&aid)
                .map(|(r, a)| {
                    (
                        r.id.clone(),
                        r.number.clone(),
                        r.actions.iter().position(|x| x.id == a.id).unwrap_or(0) + 1,
                    )
                })
                .unwrap_or_default()
        })
    };
    let name = move || {
        let (_, number, position) = place.get();
        format!("action {number}.{position}")
    };
    let plan_title = from_plan(id, |p| p.title.clone());
    Effect::new(move |_| set_title(&[&format!("Change {}", name()), &plan_title.get()]));

    // A new due date is a move, recorded with the day it was made.
    let set_due = {
        let aid = action_id.clone();
        let today = state.today;
        change(
            id,
            format!("action-{action_id}-due"),
            move |_plan, v: String| {
                Ok(Edit::Due {
                    action: aid.clone(),
                    due: optional_date(&v)?,
                    today: today.get_untracked(),
                    id: crate::browser::random::new_id("m"),
                    reason: String::new(),
                })
            },
        )
    };
    let from_suggestion = read(|a| a.suggestion.clone().unwrap_or_default());
    let set_suggestion = set("suggestion", |a, v| {
        a.suggestion = Some(v).filter(|v| !v.is_empty());
        Ok(())
    });
    let suggestion_options = {
        let aid = action_id.clone();
        from_plan(id, move |p| {
            p.action(&aid)
                .map(|(r, _)| {
                    r.suggestions
                        .iter()
                        .map(|s| {
                            (
                                s.id.clone(),
                                format!(
                                    "Suggestion {}: {}",
                                    s.number,
                                    crate::presentation::text::shorten(&s.text, 100)
                                ),
                            )
                        })
                        .collect::<Vec<_>>()
                })
                .unwrap_or_default()
        })
    };
    let timescale = read(|a| a.timescale.clone());
    let due = read(|a| date_text(a.due));
    let status = read(|a| a.status.as_str().to_string());
    let due_warning = {
        let aid = action_id.clone();
        from_plan(id, move |p| {
            let due = p.action(&aid).and_then(|(_, a)| a.due);
            crate::domain::sanity::due_before_visit(due, crate::domain::sanity::visit(p))
        })
    };
    // What the timescale's words suggest, when it differs from what the action has.
    let suggestion = {
        let aid = action_id.clone();
        from_plan(id, move |p| {
            let (_, a) = p.action(&aid)?;
            let s = suggest(&a.timescale);
            let status = s.hint.map(StatusHint::status);
            let new_due = s.due.filter(|d| a.due != Some(*d));
            let new_status = status.filter(|s| *s != a.status);
            (new_due.is_some() || new_status.is_some()).then_some((new_due, new_status))
        })
    };
    let use_suggestion = {
        let edits = ControlEdits::new(&plan_id);
        let (plan_id, aid) = (plan_id.clone(), action_id.clone());
        move |_| {
            let Some((due, status)) = suggestion.get_untracked() else {
                return;
            };
            let Some(plan) = library.plan_now(&plan_id) else {
                return;
            };
            if let Some(d) = due {
                let edit = Edit::Due {
                    action: aid.clone(),
                    due: Some(d),
                    today: state.today.get_untracked(),
                    id: crate::browser::random::new_id("m"),
                    reason: String::new(),
                };
                edits.make(&format!("action-{aid}-due-day"), edit, None);
            }
            if let Some(s) = status {
                if let Ok(edit) = replace_action(&plan, &aid, |a| {
                    a.status = s;
                    Ok(())
                }) {
                    edits.make(&format!("action-{aid}-status"), edit, None);
                }
            }
        }
    };

    // Every lead already named in the plan, offered as the officer types.
    let known_leads = from_plan(id, Plan::leads);
    let lead_count = {
        let aid = action_id.clone();
        from_plan(id, move |p| {
            p.action(&aid).map(|(_, a)| a.leads.len()).unwrap_or(0)
        })
    };
    let link_count = {
        let aid = action_id.clone();
        from_plan(id, move |p| {
            p.action(&aid).map(|(_, a)| a.links.len()).unwrap_or(0)
        })
    };
    let update_ids = {
        let aid = action_id.clone();
        // Newest first, as people read a history.
        from_plan(id, move |p| {
            p.action(&aid)
                .map(|(_, a)| {
                    a.updates
                        .iter()
                        .rev()
                        .map(|u| u.id.clone())
                        .collect::<Vec<_>>()
                })
                .unwrap_or_default()
        })
    };

    let recommendations = from_plan(id, |p| {
        p.recommendations
            .iter()
            .map(|r| (r.id.clone(), format!("{}. {}", r.number, r.title)))
            .collect::<Vec<_>>()
    });
    let move_to = RwSignal::new(String::new());
    let move_action = {
        let edits = ControlEdits::new(&plan_id);
        let aid = action_id.clone();
        move |_| {
            let to = move_to.get_untracked();
            if to.is_empty() || to == place.get_untracked().0 {
                return;
            }
            edits.make(
                &format!("action-{aid}-move"),
                Edit::MoveAction {
                    action: aid.clone(),
                    to,
                },
                None,
            );
        }
    };

    let view_href = Route::Action {
        plan: plan_id.clone(),
        action: action_id.clone(),
    }
    .href();
    let crumbs = {
        let (rec_id, number, _) = place.get_untracked();
        let mut trail = library
            .plan_now(&plan_id)
            .map(|plan| recommendations_trail(&plan, &rec_id))
            .unwrap_or_default();
        trail.push((
            format!("Recommendation {number}"),
            Route::EditRecommendation {
                plan: plan_id.clone(),
                recommendation: rec_id,
            }
            .href(),
        ));
        trail
    };
    let field = format!("action-{action_id}");
    // Ids for the lists' rows, which are made again as the lists change.
    let ids = StoredValue::new((plan_id.clone(), action_id.clone()));
    let (add_lead_plan, add_lead_action) = (plan_id.clone(), action_id.clone());
    let (add_link_plan, add_link_action) = (plan_id.clone(), action_id.clone());
    let (add_update_plan, add_update_action) = (plan_id.clone(), action_id.clone());

    view! {
        <Breadcrumbs links=crumbs current=format!("Change {}", name()) />
        <ErrorSummary />
        <span class="govuk-caption-l">{move || plan_title.get()}</span>
        <h1 class="govuk-heading-l">{move || format!("Change {}", name())}</h1>
        <p class="govuk-body">"Changes are saved as you type. Use Undo to take one back."</p>

        <TextField id=format!("{field}-text") label="What the council will do" multiline=true bold_label=true
            value=read(|a| a.text.clone()) on_change=set("text", |a, v| { a.text = required(v, "Enter what the council will do")?; Ok(()) }) />
        <TextField id=format!("{field}-timescale") label="Timescale" bold_label=true
            hint="As the council writes it, for example December 2019, Q3 2019/20 or On-going"
            value=timescale on_change=set("timescale", |a, v| { a.timescale = v; Ok(()) }) />
        {move || suggestion.get().map(|(due, status)| {
            let mut parts = Vec::new();
            if let Some(d) = due { parts.push(format!("due {}", format_long(d))); }
            if let Some(s) = status { parts.push(format!("status {}", s.label())); }
            let use_suggestion = use_suggestion.clone();
            view! {
                <div class="govuk-inset-text" data-testid="timescale-suggestion">
                    <p class="govuk-body">{format!("From “{}”: {}.", timescale.get(), parts.join(", "))}</p>
                    <button type="button" class="govuk-button govuk-button--secondary govuk-!-margin-bottom-0" on:click=use_suggestion>"Use this"</button>
                </div>
            }
        })}
        <DateField id=format!("{field}-due") label="Due" bold_label=true hint="The date the action is measured against. Leave blank for ongoing work. Moving a date keeps where it was, so reports already made do not change."
            value=due reference=visit(&plan_id) warning=due_warning on_change=set_due />
        <DueMoves plan_id=plan_id.clone() action_id=action_id.clone() />
        <SelectField id=format!("{field}-status") label="Status" bold_label=true options=status_options()
            hint="A new progress update sets this too"
            value=status on_change=set("status", |a, v| { a.status = Status::parse(&v).ok_or("Choose a status")?; Ok(()) }) />

        {move || (!suggestion_options.get().is_empty()).then(|| {
            let mut options = vec![(String::new(), "None: it answers the recommendation itself".to_string())];
            options.extend(suggestion_options.get());
            view! {
                <SelectField id=format!("action-{}-suggestion", ids.get_value().1) label="Follows from a suggestion" bold_label=true options=options
                    hint="A suggestion a later review made under this recommendation"
                    value=from_suggestion on_change=set_suggestion />
            }
        })}

        <h2 class="govuk-heading-m">"Leads"</h2>
        <datalist id="known-leads">
            {move || known_leads.get().into_iter().map(|l| view! { <option value=l></option> }).collect_view()}
        </datalist>
        <For each=move || 0..lead_count.get() key=|i| *i let:i>
            <LeadRow plan_id=ids.get_value().0 action_id=ids.get_value().1 index=i />
        </For>
        <AddLead plan_id=add_lead_plan action_id=add_lead_action />

        <h2 class="govuk-heading-m">"Evidence"</h2>
        <p class="govuk-body">"Links to committee papers, published strategies and other evidence."</p>
        <For each=move || 0..link_count.get() key=|i| *i let:i>
            <LinkRow plan_id=ids.get_value().0 action_id=ids.get_value().1 index=i />
        </For>
        <AddLink plan_id=add_link_plan action_id=add_link_action />

        <h2 class="govuk-heading-m">"Progress updates"</h2>
        <AddUpdate plan_id=add_update_plan action_id=add_update_action />
        {move || update_ids.get().is_empty().then(|| view! { <p class="govuk-body">"No progress updates yet."</p> })}
        <For each=move || update_ids.get() key=|id| id.clone() let:update_id>
            <UpdateRow plan_id=ids.get_value().0 action_id=ids.get_value().1 update_id=update_id />
        </For>

        <h2 class="govuk-heading-m">"Move to another recommendation"</h2>
        <div class="govuk-form-group">
            <label class="govuk-label" for=format!("{field}-move")>"Recommendation"</label>
            <select class="govuk-select app-wide-select" id=format!("{field}-move") on:change=move |ev| move_to.set(event_target_value(&ev))>
                {move || {
                    let current = place.get().0;
                    recommendations.get().into_iter().map(|(rid, label)| {
                        let selected = rid == current;
                        view! { <option value=rid selected=selected>{label}</option> }
                    }).collect_view()
                }}
            </select>
        </div>
        <button type="button" class="govuk-button govuk-button--secondary" on:click=move_action>"Move action"</button>

        <p class="govuk-body"><a class="govuk-link" href=view_href>"Back to the action"</a></p>
    }
}
