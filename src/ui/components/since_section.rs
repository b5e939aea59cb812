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
            {lines.into_iter().map(|(heading, items)| {
                let testid = heading.to_lowercase().replace(' ', "-");
                view! {
                    <h3 class="govuk-heading-s">{format!("{heading} ({})", items.len())}</h3>
                    {if items.is_empty() {
                        view! { <p class="govuk-body">{words::NOTHING}</p> }.into_any()
                    } else {
                        view! {
                            <ul class="govuk-list govuk-list--bullet" data-testid=format!("since-{testid}")>
                                {items.into_iter().map(|line| view! { <li>{line}</li> }).collect_view()}
                            </ul>
                        }.into_any()
                    }}
                }
            }).collect_view()}
        </section>
    }
}
