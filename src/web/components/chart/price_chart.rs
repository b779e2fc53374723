use super::canvas::{draw_err, time_label, DrawCtx};
use super::figure::ChartFigure;
use crate::web::components::technical_rating::fmt_time;
use crate::web::net::LoadedSeries;
use barfinex_core::series::Candles;
use barfinex_core::signals::{find_breakout, fmt_num, Breakout, BreakoutParams, Retest};
use leptos::prelude::*;
use plotters::prelude::*;

/// A price chart (candles) with volume beneath, drawn with plotters. With breakout parameters (a
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
    let n = candles.len();
    if n == 0 {
        return view! { <p class="bfx-empty">"No market data for this chart."</p> }.into_any();
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
    let mut words = format!(
        "Price of {symbol}, {shown} {interval} candles from {} to {}, last close {}.",
        fmt_time(candles.time[start]),
        fmt_time(candles.time[n - 1]),
        fmt_num(candles.close[n - 1])
    );
    words.push(' ');
    words.push_str(&describe(&candles, found, breakout.is_some()));
    if series.synthetic {
        words.push_str(" Synthetic data.");
    }
    let c = candles.clone();
    view! { <ChartFigure series=series words=words height=260 draw=move |ctx| draw(ctx, &c, start, found)/> }
    .into_any()
}

fn describe(c: &Candles, found: Option<(Breakout, Retest)>, asked: bool) -> String {
    let Some((k, r)) = found else {
        return if asked {
            "No high-volume breakout in the rule's window.".into()
        } else {
            String::new()
        };
    };
    let side = if k.up { "above" } else { "below" };
    let mut s = format!(
        "Breakout {side} {} at {} on {}× average volume;",
        fmt_num(k.level),
        fmt_time(c.time[k.bar]),
        fmt_num(k.volume_ratio)
    );
    match r {
        Retest::Awaiting => s.push_str(" no retest yet."),
        Retest::Seen {
            bar,
            lower_volume,
            held,
            ..
        } => s.push_str(&format!(
            " retest at {}{}{}.",
            fmt_time(c.time[bar]),
            if lower_volume {
                " on lower volume"
            } else {
                " on higher volume"
            },
            if held { ", level held" } else { ", level lost" }
        )),
    }
    s
}

fn draw(
    ctx: &DrawCtx,
    c: &Candles,
    start: usize,
    found: Option<(Breakout, Retest)>,
) -> Result<(), String> {
    let p = ctx.palette;
    let root = ctx.area()?;
    let h = root.dim_in_pixel().1;
    let (upper, lower) = root.split_vertically(h * 72 / 100);
    let range = start..c.len();
    let lo = c.low[range.clone()]
        .iter()
        .copied()
        .fold(f64::MAX, f64::min);
    let hi = c.high[range.clone()]
        .iter()
        .copied()
        .fold(f64::MIN, f64::max);
    let pad = ((hi - lo) * 0.06).max(hi.abs() * 1e-6);
    let (x0, x1) = (start as f64 - 0.5, c.len() as f64 - 0.5);
    let font = |px: f64| ("sans-serif", px * ctx.dpr).into_font().color(&p.muted);
    let mut chart = ChartBuilder::on(&upper)
        .margin_top(ctx.px(8.0))
        .margin_right(ctx.px(8.0))
        .y_label_area_size(ctx.px(56.0))
        .build_cartesian_2d(x0..x1, (lo - pad)..(hi + pad))
        .map_err(draw_err)?;
    chart
        .configure_mesh()
        .disable_x_mesh()
        .x_labels(0)
        .y_labels(5)
        .max_light_lines(0)
        .bold_line_style(p.border.stroke_width(ctx.px(1.0)))
        .axis_style(p.border.stroke_width(ctx.px(1.0)))
        .y_label_style(font(11.0))
        .y_label_formatter(&|v| fmt_num(*v))
        .draw()
        .map_err(draw_err)?;
    let slot = upper.dim_in_pixel().0 as f64 / (c.len() - start).max(1) as f64;
    let body = ((slot * 0.7) as u32).clamp(1, ctx.px(12.0));
    chart
        .draw_series(range.clone().map(|i| {
            CandleStick::new(
                i as f64,
                c.open[i],
                c.high[i],
                c.low[i],
                c.close[i],
                p.positive.filled(),
                p.negative.filled(),
                body,
            )
        }))
        .map_err(draw_err)?;
    if let Some((k, r)) = found.filter(|(k, _)| k.bar >= start) {
        let accent = p.accent.stroke_width(ctx.px(1.5));
        chart
            .draw_series(std::iter::once(PathElement::new(
                vec![(k.bar as f64, k.level), (x1, k.level)],
                accent,
            )))
            .map_err(draw_err)?;
        let tip = if k.up { c.high[k.bar] } else { c.low[k.bar] };
        chart
            .draw_series(std::iter::once(Circle::new(
                (k.bar as f64, tip),
                ctx.px(5.0),
                p.accent.stroke_width(ctx.px(2.0)),
            )))
            .map_err(draw_err)?;
        chart
            .draw_series(std::iter::once(Text::new(
                format!("breakout {}", fmt_num(k.level)),
                (k.bar as f64, k.level),
                ("sans-serif", 11.0 * ctx.dpr).into_font().color(&p.accent),
            )))
            .map_err(draw_err)?;
        if let Retest::Seen { bar, .. } = r {
            let at = if k.up { c.low[bar] } else { c.high[bar] };
            chart
                .draw_series(std::iter::once(TriangleMarker::new(
                    (bar as f64, at),
                    ctx.px(6.0),
                    p.accent.filled(),
                )))
                .map_err(draw_err)?;
        }
    }
    let vmax = c.volume[range.clone()]
        .iter()
        .copied()
        .fold(0.0, f64::max)
        .max(1e-12);
    let mut vol = ChartBuilder::on(&lower)
        .margin_right(ctx.px(8.0))
        .y_label_area_size(ctx.px(56.0))
        .x_label_area_size(ctx.px(22.0))
        .build_cartesian_2d(x0..x1, 0.0..vmax * 1.05)
        .map_err(draw_err)?;
    let times = c.time.clone();
    vol.configure_mesh()
        .disable_mesh()
        .x_labels(4)
        .y_labels(2)
        .axis_style(p.border.stroke_width(ctx.px(1.0)))
        .x_label_style(font(10.0))
        .y_label_style(font(10.0))
        .x_label_formatter(&|x| time_label(&times, *x, 5..16))
        .y_label_formatter(&|v| compact(*v))
        .draw()
        .map_err(draw_err)?;
    let mark = found.map(|(k, _)| k.bar);
    vol.draw_series(range.map(|i| {
        let colour = if Some(i) == mark { p.accent } else { p.muted };
        Rectangle::new(
            [(i as f64 - 0.35, 0.0), (i as f64 + 0.35, c.volume[i])],
            colour.mix(0.6).filled(),
        )
    }))
    .map_err(draw_err)?;
    root.present().map_err(draw_err)?;
    Ok(())
}

/// Volumes read best short: 12.5M, 830k.
fn compact(v: f64) -> String {
    let a = v.abs();
    let (x, unit) = if a >= 1e9 {
        (v / 1e9, "B")
    } else if a >= 1e6 {
        (v / 1e6, "M")
    } else if a >= 1e3 {
        (v / 1e3, "k")
    } else {
        (v, "")
    };
    format!("{}{unit}", fmt_num((x * 10.0).round() / 10.0))
}
