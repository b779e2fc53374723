//! TradingView's technical rating, computed with Pine's `ta.*` semantics.

mod fixed;
mod pine;
#[cfg(test)]
mod reference;
mod technical_rating;
mod votes;

pub use technical_rating::*;
