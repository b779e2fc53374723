//! The candles document the widgets read: a JSON object with the series' identity and rows of
//! `[time_ms, open, high, low, close, volume]`, oldest first.
//!
//! ```json
//! { "symbol": "FLUX", "interval": "1d", "source": "…", "synthetic": true,
//!   "candles": [[1700000000000, 1.0, 1.1, 0.9, 1.05, 12000], …] }
//! ```
//! `synthetic` must be said, so a widget can never show generated numbers as market data.

use crate::series::{Bar, Candles, SeriesError, MAX_BARS, MAX_TIME_MS};
use serde::Deserialize;
use std::fmt;

/// A parsed, checked candles document.
#[derive(Clone, Debug, PartialEq)]
pub struct CandlesDoc {
    pub symbol: String,
    pub interval: String,
    /// Where the numbers come from, in words.
    pub source: String,
    /// True when the series is generated, not recorded market data.
    pub synthetic: bool,
    pub candles: Candles,
}

/// Why a candles document was refused; displays as `path: message`.
#[derive(Clone, Debug, PartialEq)]
pub struct SourceError {
    pub path: String,
    pub message: String,
}

impl fmt::Display for SourceError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.path.is_empty() {
            f.write_str(&self.message)
        } else {
            write!(f, "{}: {}", self.path, self.message)
        }
    }
}

impl std::error::Error for SourceError {}

#[derive(Deserialize)]
struct Wire {
    symbol: String,
    #[serde(default)]
    interval: String,
    #[serde(default)]
    source: String,
    synthetic: bool,
    candles: Vec<[f64; 6]>,
}

/// Parses and checks a candles document.
pub fn parse_candles_json(text: &str) -> Result<CandlesDoc, SourceError> {
    let wire: Wire = crate::doc::read(text)
        .map_err(|e| SourceError {
            path: e.path,
            message: e.error.to_string().replace('`', "\""),
        })?
        .value;
    if wire.candles.len() > MAX_BARS {
        return Err(SourceError {
            path: "candles".into(),
            message: SeriesError::TooLong {
                bars: wire.candles.len(),
            }
            .to_string(),
        });
    }
    let mut candles = Candles::default();
    for (i, r) in wire.candles.iter().enumerate() {
        if r[0].fract() != 0.0 || !r[0].is_finite() {
            return Err(SourceError {
                path: format!("candles[{i}][0]"),
                message: format!("time {} is not whole milliseconds", r[0]),
            });
        }
        if r[0].abs() > MAX_TIME_MS as f64 {
            return Err(SourceError {
                path: format!("candles[{i}][0]"),
                message: super::wire::time_out_of_range(r[0]),
            });
        }
        candles.push(Bar::from_row(*r));
    }
    candles.check().map_err(|e| SourceError {
        path: "candles".into(),
        message: e.to_string(),
    })?;
    Ok(CandlesDoc {
        symbol: wire.symbol,
        interval: wire.interval,
        source: wire.source,
        synthetic: wire.synthetic,
        candles,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_rows_and_names_faults() {
        let ok = r#"{"symbol":"X","interval":"1d","source":"s","synthetic":true,"candles":[[1,1,2,0.5,1.5,10],[2,1.5,2,1,1.2,11]]}"#;
        let d = parse_candles_json(ok).unwrap();
        assert_eq!(
            (d.candles.len(), d.candles.close[1], d.synthetic),
            (2, 1.2, true)
        );
        let e = |s: &str| parse_candles_json(s).unwrap_err().to_string();
        assert!(e(r#"{"symbol":"X","candles":[]}"#).contains("missing field \"synthetic\""));
        assert!(e(r#"{"symbol":"X","synthetic":false,"candles":[[1,2,3]]}"#)
            .starts_with("candles[0]: invalid length 3"));
        assert!(
            e(r#"{"symbol":"X","synthetic":false,"candles":[[1,2,3,4,"5",6]]}"#)
                .starts_with("candles[0][4]: invalid type: string")
        );
        assert_eq!(
            e(r#"{"symbol":"X","synthetic":false,"candles":[[2,1,1,1,1,1],[1,1,1,1,1,1]]}"#),
            "candles: time[1] = 1 is not after time[0] = 2 (bars must be sorted, without duplicates)"
        );
        assert!(
            e(r#"{"symbol":"X","synthetic":false,"candles":[[1.5,1,1,1,1,1]]}"#)
                .starts_with("candles[0][0]: time 1.5")
        );
    }
}
