//! The candles document the widgets read: a JSON object with the series' identity and rows of
//! `[time_ms, open, high, low, close, volume]`, oldest first.
//!
//! ```json
//! { "symbol": "FLUX", "interval": "1d", "source": "…", "synthetic": true,
//!   "candles": [[1700000000000, 1.0, 1.1, 0.9, 1.05, 12000], …] }
//! ```
//! `synthetic` must be said, so a widget can never show generated numbers as market data.

use super::envelope::{cell, fields_of, get};
use super::stream::{rows, Cell};
use super::wire::{cells, fail, time_ms};
use crate::float::shortest;
use crate::series::{Bar, Candles};
use std::cell::RefCell;
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

/// Parses and checks a candles document. Rows are read one at a time straight into the
/// columns (never a list of rows first), and rows past the limit are counted, not kept.
pub fn parse_candles_json(text: &str) -> Result<CandlesDoc, SourceError> {
    let keys = ["symbol", "interval", "source", "synthetic", "candles"];
    let fields = fields_of(text, &keys)?
        .ok_or_else(|| fail("", "expected a candles document (a JSON object)"))?;
    let missing = |key: &str| fail("", format!("missing field \"{key}\""));
    let text_of = |key: &str| match get(&fields, key).map(cell) {
        Some(Cell::Str(s)) => Ok(Some(s.into_owned())),
        None => Ok(None),
        Some(c) => Err(fail(
            key,
            format!("expected a string, found {}", c.describe()),
        )),
    };
    let symbol = text_of("symbol")?.ok_or_else(|| missing("symbol"))?;
    let synthetic = match get(&fields, "synthetic").map(cell) {
        Some(Cell::Bool(b)) => b,
        None => return Err(missing("synthetic")),
        Some(c) => {
            return Err(fail(
                "synthetic",
                format!("expected true or false, found {}", c.describe()),
            ))
        }
    };
    let rows_text = get(&fields, "candles").ok_or_else(|| missing("candles"))?;
    let candles = RefCell::new(Candles::default());
    rows(rows_text.get(), "candles", &[], |i, row| {
        let path = || format!("candles[{i}]");
        let (r, _) = cells(
            row,
            6,
            &|n| format!("expected 6 elements, found {n}"),
            &path,
        )?;
        let mut x = [0.0; 6];
        for (j, (c, slot)) in r.iter().zip(&mut x).enumerate() {
            *slot = match c {
                Cell::Num(v) => *v,
                _ => {
                    return Err(fail(
                        format!("candles[{i}][{j}]"),
                        format!("expected a number, found {}", c.describe()),
                    ))
                }
            };
        }
        if x[0].fract() != 0.0 {
            return Err(fail(
                format!("candles[{i}][0]"),
                format!("time {} is not whole milliseconds", shortest(x[0])),
            ));
        }
        time_ms(x[0], &|| format!("candles[{i}][0]"))?;
        candles.borrow_mut().push(Bar::from_row(x));
        Ok(None::<()>)
    })?;
    let candles = candles.into_inner();
    candles.check().map_err(|e| SourceError {
        path: "candles".into(),
        message: e.to_string(),
    })?;
    Ok(CandlesDoc {
        symbol,
        interval: text_of("interval")?.unwrap_or_default(),
        source: text_of("source")?.unwrap_or_default(),
        synthetic,
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
        assert_eq!(
            e(r#"{"symbol":"X","synthetic":false,"candles":[[1,2,3]]}"#),
            "candles[0]: expected 6 elements, found 3"
        );
        assert_eq!(
            e(r#"{"symbol":"X","synthetic":false,"candles":[[1,2,3,4,"5",6]]}"#),
            "candles[0][4]: expected a number, found \"5\""
        );
        assert_eq!(
            e(r#"{"symbol":"X","synthetic":"yes","candles":[]}"#),
            "synthetic: expected true or false, found \"yes\""
        );
        assert_eq!(
            e(r#"{"symbol":"X","synthetic":true,"candles":{"a":1}}"#),
            "candles: expected an array, found an object"
        );
        assert_eq!(
            e(r#"{"symbol":"X","synthetic":true,"candles":[[9e15,1,1,1,1,1]]}"#),
            "candles[0][0]: time out of range: 9000000000000000 ms (dates reach ±8640000000000000 ms)"
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
