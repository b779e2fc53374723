use super::canvas::ChartCanvas;
use barfinex_charts::sparkline;
use barfinex_core::format::fmt_num;
use leptos::prelude::*;

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
) -> impl IntoView {
    let (Some(first), Some(last)) = (values.first().copied(), values.last().copied()) else {
        return view! { <span class="bfx-empty">"No data"</span> }.into_any();
    };
    let change = if first != 0.0 {
        (last / first - 1.0) * 100.0
    } else {
        0.0
    };
    let mut label = format!(
        "{what}: from {} to {} ({change:+.2}%)",
        fmt_num(first),
        fmt_num(last)
    );
    if let Err(e) = sparkline::value_range(&values) {
        label.push_str(&format!(". Not drawn: {e}"));
    }
    view! {
        <span class="bfx-chart bfx-chart--spark">
            <ChartCanvas height=height label=label draw=move |ctx| sparkline::draw(&ctx.area()?, &ctx.style, &values, change >= 0.0)/>
        </span>
    }
    .into_any()
}
