//! From an endpoint to the URL to fetch: each exchange's path and its spelling of the interval.
//! Pure, no I/O. An interval an exchange does not offer is refused here, naming it, so the
//! next fallback is tried instead of a request the exchange would answer with an error.

use crate::interval::Interval;
use crate::model::{Endpoint, SourceKind};
use crate::text;

/// The URL for an endpoint. `local_market`, when given, is a server laid out like the local
/// market-data server (`{local}/binance/fapi/v1/…`, `{local}/bybit/…`): it replaces every
/// exchange host that has no `base_url` of its own.
///
/// ```
/// use barfinex_core::model::{Endpoint, SourceKind};
/// use barfinex_core::sources::endpoint_url;
/// let e = Endpoint { source: SourceKind::BybitKline, symbol: "FLUXUSDT".into(),
///                    interval: Some("24h".into()), base_url: None };
/// assert_eq!(endpoint_url(&e, None).unwrap(),
///     "https://api.bybit.com/v5/market/kline?category=linear&symbol=FLUXUSDT&interval=D&limit=500");
/// ```
pub fn endpoint_url(e: &Endpoint, local_market: Option<&str>) -> Result<String, String> {
    let kind = e.source;
    e.check()?;
    let symbol = text::trim_space(&e.symbol);
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
                text::trim_end(local, b"/")
            )),
            _ => Err(format!(
                "{} needs base_url: the document's URL",
                kind.name()
            )),
        };
    };
    let base = match (&e.base_url, local_market) {
        (Some(b), _) => text::trim_end(b, b"/").to_owned(),
        (None, Some(local)) => format!("{}/{prefix}", text::trim_end(local, b"/")),
        (None, None) => public.to_owned(),
    };
    let iv = e.interval()?;
    let spelled = exchange_interval(kind, iv).ok_or_else(|| {
        format!(
            "{} does not offer interval {iv} (docs/sources.md lists what each exchange offers)",
            kind.name()
        )
    })?;
    // Bars asked for: the rating's longest warm-up is SMA 200, and Pine's EMA 200 (seeded with
    // the first close) keeps (1 − 2/201)^n of that seed: 0.7% after 500 bars. So 500 where the
    // exchange lets us choose (Binance's default; Bybit's default 200 leaves 199 closed bars, one
    // short of SMA 200); Kraken answers its last 720 bars and takes no count.
    use SourceKind::*;
    Ok(match kind {
        BinanceSpotKlines => {
            format!("{base}/api/v3/klines?symbol={symbol}&interval={spelled}&limit=500")
        }
        BinanceFuturesKlines => {
            format!("{base}/fapi/v1/klines?symbol={symbol}&interval={spelled}&limit=500")
        }
        BinanceFuturesFunding => format!("{base}/fapi/v1/fundingRate?symbol={symbol}&limit=200"),
        BinanceFuturesOpenInterest => format!(
            "{base}/futures/data/openInterestHist?symbol={symbol}&period={spelled}&limit=200"
        ),
        BybitKline => format!(
            "{base}/v5/market/kline?category=linear&symbol={symbol}&interval={spelled}&limit=500"
        ),
        BybitFunding => {
            format!("{base}/v5/market/funding/history?category=linear&symbol={symbol}&limit=200")
        }
        CoingeckoMarketChart => {
            format!("{base}/api/v3/coins/{symbol}/market_chart?vs_currency=usd&days=30")
        }
        CoingeckoOhlc => format!("{base}/api/v3/coins/{symbol}/ohlc?vs_currency=usd&days=30"),
        KrakenOhlc => format!("{base}/0/public/OHLC?pair={symbol}&interval={spelled}"),
        // Returned above (no host); kept so the match stays total without a panic.
        GenericJson | GenericCsv | CandlesJson => e.base_url.clone().unwrap_or_default(),
    })
}

/// The intervals a rating can switch between, as TradingView's technical-analysis widget offers
/// them: 1m, 5m, 15m, 30m, 1h, 2h, 4h, 1D, 1W, 1M.
#[rustfmt::skip]
pub const TAB_INTERVALS: &[&str] = &["1m", "5m", "15m", "30m", "1h", "2h", "4h", "1d", "1w", "1M"];

