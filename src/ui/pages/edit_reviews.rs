//! `#/plan/<id>/reviews`: the peer challenge's visit and feedback, and the progress reviews
//! and follow-up visits after it, each with its format, peer team, published report,
//! feedback, and the challenges and next steps the peers named.

use leptos::prelude::*;

use crate::domain::dates::format_long;
use crate::domain::edit::{Edit, ListOp};
use crate::domain::{LaterReview, PeerTeamMember, Plan, Review, ReviewKind, VisitFormat};
use crate::presentation::route::Route;
use crate::ui::components::breadcrumbs::{plan_trail, Breadcrumbs};
use crate::ui::components::form::{
    DateField, DateInput, ErrorSummary, FormErrors, RadiosField, SelectField, TextField, TypedDate,
};
use crate::ui::components::title::set_title;
use crate::ui::pages::editing::{
    change, date_text, from_plan, optional_date, typed_web_address, ControlEdits,
};
use crate::ui::pages::not_found::WhenFound;
use crate::ui::state::use_state;

#[component]
pub fn EditReviewsPage(plan_id: String) -> impl IntoView {
    view! {
        <WhenFound plan_id=plan_id.clone()>
            <ReviewsForm plan_id=plan_id.clone() />
        </WhenFound>
    }
}

/// The review `id` names: the challenge's (none) or a later one.
fn review_of<'a>(plan: &'a Plan, id: Option<&str>) -> Option<&'a Review> {
    match id {
        None => Some(&plan.review),
        Some(id) => plan
            .later_reviews
            .iter()
            .find(|r| r.id == id)
            .map(|r| &r.review),
    }
}

/// Lines typed one a line, blank lines left out.
fn lines(text: &str) -> Vec<String> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(str::to_string)
        .collect()
}

/// A peer team typed one member a line: "name, role, organisation" (the organisation
/// takes whatever follows the second comma).
pub fn read_team(text: &str) -> Vec<PeerTeamMember> {
    lines(text)
        .into_iter()
        .map(|line| {
            let mut parts = line.splitn(3, ',').map(|p| p.trim().to_string());
            PeerTeamMember {
                name: parts.next().unwrap_or_default(),
                role: parts.next().unwrap_or_default(),
                organisation: parts.next().unwrap_or_default(),
            }
        })
        .collect()
}

pub fn team_text(team: &[PeerTeamMember]) -> String {
    team.iter()
        .map(|m| {
            [m.name.as_str(), m.role.as_str(), m.organisation.as_str()]
                .into_iter()
                .filter(|p| !p.is_empty())
                .collect::<Vec<_>>()
                .join(", ")
        })
        .collect::<Vec<_>>()
        .join("\n")
}

