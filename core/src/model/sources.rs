//! Which market data a profile's widgets fetch: one entry per named series, each with a source
//! and fallbacks tried in order (an exchange may refuse a region with HTTP 451).

use super::SourceKind;
use crate::format::quoted;
use crate::interval::Interval;
use crate::text;
use serde::Serialize;

/// One series and where to get it.
///
/// ```json
/// { "series": "funding", "source": "binance-futures-funding", "symbol": "FLUXUSDT",
///   "synthetic": false, "fallbacks": [{ "source": "bybit-funding", "symbol": "FLUXUSDT" }] }
/// ```
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct SeriesSource {
    /// The series' name: `candles`, `funding`, `open_interest`, or any name a rule uses
    /// (`exchange_supply_share`, `lth_supply_share`, …).
    pub series: String,
    /// What readers see for the series ("Long-term holders' share of supply"), in the
    /// profile's language; absent, widgets name the series from their own table or its name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub label: Option<String>,
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
    /// Whether the reader's cookies go with this series' requests: never (the default), or
    /// only when the URL has the page's own origin (a site's series behind its login).
    #[serde(default, skip_serializing_if = "Credentials::is_omit")]
    pub credentials: Credentials,
}

/// The `credentials` of a source: the Fetch standard's `omit` and `same-origin` (`include`,
/// cookies to any origin, is not offered).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Credentials {
    #[default]
    Omit,
    SameOrigin,
}

impl Credentials {
    /// Every value, in the order the format lists them.
    pub const ALL: &'static [Credentials] = &[Credentials::Omit, Credentials::SameOrigin];

    /// The value as written in the JSON document.
    pub fn as_str(self) -> &'static str {
        match self {
            Credentials::Omit => "omit",
            Credentials::SameOrigin => "same-origin",
        }
    }

    fn is_omit(&self) -> bool {
        *self == Credentials::Omit
    }
}

impl SeriesSource {
    /// The same series at another interval: every endpoint asks for `interval`.
    ///
    /// ```
    /// # use barfinex_core::model::{Credentials, Endpoint, SeriesSource, SourceKind};
    /// let kraken = Endpoint { source: SourceKind::KrakenOhlc, symbol: "FLUXUSD".into(),
    ///                         interval: None, base_url: None };
    /// let spec = SeriesSource { series: "candles".into(), label: None,
    ///     source: SourceKind::BybitKline, symbol: "FLUXUSDT".into(), interval: Some("1h".into()),
    ///     base_url: None, fallbacks: vec![kraken], synthetic: false,
    ///     credentials: Credentials::Omit };
    /// let day = spec.at_interval("1d");
    /// assert!(day.endpoints().iter().all(|e| e.interval.as_deref() == Some("1d")));
    /// ```
    pub fn at_interval(&self, interval: &str) -> SeriesSource {
        let mut s = self.clone();
        s.interval = Some(interval.to_owned());
        for f in &mut s.fallbacks {
            f.interval = Some(interval.to_owned());
        }
        s
    }

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
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Endpoint {
    pub source: SourceKind,
    /// Exchange symbol (`FLUXUSDT`), CoinGecko coin id (`zelcash`) or Kraken pair.
    #[serde(default)]
    pub symbol: String,
    /// Bar interval for candles and open interest, in the grammar of [`crate::interval`]
    /// (default `1h`); each exchange offers some of them.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub interval: Option<String>,
    /// API base (a proxy or mirror) instead of the exchange's public host; for `generic-*` and
    /// `candles-json`, the full URL of the document. http(s) only.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub base_url: Option<String>,
}

impl Endpoint {
    /// The bar interval asked for (`1h` when none is given).
    pub fn interval(&self) -> Result<Interval, String> {
        self.interval
            .as_deref()
            .unwrap_or("1h")
            .parse()
            .map_err(|e: crate::interval::IntervalError| e.to_string())
    }

    /// What can be checked without building a URL: an exchange needs a symbol of letters,
    /// digits, '-' and '_' (it goes into the URL as is); every interval follows the grammar.
    pub fn check(&self) -> Result<(), String> {
        let symbol = text::trim_space(&self.symbol);
        let symbol_ok = !symbol.is_empty()
            && symbol
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
        if self.source.host().is_some() && !symbol_ok {
            return Err(format!(
                "{}: symbol {} is empty or has characters other than letters, digits, '-' and '_'",
                self.source.name(),
                quoted(symbol)
            ));
        }
        self.interval().map(|_| ())
    }
}
