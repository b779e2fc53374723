//! Funding rate, one bar per event, with the latest negative streak shaded.

use crate::axis::time_label;
use crate::plot::{axes, Labels, Plot};
use crate::range::{extent, padded};
use crate::surface::Surface;
use crate::{ChartError, Style};
use barfinex_core::series::Series;
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

/// Draws events `start..` of `f` on `s`, shading `run` (start, length, ongoing).
pub fn draw(
    s: &mut dyn Surface,
    style: &Style,
    f: &Series,
    start: usize,
    run: Option<(usize, usize, bool)>,
) -> Result<(), ChartError> {
    let (vals, y) = percent_range(f, start)?;
    let p = style.palette;
    let (w, h) = s.size();
    s.rect([0.0, 0.0, w, h], p.bg, 1.0);
    let (x0, x1) = (start as f64 - 0.5, f.len() as f64 - 0.5);
    let plot = Plot {
        left: style.px(64.0),
        top: style.px(8.0),
        right: w - style.px(8.0),
        bottom: h - style.px(22.0),
        x: x0..x1,
        y: y.clone(),
    };
    let (day, percent) = (
        |x: f64| time_label(&f.time, x, |t| style.text.day(t)),
        |v: f64| style.text.percent(v),
    );
    let y_labels = Labels::round(5, &percent);
    let x_labels = Labels::sparse(4, &day);
    axes(s, &plot, style, y_labels, Some(x_labels), true, 10.0);
    if let Some((at, len, _)) = run {
        let (a, b) = (at as f64 - 0.5, (at + len) as f64 - 0.5);
        plot.fill(s, [a, b, y.start, y.end], p.negative, 0.12);
    }
    for (j, v) in vals.iter().enumerate() {
        let i = (start + j) as f64;
        let colour = if *v < 0.0 { p.negative } else { p.positive };
        plot.fill(s, [i - 0.35, i + 0.35, 0.0, *v], colour, 1.0);
    }
    plot.line(s, &[(x0, 0.0), (x1, 0.0)], p.fg, style.px(1.0));
    if let Some(i) = style
        .cursor
        .filter(|i| crate::price::range_has(start, f.len(), *i))
    {
        let x = i as f64;
        plot.line(s, &[(x, y.start), (x, y.end)], p.fg, style.px(1.0));
    }
    Ok(())
}
