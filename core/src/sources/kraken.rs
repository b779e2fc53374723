//! Kraken: `/0/public/OHLC`: `{error: [], result: {<pair>: [[time_s, "open", "high", "low",
//! "close", "vwap", "volume", count], …], last}}`. Times are seconds; the last row is the
//! current, still-open frame and is dropped.

use super::wire::{array, fail, json, normalise_bars, num, ohlc_row, time_ms, too_long};
use super::SourceError;
use crate::series::Candles;
use serde_json::Value;

pub fn parse_ohlc(body: &str) -> Result<Candles, SourceError> {
    let v = json(body)?;
    if let Some(errors) = v.get("error").and_then(Value::as_array) {
        if !errors.is_empty() {
            let msgs: Vec<String> = errors
                .iter()
                .map(|e| e.as_str().unwrap_or("?").to_owned())
                .collect();
            return Err(fail(
                "error",
                format!("Kraken answered: {}", msgs.join("; ")),
            ));
        }
    }
    let result = v
        .get("result")
        .and_then(Value::as_object)
        .ok_or_else(|| fail("result", "missing or not an object"))?;
    let Some((pair, rows)) = result.iter().find(|(k, _)| k.as_str() != "last") else {
        return Err(fail("result", "no pair in the result"));
    };
    let rows = array(rows, &|| format!("result.{pair}"))?;
    too_long(rows.len())?;
    let closed = rows.len().saturating_sub(1);
    let mut bars = Vec::with_capacity(closed);
    for (i, row) in rows.iter().take(closed).enumerate() {
        let r = array(row, &|| format!("result.{pair}[{i}]"))?;
        if r.len() < 7 {
            return Err(fail(
                format!("result.{pair}[{i}]"),
                format!("expected 8 elements, found {}", r.len()),
            ));
        }
        let at = |j: usize| move || format!("result.{pair}[{i}][{j}]");
        let secs = num(&r[0], &at(0))?;
        if secs.fract() != 0.0 {
            return Err(fail(at(0)(), format!("{secs} is not whole seconds")));
        }
        let time = time_ms(secs * 1000.0, &at(0))?;
        bars.push(ohlc_row(r, time, Some(6), &|| {
            format!("result.{pair}[{i}]")
        })?);
    }
    normalise_bars(bars)
}
