//! Whether this site is a published plan: a `plan.json` (and perhaps a `site.json`) beside
//! `index.html`. Asked once, before anything else, so a published site never touches
//! local storage.

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

use chrono::NaiveDate;

use crate::domain::last_updated::exported_on;
use crate::domain::{Plan, Problem};
use crate::format::import;
use crate::format::site::{is_web_page, SiteSettings};

/// A published site: its plan (or why it cannot be shown) and its settings.
#[derive(Clone, Debug)]
pub struct Published {
    pub plan: Result<Plan, Vec<Problem>>,
    /// The day the council exported the plan file (its `exported_at`), when it says.
    pub updated: Option<NaiveDate>,
    pub settings: SiteSettings,
}

/// Asks for a file beside `index.html`; the answer is read by [`text_of`].
pub(crate) fn request(name: &str) -> Option<JsFuture> {
    let window = web_sys::window()?;
    let init = web_sys::RequestInit::new();
    init.set_cache(web_sys::RequestCache::NoCache);
    Some(JsFuture::from(window.fetch_with_str_and_init(name, &init)))
}

/// The text of a requested file; `None` when it is not there. A host that answers every
/// missing file with `index.html` (a single-page-app fallback) says 200 for a file that
/// is not there, so what came back is read too: a web page is not a plan file.
pub(crate) async fn text_of(request: Option<JsFuture>) -> Option<String> {
    let response: web_sys::Response = request?.await.ok()?.dyn_into().ok()?;
    if !response.ok() {
        return None;
    }
    let text = JsFuture::from(response.text().ok()?)
        .await
        .ok()?
        .as_string()?;
    (!is_web_page(&text)).then_some(text)
}

/// What a site without its plan file says.
pub fn missing_plan() -> Problem {
    Problem::new(
        "plan.json",
        "is missing: the site has no plan file beside its index.html",
    )
}

/// Looks for a published plan. `None` means this is the ordinary app.
///
/// Only the site build looks: the officer's app never asks for files that are not there,
/// because each answer of 404 is an error in the browser's console that no script can
/// silence. A council publishes with the site build (`scripts/publish`, or the officer's
/// "Publish for residents" download), not with the officer's app.
pub async fn detect() -> Option<Published> {
    if !cfg!(feature = "site") {
        return None;
    }
    // Both requests are sent before either answer is awaited: the app waits for one
    // round trip, not two.
    let (plan, settings) = (request("plan.json"), request("site.json"));
    let plan = text_of(plan).await;
    let settings = text_of(settings).await;
    if plan.is_none() && settings.is_none() {
        return None;
    }
    let imported = match plan {
        Some(text) => import(&text),
        None => Err(vec![missing_plan()]),
    };
    let updated = imported
        .as_ref()
        .ok()
        .and_then(|i| i.exported_at.as_deref())
        .and_then(exported_on);
    Some(Published {
        plan: imported.map(|i| i.plan),
        updated,
        settings: settings
            .map(|t| SiteSettings::from_text(&t))
            .unwrap_or_default(),
    })
}
