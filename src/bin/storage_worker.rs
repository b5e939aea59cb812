//! The storage worker: a small second WebAssembly module (`data-type="worker"` in
//! index.html) that compresses a big plan's file for its save, the slow part of saving,
//! so the page's thread stays free while the officer types. It answers each message
//! `["pack", plan file]` with `["ok", compressed bytes]` (`format::packed::compress`);
//! the page writes them to storage itself (`browser::packing`). Its first message,
//! "ready", says it can be asked.

#[cfg(target_arch = "wasm32")]
fn main() {
    console_error_panic_hook::set_once();
    cpc_action_plan::browser::worker::serve(answer);
}

#[cfg(target_arch = "wasm32")]
fn answer(request: &str, plan_file: &str) -> Result<Vec<u8>, String> {
    match request {
        "pack" => Ok(cpc_action_plan::format::packed::compress(plan_file)),
        other => Err(format!(
            "The storage worker was asked for “{other}”, which it does not do."
        )),
    }
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("This is the app's storage worker: trunk builds it for the browser (see README.md).");
    std::process::exit(1);
}
