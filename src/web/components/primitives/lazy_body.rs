use super::{ErrorState, Failed, LoadingState, Packed};
use crate::web::kept::Kept;
use leptos::prelude::*;
use leptos::reactive::computed::ScopedFuture;
use std::future::Future;
use std::pin::Pin;
use std::task::{Context, Poll, Waker};

/// A body whose code is fetched when first wanted: the view, or why its code did not load.
pub type LazyView = Pin<Box<dyn Future<Output = Result<AnyView, String>>>>;

/// Whether a frame's body still waits for its code. A frame (the card's, a widget's shell)
/// provides one and says it in its `aria-busy`, as it does while its profile loads; a
/// [`LazyBody`] under it sets it until its chunk is in.
#[derive(Clone, Copy)]
pub struct BodyPending(Packed<bool>);

impl BodyPending {
    /// A flag, not set, provided to the calling component's children.
    pub fn provide() -> Self {
        let pending = Self(Packed::new(false));
        provide_context(pending);
        pending
    }

    /// Set while a body under the frame waits for its code (tracked).
    pub fn get(self) -> bool {
        self.0.get()
    }
}

/// Shows a body whose code is in a chunk of the split build (`web/chunks.rs`): the loading state,
/// holding the room the body will take, until the chunk is in, then the body. A chunk that
/// cannot be fetched is an error in this widget only; the next widget that wants it tries
/// again. Boxed, so every lazy body shares one copy of this code.
///
/// ```no_run
/// # use leptos::prelude::*; use barfinex_widgets::web::components::LazyBody;
/// let body = Box::pin(async { Ok::<_, String>(view! { <p>"drawn"</p> }.into_any()) });
/// view! { <LazyBody body=body reserve=Some("price-widget")/> };
/// ```
#[component]
pub fn LazyBody(
    /// The body, once its code is in.
    body: LazyView,
    /// The room it takes once shown (`bfx-reserve--{reserve}` in `state.css`: `card`, `rating`,
    /// `market-rated`, `price`, `funding`), held meanwhile.
    #[prop(default = None)]
    reserve: Option<&'static str>,
    /// A loading state without words: what is awaited is the reader's words themselves.
    #[prop(optional)]
    wordless: bool,
) -> impl IntoView {
    // Once a chunk is in, every later body of it is built at once, with no loading state and no
    // task of its own: the first poll finds the chunk loaded. Untracked: what the body reads
    // while it is built must not rebuild the frame around it.
    let mut body = body;
    let now = untrack(|| body.as_mut().poll(&mut Context::from_waker(Waker::noop())));
    if let Poll::Ready(built) = now {
        return shown(built);
    }
    let slot: Kept<Option<Result<AnyView, String>>> = Kept::new(None);
    let (ready, set_ready) = signal(0u32);
    let pending = use_context::<BodyPending>();
    if let Some(p) = pending {
        p.0.set(true);
    }
    // Under this component's owner (the body's contexts and cleanups are the widget's), and
    // untracked. A body whose chunk comes after its widget is gone is not built (`slot` is gone
    // with it).
    leptos::task::spawn_local(ScopedFuture::new_untracked(std::future::poll_fn(
        move |cx| {
            if slot.with(|_| ()).is_none() {
                return Poll::Ready(());
            }
            let Poll::Ready(built) = body.as_mut().poll(cx) else {
                return Poll::Pending;
            };
            if slot.update(|s| *s = Some(built)).is_some() {
                if let Some(p) = pending {
                    p.0.set(false);
                }
                set_ready.try_set(1);
            }
            Poll::Ready(())
        },
    )));
    (move || match ready.get() {
        0 => view! { <LoadingState reserve=reserve wordless=wordless/> }.into_any(),
        _ => slot
            .update(Option::take)
            .flatten()
            .map_or_else(|| ().into_any(), shown),
    })
    .into_any()
}

/// The body, or why its code did not load.
fn shown(built: Result<AnyView, String>) -> AnyView {
    match built {
        Ok(view) => view,
        Err(message) => {
            view! { <ErrorState what=Failed::Code message=message kind="code"/> }.into_any()
        }
    }
}
