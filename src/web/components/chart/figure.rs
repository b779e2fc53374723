use super::canvas::{canvas_view, Draw, DrawCtx};
use super::data::{ChartData, DataTable};
use crate::web::components::{Badge, Tone};
use crate::web::load::LoadedSeries;
use crate::web::reader::use_reader;
use barfinex_charts::ChartError;
use barfinex_core::format::shown_url;
use leptos::prelude::*;

/// A chart with its caption: the canvas (whose `aria-label` is `words`; focusable, its points
/// reached with arrow keys), then the same words for sighted readers (hidden from screen
/// readers, which heard the label), a synthetic mark when the data is synthetic, the source with
/// its URL, and the points as a "show data" table.
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
    /// The points as text (keyboard, table).
    data: ChartData,
) -> impl IntoView
where
    F: Fn(&DrawCtx) -> Result<(), ChartError> + 'static,
{
    figure_view(series, words, height, std::rc::Rc::new(draw), data)
}

fn figure_view(
    series: LoadedSeries,
    words: String,
    height: u32,
    draw: Draw,
    data: ChartData,
) -> AnyView {
    let label = words.clone();
    let t = use_reader().t();
    view! {
        <figure part="chart" class="bfx-chart">
            {canvas_view(height, label, draw, Some(data.clone()))}
            <figcaption part="caption" class="bfx-chart__caption">
                {series.synthetic.then(|| view! { <Badge tone=Tone::Mixed label=t.synthetic/> " " })}
                <span aria-hidden="true">{words}</span>
                <span class="bfx-chart__source">{format!(" {}.", barfinex_core::locale::fill(t.source, &[&format!("{} ({})", series.source.name(), shown_url(&series.url))]))}</span>
            </figcaption>
            <DataTable data=data/>
        </figure>
    }
    .into_any()
}
