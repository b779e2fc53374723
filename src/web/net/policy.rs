//! What a GET promises: the policy it runs under and the body it returns.

use super::NetError;
use barfinex_core::float::shortest;
use std::rc::Rc;

/// How hard to try. The defaults suit a public exchange API behind a CDN.
#[derive(Clone, Debug, PartialEq)]
pub struct Policy {
    /// Per attempt, in milliseconds.
    pub timeout_ms: f64,
    /// For all attempts together: no retry starts that could not finish before it, so every
    /// fault settles into data or an error within this time.
    pub deadline_ms: f64,
    /// Retries after the first attempt.
    pub retries: u32,
    pub backoff_base_ms: f64,
    pub backoff_cap_ms: f64,
    /// How long a response is served from memory without asking the network.
    pub ttl_ms: f64,
    /// Also keep responses in `sessionStorage` (survives reloads within the tab).
    pub persist: bool,
    /// Bodies larger than this are refused while they arrive (decoded bytes): market data and
    /// series [`MARKET_BYTES`], profiles and regime rules [`DOCUMENT_BYTES`].
    pub max_bytes: usize,
    /// Send the reader's cookies when the URL has the page's own origin (a source's
    /// `"credentials": "same-origin"`); otherwise requests carry no credentials at all.
    pub same_origin_credentials: bool,
}

/// The cap on an exchange's answer, a series or a candles document: 8 MiB, about 60,000
/// Binance klines or 150,000 candles in a candles document (the widgets ask for at most 1,500).
pub const MARKET_BYTES: usize = 8 << 20;
/// The cap on a profile or a regime-rules document: 1 MiB, some fifty times the Flux profile.
pub const DOCUMENT_BYTES: usize = 1 << 20;

impl Policy {
    /// What a shared request is keyed by besides its URL: every field but `persist`, which each
    /// caller applies to its own result. Written out (not `{:?}`, which the embed build compiles
    /// to nothing), and destructured so a new field cannot be left out.
    pub fn request_key(&self) -> String {
        let Policy {
            timeout_ms,
            deadline_ms,
            retries,
            backoff_base_ms,
            backoff_cap_ms,
            ttl_ms,
            persist: _,
            max_bytes,
            same_origin_credentials,
        } = self;
        let [timeout, deadline, base, cap, ttl] = [
            timeout_ms,
            deadline_ms,
            backoff_base_ms,
            backoff_cap_ms,
            ttl_ms,
        ]
        .map(|ms| shortest(*ms));
        format!("{timeout} {deadline} {retries} {base} {cap} {ttl} {max_bytes} {same_origin_credentials}")
    }

    /// The policy for a profile or regime-rules document: `self` with the document cap.
    pub fn for_document(&self) -> Policy {
        Policy {
            max_bytes: DOCUMENT_BYTES,
            same_origin_credentials: false,
            ..self.clone()
        }
    }
}

impl Default for Policy {
    fn default() -> Self {
        Self {
            timeout_ms: 4_000.0,
            deadline_ms: 9_000.0,
            retries: 2,
            backoff_base_ms: 400.0,
            backoff_cap_ms: 4_000.0,
            ttl_ms: 30_000.0,
            persist: false,
            max_bytes: MARKET_BYTES,
            same_origin_credentials: false,
        }
    }
}

/// A successful response body.
#[derive(Clone, Debug, PartialEq)]
pub struct Fetched {
    pub url: String,
    /// The text; an `Rc<String>` (not `Rc<str>`) so a body is never copied once read.
    pub body: Rc<String>,
    /// When the body was received (ms since the epoch).
    pub fetched_at: f64,
    /// Set when this is the last good body, served because a newer request failed.
    pub stale: Option<NetError>,
    /// The server said the numbers are generated (`X-Barfinex-Synthetic`, sent by our local
    /// market-data server and readable because it exposes the header).
    pub synthetic: bool,
}
