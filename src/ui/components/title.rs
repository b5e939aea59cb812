//! The browser tab's title, which screen readers announce first on every page, and on a
//! published site the page's description for search engines.

use leptos::prelude::*;

use crate::ui::state::AppState;

/// Sets the tab's title to "<page> – <plan> – Peer challenge action plans". On a published
/// site, the page's description says what the page is, whose plan, and when it was
/// last updated.
pub fn set_title(parts: &[&str]) {
    let mut all: Vec<&str> = parts.iter().copied().filter(|p| !p.is_empty()).collect();
    all.push("Peer challenge action plans");
    crate::browser::document::set_title(&all.join(" – "));
    if let Some(state) = use_context::<AppState>().filter(|s| s.published()) {
        let council = state
            .library
            .plans
            .with_untracked(|p| p.first().map(|p| p.council.clone()))
            .unwrap_or_else(|| "The council".to_string());
        crate::browser::document::set_description(&page_description(
            &all[..all.len() - 1],
            &council,
            state.updated,
        ));
    }
}

/// "Overview – Corporate Peer Challenge 2019: improvement action plan. London Borough of
/// Havering's action plan after its corporate peer challenge, and the progress on each
/// recommendation. Last updated by the council on 3 October 2026."
fn page_description(parts: &[&str], council: &str, updated: Option<chrono::NaiveDate>) -> String {
    let mut text = String::new();
    if !parts.is_empty() {
        text.push_str(&parts.join(" – "));
        text.push_str(". ");
    }
    text.push_str(&format!(
        "{council}'s action plan after its corporate peer challenge, and the progress on each recommendation."
    ));
    if let Some(day) = updated {
        text.push(' ');
        text.push_str(&crate::domain::last_updated::last_updated_sentence(day));
        text.push('.');
    }
    text
}
