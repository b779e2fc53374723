use crate::web::context::use_market;
use crate::web::load::{load_warm, ErasedResource, LoadError, LoadedSeries, Warm};
use crate::web::net::{refresh_tick, Cancel};
use barfinex_core::model::SeriesSource;
use leptos::prelude::*;

/// One market series for the calling component, loaded under the widget's
/// [`MarketContext`](crate::web::context::MarketContext): its `market` server, refreshed every
/// `refresh` seconds, kept in `sessionStorage` with `persist`; aborted when the component goes.
///
/// ```no_run
/// # use barfinex_core::model::SeriesSource;
/// # fn demo(spec: SeriesSource) {
/// let candles = barfinex_widgets::web::components::use_series(spec);
/// # }
/// ```
pub fn use_series(spec: SeriesSource) -> ErasedResource<Result<LoadedSeries, LoadError>> {
    let tick = refresh_tick(use_market().refresh);
    series_resource(spec, Cancel::for_this_owner(), tick)
}

/// `spec` loaded under the widget's market context, again each time `reload` changes (a load
/// after the first is a refresh); the first takes the load started with the profile, if any.
/// One function for every series resource, so the resource's code is compiled once; `reload`
/// a `ReadSignal`, not a `Signal`, whose code would be one more signal type's.
pub(crate) fn series_resource(
    spec: SeriesSource,
    cancel: Cancel,
    reload: ReadSignal<u32>,
) -> ErasedResource<Result<LoadedSeries, LoadError>> {
    let ctx = use_market();
    let policy = ctx.policy();
    let warm = Warm::here();
    ErasedResource::new(move || {
        let (spec, market, policy, signal, n) = (
            spec.clone(),
            ctx.market.clone(),
            policy.clone(),
            cancel.signal(),
            reload.get(),
        );
        async move { load_warm(warm, &spec, market, &policy, signal, n > 0).await }
    })
}
