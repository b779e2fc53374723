//! Bybit v5: `/v5/market/kline` (strings, newest first) and `/v5/market/funding/history`, both
//! inside the `{retCode, retMsg, result: {list}}` envelope.

use super::wire::{
    array, fail, field, json, millis, normalise_bars, normalise_points, num, ohlc_row, too_long,
};
use super::SourceError;
use crate::series::{Candles, Series};
use serde_json::Value;

/// The `result.list` of a successful answer; a non-zero `retCode` is an error naming `retMsg`.
fn list(body: &str) -> Result<Vec<Value>, SourceError> {
    let v = json(body)?;
    let code = field(&v, "retCode", &String::new)?;
    if code.as_i64() != Some(0) {
        let msg = v.get("retMsg").and_then(Value::as_str).unwrap_or("");
        return Err(fail("retCode", format!("Bybit answered {code}: {msg}")));
    }
    let result = field(&v, "result", &String::new)?;
    let rows = array(field(result, "list", &|| "result".into())?, &|| {
        "result.list".into()
    })?;
    too_long(rows.len())?;
    Ok(rows.clone())
}

/// Klines: `[startTime, open, high, low, close, volume, turnover]`, newest first.
pub fn parse_klines(body: &str) -> Result<Candles, SourceError> {
    let rows = list(body)?;
    let mut bars = Vec::with_capacity(rows.len());
    for (i, row) in rows.iter().enumerate() {
        let r = array(row, &|| format!("result.list[{i}]"))?;
        if r.len() < 6 {
            return Err(fail(
                format!("result.list[{i}]"),
                format!("expected at least 6 elements, found {}", r.len()),
            ));
        }
        let at = |j: usize| move || format!("result.list[{i}][{j}]");
        bars.push(ohlc_row(r, millis(&r[0], &at(0))?, Some(5), &|| {
            format!("result.list[{i}]")
        })?);
    }
    normalise_bars(bars)
}

/// Funding history: `{symbol, fundingRate, fundingRateTimestamp}`, newest first.
pub fn parse_funding(body: &str) -> Result<Series, SourceError> {
    let rows = list(body)?;
    let mut pts = Vec::with_capacity(rows.len());
    for (i, row) in rows.iter().enumerate() {
        let p = || format!("result.list[{i}]");
        let t = millis(field(row, "fundingRateTimestamp", &p)?, &|| {
            format!("result.list[{i}].fundingRateTimestamp")
        })?;
        let x = num(field(row, "fundingRate", &p)?, &|| {
            format!("result.list[{i}].fundingRate")
        })?;
        pts.push((t, x));
    }
    normalise_points(pts)
}
