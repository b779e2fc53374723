use super::now_secs;
use crate::web::kept::{kept_callback, Kept};
use leptos::prelude::*;
use std::time::Duration;
use web_sys::{HtmlElement, IntersectionObserver};

/// The element a widget renders into, provided by `mount` so that refreshes pause while it is
/// out of the document (a page that removes a mounted widget's target without unmounting it
/// would otherwise keep it fetching for ever).
#[derive(Clone, Copy)]
pub struct Attached(pub Kept<HtmlElement>);

impl Attached {
    /// Provides `container` to the widget being built.
    pub fn provide(container: HtmlElement) {
        provide_context(Attached(Kept::new(container)));
    }
}

/// When the next refresh of the component that called [`refresh_tick`] is due, in whole seconds
/// since the epoch ([`super::now_secs`]); 0 while none is scheduled (the widget out of the document). Provided by `refresh_tick`
/// when `refresh` is set, in the caller's owner: read it there, in the component's body (a
/// view built later may sit under another owner), and give it to an `ErrorState` to count down.
#[derive(Clone, Copy)]
pub struct NextRefresh(pub ReadSignal<u32>);

/// A counter that goes up every `secs` seconds (never, for 0), cleared with the calling owner.
/// Resources that read it refetch on each tick; the tick count tells a refresh from the first load.
/// A widget that leaves the document ([`Attached`]) stops its timer at the next tick: no
/// requests, no work, no timer. An `IntersectionObserver` on its container starts it again, with
/// a refresh at once, when the container is back in the document and on screen.
///
/// ```no_run
/// # use leptos::prelude::*; use barfinex_widgets::web::net::refresh_tick;
/// let tick = refresh_tick(60);
/// let data = LocalResource::new(move || { let n = tick.get(); async move { n } });
/// ```
pub fn refresh_tick(secs: u32) -> ReadSignal<u32> {
    let (tick, set_tick) = signal(0u32);
    if secs == 0 {
        return tick;
    }
    let attached = use_context::<Attached>();
    let every = Duration::from_secs(u64::from(secs));
    let (next, set_next) = signal(0u32);
    provide_context(NextRefresh(next));
    let due = move || set_next.try_set(now_secs().saturating_add(secs));
    let timer = Kept::new(None::<IntervalHandle>);
    let connected = move || {
        attached
            .and_then(|a| a.0.with(|c| c.is_connected()))
            .unwrap_or(true)
    };
    let stop = move || {
        timer.update(|t| {
            if let Some(h) = t.take() {
                h.clear();
            }
        });
        set_next.try_set(0);
    };
    // Starts the timer unless it runs; true when it was started.
    let start = move || {
        if timer.with(Option::is_some).unwrap_or(true) {
            return false;
        }
        let on_tick = move || {
            if connected() {
                due();
                set_tick.update(|t| *t += 1);
            } else {
                stop();
            }
        };
        match set_interval_with_handle(on_tick, every) {
            Ok(h) => {
                due();
                timer.update(|t| *t = Some(h)).is_some()
            }
            Err(_) => false,
        }
    };
    start();
    on_cleanup(stop);
    if let Some(container) = attached.and_then(|a| a.0.with(HtmlElement::clone)) {
        // Owned with the widget: freed when it goes.
        let back = kept_callback(move |_| {
            if connected() && start() {
                set_tick.update(|t| *t += 1);
            }
        });
        if let Ok(io) = IntersectionObserver::new(&back) {
            io.observe(&container);
            on_cleanup(move || io.disconnect());
        }
    }
    tick
}
