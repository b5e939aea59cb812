//! Asks the storage worker (`src/bin/storage_worker.rs`) to compress a big plan's file for
//! its save, so that the page's thread is not held while the officer types. One worker is
//! started at the first big save and kept; if it cannot start, fails or is slow, the
//! answer is `None` and the save compresses on the page's thread as before. The save
//! itself, and every check before it, stays on the page's thread (`ui::library::saving`).

use std::cell::RefCell;
use std::collections::VecDeque;

use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

use crate::domain::workspace::StoredPlan;
use crate::domain::Plan;

/// How long a file may take before the save stops waiting and compresses it here.
const PATIENCE_MS: i32 = 10_000;

/// How long the plan file's writing holds the page's thread before letting it breathe.
const SLICE_MS: f64 = 8.0;

/// The running worker and what it has been asked, answered in the order asked.
struct Packer {
    worker: web_sys::Worker,
    ready: bool,
    /// Files asked for before the worker said it was ready.
    unsent: Vec<String>,
    /// Each question's number and the function that settles its answer, oldest first.
    asked: VecDeque<(u64, js_sys::Function)>,
    _on_message: Closure<dyn FnMut(web_sys::MessageEvent)>,
    _on_error: Closure<dyn FnMut(web_sys::Event)>,
}

thread_local! {
    static PACKER: RefCell<Option<Packer>> = const { RefCell::new(None) };
    static ASKED: RefCell<u64> = const { RefCell::new(0) };
}

/// The worker's loader, as `scripts/hash-worker.mjs` named it in index.html.
fn worker_url() -> Option<String> {
    web_sys::window()?
        .document()?
        .query_selector("meta[name='app-storage-worker']")
        .ok()
        .flatten()?
        .get_attribute("content")
}

/// A plan's file (`StoredPlan::plan_file`), written a few milliseconds at a time, with
/// the page free to take keystrokes and draw between: a big plan's takes tens of
/// milliseconds in all.
pub async fn plan_file(plan: &Plan) -> String {
    let mut steps = StoredPlan::plan_file_in_steps(plan);
    let mut slice_began = js_sys::Date::now();
    while steps.step() {
        if js_sys::Date::now() - slice_began > SLICE_MS {
            next_task().await;
            slice_began = js_sys::Date::now();
        }
    }
    steps.finish()
}

/// Resolves in a later task, after the page has handled whatever came in meanwhile.
async fn next_task() {
    let later = js_sys::Promise::new(&mut |resolve, _| {
        if let Some(window) = web_sys::window() {
            let _ = window.set_timeout_with_callback(&resolve);
        }
    });
    let _ = JsFuture::from(later).await;
}

/// The plan file compressed (`format::packed::compress`), or `None` when the worker could
/// not do it in time.
pub async fn compress(plan_file: String) -> Option<Vec<u8>> {
    let number = ASKED.with(|n| {
        *n.borrow_mut() += 1;
        *n.borrow()
    });
    let mut file = Some(plan_file);
    let answer = js_sys::Promise::new(&mut |resolve, _reject| {
        let asked = file
            .take()
            .is_some_and(|file| ask(number, file, resolve.clone()));
        if !asked {
            let _ = resolve.call1(&JsValue::NULL, &JsValue::UNDEFINED);
        }
    });
    give_up_after(number);
    let value = JsFuture::from(answer).await.ok()?;
    value
        .dyn_ref::<js_sys::Uint8Array>()
        .map(js_sys::Uint8Array::to_vec)
}

/// Posts the file to the worker, starting it if need be; false if it cannot be started.
fn ask(number: u64, file: String, resolve: js_sys::Function) -> bool {
    let ready = PACKER.with(|packer| {
        let mut packer = packer.borrow_mut();
        if packer.is_none() {
            *packer = start();
        }
        let running = packer.as_mut()?;
        running.asked.push_back((number, resolve));
        Some(running.ready.then(|| running.worker.clone()))
    });
    match ready {
        None => false,
        Some(Some(worker)) => {
            post(&worker, &file);
            true
        }
        Some(None) => {
            PACKER.with(|packer| {
                if let Some(running) = packer.borrow_mut().as_mut() {
                    running.unsent.push(file);
                }
            });
            true
        }
    }
}

fn post(worker: &web_sys::Worker, file: &str) {
    let message = js_sys::Array::of2(&JsValue::from_str("pack"), &JsValue::from_str(file));
    if worker.post_message(&message).is_err() {
        stop();
    }
}

fn start() -> Option<Packer> {
    let worker = web_sys::Worker::new(&worker_url()?).ok()?;
    let on_message =
        Closure::<dyn FnMut(web_sys::MessageEvent)>::new(|event: web_sys::MessageEvent| {
            let data = event.data();
            if data.as_string().as_deref() == Some("ready") {
                let unsent = PACKER.with(|packer| {
                    let mut packer = packer.borrow_mut();
                    packer.as_mut().map(|running| {
                        running.ready = true;
                        (running.worker.clone(), std::mem::take(&mut running.unsent))
                    })
                });
                if let Some((worker, unsent)) = unsent {
                    for file in unsent {
                        post(&worker, &file);
                    }
                }
                return;
            }
            // "failed": its module could not start; ["error", why]: it could not compress.
            let answer = js_sys::Array::from(&data);
            if data.is_string() || answer.get(0).as_string().as_deref() != Some("ok") {
                stop();
                return;
            }
            let oldest = PACKER.with(|packer| {
                packer
                    .borrow_mut()
                    .as_mut()
                    .and_then(|running| running.asked.pop_front())
            });
            if let Some((_, resolve)) = oldest {
                let _ = resolve.call1(&JsValue::NULL, &answer.get(1));
            }
        });
    let on_error = Closure::<dyn FnMut(web_sys::Event)>::new(|event: web_sys::Event| {
        event.prevent_default();
        stop();
    });
    worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
    Some(Packer {
        worker,
        ready: false,
        unsent: Vec::new(),
        asked: VecDeque::new(),
        _on_message: on_message,
        _on_error: on_error,
    })
}

/// Ends the worker and answers everything still asked with `None`; the next big save
/// starts a new one.
fn stop() {
    let stopped = PACKER.with(|packer| packer.borrow_mut().take());
    if let Some(stopped) = stopped {
        stopped.worker.terminate();
        for (_, resolve) in &stopped.asked {
            let _ = resolve.call1(&JsValue::NULL, &JsValue::UNDEFINED);
        }
        // The closures are dropped after this handler returns, not while it runs.
        let _ = web_sys::window().map(|w| {
            let keep = Closure::once_into_js(move || drop(stopped));
            w.set_timeout_with_callback(keep.unchecked_ref())
        });
    }
}

/// Stops waiting for question `number` after `PATIENCE_MS`: a worker that slow is ended.
fn give_up_after(number: u64) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let check = Closure::once_into_js(move || {
        let waiting = PACKER.with(|packer| {
            packer
                .borrow()
                .as_ref()
                .is_some_and(|running| running.asked.iter().any(|(n, _)| *n == number))
        });
        if waiting {
            stop();
        }
    });
    let _ = window
        .set_timeout_with_callback_and_timeout_and_arguments_0(check.unchecked_ref(), PATIENCE_MS);
}
