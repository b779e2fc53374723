//! Loading what widgets show: documents (profiles, candles, regime rules) and market series,
//! through the transport in [`crate::web::net`], parsed by the core. Components load through
//! here and never call a parser themselves.

mod documents;
mod error;
mod join;
mod profile;
mod resource;
mod series;
mod series_set;
mod warm;

/// The intervals a series can be loaded at through every source of its chain (the rating's
/// tabs): the sources' URL builders decide, so components ask here.
pub use barfinex_core::sources::chain_intervals;
pub use documents::{fetch_candles, fetch_profile, fetch_regime_rules, profile_resource};
pub use error::LoadError;
pub use join::join;
pub use profile::Profile;
pub use resource::ErasedResource;
pub(crate) use series::preload_formats;
pub use series::{load_series, LoadedSeries};
pub use series_set::{input, load_series_set};
pub use warm::{load_warm, Wants, Warm};
