//! `#/plan/<id>/actions/<id>/edit`: an action's words, timescale, due date, leads, status,
//! evidence, which recommendation it sits under, and its progress updates.

use leptos::prelude::*;

use crate::app::use_state;
use crate::components::breadcrumbs::{recommendations_trail, Breadcrumbs};
use crate::components::form::{
    first_reason, focus_field, DateField, ErrorSummary, FormErrors, SelectField, TextField,
};
use crate::components::title::set_title;
use crate::domain::dates::{format_long, iso};
use crate::domain::edit::{Edit, ListOp};
use crate::domain::timescale::{suggest, StatusHint};
use crate::domain::validate::is_web_address;
use crate::domain::{Action, Link, Plan, Status, Update};
use crate::pages::edit_themes::NewItemInput;
use crate::pages::editing::{change, date_text, from_plan, optional_date, required, required_date};
use crate::pages::not_found::{Missing, NotFoundPage};
use crate::random::new_id;
use crate::route::Route;

#[component]
pub fn EditActionPage(plan_id: String, action_id: String) -> impl IntoView {
    let library = use_state().library;
    let exists = {
        let (p, a) = (plan_id.clone(), action_id.clone());
        Memo::new(move |_| library.with_plan(&p, |plan| plan.map(|plan| plan.action(&a).is_some())))
    };
    let (p, a) = (plan_id.clone(), action_id.clone());
    view! {
        <Show when=move || exists.get() == Some(true) fallback=move || {
            let what = if exists.get() == Some(false) { Missing::Action(a.clone()) } else { Missing::Plan(p.clone()) };
            view! { <NotFoundPage what=what /> }
        }>
            <ActionForm plan_id=plan_id.clone() action_id=action_id.clone() />
        </Show>
    }
}

