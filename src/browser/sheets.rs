//! Asks the spreadsheet worker (`src/bin/sheets_worker.rs`) for an Excel file. A worker is
//! started for each file and ended after it, so its writer is downloaded only when an
//! officer first asks, and its memory is given back once the file is made.

use std::cell::RefCell;
use std::rc::Rc;

use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

type Settle = Rc<RefCell<Option<(js_sys::Function, js_sys::Function)>>>;

/// The worker's loader, as `scripts/hash-worker.mjs` named it in index.html.
fn worker_url() -> String {
    web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| {
            d.query_selector("meta[name='app-sheets-worker']")
                .ok()
                .flatten()
        })
        .and_then(|m| m.get_attribute("content"))
        .unwrap_or_else(|| "sheets-worker_loader.js".to_string())
}

/// How long the worker may take to start (its module is fetched the first time) before
/// the officer is told it could not: a worker whose module fails inside it never says.
const START_PATIENCE_MS: i32 = 30_000;

const NOT_STARTED: &str = "The spreadsheet could not be made: this browser would not start the part of the app that writes Excel files. Reload the page and try again, or download the CSV instead.";

/// Makes the workbook asked for by `request` (`SheetsRequest::to_message`) from the plan
/// file's text.
pub async fn make(request: String, plan_file: String) -> Result<Vec<u8>, String> {
    let worker = web_sys::Worker::new(&worker_url()).map_err(|_| NOT_STARTED.to_string())?;
    let settle: Settle = Rc::new(RefCell::new(None));
    let answered = js_sys::Promise::new(&mut |resolve, reject| {
        *settle.borrow_mut() = Some((resolve, reject));
    });
    let finish = {
        let settle = settle.clone();
        move |ok: bool, value: &JsValue| {
            if let Some((resolve, reject)) = settle.borrow_mut().take() {
                let _ = if ok {
                    resolve.call1(&JsValue::NULL, value)
                } else {
                    reject.call1(&JsValue::NULL, value)
                };
            }
        }
    };
    let mut asked = Some((request, plan_file));
    let started = Rc::new(std::cell::Cell::new(false));
    let on_message = {
        let worker = worker.clone();
        let finish = finish.clone();
        let started = started.clone();
        Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |event: web_sys::MessageEvent| {
            let data = event.data();
            if data.as_string().as_deref() == Some("ready") {
                started.set(true);
                if let Some((request, plan)) = asked.take() {
                    let message =
                        js_sys::Array::of2(&JsValue::from_str(&request), &JsValue::from_str(&plan));
                    if worker.post_message(&message).is_err() {
                        finish(false, &JsValue::from_str(NOT_STARTED));
                    }
                }
                return;
            }
            if data.as_string().as_deref() == Some("failed") {
                finish(false, &JsValue::from_str(NOT_STARTED));
                return;
            }
            let answer = js_sys::Array::from(&data);
            finish(
                answer.get(0).as_string().as_deref() == Some("ok"),
                &answer.get(1),
            );
        })
    };
    let give_up = {
        let finish = finish.clone();
        Closure::once_into_js(move || {
            if !started.get() {
                finish(false, &JsValue::from_str(NOT_STARTED));
            }
        })
    };
    if let Some(window) = web_sys::window() {
        let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(
            give_up.unchecked_ref(),
            START_PATIENCE_MS,
        );
    }
    let on_error = Closure::<dyn FnMut(web_sys::Event)>::new(move |event: web_sys::Event| {
        event.prevent_default();
        finish(false, &JsValue::from_str(NOT_STARTED));
    });
    worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
    let result = JsFuture::from(answered).await;
    worker.terminate();
    drop((on_message, on_error));
    match result {
        Ok(bytes) => Ok(js_sys::Uint8Array::new(&bytes).to_vec()),
        Err(why) => Err(why.as_string().unwrap_or_else(|| NOT_STARTED.to_string())),
    }
}
