//! `#/plan/<id>/edit`: the plan's details, its review, the peer team and the findings.

use leptos::prelude::*;

use crate::domain::edit::{Details, Edit, ListOp};
use crate::domain::{
    figure_text, read_figure, Engagement, PeerTeamMember, PlanApproval, ReviewKind,
};
use crate::presentation::route::Route;
use crate::ui::components::breadcrumbs::{plan_trail, Breadcrumbs};
use crate::ui::components::form::{
    first_reason, DateField, ErrorSummary, FormErrors, SelectField, TextField,
};
use crate::ui::components::title::set_title;
use crate::ui::pages::editing::{
    change, date_text, from_plan, optional_date, required, ControlEdits,
};
use crate::ui::pages::not_found::WhenFound;
use crate::ui::state::use_state;

#[component]
pub fn EditPlanPage(plan_id: String) -> impl IntoView {
    view! {
        <WhenFound plan_id=plan_id.clone()>
            <EditPlanForm plan_id=plan_id.clone() />
        </WhenFound>
    }
}

/// A change to one of the plan's details.
fn details(
    plan_id: &str,
    key: &str,
    set: fn(&mut Details, String) -> Result<(), String>,
) -> crate::ui::components::form::Change<String> {
    change(plan_id, key, move |plan, value: String| {
        let mut d = Details::of(plan);
        set(&mut d, value)?;
        Ok(Edit::Details(d))
    })
}

