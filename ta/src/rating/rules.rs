//! Which rules the rating follows. Both are TradingView's; they differ in six votes
//! (`docs/indicators.md`, "Two rule sets").

use crate::quote::quoted;
use std::fmt;

/// The rule set of a [`super::TechnicalRating`].
///
/// ```
/// use barfinex_ta::rating::Rules;
/// assert_eq!("library-v3".parse::<Rules>(), Ok(Rules::LibraryV3));
/// assert_eq!(Rules::default().as_str(), "tradingview");
/// assert!("tv".parse::<Rules>().unwrap_err().contains("\"tradingview\", \"library-v3\""));
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Rules {
    /// The rating block of TradingView's scanner script, which computes the gauge of
    /// tradingview.com's Technicals page and technical-analysis widget: `links/common.pine.link`
    /// in the public repository `tradingview/scanner_data`, commit ed0ed9c4 (2025-09-22),
    /// lines 447–574.
    #[default]
    TradingView,
    /// TradingView's published Pine library "TechnicalRating" v3 (2024.11.29), `calcRatingAll()`.
    LibraryV3,
}

impl Rules {
    /// Every rule set, the default first.
    pub const ALL: [Rules; 2] = [Rules::TradingView, Rules::LibraryV3];

    /// The name used by `technicalRating(candles, { rules })` and the `rating-rules` attribute.
    pub fn as_str(self) -> &'static str {
        match self {
            Rules::TradingView => "tradingview",
            Rules::LibraryV3 => "library-v3",
        }
    }
}

impl std::str::FromStr for Rules {
    type Err = String;
    #[cfg_attr(barfinex_size, optimize(size))]
    fn from_str(s: &str) -> Result<Rules, String> {
        Rules::ALL
            .into_iter()
            .find(|r| r.as_str() == s)
            .ok_or_else(|| {
                format!(
                    "unknown rule set {}, expected \"tradingview\", \"library-v3\"",
                    quoted(s)
                )
            })
    }
}

impl fmt::Display for Rules {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}
