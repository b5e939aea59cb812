//! Reading a file the officer chose or dropped, and what a paste holds. Only the bytes come in here; checking them
//! is `format::import`'s job.

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// The largest plan file read: the biggest plans are a few megabytes, so anything this
/// large is not a plan file, and reading it could stall the browser.
pub const MAX_BYTES: f64 = 50.0 * 1024.0 * 1024.0;

/// A file's bytes, or why they were not read.
pub async fn read(file: &web_sys::File) -> Result<Vec<u8>, String> {
    read_up_to(file, "a plan file").await
}

/// A file's bytes, or why they were not read: `what` names the kind of file that is never
/// larger than 50 MB.
pub async fn read_up_to(file: &web_sys::File, what: &str) -> Result<Vec<u8>, String> {
    if file.size() > MAX_BYTES {
        return Err(format!(
            "is {} MB: {what} is never larger than 50 MB, so it was not read",
            (file.size() / (1024.0 * 1024.0)).round() as u64
        ));
    }
    let buffer = JsFuture::from(file.array_buffer())
        .await
        .map_err(|_| "could not be read: the browser refused to open it".to_string())?;
    let buffer: js_sys::ArrayBuffer = buffer
        .dyn_into()
        .map_err(|_| "could not be read".to_string())?;
    Ok(js_sys::Uint8Array::new(&buffer).to_vec())
}

/// The file chosen in the `<input type="file">` that raised `ev`. The input is emptied,
/// so the same file can be chosen again (after a refusal, say).
pub fn chosen(ev: &web_sys::Event) -> Option<web_sys::File> {
    let input = ev
        .target()
        .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())?;
    let file = input.files().and_then(|f| f.get(0));
    input.set_value("");
    file
}

/// The first file dropped by a drag and drop.
pub fn dropped(ev: &web_sys::DragEvent) -> Option<web_sys::File> {
    ev.data_transfer()
        .and_then(|d| d.files())
        .and_then(|f| f.get(0))
}

/// What a paste holds: the clipboard's HTML (from Word, Excel, LibreOffice or a web page)
/// and its plain text, each empty when the clipboard has none.
pub fn pasted(ev: &web_sys::ClipboardEvent) -> (String, String) {
    let Some(data) = ev.clipboard_data() else {
        return (String::new(), String::new());
    };
    (
        data.get_data("text/html").unwrap_or_default(),
        data.get_data("text/plain").unwrap_or_default(),
    )
}
