use crate::web::components::primitives::maybe;
use crate::web::components::{effect, LoadingState, SignalBadges};
use crate::web::context::use_market;
use crate::web::events::use_events;
use crate::web::load::{load_series_set, ErasedResource, Warm};
use crate::web::net::{refresh_tick, Cancel};
use barfinex_core::model::{SeriesSource, Signal as SignalSpec};
use barfinex_core::signals::{score_with_plan, Plan};
use leptos::prelude::*;
use std::sync::Arc;

/// Signal badges scored live: fetches every series the signals' rules read (from the profile's
/// `sources`, through the shared fetch layer), scores them in the browser and shows state,
/// strength and evidence. A series that fails to load makes only the signals that read it
/// "insufficient data", with the load error in their evidence. The rules are read once, into
/// `plan`; a refresh only loads and scores. Loaded under the widget's market context.
///
/// ```no_run
/// # use leptos::prelude::*; use barfinex_widgets::web::components::LiveSignals;
/// # use barfinex_core::signals::Plan; use std::sync::Arc;
/// # let (signals, sources) = (vec![], vec![]);
/// let plan = Arc::new(Plan::for_signals(&signals));
/// view! { <LiveSignals signals=signals plan=plan sources=sources/> };
/// ```
#[component]
pub fn LiveSignals(
    /// The signals (with their rules).
    signals: Vec<SignalSpec>,
    /// The signals' rules, read once ([`Plan::for_signals`]).
    plan: Arc<Plan>,
    /// Where each named series comes from (the profile's `sources`).
    sources: Vec<SeriesSource>,
) -> impl IntoView {
    let ctx = use_market();
    let policy = ctx.policy();
    let market = ctx.market;
    let cancel = Cancel::for_this_owner();
    let tick = refresh_tick(ctx.refresh);
    let warm = Warm::here();
    let scored_signals = signals.clone();
    let results = ErasedResource::new(move || {
        let (sources, plan, market, signal, n, policy, signals) = (
            sources.clone(),
            Arc::clone(&plan),
            market.clone(),
            cancel.signal(),
            tick.get(),
            policy.clone(),
            scored_signals.clone(),
        );
        async move {
            let set = load_series_set(
                warm,
                &sources,
                plan.series(),
                market,
                &policy,
                signal,
                n > 0,
            )
            .await;
            score_with_plan(&signals, &plan, &set)
        }
    });
    let events = use_events();
    effect(move || {
        results.with(|r| {
            if let Some(r) = r {
                events.signals(r);
            }
        })
    });
    view! {
        {move || maybe(results.with(|r| r.is_none()).then(|| view! { <LoadingState/> }.into_any()))}
        <SignalBadges signals=signals results=results/>
    }
}
