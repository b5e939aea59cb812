//! Mounts the app. Everything else lives in the library.

#[cfg(target_arch = "wasm32")]
fn main() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(cpc_action_plan::app::App);
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("This is a web app: build it with `trunk build` (see README.md).");
    std::process::exit(1);
}
