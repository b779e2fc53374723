//! What a chart draws on: six primitives in bitmap pixels, implemented by the web layer's
//! canvas and by the tests' recorder. The charts call them through `&mut dyn Surface`, so one
//! copy of each chart's code serves every surface.

/// A colour, red, green and blue.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Rgb(pub u8, pub u8, pub u8);

/// Where a text stands relative to its point.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Anchor {
    /// Ends at the point, centred on it vertically (a y-axis label).
    EndMiddle,
    /// Centred on the point, hanging below it (an x-axis label).
    CentreTop,
    /// Starts at the point, hanging below it (a mark's label).
    StartTop,
}

/// A bitmap a chart draws on. Coordinates are pixels from the top left; a chart never hands a
/// surface a coordinate that is not finite.
///
/// ```
/// use barfinex_charts::{Anchor, Rgb, Surface};
/// struct Count(usize);
/// impl Surface for Count {
///     fn size(&self) -> (f64, f64) { (320.0, 120.0) }
///     fn rect(&mut self, _: [f64; 4], _: Rgb, _: f64) { self.0 += 1 }
///     fn path(&mut self, _: &[(f64, f64)], _: Rgb, _: f64) { self.0 += 1 }
///     fn circle(&mut self, _: (f64, f64), _: f64, _: Rgb, _: Option<f64>) { self.0 += 1 }
///     fn polygon(&mut self, _: &[(f64, f64)], _: Rgb) { self.0 += 1 }
///     fn text(&mut self, _: &str, _: (f64, f64), _: f64, _: Rgb, _: Anchor) { self.0 += 1 }
/// }
/// let mut s = Count(0);
/// barfinex_charts::sparkline::draw(&mut s, &Default::default(), &[1.0, 2.0], true).unwrap();
/// assert_eq!(s.0, 3); // the background, the line, the last point
/// ```
pub trait Surface {
    /// The bitmap's width and height in pixels.
    fn size(&self) -> (f64, f64);
    /// Fills `[x, y, width, height]` with `colour` at opacity `alpha` (0–1).
    fn rect(&mut self, rect: [f64; 4], colour: Rgb, alpha: f64);
    /// Strokes a line through `points`, `width` pixels wide.
    fn path(&mut self, points: &[(f64, f64)], colour: Rgb, width: f64);
    /// A circle of radius `r`: filled with no `stroke`, else outlined that many pixels wide.
    fn circle(&mut self, centre: (f64, f64), r: f64, colour: Rgb, stroke: Option<f64>);
    /// Fills the polygon through `points`.
    fn polygon(&mut self, points: &[(f64, f64)], colour: Rgb);
    /// Writes `text` in the sans-serif font, `px` pixels high, placed by `anchor`.
    fn text(&mut self, text: &str, at: (f64, f64), px: f64, colour: Rgb, anchor: Anchor);
}
