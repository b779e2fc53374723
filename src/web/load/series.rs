//! One market series loaded: its source, then each fallback, parsed by the core.

use super::LoadError;
use crate::web::net::{absolute_url, get_text, now_ms, NetError, Policy};
use barfinex_core::format::shown_url;
use barfinex_core::model::{Credentials, Endpoint, SeriesSource, SourceKind};
use barfinex_core::series::{Candles, SeriesData};
use barfinex_core::sources::{endpoint_url, parse_series};
use std::rc::Rc;
use web_sys::AbortSignal;

/// A series as loaded: the data, where it came from, and how fresh it is.
#[derive(Clone, Debug, PartialEq)]
pub struct LoadedSeries {
    pub name: String,
    pub data: Rc<SeriesData>,
    pub url: String,
    pub source: SourceKind,
    /// The endpoint that answered (its symbol and interval).
    pub endpoint: Endpoint,
    pub synthetic: bool,
    pub fetched_at: f64,
    /// Why a refresh failed, when this is the last good data.
    pub stale: Option<NetError>,
}

impl LoadedSeries {
    /// Where it came from, as readers see it: the source and its URL, shortened
    /// (`binance-futures-klines (https://…/klines?…)`).
    pub fn source_line(&self) -> String {
        format!("{} ({})", self.source.name(), shown_url(&self.url))
    }

    /// Its candles, or why a series that should be candles is not (a source of single values).
    pub fn candles(&self) -> Result<&Candles, String> {
        match self.data.as_ref() {
            SeriesData::Candles(c) => Ok(c),
            SeriesData::Points(_) => Err(format!(
                "{}: the candles series must come from a candles source",
                shown_url(&self.url)
            )),
        }
    }

    /// The symbol to name beside its numbers: the answering endpoint's, else the series name.
    pub fn symbol(&self) -> String {
        if self.endpoint.symbol.is_empty() {
            self.name.clone()
        } else {
            self.endpoint.symbol.clone()
        }
    }
}

/// Loads one series, trying its source and then each fallback in order (an exchange may answer
/// a region with HTTP 451, or be down). `local_market` points every exchange without its own
/// `base_url` at a server laid out like the local market-data server.
pub async fn load_series(
    spec: &SeriesSource,
    local_market: Option<String>,
    policy: &Policy,
    cancel: Option<AbortSignal>,
    refresh: bool,
) -> Result<LoadedSeries, LoadError> {
    let mut failures = Vec::new();
    let mut kind = "no-source";
    let (mut last_url, mut last_status) = (None, None);
    let policy = &Policy {
        same_origin_credentials: spec.credentials == Credentials::SameOrigin,
        ..policy.clone()
    };
    for e in spec.endpoints() {
        let url = match endpoint_url(&e, local_market.as_deref()) {
            Ok(u) => absolute_url(&u),
            Err(m) => {
                failures.push(format!("{}: {m}", e.source.name()));
                kind = "endpoint";
                (last_url, last_status) = (None, None);
                continue;
            }
        };
        let fetched = match get_text(&url, policy, cancel.clone(), refresh).await {
            Ok(f) => f,
            Err(err @ NetError::Aborted { .. }) => return Err(err.into()),
            Err(err) => {
                failures.push(format!("{}: {err}", e.source.name()));
                kind = err.kind();
                last_status = match &err {
                    NetError::Http { status, .. } => Some(*status),
                    _ => None,
                };
                last_url = Some(url);
                continue;
            }
        };
        let now = now_ms() as i64;
        match parse_series(e.source, &fetched.body, Some(now)) {
            Ok(data) => {
                return Ok(LoadedSeries {
                    name: spec.series.clone(),
                    data: Rc::new(data),
                    url: fetched.url,
                    source: e.source,
                    endpoint: e.clone(),
                    synthetic: spec.synthetic || fetched.synthetic,
                    fetched_at: fetched.fetched_at,
                    stale: fetched.stale,
                })
            }
            Err(error) => {
                kind = "parse";
                (last_url, last_status) = (Some(url.clone()), None);
                failures.push(format!(
                    "{}: {}",
                    e.source.name(),
                    LoadError::Parse {
                        url: url.clone(),
                        error
                    }
                ))
            }
        }
    }
    Err(LoadError::AllSources {
        series: spec.series.clone(),
        failures,
        kind,
        url: last_url,
        status: last_status,
    })
}
