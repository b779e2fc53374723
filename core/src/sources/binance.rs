//! Binance: spot klines `GET /api/v3/klines`, USDⓈ-M futures klines `/fapi/v1/klines` (the same
//! 12-element rows, prices as strings), funding `/fapi/v1/fundingRate` and open-interest
//! history `/futures/data/openInterestHist`.

use super::stream::{rows, Row};
use super::wire::{cells, fields, millis, normalise_bars, normalise_points, num, ohlc_row};
use super::SourceError;
use crate::series::{Candles, Series};

/// Klines: `[openTime, "open", "high", "low", "close", "volume", closeTime, …]`. Rows whose
/// `closeTime` is after `now_ms` are still forming and are dropped (Binance returns the current
/// candle last).
pub fn parse_klines(body: &str, now_ms: Option<i64>) -> Result<Candles, SourceError> {
    let bars = rows(body, "", &[], |i, row: Row| {
        let path = || format!("[{i}]");
        let (r, n) = cells(
            row,
            7,
            &|n| format!("expected at least 7 elements, found {n}"),
            &path,
        )?;
        let at = |j: usize| move || format!("[{i}][{j}]");
        let close_time = millis(&r[6], &at(6))?;
        if now_ms.is_some_and(|now| close_time > now) {
            return Ok(None);
        }
        Ok(Some(ohlc_row(
            r,
            n,
            millis(&r[0], &at(0))?,
            Some(5),
            &path,
        )?))
    })?;
    normalise_bars(bars)
}

/// Funding history: `[{symbol, fundingRate, fundingTime, markPrice}]` → funding rate by time.
pub fn parse_funding(body: &str) -> Result<Series, SourceError> {
    points(body, "fundingTime", "fundingRate")
}

/// Open-interest history: `[{symbol, sumOpenInterest, sumOpenInterestValue, timestamp}]`
/// (`timestamp` as a number or a string) → open interest in contracts by time.
pub fn parse_open_interest(body: &str) -> Result<Series, SourceError> {
    points(body, "timestamp", "sumOpenInterest")
}

fn points(body: &str, time_key: &str, value_key: &str) -> Result<Series, SourceError> {
    let keys = [time_key, value_key];
    let pts = rows(body, "", &keys, |i, row: Row| {
        let f = fields(row, &keys, &|| format!("[{i}]"))?;
        let t = millis(f[0], &|| format!("[{i}].{time_key}"))?;
        let x = num(f[1], &|| format!("[{i}].{value_key}"))?;
        Ok(Some((t, x)))
    })?;
    normalise_points(pts)
}
