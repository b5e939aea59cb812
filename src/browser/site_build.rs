//! Making the residents' site in the officer's browser. The officer's build carries the
//! site build in `site/` (listed in `site/files.json`); its files are fetched only when
//! publishing, and each page is rendered by the site build itself in a hidden frame of
//! the same origin, which reads the plan and settings from this tab's session storage
//! (never local storage), so the pages come from the same components residents' browsers
//! run.

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// Where the officer's build keeps the site build, and the list of its files.
pub const SITE_DIR: &str = "site/";
pub const FILE_LIST: &str = "site/files.json";
/// The session storage keys the officer's app hands the plan and settings over in.
const PLAN_KEY: &str = "cpc-action-plan/publishing/plan";
const SETTINGS_KEY: &str = "cpc-action-plan/publishing/site";

fn window() -> Result<web_sys::Window, String> {
    web_sys::window().ok_or_else(|| "there is no browser window".to_string())
}

/// Waits `ms` milliseconds.
pub async fn sleep(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let started = web_sys::window().and_then(|w| {
            w.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms)
                .ok()
        });
        if started.is_none() {
            let _ = resolve.call0(&wasm_bindgen::JsValue::NULL);
        }
    });
    let _ = JsFuture::from(promise).await;
}

/// Hands the plan and settings to the site build in a frame of this tab.
pub fn hand_over(plan_json: &str, site_json: &str) -> Result<(), String> {
    let storage = window()?
        .session_storage()
        .ok()
        .flatten()
        .ok_or("this browser has no session storage")?;
    storage
        .set_item(PLAN_KEY, plan_json)
        .and_then(|_| storage.set_item(SETTINGS_KEY, site_json))
        .map_err(|_| "the browser refused to hold the plan for the preview".to_string())
}

/// Forgets what [`hand_over`] gave, when the publish page closes.
pub fn take_back() {
    if let Some(storage) = web_sys::window().and_then(|w| w.session_storage().ok().flatten()) {
        let _ = storage.remove_item(PLAN_KEY);
        let _ = storage.remove_item(SETTINGS_KEY);
    }
}

/// In the site build: the plan and settings handed over, when this page is in a frame of
/// the officer's app (same origin). A resident's visit is never in such a frame.
pub fn handed_over() -> Option<(String, String)> {
    let window = web_sys::window()?;
    window.frame_element().ok().flatten()?;
    let storage = window.session_storage().ok().flatten()?;
    let plan = storage.get_item(PLAN_KEY).ok().flatten()?;
    let settings = storage
        .get_item(SETTINGS_KEY)
        .ok()
        .flatten()
        .unwrap_or_default();
    Some((plan, settings))
}

async fn fetched(path: &str) -> Result<web_sys::Response, String> {
    let init = web_sys::RequestInit::new();
    init.set_cache(web_sys::RequestCache::NoCache);
    let response: web_sys::Response =
        JsFuture::from(window()?.fetch_with_str_and_init(path, &init))
            .await
            .map_err(|_| format!("{path} could not be fetched"))?
            .dyn_into()
            .map_err(|_| format!("{path} could not be fetched"))?;
    if !response.ok() {
        return Err(format!(
            "{path} is missing (the server said {})",
            response.status()
        ));
    }
    Ok(response)
}

/// A file of this build, as text.
pub async fn text(path: &str) -> Result<String, String> {
    let response = fetched(path).await?;
    JsFuture::from(
        response
            .text()
            .map_err(|_| format!("{path} could not be read"))?,
    )
    .await
    .ok()
    .and_then(|t| t.as_string())
    .ok_or_else(|| format!("{path} could not be read"))
}

/// A file of this build, as bytes.
pub async fn bytes(path: &str) -> Result<Vec<u8>, String> {
    let response = fetched(path).await?;
    let buffer = JsFuture::from(
        response
            .array_buffer()
            .map_err(|_| format!("{path} could not be read"))?,
    )
    .await
    .map_err(|_| format!("{path} could not be read"))?;
    Ok(js_sys::Uint8Array::new(&buffer).to_vec())
}

