//! The page itself: the address after `#`, the tab's title, focus, scrolling and printing.

use wasm_bindgen::JsCast;

fn document() -> Option<web_sys::Document> {
    web_sys::window().and_then(|w| w.document())
}

/// The address after `#`, with the `#`.
pub fn hash() -> String {
    web_sys::window()
        .and_then(|w| w.location().hash().ok())
        .unwrap_or_default()
}

/// Changes the address after `#`, as following a link would.
pub fn set_hash(hash: &str) {
    if let Some(window) = web_sys::window() {
        let _ = window.location().set_hash(hash);
    }
}

/// Sets the browser tab's title.
pub fn set_title(title: &str) {
    if let Some(document) = document() {
        document.set_title(title);
    }
}

/// Sets the page's `<meta name="description">`, which search engines show under its title.
pub fn set_description(text: &str) {
    if let Some(meta) =
        document().and_then(|d| d.query_selector("meta[name=description]").ok().flatten())
    {
        let _ = meta.set_attribute("content", text);
    }
}

/// Closes the navigation's "Menu" (`details.app-nav-menu`), as a new page would be drawn
/// with it closed.
pub fn close_menus() {
    let Some(document) = document() else {
        return;
    };
    // Each one closed no longer matches, so this ends.
    while let Ok(Some(menu)) = document.query_selector("details.app-nav-menu[open]") {
        if menu.remove_attribute("open").is_err() {
            return;
        }
    }
}

/// Moves focus to an element by id and scrolls it into view.
pub fn focus_element(id: &str) {
    let element = document()
        .and_then(|d| d.get_element_by_id(id))
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
    if let Some(element) = element {
        let _ = element.focus();
        element.scroll_into_view();
    }
}

/// Moves focus to the first element matching `selector` (making it focusable), and
/// scrolls to the top of the page.
pub fn focus_first_and_scroll_top(selector: &str) {
    if let Ok(Some(element)) = document().map_or(Ok(None), |d| d.query_selector(selector)) {
        let _ = element.set_attribute("tabindex", "-1");
        if let Ok(element) = element.dyn_into::<web_sys::HtmlElement>() {
            let _ = element.focus();
        }
    }
    if let Some(window) = web_sys::window() {
        window.scroll_to_with_x_and_y(0.0, 0.0);
    }
}

/// Whether the page is hidden: another tab is showing, or the browser is in the background.
pub fn is_hidden() -> bool {
    document().is_some_and(|d| d.hidden())
}

/// Opens the browser's print dialogue.
pub fn print() {
    if let Some(window) = web_sys::window() {
        let _ = window.print();
    }
}

/// Whether focus, leaving something inside the element `container`, goes elsewhere in the
/// page: the moment a group of inputs, such as a date's three boxes, is left. Switching to
/// another window (to read the paper being copied, say) is not leaving: focus comes back.
pub fn focus_leaves(ev: &web_sys::FocusEvent, container: &str) -> bool {
    let Some(document) = document() else {
        return true;
    };
    let Some(container) = document.get_element_by_id(container) else {
        return true;
    };
    let next = ev
        .related_target()
        .and_then(|t| t.dyn_into::<web_sys::Node>().ok());
    match next {
        Some(next) => !container.contains(Some(&next)),
        None => document.has_focus().unwrap_or(true),
    }
}

/// Whether a key was pressed in a box that keeps its own undo (text typed for something
/// not yet added, or a form's choices): Ctrl+Z there takes back typing, not a change to
/// the plan.
pub fn in_own_undo_box(ev: &web_sys::Event) -> bool {
    ev.target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .and_then(|e| e.closest("[data-own-undo]").ok().flatten())
        .is_some()
}

/// Makes the browser ask before the page is closed or reloaded (a `beforeunload` event).
pub fn ask_before_leaving(ev: &web_sys::Event) {
    ev.prevent_default();
    // Older browsers ask only when `returnValue` is set too.
    let _ = js_sys::Reflect::set(ev, &"returnValue".into(), &"".into());
}

/// Whether this page runs inside a frame: the publish page runs the site build in a hidden
/// frame to write its pages, which must neither take focus nor register a service worker.
pub fn is_framed() -> bool {
    web_sys::window()
        .and_then(|w| w.top().ok().flatten().map(|top| top != w))
        .unwrap_or(false)
}
