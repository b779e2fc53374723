//! Values kept for a widget's lifetime in one erased `StoredValue` type: Leptos compiles a
//! `StoredValue<T>`'s storage code once per `T`, about 1 KB of wasm each, so a timer handle, a
//! container, a closure handed to JS and a list of loads share one `StoredValue<Box<dyn Any>>`
//! (README, "Where the bytes went"). Below every other web room: it knows nothing of widgets.

use leptos::prelude::*;
use std::any::Any;
use std::marker::PhantomData;
use wasm_bindgen::prelude::*;

type Slot = StoredValue<Box<dyn Any>, LocalStorage>;

/// A `T` owned by the calling component's reactive owner (dropped with it), read and changed in
/// place; every access is `None` once that owner is gone.
///
/// ```no_run
/// # use barfinex_widgets::web::kept::Kept;
/// let timer = Kept::new(None::<i32>);
/// timer.update(|t| *t = Some(7));
/// assert_eq!(timer.with(|t| *t), Some(Some(7)));
/// ```
pub struct Kept<T>(Slot, PhantomData<fn() -> T>);

impl<T> Clone for Kept<T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T> Copy for Kept<T> {}

impl<T: 'static> Kept<T> {
    pub fn new(value: T) -> Self {
        Kept(slot(Box::new(value)), PhantomData)
    }

    /// `f` of the value.
    pub fn with<R>(self, f: impl FnOnce(&T) -> R) -> Option<R> {
        self.0
            .try_with_value(|b| b.downcast_ref::<T>().map(f))
            .flatten()
    }

    /// `f` of the value, which it may change.
    pub fn update<R>(self, f: impl FnOnce(&mut T) -> R) -> Option<R> {
        self.0
            .try_update_value(|b| b.downcast_mut::<T>().map(f))
            .flatten()
    }
}

/// Keeps `value` until the calling owner is cleaned up: a closure handed to JS is freed with
/// its widget, not leaked for the page's lifetime.
pub fn keep(value: impl Any) {
    slot(Box::new(value));
}

/// A JS function that calls `f` with its one argument (an observer's entries), kept until the
/// calling owner is cleaned up. The widgets' observer callbacks are all made here, and
/// `net/refresh.rs` makes one from the main module: wasm-bindgen rewrites the code that turns a
/// Rust closure into a JS function in the main module only, so that code must be reached from
/// it. Made only in a split build's chunk (a chart's), it stopped the module with `unreachable`.
pub fn kept_callback(f: impl FnMut(JsValue) + 'static) -> js_sys::Function {
    kept_boxed(Box::new(f))
}

#[inline(never)]
fn kept_boxed(f: Box<dyn FnMut(JsValue)>) -> js_sys::Function {
    let callback = Closure::wrap(f);
    let js = callback
        .as_ref()
        .unchecked_ref::<js_sys::Function>()
        .clone();
    keep(callback);
    js
}

#[inline(never)]
fn slot(value: Box<dyn Any>) -> Slot {
    StoredValue::new_local(value)
}
