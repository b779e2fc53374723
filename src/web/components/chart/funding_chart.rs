use super::data::ChartData;
use super::figure::ChartFigure;
use super::series_view::SeriesView;
use crate::web::components::{Empty, ErrorState};
use crate::web::load::LoadedSeries;
use crate::web::reader::use_reader;
use barfinex_charts::funding;
use barfinex_core::format::shown_url;
use barfinex_core::locale::fill;
use barfinex_core::model::SeriesSource;
use barfinex_core::series::Series;
use barfinex_core::series::SeriesData;
use barfinex_core::signals::latest_run;
use leptos::prelude::*;
use std::sync::Arc;

/// A funding-rate chart: one bar per funding event (green above zero, red below), the zero line,
/// and the latest negative streak shaded and stated in the caption and `aria-label`.
#[component]
pub fn FundingChartView(
    /// Where the series came from (named in the caption; synthetic data is marked).
    series: LoadedSeries,
    funding: Series,
    /// How many of the latest events to draw.
    #[prop(default = 90)]
    points: usize,
) -> impl IntoView {
    let r = use_reader();
    let w = r.locale.chart_words();
    let n = funding.len();
    if n == 0 {
        return view! { <Empty text=w.no_funding_chart/> }.into_any();
    }
    let start = n.saturating_sub(points.max(2));
    let fmt_time = |ms| r.time(ms);
    let symbol = series.symbol();
    let run =
        latest_run(&funding.value[start..], |v| v < 0.0).map(|(s, len, on)| (s + start, len, on));
    let mut words = fill(
        w.funding_caption,
        &[
            &symbol,
            &(n - start).to_string(),
            &fmt_time(funding.time[start]),
            &fmt_time(funding.time[n - 1]),
            &r.n().rate(funding.value[n - 1]),
        ],
    );
    words.push_str(&match run {
        Some((s, len, true)) => fill(
            w.negative_run,
            &[&len.to_string(), &fmt_time(funding.time[s])],
        ),
        Some((s, len, false)) => fill(
            w.negative_streak,
            &[
                &len.to_string(),
                &fmt_time(funding.time[s]),
                &fmt_time(funding.time[s + len - 1]),
            ],
        ),
        None => w.no_negative.into(),
    });
    if series.synthetic {
        words.push_str(w.synthetic_sentence);
    }
    if let Err(e) = funding::percent_range(&funding, start) {
        words.push_str(&fill(w.not_drawn, &[&e.to_string()]));
    }
    let data = ChartData {
        columns: vec![w.col_time, w.col_rate],
        points: start..n,
        cells: Arc::new({
            let (r, f) = (r.clone(), funding.clone());
            move |i| vec![r.time(f.time[i]), r.n().rate(f.value[i])]
        }),
    };
    let f = funding.clone();
    view! { <ChartFigure series=series words=words height=180 data=data draw=move |ctx| funding::draw(&mut ctx.surface()?, &ctx.style, &f, start, run)/> }
    .into_any()
}

/// The funding chart of a profile's `funding` source.
#[component]
pub fn FundingChart(
    /// The `funding` source (none: a "no data" state).
    spec: Option<SeriesSource>,
) -> impl IntoView {
    view! {
        <SeriesView spec=spec reserve=Some("funding") render=move |s: LoadedSeries| match s.data.as_ref() {
            SeriesData::Points(p) => view! { <FundingChartView series=s.clone() funding=p.clone()/> }.into_any(),
            SeriesData::Candles(_) => view! { <ErrorState message=format!("{}: the funding chart needs a single-valued series", shown_url(&s.url))/> }.into_any(),
        }/>
    }
}
