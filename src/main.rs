//! Mounts the app. Everything else lives in the library.

#[cfg(target_arch = "wasm32")]
fn main() {
    console_error_panic_hook::set_once();
    // A published site is known before the app starts, so it never touches storage.
    wasm_bindgen_futures::spawn_local(async {
        use cpc_action_plan::browser::{published, site_build::sleep};
        use cpc_action_plan::ui::app::App;
        use leptos::prelude::*;
        let site = published::detect().await;
        let Some(stage) = published::app_stage() else {
            published::remove_static_page();
            leptos::mount::mount_to_body(move || view! { <App published=site.clone() /> });
            return;
        };
        // A written page stays in view while the app draws the same page out of sight, in
        // several short tasks rather than one long one (on a phone each is a pause in which
        // a tap waits: total blocking time): the plan read, then the app in parts. Then the
        // app takes the written page's place.
        let parts = RwSignal::new(0);
        sleep(0).await;
        leptos::mount::mount_to(stage.clone(), move || {
            view! { <App published=site.clone() parts=parts.read_only() /> }
        })
        .forget();
        for part in 1..=cpc_action_plan::ui::components::drawn_in_parts::PARTS {
            sleep(0).await;
            parts.set(part);
        }
        sleep(0).await;
        published::show_app(&stage);
    });
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("This is a web app: build it with `trunk build` (see README.md).");
    std::process::exit(1);
}