/// The edit that replaces an action with a changed copy.
fn replace_action(
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

fn status_options() -> Vec<(String, String)> {
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

    let timescale = read(|a| a.timescale.clone());
    let due = read(|a| date_text(a.due));
    let status = read(|a| a.status.as_str().to_string());
    // What the timescale's words suggest, when it differs from what the action has.
    let suggestion = {
        let aid = action_id.clone();
        from_plan(id, move |p| {
            let (_, a) = p.action(&aid)?;
            let s = suggest(&a.timescale);
            let status = match s.hint {
                Some(StatusHint::Ongoing) => Some(Status::Ongoing),
                Some(StatusHint::Completed) => Some(Status::Completed),
                None => None,
            };
            let new_due = s.due.filter(|d| a.due != Some(*d));
            let new_status = status.filter(|s| *s != a.status);
            (new_due.is_some() || new_status.is_some()).then_some((new_due, new_status))
        })
    };
    let use_suggestion = {
        let (plan_id, aid) = (plan_id.clone(), action_id.clone());
        move |_| {
            let Some((due, status)) = suggestion.get_untracked() else {
                return;
            };
            let Some(plan) = library.plan_now(&plan_id) else {
                return;
            };
            if let Ok(edit) = replace_action(&plan, &aid, |a| {
                if let Some(d) = due {
                    a.due = Some(d);
                }
                if let Some(s) = status {
                    a.status = s;
                }
                Ok(())
            }) {
                let _ = library.edit(&plan_id, edit, None);
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
        let (plan_id, aid) = (plan_id.clone(), action_id.clone());
        move |_| {
            let to = move_to.get_untracked();
            if to.is_empty() || to == place.get_untracked().0 {
                return;
            }
            let _ = library.edit(
                &plan_id,
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
        <DateField id=format!("{field}-due") label="Due" bold_label=true hint="The date the action is measured against. Leave blank for ongoing work."
            value=due on_change=set("due", |a, v| { a.due = optional_date(&v)?; Ok(()) }) />
        <SelectField id=format!("{field}-status") label="Status" bold_label=true options=status_options()
            hint="A new progress update sets this too"
            value=status on_change=set("status", |a, v| { a.status = Status::parse(&v).ok_or("Choose a status")?; Ok(()) }) />

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

/// One lead of the action, with completion from the plan's other leads.
#[component]
fn LeadRow(plan_id: String, action_id: String, index: usize) -> impl IntoView {
    let library = use_state().library;
    let value = {
        let aid = action_id.clone();
        from_plan(&plan_id, move |p| {
            p.action(&aid)
                .and_then(|(_, a)| a.leads.get(index).cloned())
                .unwrap_or_default()
        })
    };
    let set = {
        let aid = action_id.clone();
        change(
            &plan_id,
            format!("action-{action_id}-lead-{index}"),
            move |plan, v: String| {
                let v = required(v, "Enter the lead, or remove it")?;
                replace_action(plan, &aid, |a| {
                    let slot = a
                        .leads
                        .get_mut(index)
                        .ok_or("This lead is no longer on the action")?;
                    *slot = v;
                    Ok(())
                })
            },
        )
    };
    let remove = {
        let aid = action_id.clone();
        move |_| {
            if let Some(plan) = library.plan_now(&plan_id) {
                if let Ok(edit) = replace_action(&plan, &aid, |a| {
                    if index < a.leads.len() {
                        a.leads.remove(index);
                    }
                    Ok(())
                }) {
                    let _ = library.edit(&plan_id, edit, None);
                }
            }
        }
    };
    view! {
        <div class="app-inline-row">
            <TextField id=format!("action-{action_id}-lead-{index}") label=format!("Lead {}", index + 1) list="known-leads" value=value on_change=set />
            <button type="button" class="govuk-button govuk-button--secondary" on:click=remove>
                "Remove"<span class="govuk-visually-hidden">{move || format!(" lead {}", value.get())}</span>
            </button>
        </div>
    }
}

#[component]
fn AddLead(plan_id: String, action_id: String) -> impl IntoView {
    let library = use_state().library;
    let text = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let add = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let lead = text.get_untracked().trim().to_string();
        if lead.is_empty() {
            error.set(Some("Enter the lead officer, role or group".to_string()));
            return;
        }
        let Some(plan) = library.plan_now(&plan_id) else {
            return;
        };
        let result = replace_action(&plan, &action_id, |a| {
            a.leads.push(lead);
            Ok(())
        })
        .and_then(|edit| library.edit(&plan_id, edit, None).map_err(first_reason));
        match result {
            Ok(()) => {
                error.set(None);
                text.set(String::new());
                focus_field("new-lead");
            }
            Err(e) => error.set(Some(e)),
        }
    };
    view! {
        <form class="app-add-form" novalidate on:submit=add>
            <div class=move || if error.get().is_some() { "govuk-form-group govuk-form-group--error" } else { "govuk-form-group" }>
                <label class="govuk-label" for="new-lead">"Add a lead"</label>
                <div id="new-lead-hint" class="govuk-hint">"An officer, a role or a group, as the plan writes it, for example AD Communications"</div>
                {move || error.get().map(|e| view! { <p id="new-lead-error" class="govuk-error-message"><span class="govuk-visually-hidden">"Error: "</span>{e}</p> })}
                <input class="govuk-input" id="new-lead" type="text" list="known-leads"
                    aria-describedby=move || if error.get().is_some() { "new-lead-hint new-lead-error" } else { "new-lead-hint" }
                    prop:value=move || text.get() on:input=move |ev| text.set(event_target_value(&ev)) />
            </div>
            <button type="submit" class="govuk-button govuk-button--secondary">"Add lead"</button>
        </form>
    }
}

fn check_url(url: String) -> Result<String, String> {
    let url = url.trim().to_string();
    if is_web_address(&url) {
        Ok(url)
    } else {
        Err("Enter a web address that starts with https:// or http://".to_string())
    }
}

#[component]
fn LinkRow(plan_id: String, action_id: String, index: usize) -> impl IntoView {
    let library = use_state().library;
    let read = |f: fn(&Link) -> String| {
        let aid = action_id.clone();
        from_plan(&plan_id, move |p| {
            p.action(&aid)
                .and_then(|(_, a)| a.links.get(index).map(f))
                .unwrap_or_default()
        })
    };
    let set = |key: &'static str, write: fn(&mut Link, String) -> Result<(), String>| {
        let aid = action_id.clone();
        change(
            &plan_id,
            format!("action-{action_id}-link-{index}-{key}"),
            move |plan, v: String| {
                replace_action(plan, &aid, |a| {
                    write(
                        a.links
                            .get_mut(index)
                            .ok_or("This link is no longer on the action")?,
                        v,
                    )
                })
            },
        )
    };
    let title = read(|l| l.title.clone());
    let remove = {
        let (plan_id, aid) = (plan_id.clone(), action_id.clone());
        move |_| {
            if let Some(plan) = library.plan_now(&plan_id) {
                if let Ok(edit) = replace_action(&plan, &aid, |a| {
                    if index < a.links.len() {
                        a.links.remove(index);
                    }
                    Ok(())
                }) {
                    let _ = library.edit(&plan_id, edit, None);
                }
            }
        }
    };
    view! {
        <fieldset class="govuk-fieldset app-list-item">
            <legend class="govuk-fieldset__legend govuk-fieldset__legend--s">{move || format!("Link {}", index + 1)}</legend>
            <TextField id=format!("action-{action_id}-link-{index}-title") label="Title" value=title on_change=set("title", |l, v| { l.title = v; Ok(()) }) />
            <TextField id=format!("action-{action_id}-link-{index}-url") label="Web address" input_type="url" value=read(|l| l.url.clone())
                on_change=set("url", |l, v| { l.url = check_url(v)?; Ok(()) }) />
            <button type="button" class="govuk-button govuk-button--secondary" on:click=remove>
                "Remove link"<span class="govuk-visually-hidden">{move || format!(" {}", title.get())}</span>
            </button>
        </fieldset>
    }
}

#[component]
fn AddLink(plan_id: String, action_id: String) -> impl IntoView {
    let library = use_state().library;
    let title = RwSignal::new(String::new());
    let url = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let add = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let link = match check_url(url.get_untracked()) {
            Ok(u) => Link {
                title: title.get_untracked().trim().to_string(),
                url: u,
            },
            Err(e) => {
                error.set(Some(e));
                return;
            }
        };
        let Some(plan) = library.plan_now(&plan_id) else {
            return;
        };
        let result = replace_action(&plan, &action_id, |a| {
            a.links.push(link);
            Ok(())
        })
        .and_then(|edit| library.edit(&plan_id, edit, None).map_err(first_reason));
        match result {
            Ok(()) => {
                error.set(None);
                title.set(String::new());
                url.set(String::new());
            }
            Err(e) => error.set(Some(e)),
        }
    };
    view! {
        <form class="app-add-form" novalidate on:submit=add>
            <fieldset class="govuk-fieldset">
                <legend class="govuk-fieldset__legend govuk-fieldset__legend--s">"Add a link"</legend>
                <NewItemInput id="new-link-title" label="Title" value=title error=RwSignal::new(None) />
                <NewItemInput id="new-link-url" label="Web address" value=url error=error />
                <button type="submit" class="govuk-button govuk-button--secondary">"Add link"</button>
            </fieldset>
        </form>
    }
}

#[component]
fn AddUpdate(plan_id: String, action_id: String) -> impl IntoView {
    let state = use_state();
    let library = state.library;
    let date = RwSignal::new(iso(state.today));
    let status = RwSignal::new(
        library
            .plan_now(&plan_id)
            .and_then(|p| p.action(&action_id).map(|(_, a)| a.status))
            .unwrap_or(Status::OnTrack),
    );
    let note = RwSignal::new(String::new());
    let author = RwSignal::new(String::new());
    let date_error = RwSignal::new(None::<String>);
    let note_error = RwSignal::new(None::<String>);
    let add = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let day = required_date(&date.get_untracked(), "the date of the update");
        let text = note.get_untracked().trim().to_string();
        date_error.set(day.as_ref().err().cloned());
        note_error.set(
            text.is_empty()
                .then(|| "Enter what has been done".to_string()),
        );
        let (Ok(day), false) = (day, text.is_empty()) else {
            return;
        };
        let update = Update {
            id: new_id("u"),
            date: day,
            status: status.get_untracked(),
            note: text,
            author: author.get_untracked().trim().to_string(),
        };
        match library.edit(
            &plan_id,
            Edit::Update {
                action: action_id.clone(),
                op: ListOp::Add(update),
            },
            None,
        ) {
            Ok(()) => {
                note.set(String::new());
                note_error.set(None);
            }
            Err(p) => note_error.set(Some(first_reason(p))),
        }
    };
    view! {
        <form class="app-add-form" novalidate on:submit=add>
            <fieldset class="govuk-fieldset">
                <legend class="govuk-fieldset__legend govuk-fieldset__legend--s">"Add a progress update"</legend>
                <div class=move || if date_error.get().is_some() { "govuk-form-group govuk-form-group--error" } else { "govuk-form-group" }>
                    <label class="govuk-label" for="new-update-date">"Date"</label>
                    {move || date_error.get().map(|e| view! { <p id="new-update-date-error" class="govuk-error-message"><span class="govuk-visually-hidden">"Error: "</span>{e}</p> })}
                    <input class="govuk-input govuk-input--width-10" id="new-update-date" type="date"
                        aria-describedby=move || date_error.get().is_some().then_some("new-update-date-error")
                        prop:value=move || date.get() on:input=move |ev| date.set(event_target_value(&ev)) />
                </div>
                <div class="govuk-form-group">
                    <label class="govuk-label" for="new-update-status">"Status on that date"</label>
                    <select class="govuk-select" id="new-update-status" on:change=move |ev| if let Some(s) = Status::parse(&event_target_value(&ev)) { status.set(s) }>
                        {Status::ALL.map(|s| view! { <option value=s.as_str() selected=move || status.get() == s>{s.label()}</option> }).collect_view()}
                    </select>
                </div>
                <NewItemInput id="new-update-note" label="What has been done" value=note error=note_error multiline=true />
                <NewItemInput id="new-update-author" label="Your name or role (optional)" value=author error=RwSignal::new(None) />
                <button type="submit" class="govuk-button govuk-button--secondary">"Add update"</button>
            </fieldset>
        </form>
    }
}

/// One progress update, correctable in place.
#[component]
fn UpdateRow(plan_id: String, action_id: String, update_id: String) -> impl IntoView {
    let library = use_state().library;
    let read = |f: fn(&Update) -> String| {
        let (aid, uid) = (action_id.clone(), update_id.clone());
        from_plan(&plan_id, move |p| {
            p.action(&aid)
                .and_then(|(_, a)| a.updates.iter().find(|u| u.id == uid).map(f))
                .unwrap_or_default()
        })
    };
    let set = |key: &'static str, write: fn(&mut Update, String) -> Result<(), String>| {
        let (aid, uid) = (action_id.clone(), update_id.clone());
        change(
            &plan_id,
            format!("update-{update_id}-{key}"),
            move |plan, v: String| {
                let (_, action) = plan
                    .action(&aid)
                    .ok_or("This action is no longer in the plan")?;
                let index = action
                    .updates
                    .iter()
                    .position(|u| u.id == uid)
                    .ok_or("This update is no longer on the action")?;
                let mut update = action.updates[index].clone();
                write(&mut update, v)?;
                Ok(Edit::Update {
                    action: aid.clone(),
                    op: ListOp::Replace(index, update),
                })
            },
        )
    };
    let date = read(|u| date_text(Some(u.date)));
    let remove = {
        let (plan_id, aid, uid) = (plan_id.clone(), action_id.clone(), update_id.clone());
        move |_| {
            let index = library.plan_now(&plan_id).and_then(|p| {
                p.action(&aid)
                    .and_then(|(_, a)| a.updates.iter().position(|u| u.id == uid))
            });
            if let Some(index) = index {
                let _ = library.edit(
                    &plan_id,
                    Edit::Update {
                        action: aid.clone(),
                        op: ListOp::Remove(index),
                    },
                    None,
                );
            }
        }
    };
    let field = format!("update-{update_id}");
    view! {
        <fieldset class="govuk-fieldset app-list-item" data-testid="update">
            <legend class="govuk-fieldset__legend govuk-fieldset__legend--s">
                {move || format!("Update of {}", crate::domain::dates::parse_iso(&date.get()).map(format_long).unwrap_or_default())}
            </legend>
            <DateField id=format!("{field}-date") label="Date" value=date
                on_change=set("date", |u, v| { u.date = required_date(&v, "the date of the update")?; Ok(()) }) />
            <SelectField id=format!("{field}-status") label="Status on that date" options=status_options() value=read(|u| u.status.as_str().to_string())
                on_change=set("status", |u, v| { u.status = Status::parse(&v).ok_or("Choose a status")?; Ok(()) }) />
            <TextField id=format!("{field}-note") label="What had been done" multiline=true value=read(|u| u.note.clone())
                on_change=set("note", |u, v| { u.note = required(v, "Enter what had been done")?; Ok(()) }) />
            <TextField id=format!("{field}-author") label="By" value=read(|u| u.author.clone())
                on_change=set("author", |u, v| { u.author = v; Ok(()) }) />
            <button type="button" class="govuk-button govuk-button--secondary" on:click=remove>"Remove this update"</button>
        </fieldset>
    }
}
