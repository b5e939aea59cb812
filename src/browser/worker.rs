//! A worker's side of its messages (`src/bin/sheets_worker.rs` and
//! `src/bin/storage_worker.rs` start it): each `[request, text]` is answered with
//! `["ok", bytes]` or `["error", why]`, and the first message, "ready", says it can be
//! asked. (A module that cannot start never gets here: its loader, written by
//! `scripts/hash-worker.mjs`, posts "failed".) `browser::sheets` and `browser::packing`
//! are the page's side.

use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};

/// Answers the page's messages with `answer` for as long as the worker runs.
pub fn serve(answer: fn(&str, &str) -> Result<Vec<u8>, String>) {
    let scope: web_sys::DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let reply = scope.clone();
    let on_message =
        Closure::<dyn Fn(web_sys::MessageEvent)>::new(move |event: web_sys::MessageEvent| {
            let data = js_sys::Array::from(&event.data());
            let request = data.get(0).as_string().unwrap_or_default();
            let plan = data.get(1).as_string().unwrap_or_default();
            let message = js_sys::Array::new();
            match answer(&request, &plan) {
                Ok(bytes) => {
                    let array = js_sys::Uint8Array::from(bytes.as_slice());
                    message.push(&JsValue::from_str("ok"));
                    message.push(&array);
                    // The bytes move to the page rather than being copied.
                    let transfer = js_sys::Array::of1(&array.buffer());
                    let _ = reply.post_message_with_transfer(&message, &transfer);
                }
                Err(why) => {
                    message.push(&JsValue::from_str("error"));
                    message.push(&JsValue::from_str(&why));
                    let _ = reply.post_message(&message);
                }
            }
        });
    scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    on_message.forget();
    let _ = scope.post_message(&JsValue::from_str("ready"));
}
