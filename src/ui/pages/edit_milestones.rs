//! `#/plan/<id>/milestones`: the plan's milestones, and the LGA timeline to add them from.

use leptos::prelude::*;

use crate::ui::pages::editing::visit;

use crate::ui::components::form::{DateInput, TypedDate};

use crate::browser::random::new_id;
use crate::domain::dates::format_long;
use crate::domain::edit::{Edit, ListOp};
use crate::domain::templates::lga_timeline;
use crate::domain::Milestone;
use crate::presentation::route::Route;
use crate::ui::components::breadcrumbs::{plan_trail, Breadcrumbs};
use crate::ui::components::form::NewItemInput;
use crate::ui::components::form::{first_reason, DateField, ErrorSummary, FormErrors, TextField};
use crate::ui::components::title::set_title;
use crate::ui::pages::editing::{
    change, date_text, from_plan, optional_date, required, required_date, ControlEdits,
};
use crate::ui::pages::not_found::WhenFound;
use crate::ui::state::use_state;

#[component]
pub fn EditMilestonesPage(plan_id: String) -> impl IntoView {
    view! {
        <WhenFound plan_id=plan_id.clone()>
            <MilestonesForm plan_id=plan_id.clone() />
        </WhenFound>
    }
}

#[component]
fn MilestonesForm(plan_id: String) -> impl IntoView {
    let state = use_state();
    let library = state.library;
    FormErrors::provide();
    let title = from_plan(&plan_id, |p| p.title.clone());
    let trail = plan_trail(&plan_id, &title.get_untracked());
    Effect::new(move |_| set_title(&["Milestones", &title.get()]));
    let ids = from_plan(&plan_id, |p| {
        p.milestones
            .iter()
            .map(|m| m.id.clone())
            .collect::<Vec<_>>()
    });
    let overview = Route::Overview {
        plan: plan_id.clone(),
    }
    .href();

    // The process dates not yet in the plan, by title.
    let missing_steps = from_plan(&plan_id, |p| {
        let end = p.review.onsite_to.or(p.review.onsite_from)?;
        let steps: Vec<(String, chrono::NaiveDate, String)> = lga_timeline(end)
            .into_iter()
            .filter(|step| !p.milestones.iter().any(|m| m.title == step.title))
            .map(|s| (s.title.to_string(), s.due, s.note.to_string()))
            .collect();
        Some(steps)
    });
    let add_steps = {
        let edits = ControlEdits::new(&plan_id);
        move |_| {
            for (title, due, note) in missing_steps.get_untracked().unwrap_or_default() {
                let milestone = Milestone {
                    id: new_id("m"),
                    title,
                    due,
                    done: None,
                    note,
                };
                edits.make(
                    "add-lga-steps",
                    Edit::Milestone(ListOp::Add(milestone)),
                    Some("lga-timeline"),
                );
            }
            library.seal();
        }
    };

    let new_title =
        crate::ui::pages::editing::draft(&plan_id, None, "new-milestone", "a milestone")
            .field("title");
    let new_due = TypedDate::new("");
    let title_error = RwSignal::new(None::<String>);
    let due_error = RwSignal::new(None::<String>);
    let add = {
        let plan_id = plan_id.clone();
        move |ev: leptos::ev::SubmitEvent| {
            ev.prevent_default();
            let title = new_title.get_untracked().trim().to_string();
            let due = new_due.required("The date it is due", "the date it is due");
            title_error.set(
                title
                    .is_empty()
                    .then(|| "Enter what the milestone is".to_string()),
            );
            due_error.set(due.as_ref().err().cloned());
            let (false, Ok(due)) = (title.is_empty(), due) else {
                return;
            };
            let milestone = Milestone {
                id: new_id("m"),
                title,
                due,
                done: None,
                note: String::new(),
            };
            match library.edit(&plan_id, Edit::Milestone(ListOp::Add(milestone)), None) {
                Ok(()) => {
                    new_title.set(String::new());
                    new_due.show("");
                }
                Err(p) => title_error.set(Some(first_reason(p))),
            }
        }
    };

    let details_href = Route::EditPlan {
        plan: plan_id.clone(),
    }
    .href();
    let row_plan = StoredValue::new(plan_id);

    view! {
        <Breadcrumbs links=trail current="Milestones".to_string() />
        <ErrorSummary />
        <span class="govuk-caption-l">{move || title.get()}</span>
        <h1 class="govuk-heading-l">"Milestones"</h1>

        <h2 class="govuk-heading-m">"The LGA timeline"</h2>
        {move || match missing_steps.get() {
            None => view! {
                <p class="govuk-body">
                    "Enter the peer team's days on site in "
                    <a class="govuk-link" href=details_href.clone()>"the plan's details"</a>
                    " to work out the dates the LGA process sets."
                </p>
            }.into_any(),
            Some(steps) if steps.is_empty() => view! {
                <p class="govuk-body">"Every date the LGA process sets is among the milestones."</p>
            }.into_any(),
            Some(steps) => view! {
                <p class="govuk-body">"From the peer team's visit, the LGA process sets these dates:"</p>
                <ul class="govuk-list govuk-list--bullet" data-testid="lga-steps">
                    {steps.into_iter().map(|(t, due, note)| view! { <li>{format!("{t}: {} ({note})", format_long(due))}</li> }).collect_view()}
                </ul>
                <button type="button" id="add-lga-steps" class="govuk-button govuk-button--secondary" on:click=add_steps.clone()>"Add these dates as milestones"</button>
            }.into_any(),
        }}

        <h2 class="govuk-heading-m">"Milestones"</h2>
        <For each=move || ids.get() key=|id| id.clone() let:milestone_id>
            <MilestoneRow plan_id=row_plan.get_value() milestone_id=milestone_id />
        </For>
        <form class="app-add-form" novalidate data-own-undo="" on:submit=add>
            <fieldset class="govuk-fieldset">
                <legend class="govuk-fieldset__legend govuk-fieldset__legend--s">"Add a milestone"</legend>
                <NewItemInput id="new-milestone" label="What it is" value=new_title error=title_error />
                <DateInput id="new-milestone-due" legend="Due" typed=new_due error=due_error />
                <button type="submit" class="govuk-button govuk-button--secondary">"Add milestone"</button>
            </fieldset>
        </form>
        <a class="govuk-button" href=overview>"Back to the plan"</a>
    }
}

