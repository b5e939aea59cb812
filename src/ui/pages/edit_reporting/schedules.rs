//! Each committee's reporting schedule: quarterly or six-monthly from a first report, or
//! on dates the council lists, with the next three dates it gives.

use chrono::NaiveDate;
use leptos::prelude::*;

use super::summarise;
use crate::browser::random::new_id;
use crate::domain::dates::format_long;
use crate::domain::edit::{Edit, ListOp};
use crate::domain::{Cadence, Schedule};
use crate::ui::components::form::{
    first_reason, focus_field, DateField, DateInput, NewItemInput, RadiosField, TextField,
    TypedDate,
};
use crate::ui::pages::editing::{
    change, date_text, draft, from_plan, required, required_date, visit, ControlEdits,
};
use crate::ui::state::use_state;

/// How many of a schedule's coming dates are shown.
const NEXT_SHOWN: usize = 3;

fn cadence_options() -> Vec<(String, String)> {
    Cadence::ALL
        .map(|c| (c.as_str().to_string(), c.label().to_string()))
        .to_vec()
}

/// The schedule's next report dates on or after `day`, at most [`NEXT_SHOWN`].
fn next_dates(schedule: &Schedule, day: NaiveDate) -> Vec<NaiveDate> {
    schedule
        .dates_between(day, NaiveDate::MAX)
        .into_iter()
        .take(NEXT_SHOWN)
        .collect()
}

/// A schedule's cadence changed, keeping it whole: a repeating cadence starts from the
/// first date listed, and a list of dates starts with the first report.
fn with_cadence(mut schedule: Schedule, cadence: Cadence) -> Schedule {
    match cadence {
        Cadence::Dates if schedule.dates.is_empty() => {
            schedule.dates = schedule.from.into_iter().collect();
        }
        Cadence::Quarterly | Cadence::SixMonthly if schedule.from.is_none() => {
            schedule.from = schedule.dates.iter().copied().min();
        }
        _ => {}
    }
    schedule.cadence = cadence;
    schedule
}

#[component]
pub(crate) fn Schedules(plan_id: String) -> impl IntoView {
    let state = use_state();
    let library = state.library;
    let ids = {
        let id = plan_id.clone();
        Memo::new(move |_| {
            library.with_plan(&id, |p| {
                p.map(|p| p.schedule.iter().map(|s| s.id.clone()).collect::<Vec<_>>())
                    .unwrap_or_default()
            })
        })
    };
    let row_plan = StoredValue::new(plan_id.clone());
    let form = draft(&plan_id, None, "new-schedule", "a reporting schedule");
    let committee = form.field("committee");
    let cadence = form.field_or("cadence", Cadence::Quarterly.as_str());
    let first = TypedDate::new("");
    let committee_error = RwSignal::new(None::<String>);
    let first_error = RwSignal::new(None::<String>);
    summarise("new-schedule-committee", committee_error);
    let add = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let name = committee.get_untracked().trim().to_string();
        let date = first.required("Date of the first report", "the date of the first report");
        committee_error.set(
            name.is_empty()
                .then(|| "Enter the committee the reports go to".to_string()),
        );
        first_error.set(date.as_ref().err().cloned());
        let (false, Ok(date)) = (name.is_empty(), date) else {
            return;
        };
        let cadence = Cadence::parse(&cadence.get_untracked()).unwrap_or(Cadence::Quarterly);
        let schedule = Schedule {
            id: new_id("s"),
            committee: name,
            cadence,
            from: (cadence != Cadence::Dates).then_some(date),
            dates: if cadence == Cadence::Dates {
                vec![date]
            } else {
                Vec::new()
            },
        };
        match library.edit(
            &row_plan.get_value(),
            Edit::Schedule(ListOp::Add(schedule)),
            None,
        ) {
            Ok(()) => {
                committee.set(String::new());
                first.show("");
                focus_field("new-schedule-committee");
            }
            Err(p) => committee_error.set(Some(first_reason(p))),
        }
    };
    let cadence_radio = move |i: usize, c: Cadence, hint: &'static str| {
        let input_id = if i == 0 {
            "new-schedule-cadence".to_string()
        } else {
            format!("new-schedule-cadence-{i}")
        };
        let hint_id = format!("{input_id}-hint");
        view! {
            <div class="govuk-radios__item">
                <input class="govuk-radios__input" id=input_id.clone() name="new-schedule-cadence" type="radio" value=c.as_str()
                    aria-describedby=hint_id.clone()
                    prop:checked=move || cadence.get() == c.as_str()
                    on:change=move |_| cadence.set(c.as_str().to_string()) />
                <label class="govuk-label govuk-radios__label" for=input_id>{c.label()}</label>
                <div id=hint_id class="govuk-hint govuk-radios__hint">{hint}</div>
            </div>
        }
    };
    view! {
        <h2 class="govuk-heading-m">"Reporting schedules"</h2>
        <p class="govuk-body">"When each committee expects a report on the plan. The plan's overview and progress view show the next report due."</p>
        {move || ids.with(Vec::is_empty).then(|| view! { <p class="govuk-body" data-testid="no-schedules">"There are no reporting schedules yet."</p> })}
        <For each=move || ids.get() key=|id| id.clone() let:schedule_id>
            <ScheduleRow plan_id=row_plan.get_value() schedule_id=schedule_id />
        </For>
        <form class="app-add-form" novalidate data-own-undo="" on:submit=add>
            <fieldset class="govuk-fieldset">
                <legend class="govuk-fieldset__legend govuk-fieldset__legend--s">"Add a reporting schedule"</legend>
                <NewItemInput id="new-schedule-committee" label="Committee" value=committee error=committee_error />
                <div class="govuk-form-group">
                    <fieldset class="govuk-fieldset">
                        <legend class="govuk-fieldset__legend">"How often it reports"</legend>
                        <div class="govuk-radios govuk-radios--small">
                            {cadence_radio(0, Cadence::Quarterly, "Every three months from the first report")}
                            {cadence_radio(1, Cadence::SixMonthly, "Every six months from the first report")}
                            {cadence_radio(2, Cadence::Dates, "On meeting dates you list: add more once the schedule is added")}
                        </div>
                    </fieldset>
                </div>
                <DateInput id="new-schedule-first" legend="Date of the first report" typed=first error=first_error />
                <button type="submit" class="govuk-button govuk-button--secondary">"Add schedule"</button>
            </fieldset>
        </form>
    }
}

