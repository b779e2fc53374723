//! A `bool` or an optional index kept in a `signal(u32)` pair. Every such small choice in the
//! crate (a tab, a chart's marked point, an open disclosure) shares that one signal type, where
//! `signal(bool)` and `RwSignal<Option<usize>>` would each bring their own copy of Leptos's
//! signal code to the bundle (README, "Where the bytes went").

use leptos::prelude::*;
use std::marker::PhantomData;

/// A value that fits in a `u32`.
pub trait Pack: Copy {
    fn pack(self) -> u32;
    fn unpack(v: u32) -> Self;
}

impl Pack for bool {
    fn pack(self) -> u32 {
        self as u32
    }
    fn unpack(v: u32) -> bool {
        v != 0
    }
}

/// `None` is `u32::MAX`; the indices kept here (tabs, points, cells) are far below it.
impl Pack for Option<usize> {
    fn pack(self) -> u32 {
        self.map_or(u32::MAX, |i| u32::try_from(i).unwrap_or(u32::MAX - 1))
    }
    fn unpack(v: u32) -> Self {
        (v != u32::MAX).then_some(v as usize)
    }
}

/// A reactive `T`, kept as a `u32`: `get` tracks, `get_untracked` does not, `set` notifies.
///
/// ```ignore
/// let open = Packed::new(false);
/// let shown = move || open.get().then(|| "shown");
/// open.set(true);
/// ```
pub struct Packed<T>(ReadSignal<u32>, WriteSignal<u32>, PhantomData<fn() -> T>);

impl<T> Clone for Packed<T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T> Copy for Packed<T> {}

impl<T: Pack> Packed<T> {
    pub fn new(v: T) -> Self {
        let (read, write) = signal(v.pack());
        Packed(read, write, PhantomData)
    }

    pub fn get(self) -> T {
        T::unpack(self.0.get())
    }

    pub fn get_untracked(self) -> T {
        T::unpack(self.0.get_untracked())
    }

    pub fn set(self, v: T) {
        self.1.set(v.pack())
    }
}