#[component]
fn EditPlanForm(plan_id: String) -> impl IntoView {
    let state = use_state();
    let library = state.library;
    FormErrors::provide();
    let title = from_plan(&plan_id, |p| p.title.clone());
    let trail = plan_trail(&plan_id, &title.get_untracked());
    Effect::new(move |_| set_title(&["Change the plan's details", &title.get()]));
    let id = plan_id.as_str();
    let overview = Route::Overview {
        plan: plan_id.clone(),
    }
    .href();

    let approved_date = from_plan(id, |p| {
        date_text(p.review.plan_approved.as_ref().map(|a| a.date))
    });
    let approved_by = from_plan(id, |p| {
        p.review
            .plan_approved
            .as_ref()
            .map(|a| a.by.clone())
            .unwrap_or_default()
    });
    let engagement = |read: fn(&Engagement) -> Option<String>| {
        from_plan(id, move |p| {
            p.review
                .engagement
                .as_ref()
                .and_then(read)
                .unwrap_or_default()
        })
    };

    let peer_count = Memo::new({
        let id = plan_id.clone();
        move |_| library.with_plan(&id, |p| p.map(|p| p.review.peer_team.len()).unwrap_or(0))
    });

    let row_plan = StoredValue::new(plan_id.clone());
    let add_plan = plan_id.clone();

    view! {
        <Breadcrumbs links=trail current="Change details".to_string() />
        <ErrorSummary />
        <span class="govuk-caption-l">{move || title.get()}</span>
        <h1 class="govuk-heading-l">"Change the plan's details"</h1>
        <p class="govuk-body">"Changes are saved as you type. Use Undo to take one back."</p>

        <h2 class="govuk-heading-m">"The plan"</h2>
        <TextField id="council" label="Council" bold_label=true value=from_plan(id, |p| p.council.clone())
            on_change=details(id, "council", |d, v| { d.council = required(v, "Enter the council's name")?; Ok(()) }) />
        <TextField id="title" label="Title of the plan" bold_label=true value=from_plan(id, |p| p.title.clone())
            on_change=details(id, "title", |d, v| { d.title = required(v, "Enter a title for the plan")?; Ok(()) }) />
        <SelectField id="kind" label="Kind of review" bold_label=true
            options=ReviewKind::ALL.map(|k| (k.as_str().to_string(), k.label().to_string())).to_vec()
            value=from_plan(id, |p| p.review.kind.as_str().to_string())
            on_change=details(id, "kind", |d, v| { d.kind = ReviewKind::parse(&v).ok_or("Choose a kind of review")?; Ok(()) }) />

        <h2 class="govuk-heading-m">"The review"</h2>
        <DateField id="onsite-from" label="Peer team's first day on site" bold_label=true value=from_plan(id, |p| date_text(p.review.onsite_from))
            on_change=details(id, "onsite_from", |d, v| { d.onsite_from = optional_date(&v)?; Ok(()) }) />
        <DateField id="onsite-to" label="Peer team's last day on site" bold_label=true value=from_plan(id, |p| date_text(p.review.onsite_to))
            on_change=details(id, "onsite_to", |d, v| {
                let to = optional_date(&v)?;
                if let (Some(from), Some(to)) = (d.onsite_from, to) {
                    if to < from { return Err("The last day on site must be the same as or after the first day".to_string()); }
                }
                d.onsite_to = to;
                Ok(())
            }) />
        <DateField id="report-received" label="Feedback report received" bold_label=true value=from_plan(id, |p| date_text(p.review.report_received))
            on_change=details(id, "report_received", |d, v| { d.report_received = optional_date(&v)?; Ok(()) }) />
        <DateField id="approved-date" label="Action plan approved on" bold_label=true value=approved_date
            on_change=details(id, "approved_date", |d, v| {
                let by = d.plan_approved.as_ref().map(|a| a.by.clone()).unwrap_or_default();
                d.plan_approved = match optional_date(&v)? {
                    Some(date) => Some(PlanApproval { date, by }),
                    None if by.trim().is_empty() => None,
                    None => return Err("Enter the date the plan was approved, or clear who approved it".to_string()),
                };
                Ok(())
            }) />
        <TextField id="approved-by" label="Approved by" hint="The body that approved the plan, for example Cabinet" bold_label=true value=approved_by
            on_change=details(id, "approved_by", |d, v| {
                match d.plan_approved.as_mut() {
                    Some(a) => a.by = v,
                    None if v.trim().is_empty() => {}
                    None => return Err("Enter the date the plan was approved first".to_string()),
                }
                Ok(())
            }) />
        <fieldset class="govuk-fieldset">
            <legend class="govuk-fieldset__legend govuk-fieldset__legend--s">"Who the peer team spoke with"</legend>
            <div class="govuk-hint">"As the report states them, in figures or words, for example 230 or more than 230. Leave blank what it does not say."</div>
            <TextField id="engagement-people" label="People" width="govuk-input--width-20" value=engagement(|e| figure_text(e.people, &e.people_stated))
                on_change=details(id, "people", |d, v| { let e = engagement_mut(d); (e.people, e.people_stated) = read_figure(&v); Ok(()) }) />
            <TextField id="engagement-meetings" label="Meetings" width="govuk-input--width-20" value=engagement(|e| figure_text(e.meetings, &e.meetings_stated))
                on_change=details(id, "meetings", |d, v| { let e = engagement_mut(d); (e.meetings, e.meetings_stated) = read_figure(&v); Ok(()) }) />
            <TextField id="engagement-hours" label="Hours" width="govuk-input--width-20" value=engagement(|e| figure_text(e.hours, &e.hours_stated))
                on_change=details(id, "hours", |d, v| { let e = engagement_mut(d); (e.hours, e.hours_stated) = read_figure(&v); Ok(()) }) />
        </fieldset>

        <h2 class="govuk-heading-m govuk-!-margin-top-6">"Peer team"</h2>
        <For each=move || 0..peer_count.get() key=|i| *i let:i>
            <PeerMember plan_id=row_plan.get_value() index=i count=peer_count />
        </For>
        <AddPeerMember plan_id=add_plan />

        <h2 class="govuk-heading-m">"Key findings"</h2>
        <TextField id="findings" label="The peer team's key findings and strengths" multiline=true
            hint="One paragraph each, with a blank line between them"
            value=from_plan(id, |p| p.findings.join("\n\n"))
            on_change=change(id, "findings", |_, v: String| {
                Ok(Edit::Findings(v.split("\n\n").map(|p| p.trim().to_string()).filter(|p| !p.is_empty()).collect()))
            }) />

        <p class="govuk-body">
            <a class="govuk-link" href=Route::EditReviews { plan: plan_id.clone() }.href()>"Reviews and feedback: the challenge's published report and feedback, and progress reviews and follow-up visits"</a>
        </p>
        <p class="govuk-body">
            <a class="govuk-link" href=Route::EditReporting { plan: plan_id.clone() }.href()>"Committee reporting: contacts, key areas of progress, documents, rating scale, reporting schedules and closing the plan"</a>
        </p>
        <p class="govuk-body">
            <a class="govuk-link" href=Route::Publish { plan: plan_id.clone() }.href()>"Publish for residents: the residents' site as one zip to upload"</a>
        </p>
        <a class="govuk-button" href=overview>"Back to the plan"</a>
    }
}

/// The engagement figures, made when the first one is typed.
fn engagement_mut(d: &mut Details) -> &mut Engagement {
    d.engagement.get_or_insert_with(Engagement::default)
}