#[component]
fn ScheduleRow(plan_id: String, schedule_id: String) -> impl IntoView {
    let state = use_state();
    let library = state.library;
    let id = plan_id.as_str();
    let field = format!("schedule-{schedule_id}");
    let read = |f: fn(&Schedule) -> String| {
        let sid = schedule_id.clone();
        from_plan(id, move |p| {
            p.schedule
                .iter()
                .find(|s| s.id == sid)
                .map(f)
                .unwrap_or_default()
        })
    };
    let set = |key: &'static str, write: fn(Schedule, String) -> Result<Schedule, String>| {
        let sid = schedule_id.clone();
        change(id, format!("{field}-{key}"), move |plan, v: String| {
            let index = plan
                .schedule
                .iter()
                .position(|s| s.id == sid)
                .ok_or("This schedule is no longer in the plan")?;
            let s = write(plan.schedule[index].clone(), v)?;
            Ok(Edit::Schedule(ListOp::Replace(index, s)))
        })
    };
    let schedule = {
        let sid = schedule_id.clone();
        let id = plan_id.clone();
        Memo::new(move |_| {
            library.with_plan(&id, |p| {
                p.and_then(|p| p.schedule.iter().find(|s| s.id == sid).cloned())
            })
        })
    };
    let cadence = Memo::new(move |_| schedule.with(|s| s.as_ref().map(|s| s.cadence)));
    // Every change to the schedule's list: a refusal shows against the control that asked.
    let edit_with = {
        let edits = ControlEdits::new(&plan_id);
        let (plan_id, sid) = (plan_id.clone(), schedule_id.clone());
        move |control: String, op: Box<dyn FnOnce(usize, Schedule) -> ListOp<Schedule>>| -> bool {
            let Some(plan) = library.plan_now(&plan_id) else {
                return false;
            };
            let Some(index) = plan.schedule.iter().position(|s| s.id == sid) else {
                return false;
            };
            edits.make(
                &control,
                Edit::Schedule(op(index, plan.schedule[index].clone())),
                None,
            )
        }
    };
    let committee = read(|s| s.committee.clone());
    let remove = {
        let edit_with = edit_with.clone();
        let control = format!("{field}-committee");
        move |_| {
            edit_with(control.clone(), Box::new(|i, _| ListOp::Remove(i)));
        }
    };
    let new_date = TypedDate::new("");
    let date_error = RwSignal::new(None::<String>);
    let add_date = {
        let edit_with = edit_with.clone();
        let control = format!("{field}-new-date-day");
        move |_| {
            let day = match new_date.required("Report date", "the date of the report") {
                Ok(day) => day,
                Err(e) => {
                    date_error.set(Some(e));
                    return;
                }
            };
            date_error.set(None);
            if edit_with(
                control.clone(),
                Box::new(move |i, mut s| {
                    if !s.dates.contains(&day) {
                        s.dates.push(day);
                        s.dates.sort();
                    }
                    ListOp::Replace(i, s)
                }),
            ) {
                new_date.show("");
            }
        }
    };
    let today = state.today;
    let next = move || {
        schedule.with(|s| {
            s.as_ref()
                .map(|s| next_dates(s, today.get()))
                .unwrap_or_default()
        })
    };
    let listed = move || schedule.with(|s| s.as_ref().map(|s| s.dates.clone()).unwrap_or_default());
    let date_controls = {
        let field = field.clone();
        let plan_id = plan_id.clone();
        move || {
            match cadence.get() {
            Some(Cadence::Dates) => {
                let edit_with = edit_with.clone();
                let add_date = add_date.clone();
                let field = field.clone();
                view! {
                    <h3 class="govuk-heading-s">"Report dates"</h3>
                    <ul class="govuk-list" data-testid="schedule-dates">
                        {let list_field = field.clone(); move || listed().into_iter().map(|day| {
                            let edit_with = edit_with.clone();
                            let control = format!("{list_field}-new-date-day");
                            view! {
                                <li class="app-inline-row">
                                    {format_long(day)}" "
                                    <button type="button" class="govuk-button govuk-button--secondary govuk-!-margin-bottom-0"
                                        on:click=move |_| {
                                            if listed().len() <= 1 {
                                                date_error.set(Some("A schedule on dates listed needs at least one date: add the next date first, or remove the schedule".to_string()));
                                                return;
                                            }
                                            edit_with(control.clone(), Box::new(move |i, mut s| {
                                                s.dates.retain(|d| *d != day);
                                                ListOp::Replace(i, s)
                                            }));
                                        }>
                                        "Remove"<span class="govuk-visually-hidden">{format!(" {}", format_long(day))}</span>
                                    </button>
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                    <DateInput id=format!("{field}-new-date") legend="Add a report date" typed=new_date error=date_error />
                    <button type="button" class="govuk-button govuk-button--secondary" on:click=add_date>"Add date"</button>
                }
                .into_any()
            }
            Some(_) => view! {
                <DateField id=format!("{field}-from") label="Date of the first report" value=read_from(&plan_id, &field) reference=visit(&plan_id)
                    on_change=from_change(&plan_id, &field) />
            }
            .into_any(),
            None => ().into_any(),
        }
        }
    };
    view! {
        <fieldset class="govuk-fieldset app-list-item" data-testid="schedule">
            <legend class="govuk-fieldset__legend govuk-fieldset__legend--m">{move || format!("Reports to {}", committee.get())}</legend>
            <TextField id=format!("{field}-committee") label="Committee" value=committee
                on_change=set("committee", |mut s, v| { s.committee = required(v, "Enter the committee the reports go to")?; Ok(s) }) />
            <RadiosField id=format!("{field}-cadence") legend="How often it reports" options=cadence_options()
                value=read(|s| s.cadence.as_str().to_string())
                on_change=set("cadence", |s, v| Ok(with_cadence(s, Cadence::parse(&v).ok_or("Choose how often it reports")?))) />
            {date_controls}
            <div class="govuk-inset-text" data-testid="schedule-next">
                {move || {
                    let dates = next();
                    if dates.is_empty() {
                        "No reports are due from today on this schedule.".to_string()
                    } else {
                        let words: Vec<String> = dates.into_iter().map(format_long).collect();
                        format!("Next reports due: {}.", words.join(", "))
                    }
                }}
            </div>
            <button type="button" class="govuk-button govuk-button--warning" on:click=remove>
                "Remove schedule"<span class="govuk-visually-hidden">{move || format!(" for {}", committee.get())}</span>
            </button>
        </fieldset>
    }
}

/// The first report of a repeating schedule, as its date field shows it. The field's id
/// names the schedule (`schedule-<id>`).
fn read_from(plan_id: &str, field: &str) -> Signal<String> {
    let sid = field.strip_prefix("schedule-").unwrap_or(field).to_string();
    from_plan(plan_id, move |p| {
        date_text(p.schedule.iter().find(|s| s.id == sid).and_then(|s| s.from))
    })
}

fn from_change(plan_id: &str, field: &str) -> crate::ui::components::form::Change<String> {
    let sid = field.strip_prefix("schedule-").unwrap_or(field).to_string();
    change(plan_id, format!("{field}-from"), move |plan, v: String| {
        let index = plan
            .schedule
            .iter()
            .position(|s| s.id == sid)
            .ok_or("This schedule is no longer in the plan")?;
        let mut s = plan.schedule[index].clone();
        s.from = Some(required_date(&v, "the date of the first report")?);
        Ok(Edit::Schedule(ListOp::Replace(index, s)))
    })
}
