//! A compact line: no axes, the last point dotted.

use crate::range::{extent, padded};
use crate::{draw_err, ChartError, Style};
use plotters::coord::Shift;
use plotters::prelude::*;
use std::ops::Range;

/// The values' range, padded by 10% of the span.
pub fn value_range(v: &[f64]) -> Result<Range<f64>, ChartError> {
    let (lo, hi) = extent(v.iter().copied()).ok_or(ChartError::OutOfRange)?;
    padded(lo, hi, 0.1)
}

/// Draws `v` on `root`, green when `rising`, red otherwise.
pub fn draw<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    style: &Style,
    v: &[f64],
    rising: bool,
) -> Result<(), ChartError> {
    let y = value_range(v)?;
    let p = style.palette;
    root.fill(&p.bg).map_err(draw_err)?;
    let mut chart = ChartBuilder::on(root)
        .margin(style.px(4.0))
        .build_cartesian_2d(0.0..(v.len().max(2) - 1) as f64, y)
        .map_err(draw_err)?;
    let colour = if rising { p.positive } else { p.negative };
    let pts: Vec<(f64, f64)> = v.iter().enumerate().map(|(i, y)| (i as f64, *y)).collect();
    let end = pts.last().copied().unwrap_or((0.0, 0.0));
    chart
        .draw_series(std::iter::once(PathElement::new(
            pts,
            colour.stroke_width(style.px(1.5)),
        )))
        .map_err(draw_err)?;
    chart
        .draw_series(std::iter::once(Circle::new(
            end,
            style.px(2.5),
            colour.filled(),
        )))
        .map_err(draw_err)?;
    if let Some(i) = style.cursor.filter(|i| *i < v.len()) {
        chart
            .draw_series(std::iter::once(Circle::new(
                (i as f64, v[i]),
                style.px(3.5),
                p.fg.stroke_width(style.px(1.5)),
            )))
            .map_err(draw_err)?;
    }
    root.present().map_err(draw_err)?;
    Ok(())
}
