//! Mounts the app. Everything else lives in the library.

#[cfg(target_arch = "wasm32")]
fn main() {
    console_error_panic_hook::set_once();
    // A published site is known before the app starts, so it never touches storage.
    wasm_bindgen_futures::spawn_local(async {
        let published = cpc_action_plan::browser::published::detect().await;
        // A written page's plain HTML gives way to the app, which draws the same page.
        cpc_action_plan::browser::published::remove_static_page();
        leptos::mount::mount_to_body(move || {
            leptos::view! { <cpc_action_plan::ui::app::App published=published.clone() /> }
        });
    });
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("This is a web app: build it with `trunk build` (see README.md).");
    std::process::exit(1);
}