#[component]
fn ReviewsForm(plan_id: String) -> impl IntoView {
    FormErrors::provide();
    let title = from_plan(&plan_id, |p| p.title.clone());
    Effect::new(move |_| set_title(&["Reviews and feedback", &title.get()]));
    let later = from_plan(&plan_id, |p| {
        p.later_reviews
            .iter()
            .map(|r| r.id.clone())
            .collect::<Vec<_>>()
    });
    let ids = StoredValue::new(plan_id.clone());
    let kind = RwSignal::new(ReviewKind::ProgressReview.as_str().to_string());
    let first_day = TypedDate::new("");
    let day_error = RwSignal::new(None::<String>);
    let added = RwSignal::new(None::<String>);
    let add = {
        let edits = ControlEdits::new(&plan_id);
        move |ev: leptos::ev::SubmitEvent| {
            ev.prevent_default();
            let day = match first_day.required("The first day", "the review's first day") {
                Ok(day) => day,
                Err(e) => {
                    day_error.set(Some(e));
                    return;
                }
            };
            day_error.set(None);
            let kind =
                ReviewKind::parse(&kind.get_untracked()).unwrap_or(ReviewKind::ProgressReview);
            let review = LaterReview {
                id: crate::browser::random::new_id("lr"),
                review: Review {
                    kind,
                    onsite_from: Some(day),
                    onsite_to: Some(day),
                    ..Review::default()
                },
            };
            if edits.make("add-review", Edit::LaterReview(ListOp::Add(review)), None) {
                added.set(Some(format!(
                    "{} on {} added below.",
                    kind.label(),
                    format_long(day)
                )));
                first_day.show("");
            }
        }
    };
    let kinds: Vec<(String, String)> = [
        ReviewKind::ProgressReview,
        ReviewKind::FollowUpVisit,
        ReviewKind::FinancePeerReview,
        ReviewKind::Other,
    ]
    .into_iter()
    .map(|k| (k.as_str().to_string(), k.label().to_string()))
    .collect();
    view! {
        <Breadcrumbs links=plan_trail(&plan_id, &title.get_untracked()) current="Reviews and feedback".to_string() />
        <ErrorSummary />
        <span class="govuk-caption-l">{move || title.get()}</span>
        <h1 class="govuk-heading-l">"Reviews and feedback"</h1>
        <p class="govuk-body">"The peer challenge, then each progress review or follow-up visit, with what the peers said. Changes are saved as you type. The overview and the published site show them in order, and the LGA timeline uses their dates."</p>
        <h2 class="govuk-heading-m">"The peer challenge"</h2>
        <p class="govuk-body"><a class="govuk-link" href=Route::EditPlan { plan: plan_id.clone() }.href()>"Change its dates, peer team and approval on the plan's details page"</a></p>
        <ReviewFields plan_id=plan_id.clone() review_id=None />
        <h2 class="govuk-heading-m">"Progress reviews and follow-up visits"</h2>
        {move || later.get().is_empty().then(|| view! { <p class="govuk-body">"None recorded yet."</p> })}
        <For each=move || later.get() key=|id| id.clone() let:id>
            <LaterReviewSection plan_id=ids.get_value() review_id=id />
        </For>
        <form class="app-add-form" novalidate data-own-undo="" on:submit=add data-testid="add-review">
            <h3 class="govuk-heading-s">"Add a review"</h3>
            <p class="govuk-body" role="status">{move || added.get()}</p>
            <div class="govuk-form-group">
                <label class="govuk-label" for="new-review-kind">"Kind of review"</label>
                <select class="govuk-select" id="new-review-kind" on:change=move |ev| kind.set(event_target_value(&ev))>
                    {kinds.into_iter().map(|(v, t)| view! { <option value=v.clone() selected=move || kind.get() == v>{t}</option> }).collect_view()}
                </select>
            </div>
            <DateInput id="new-review-day" legend="First day" hint="For a virtual review, the day it was held" typed=first_day error=day_error />
            <button type="submit" class="govuk-button govuk-button--secondary">"Add review"</button>
        </form>
        <p class="govuk-body"><a class="govuk-link" href=Route::Overview { plan: plan_id.clone() }.href()>"Back to the overview"</a></p>
    }
}

#[component]
fn LaterReviewSection(plan_id: String, review_id: String) -> impl IntoView {
    let heading = {
        let id = review_id.clone();
        from_plan(&plan_id, move |p| {
            review_of(p, Some(&id))
                .map(|r| match r.onsite_from {
                    Some(day) => format!("{}, {}", r.kind.label(), format_long(day)),
                    None => r.kind.label().to_string(),
                })
                .unwrap_or_default()
        })
    };
    let remove = {
        let edits = ControlEdits::new(&plan_id);
        let (plan_id, id) = (plan_id.clone(), review_id.clone());
        let library = use_state().library;
        move |_| {
            let Some(plan) = library.plan_now(&plan_id) else {
                return;
            };
            if let Some(at) = plan.later_reviews.iter().position(|r| r.id == id) {
                edits.make(
                    &format!("review-{id}-remove"),
                    Edit::LaterReview(ListOp::Remove(at)),
                    None,
                );
            }
        }
    };
    let kinds: Vec<(String, String)> = ReviewKind::ALL
        .iter()
        .map(|k| (k.as_str().to_string(), k.label().to_string()))
        .collect();
    let field = format!("review-{review_id}");
    let id = Some(review_id.clone());
    view! {
        <section class="app-list-item" aria-labelledby=format!("{field}-heading") data-testid="later-review">
            <h3 class="govuk-heading-s" id=format!("{field}-heading")>{heading}</h3>
            <SelectField id=format!("{field}-kind") label="Kind of review" options=kinds
                value=read(&plan_id, id.clone(), |r| r.kind.as_str().to_string())
                on_change=write(&plan_id, id.clone(), "kind", |r, v| { r.kind = ReviewKind::parse(&v).ok_or("Choose a kind of review")?; Ok(()) }) />
            <DateField id=format!("{field}-from") label="First day" value=read(&plan_id, id.clone(), |r| date_text(r.onsite_from))
                on_change=write(&plan_id, id.clone(), "from", |r, v| { r.onsite_from = optional_date(&v)?; Ok(()) }) />
            <DateField id=format!("{field}-to") label="Last day" hint="The same day for a review held in one day" value=read(&plan_id, id.clone(), |r| date_text(r.onsite_to))
                on_change=write(&plan_id, id.clone(), "to", |r, v| { r.onsite_to = optional_date(&v)?; Ok(()) }) />
            <TextField id=format!("{field}-team") label="Peer team" multiline=true hint="One member a line: name, role, organisation"
                value=read(&plan_id, id.clone(), |r| team_text(&r.peer_team))
                on_change=write(&plan_id, id.clone(), "team", |r, v| { r.peer_team = read_team(&v); Ok(()) }) />
            <ReviewFields plan_id=plan_id.clone() review_id=id.clone() />
            <button type="button" class="govuk-button govuk-button--warning" id=format!("{field}-remove") on:click=remove>
                "Remove this review"<span class="govuk-visually-hidden">{move || format!(": {}", heading.get())}</span>
            </button>
        </section>
    }
}

