//! Parsers from wire formats into the engine's series. Parsing only, no I/O: the web layer
//! fetches, these turn text into [`crate::series`] types with errors that name the position
//! (`[12][4]: expected a number or a numeric string, found null`).
//!
//! Every adapter normalises the same way, documented in `docs/sources.md`: rows come out
//! oldest first (newest-first sources are reversed), exact duplicate rows are merged, two
//! different rows for one time are an error, empty arrays give an empty series, gaps and mixed
//! intervals are kept as they are, numbers may be strings (with exponents), and more than
//! `MAX_BARS` rows is an error.

pub mod binance;
pub mod bybit;
mod candles_json;
pub mod coingecko;
mod envelope;
pub mod generic;
pub mod kraken;
mod parse;
mod stream;
mod url;
mod wire;

pub use candles_json::{parse_candles_json, CandlesDoc, SourceError};
pub use parse::parse_series;
pub use url::{chain_intervals, endpoint_url, exchange_interval, TAB_INTERVALS};