/// The intervals every endpoint of `spec` can serve, of [`TAB_INTERVALS`] and the spec's own,
/// shortest first. None when a source takes no interval (a site's document, CoinGecko's OHLC)
/// or the spec's interval is not in the grammar: switching would show the same series or fail.
///
/// ```
/// use barfinex_core::model::{Credentials, Endpoint, SeriesSource, SourceKind};
/// use barfinex_core::sources::chain_intervals;
/// let kraken = Endpoint { source: SourceKind::KrakenOhlc, symbol: "FLUXUSD".into(),
///                         interval: None, base_url: None };
/// let spec = SeriesSource { series: "candles".into(), label: None,
///     source: SourceKind::BinanceFuturesKlines, symbol: "FLUXUSDT".into(), interval: None,
///     base_url: None, fallbacks: vec![kraken], synthetic: false,
///     credentials: Credentials::Omit };
/// let tabs: Vec<String> = chain_intervals(&spec).iter().map(|i| i.label()).collect();
/// assert_eq!(tabs, ["1m", "5m", "15m", "30m", "1h", "4h", "1D", "1W"]); // Kraken: no 2h, no 1M
/// ```
pub fn chain_intervals(spec: &crate::model::SeriesSource) -> Vec<Interval> {
    let endpoints = spec.endpoints();
    let Some(own) = endpoints.first().and_then(|e| e.interval().ok()) else {
        return Vec::new();
    };
    if endpoints.iter().any(|e| !e.source.has_bars()) {
        return Vec::new();
    }
    let mut all: Vec<Interval> = TAB_INTERVALS
        .iter()
        .filter_map(|s| s.parse().ok())
        .collect();
    if !all.contains(&own) {
        all.push(own);
    }
    all.retain(|&iv| {
        endpoints
            .iter()
            .all(|e| exchange_interval(e.source, iv).is_some())
    });
    crate::sort::sort_by_key(&mut all, |i| i.sort_key());
    all
}

/// Binance's kline intervals (`/api/v3/klines`, `/fapi/v1/klines`).
#[rustfmt::skip]
const BINANCE: &[&str] = &[
    "1m", "3m", "5m", "15m", "30m", "1h", "2h", "4h", "6h", "8h", "12h", "1d", "3d", "1w", "1M",
];
/// Binance's open-interest history periods.
#[rustfmt::skip]
const BINANCE_OI: &[&str] = &["5m", "15m", "30m", "1h", "2h", "4h", "6h", "12h", "1d"];
/// Bybit's kline intervals: minutes, then `D`, `W`, `M`.
#[rustfmt::skip]
const BYBIT: &[(&str, &str)] = &[
    ("1m", "1"), ("3m", "3"), ("5m", "5"), ("15m", "15"), ("30m", "30"), ("1h", "60"),
    ("2h", "120"), ("4h", "240"), ("6h", "360"), ("12h", "720"), ("1d", "D"), ("1w", "W"),
    ("1M", "M"),
];
/// Kraken's OHLC intervals, in minutes.
#[rustfmt::skip]
const KRAKEN: &[(&str, &str)] = &[
    ("1m", "1"), ("5m", "5"), ("15m", "15"), ("30m", "30"), ("1h", "60"), ("4h", "240"),
    ("1d", "1440"), ("1w", "10080"), ("15d", "21600"),
];

/// How `kind` spells `iv` in its URL; `None` when it does not offer it. Kinds whose URL takes no
/// interval (funding, CoinGecko, documents) accept any.
pub fn exchange_interval(kind: SourceKind, iv: Interval) -> Option<String> {
    use SourceKind::*;
    let normal = iv.normal().to_string();
    let listed = |table: &[&str]| table.contains(&normal.as_str()).then(|| normal.clone());
    let mapped = |table: &[(&str, &str)]| {
        table
            .iter()
            .find(|(k, _)| *k == normal)
            .map(|(_, v)| (*v).to_owned())
    };
    match kind {
        BinanceSpotKlines | BinanceFuturesKlines => listed(BINANCE),
        BinanceFuturesOpenInterest => listed(BINANCE_OI),
        BybitKline => mapped(BYBIT),
        KrakenOhlc => mapped(KRAKEN),
        _ => Some(normal),
    }
}