/// The site build's files, each with its name in the site.
pub async fn build_files() -> Result<Vec<(String, Vec<u8>)>, String> {
    let list = text(FILE_LIST).await.map_err(|_| {
        "this copy of the app was built without the residents' site (build it with ./scripts/build)"
            .to_string()
    })?;
    let names: Vec<String> = serde_json::from_str(&list)
        .map_err(|_| format!("{FILE_LIST} is not a list of file names"))?;
    let mut files = Vec::with_capacity(names.len());
    for name in names {
        if name.contains("..") || name.starts_with('/') {
            return Err(format!("{FILE_LIST} names a file outside the site: {name}"));
        }
        let file = match crate::format::static_site::hosting_file(&name) {
            Some(text) => text.as_bytes().to_vec(),
            None => bytes(&format!("{SITE_DIR}{name}")).await?,
        };
        files.push((name, file));
    }
    Ok(files)
}

/// A hidden frame running the site build, which renders the pages.
pub struct Frame {
    frame: web_sys::HtmlIFrameElement,
}

impl Frame {
    /// Opens the site build's home page in a hidden frame and waits until it shows a page.
    pub async fn open() -> Result<Frame, String> {
        let document = window()?.document().ok_or("there is no document")?;
        let frame: web_sys::HtmlIFrameElement = document
            .create_element("iframe")
            .ok()
            .and_then(|e| e.dyn_into().ok())
            .ok_or("a frame could not be made")?;
        let _ = frame.set_attribute("title", "The residents' site, being written");
        let _ = frame.set_attribute("aria-hidden", "true");
        let _ = frame.set_attribute("tabindex", "-1");
        // Placed off screen by a class: the page's policy refuses inline styles.
        let _ = frame.set_attribute("class", "app-writing-frame");
        frame.set_src(&format!("{SITE_DIR}index.html"));
        document
            .body()
            .ok_or("there is no page body")?
            .append_child(&frame)
            .map_err(|_| "a frame could not be added")?;
        let opened = Frame { frame };
        for _ in 0..600 {
            if opened.heading().is_some() {
                return Ok(opened);
            }
            sleep(25).await;
        }
        Err("the residents' site did not start within 15 seconds".to_string())
    }

    fn document(&self) -> Option<web_sys::Document> {
        self.frame.content_document()
    }

    fn heading(&self) -> Option<web_sys::Element> {
        self.document()?.query_selector("main h1").ok().flatten()
    }

    /// Shows `address` (`#/…`) and returns the page's title and content, with each link
    /// changed by `link`. The frame's own `<noscript>` message and scripts are left out.
    pub async fn render(
        &self,
        address: &str,
        link: &dyn Fn(&str) -> String,
    ) -> Result<(String, String), String> {
        let before = self.heading();
        let location = self
            .frame
            .content_window()
            .ok_or("the frame has no window")?
            .location();
        location
            .set_hash(address)
            .map_err(|_| format!("the frame could not show {address}"))?;
        // The page is drawn once its heading is new; a route equal to the last one draws
        // nothing new, so after a short wait its heading is taken as it is.
        let mut drawn = false;
        for tries in 0..400 {
            sleep(if tries == 0 { 0 } else { 25 }).await;
            let now = self.heading();
            let fresh = match (&before, &now) {
                (Some(old), Some(_)) => !old.is_connected(),
                (None, Some(_)) => true,
                _ => false,
            };
            if fresh || (now.is_some() && tries >= 12) {
                drawn = true;
                break;
            }
        }
        if !drawn {
            return Err(format!(
                "the page {address} was not drawn within 10 seconds"
            ));
        }
        // Effects that follow the page (its title) run after it is drawn.
        sleep(20).await;
        let document = self.document().ok_or("the frame has no document")?;
        let body = document.body().ok_or("the frame's page has no body")?;
        // The frame's nodes belong to its own window, so they are not instances of this
        // window's classes: they are cast, not checked.
        let copy: web_sys::Element = body
            .clone_node_with_deep(true)
            .map_err(|_| "the page could not be copied")?
            .unchecked_into();
        for selector in [":scope > noscript", "script"] {
            if let Ok(found) = copy.query_selector_all(selector) {
                for i in 0..found.length() {
                    if let Some(node) = found.item(i) {
                        node.unchecked_into::<web_sys::Element>().remove();
                    }
                }
            }
        }
        if let Ok(links) = copy.query_selector_all("a[href]") {
            for i in 0..links.length() {
                if let Some(a) = links
                    .item(i)
                    .map(|n| n.unchecked_into::<web_sys::Element>())
                {
                    if let Some(href) = a.get_attribute("href") {
                        let _ = a.set_attribute("href", &link(&href));
                    }
                }
            }
        }
        Ok((document.title(), copy.inner_html()))
    }
}

impl Drop for Frame {
    fn drop(&mut self) {
        self.frame.remove();
    }
}
