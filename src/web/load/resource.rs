//! A `LocalResource` kept type-erased: Leptos's async-derived code is generic over both the
//! value and the fetching closure (about 7 KB of wasm for each of our six resources), so every
//! resource goes through one `LocalResource<Rc<dyn Any>>` fed by one boxed fetcher type and is
//! compiled once; only the boxing and the downcast are per type (README, "Where the bytes went").

use leptos::prelude::*;
use std::any::Any;
use std::future::Future;
use std::marker::PhantomData;
use std::pin::Pin;
use std::rc::Rc;

type Shared = Rc<dyn Any>;
type Fetch = Rc<dyn Fn() -> Pin<Box<dyn Future<Output = Shared>>>>;

/// A value loaded asynchronously for the calling component, read reactively: `None` until the
/// first load finishes, then the latest value (a refetch keeps showing the previous one).
///
/// ```no_run
/// # use leptos::prelude::*;
/// use barfinex_widgets::web::load::ErasedResource;
/// let n = ErasedResource::new(|| async { 42u32 });
/// let shown = move || n.get().map(|n| n.to_string());
/// ```
pub struct ErasedResource<T> {
    inner: LocalResource<Shared>,
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
        Self {
            inner: erased(fetch),
            ty: PhantomData,
        }
    }

    /// The value, by reference (tracked).
    pub fn with<U>(&self, f: impl FnOnce(Option<&T>) -> U) -> U {
        self.inner
            .with(|v| f(v.as_ref().and_then(|v| v.downcast_ref::<T>())))
    }
}

impl<T: Clone + 'static> ErasedResource<T> {
    /// The value, cloned (tracked).
    pub fn get(&self) -> Option<T> {
        self.with(|v| v.cloned())
    }
}

#[inline(never)]
fn erased(fetch: Fetch) -> LocalResource<Shared> {
    LocalResource::new(move || fetch())
}
