//! Kraken: `/0/public/OHLC`: `{error: [], result: {<pair>: [[time_s, "open", "high", "low",
//! "close", "vwap", "volume", count], …], last}}`. Times are seconds; the last row is the
//! current, still-open frame and is dropped.

use super::envelope::{fields_of, get};
use super::stream::{rows, Cell, Row};
use super::wire::{cells, fail, normalise_bars, num, ohlc_row, time_ms};
use super::SourceError;
use crate::float::shortest;
use crate::series::Candles;

pub fn parse_ohlc(body: &str) -> Result<Candles, SourceError> {
    let v = fields_of(body, &["error", "result"])?.unwrap_or_default();
    if let Some(errors) = get(&v, "error") {
        // At most ten messages are shown.
        let msgs = rows(errors.get(), "error", &[], |i, row: Row| {
            Ok((i < 10).then(|| match row {
                Row::Other(Cell::Str(s)) => s.to_string(),
                _ => "?".into(),
            }))
        })
        .unwrap_or_default();
        if !msgs.is_empty() {
            return Err(fail(
                "error",
                format!("Kraken answered: {}", crate::format::joined(&msgs, "; ")),
            ));
        }
    }
    let result = get(&v, "result")
        .and_then(|r| fields_of(r.get(), &[]).ok().flatten())
        .ok_or_else(|| fail("result", "missing or not an object"))?;
    // The pair's rows: the first field that is not `last`.
    let Some((pair, raw)) = result.iter().find(|(k, _)| k.as_str() != "last") else {
        return Err(fail("result", "no pair in the result"));
    };
    let at_pair = format!("result.{pair}");
    let mut bars = rows(raw.get(), &at_pair, &[], |i, row: Row| {
        let path = || format!("result.{pair}[{i}]");
        let (r, n) = cells(
            row,
            7,
            &|n| format!("expected 8 elements, found {n}"),
            &path,
        )?;
        let at = |j: usize| move || format!("result.{pair}[{i}][{j}]");
        let secs = num(&r[0], &at(0))?;
        if secs.fract() != 0.0 {
            return Err(fail(
                at(0)(),
                format!("{} is not whole seconds", shortest(secs)),
            ));
        }
        let time = time_ms(secs * 1000.0, &at(0))?;
        Ok(Some(ohlc_row(r, n, time, Some(6), &path)?))
    })?;
    // The last row is the current, still-open frame.
    bars.pop();
    normalise_bars(bars)
}
