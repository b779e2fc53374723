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
