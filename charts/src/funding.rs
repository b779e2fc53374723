//! Funding rate, one bar per event, with the latest negative streak shaded.

use crate::axis::time_label;
use crate::range::{extent, padded};
use crate::style::sans;
use crate::{draw_err, ChartError, Style};
use barfinex_core::series::Series;
use plotters::coord::Shift;
use plotters::prelude::*;
use std::ops::Range;

/// The values of events `start..` in percent, and their range (zero included, padded by 10%).
pub fn percent_range(f: &Series, start: usize) -> Result<(Vec<f64>, Range<f64>), ChartError> {
    let vals: Vec<f64> = f
        .value
        .get(start..)
        .ok_or(ChartError::OutOfRange)?
        .iter()
        .map(|v| v * 100.0)
        .collect();
    let (lo, hi) = extent(vals.iter().copied().chain([0.0])).ok_or(ChartError::OutOfRange)?;
    Ok((vals, padded(lo, hi, 0.1)?))
}

/// Draws events `start..` of `f` on `root`, shading `run` (start, length, ongoing).
pub fn draw<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    style: &Style,
    f: &Series,
    start: usize,
    run: Option<(usize, usize, bool)>,
) -> Result<(), ChartError> {
    let (vals, y) = percent_range(f, start)?;
    let p = style.palette;
    root.fill(&p.bg).map_err(draw_err)?;
    let (x0, x1) = (start as f64 - 0.5, f.len() as f64 - 0.5);
    let font = |px: f64| sans(px * style.dpr).color(&p.muted);
    let mut chart = ChartBuilder::on(root)
        .margin_top(style.px(8.0))
        .margin_right(style.px(8.0))
        .y_label_area_size(style.px(64.0))
        .x_label_area_size(style.px(22.0))
        .build_cartesian_2d(x0..x1, y.clone())
        .map_err(draw_err)?;
    chart
        .configure_mesh()
        .disable_x_mesh()
        .x_labels(4)
        .y_labels(5)
        .max_light_lines(0)
        .bold_line_style(p.border.stroke_width(style.px(1.0)))
        .axis_style(p.border.stroke_width(style.px(1.0)))
        .x_label_style(font(10.0))
        .y_label_style(font(10.0))
        .x_label_formatter(&|x| time_label(&f.time, *x, |t| style.text.day(t)))
        .y_label_formatter(&|v| style.text.percent(*v))
        .draw()
        .map_err(draw_err)?;
    if let Some((s, len, _)) = run {
        chart
            .draw_series(std::iter::once(Rectangle::new(
                [(s as f64 - 0.5, y.start), ((s + len) as f64 - 0.5, y.end)],
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
            p.fg.stroke_width(style.px(1.0)),
        )))
        .map_err(draw_err)?;
    if let Some(i) = style
        .cursor
        .filter(|i| crate::price::range_has(start, f.len(), *i))
    {
        let x = i as f64;
        chart
            .draw_series(std::iter::once(PathElement::new(
                vec![(x, y.start), (x, y.end)],
                p.fg.stroke_width(style.px(1.0)),
            )))
            .map_err(draw_err)?;
    }
    root.present().map_err(draw_err)?;
    Ok(())
}
