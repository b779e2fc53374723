use crate::web::components::{
    use_series, Badge, ErrorState, LoadingState, Section, SeriesMeta, TechnicalRatingView, Tone,
};
use crate::web::load::LoadedSeries;
use crate::web::net::{now_ms, NetError};
use barfinex_core::format::shown_url;
use barfinex_core::format::{change_pct, minutes, price as fmt_price, utc_minute as fmt_time};
use barfinex_core::model::SeriesSource;
use barfinex_core::rating::{technical_rating, Rules};
use barfinex_core::series::Candles;
use barfinex_core::series::SeriesData;
use leptos::prelude::*;

/// A profile's candle series, fetched from its sources (with fallbacks) and shown as the last
/// price, the 24-hour change and the data's "as of" time, plus the technical rating computed
/// from it. Loaded under the widget's market context: with `refresh`, it refetches on a timer
/// and re-scores in place; when a refresh fails it keeps the last good data and says how old it
/// is.
#[component]
pub fn MarketPanel(
    /// The `candles` entry of the profile's `sources`.
    spec: SeriesSource,
    /// Also show the technical rating of this series.
    #[prop(default = true)]
    rating: bool,
    /// The rating's rule set; by default the one provided as context (the element's
    /// `rating-rules`), else `tradingview`.
    #[prop(optional)]
    rules: Option<Rules>,
) -> impl IntoView {
    let rules = rules.or_else(use_context::<Rules>).unwrap_or_default();
    let data = use_series(spec);
    move || {
        match data.get() {
        None => view! { <LoadingState reserve=Some(if rating { "market-rated" } else { "market" })/> }.into_any(),
        Some(Err(e)) => view! { <ErrorState message=format!("Market data: {e}") kind=e.kind() url=e.url() status=e.status()/> }.into_any(),
        Some(Ok(s)) => match s.data.as_ref() {
            SeriesData::Candles(c) => view! { <MarketView series=s.clone() candles=c.clone() rating=rating.then_some(rules)/> }.into_any(),
            SeriesData::Points(_) => {
                view! { <ErrorState message=format!("{}: the candles series must come from a candles source", shown_url(&s.url))/> }.into_any()
            }
        },
    }
    }
}

/// The close 24 hours before the last bar's time (the last bar at or before it).
fn change_24h(c: &Candles) -> Option<f64> {
    let last = *c.time.last()?;
    let i = c.time.iter().rposition(|t| *t <= last - 86_400_000)?;
    let (then, now) = (c.close[i], *c.close.last()?);
    (then != 0.0).then(|| (now / then - 1.0) * 100.0)
}

#[component]
fn MarketView(series: LoadedSeries, candles: Candles, rating: Option<Rules>) -> impl IntoView {
    let last = candles.close.last().copied();
    let change = change_24h(&candles);
    let as_of = candles
        .time
        .last()
        .map(|t| fmt_time(*t))
        .unwrap_or_else(|| "–".into());
    let tone = match change {
        Some(c) if c > 0.0 => "up",
        Some(c) if c < 0.0 => "down",
        _ => "flat",
    };
    let stale = series.stale.as_ref().map(|e| {
        let mins = minutes(now_ms() - series.fetched_at);
        match e {
            // Its message gives the age in seconds, from the cache's own headers.
            NetError::ServedStale { .. } => format!("Stale: {e}"),
            _ => format!("Stale: data from {mins} min ago (refresh failed: {e})"),
        }
    });
    let meta = SeriesMeta {
        symbol: series.symbol(),
        interval: series
            .endpoint
            .interval
            .clone()
            .unwrap_or_else(|| "1h".into()),
        source: format!("{} ({})", series.source.name(), shown_url(&series.url)),
        synthetic: series.synthetic,
    };
    let detail = rating
        .and_then(|rules| technical_rating(&candles, false, rules).ok())
        .and_then(|r| r.last);
    view! {
        <div part="market" class="bfx-market" data-source=series.source.name()>
            <span class="bfx-market__price">{last.map(fmt_price).unwrap_or_else(|| "–".into())}</span>
            <span class=format!("bfx-market__change bfx-market__change--{tone}")>
                {change.map(|c| format!("{} 24h", change_pct(c))).unwrap_or_else(|| "24h change –".into())}
            </span>
            {series.synthetic.then(|| view! { <Badge tone=Tone::Mixed label="Synthetic data"/> })}
            <span class="bfx-market__asof">{format!("as of {as_of} · {}", meta.source)}</span>
            {stale.map(|s| view! { <p class="bfx-market__stale" role="status">{s}</p> })}
        </div>
        {detail.map(|d| view! {
            <Section title="Technical rating">
                <TechnicalRatingView detail=d meta=meta.clone()/>
            </Section>
        })}
    }
}
