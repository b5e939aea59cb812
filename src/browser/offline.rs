//! The service worker (`public/offline/sw.js`, filled in by `scripts/offline-dist.mjs`):
//! registered once the page is up, so the next visit opens with no network. When a newer
//! build has been deployed, its worker waits; the officer is told and chooses when to
//! reload. A published site has nothing to lose, so its new worker takes over at once and
//! serves the next page a resident opens.

use std::cell::Cell;

use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{ServiceWorkerContainer, ServiceWorkerRegistration, ServiceWorkerState};

thread_local! {
    /// Whether this page asked for the new version; only then does the worker's change
    /// reload it. Another tab's choice tells this one, and leaves it as it is.
    static RELOAD_ASKED: Cell<bool> = const { Cell::new(false) };
}

fn container() -> Option<ServiceWorkerContainer> {
    let navigator = web_sys::window()?.navigator();
    // Absent where service workers are not allowed (a page not served over https or
    // from localhost, some private windows): the app then simply needs the network.
    let present = js_sys::Reflect::get(&navigator, &JsValue::from_str("serviceWorker"))
        .is_ok_and(|c| !c.is_undefined() && !c.is_null());
    present.then(|| navigator.service_worker())
}

fn skip_waiting(registration: &ServiceWorkerRegistration) -> bool {
    match registration.waiting() {
        Some(waiting) => waiting
            .post_message(&JsValue::from_str("skip-waiting"))
            .is_ok(),
        None => false,
    }
}

/// Asks the active worker to keep the published plan's files, which the page fetched
/// before any worker controlled it.
async fn keep_published(container: &ServiceWorkerContainer) {
    let Some(ready) = container.ready().ok() else {
        return;
    };
    if let Ok(registration) = JsFuture::from(ready)
        .await
        .and_then(|r| r.dyn_into::<ServiceWorkerRegistration>())
    {
        if let Some(active) = registration.active() {
            let _ = active.post_message(&JsValue::from_str("keep-published"));
        }
    }
}

/// Registers the worker. `update_ready` is called when a newer build is ready and this
/// page is still running the old one (for the officer's app only).
pub fn start(published: bool, update_ready: impl Fn() + Clone + 'static) {
    let Some(container) = container() else {
        return;
    };
    // The publish page runs the site build in a hidden frame to write its pages: that is
    // no visit to keep for offline use.
    if crate::browser::document::is_framed() {
        return;
    }
    wasm_bindgen_futures::spawn_local(async move {
        let options = web_sys::RegistrationOptions::new();
        // The worker's own file is always asked of the server, so a deployment is noticed.
        options.set_update_via_cache(web_sys::ServiceWorkerUpdateViaCache::None);
        let Ok(registration) = JsFuture::from(container.register_with_options("sw.js", &options))
            .await
            .and_then(|r| r.dyn_into::<ServiceWorkerRegistration>())
        else {
            return;
        };
        if published {
            keep_published(&container).await;
        }
        // The first worker of all takes over a page that had none: that is no update.
        let controlled = std::rc::Rc::new(Cell::new(container.controller().is_some()));

        let waiting_found = {
            let registration = registration.clone();
            let controlled = controlled.clone();
            let update_ready = update_ready.clone();
            move || {
                if registration.waiting().is_none() || !controlled.get() {
                    return;
                }
                if published {
                    skip_waiting(&registration);
                } else {
                    update_ready();
                }
            }
        };
        waiting_found();

        let on_update_found = {
            let registration = registration.clone();
            let waiting_found = waiting_found.clone();
            Closure::<dyn Fn()>::new(move || {
                let Some(installing) = registration.installing() else {
                    return;
                };
                let worker = installing.clone();
                let waiting_found = waiting_found.clone();
                let on_state = Closure::<dyn Fn()>::new(move || {
                    if worker.state() == ServiceWorkerState::Installed {
                        waiting_found();
                    }
                });
                installing.set_onstatechange(Some(on_state.as_ref().unchecked_ref()));
                on_state.forget();
            })
        };
        registration.set_onupdatefound(Some(on_update_found.as_ref().unchecked_ref()));
        on_update_found.forget();

        let on_controller_change = Closure::<dyn Fn()>::new(move || {
            if !controlled.replace(true) {
                return;
            }
            if RELOAD_ASKED.get() {
                if let Some(window) = web_sys::window() {
                    let _ = window.location().reload();
                }
            } else if !published {
                // Another tab took the new version: this page's files are now the old ones.
                update_ready();
            }
        });
        container.set_oncontrollerchange(Some(on_controller_change.as_ref().unchecked_ref()));
        on_controller_change.forget();

        // A tab left open for days looks for a deployment whenever it is shown again.
        let on_visible = Closure::<dyn Fn()>::new(move || {
            if !crate::browser::document::is_hidden() {
                let _ = registration.update();
            }
        });
        if let Some(document) = web_sys::window().and_then(|w| w.document()) {
            let _ = document.add_event_listener_with_callback(
                "visibilitychange",
                on_visible.as_ref().unchecked_ref(),
            );
        }
        on_visible.forget();
    });
}

/// Moves this page to the newer build: the waiting worker takes over and the page
/// reloads (anything unsaved is written first, as on any reload: see `pagehide`).
pub fn use_new_version() {
    RELOAD_ASKED.set(true);
    let waiting = container().and_then(|c| c.ready().ok());
    wasm_bindgen_futures::spawn_local(async move {
        let registration = match waiting {
            Some(ready) => JsFuture::from(ready)
                .await
                .ok()
                .and_then(|r| r.dyn_into::<ServiceWorkerRegistration>().ok()),
            None => None,
        };
        // Nothing waiting (another tab already moved the worker on): a plain reload.
        if !registration.is_some_and(|r| skip_waiting(&r)) {
            if let Some(window) = web_sys::window() {
                let _ = window.location().reload();
            }
        }
    });
}
