//! Technical analysis for Barfinex Widgets: candles (`series`), TA-Lib-compatible indicators
//! (`indicators`) and TradingView's technical rating (`rating`).
//!
//! Plain Rust, no dependencies. A crate of its own so that this hot numeric code can be built
//! at `opt-level = 3` while the rest of the bundle stays at `"z"` (see the README's benchmark
//! section for what each costs and buys). `barfinex-core` re-exports all three modules.
//!
//! ```
//! use barfinex_ta::rating::technical_rating;
//! use barfinex_ta::series::{Bar, Candles};
//! let bars: Vec<Bar> = (0..60).map(|i| {
//!     let c = 100.0 - i as f64;
//!     Bar { time: i * 60_000, open: c, high: c + 1.0, low: c - 1.0, close: c, volume: 1.0 }
//! }).collect();
//! let r = technical_rating(&Candles::from_bars(&bars), false, Default::default()).unwrap();
//! assert_eq!(r.last.unwrap().ma.buy, 0);
//! ```

// The package's wasm build (scripts/build-pkg.sh, nightly) sets `barfinex_size`: the code that
// runs once per call (constructors, argument and option readers, messages, the rating's
// result) is then optimised for size, `#[optimize(size)]`, and only the passes over the bars
// keep opt-level 3. Native builds (stable) compile all of it as before.
#![cfg_attr(barfinex_size, feature(optimize_attribute))]

pub mod indicators;
pub mod quote;
pub mod rating;
mod select;
pub mod series;
