use leptos::prelude::*;
use std::time::Duration;
use web_sys::HtmlElement;

/// The element a widget renders into, provided by `mount` so that refreshes pause while it is
/// out of the document (a page that removes a mounted widget's target without unmounting it
/// would otherwise keep it fetching for ever).
#[derive(Clone, Copy)]
pub struct Attached(pub StoredValue<HtmlElement, LocalStorage>);

impl Attached {
    /// Provides `container` to the widget being built.
    pub fn provide(container: HtmlElement) {
        provide_context(Attached(StoredValue::new_local(container)));
    }
}

/// A counter that goes up every `secs` seconds (never, for 0), cleared with the calling owner.
/// Resources that read it refetch on each tick; the tick count tells a refresh from the first load.
/// While the widget is out of the document ([`Attached`]) ticks are skipped: no requests, no
/// work, until it is back.
///
/// ```no_run
/// # use leptos::prelude::*; use barfinex_widgets::web::net::refresh_tick;
/// let tick = refresh_tick(60);
/// let data = LocalResource::new(move || { let n = tick.get(); async move { n } });
/// ```
pub fn refresh_tick(secs: u32) -> ReadSignal<u32> {
    let (tick, set_tick) = signal(0u32);
    let attached = use_context::<Attached>();
    if secs > 0 {
        if let Ok(handle) = set_interval_with_handle(
            move || {
                let connected = attached
                    .and_then(|a| a.0.try_with_value(|c| c.is_connected()))
                    .unwrap_or(true);
                if connected {
                    set_tick.update(|t| *t += 1);
                }
            },
            Duration::from_secs(u64::from(secs)),
        ) {
            on_cleanup(move || handle.clear());
        }
    }
    tick
}
