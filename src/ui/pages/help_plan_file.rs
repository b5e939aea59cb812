//! `#/help/plan-file`: what a plan file is, for a person who has been sent one.

use leptos::prelude::*;

use crate::presentation::route::Route;
use crate::ui::components::title::set_title;

#[component]
pub fn HelpPlanFilePage() -> impl IntoView {
    set_title(&["What is a plan file?"]);
    let published = crate::ui::state::use_state().published();
    view! {
        <h1 class="govuk-heading-l">"What is a plan file?"</h1>
        <p class="govuk-body-l">"A plan file holds one council's action plan after a Local Government Association corporate peer challenge: the peer team's recommendations, the actions the council agreed, and the progress made."</p>

        <h2 class="govuk-heading-m">"If you have been sent one"</h2>
        <ol class="govuk-list govuk-list--number">
            <li>"Keep the file as it is. Its name ends in "<code>".plan.json"</code>"."</li>
            {if published {
                view! { <li>"Open it in the council's action plan app: it opens in your browser, and nothing is sent anywhere."</li> }.into_any()
            } else {
                view! { <li><a class="govuk-link" href=Route::Import.href()>"Import it"</a>" into this app: it opens in your browser, and nothing is sent anywhere."</li> }.into_any()
            }}
            <li>"Update the actions you lead: their status, a progress update saying what has been done, and links to evidence."</li>
            <li>"Export the plan and send the new file back. The officer who sent it merges your changes into the council's plan; updates from everyone are kept."</li>
        </ol>
        <p class="govuk-body">"Each file the app exports says which copy it is, and a copy you export again says which copy you were sent. So the officer's app can tell your changes from theirs, however many copies went out and whatever order they come back in: it takes yours, keeps theirs, and asks only when you both changed the same thing."</p>

        <h2 class="govuk-heading-m">"What is in it"</h2>
        <p class="govuk-body">"The file is plain text in a format called JSON. It names the council, the peer team and the lead officers of each action, so treat it as you would any council document that names people."</p>
        <p class="govuk-body">"It holds:"</p>
        <ul class="govuk-list govuk-list--bullet">
            <li>"the review: when the peer team was on site, who they were, and the themes they looked at"</li>
            <li>"each recommendation in the peer team's words, and the council's response"</li>
            <li>"each action: what the council will do, its timescale and due date, its leads, its status and its history of progress updates"</li>
            <li>"the milestones, such as the progress review"</li>
        </ul>
        <p class="govuk-body">"A status is one of: not started, on track, at risk, off track, completed, ongoing (part of everyday work) or cancelled. An action is overdue when its due date has passed and it is not completed, ongoing or cancelled."</p>

        <h2 class="govuk-heading-m">"For people who work with data"</h2>
        <p class="govuk-body">
            "The format is “cpc-action-plan”, version 1. Its exact rules are published as a "
            <a class="govuk-link" href="plan-format-v1.schema.json">"JSON Schema (plan-format-v1.schema.json)"</a>
            ". Dates are written as YYYY-MM-DD. The app refuses a file that breaks a rule, and says where and why."
        </p>
        <p class="govuk-body">"A spreadsheet of the actions is also available from each plan as a CSV download, for those who prefer one."</p>
    }
}
