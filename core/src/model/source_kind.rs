//! The wire formats the widgets read, and what each one is: its name, its public host, whether
//! its rows are bars of an interval. Everything about a kind lives here.

use serde::Serialize;

/// The wire formats the widgets read.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
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

impl SourceKind {
    /// Every kind, in the order the format lists them.
    pub const ALL: &'static [SourceKind] = &[
        SourceKind::BinanceSpotKlines,
        SourceKind::BinanceFuturesKlines,
        SourceKind::BinanceFuturesFunding,
        SourceKind::BinanceFuturesOpenInterest,
        SourceKind::BybitKline,
        SourceKind::BybitFunding,
        SourceKind::CoingeckoMarketChart,
        SourceKind::CoingeckoOhlc,
        SourceKind::KrakenOhlc,
        SourceKind::GenericJson,
        SourceKind::GenericCsv,
        SourceKind::CandlesJson,
    ];

    /// The name as written in profiles (the document readers' name for [`Self::name`]).
    pub fn as_str(self) -> &'static str {
        self.name()
    }

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
    /// with the same layout) serves it under. `None` for a site's own documents.
    pub fn host(self) -> Option<(&'static str, &'static str)> {
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

    /// True when the URL asks for bars of an interval (klines, open interest): the series then
    /// has that interval, `1h` unless the endpoint names another.
    pub fn has_bars(self) -> bool {
        use SourceKind::*;
        matches!(
            self,
            BinanceSpotKlines
                | BinanceFuturesKlines
                | BinanceFuturesOpenInterest
                | BybitKline
                | KrakenOhlc
        )
    }
}