/// A value of the review, following the plan.
fn read(plan_id: &str, id: Option<String>, f: fn(&Review) -> String) -> Signal<String> {
    from_plan(plan_id, move |p| {
        review_of(p, id.as_deref()).map(f).unwrap_or_default()
    })
}

/// A change to the review, as one edit.
fn write(
    plan_id: &str,
    id: Option<String>,
    key: &str,
    f: fn(&mut Review, String) -> Result<(), String>,
) -> crate::ui::components::form::Change<String> {
    let field = format!("review-{}-{key}", id.as_deref().unwrap_or("challenge"));
    change(plan_id, field, move |plan, v: String| {
        let mut review = review_of(plan, id.as_deref())
            .cloned()
            .ok_or("This review is no longer in the plan")?;
        f(&mut review, v)?;
        Ok(Edit::Review {
            id: id.clone(),
            review,
        })
    })
}

/// What every review records: format and length, its published report, and what the
/// peers said.
#[component]
fn ReviewFields(plan_id: String, review_id: Option<String>) -> impl IntoView {
    let field = format!("review-{}", review_id.as_deref().unwrap_or("challenge"));
    let id = review_id;
    let mut formats = vec![(String::new(), "Not recorded".to_string())];
    formats.extend(VisitFormat::ALL.map(|f| (f.as_str().to_string(), f.label().to_string())));
    view! {
        <RadiosField id=format!("{field}-format") legend="Format" options=formats
            value=read(&plan_id, id.clone(), |r| r.format.map(|f| f.as_str().to_string()).unwrap_or_default())
            on_change=write(&plan_id, id.clone(), "format", |r, v| { r.format = VisitFormat::parse(&v); Ok(()) }) />
        <TextField id=format!("{field}-duration") label="How long" hint="For example four days, or half a day" width="govuk-input--width-20"
            value=read(&plan_id, id.clone(), |r| r.duration.clone())
            on_change=write(&plan_id, id.clone(), "duration", |r, v| { r.duration = v.trim().to_string(); Ok(()) }) />
        <TextField id=format!("{field}-report-url") label="Link to the published report" input_type="url"
            value=read(&plan_id, id.clone(), |r| r.report_url.clone())
            on_change=write(&plan_id, id.clone(), "report-url", |r, v| { r.report_url = typed_web_address(v, None)?; Ok(()) }) />
        <DateField id=format!("{field}-published") label="Report published on" hint="The LGA expects it within twelve months"
            value=read(&plan_id, id.clone(), |r| date_text(r.report_published))
            on_change=write(&plan_id, id.clone(), "published", |r, v| { r.report_published = optional_date(&v)?; Ok(()) }) />
        <TextField id=format!("{field}-feedback") label="The peers' feedback" multiline=true
            value=read(&plan_id, id.clone(), |r| r.feedback.clone())
            on_change=write(&plan_id, id.clone(), "feedback", |r, v| { r.feedback = v; Ok(()) }) />
        <TextField id=format!("{field}-challenges") label="Challenges the peers named" multiline=true hint="One a line"
            value=read(&plan_id, id.clone(), |r| r.challenges.join("\n"))
            on_change=write(&plan_id, id.clone(), "challenges", |r, v| { r.challenges = lines(&v); Ok(()) }) />
        <TextField id=format!("{field}-next-steps") label="Next steps the peers named" multiline=true hint="One a line"
            value=read(&plan_id, id.clone(), |r| r.next_steps.join("\n"))
            on_change=write(&plan_id, id.clone(), "next-steps", |r, v| { r.next_steps = lines(&v); Ok(()) }) />
    }
}
