//! `#/accessibility`: the accessibility statement the Public Sector Bodies (Websites and
//! Mobile Applications) Accessibility Regulations 2018 require.

use leptos::prelude::*;

use crate::domain::dates::format_long;
use crate::ui::components::title::set_title;
use crate::ui::state::use_state;

#[component]
pub fn AccessibilityPage() -> impl IntoView {
    set_title(&["Accessibility statement"]);
    let state = use_state();
    let council = state
        .library
        .plans
        .with_untracked(|p| p.first().map(|p| p.council.clone()))
        .unwrap_or_else(|| "The council".to_string());
    let settings = state.site.map(|s| s.get_value()).unwrap_or_default();
    let contact = match (
        settings.contact_email.is_empty(),
        settings.contact_phone.is_empty(),
    ) {
        (false, false) => Some((
            settings.contact_email.clone(),
            settings.contact_phone.clone(),
        )),
        (false, true) => Some((settings.contact_email.clone(), String::new())),
        (true, false) => Some((String::new(), settings.contact_phone.clone())),
        (true, true) => None,
    };
    view! {
        <h1 class="govuk-heading-l">"Accessibility statement"</h1>
        <p class="govuk-body">{format!("{council} runs this site, which publishes its corporate peer challenge action plan and the progress made. We want as many people as possible to be able to use it. You should be able to:")}</p>
        <ul class="govuk-list govuk-list--bullet">
            <li>"change colours, contrast and fonts using your browser or device settings"</li>
            <li>"zoom in up to 400% without the text spilling off the screen"</li>
            <li>"get around the site using just a keyboard"</li>
            <li>"use the site with a screen reader"</li>
            <li>"read every chart's figures in a table"</li>
            <li>"print or save each report as a PDF, or download it as a Word document or the plan as data"</li>
        </ul>
        <h2 class="govuk-heading-m">"How accessible this site is"</h2>
        <p class="govuk-body">"This site aims to meet the Web Content Accessibility Guidelines (WCAG) version 2.2 to level AA. Each page is checked with automated tests (axe-core) and by keyboard. We know of no part of the site that fails the standard."</p>
        <p class="govuk-body">"The site needs JavaScript. Without it, the plan itself is still available as the file plan.json."</p>
        <h2 class="govuk-heading-m">"Feedback and contact information"</h2>
        {match contact {
            Some((email, phone)) => view! {
                <p class="govuk-body">"If you find a problem with this site, or need the plan in another format such as large print, easy read or audio, contact us:"</p>
                <ul class="govuk-list" data-testid="contact">
                    {(!email.is_empty()).then(|| view! { <li>"Email: "<a class="govuk-link" href=format!("mailto:{email}")>{email.clone()}</a></li> })}
                    {(!phone.is_empty()).then(|| view! { <li>{format!("Telephone: {phone}")}</li> })}
                </ul>
            }.into_any(),
            None => view! { <p class="govuk-body">{format!("If you find a problem with this site, or need the plan in another format, contact {council} through its website.")}</p> }.into_any(),
        }}
        <h2 class="govuk-heading-m">"Enforcement procedure"</h2>
        <p class="govuk-body">"The Equality and Human Rights Commission (EHRC) is responsible for enforcing the accessibility regulations. If you are not happy with how we respond to your complaint, contact the Equality Advisory and Support Service (EASS)."</p>
        <h2 class="govuk-heading-m">"Preparation of this statement"</h2>
        <p class="govuk-body">{match settings.statement_date {
            Some(d) => format!("This statement was prepared on {}.", format_long(d)),
            None => "This statement is reviewed each time the site is published.".to_string(),
        }}</p>
    }
}
