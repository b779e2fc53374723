use super::canvas::ChartCanvas;
use super::data::{ChartData, DataTable};
use super::series_view::SeriesView;
use crate::web::load::LoadedSeries;
use crate::web::reader::use_reader;
use barfinex_charts::sparkline;
use barfinex_core::locale::fill;
use barfinex_core::model::SeriesSource;
use barfinex_core::series::SeriesData;
use barfinex_core::text;
use leptos::prelude::*;
use std::sync::Arc;

/// A compact price line for tickers and compact cards: no axes, the last point dotted, coloured
/// by the change over the period. Its `aria-label` states the first and last values and the
/// change.
#[component]
pub fn Sparkline(
    /// The values, oldest first (e.g. the closes).
    values: Vec<f64>,
    /// What the values are, e.g. "FLUXUSDT close, last 48 1h bars".
    #[prop(into)]
    what: String,
    /// Height in CSS pixels.
    #[prop(default = 40)]
    height: u32,
    /// The points as text, indexed as `values` (with them, the line takes focus and arrow keys
    /// move along it).
    #[prop(default = None)]
    data: Option<ChartData>,
) -> impl IntoView {
    let r = use_reader();
    let (t, w, n) = (r.t(), r.locale.chart_words(), r.n());
    let (Some(first), Some(last)) = (values.first().copied(), values.last().copied()) else {
        return view! { <span class="bfx-empty">{t.no_data}</span> }.into_any();
    };
    let change = if first != 0.0 {
        (last / first - 1.0) * 100.0
    } else {
        0.0
    };
    let mut label = fill(
        w.sparkline,
        &[
            &what,
            &n.num(first),
            &n.num(last),
            &n.percent(change, 2, true),
        ],
    );
    if let Err(e) = sparkline::value_range(&values) {
        label.push('.');
        label.push_str(text::trim_end(&fill(w.not_drawn, &[&e.to_string()]), b"."));
    }
    view! {
        <span part="chart" class="bfx-chart bfx-chart--spark">
            <ChartCanvas height=height label=label data=data draw=move |ctx| sparkline::draw(&mut ctx.surface()?, &ctx.style, &values, change >= 0.0)/>
        </span>
    }
    .into_any()
}

/// A sparkline of a source's latest closes (or values).
#[component]
pub fn SparklineChart(
    /// The source to draw (none: a "no data" state).
    spec: Option<SeriesSource>,
    /// How many of the latest points.
    #[prop(default = 48)]
    points: usize,
) -> impl IntoView {
    let r = use_reader();
    let w = r.locale.chart_words();
    view! {
        <SeriesView spec=spec render=move |s: LoadedSeries| {
            let (times, values, template, column) = match s.data.as_ref() {
                SeriesData::Candles(c) => (&c.time, &c.close, w.sparkline_close, w.col_close),
                SeriesData::Points(p) => (&p.time, &p.value, w.sparkline_value, w.col_value),
            };
            let from = values.len().saturating_sub(points);
            let tail = values[from..].to_vec();
            let data = ChartData {
                columns: vec![w.col_time, column],
                points: 0..tail.len(),
                cells: Arc::new({
                    let (r, times, values) = (r.clone(), times[from..].to_vec(), tail.clone());
                    move |i| vec![r.time(times.get(i).copied().unwrap_or_default()), r.n().price(values.get(i).copied().unwrap_or(f64::NAN))]
                }),
            };
            let symbol = s.symbol();
            let mut what = fill(template, &[&symbol, &tail.len().to_string()]);
            if s.synthetic {
                what.push_str(w.synthetic_suffix);
            }
            view! {
                <div class="bfx-spark-row">
                    <Sparkline values=tail what=what.clone() data=Some(data.clone())/>
                    <span part="caption" class="bfx-chart__caption">{what}</span>
                </div>
                <DataTable data=data/>
            }.into_any()
        }/>
    }
}
