//! `#/plan/<id>/recommendations/<id>/edit`: a recommendation, the council's response,
//! where it is filed, and the actions under it.

use leptos::prelude::*;

mod add_action;
mod narrative;
mod suggestions;

use add_action::AddAction;
use narrative::NarrativeForm;
use suggestions::Suggestions;

use crate::domain::edit::{Edit, ListOp};
use crate::domain::{Action, Plan, Recommendation, Response};
use crate::presentation::route::Route;
use crate::ui::components::breadcrumbs::{recommendations_trail, Breadcrumbs};
use crate::ui::components::form::{
    CheckboxesField, ErrorSummary, FormErrors, RadiosField, SelectField, TextField,
};
use crate::ui::components::status_tag::StatusTag;
use crate::ui::components::title::set_title;
use crate::ui::components::warning_text::WarningText;
use crate::ui::pages::editing::{change, from_plan, required, ControlEdits};
use crate::ui::pages::not_found::WhenFound;
use crate::ui::state::use_state;

#[component]
pub fn EditRecommendationPage(plan_id: String, recommendation_id: String) -> impl IntoView {
    view! {
        <WhenFound plan_id=plan_id.clone() recommendation_id=recommendation_id.clone()>
            <RecommendationForm plan_id=plan_id.clone() recommendation_id=recommendation_id.clone() />
        </WhenFound>
    }
}

fn position(plan: &Plan, id: &str) -> Result<usize, String> {
    plan.recommendations
        .iter()
        .position(|r| r.id == id)
        .ok_or_else(|| "This recommendation is no longer in the plan".to_string())
}

