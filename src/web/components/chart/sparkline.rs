use super::canvas::{draw_err, ChartCanvas, DrawCtx};
use barfinex_core::signals::fmt_num;
use leptos::prelude::*;
use plotters::prelude::*;

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
    let label = format!(
        "{what}: from {} to {} ({change:+.2}%)",
        fmt_num(first),
        fmt_num(last)
    );
    view! {
        <span class="bfx-chart bfx-chart--spark">
            <ChartCanvas height=height label=label draw=move |ctx| draw(ctx, &values, change)/>
        </span>
    }
    .into_any()
}

fn draw(ctx: &DrawCtx, v: &[f64], change: f64) -> Result<(), String> {
    let p = ctx.palette;
    let root = ctx.area()?;
    let lo = v.iter().copied().fold(f64::MAX, f64::min);
    let hi = v.iter().copied().fold(f64::MIN, f64::max);
    let pad = ((hi - lo) * 0.1).max(hi.abs() * 1e-6).max(1e-12);
    let mut chart = ChartBuilder::on(&root)
        .margin(ctx.px(4.0))
        .build_cartesian_2d(0.0..(v.len().max(2) - 1) as f64, (lo - pad)..(hi + pad))
        .map_err(draw_err)?;
    let colour = if change >= 0.0 {
        p.positive
    } else {
        p.negative
    };
    let pts: Vec<(f64, f64)> = v.iter().enumerate().map(|(i, y)| (i as f64, *y)).collect();
    let end = pts.last().copied().unwrap_or((0.0, 0.0));
    chart
        .draw_series(std::iter::once(PathElement::new(
            pts,
            colour.stroke_width(ctx.px(1.5)),
        )))
        .map_err(draw_err)?;
    chart
        .draw_series(std::iter::once(Circle::new(
            end,
            ctx.px(2.5),
            colour.filled(),
        )))
        .map_err(draw_err)?;
    root.present().map_err(draw_err)?;
    Ok(())
}
