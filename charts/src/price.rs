//! Candles with volume beneath, and the breakout/retest marks of a profile's rule.

use crate::axis::time_label;
use crate::range::{checked, extent, padded};
use crate::style::sans;
use crate::{draw_err, ChartError, Style};
use barfinex_core::series::Candles;
use barfinex_core::signals::{Breakout, Retest};
use plotters::coord::Shift;
use plotters::prelude::*;
use std::ops::Range;

/// The price and volume ranges of bars `start..` (price padded by 6% of its span).
pub fn ranges(c: &Candles, start: usize) -> Result<(Range<f64>, Range<f64>), ChartError> {
    let (lows, highs) = (c.low.get(start..), c.high.get(start..));
    let (Some(lows), Some(highs)) = (lows, highs) else {
        return Err(ChartError::OutOfRange);
    };
    let (lo, _) = extent(lows.iter().copied()).ok_or(ChartError::OutOfRange)?;
    let (_, hi) = extent(highs.iter().copied()).ok_or(ChartError::OutOfRange)?;
    let price = padded(lo, hi, 0.06)?;
    let vmax = extent(c.volume[start..].iter().copied())
        .map_or(0.0, |(_, v)| v)
        .max(1e-12);
    Ok((price, checked(0.0, vmax * 1.05)?))
}

/// Whether point `i` is among `start..len`, the points drawn.
pub(crate) fn range_has(start: usize, len: usize, i: usize) -> bool {
    (start..len).contains(&i)
}

/// Draws bars `start..` of `c` on `root`, marking `found` (a breakout and its retest).
pub fn draw<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    style: &Style,
    c: &Candles,
    start: usize,
    found: Option<(Breakout, Retest)>,
) -> Result<(), ChartError> {
    let (y, v) = ranges(c, start)?;
    let p = style.palette;
    root.fill(&p.bg).map_err(draw_err)?;
    let h = root.dim_in_pixel().1;
    let (upper, lower) = root.split_vertically(h * 72 / 100);
    let range = start..c.len();
    let (x0, x1) = (start as f64 - 0.5, c.len() as f64 - 0.5);
    let font = |px: f64| sans(px * style.dpr).color(&p.muted);
    let mut chart = ChartBuilder::on(&upper)
        .margin_top(style.px(8.0))
        .margin_right(style.px(8.0))
        .y_label_area_size(style.px(56.0))
        .build_cartesian_2d(x0..x1, y.clone())
        .map_err(draw_err)?;
    chart
        .configure_mesh()
        .disable_x_mesh()
        .x_labels(0)
        .y_labels(5)
        .max_light_lines(0)
        .bold_line_style(p.border.stroke_width(style.px(1.0)))
        .axis_style(p.border.stroke_width(style.px(1.0)))
        .y_label_style(font(11.0))
        .y_label_formatter(&|v| style.text.price(*v))
        .draw()
        .map_err(draw_err)?;
    let slot = upper.dim_in_pixel().0 as f64 / (c.len() - start).max(1) as f64;
    let body = ((slot * 0.7) as u32).clamp(1, style.px(12.0));
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
    if let Some((k, r)) = found.filter(|(k, _)| k.bar >= start && k.bar < c.len()) {
        let accent = p.accent.stroke_width(style.px(1.5));
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
                style.px(5.0),
                p.accent.stroke_width(style.px(2.0)),
            )))
            .map_err(draw_err)?;
        chart
            .draw_series(std::iter::once(Text::new(
                style.text.breakout(k.level),
                (k.bar as f64, k.level),
                sans(11.0 * style.dpr).color(&p.accent),
            )))
            .map_err(draw_err)?;
        if let Retest::Seen { bar, .. } = r {
            if let (Some(lo), Some(hi)) = (c.low.get(bar), c.high.get(bar)) {
                let at = if k.up { *lo } else { *hi };
                chart
                    .draw_series(std::iter::once(TriangleMarker::new(
                        (bar as f64, at),
                        style.px(6.0),
                        p.accent.filled(),
                    )))
                    .map_err(draw_err)?;
            }
        }
    }
    let mut vol = ChartBuilder::on(&lower)
        .margin_right(style.px(8.0))
        .y_label_area_size(style.px(56.0))
        .x_label_area_size(style.px(22.0))
        .build_cartesian_2d(x0..x1, v.clone())
        .map_err(draw_err)?;
    vol.configure_mesh()
        .disable_mesh()
        .x_labels(4)
        .y_labels(2)
        .axis_style(p.border.stroke_width(style.px(1.0)))
        .x_label_style(font(10.0))
        .y_label_style(font(10.0))
        .x_label_formatter(&|x| time_label(&c.time, *x, |t| style.text.minute(t)))
        .y_label_formatter(&|v| style.text.volume(*v))
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
    if let Some(i) = style.cursor.filter(|i| range_has(start, c.len(), *i)) {
        let line = p.fg.stroke_width(style.px(1.0));
        let x = i as f64;
        chart
            .draw_series(std::iter::once(PathElement::new(
                vec![(x, y.start), (x, y.end)],
                line,
            )))
            .map_err(draw_err)?;
        vol.draw_series(std::iter::once(PathElement::new(
            vec![(x, 0.0), (x, v.end)],
            line,
        )))
        .map_err(draw_err)?;
    }
    root.present().map_err(draw_err)?;
    Ok(())
}
