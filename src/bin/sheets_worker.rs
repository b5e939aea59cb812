//! The spreadsheet worker: a second WebAssembly module, built by trunk beside the app
//! (`data-type="worker"` in index.html) and started only when an officer asks for an
//! Excel file, so its writer never weighs on the first load. It answers each message
//! `[request, plan file]` with `["ok", bytes]` or `["error", why]` (see
//! `format::xlsx::answer`); its first message, "ready", says it can be asked.

#[cfg(target_arch = "wasm32")]
fn main() {
    console_error_panic_hook::set_once();
    cpc_action_plan::browser::worker::serve(answer);
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

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!(
        "This is the app's spreadsheet worker: trunk builds it for the browser (see README.md)."
    );
    std::process::exit(1);
}
