//! The charts of Barfinex Widgets, drawn on any [`Surface`]: the web layer gives them a canvas's
//! 2D context, the tests a recorder.
//!
//! Every chart checks its ranges before drawing ([`range`]): bounds, padding and spans must be
//! finite and wide enough to place round ticks on ([`ticks`]). Such data gives
//! [`ChartError::OutOfRange`], never a hang or an infinite coordinate.
//!
//! ```
//! use barfinex_charts::range::padded;
//! assert!(padded(1.0, 2.0, 0.1).is_ok());
//! assert!(padded(0.0, f64::MAX, 0.1).is_err());
//! ```

pub mod axis;
pub mod funding;
mod plot;
pub mod price;
pub mod range;
pub mod sparkline;
mod style;
mod surface;
mod text;
pub mod ticks;

pub use style::{Palette, Style};
pub use surface::{Anchor, Rgb, Surface};
pub use text::{ChartText, Plain};

use std::fmt;

/// Why a chart was not drawn.
#[derive(Clone, Debug, PartialEq)]
pub enum ChartError {
    /// A bound, padding or span is not finite, or too narrow to place ticks on.
    OutOfRange,
    /// The surface could not be had (e.g. a canvas without a 2D context).
    Draw(String),
}

impl fmt::Display for ChartError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::OutOfRange => f.write_str("values outside the drawable range"),
            Self::Draw(e) => f.write_str(e),
        }
    }
}

impl std::error::Error for ChartError {}
