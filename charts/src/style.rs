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

/// Colours and the device pixel ratio that fonts and strokes are scaled by.
#[derive(Clone, Copy, Debug)]
pub struct Style {
    pub palette: Palette,
    pub dpr: f64,
}

impl Style {
    /// `css_px` in bitmap pixels.
    pub fn px(&self, css_px: f64) -> u32 {
        (css_px * self.dpr).round().max(1.0) as u32
    }
}
