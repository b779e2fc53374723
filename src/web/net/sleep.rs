use wasm_bindgen::JsValue;

/// Resolves after `ms` milliseconds (setTimeout), without blocking the page.
pub async fn sleep(ms: f64) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        if let Some(w) = web_sys::window() {
            let _ = w.set_timeout_with_callback_and_timeout_and_arguments_0(
                &resolve,
                ms.clamp(0.0, 2e9) as i32, // NaN stays NaN, which `as` makes 0
            );
        } else {
            let _ = resolve.call0(&JsValue::NULL);
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

/// Wall-clock milliseconds.
pub fn now_ms() -> f64 {
    js_sys::Date::now()
}

/// Whole seconds since the epoch (a `u32` until 2106): the clock of countdowns, kept in the
/// crate's `u32` signals rather than a signal type of its own.
pub fn now_secs() -> u32 {
    (now_ms() / 1000.0) as u32
}
