//! The pure core of Barfinex Widgets.
//!
//! Everything here is plain Rust with no web dependencies, so it builds, tests and fuzzes
//! natively. The widget layer (`barfinex-widgets`) depends on this crate, never the reverse.
//!
//! ```
//! let json = r#"{"version":1,"id":"demo","name":"Demo","symbol":"DMO"}"#;
//! let parsed = barfinex_core::model::parse_profile(json).unwrap();
//! assert_eq!(parsed.profile.symbol, "DMO");
//! ```

pub mod doc;
pub mod float;
pub mod format;
pub mod interval;
pub mod json;
pub mod locale;
pub mod model;
pub mod retry;
pub mod signals;
pub mod sort;
pub mod sources;
pub mod text;

/// Candles, indicators and the technical rating live in `barfinex-ta` (built for speed).
pub use barfinex_ta::{indicators, rating, series};
