//! The spreadsheet worker: a second WebAssembly module, built by trunk beside the app
//! (`data-type="worker"` in index.html) and started only when an officer asks for an
//! Excel file, so its writer never weighs on the first load. It answers each message
//! `[request, plan file]` with `["ok", bytes]` or `["error", why]` (see
//! `format::xlsx::answer`); its first message, "ready", says it can be asked.

#[cfg(target_arch = "wasm32")]
fn main() {
    console_error_panic_hook::set_once();
    serve(answer);
}

#[cfg(all(target_arch = "wasm32", not(feature = "site")))]
fn answer(request: &str, plan: &str) -> Result<Vec<u8>, String> {
    cpc_action_plan::format::xlsx::answer(request, plan)
}

/// A published site makes no spreadsheets; trunk still builds the worker from the one
/// index.html, so for the site it is a few kilobytes without the writer.
#[cfg(all(target_arch = "wasm32", feature = "site"))]
fn answer(_: &str, _: &str) -> Result<Vec<u8>, String> {
    Err("A published site makes no spreadsheets.".to_string())
}

#[cfg(target_arch = "wasm32")]
fn serve(answer: fn(&str, &str) -> Result<Vec<u8>, String>) {
    use wasm_bindgen::closure::Closure;
    use wasm_bindgen::{JsCast, JsValue};

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

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!(
        "This is the app's spreadsheet worker: trunk builds it for the browser (see README.md)."
    );
    std::process::exit(1);
}
