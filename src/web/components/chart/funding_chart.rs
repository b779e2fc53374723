use super::canvas::{draw_err, time_label, DrawCtx};
use super::figure::ChartFigure;
use crate::web::components::technical_rating::fmt_time;
use crate::web::net::LoadedSeries;
use barfinex_core::series::Series;
use barfinex_core::signals::latest_run;
use leptos::prelude::*;
use plotters::prelude::*;

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
    let n = funding.len();
    if n == 0 {
        return view! { <p class="bfx-empty">"No funding data for this chart."</p> }.into_any();
    }
    let start = n.saturating_sub(points.max(2));
    let pct = |v: f64| format!("{:.4}%", v * 100.0);
    let symbol = series.symbol();
    let run =
        latest_run(&funding.value[start..], |v| v < 0.0).map(|(s, len, on)| (s + start, len, on));
    let mut words = format!(
        "Funding rate of {symbol}, {} events from {} to {}, last {}.",
        n - start,
        fmt_time(funding.time[start]),
        fmt_time(funding.time[n - 1]),
        pct(funding.value[n - 1])
    );
    words.push_str(&match run {
        Some((s, len, true)) => format!(
            " Negative for the last {len} events in a row, since {}.",
            fmt_time(funding.time[s])
        ),
        Some((s, len, false)) => format!(
            " Latest negative streak: {len} event{} from {} to {}; positive since.",
            if len == 1 { "" } else { "s" },
            fmt_time(funding.time[s]),
            fmt_time(funding.time[s + len - 1])
        ),
        None => " No negative funding in this period.".into(),
    });
    if series.synthetic {
        words.push_str(" Synthetic data.");
    }
    let f = funding.clone();
    view! { <ChartFigure series=series words=words height=180 draw=move |ctx| draw(ctx, &f, start, run)/> }
    .into_any()
}

fn draw(
    ctx: &DrawCtx,
    f: &Series,
    start: usize,
    run: Option<(usize, usize, bool)>,
) -> Result<(), String> {
    let p = ctx.palette;
    let root = ctx.area()?;
    let vals: Vec<f64> = f.value[start..].iter().map(|v| v * 100.0).collect();
    let lo = vals.iter().copied().fold(0.0, f64::min);
    let hi = vals.iter().copied().fold(0.0, f64::max);
    let pad = ((hi - lo) * 0.1).max(1e-6);
    let (x0, x1) = (start as f64 - 0.5, f.len() as f64 - 0.5);
    let font = |px: f64| ("sans-serif", px * ctx.dpr).into_font().color(&p.muted);
    let mut chart = ChartBuilder::on(&root)
        .margin_top(ctx.px(8.0))
        .margin_right(ctx.px(8.0))
        .y_label_area_size(ctx.px(64.0))
        .x_label_area_size(ctx.px(22.0))
        .build_cartesian_2d(x0..x1, (lo - pad)..(hi + pad))
        .map_err(draw_err)?;
    let times = f.time.clone();
    chart
        .configure_mesh()
        .disable_x_mesh()
        .x_labels(4)
        .y_labels(5)
        .max_light_lines(0)
        .bold_line_style(p.border.stroke_width(ctx.px(1.0)))
        .axis_style(p.border.stroke_width(ctx.px(1.0)))
        .x_label_style(font(10.0))
        .y_label_style(font(10.0))
        .x_label_formatter(&|x| time_label(&times, *x, 5..10))
        .y_label_formatter(&|v| format!("{v:.3}%"))
        .draw()
        .map_err(draw_err)?;
    if let Some((s, len, _)) = run {
        chart
            .draw_series(std::iter::once(Rectangle::new(
                [
                    (s as f64 - 0.5, lo - pad),
                    ((s + len) as f64 - 0.5, hi + pad),
                ],
                p.negative.mix(0.12).filled(),
            )))
            .map_err(draw_err)?;
    }
    chart
        .draw_series(vals.iter().enumerate().map(|(j, v)| {
            let i = (start + j) as f64;
            let colour = if *v < 0.0 { p.negative } else { p.positive };
            Rectangle::new([(i - 0.35, 0.0), (i + 0.35, *v)], colour.filled())
        }))
        .map_err(draw_err)?;
    chart
        .draw_series(std::iter::once(PathElement::new(
            vec![(x0, 0.0), (x1, 0.0)],
            p.fg.stroke_width(ctx.px(1.0)),
        )))
        .map_err(draw_err)?;
    root.present().map_err(draw_err)?;
    Ok(())
}