#[component]
fn RecommendationForm(plan_id: String, recommendation_id: String) -> impl IntoView {
    let state = use_state();
    let library = state.library;
    FormErrors::provide();
    let id = plan_id.as_str();
    let read = |f: fn(&Recommendation) -> String| {
        let rid = recommendation_id.clone();
        from_plan(id, move |p| {
            p.recommendation(&rid).map(f).unwrap_or_default()
        })
    };
    let set = |key: &'static str, write: fn(&mut Recommendation, String) -> Result<(), String>| {
        let rid = recommendation_id.clone();
        change(
            id,
            format!("rec-{recommendation_id}-{key}"),
            move |plan, v: String| {
                let index = position(plan, &rid)?;
                let mut rec = plan.recommendations[index].clone();
                write(&mut rec, v)?;
                Ok(Edit::Recommendation(ListOp::Replace(index, rec)))
            },
        )
    };
    let number = read(|r| r.number.clone());
    let plan_title = from_plan(id, |p| p.title.clone());
    Effect::new(move |_| {
        set_title(&[
            &format!("Change recommendation {}", number.get()),
            &plan_title.get(),
        ])
    });
    let response = read(|r| r.response.as_str().to_string());
    let themes = {
        let rid = recommendation_id.clone();
        from_plan(id, move |p| {
            p.recommendation(&rid)
                .map(|r| r.themes.clone())
                .unwrap_or_default()
        })
    };
    let theme_options: Vec<(String, String)> = library
        .plan_now(id)
        .map(|p| {
            p.themes
                .iter()
                .map(|t| (t.id.clone(), t.title.clone()))
                .collect()
        })
        .unwrap_or_default();
    let mut group_options = vec![(String::new(), "No group".to_string())];
    group_options.extend(
        library
            .plan_now(id)
            .map(|p| {
                p.groups
                    .iter()
                    .map(|g| (g.id.clone(), g.name.clone()))
                    .collect::<Vec<_>>()
            })
            .unwrap_or_default(),
    );
    let set_themes = {
        let rid = recommendation_id.clone();
        change(
            id,
            format!("rec-{recommendation_id}-themes"),
            move |plan, chosen: Vec<String>| {
                let index = position(plan, &rid)?;
                let mut rec = plan.recommendations[index].clone();
                // Keep the plan's order of themes, whatever order they were ticked in.
                rec.themes = plan
                    .themes
                    .iter()
                    .filter(|t| chosen.contains(&t.id))
                    .map(|t| t.id.clone())
                    .collect();
                Ok(Edit::Recommendation(ListOp::Replace(index, rec)))
            },
        )
    };
    let action_ids = {
        let rid = recommendation_id.clone();
        from_plan(id, move |p| {
            p.recommendation(&rid)
                .map(|r| r.actions.iter().map(|a| a.id.clone()).collect::<Vec<_>>())
                .unwrap_or_default()
        })
    };
    let count = Memo::new(move |_| action_ids.get().len());
    let rec_count = from_plan(id, |p| p.recommendations.len());
    let rec_index = {
        let rid = recommendation_id.clone();
        from_plan(id, move |p| {
            p.recommendations
                .iter()
                .position(|r| r.id == rid)
                .unwrap_or(0)
        })
    };
    let move_rec = {
        let edits = ControlEdits::new(&plan_id);
        let (plan_id, rid) = (plan_id.clone(), recommendation_id.clone());
        move |down: bool| {
            if let Some(from) = library
                .plan_now(&plan_id)
                .and_then(|p| position(&p, &rid).ok())
            {
                let to = if down {
                    from + 1
                } else {
                    from.saturating_sub(1)
                };
                edits.make(
                    &format!("rec-{rid}-number"),
                    Edit::Recommendation(ListOp::Move { from, to }),
                    None,
                );
            }
        }
    };
    let move_up = move_rec.clone();
    let remove_rec = {
        let (plan_id, rid) = (plan_id.clone(), recommendation_id.clone());
        move |_| {
            let Some(plan) = library.plan_now(&plan_id) else {
                return;
            };
            let Ok(index) = position(&plan, &rid) else {
                return;
            };
            let number = plan.recommendations[index].number.clone();
            if library
                .edit(&plan_id, Edit::Recommendation(ListOp::Remove(index)), None)
                .is_ok()
            {
                let route = Route::Recommendations {
                    plan: plan_id.clone(),
                };
                state.go_with_message(route, format!("Recommendation {number} was removed"));
            }
        }
    };
    let asking = RwSignal::new(false);

    let view_href = Route::Recommendation {
        plan: plan_id.clone(),
        recommendation: recommendation_id.clone(),
    }
    .href();
    let crumbs = library
        .plan_now(&plan_id)
        .map(|plan| recommendations_trail(&plan, &recommendation_id))
        .unwrap_or_default();
    let field = format!("rec-{recommendation_id}");
    let reason_id = format!("{field}-reason");
    let reason = read(|r| r.response_reason.clone());
    let set_reason = set("reason", |r, v| {
        r.response_reason = required(v, "Enter the council's reason")?;
        Ok(())
    });
    let group = read(|r| r.group.clone().unwrap_or_default());
    let set_group = set("group", |r, v| {
        r.group = (!v.is_empty()).then_some(v);
        Ok(())
    });
    let ids = StoredValue::new((plan_id.clone(), recommendation_id.clone()));
    let title_now = read(|r| r.title.clone());
    let number_warning = {
        let rid = recommendation_id.clone();
        from_plan(id, move |p| {
            let number = p.recommendation(&rid).map(|r| r.number.clone())?;
            crate::domain::sanity::number_taken(p, &number, Some(&rid)).then(|| {
                format!("Another recommendation is numbered {number} too. Give this one its own number.")
            })
        })
    };

    view! {
        <Breadcrumbs links=crumbs current=format!("Change recommendation {}", number.get_untracked()) />
        <ErrorSummary />
        <span class="govuk-caption-l">{move || plan_title.get()}</span>
        <h1 class="govuk-heading-l">{move || format!("Change recommendation {}", number.get())}</h1>
        <p class="govuk-body">"Changes are saved as you type. Use Undo to take one back."</p>
        <p class="govuk-body">
            <a class="govuk-link" href="#new-action" data-testid="to-add-action"
                on:click=|ev| { ev.prevent_default(); crate::ui::components::form::focus_field("new-action"); }>"Add an action"</a>
        </p>

        <TextField id=format!("{field}-number") label="Number" hint="As the peer team numbered it, for example 4 or 4a" width="govuk-input--width-4" bold_label=true
            value=number on_change=set("number", |r, v| { r.number = required(v, "Enter the recommendation's number")?; Ok(()) }) />
        {move || number_warning.get().map(|text| view! { <WarningText text=text testid="number-warning" /> })}
        <TextField id=format!("{field}-title") label="The peer team's recommendation" multiline=true bold_label=true
            hint="In the peer team's own words, exactly as the report gives it"
            value=read(|r| r.title.clone()) on_change=set("title", |r, v| { r.title = required(v, "Enter the recommendation in the peer team's words")?; Ok(()) }) />
        {move || crate::domain::sanity::long_title(&title_now.get()).map(|text| view! { <WarningText text=text testid="title-warning" /> })}
        <TextField id=format!("{field}-context") label="The peer team's explanation" multiline=true bold_label=true
            hint="The text under the recommendation in the report, if there is any"
            value=read(|r| r.context.clone()) on_change=set("context", |r, v| { r.context = v; Ok(()) }) />
        <RadiosField id=format!("{field}-response") legend="The council's response"
            options=Response::ALL.map(|r| (r.as_str().to_string(), r.label().to_string())).to_vec()
            value=response on_change=set("response", |r, v| { r.response = Response::parse(&v).ok_or("Choose the council's response")?; Ok(()) }) />
        {move || (response.get() != "accepted").then(|| view! {
            <TextField id=reason_id.clone() label="Why the council did not accept it in full" multiline=true bold_label=true
                value=reason on_change=set_reason />
        })}
        {(!theme_options.is_empty()).then(|| view! {
            <CheckboxesField id=format!("{field}-themes") legend="Themes" hint="Select all that apply"
                options=theme_options value=themes on_change=set_themes />
        })}
        <SelectField id=format!("{field}-group") label="Group" bold_label=true options=group_options
            value=group on_change=set_group />

        <NarrativeForm plan_id=plan_id.clone() recommendation_id=recommendation_id.clone() />
        <TextField id=format!("{field}-impact") label="What difference has it made?" multiline=true bold_label=true
            hint="For the position statement: the difference the work has made to residents, services or the council"
            value=read(|r| r.impact.clone()) on_change=set("impact", |r, v| { r.impact = v; Ok(()) }) />
        <Suggestions plan_id=plan_id.clone() recommendation_id=recommendation_id.clone() />

        <h2 class="govuk-heading-m">"Actions"</h2>
        {move || (count.get() == 0).then(|| view! { <p class="govuk-body">"No actions yet."</p> })}
        <ol class="govuk-list app-action-list">
            <For each=move || action_ids.get() key=|id| id.clone() let:action_id>
                <ActionItem plan_id=ids.get_value().0 recommendation_id=ids.get_value().1 action_id=action_id count=count />
            </For>
        </ol>
        <AddAction plan_id=ids.get_value().0 recommendation_id=ids.get_value().1 />

        <h2 class="govuk-heading-m">"Order and removal"</h2>
        <div class="govuk-button-group">
            <button type="button" class="govuk-button govuk-button--secondary" disabled=move || rec_index.get() == 0 on:click=move |_| move_up(false)>"Move recommendation up"</button>
            <button type="button" class="govuk-button govuk-button--secondary" disabled=move || { rec_index.get() + 1 >= rec_count.get() } on:click=move |_| move_rec(true)>"Move recommendation down"</button>
        </div>
        {move || {
            let remove_rec = remove_rec.clone();
            if asking.get() {
                view! {
                    <div class="govuk-warning-text" role="alert">
                        <span class="govuk-warning-text__icon" aria-hidden="true">"!"</span>
                        <strong class="govuk-warning-text__text"><span class="govuk-visually-hidden">"Warning"</span>
                            {format!("This removes the recommendation and its {} actions.", count.get())}</strong>
                    </div>
                    <div class="govuk-button-group">
                        <button type="button" class="govuk-button govuk-button--warning" on:click=remove_rec>"Remove the recommendation"</button>
                        <button type="button" class="govuk-button govuk-button--secondary" on:click=move |_| asking.set(false)>"Keep it"</button>
                    </div>
                }.into_any()
            } else {
                view! { <button type="button" class="govuk-button govuk-button--warning" on:click=move |_| asking.set(true)>"Remove this recommendation"</button> }.into_any()
            }
        }}
        <p class="govuk-body"><a class="govuk-link" href=view_href>"Back to the recommendation"</a></p>
    }
}

