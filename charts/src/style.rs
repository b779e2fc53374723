use crate::surface::Rgb;
use crate::text::{ChartText, Plain};

/// The theme's colours, resolved by the caller (the web layer reads them from the widget's CSS
/// custom properties).
#[derive(Clone, Copy, Debug)]
pub struct Palette {
    pub bg: Rgb,
    pub fg: Rgb,
    pub muted: Rgb,
    pub border: Rgb,
    pub accent: Rgb,
    pub positive: Rgb,
    pub negative: Rgb,
}

impl Default for Palette {
    /// The light theme's colours.
    fn default() -> Self {
        Palette {
            bg: Rgb(255, 255, 255),
            fg: Rgb(20, 24, 33),
            muted: Rgb(91, 100, 114),
            border: Rgb(227, 230, 235),
            accent: Rgb(47, 91, 234),
            positive: Rgb(15, 123, 79),
            negative: Rgb(192, 53, 43),
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
    /// `css_px` in bitmap pixels, whole and at least one.
    pub fn px(&self, css_px: f64) -> f64 {
        (css_px * self.dpr).round().max(1.0)
    }
}
