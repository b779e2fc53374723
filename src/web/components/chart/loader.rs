use super::{FundingChartView, PriceChartView, Sparkline};
use crate::web::components::{ErrorState, LoadingState};
use crate::web::load::{load_series, LoadedSeries};
use crate::web::net::{refresh_tick, Cancel, Policy};
use barfinex_core::model::SeriesSource;
use barfinex_core::series::SeriesData;
use barfinex_core::signals::BreakoutParams;
use leptos::prelude::*;

/// Loads one series (shared requests, fallbacks, refresh) and renders it with `render`; loading
/// and error states are its own, and a missing source is a "no data" state, not an error.
#[component]
fn SeriesView(
    spec: Option<SeriesSource>,
    market: Option<String>,
    refresh: u32,
    #[prop(into)] render: Callback<LoadedSeries, AnyView>,
) -> impl IntoView {
    let Some(spec) = spec else {
        return view! { <p class="bfx-empty">"No market data for this chart."</p> }.into_any();
    };
    let cancel = Cancel::for_this_owner();
    let tick = refresh_tick(refresh);
    let data = LocalResource::new(move || {
        let (spec, market, signal, n) = (spec.clone(), market.clone(), cancel.signal(), tick.get());
        async move { load_series(&spec, market, &Policy::default(), signal, n > 0).await }
    });
    (move || match data.get() {
        None => view! { <LoadingState/> }.into_any(),
        Some(Err(e)) => view! { <ErrorState message=format!("Chart data: {e}")/> }.into_any(),
        Some(Ok(s)) => render.run(s),
    })
    .into_any()
}

/// The price chart of a profile's `candles` source, marking what its breakout rule finds.
#[component]
pub fn PriceChart(
    /// The `candles` source (none: a "no data" state).
    spec: Option<SeriesSource>,
    /// The breakout rule's parameters.
    #[prop(default = None)]
    breakout: Option<BreakoutParams>,
    #[prop(default = None)] market: Option<String>,
    #[prop(default = 0)] refresh: u32,
) -> impl IntoView {
    view! {
        <SeriesView spec=spec market=market refresh=refresh render=move |s: LoadedSeries| match s.data.as_ref() {
            SeriesData::Candles(c) => view! { <PriceChartView series=s.clone() candles=c.clone() breakout=breakout/> }.into_any(),
            SeriesData::Points(_) => view! { <ErrorState message=format!("{}: the price chart needs candles", s.url)/> }.into_any(),
        }/>
    }
}

/// The funding chart of a profile's `funding` source.
#[component]
pub fn FundingChart(
    /// The `funding` source (none: a "no data" state).
    spec: Option<SeriesSource>,
    #[prop(default = None)] market: Option<String>,
    #[prop(default = 0)] refresh: u32,
) -> impl IntoView {
    view! {
        <SeriesView spec=spec market=market refresh=refresh render=move |s: LoadedSeries| match s.data.as_ref() {
            SeriesData::Points(p) => view! { <FundingChartView series=s.clone() funding=p.clone()/> }.into_any(),
            SeriesData::Candles(_) => view! { <ErrorState message=format!("{}: the funding chart needs a single-valued series", s.url)/> }.into_any(),
        }/>
    }
}

/// A sparkline of a source's latest closes (or values).
#[component]
pub fn SparklineChart(
    spec: Option<SeriesSource>,
    #[prop(default = None)] market: Option<String>,
    /// How many of the latest points.
    #[prop(default = 48)]
    points: usize,
) -> impl IntoView {
    view! {
        <SeriesView spec=spec market=market refresh=0 render=move |s: LoadedSeries| {
            let (values, unit) = match s.data.as_ref() {
                SeriesData::Candles(c) => (c.close.clone(), "close"),
                SeriesData::Points(p) => (p.value.clone(), "value"),
            };
            let tail = values[values.len().saturating_sub(points)..].to_vec();
            let symbol = s.symbol();
            let what = format!("{symbol} {unit}, last {} points{}", tail.len(), if s.synthetic { " (synthetic data)" } else { "" });
            view! {
                <div class="bfx-spark-row">
                    <Sparkline values=tail what=what.clone()/>
                    <span class="bfx-chart__caption">{what}</span>
                </div>
            }.into_any()
        }/>
    }
}