/// One member of the peer team, with their three fields and buttons to move or remove them.
#[component]
fn PeerMember(plan_id: String, index: usize, count: Memo<usize>) -> impl IntoView {
    let id = plan_id.as_str();
    let member = move |read: fn(&PeerTeamMember) -> String| {
        from_plan(id, move |p| {
            p.review.peer_team.get(index).map(read).unwrap_or_default()
        })
    };
    let set = |key: &str, write: fn(&mut PeerTeamMember, String) -> Result<(), String>| {
        change(id, format!("peer-{index}-{key}"), move |plan, v: String| {
            let mut m = plan
                .review
                .peer_team
                .get(index)
                .cloned()
                .ok_or("This member is no longer in the team")?;
            write(&mut m, v)?;
            Ok(crate::domain::edit::Edit::Peer(ListOp::Replace(index, m)))
        })
    };
    let op = {
        let edits = ControlEdits::new(&plan_id);
        move |op: ListOp<PeerTeamMember>| {
            edits.make(&format!("peer-{index}-name"), Edit::Peer(op), None);
        }
    };
    let (up, down, remove) = (op.clone(), op.clone(), op);
    let name = member(|m| m.name.clone());
    view! {
        <fieldset class="govuk-fieldset app-list-item" data-testid="peer-member">
            <legend class="govuk-fieldset__legend govuk-fieldset__legend--s">
                {move || format!("Member {}: {}", index + 1, name.get())}
            </legend>
            <TextField id=format!("peer-{index}-name") label="Name" value=name
                on_change=set("name", |m, v| { m.name = required(v, "Enter the member's name")?; Ok(()) }) />
            <TextField id=format!("peer-{index}-role") label="Role" hint="For example Chief Executive" value=member(|m| m.role.clone())
                on_change=set("role", |m, v| { m.role = v; Ok(()) }) />
            <TextField id=format!("peer-{index}-organisation") label="Organisation" value=member(|m| m.organisation.clone())
                on_change=set("organisation", |m, v| { m.organisation = v; Ok(()) }) />
            <div class="govuk-button-group">
                <button type="button" class="govuk-button govuk-button--secondary" disabled=move || index == 0
                    on:click=move |_| up(ListOp::Move { from: index, to: index.saturating_sub(1) })>
                    "Move up"<span class="govuk-visually-hidden">{move || format!(" {}", name.get())}</span>
                </button>
                <button type="button" class="govuk-button govuk-button--secondary" disabled=move || { index + 1 >= count.get() }
                    on:click=move |_| down(ListOp::Move { from: index, to: index + 1 })>
                    "Move down"<span class="govuk-visually-hidden">{move || format!(" {}", name.get())}</span>
                </button>
                <button type="button" class="govuk-button govuk-button--warning" on:click=move |_| remove(ListOp::Remove(index))>
                    "Remove"<span class="govuk-visually-hidden">{move || format!(" {}", name.get())}</span>
                </button>
            </div>
        </fieldset>
    }
}

/// Adds a member to the peer team.
#[component]
fn AddPeerMember(plan_id: String) -> impl IntoView {
    let library = use_state().library;
    let form =
        crate::ui::pages::editing::draft(&plan_id, None, "new-peer", "a member of the peer team");
    let name = form.field("name");
    let role = form.field("role");
    let organisation = form.field("organisation");
    let error = RwSignal::new(None::<String>);
    let add = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let member = PeerTeamMember {
            name: name.get_untracked().trim().to_string(),
            role: role.get_untracked().trim().to_string(),
            organisation: organisation.get_untracked().trim().to_string(),
        };
        if member.name.is_empty() {
            error.set(Some("Enter the new member's name".to_string()));
            return;
        }
        match library.edit(&plan_id, Edit::Peer(ListOp::Add(member)), None) {
            Ok(()) => {
                error.set(None);
                name.set(String::new());
                role.set(String::new());
                organisation.set(String::new());
                crate::ui::components::form::focus_field("new-peer-name");
            }
            Err(problems) => error.set(Some(first_reason(problems))),
        }
    };
    let input = move |id: &'static str,
                      label: &'static str,
                      value: RwSignal<String>,
                      with_error: bool| {
        view! {
            <div class=move || if with_error && error.get().is_some() { "govuk-form-group govuk-form-group--error" } else { "govuk-form-group" }>
                <label class="govuk-label" for=id>{label}</label>
                {move || (with_error).then(|| error.get()).flatten().map(|e| view! {
                    <p id="new-peer-name-error" class="govuk-error-message"><span class="govuk-visually-hidden">"Error: "</span>{e}</p>
                })}
                <input class="govuk-input" id=id type="text" prop:value=move || value.get()
                    aria-describedby=move || (with_error && error.get().is_some()).then_some("new-peer-name-error")
                    on:input=move |ev| value.set(event_target_value(&ev)) />
            </div>
        }
    };
    view! {
        <form class="app-add-form" novalidate data-own-undo="" on:submit=add>
            <fieldset class="govuk-fieldset">
                <legend class="govuk-fieldset__legend govuk-fieldset__legend--s">"Add a member of the peer team"</legend>
                {input("new-peer-name", "Name", name, true)}
                {input("new-peer-role", "Role", role, false)}
                {input("new-peer-organisation", "Organisation", organisation, false)}
                <button type="submit" class="govuk-button govuk-button--secondary">"Add member"</button>
            </fieldset>
        </form>
    }
}
