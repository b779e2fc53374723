//! One `Effect` type for the crate's components: Leptos compiles `Effect::new` once per closure
//! type (about 1 KB of wasm each), so every effect goes through one boxed closure, compiled
//! once (README, "Where the bytes went").

use leptos::prelude::*;

/// Runs `f` once the current render is done, and again whenever a signal it read changes:
/// Leptos's `Effect::new`, owned by the calling component (stopped with it).
///
/// ```ignore
/// let (n, set_n) = signal(0);
/// effect(move || leptos::logging::log!("{}", n.get()));
/// ```
pub(crate) fn effect(f: impl FnMut() + 'static) {
    erased(Box::new(f));
}

#[inline(never)]
fn erased(f: Box<dyn FnMut()>) {
    Effect::new(f);
}
