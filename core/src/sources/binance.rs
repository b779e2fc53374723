//! Binance: spot klines `GET /api/v3/klines`, USDⓈ-M futures klines `/fapi/v1/klines` (the same
//! 12-element rows, prices as strings), funding `/fapi/v1/fundingRate` and open-interest
//! history `/futures/data/openInterestHist`.

use super::wire::{
    array, fail, field, json, millis, normalise_bars, normalise_points, num, ohlc_row, too_long,
};
use super::SourceError;
use crate::series::{Candles, Series};

/// Klines: `[openTime, "open", "high", "low", "close", "volume", closeTime, …]`. Rows whose
/// `closeTime` is after `now_ms` are still forming and are dropped (Binance returns the current
/// candle last).
pub fn parse_klines(body: &str, now_ms: Option<i64>) -> Result<Candles, SourceError> {
    let v = json(body)?;
    let rows = array(&v, &|| String::new())?;
    too_long(rows.len())?;
    let mut bars = Vec::with_capacity(rows.len());
    for (i, row) in rows.iter().enumerate() {
        let r = array(row, &|| format!("[{i}]"))?;
        if r.len() < 7 {
            return Err(fail(
                format!("[{i}]"),
                format!("expected at least 7 elements, found {}", r.len()),
            ));
        }
        let at = |j: usize| move || format!("[{i}][{j}]");
        let close_time = millis(&r[6], &at(6))?;
        if now_ms.is_some_and(|now| close_time > now) {
            continue;
        }
        bars.push(ohlc_row(r, millis(&r[0], &at(0))?, Some(5), &|| {
            format!("[{i}]")
        })?);
    }
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
    let v = json(body)?;
    let rows = array(&v, &|| String::new())?;
    too_long(rows.len())?;
    let mut pts = Vec::with_capacity(rows.len());
    for (i, row) in rows.iter().enumerate() {
        let p = || format!("[{i}]");
        let t = millis(field(row, time_key, &p)?, &|| format!("[{i}].{time_key}"))?;
        let x = num(field(row, value_key, &p)?, &|| format!("[{i}].{value_key}"))?;
        pts.push((t, x));
    }
    normalise_points(pts)
}
