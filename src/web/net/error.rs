//! What can go wrong with a GET, whatever it fetches: the transport's own errors. Each names
//! the URL, so one widget shows it and the rest of the page carries on.

use barfinex_core::float::fixed;
use barfinex_core::format::shown_url;
use std::fmt;
use wasm_bindgen::{JsCast, JsValue};

/// What a thrown JS value says: an `Error`'s message, or the value itself when it is a string.
pub(crate) fn js_message(e: &JsValue) -> Option<String> {
    e.dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .or_else(|| e.as_string())
}

/// Why a request produced no usable body.
#[derive(Clone, Debug, PartialEq)]
pub enum NetError {
    /// The request never produced a response. Browsers report a CORS refusal and a network
    /// failure alike, so the message cannot tell them apart.
    Network { url: String, detail: String },
    /// The server answered with a status outside 200–299 (after `attempts` tries).
    Http {
        url: String,
        status: u16,
        status_text: String,
        attempts: u32,
    },
    /// No response within the per-request timeout.
    Timeout { url: String, ms: u32 },
    /// The widget went away; nobody waits for this request any more.
    Aborted { url: String },
    /// A body over the size limit.
    TooLarge { url: String, limit: usize },
    /// An HTML page where data was expected (a login wall, a proxy's error page).
    NotData { url: String, content_type: String },
    /// The body could not be read.
    Body { url: String, detail: String },
    /// An HTTP cache in front of the origin (a proxy, a CDN) answered with data older than
    /// twice the lifetime it gave it: its origin has been failing (`Age`/`Date`, `max-age`).
    ServedStale {
        url: String,
        age_ms: f64,
        max_age_ms: f64,
    },
}

impl fmt::Display for NetError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // Readers see URLs without credentials or query (see `shown_url`).
        match self {
            Self::Network { url, detail } => write!(
                f,
                "GET {} failed: network error or CORS refusal (browsers report both alike): {detail}",
                shown_url(url)
            ),
            Self::Http { url, status, status_text, attempts } => {
                write!(f, "GET {}: HTTP {status}", shown_url(url))?;
                if !status_text.is_empty() {
                    write!(f, " {status_text}")?;
                }
                if *attempts > 1 {
                    write!(f, " (after {attempts} attempts)")?;
                }
                Ok(())
            }
            Self::Timeout { url, ms } => write!(f, "GET {}: no response within {} s (timeout)", shown_url(url), fixed(*ms as f64 / 1000.0, 1)),
            Self::Aborted { url } => write!(f, "GET {}: cancelled", shown_url(url)),
            Self::TooLarge { url, limit } => write!(f, "GET {}: response larger than the limit of {} MiB", shown_url(url), limit >> 20),
            Self::NotData { url, content_type } => write!(f, "GET {}: got an HTML page ({content_type}), not data", shown_url(url)),
            Self::Body { url, detail } => write!(f, "GET {}: could not read the body: {detail}", shown_url(url)),
            Self::ServedStale { url, age_ms, max_age_ms } => write!(
                f,
                "GET {}: the cache in front of the source answered with data {} s old (its lifetime is {} s): the source is not answering",
                shown_url(url),
                fixed((age_ms / 1000.0).round(), 0),
                fixed((max_age_ms / 1000.0).round(), 0)
            ),
        }
    }
}

impl std::error::Error for NetError {}

impl NetError {
    /// The URL requested.
    pub fn url(&self) -> &str {
        match self {
            Self::Network { url, .. }
            | Self::Http { url, .. }
            | Self::Timeout { url, .. }
            | Self::Aborted { url }
            | Self::TooLarge { url, .. }
            | Self::NotData { url, .. }
            | Self::Body { url, .. }
            | Self::ServedStale { url, .. } => url,
        }
    }

    /// The kind of failure, stable for scripts (`data-error-kind`), whatever the wording.
    pub fn kind(&self) -> &'static str {
        match self {
            Self::Network { .. } => "network",
            Self::Http { .. } => "http",
            Self::Timeout { .. } => "timeout",
            Self::Aborted { .. } => "aborted",
            Self::TooLarge { .. } => "too-large",
            Self::NotData { .. } => "not-data",
            Self::Body { .. } => "body",
            Self::ServedStale { .. } => "served-stale",
        }
    }
}
