//! TradingView's technical rating, computed with Pine's `ta.*` semantics.

mod fixed;
mod pine;
#[cfg(test)]
mod reference;
mod rules;
mod scanner_votes;
mod technical_rating;
mod votes;

pub use rules::Rules;
pub use technical_rating::*;
