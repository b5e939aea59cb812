//! `#/about`: what a corporate peer challenge is, for residents; and what a published site
//! shows when its plan cannot be read.

use leptos::prelude::*;

use crate::domain::Problem;
use crate::presentation::route::Route;
use crate::ui::components::title::set_title;
use crate::ui::state::use_state;

#[component]
pub fn AboutPage() -> impl IntoView {
    set_title(&["What is a peer challenge?"]);
    let state = use_state();
    let first = state
        .library
        .plans
        .with_untracked(|p| p.first().map(|p| (p.id.clone(), p.council.clone())));
    let report = state
        .site
        .and_then(|s| s.with_value(|s| s.report_url.clone()));
    view! {
        <h1 class="govuk-heading-l">"What is a corporate peer challenge?"</h1>
        <p class="govuk-body-l">"A corporate peer challenge is a review of a council by a team of councillors and senior officers from other councils, arranged by the Local Government Association (LGA)."</p>
        <p class="govuk-body">"It is not an inspection. It is part of the way councils help each other improve: the council asks for it, agrees what it covers, and the peer team acts as a critical friend."</p>
        <h2 class="govuk-heading-m">"What happens"</h2>
        <ol class="govuk-list govuk-list--number">
            <li>"The peer team reads about the council and spends several days on site, talking with councillors, staff, partners and residents' groups."</li>
            <li>"It looks at five core themes, such as leadership, governance, finances and the council's capacity to improve, and at any areas the council asks about."</li>
            <li>"It gives its feedback in a report with numbered recommendations."</li>
            <li>"The council publishes an action plan: what it will do about each recommendation, by when, and who leads it."</li>
            <li>"The council reports its progress to councillors at public meetings, and the peer team comes back for a progress review, usually about ten months later."</li>
        </ol>
        <h2 class="govuk-heading-m">"On this site"</h2>
        <ul class="govuk-list govuk-list--bullet">
            {first.map(|(id, council)| view! {
                <li><a class="govuk-link" href=Route::Recommendations { plan: id.clone() }.href()>{format!("The recommendations to {council}, and what is being done about each")}</a></li>
                <li><a class="govuk-link" href=Route::Dashboard { plan: id.clone() }.href()>"Where the plan stands today"</a></li>
                <li><a class="govuk-link" href=Route::Report { plan: id, kind: crate::presentation::route::ReportKind::Progress }.href()>"The progress report, ready to print"</a></li>
            })}
            {report.map(|url| view! { <li><a class="govuk-link" href=url rel="noopener noreferrer">"The peer team's report, as the council published it"</a></li> })}
            <li><a class="govuk-link" href="plan.json">"The whole plan as data (plan.json)"</a></li>
        </ul>
    }
}

/// A published site whose plan file is missing or cannot be read.
#[component]
pub fn Unpublishable(problems: Vec<Problem>) -> impl IntoView {
    set_title(&["The action plan cannot be shown"]);
    view! {
        <h1 class="govuk-heading-l">"The action plan cannot be shown"</h1>
        <p class="govuk-body">"This site publishes a council's peer challenge action plan, but its plan file is missing or could not be read. Please try again later, or contact the council."</p>
        <details class="govuk-details">
            <summary class="govuk-details__summary"><span class="govuk-details__summary-text">"For the council: what is wrong with the file"</span></summary>
            <div class="govuk-details__text">
                <ul class="govuk-list app-problems" data-testid="unpublishable">
                    {problems.into_iter().map(|p| view! { <li><code class="app-path">{p.path}</code>" "{p.reason}</li> }).collect_view()}
                </ul>
            </div>
        </details>
    }
}
