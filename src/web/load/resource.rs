//! A value loaded asynchronously for the calling component, kept type-erased. Leptos's
//! `LocalResource` brought its async-derived machinery (a transition registry over std's
//! channels and threads, suspense bookkeeping, an async lock), and its code is generic over
//! the value and the fetching closure; none of that is used here. Every resource is one
//! [`Kept`] value (`Option<Rc<dyn Any>>`) and a `u32` signal counting its loads, both types
//! the crate already has, fed by one render effect over one boxed fetcher type, compiled once;
//! only the boxing and the downcast are per type (README, "Where the bytes went").

use crate::web::kept::{keep, Kept};
use leptos::prelude::*;
use std::any::Any;
use std::cell::Cell;
use std::future::Future;
use std::marker::PhantomData;
use std::pin::Pin;
use std::rc::Rc;
use std::task::{Context, Poll, Waker};

type Shared = Rc<dyn Any>;
type Fetch = Rc<dyn Fn() -> Pin<Box<dyn Future<Output = Shared>>>>;
type Value = Kept<Option<Shared>>;

/// A value loaded asynchronously for the calling component, read reactively: `None` until the
/// first load finishes, then the latest value (a reload keeps showing the previous one until
/// it is done). The loader runs at once, and again whenever a signal it reads before its
/// future starts changes; a load overtaken by a newer one is dropped. Rendered on a server
/// (no effects), it never loads.
///
/// ```no_run
/// # use leptos::prelude::*;
/// use barfinex_widgets::web::load::ErasedResource;
/// let n = ErasedResource::new(|| async { 42u32 });
/// let shown = move || n.get().map(|n| n.to_string());
/// ```
pub struct ErasedResource<T> {
    value: Value,
    /// Counts the values stored: reading it is what makes a reader reactive.
    loaded: ReadSignal<u32>,
    ty: PhantomData<fn() -> T>,
}

impl<T> Clone for ErasedResource<T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T> Copy for ErasedResource<T> {}

impl<T: 'static> ErasedResource<T> {
    /// Runs `fetcher` now, and again whenever a signal it reads changes.
    pub fn new<Fut>(fetcher: impl Fn() -> Fut + 'static) -> Self
    where
        Fut: Future<Output = T> + 'static,
    {
        let fetch: Fetch = Rc::new(move || {
            let fut = fetcher();
            Box::pin(async move { Rc::new(fut.await) as Shared })
        });
        let (value, loaded) = erased(fetch);
        Self {
            value,
            loaded,
            ty: PhantomData,
        }
    }

    /// The value, by reference (tracked; `None` too once the calling owner is gone).
    pub fn with<U>(&self, f: impl FnOnce(Option<&T>) -> U) -> U {
        self.loaded.track();
        let v = self.value.with(Clone::clone).flatten();
        f(v.as_deref().and_then(|v| v.downcast_ref::<T>()))
    }
}

impl<T: Clone + 'static> ErasedResource<T> {
    /// The value, cloned (tracked).
    pub fn get(&self) -> Option<T> {
        self.with(|v| v.cloned())
    }
}

#[inline(never)]
fn erased(fetch: Fetch) -> (Value, ReadSignal<u32>) {
    let value: Value = Kept::new(None);
    let (loaded, set_loaded) = signal(0u32);
    let store = move |v: Shared| {
        if value.update(|slot| *slot = Some(v)).is_some() {
            set_loaded.try_update(|n| *n = n.wrapping_add(1));
        }
    };
    let runs = Rc::new(Cell::new(0u32));
    keep(RenderEffect::new(move |_| {
        // The signals read here, before the future starts, are the ones that reload it.
        let mut load = fetch();
        let run = runs.get().wrapping_add(1);
        runs.set(run);
        // Polled once at once, as Leptos's resources are: requests leave before the view is
        // built, and a value already at hand is there for the first render.
        let now = load.as_mut().poll(&mut Context::from_waker(Waker::noop()));
        if let Poll::Ready(v) = now {
            store(v);
            return;
        }
        let runs = Rc::clone(&runs);
        leptos::task::spawn_local(async move {
            let v = load.await;
            if runs.get() == run {
                store(v);
            }
        });
    }));
    (value, loaded)
}
