//! Who answers for a published plan, near the top of its home page: the portfolio holder
//! who leads it, the committee that oversees it, when it next reports (from the plan's
//! reporting schedules, as at today), and how to contact the council (from `site.json`).

use chrono::NaiveDate;
use leptos::prelude::*;

use crate::domain::dates::format_long;
use crate::domain::Plan;
use crate::ui::components::reporting::next_report_text;
use crate::ui::state::use_state;

/// The block, or nothing when neither the plan nor the site says any of it.
pub fn accountability(plan: &Plan, today: NaiveDate) -> Option<impl IntoView> {
    let settings = use_state().site.map(|s| s.get_value()).unwrap_or_default();
    let text_rows: Vec<(&'static str, String, &'static str)> = [
        (
            "Leads the plan",
            plan.portfolio_holder.trim().to_string(),
            "portfolio-holder",
        ),
        (
            "Overseen by",
            plan.overseen_by.trim().to_string(),
            "overseen-by",
        ),
        (
            "Next reports",
            // Named with its day: the site's plain pages are read long after they were made.
            next_report_text(plan, today)
                .map(|next| format!("{next} (as at {})", format_long(today)))
                .unwrap_or_default(),
            "next-report",
        ),
        (
            "Contact officer",
            plan.contact_officer.trim().to_string(),
            "contact-officer",
        ),
    ]
    .into_iter()
    .filter(|(_, value, _)| !value.is_empty())
    .collect();
    let email = settings.contact_email.clone();
    let phone = settings.contact_phone.clone();
    if text_rows.is_empty() && email.is_empty() && phone.is_empty() {
        return None;
    }
    Some(view! {
        <h2 class="govuk-heading-m" id="accountability-heading">"Who is responsible"</h2>
        <dl class="govuk-summary-list" data-testid="accountability" aria-labelledby="accountability-heading">
            {text_rows.into_iter().map(|(key, value, testid)| view! {
                <div class="govuk-summary-list__row" data-testid=testid>
                    <dt class="govuk-summary-list__key">{key}</dt>
                    <dd class="govuk-summary-list__value">{value}</dd>
                </div>
            }).collect_view()}
            {(!email.is_empty() || !phone.is_empty()).then(|| view! {
                <div class="govuk-summary-list__row" data-testid="contact-council">
                    <dt class="govuk-summary-list__key">"Contact the council"</dt>
                    <dd class="govuk-summary-list__value">
                        <ul class="govuk-list">
                            {(!email.is_empty()).then(|| view! {
                                <li>"Email: "<a class="govuk-link" href=format!("mailto:{email}")>{email.clone()}</a></li>
                            })}
                            {(!phone.is_empty()).then(|| view! { <li>{format!("Telephone: {phone}")}</li> })}
                        </ul>
                    </dd>
                </div>
            })}
        </dl>
    })
}
