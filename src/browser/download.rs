//! Saves text as a file on the person's computer, without any server.

use wasm_bindgen::{JsCast, JsValue};

/// Offers `text` as a download named `name`. Returns false if the browser refused.
pub fn download(name: &str, mime: &str, text: &str) -> bool {
    offer(name, mime, &JsValue::from_str(text)).is_ok()
}

/// Offers bytes (a Word document) as a download.
pub fn download_bytes(name: &str, mime: &str, bytes: &[u8]) -> bool {
    offer(name, mime, &js_sys::Uint8Array::from(bytes)).is_ok()
}

fn offer(name: &str, mime: &str, contents: &JsValue) -> Result<(), JsValue> {
    let window = web_sys::window().ok_or(JsValue::NULL)?;
    let document = window.document().ok_or(JsValue::NULL)?;
    let parts = js_sys::Array::of1(contents);
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_u8_array_sequence_and_options(&parts, &options)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob)?;
    let link: web_sys::HtmlAnchorElement = document.create_element("a")?.dyn_into()?;
    link.set_href(&url);
    link.set_download(name);
    link.set_hidden(true);
    let body = document.body().ok_or(JsValue::NULL)?;
    body.append_child(&link)?;
    link.click();
    body.remove_child(&link)?;
    web_sys::Url::revoke_object_url(&url)?;
    Ok(())
}
