//! Fetching that survives the web: per-request timeout, bounded retries with exponential backoff
//! and jitter honouring `Retry-After`, de-duplication of identical requests across widgets, an
//! in-memory cache with a TTL (optionally persisted to `sessionStorage`), revalidation through
//! the browser's HTTP cache (`ETag`/`If-None-Match`), abort when a widget goes away, and
//! source fallbacks. The policy's arithmetic lives in `barfinex_core::retry`.

mod cancel;
mod client;
mod refresh;
mod series;
mod series_set;
mod sleep;

pub use cancel::Cancel;
pub use client::{get_text, Fetched, Policy};
pub use refresh::refresh_tick;
pub use series::{load_series, LoadedSeries};
pub use series_set::{input, load_series_set};
pub(crate) use sleep::now_ms;
