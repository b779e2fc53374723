use leptos::prelude::*;
use std::time::Duration;

/// A counter that goes up every `secs` seconds (never, for 0), cleared with the calling owner.
/// Resources that read it refetch on each tick; the tick count tells a refresh from the first load.
///
/// ```no_run
/// # use leptos::prelude::*; use barfinex_widgets::web::net::refresh_tick;
/// let tick = refresh_tick(60);
/// let data = LocalResource::new(move || { let n = tick.get(); async move { n } });
/// ```
pub fn refresh_tick(secs: u32) -> ReadSignal<u32> {
    let (tick, set_tick) = signal(0u32);
    if secs > 0 {
        if let Ok(handle) = set_interval_with_handle(
            move || set_tick.update(|t| *t += 1),
            Duration::from_secs(u64::from(secs)),
        ) {
            on_cleanup(move || handle.clear());
        }
    }
    tick
}
