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
/// whose click executes `unreachable` (a trap with no panic, from an event handler);
/// `test-relist` lists whose length changes on each click ([`relist`]); `test-retag` an element
/// whose tag changes on some clicks ([`retag`]); anything else is unknown.
pub fn widget(name: &str) -> Result<AnyView, String> {
    match name {
        "test-relist" => Ok(relist()),
        "test-retag" => Ok(retag()),
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

/// An element's children and a fragment whose item count changes from one render to the next,
/// rebuilt in place when the erased type is the same (two or more children are one
/// `StaticVec<AnyView>`): vendor/tachys's `StaticVec` without its end marker gets one when a
/// rebuild changes the count (vendor/tachys/PATCHED.md). Each click moves to the next count of
/// 2, 3, 2, 3, 0, 2: grown without a marker, shrunk and grown with one, then replaced (no
/// children is another type). The fragment has a sibling after it, which its items must stay
/// before.
fn relist() -> AnyView {
    const COUNTS: [usize; 6] = [2, 3, 2, 3, 0, 2];
    let step = RwSignal::new(0usize);
    let count = move || COUNTS[step.get() % COUNTS.len()];
    let items = move || -> AnyView {
        match count() {
            0 => view! { <ul class="bfx-test-relist__list"></ul> }.into_any(),
            2 => {
                view! { <ul class="bfx-test-relist__list"><li>"a"</li><li>"b"</li></ul> }.into_any()
            }
            _ => view! {
                <ul class="bfx-test-relist__list"><li>"a"</li><li>"b"</li><li>"c"</li></ul>
            }
            .into_any(),
        }
    };
    let fragment = move || -> AnyView {
        match count() {
            0 => ().into_any(),
            2 => view! { <i>"a"</i><i>"b"</i> }.into_any(),
            _ => view! { <i>"a"</i><i>"b"</i><i>"c"</i> }.into_any(),
        }
    };
    view! {
        <div class="bfx-test-relist">
            <button type="button" on:click=move |_| step.update(|s| *s += 1)>"Next"</button>
            {items}
            <p class="bfx-test-relist__row">
                {fragment}<span class="bfx-test-relist__after">"end"</span>
            </p>
        </div>
    }
    .into_any()
}

/// An element whose tag changes from one render to the next while its attributes and children
/// keep their types: erased, elements of every tag are one type (vendor/tachys/PATCHED.md 5), so
/// the rebuild compares the tags. Each click moves to the next of `p`, `p`, `div`, `div`, `p`:
/// the same tag is rebuilt in place (the same node), another is a new element.
fn retag() -> AnyView {
    const TAGS: [&str; 5] = ["p", "p", "div", "div", "p"];
    let step = RwSignal::new(0usize);
    let item = move || -> AnyView {
        match TAGS[step.get() % TAGS.len()] {
            "div" => {
                view! { <div class="bfx-test-retag__item" role="note">"item"</div> }.into_any()
            }
            _ => view! { <p class="bfx-test-retag__item" role="note">"item"</p> }.into_any(),
        }
    };
    view! {
        <div class="bfx-test-retag">
            <button type="button" on:click=move |_| step.update(|s| *s += 1)>"Next"</button>
            {item}
        </div>
    }
    .into_any()
}