/// One action in the recommendation's list: its words, status, and buttons to order it.
#[component]
fn ActionItem(
    plan_id: String,
    recommendation_id: String,
    action_id: String,
    count: Memo<usize>,
) -> impl IntoView {
    let found = {
        let aid = action_id.clone();
        from_plan(&plan_id, move |p| {
            p.action(&aid).map(|(r, a)| {
                (
                    r.actions.iter().position(|x| x.id == a.id).unwrap_or(0),
                    a.text.clone(),
                    a.status,
                )
            })
        })
    };
    let index = move || found.get().map(|f| f.0).unwrap_or(0);
    let op = {
        let edits = ControlEdits::new(&plan_id);
        let rid = recommendation_id.clone();
        move |make: fn(usize) -> ListOp<Action>| {
            let i = index();
            edits.make(
                &format!("action-item-{i}"),
                Edit::Action {
                    recommendation: rid.clone(),
                    op: make(i),
                },
                None,
            );
        }
    };
    let (up, down, remove) = (op.clone(), op.clone(), op);
    let text = move || found.get().map(|f| f.1).unwrap_or_default();
    let edit_href = Route::EditAction {
        plan: plan_id,
        action: action_id,
    }
    .href();
    view! {
        <li class="app-list-item" data-testid="action-item">
            <p class="govuk-body govuk-!-margin-bottom-2" id=move || format!("action-item-{}", index()) tabindex="-1">{text}</p>
            <p class="govuk-body govuk-!-margin-bottom-2">{move || found.get().map(|f| view! { <StatusTag status=f.2 /> })}</p>
            <div class="govuk-button-group">
                <a class="govuk-link" href=edit_href>"Change"<span class="govuk-visually-hidden">{move || format!(" action: {}", text())}</span></a>
                <button type="button" class="app-link-button govuk-link" disabled=move || index() == 0
                    on:click=move |_| up(|i| ListOp::Move { from: i, to: i.saturating_sub(1) })>"Move up"<span class="govuk-visually-hidden">{move || format!(" action: {}", text())}</span></button>
                <button type="button" class="app-link-button govuk-link" disabled=move || { index() + 1 >= count.get() }
                    on:click=move |_| down(|i| ListOp::Move { from: i, to: i + 1 })>"Move down"<span class="govuk-visually-hidden">{move || format!(" action: {}", text())}</span></button>
                <button type="button" class="app-link-button govuk-link" on:click=move |_| remove(ListOp::Remove)>"Remove"<span class="govuk-visually-hidden">{move || format!(" action: {}", text())}</span></button>
            </div>
        </li>
    }
}
