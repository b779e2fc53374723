//! The charts of Barfinex Widgets, drawn with plotters on any backend: the web layer gives them a
//! canvas, the tests a backend that draws nothing.
//!
//! Every chart checks its ranges before drawing ([`range`]): bounds, padding and spans must be
//! finite and wide enough for plotters' tick search, which otherwise never ends on an infinite
//! or subnormal span (plotters 0.3.7). Such data gives [`ChartError::OutOfRange`], never a hang.
//!
//! ```
//! use barfinex_charts::range::padded;
//! assert!(padded(1.0, 2.0, 0.1).is_ok());
//! assert!(padded(0.0, f64::MAX, 0.1).is_err());
//! ```

pub mod axis;
pub mod funding;
pub mod price;
pub mod range;
pub mod sparkline;
mod style;
mod text;

pub use style::{Palette, Style};
pub use text::{ChartText, Plain};

use std::fmt;

/// Why a chart was not drawn.
#[derive(Clone, Debug, PartialEq)]
pub enum ChartError {
    /// A bound, padding or span is not finite, or too narrow to place ticks on.
    OutOfRange,
    /// The backend failed (e.g. a canvas without a 2D context).
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

/// A backend's error in words.
pub(crate) fn draw_err(e: impl fmt::Display) -> ChartError {
    ChartError::Draw(e.to_string())
}
