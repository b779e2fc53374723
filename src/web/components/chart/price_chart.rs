use super::data::ChartData;
use super::figure::ChartFigure;
use super::series_view::SeriesView;
use crate::web::components::{Empty, ErrorState};
use crate::web::load::LoadedSeries;
use crate::web::reader::use_reader;
use crate::web::reader::Reader;
use barfinex_charts::price;
use barfinex_core::format::shown_url;
use barfinex_core::locale::fill;
use barfinex_core::model::SeriesSource;
use barfinex_core::series::Candles;
use barfinex_core::series::SeriesData;
use barfinex_core::signals::{find_breakout, Breakout, BreakoutParams, Retest};
use leptos::prelude::*;
use std::sync::Arc;

/// A price chart (candles) with volume beneath, drawn on its canvas. With breakout parameters (a
/// profile's `breakout_retest` rule) it marks the level, the breakout bar and the retest the rule
/// found; its caption and `aria-label` say the same in words.
#[component]
pub fn PriceChartView(
    /// Where the candles came from (named in the caption; synthetic data is marked).
    series: LoadedSeries,
    candles: Candles,
    /// The breakout rule's parameters, to mark what it finds.
    #[prop(default = None)]
    breakout: Option<BreakoutParams>,
    /// How many of the latest bars to draw.
    #[prop(default = 120)]
    bars: usize,
) -> impl IntoView {
    let r = use_reader();
    let w = r.locale.chart_words();
    let n = candles.len();
    if n == 0 {
        return view! { <Empty text=w.no_market_chart/> }.into_any();
    }
    let start = n.saturating_sub(bars.max(2));
    let found = breakout.and_then(|p| find_breakout(&candles, &p));
    let symbol = series.symbol();
    let interval = series
        .endpoint
        .interval
        .clone()
        .unwrap_or_else(|| "1h".into());
    let shown = n - start;
    let mut words = fill(
        w.price_caption,
        &[
            &symbol,
            &shown.to_string(),
            &interval,
            &r.time(candles.time[start]),
            &r.time(candles.time[n - 1]),
            &r.n().num(candles.close[n - 1]),
        ],
    );
    words.push(' ');
    words.push_str(&describe(&r, &candles, found, breakout.is_some()));
    if series.synthetic {
        words.push_str(w.synthetic_sentence);
    }
    if let Err(e) = price::ranges(&candles, start) {
        words.push_str(&fill(w.not_drawn, &[&e.to_string()]));
    }
    let data = ChartData {
        columns: vec![
            w.col_time,
            w.col_open,
            w.col_high,
            w.col_low,
            w.col_close,
            w.col_volume,
        ],
        points: start..n,
        cells: Arc::new({
            let (r, c) = (r.clone(), candles.clone());
            move |i| {
                let n = r.n();
                vec![
                    r.time(c.time[i]),
                    n.price(c.open[i]),
                    n.price(c.high[i]),
                    n.price(c.low[i]),
                    n.price(c.close[i]),
                    n.num(c.volume[i]),
                ]
            }
        }),
    };
    let c = candles.clone();
    view! { <ChartFigure series=series words=words height=260 data=data draw=move |ctx| price::draw(&mut ctx.surface()?, &ctx.style, &c, start, found)/> }
    .into_any()
}

fn describe(
    reader: &Reader,
    c: &Candles,
    found: Option<(Breakout, Retest)>,
    asked: bool,
) -> String {
    let (w, n) = (reader.locale.chart_words(), reader.n());
    let Some((k, r)) = found else {
        return if asked {
            w.no_breakout.into()
        } else {
            String::new()
        };
    };
    let side = if k.up { w.above } else { w.below };
    let mut s = fill(
        w.breakout,
        &[
            side,
            &n.num(k.level),
            &reader.time(c.time[k.bar]),
            &n.num(k.volume_ratio),
        ],
    );
    match r {
        Retest::Awaiting => s.push_str(w.no_retest),
        Retest::Seen {
            bar,
            lower_volume,
            held,
            ..
        } => s.push_str(&fill(
            w.retest,
            &[
                &reader.time(c.time[bar]),
                if lower_volume {
                    w.lower_volume
                } else {
                    w.higher_volume
                },
                if held { w.level_held } else { w.level_lost },
            ],
        )),
    }
    s
}

/// The price chart of a profile's `candles` source, marking what its breakout rule finds;
/// loaded under the widget's market context (market server, refresh, persist).
#[component]
pub fn PriceChart(
    /// The `candles` source (none: a "no data" state).
    spec: Option<SeriesSource>,
    /// The breakout rule's parameters.
    #[prop(default = None)]
    breakout: Option<BreakoutParams>,
) -> impl IntoView {
    view! {
        <SeriesView spec=spec reserve=Some("price") render=move |s: LoadedSeries| match s.data.as_ref() {
            SeriesData::Candles(c) => view! { <PriceChartView series=s.clone() candles=c.clone() breakout=breakout/> }.into_any(),
            SeriesData::Points(_) => view! { <ErrorState message=format!("{}: the price chart needs candles", shown_url(&s.url))/> }.into_any(),
        }/>
    }
}
