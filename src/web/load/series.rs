//! One market series loaded: its source, then each fallback, parsed by the core.

use super::LoadError;
use crate::web::net::{absolute_url, get_text, Fetched, NetError, Policy};
use barfinex_core::format::shown_url;
use barfinex_core::model::{Credentials, Endpoint, SeriesSource, SourceKind};
use barfinex_core::series::{Candles, SeriesData};
use barfinex_core::sources::{endpoint_url, parse_series, SourceError};
use std::cell::{Cell, RefCell};
use std::rc::{Rc, Weak};
use wasm_split_helpers::{wasm_split, SplitLoaderError};
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
    preload_formats();
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
        let read = read_series(e.source, &fetched).await.map_err(|e| {
            // No source can be read without the formats' code: said once, not per source.
            LoadError::Code(format!("the market data formats' code: {e}"))
        })?;
        match read {
            Ok(data) => {
                return Ok(LoadedSeries {
                    name: spec.series.clone(),
                    data,
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

/// Series bodies read, newest last: the widgets of one series on a page share one parse (200
/// widgets of one profile read each body once). An entry holds neither the body nor the data,
/// only weak references to them: the net cache's byte budget still bounds the bodies, and the
/// data lives as long as a widget shows it. A body is known by its allocation (the net layer
/// hands every widget the same `Rc` while it is fresh).
const READ_SERIES: usize = 32;

struct Read {
    url: String,
    kind: SourceKind,
    body: Weak<String>,
    at: f64,
    data: Result<Weak<SeriesData>, SourceError>,
}

thread_local! {
    static READ: RefCell<Vec<Read>> = const { RefCell::new(Vec::new()) };
}

/// The series in `fetched`, parsed once per body. Bars still forming when the body was received
/// are dropped (`fetched_at`, not the time of parsing: a bar that closed since holds only what
/// it had then), so the same body always reads the same, and a body read before and still
/// alive (the same one from the same URL, for the same source) gives the same result without
/// parsing again. `Err` when the formats' code could not be loaded (not remembered: the next
/// load asks again).
async fn read_series(
    kind: SourceKind,
    fetched: &Fetched,
) -> Result<Result<Rc<SeriesData>, SourceError>, SplitLoaderError> {
    let (url, body, at) = (&fetched.url, &fetched.body, fetched.fetched_at);
    // The formats' code first: once it is in, the lookup, the parse and the new entry run with
    // nothing between them, so widgets that receive a body together (before the chunk) parse it
    // once, not once each.
    preload_market().await?;
    let hit = READ.with(|r| {
        let r = r.borrow();
        let e = r.iter().find(|e| {
            e.url == *url
                && e.kind == kind
                && e.at == at
                && e.body.strong_count() > 0
                && std::ptr::eq(e.body.as_ptr(), Rc::as_ptr(body))
        })?;
        match &e.data {
            Ok(data) => data.upgrade().map(Ok),
            Err(error) => Some(Err(error.clone())),
        }
    });
    if let Some(hit) = hit {
        return Ok(hit);
    }
    // Ready at once: the chunk is in.
    let read = parse_market(kind, Rc::clone(body), at as i64).await?;
    #[cfg(feature = "test-trap")]
    crate::web::test_trap::count_series_read();
    let read = read.map(Rc::new);
    READ.with(|r| {
        let mut r = r.borrow_mut();
        // A URL keeps its latest body only; past the bound, the oldest goes.
        r.retain(|e| e.url != *url || e.kind != kind);
        if r.len() >= READ_SERIES {
            drop(r.remove(0));
        }
        r.push(Read {
            url: url.clone(),
            kind,
            body: Rc::downgrade(body),
            at,
            data: read.as_ref().map(Rc::downgrade).map_err(Clone::clone),
        });
    });
    Ok(read)
}

/// A market body parsed by its source's format. A split point: the exchanges' formats are in a
/// chunk of the split build (`split_market.wasm`, and what the computing functions share with
/// it), which a page without market data (a driver list, a regime matrix) never fetches.
#[wasm_split(market, fallible, preload(preload_market))]
fn parse_market(
    kind: SourceKind,
    body: Rc<String>,
    at: i64,
) -> Result<Result<SeriesData, SourceError>, SplitLoaderError> {
    Ok(parse_series(kind, &body, Some(at)))
}

thread_local! {
    static FORMATS_ASKED: Cell<bool> = const { Cell::new(false) };
}

/// Starts fetching the formats' chunk, once per page while it comes in (a failure lets the next
/// load ask again): called as a series request leaves, so the chunk travels with the data.
pub(crate) fn preload_formats() {
    if FORMATS_ASKED.with(|a| a.replace(true)) {
        return;
    }
    leptos::task::spawn_local(async {
        if preload_market().await.is_err() {
            FORMATS_ASKED.with(|a| a.set(false));
        }
    });
}
