use super::{LoadingState, SignalBadges};
use crate::web::net::{load_series_set, refresh_tick, Cancel, Policy};
use barfinex_core::model::{SeriesSource, Signal as SignalSpec};
use barfinex_core::signals::{parse_rule, score_signals, State};
use leptos::prelude::*;

/// Signal badges scored live: fetches every series the signals' rules read (from the profile's
/// `sources`, through the shared fetch layer), scores them in the browser and shows state,
/// strength and evidence. A series that fails to load makes only the signals that read it
/// "insufficient data", with the load error in their evidence.
///
/// ```no_run
/// # use leptos::prelude::*; use barfinex_widgets::web::components::LiveSignals;
/// # let (signals, sources) = (vec![], vec![]);
/// view! { <LiveSignals signals=signals sources=sources/> };
/// ```
#[component]
pub fn LiveSignals(
    /// The signals (with their rules).
    signals: Vec<SignalSpec>,
    /// Where each named series comes from (the profile's `sources`).
    sources: Vec<SeriesSource>,
    /// Local market-data server base, for sources without a `base_url`.
    #[prop(default = None)]
    market: Option<String>,
    /// Seconds between refreshes (0: off).
    #[prop(default = 0)]
    refresh: u32,
    /// Keep fetched data in `sessionStorage`.
    #[prop(default = false)]
    persist: bool,
) -> impl IntoView {
    let names: Vec<String> = signals
        .iter()
        .filter_map(|s| s.rule.as_ref())
        .filter_map(|r| parse_rule(r, "rule").ok())
        .flat_map(|r| r.rule.series_names())
        .fold(Vec::new(), |mut acc, n| {
            if !acc.contains(&n) {
                acc.push(n);
            }
            acc
        });
    let policy = Policy {
        persist,
        ..Policy::default()
    };
    let cancel = Cancel::for_this_owner();
    let tick = refresh_tick(refresh);
    let scored_signals = signals.clone();
    let results = LocalResource::new(move || {
        let (sources, names, market, signal, n, policy, signals) = (
            sources.clone(),
            names.clone(),
            market.clone(),
            cancel.signal(),
            tick.get(),
            policy.clone(),
            scored_signals.clone(),
        );
        async move {
            let (set, failed) =
                load_series_set(&sources, &names, market, &policy, signal, n > 0).await;
            let mut results = score_signals(&signals, &set);
            for r in results
                .iter_mut()
                .filter(|r| r.state == State::InsufficientData)
            {
                for (name, e) in &failed {
                    if r.reason
                        .as_deref()
                        .is_some_and(|m| m.contains(&format!("`{name}`")))
                    {
                        r.reason = Some(format!(
                            "{}; {name}: {e}",
                            r.reason.take().unwrap_or_default()
                        ));
                    }
                }
            }
            results
        }
    });
    let scored = Signal::derive(move || results.get());
    view! {
        {move || scored.with(Option::is_none).then(|| view! { <LoadingState/> })}
        <SignalBadges signals=signals results=scored/>
    }
}
