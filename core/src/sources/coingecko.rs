//! CoinGecko: `/coins/{id}/market_chart` (prices, market caps, volumes as `[ms, value]`) and
//! `/coins/{id}/ohlc` (`[ms, open, high, low, close]`, no volume).

use super::wire::{
    array, fail, field, json, millis, normalise_bars, normalise_points, num, ohlc_row, time_ms,
    too_long,
};
use super::SourceError;
use crate::series::{Candles, Series};
use serde_json::Value;

/// The three series of `market_chart`.
#[derive(Clone, Debug, PartialEq)]
pub struct MarketChart {
    pub prices: Series,
    pub market_caps: Series,
    pub volumes: Series,
}

fn pairs(v: &Value, name: &str) -> Result<Series, SourceError> {
    let rows = array(v, &|| name.to_owned())?;
    too_long(rows.len())?;
    let mut pts = Vec::with_capacity(rows.len());
    for (i, row) in rows.iter().enumerate() {
        let r = array(row, &|| format!("{name}[{i}]"))?;
        if r.len() != 2 {
            return Err(fail(
                format!("{name}[{i}]"),
                format!("expected [time, value], found {} elements", r.len()),
            ));
        }
        // CoinGecko's times can carry a fraction of a millisecond on the latest point.
        let at = || format!("{name}[{i}][0]");
        let t = time_ms(num(&r[0], &at)?.floor(), &at)?;
        pts.push((t, num(&r[1], &|| format!("{name}[{i}][1]"))?));
    }
    normalise_points(pts).map_err(|e| fail(name, e.message))
}

pub fn parse_market_chart(body: &str) -> Result<MarketChart, SourceError> {
    let v = json(body)?;
    Ok(MarketChart {
        prices: pairs(field(&v, "prices", &String::new)?, "prices")?,
        market_caps: pairs(field(&v, "market_caps", &String::new)?, "market_caps")?,
        volumes: pairs(field(&v, "total_volumes", &String::new)?, "total_volumes")?,
    })
}

/// OHLC rows; CoinGecko sends no volume, so volume is 0 (volume-weighted indicators are then
/// undefined, and say so with NaN).
pub fn parse_ohlc(body: &str) -> Result<Candles, SourceError> {
    let v = json(body)?;
    let rows = array(&v, &String::new)?;
    too_long(rows.len())?;
    let mut bars = Vec::with_capacity(rows.len());
    for (i, row) in rows.iter().enumerate() {
        let r = array(row, &|| format!("[{i}]"))?;
        if r.len() != 5 {
            return Err(fail(
                format!("[{i}]"),
                format!(
                    "expected [time, open, high, low, close], found {} elements",
                    r.len()
                ),
            ));
        }
        let at = |j: usize| move || format!("[{i}][{j}]");
        bars.push(ohlc_row(r, millis(&r[0], &at(0))?, None, &|| {
            format!("[{i}]")
        })?);
    }
    normalise_bars(bars)
}
