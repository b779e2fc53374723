//! Bybit v5: `/v5/market/kline` (strings, newest first) and `/v5/market/funding/history`, both
//! inside the `{retCode, retMsg, result: {list}}` envelope.

use super::envelope::{cell, fields_of, get};
use super::stream::{rows, Cell, Row};
use super::wire::{cells, fail, fields, millis, normalise_bars, normalise_points, num, ohlc_row};
use super::SourceError;
use crate::series::{Candles, Series};

/// The rows of `result.list` of a successful answer, each through `read`; a non-zero `retCode`
/// is an error naming `retMsg`.
fn list<T>(
    body: &str,
    keys: &[&str],
    read: impl Fn(usize, Row) -> Result<Option<T>, SourceError>,
) -> Result<Vec<T>, SourceError> {
    let v = fields_of(body, &["retCode", "retMsg", "result"])?.unwrap_or_default();
    let code = get(&v, "retCode")
        .map(cell)
        .ok_or_else(|| fail("", "missing field \"retCode\""))?;
    if code != Cell::Num(0.0) {
        let msg = match get(&v, "retMsg").map(cell) {
            Some(Cell::Str(m)) => m.into_owned(),
            _ => String::new(),
        };
        return Err(fail(
            "retCode",
            format!("Bybit answered {}: {msg}", code.describe()),
        ));
    }
    let result = get(&v, "result").ok_or_else(|| fail("", "missing field \"result\""))?;
    let r = fields_of(result.get(), &["list"])?.unwrap_or_default();
    let list = get(&r, "list").ok_or_else(|| fail("result", "missing field \"list\""))?;
    rows(list.get(), "result.list", keys, read)
}

/// Klines: `[startTime, open, high, low, close, volume, turnover]`, newest first.
pub fn parse_klines(body: &str) -> Result<Candles, SourceError> {
    let bars = list(body, &[], |i, row: Row| {
        let path = || format!("result.list[{i}]");
        let (r, n) = cells(
            row,
            6,
            &|n| format!("expected at least 6 elements, found {n}"),
            &path,
        )?;
        let t = millis(&r[0], &|| format!("result.list[{i}][0]"))?;
        Ok(Some(ohlc_row(r, n, t, Some(5), &path)?))
    })?;
    normalise_bars(bars)
}

/// Funding history: `{symbol, fundingRate, fundingRateTimestamp}`, newest first.
pub fn parse_funding(body: &str) -> Result<Series, SourceError> {
    let keys = ["fundingRateTimestamp", "fundingRate"];
    let pts = list(body, &keys, |i, row: Row| {
        let f = fields(row, &keys, &|| format!("result.list[{i}]"))?;
        let t = millis(f[0], &|| format!("result.list[{i}].fundingRateTimestamp"))?;
        let x = num(f[1], &|| format!("result.list[{i}].fundingRate"))?;
        Ok(Some((t, x)))
    })?;
    normalise_points(pts)
}
