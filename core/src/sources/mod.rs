//! Parsers from wire formats into the engine's series. Parsing only, no I/O: the web layer
//! fetches, these turn text into [`crate::series`] types with errors that name the position.

mod candles_json;

pub use candles_json::{parse_candles_json, CandlesDoc, SourceError};
