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
use crate::format::static_site::{plan_check, PAGE_META, PLAN_CHECK_META, STATIC_ID};

/// A published site: its plan (or why it cannot be shown) and its settings.
#[derive(Clone, Debug)]
pub struct Published {
    pub plan: Result<Plan, Vec<Problem>>,
    /// The day the council exported the plan file (its `exported_at`), when it says.
    pub updated: Option<NaiveDate>,
    pub settings: SiteSettings,
    /// This page was written (as plain HTML) from another `plan.json` than the one the
    /// site has now: what readers without JavaScript see is older.
    pub pages_differ: bool,
}

fn meta(name: &str) -> Option<String> {
    web_sys::window()?
        .document()?
        .query_selector(&format!("meta[name=\"{name}\"]"))
        .ok()??
        .get_attribute("content")
}

/// The `#/` address a written page (`recommendation-r3.html`) shows, when it is one.
pub fn page_address() -> Option<String> {
    meta(PAGE_META)
}

/// Takes a written page's plain HTML away, for the app to draw the page in its place.
pub fn remove_static_page() {
    if let Some(element) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(STATIC_ID))
    {
        element.remove();
    }
}

/// On a written page: a hidden element after the page's plain HTML, for the app to draw
/// its page in over several tasks while the written one stays in view (see [`show_app`]).
/// `None` on any other page.
pub fn app_stage() -> Option<web_sys::HtmlElement> {
    let document = web_sys::window()?.document()?;
    document.get_element_by_id(STATIC_ID)?;
    let stage: web_sys::HtmlElement = document.create_element("div").ok()?.dyn_into().ok()?;
    stage.set_hidden(true);
    document.body()?.append_child(&stage).ok()?;
    Some(stage)
}

/// What a keyboard can reach on a written page and in the app's drawing of it: the two
/// are the same markup (the written page is the app's own drawing), so the n-th of one is
/// the n-th of the other. Switched-off buttons count, since the written page's are.
const FOCUSABLE: &str = "a[href], button, input, select, textarea, summary, [tabindex]";

/// The position, among the written page's [`FOCUSABLE`]s, of the one that has focus.
fn focused_position(page: &web_sys::Element) -> Option<(u32, String)> {
    let active = web_sys::window()?.document()?.active_element()?;
    if !page.contains(Some(&active)) {
        return None;
    }
    let all = page.query_selector_all(FOCUSABLE).ok()?;
    (0..all.length())
        .find(|&i| {
            all.item(i)
                .is_some_and(|node| node.is_same_node(Some(&active)))
        })
        .map(|i| (i, active.tag_name()))
}

/// Shows the app drawn in `stage` in place of the written page, in one step: the reader
/// never sees half of either, and nothing moves. A reader who had tabbed into the written
/// page keeps their place: focus moves to the same control in the app's page.
pub fn show_app(stage: &web_sys::HtmlElement) {
    let page = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(STATIC_ID));
    let focused = page.as_ref().and_then(focused_position);
    if let Some(page) = page {
        page.remove();
    }
    stage.set_hidden(false);
    let Some((position, tag)) = focused else {
        return;
    };
    let same = stage
        .query_selector_all(FOCUSABLE)
        .ok()
        .and_then(|all| all.item(position))
        .and_then(|node| node.dyn_into::<web_sys::HtmlElement>().ok())
        .filter(|element| element.tag_name() == tag);
    if let Some(element) = same {
        let _ = element.focus();
    }
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
    let (plan, settings) = match super::site_build::handed_over() {
        // The officer's app is writing this site: it handed over the plan and settings.
        Some((plan, settings)) => (Some(plan), Some(settings)),
        None => {
            let (plan, settings) = (request("plan.json"), request("site.json"));
            (text_of(plan).await, text_of(settings).await)
        }
    };
    if plan.is_none() && settings.is_none() {
        return None;
    }
    let pages_differ = match (meta(PLAN_CHECK_META), &plan) {
        (Some(check), Some(text)) => check != plan_check(text),
        _ => false,
    };
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
        pages_differ,
        plan: imported.map(|i| i.plan),
        updated,
        settings: settings
            .map(|t| SiteSettings::from_text(&t))
            .unwrap_or_default(),
    })
}
