//! Widgets that stop the module on purpose, compiled only with the `test-trap` feature (a
//! test build): the browser tests use them to check that every widget on the page then says
//! it stopped; and a count the browser tests read (`seriesReads()`). The shipped package has
//! none of this.

use barfinex_core::format::quoted;
use leptos::prelude::*;
use std::cell::Cell;
use wasm_bindgen::prelude::wasm_bindgen;

thread_local! {
    static SERIES_READS: Cell<u32> = const { Cell::new(0) };
}

/// One more series body parsed (`load/series.rs`).
pub(crate) fn count_series_read() {
    SERIES_READS.with(|c| c.set(c.get().wrapping_add(1)));
}

/// How many series bodies this page has parsed (test builds only).
#[wasm_bindgen(js_name = seriesReads)]
pub fn series_reads() -> u32 {
    SERIES_READS.with(Cell::get)
}

/// `test-panic` panics while rendering (a trap in this build); `test-trap` renders a button
/// whose click executes `unreachable` (a trap with no panic, from an event handler); anything
/// else is unknown.
pub fn widget(name: &str) -> Result<AnyView, String> {
    match name {
        "test-panic" => panic!("a deliberate panic (test-trap build)"),
        "test-trap" => Ok(view! {
            <button type="button" class="bfx-test-trap" on:click=|_| trap()>"Trap"</button>
        }
        .into_any()),
        other => Err(format!("unknown test widget {}", quoted(other))),
    }
}

fn trap() {
    #[cfg(target_arch = "wasm32")]
    core::arch::wasm32::unreachable();
}
