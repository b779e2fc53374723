use crate::web::components::primitives::maybe;
use crate::web::components::{
    effect, use_series, Badge, ErrorState, Failed, IntervalRating, LoadingState, Packed,
    TechnicalDetails, Tone,
};
use crate::web::load::LoadedSeries;
use crate::web::net::{now_ms, NetError, NextRefresh};
use crate::web::reader::use_reader;
use barfinex_core::format::minutes;
use barfinex_core::locale::fill;
use barfinex_core::model::SeriesSource;
use barfinex_core::rating::Rules;
use barfinex_core::series::Candles;
use leptos::prelude::*;

/// A profile's candle series, fetched from its sources (with fallbacks) and shown as the last
/// price, the 24-hour change and the data's "as of" time, plus the technical rating computed
/// from it on every interval its sources serve ([`IntervalRating`]). Loaded under the widget's
/// market context: with `refresh`, it refetches on a timer and re-scores in place; when a
/// refresh fails it keeps the last good data and says how old it is.
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
    let data = use_series(spec.clone());
    let retry = use_context::<NextRefresh>();
    let market = move || {
        match data.get() {
        None => view! { <LoadingState reserve=Some(if rating { "market-rated" } else { "market" })/> }.into_any(),
        Some(Err(e)) => view! { <ErrorState what=Failed::Market message=e.to_string() kind=e.kind() url=e.url() status=e.status() retry=retry/> }.into_any(),
        Some(Ok(s)) => match s.candles() {
            Ok(c) => view! { <MarketView series=s.clone() candles=c.clone()/> }.into_any(),
            Err(why) => view! { <ErrorState message=why/> }.into_any(),
        },
    }
    };
    // Built once the candles are here and kept across refreshes: its tabs keep what they loaded.
    // (`<Show>` does the same through a `Memo<bool>`, one more signal type in the bundle.)
    let has_candles = Packed::new(false);
    effect(move || {
        let now = data.with(|d| matches!(d, Some(Ok(s)) if s.candles().is_ok()));
        if now != has_candles.get_untracked() {
            has_candles.set(now);
        }
    });
    view! {
        {market}
        {rating.then_some(move || {
            maybe(has_candles.get().then(|| view! { <IntervalRating spec=spec.clone() base=data rules=rules/> }.into_any()))
        })}
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
fn MarketView(series: LoadedSeries, candles: Candles) -> impl IntoView {
    let r = use_reader();
    let (t, w, n) = (r.t(), r.locale.rating_words(), r.n());
    let last = candles.close.last().copied();
    let change = change_24h(&candles);
    let as_of = candles
        .time
        .last()
        .map(|ms| r.time(*ms))
        .unwrap_or_else(|| "–".into());
    let tone = match change {
        Some(c) if c > 0.0 => "up",
        Some(c) if c < 0.0 => "down",
        _ => "flat",
    };
    // The data's age: a cache that served it stale says how old; else since it was fetched.
    let stale = series.stale.as_ref().map(|e| {
        let age = match e {
            NetError::ServedStale { age_ms, .. } => *age_ms,
            _ => now_ms() - series.fetched_at,
        };
        let words = if age < 60_000.0 {
            t.stale_recent.to_owned()
        } else {
            fill(t.stale_age, &[&minutes(age)])
        };
        (words, e.to_string())
    });
    let source = series.source_line();
    view! {
        <div part="market" class="bfx-market" data-source=series.source.name()>
            <span class="bfx-market__price">{last.map(|x| n.price(x)).unwrap_or_else(|| "–".into())}</span>
            <span class=format!("bfx-market__change bfx-market__change--{tone}")>
                {change.map(|c| fill(w.change_24h, &[&n.percent(c, 2, true)])).unwrap_or_else(|| w.change_24h_none.into())}
            </span>
            {series.synthetic.then(|| view! { <Badge tone=Tone::Mixed label=t.synthetic_data/> })}
            <span class="bfx-market__asof">{format!("{} · {}", fill(w.as_of, &[&as_of]), source)}</span>
            {stale.map(|(age, detail)| view! {
                <div class="bfx-market__stale">
                    <span role="status">{age}</span>
                    <TechnicalDetails message=detail/>
                </div>
            })}
        </div>
    }
}
