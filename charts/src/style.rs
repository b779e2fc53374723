use crate::text::{ChartText, Plain};
use plotters::prelude::{FontDesc, FontFamily, FontStyle, RGBColor};

/// The sans-serif font at `px` pixels. Named by its family, not by `"sans-serif"`: plotters
/// lower-cases a family given as text, which links Unicode's case tables into the module.
pub(crate) fn sans(px: f64) -> FontDesc<'static> {
    FontDesc::new(FontFamily::SansSerif, px, FontStyle::Normal)
}

/// The theme's colours, resolved by the caller (the web layer reads them from the widget's CSS
/// custom properties).
#[derive(Clone, Copy, Debug)]
pub struct Palette {
    pub bg: RGBColor,
    pub fg: RGBColor,
    pub muted: RGBColor,
    pub border: RGBColor,
    pub accent: RGBColor,
    pub positive: RGBColor,
    pub negative: RGBColor,
}

impl Default for Palette {
    /// The light theme's colours.
    fn default() -> Self {
        Palette {
            bg: RGBColor(255, 255, 255),
            fg: RGBColor(20, 24, 33),
            muted: RGBColor(91, 100, 114),
            border: RGBColor(227, 230, 235),
            accent: RGBColor(47, 91, 234),
            positive: RGBColor(15, 123, 79),
            negative: RGBColor(192, 53, 43),
        }
    }
}

/// How one drawing looks: colours, the device pixel ratio that fonts and strokes are scaled by,
/// how labels are written, and the point a keyboard reader is on (marked), if any.
#[derive(Clone, Copy)]
pub struct Style<'a> {
    pub palette: Palette,
    pub dpr: f64,
    pub text: &'a dyn ChartText,
    /// A point's index in the series (as `start..` counts), marked with a line or a dot.
    pub cursor: Option<usize>,
}

impl Default for Style<'_> {
    /// The light theme at 1×, plain labels, no cursor.
    fn default() -> Self {
        Style {
            palette: Palette::default(),
            dpr: 1.0,
            text: &Plain,
            cursor: None,
        }
    }
}

impl Style<'_> {
    /// `css_px` in bitmap pixels.
    pub fn px(&self, css_px: f64) -> u32 {
        (css_px * self.dpr).round().max(1.0) as u32
    }
}
