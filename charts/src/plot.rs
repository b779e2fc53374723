//! A plot's rectangle on the surface, the value ranges it maps into it, and its axes.

use crate::style::Style;
use crate::surface::{Anchor, Rgb, Surface};
use crate::ticks::{sparse_ticks, ticks};
use std::ops::Range;

/// Pixels past which nothing is placed: a value far outside the ranges is drawn at the edge of
/// this band, never at an infinite coordinate.
const FAR: f64 = 1e6;

/// Values `x` × `y` mapped into the pixel rectangle `[left, top, right, bottom]`.
pub(crate) struct Plot {
    pub left: f64,
    pub top: f64,
    pub right: f64,
    pub bottom: f64,
    pub x: Range<f64>,
    pub y: Range<f64>,
}

impl Plot {
    /// The pixel column of value `v`.
    pub fn px_x(&self, v: f64) -> f64 {
        let at = (v - self.x.start) / (self.x.end - self.x.start);
        (self.left + at * (self.right - self.left)).clamp(-FAR, FAR)
    }

    /// The pixel row of value `v` (up is larger).
    pub fn px_y(&self, v: f64) -> f64 {
        let at = (v - self.y.start) / (self.y.end - self.y.start);
        (self.bottom - at * (self.bottom - self.top)).clamp(-FAR, FAR)
    }

    /// The point `(x, y)` in pixels.
    pub fn at(&self, x: f64, y: f64) -> (f64, f64) {
        (self.px_x(x), self.px_y(y))
    }

    /// Fills the values' box `x0..x1` × `y0..y1` (in either order); nothing for a NaN value.
    pub fn fill(&self, s: &mut dyn Surface, [x0, x1, y0, y1]: [f64; 4], c: Rgb, alpha: f64) {
        let (a, b) = (self.at(x0, y0), self.at(x1, y1));
        let r = [
            a.0.min(b.0),
            a.1.min(b.1),
            (a.0 - b.0).abs(),
            (a.1 - b.1).abs(),
        ];
        if r.iter().all(|v| v.is_finite()) {
            s.rect(r, c, alpha);
        }
    }

    /// A line through the values' points; nothing if any is NaN or there is only one.
    pub fn line(&self, s: &mut dyn Surface, pts: &[(f64, f64)], c: Rgb, width: f64) {
        let px: Vec<(f64, f64)> = pts.iter().map(|(x, y)| self.at(*x, *y)).collect();
        if px.len() > 1 && px.iter().all(|(x, y)| x.is_finite() && y.is_finite()) {
            s.path(&px, c, width);
        }
    }
}

/// What an axis shows: about `n` labels written by `label` (at most n + 1 when `sparse`).
pub(crate) struct Labels<'a> {
    pub n: usize,
    pub sparse: bool,
    pub label: &'a dyn Fn(f64) -> String,
}

impl<'a> Labels<'a> {
    /// About `n` labels (a price, a rate).
    pub fn round(n: usize, label: &'a dyn Fn(f64) -> String) -> Self {
        Labels {
            n,
            sparse: false,
            label,
        }
    }

    /// At most `n` labels (a date, a volume: wide text).
    pub fn sparse(n: usize, label: &'a dyn Fn(f64) -> String) -> Self {
        Labels {
            n,
            sparse: true,
            label,
        }
    }

    fn at(&self, range: &Range<f64>) -> Vec<f64> {
        if self.sparse {
            sparse_ticks(range, self.n)
        } else {
            ticks(range, self.n)
        }
    }
}

/// The axes of `plot`: a left axis with `y` labels (and, with `grid`, a line across at each), and
/// with `x` labels a bottom axis too; labels in `px` CSS pixels, in the muted colour. An x label stands only at a whole value (x counts bars or events).
pub(crate) fn axes(
    s: &mut dyn Surface,
    plot: &Plot,
    style: &Style,
    y: Labels,
    x: Option<Labels>,
    grid: bool,
    px: f64,
) {
    let p = style.palette;
    let (one, gap, font) = (style.px(1.0), style.px(5.0), px * style.dpr);
    for v in y.at(&plot.y) {
        let row = plot.px_y(v).round();
        if grid {
            s.path(&[(plot.left, row), (plot.right, row)], p.border, one);
        }
        let label = (y.label)(v);
        s.text(
            &label,
            (plot.left - gap, row),
            font,
            p.muted,
            Anchor::EndMiddle,
        );
    }
    s.path(
        &[(plot.left, plot.top), (plot.left, plot.bottom)],
        p.border,
        one,
    );
    if let Some(x) = x {
        s.path(
            &[(plot.left, plot.bottom), (plot.right, plot.bottom)],
            p.border,
            one,
        );
        for v in sparse_ticks(&plot.x, x.n)
            .into_iter()
            .filter(|v| v.fract() == 0.0)
        {
            let label = (x.label)(v);
            let at = (plot.px_x(v).round(), plot.bottom + gap);
            s.text(&label, at, font, p.muted, Anchor::CentreTop);
        }
    }
}
