//! On a published site, where a resident can pick a date or filter the actions: the plain
//! words that this needs JavaScript, and what the page shows without it. A published
//! site's pages are read without JavaScript too, where these forms cannot work.

use leptos::prelude::*;

use crate::domain::dates::format_long;
use crate::ui::state::use_state;

/// `what` is what needs it: "Choosing the date and filtering the actions".
#[component]
pub fn NeedsJavaScript(what: &'static str) -> impl IntoView {
    let state = use_state();
    state.published().then(|| {
        let shows = match state.updated {
            Some(day) => format!("the plan as at {}, when the council last updated it", format_long(day)),
            None => "the plan as the council published it".to_string(),
        };
        view! {
            <p class="govuk-hint" data-testid="needs-javascript">
                {format!("{what} needs JavaScript switched on in your browser. Without it, this page shows {shows}.")}
            </p>
        }
    })
}