#[component]
fn MilestoneRow(plan_id: String, milestone_id: String) -> impl IntoView {
    let state = use_state();
    let library = state.library;
    let id = plan_id.as_str();
    let read = |f: fn(&Milestone) -> String| {
        let mid = milestone_id.clone();
        from_plan(id, move |p| {
            p.milestones
                .iter()
                .find(|m| m.id == mid)
                .map(f)
                .unwrap_or_default()
        })
    };
    let set = |key: &'static str, write: fn(&mut Milestone, String) -> Result<(), String>| {
        let mid = milestone_id.clone();
        change(
            id,
            format!("milestone-{milestone_id}-{key}"),
            move |plan, v: String| {
                let index = plan
                    .milestones
                    .iter()
                    .position(|m| m.id == mid)
                    .ok_or("This milestone is no longer in the plan")?;
                let mut m = plan.milestones[index].clone();
                write(&mut m, v)?;
                Ok(Edit::Milestone(ListOp::Replace(index, m)))
            },
        )
    };
    // Marks the milestone done today (`true`) or removes it (`false`).
    let act = {
        let edits = ControlEdits::new(&plan_id);
        let (plan_id, mid) = (plan_id.clone(), milestone_id.clone());
        let today = state.today;
        move |done_today: bool| {
            let Some(plan) = library.plan_now(&plan_id) else {
                return;
            };
            let Some(index) = plan.milestones.iter().position(|m| m.id == mid) else {
                return;
            };
            let op = if done_today {
                ListOp::Replace(
                    index,
                    Milestone {
                        done: Some(today.get_untracked()),
                        ..plan.milestones[index].clone()
                    },
                )
            } else {
                ListOp::Remove(index)
            };
            edits.make(&format!("milestone-{mid}-title"), Edit::Milestone(op), None);
        }
    };
    let done_today = act.clone();
    let title = read(|m| m.title.clone());
    let done = read(|m| date_text(m.done));
    let field = format!("milestone-{milestone_id}");
    view! {
        <fieldset class="govuk-fieldset app-list-item" data-testid="milestone">
            <legend class="govuk-fieldset__legend govuk-fieldset__legend--s">{move || title.get()}</legend>
            <TextField id=format!("{field}-title") label="What it is" value=title
                on_change=set("title", |m, v| { m.title = required(v, "Enter what the milestone is")?; Ok(()) }) />
            <DateField id=format!("{field}-due") label="Due" value=read(|m| date_text(Some(m.due))) reference=visit(&plan_id)
                on_change=set("due", |m, v| { m.due = required_date(&v, "the date it is due")?; Ok(()) }) />
            <DateField id=format!("{field}-done") label="Done on" hint="Leave blank until it is done" value=done reference=visit(&plan_id)
                on_change=set("done", |m, v| { m.done = optional_date(&v)?; Ok(()) }) />
            <TextField id=format!("{field}-note") label="Note" value=read(|m| m.note.clone())
                on_change=set("note", |m, v| { m.note = v; Ok(()) }) />
            <div class="govuk-button-group">
                {move || done.get().is_empty().then(|| {
                    let done_today = done_today.clone();
                    view! {
                        <button type="button" class="govuk-button govuk-button--secondary"
                            on:click=move |_| done_today(true)>
                            "Mark done today"<span class="govuk-visually-hidden">{move || format!(": {}", title.get())}</span>
                        </button>
                    }
                })}
                <button type="button" class="govuk-button govuk-button--warning" on:click=move |_| act(false)>
                    "Remove"<span class="govuk-visually-hidden">{move || format!(" {}", title.get())}</span>
                </button>
            </div>
        </fieldset>
    }
}
