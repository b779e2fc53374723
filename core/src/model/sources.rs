//! Which market data a profile's widgets fetch: one entry per named series, each with a source
//! and fallbacks tried in order (an exchange may refuse a region with HTTP 451).

use serde::{Deserialize, Serialize};

/// One series and where to get it.
///
/// ```json
/// { "series": "funding", "source": "binance-futures-funding", "symbol": "FLUXUSDT",
///   "synthetic": false, "fallbacks": [{ "source": "bybit-funding", "symbol": "FLUXUSDT" }] }
/// ```
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SeriesSource {
    /// The series' name: `candles`, `funding`, `open_interest`, or any name a rule uses
    /// (`exchange_supply_share`, `lth_supply_share`, …).
    pub series: String,
    /// The first choice (its fields sit beside `series`; serde's `flatten` would lose error paths).
    pub source: SourceKind,
    #[serde(default)]
    pub symbol: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub interval: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub base_url: Option<String>,
    /// Tried in order when the first choice fails.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub fallbacks: Vec<Endpoint>,
    /// True when the data is generated, not market data: widgets then mark it synthetic.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub synthetic: bool,
}

impl SeriesSource {
    /// The first choice, then the fallbacks, in the order they are tried.
    pub fn endpoints(&self) -> Vec<Endpoint> {
        let primary = Endpoint {
            source: self.source,
            symbol: self.symbol.clone(),
            interval: self.interval.clone(),
            base_url: self.base_url.clone(),
        };
        std::iter::once(primary)
            .chain(self.fallbacks.iter().cloned())
            .collect()
    }
}

/// One place to fetch a series from.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Endpoint {
    pub source: SourceKind,
    /// Exchange symbol (`FLUXUSDT`), CoinGecko coin id (`zelcash`) or Kraken pair.
    #[serde(default)]
    pub symbol: String,
    /// Bar interval for candles and open interest: `1m` … `1w` (default `1h`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub interval: Option<String>,
    /// API base (a proxy or mirror) instead of the exchange's public host; for `generic-*` and
    /// `candles-json`, the full URL of the document. http(s) only.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub base_url: Option<String>,
}

/// The wire formats the widgets read.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum SourceKind {
    BinanceSpotKlines,
    BinanceFuturesKlines,
    BinanceFuturesFunding,
    BinanceFuturesOpenInterest,
    BybitKline,
    BybitFunding,
    CoingeckoMarketChart,
    CoingeckoOhlc,
    KrakenOhlc,
    GenericJson,
    GenericCsv,
    CandlesJson,
}
