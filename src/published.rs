//! Whether this site is a published plan: a `plan.json` (and perhaps a `site.json`) beside
//! `index.html`. Asked once, before anything else, so a published site never touches
//! local storage.

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

use crate::domain::{Plan, Problem};
use crate::format::import;
use crate::format::site::SiteSettings;

/// A published site: its plan (or why it cannot be shown) and its settings.
#[derive(Clone, Debug)]
pub struct Published {
    pub plan: Result<Plan, Vec<Problem>>,
    pub settings: SiteSettings,
}

/// The text of a file beside `index.html`; `None` when it is not there.
async fn fetch_text(name: &str) -> Option<String> {
    let window = web_sys::window()?;
    let init = web_sys::RequestInit::new();
    init.set_cache(web_sys::RequestCache::NoCache);
    let response = JsFuture::from(window.fetch_with_str_and_init(name, &init))
        .await
        .ok()?;
    let response: web_sys::Response = response.dyn_into().ok()?;
    if !response.ok() {
        return None;
    }
    JsFuture::from(response.text().ok()?)
        .await
        .ok()?
        .as_string()
}

/// Looks for a published plan. `None` means this is the ordinary app.
pub async fn detect() -> Option<Published> {
    let plan = fetch_text("plan.json").await;
    let settings = fetch_text("site.json").await;
    if plan.is_none() && settings.is_none() {
        return None;
    }
    Some(Published {
        plan: match plan {
            Some(text) => import(&text).map(|i| i.plan),
            None => Err(vec![Problem::new(
                "plan.json",
                "is missing: the site has no plan file beside its index.html",
            )]),
        },
        settings: settings
            .map(|t| SiteSettings::from_text(&t))
            .unwrap_or_default(),
    })
}
