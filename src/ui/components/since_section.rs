//! What changed between two days, as the progress report and the progress view show it:
//! a line of counts, then each list ("Completed", "Due dates moved", …).

use leptos::prelude::*;

use crate::domain::reports::{since_from, since_lines, words};
use crate::domain::since::Since;
use crate::domain::IssuedReport;

#[component]
pub fn SinceSection(
    since: Since,
    from: Option<IssuedReport>,
    #[prop(optional)] part_class: &'static str,
) -> impl IntoView {
    let lines = since_lines(&since);
    view! {
        <section class="app-since" data-testid="since" aria-labelledby="since-heading">
            <h2 class=format!("govuk-heading-m {part_class}") id="since-heading">{words::SINCE_PART}</h2>
            <p class="govuk-body" data-testid="since-from">{since_from(&since, from.as_ref())}</p>
            <p class="govuk-body govuk-!-font-weight-bold" data-testid="since-summary">{since.summary()}</p>
            // Each list with something in it; the summary line above counts the others.
            {lines.into_iter().filter(|(_, items)| !items.is_empty()).map(|(heading, items)| {
                let testid = heading.to_lowercase().replace(' ', "-");
                view! {
                    <h3 class="govuk-heading-s">{format!("{heading} ({})", items.len())}</h3>
                    <ul class="govuk-list govuk-list--bullet" data-testid=format!("since-{testid}")>
                        {items.into_iter().map(|line| view! { <li>{line}</li> }).collect_view()}
                    </ul>
                }
            }).collect_view()}
        </section>
    }
}
