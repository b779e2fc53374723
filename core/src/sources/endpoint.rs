//! From a source entry to the URL to fetch and the series its body holds: pure, no I/O.

use super::{binance, bybit, coingecko, generic, kraken, parse_candles_json, SourceError};
use crate::model::{Endpoint, SourceKind};
use crate::series::{Candles, Series};

/// What a fetched body held.
#[derive(Clone, Debug, PartialEq)]
pub enum SeriesData {
    Candles(Candles),
    Points(Series),
}

impl SourceKind {
    /// The kebab-case name used in profiles and messages.
    pub fn name(self) -> &'static str {
        match self {
            SourceKind::BinanceSpotKlines => "binance-spot-klines",
            SourceKind::BinanceFuturesKlines => "binance-futures-klines",
            SourceKind::BinanceFuturesFunding => "binance-futures-funding",
            SourceKind::BinanceFuturesOpenInterest => "binance-futures-open-interest",
            SourceKind::BybitKline => "bybit-kline",
            SourceKind::BybitFunding => "bybit-funding",
            SourceKind::CoingeckoMarketChart => "coingecko-market-chart",
            SourceKind::CoingeckoOhlc => "coingecko-ohlc",
            SourceKind::KrakenOhlc => "kraken-ohlc",
            SourceKind::GenericJson => "generic-json",
            SourceKind::GenericCsv => "generic-csv",
            SourceKind::CandlesJson => "candles-json",
        }
    }

    /// The exchange's public API host, and the path prefix the local server (and a site's proxy
    /// with the same layout) serves it under.
    fn host(self) -> Option<(&'static str, &'static str)> {
        use SourceKind::*;
        Some(match self {
            BinanceSpotKlines => ("https://api.binance.com", "binance"),
            BinanceFuturesKlines | BinanceFuturesFunding | BinanceFuturesOpenInterest => {
                ("https://fapi.binance.com", "binance")
            }
            BybitKline | BybitFunding => ("https://api.bybit.com", "bybit"),
            CoingeckoMarketChart | CoingeckoOhlc => ("https://api.coingecko.com", "coingecko"),
            KrakenOhlc => ("https://api.kraken.com", "kraken"),
            GenericJson | GenericCsv | CandlesJson => return None,
        })
    }
}

fn minutes(interval: &str) -> Result<u32, String> {
    let (n, unit) = interval.split_at(
        interval
            .find(|c: char| !c.is_ascii_digit())
            .unwrap_or(interval.len()),
    );
    let n: u32 = n
        .parse()
        .map_err(|_| format!("interval {interval:?} is not like 15m, 1h, 1d or 1w"))?;
    Ok(n * match unit {
        "m" => 1,
        "h" => 60,
        "d" => 1440,
        "w" => 10080,
        _ => {
            return Err(format!(
                "interval {interval:?} is not like 15m, 1h, 1d or 1w"
            ))
        }
    })
}

/// The URL for an endpoint. `local_market`, when given, is a server laid out like the local
/// market-data server (`{local}/binance/fapi/v1/…`, `{local}/bybit/…`): it replaces every
/// exchange host that has no `base_url` of its own.
pub fn endpoint_url(e: &Endpoint, local_market: Option<&str>) -> Result<String, String> {
    let kind = e.source;
    let symbol = e.symbol.trim();
    let interval = e.interval.as_deref().unwrap_or("1h");
    let Some((public, prefix)) = kind.host() else {
        // A site's own document: its URL, or the local server's `/series/{symbol}.json|csv`.
        let ext = if kind == SourceKind::GenericCsv {
            "csv"
        } else {
            "json"
        };
        return match (&e.base_url, local_market) {
            (Some(url), _) => Ok(url.clone()),
            (None, Some(local)) if !symbol.is_empty() => Ok(format!(
                "{}/series/{symbol}.{ext}",
                local.trim_end_matches('/')
            )),
            _ => Err(format!(
                "{} needs base_url: the document's URL",
                kind.name()
            )),
        };
    };
    if symbol.is_empty()
        || !symbol
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
    {
        return Err(format!("{}: symbol {symbol:?} is empty or has characters other than letters, digits, '-' and '_'", kind.name()));
    }
    let base = match (&e.base_url, local_market) {
        (Some(b), _) => b.trim_end_matches('/').to_owned(),
        (None, Some(local)) => format!("{}/{prefix}", local.trim_end_matches('/')),
        (None, None) => public.to_owned(),
    };
    let m = minutes(interval)?;
    use SourceKind::*;
    Ok(match kind {
        BinanceSpotKlines => {
            format!("{base}/api/v3/klines?symbol={symbol}&interval={interval}&limit=500")
        }
        BinanceFuturesKlines => {
            format!("{base}/fapi/v1/klines?symbol={symbol}&interval={interval}&limit=500")
        }
        BinanceFuturesFunding => format!("{base}/fapi/v1/fundingRate?symbol={symbol}&limit=200"),
        BinanceFuturesOpenInterest => format!(
            "{base}/futures/data/openInterestHist?symbol={symbol}&period={interval}&limit=200"
        ),
        BybitKline => {
            let iv = match m {
                1440 => "D".to_owned(),
                10080 => "W".to_owned(),
                m => m.to_string(),
            };
            format!(
                "{base}/v5/market/kline?category=linear&symbol={symbol}&interval={iv}&limit=200"
            )
        }
        BybitFunding => {
            format!("{base}/v5/market/funding/history?category=linear&symbol={symbol}&limit=200")
        }
        CoingeckoMarketChart => {
            format!("{base}/api/v3/coins/{symbol}/market_chart?vs_currency=usd&days=30")
        }
        CoingeckoOhlc => format!("{base}/api/v3/coins/{symbol}/ohlc?vs_currency=usd&days=30"),
        KrakenOhlc => format!("{base}/0/public/OHLC?pair={symbol}&interval={m}"),
        // Returned above (no host); kept so the match stays total without a panic.
        GenericJson | GenericCsv | CandlesJson => e.base_url.clone().unwrap_or_default(),
    })
}

/// Parses a fetched body by its source kind. `now_ms` drops a still-forming last candle where
/// the format has one (Binance klines carry their close time).
pub fn parse_series(
    kind: SourceKind,
    body: &str,
    now_ms: Option<i64>,
) -> Result<SeriesData, SourceError> {
    use SourceKind::*;
    Ok(match kind {
        BinanceSpotKlines | BinanceFuturesKlines => {
            SeriesData::Candles(binance::parse_klines(body, now_ms)?)
        }
        BinanceFuturesFunding => SeriesData::Points(binance::parse_funding(body)?),
        BinanceFuturesOpenInterest => SeriesData::Points(binance::parse_open_interest(body)?),
        BybitKline => SeriesData::Candles(bybit::parse_klines(body)?),
        BybitFunding => SeriesData::Points(bybit::parse_funding(body)?),
        CoingeckoMarketChart => SeriesData::Points(coingecko::parse_market_chart(body)?.prices),
        CoingeckoOhlc => SeriesData::Candles(coingecko::parse_ohlc(body)?),
        KrakenOhlc => SeriesData::Candles(kraken::parse_ohlc(body)?),
        GenericJson => SeriesData::Points(generic::parse_json_series(body)?),
        GenericCsv => SeriesData::Points(generic::parse_csv_series(body, None)?),
        CandlesJson => SeriesData::Candles(parse_candles_json(body)?.candles),
    })
}
