//! Candles with volume beneath, and the breakout/retest marks of a profile's rule.

use crate::axis::time_label;
use crate::plot::{axes, Labels, Plot};
use crate::range::{checked, extent, padded};
use crate::surface::{Anchor, Surface};
use crate::{ChartError, Style};
use barfinex_core::series::Candles;
use barfinex_core::signals::{Breakout, Retest};
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

/// Draws bars `start..` of `c` on `s`, marking `found` (a breakout and its retest): candles on
/// the upper 72%, volume beneath.
pub fn draw(
    s: &mut dyn Surface,
    style: &Style,
    c: &Candles,
    start: usize,
    found: Option<(Breakout, Retest)>,
) -> Result<(), ChartError> {
    let (y, v) = ranges(c, start)?;
    let p = style.palette;
    let (w, h) = s.size();
    s.rect([0.0, 0.0, w, h], p.bg, 1.0);
    let split = (h * 0.72).floor();
    let (x0, x1) = (start as f64 - 0.5, c.len() as f64 - 0.5);
    let (left, right, one) = (style.px(56.0), w - style.px(8.0), style.px(1.0));
    let upper = Plot {
        left,
        top: style.px(8.0),
        right,
        bottom: split,
        x: x0..x1,
        y: y.clone(),
    };
    let price = |v: f64| style.text.price(v);
    let y_labels = Labels::round(5, &price);
    axes(s, &upper, style, y_labels, None, true, 11.0);
    let slot = (right - left) / (c.len() - start).max(1) as f64;
    let half = (slot * 0.7).floor().clamp(1.0, style.px(12.0)) / 2.0;
    for i in start..c.len() {
        let (x, colour) = (
            i as f64,
            if c.open[i] <= c.close[i] {
                p.positive
            } else {
                p.negative
            },
        );
        upper.line(s, &[(x, c.high[i]), (x, c.low[i])], colour, one);
        let col = upper.px_x(x);
        let (a, b) = (upper.px_y(c.open[i]), upper.px_y(c.close[i]));
        let body = [col - half, a.min(b), half * 2.0, (a - b).abs().max(one)];
        if body.iter().all(|v| v.is_finite()) {
            s.rect(body, colour, 1.0);
        }
    }
    if let Some((k, r)) = found.filter(|(k, _)| k.bar >= start && k.bar < c.len()) {
        let bar = k.bar as f64;
        upper.line(s, &[(bar, k.level), (x1, k.level)], p.accent, style.px(1.5));
        let tip = if k.up { c.high[k.bar] } else { c.low[k.bar] };
        s.circle(
            upper.at(bar, tip),
            style.px(5.0),
            p.accent,
            Some(style.px(2.0)),
        );
        let label = style.text.breakout(k.level);
        let at = upper.at(bar, k.level);
        s.text(&label, at, 11.0 * style.dpr, p.accent, Anchor::StartTop);
        if let Retest::Seen { bar, .. } = r {
            if let (Some(lo), Some(hi)) = (c.low.get(bar), c.high.get(bar)) {
                let (x, y) = upper.at(bar as f64, if k.up { *lo } else { *hi });
                let d = style.px(6.0);
                let tri = [
                    (x, y - d),
                    (x - d * 0.87, y + d / 2.0),
                    (x + d * 0.87, y + d / 2.0),
                ];
                s.polygon(&tri, p.accent);
            }
        }
    }
    let lower = Plot {
        left,
        top: split,
        right,
        bottom: h - style.px(22.0),
        x: x0..x1,
        y: v.clone(),
    };
    let (minute, volume) = (
        |x: f64| time_label(&c.time, x, |t| style.text.minute(t)),
        |v: f64| style.text.volume(v),
    );
    let y_labels = Labels::sparse(2, &volume);
    let x_labels = Labels::sparse(4, &minute);
    axes(s, &lower, style, y_labels, Some(x_labels), false, 10.0);
    let mark = found.map(|(k, _)| k.bar);
    for i in start..c.len() {
        let colour = if Some(i) == mark { p.accent } else { p.muted };
        let x = i as f64;
        lower.fill(s, [x - 0.35, x + 0.35, 0.0, c.volume[i]], colour, 0.6);
    }
    if let Some(i) = style.cursor.filter(|i| range_has(start, c.len(), *i)) {
        let x = i as f64;
        upper.line(s, &[(x, y.start), (x, y.end)], p.fg, one);
        lower.line(s, &[(x, 0.0), (x, v.end)], p.fg, one);
    }
    Ok(())
}
