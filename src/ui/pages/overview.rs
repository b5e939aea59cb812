//! `#/plan/<id>`: the plan's overview: the review, the peer team, the scope, progress
//! in brief, and the milestones.

use chrono::NaiveDate;
use leptos::prelude::*;

use crate::domain::dates::{format_long, format_range};
use crate::domain::figures::{milestone_state, MilestoneState};
use crate::domain::{figure_text, Plan, ThemeKind};
use crate::presentation::route::Route;
use crate::ui::components::status_tag::StatusTag;
use crate::ui::components::summary_list::SummaryList;
use crate::ui::components::title::set_title;
use crate::ui::pages::not_found::WhenFound;
use crate::ui::state::use_state;

#[component]
pub fn OverviewPage(plan_id: String) -> impl IntoView {
    let state = use_state();
    let id = plan_id.clone();
    let page = move || {
        state.with_plan(&id, |plan| {
            plan.map(|plan| {
                set_title(&["Overview", &plan.title]);
                overview(
                    plan,
                    state.figures_day(),
                    state.today.get(),
                    state.published(),
                )
            })
        })
    };
    view! { <WhenFound plan_id=plan_id>{page.clone()}</WhenFound> }
}

/// `day` is the day the figures are as at (a published plan's export day, or today);
/// `today` is today, for when the plan next reports.
fn overview(plan: &Plan, day: NaiveDate, today: NaiveDate, published: bool) -> impl IntoView {
    let review = &plan.review;
    // One set of figures for the summary and the table, as the dashboard works them out;
    // a closed plan's stand as at the day it closed.
    let as_at = plan.as_at(day);
    let progress_heading = if plan.closed.is_some() {
        "Progress when the plan closed".to_string()
    } else if as_at == today && !published {
        // A published page is read long after it was written (and kept as plain HTML), so
        // it always names its day.
        "Progress today".to_string()
    } else {
        format!("Progress on {}", format_long(as_at))
    };
    let progress_caption = if plan.closed.is_some() {
        "Actions by status when the plan closed".to_string()
    } else {
        format!("Actions by status on {}", format_long(as_at))
    };
    let board = crate::domain::progress::dashboard(plan, as_at);
    let counts = board.counts;
    let recommendations_href = Route::Recommendations {
        plan: plan.id.clone(),
    }
    .href();

    let onsite = match (review.onsite_from, review.onsite_to) {
        (Some(from), Some(to)) => Some(format_range(from, to)),
        (Some(day), None) | (None, Some(day)) => Some(format_long(day)),
        (None, None) => None,
    };
    let approved = review.plan_approved.as_ref().map(|a| {
        if a.by.is_empty() {
            format_long(a.date)
        } else {
            format!("{} by {}", format_long(a.date), a.by)
        }
    });
    let engagement = review.engagement.as_ref().and_then(|e| {
        let parts: Vec<String> = [
            (figure_text(e.people, &e.people_stated), "people"),
            (figure_text(e.meetings, &e.meetings_stated), "meetings"),
            (figure_text(e.hours, &e.hours_stated), "hours"),
        ]
        .into_iter()
        .filter_map(|(n, what)| n.map(|n| format!("{n} {what}")))
        .collect();
        (!parts.is_empty()).then(|| parts.join(", "))
    });
    let mut review_rows: Vec<(String, String)> = [
        ("Kind of review", Some(review.kind.label().to_string())),
        ("Peer team on site", onsite),
        ("Report received", review.report_received.map(format_long)),
        ("Action plan approved", approved),
        ("Peer team spoke with", engagement),
    ]
    .into_iter()
    .filter_map(|(k, v)| v.map(|v| (k.to_string(), v)))
    .collect();
    review_rows.extend(crate::ui::components::reviews_summary::visit_rows(review));

    let core: Vec<_> = plan
        .themes
        .iter()
        .filter(|t| t.kind == ThemeKind::Core)
        .cloned()
        .collect();
    let additional: Vec<_> = plan
        .themes
        .iter()
        .filter(|t| t.kind == ThemeKind::Additional)
        .cloned()
        .collect();
    let theme_list = |themes: Vec<crate::domain::Theme>| {
        view! {
            <dl class="govuk-summary-list">
                {themes.into_iter().map(|t| view! {
                    <div class="govuk-summary-list__row">
                        <dt class="govuk-summary-list__key">{t.title}</dt>
                        <dd class="govuk-summary-list__value">{t.question}</dd>
                    </div>
                }).collect_view()}
            </dl>
        }
    };

    // The first screen; the rest may come a moment later (`later`), when the app takes
    // over a written page.
    let first = view! {
        <span class="govuk-caption-l">{plan.council.clone()}</span>
        <h1 class="govuk-heading-l">{plan.title.clone()}</h1>

        {crate::ui::components::reporting::closed_banner(plan)}
        <p class="govuk-body-l" data-testid="plan-summary">{board.summary()}</p>
        {(!published).then(|| checks(plan))}
        {published.then(|| view! {
            <p class="govuk-body">
                <a class="govuk-link" href=Route::About.href()>"What is a corporate peer challenge?"</a>
            </p>
        })}
        {published.then(|| crate::ui::components::accountability::accountability(plan, today))}
        <h2 class="govuk-heading-m">{progress_heading}</h2>
        <p class="govuk-body" data-testid="plan-size">
            {format!("{} recommendations, {} actions. ", plan.recommendations.len(), counts.total())}
            <a class="govuk-link" href=recommendations_href>"See every recommendation and its actions"</a>
        </p>
        <p class="govuk-body">
            <a class="govuk-link" href=Route::Dashboard { plan: plan.id.clone() }.href()>"See where the plan stands, as at any date"</a>
        </p>
        <table class="govuk-table" data-testid="status-counts">
            <caption class="govuk-table__caption govuk-visually-hidden">{progress_caption}</caption>
            <thead class="govuk-table__head">
                <tr class="govuk-table__row">
                    <th scope="col" class="govuk-table__header">"Status"</th>
                    <th scope="col" class="govuk-table__header govuk-table__header--numeric">"Actions"</th>
                    <th scope="col" class="govuk-table__header govuk-table__header--numeric">"Share"</th>
                </tr>
            </thead>
            <tbody class="govuk-table__body">
                {counts.iter().filter(|(_, n)| *n > 0).map(|(status, n)| view! {
                    <tr class="govuk-table__row" data-status=status.as_str()>
                        <th scope="row" class="govuk-table__header"><StatusTag status=status /></th>
                        <td class="govuk-table__cell govuk-table__cell--numeric">{n}</td>
                        <td class="govuk-table__cell govuk-table__cell--numeric">{format!("{}%", counts.share(status))}</td>
                    </tr>
                }).collect_view()}
                <tr class="govuk-table__row" data-testid="all-actions">
                    <th scope="row" class="govuk-table__header">"All actions"</th>
                    <td class="govuk-table__cell govuk-table__cell--numeric">{counts.total()}</td>
                    <td class="govuk-table__cell govuk-table__cell--numeric">{if counts.total() == 0 { "0%" } else { "100%" }}</td>
                </tr>
            </tbody>
        </table>
        // Overdue actions are counted under their status already: said apart, so the
        // shares above add up to 100%.
        <p class="govuk-body" data-testid="overdue-line">
            <strong>{format!("Overdue on {}: ", format_long(as_at))}</strong>
            {board.overdue_sentence()}
        </p>
    };
    let rest = view! {
        <h2 class="govuk-heading-m">"The review"</h2>
        {(!published).then(|| view! { <p class="govuk-body"><a class="govuk-link" href=Route::EditPlan { plan: plan.id.clone() }.href()>"Change the plan's details, review and peer team"</a></p> })}
        <SummaryList rows=review_rows />

        {(!review.peer_team.is_empty()).then(|| view! {
            <table class="govuk-table app-stacked" role="table">
                <caption class="govuk-table__caption govuk-table__caption--m">"Peer team"</caption>
                <thead class="govuk-table__head" role="rowgroup">
                    <tr class="govuk-table__row" role="row">
                        <th scope="col" class="govuk-table__header" role="columnheader">"Name"</th>
                        <th scope="col" class="govuk-table__header" role="columnheader">"Role"</th>
                        <th scope="col" class="govuk-table__header" role="columnheader">"Organisation"</th>
                    </tr>
                </thead>
                <tbody class="govuk-table__body" role="rowgroup">
                    {review.peer_team.iter().map(|m| view! {
                        <tr class="govuk-table__row" role="row">
                            <th scope="row" class="govuk-table__header" role="rowheader">{m.name.clone()}</th>
                            <td class="govuk-table__cell" role="cell" data-label="Role">{m.role.clone()}</td>
                            <td class="govuk-table__cell" role="cell" data-label="Organisation">{m.organisation.clone()}</td>
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
        })}

        <crate::ui::components::reviews_summary::PeerFeedback review=review.clone() heading_level="h3" />
        <h2 class="govuk-heading-m">"Progress reviews and visits"</h2>
        {plan.later_reviews.is_empty().then(|| view! { <p class="govuk-body">"No progress review or follow-up visit is recorded yet."</p> })}
        {crate::ui::components::reviews_summary::later_reviews(plan, as_at, published)}

        {crate::ui::components::reporting::reporting_section(plan, today, published)}

        <h2 class="govuk-heading-m">"Scope of the challenge"</h2>
        {(!published).then(|| view! { <p class="govuk-body"><a class="govuk-link" href=Route::EditThemes { plan: plan.id.clone() }.href()>"Change the themes and groups"</a></p> })}
        {(!plan.themes.is_empty()).then(|| view! {
            {(!core.is_empty()).then(|| view! {
                <h3 class="govuk-heading-s">"Core themes"</h3>
                {theme_list(core)}
            })}
            {(!additional.is_empty()).then(|| view! {
                <h3 class="govuk-heading-s">"Areas the council asked the peer team to look at"</h3>
                {theme_list(additional)}
            })}
        })}

        {(!plan.groups.is_empty()).then(|| view! {
            <h2 class="govuk-heading-m">"Groups"</h2>
            <p class="govuk-body">"The council files recommendations under these groups:"</p>
            <ul class="govuk-list govuk-list--bullet">
                {plan.groups.iter().map(|g| {
                    let n = plan.recommendations.iter().filter(|r| r.group.as_deref() == Some(&g.id)).count();
                    let text = format!("{} ({} recommendation{})", g.name, n, if n == 1 { "" } else { "s" });
                    view! { <li>{text}</li> }
                }).collect_view()}
            </ul>
        })}

        {(!plan.findings.is_empty()).then(|| view! {
            <h2 class="govuk-heading-m">"The peer team's key findings"</h2>
            {plan.findings.iter().map(|f| view! { <p class="govuk-body">{f.clone()}</p> }).collect_view()}
        })}

        {published.then(|| view! {
            <h2 class="govuk-heading-m">"The plan as data"</h2>
            <p class="govuk-body">
                <a class="govuk-link" href="plan.json" download="plan.json">"Download the whole plan (plan.json)"</a>
                ", or "
                <a class="govuk-link" href=Route::HelpPlanFile.href()>"read what the file holds"</a>"."
            </p>
        })}
        <h2 class="govuk-heading-m">"Milestones"</h2>
        {(!published).then(|| view! { <p class="govuk-body"><a class="govuk-link" href=Route::EditMilestones { plan: plan.id.clone() }.href()>"Change the milestones"</a></p> })}
        {if plan.milestones.is_empty() {
            view! { <p class="govuk-body">"No milestones have been set."</p> }.into_any()
        } else {
            view! {
                <table class="govuk-table app-stacked" role="table">
                    <caption class="govuk-table__caption govuk-visually-hidden">"Milestones"</caption>
                    <thead class="govuk-table__head" role="rowgroup">
                        <tr class="govuk-table__row" role="row">
                            <th scope="col" class="govuk-table__header" role="columnheader">"Milestone"</th>
                            <th scope="col" class="govuk-table__header app-col-date" role="columnheader">"Due"</th>
                            <th scope="col" class="govuk-table__header app-col-status" role="columnheader">"Where it stands"</th>
                        </tr>
                    </thead>
                    <tbody class="govuk-table__body" role="rowgroup">
                        {plan.milestones.iter().map(|m| {
                            let state = milestone_state(m, day);
                            let (class, text) = match state {
                                MilestoneState::Done => ("govuk-tag", format!("Done {}", m.done.map(format_long).unwrap_or_default())),
                                MilestoneState::Due => ("govuk-tag govuk-tag--grey", state.label().to_string()),
                                MilestoneState::Missed => ("govuk-tag govuk-tag--red", state.label().to_string()),
                            };
                            view! {
                                <tr class="govuk-table__row" role="row">
                                    <th scope="row" class="govuk-table__header" role="rowheader">
                                        {m.title.clone()}
                                        {(!m.note.is_empty()).then(|| view! { <span class="govuk-body-s govuk-!-display-block govuk-!-margin-top-1">{m.note.clone()}</span> })}
                                    </th>
                                    <td class="govuk-table__cell" role="cell" data-label="Due">{format_long(m.due)}</td>
                                    <td class="govuk-table__cell" role="cell" data-label="Where it stands"><strong class=class>{text}</strong></td>
                                </tr>
                            }
                        }).collect_view()}
                    </tbody>
                </table>
            }.into_any()
        }}
    };
    view! { {first} {crate::ui::components::drawn_in_parts::later(rest.into_any())} }
}

/// What in the plan is allowed but usually a slip, with a link to put each right.
fn checks(plan: &Plan) -> Option<impl IntoView> {
    let warnings = crate::domain::sanity::plan_warnings(plan);
    (!warnings.is_empty()).then(|| {
        let plan_id = plan.id.clone();
        view! {
            <div class="govuk-inset-text" data-testid="plan-checks">
                <h2 class="govuk-heading-s">"Worth checking"</h2>
                <ul class="govuk-list govuk-list--bullet">
                    {warnings.into_iter().map(|w| {
                        let href = match &w.action {
                            Some(action) => Route::EditAction { plan: plan_id.clone(), action: action.clone() }.href(),
                            None => Route::EditRecommendation { plan: plan_id.clone(), recommendation: w.recommendation.clone() }.href(),
                        };
                        view! { <li><a class="govuk-link" href=href>{w.place}</a>{format!(": {}", w.message)}</li> }
                    }).collect_view()}
                </ul>
            </div>
        }
    })
}
