//! TradingView's technical rating, computed with Pine's `ta.*` semantics.

mod pine;
mod technical_rating;
mod votes;

pub use technical_rating::*;
