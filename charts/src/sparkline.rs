//! A compact line: no axes, the last point dotted.

use crate::plot::Plot;
use crate::range::{extent, padded};
use crate::surface::Surface;
use crate::{ChartError, Style};
use std::ops::Range;

/// The values' range, padded by 10% of the span.
pub fn value_range(v: &[f64]) -> Result<Range<f64>, ChartError> {
    let (lo, hi) = extent(v.iter().copied()).ok_or(ChartError::OutOfRange)?;
    padded(lo, hi, 0.1)
}

/// Draws `v` on `s`, green when `rising`, red otherwise.
pub fn draw(s: &mut dyn Surface, style: &Style, v: &[f64], rising: bool) -> Result<(), ChartError> {
    let y = value_range(v)?;
    let p = style.palette;
    let (w, h) = s.size();
    s.rect([0.0, 0.0, w, h], p.bg, 1.0);
    let m = style.px(4.0);
    let plot = Plot {
        left: m,
        top: m,
        right: w - m,
        bottom: h - m,
        x: 0.0..(v.len().max(2) - 1) as f64,
        y,
    };
    let colour = if rising { p.positive } else { p.negative };
    let pts: Vec<(f64, f64)> = v.iter().enumerate().map(|(i, y)| (i as f64, *y)).collect();
    plot.line(s, &pts, colour, style.px(1.5));
    if let Some((x, y)) = pts.last() {
        s.circle(plot.at(*x, *y), style.px(2.5), colour, None);
    }
    if let Some(i) = style.cursor.filter(|i| *i < v.len()) {
        let at = plot.at(i as f64, v[i]);
        s.circle(at, style.px(3.5), p.fg, Some(style.px(1.5)));
    }
    Ok(())
}
