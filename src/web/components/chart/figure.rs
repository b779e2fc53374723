use super::canvas::{ChartCanvas, DrawCtx};
use crate::web::components::{Badge, Tone};
use crate::web::load::LoadedSeries;
use crate::web::reader::use_reader;
use barfinex_charts::ChartError;
use barfinex_core::format::shown_url;
use leptos::prelude::*;

/// A chart with its caption: the canvas (whose `aria-label` is `words`), then the same words
/// for sighted readers (hidden from screen readers, which heard the label), a synthetic mark
/// when the data is synthetic, and the source with its URL.
#[component]
pub fn ChartFigure<F>(
    /// Where the data came from.
    series: LoadedSeries,
    /// What the chart shows, in words.
    words: String,
    /// Canvas height in CSS pixels.
    height: u32,
    /// Draws the chart (see [`ChartCanvas`]).
    draw: F,
) -> impl IntoView
where
    F: Fn(&DrawCtx) -> Result<(), ChartError> + 'static,
{
    let label = words.clone();
    let t = use_reader().t();
    view! {
        <figure part="chart" class="bfx-chart">
            <ChartCanvas height=height label=label draw=draw/>
            <figcaption part="caption" class="bfx-chart__caption">
                {series.synthetic.then(|| view! { <Badge tone=Tone::Mixed label=t.synthetic/> " " })}
                <span aria-hidden="true">{words}</span>
                <span class="bfx-chart__source">{format!(" {}.", barfinex_core::locale::fill(t.source, &[&format!("{} ({})", series.source.name(), shown_url(&series.url))]))}</span>
            </figcaption>
        </figure>
    }
}
