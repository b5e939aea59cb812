//! What a resident without JavaScript reads where a choice needs it: the residents' site's
//! plain pages show the plan as at the day they were made, and choosing filters or
//! another date is the app's work.

use leptos::prelude::*;

#[component]
pub fn NeedsJavaScript() -> impl IntoView {
    view! {
        <noscript>
            <p class="govuk-inset-text" data-testid="needs-javascript">
                "Choosing filters or another date needs JavaScript, which is switched off in this browser. This page shows the plan as at the day it was published."
            </p>
        </noscript>
    }
}
