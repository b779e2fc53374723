//! Fetching that survives the web: per-request timeout, bounded retries with exponential backoff
//! and jitter honouring `Retry-After`, de-duplication of identical requests across widgets, an
//! in-memory cache with a TTL (optionally persisted to `sessionStorage`), revalidation through
//! the browser's HTTP cache (`ETag`/`If-None-Match`), and abort when a widget goes away. The
//! policy's arithmetic lives in `barfinex_core::retry`. Transport only: this room knows URLs and
//! bodies, never profiles or series (those are [`crate::web::load`]'s).

mod body;
mod cache;
mod cancel;
mod client;
mod error;
mod policy;
mod refresh;
mod request;
mod shared;
mod sleep;
mod url;

pub use cancel::Cancel;
pub use client::get_text;
pub(crate) use error::js_message;
pub use error::NetError;
pub use policy::{Fetched, Policy, DOCUMENT_BYTES, MARKET_BYTES};
pub use refresh::{refresh_tick, Attached, NextRefresh};
pub(crate) use shared::SharedTask;
pub(crate) use sleep::{now_ms, now_secs};
pub use url::absolute_url;
