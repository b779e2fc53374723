//! CoinGecko: `/coins/{id}/market_chart` (prices, market caps, volumes as `[ms, value]`) and
//! `/coins/{id}/ohlc` (`[ms, open, high, low, close]`, no volume).

use super::envelope::{fields_of, get, Raw};
use super::stream::{rows, Row};
use super::wire::{cells, fail, millis, normalise_bars, normalise_points, num, ohlc_row, time_ms};
use super::SourceError;
use crate::series::{Candles, Series};

/// The three series of `market_chart`.
#[derive(Clone, Debug, PartialEq)]
pub struct MarketChart {
    pub prices: Series,
    pub market_caps: Series,
    pub volumes: Series,
}

fn pairs(raw: Option<Raw>, name: &str) -> Result<Series, SourceError> {
    let raw = raw.ok_or_else(|| fail("", format!("missing field \"{name}\"")))?;
    let pts = rows(raw.get(), name, &[], |i, row: Row| {
        let path = || format!("{name}[{i}]");
        let (r, n) = cells(
            row,
            2,
            &|n| format!("expected [time, value], found {n} elements"),
            &path,
        )?;
        if n != 2 {
            return Err(fail(
                path(),
                format!("expected [time, value], found {n} elements"),
            ));
        }
        // CoinGecko's times can carry a fraction of a millisecond on the latest point.
        let at = || format!("{name}[{i}][0]");
        let t = time_ms(num(&r[0], &at)?.floor(), &at)?;
        Ok(Some((t, num(&r[1], &|| format!("{name}[{i}][1]"))?)))
    })?;
    normalise_points(pts).map_err(|e| fail(name, e.message))
}

pub fn parse_market_chart(body: &str) -> Result<MarketChart, SourceError> {
    let v = fields_of(body, &["prices", "market_caps", "total_volumes"])?.unwrap_or_default();
    Ok(MarketChart {
        prices: pairs(get(&v, "prices"), "prices")?,
        market_caps: pairs(get(&v, "market_caps"), "market_caps")?,
        volumes: pairs(get(&v, "total_volumes"), "total_volumes")?,
    })
}

/// OHLC rows; CoinGecko sends no volume, so volume is 0 (volume-weighted indicators are then
/// undefined, and say so with NaN).
pub fn parse_ohlc(body: &str) -> Result<Candles, SourceError> {
    let bars = rows(body, "", &[], |i, row: Row| {
        let path = || format!("[{i}]");
        let expected = |n| format!("expected [time, open, high, low, close], found {n} elements");
        let (r, n) = cells(row, 5, &expected, &path)?;
        if n != 5 {
            return Err(fail(path(), expected(n)));
        }
        Ok(Some(ohlc_row(
            r,
            n,
            millis(&r[0], &|| format!("[{i}][0]"))?,
            None,
            &path,
        )?))
    })?;
    normalise_bars(bars)
}
