//! Types of the asset profile, format version 1. See `docs/profile-format.md`.

use serde::Serialize;

/// One asset's research profile.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct AssetProfile {
    /// Optional pointer to the JSON Schema, for editors; not interpreted.
    #[serde(rename = "$schema", default, skip_serializing_if = "Option::is_none")]
    pub schema: Option<String>,
    /// Format major version; this library reads version 1.
    pub version: u32,
    /// Stable identifier: lowercase letters, digits and `-`.
    pub id: String,
    pub name: String,
    pub symbol: String,
    #[serde(default)]
    pub description: String,
    /// Key persons; may be empty.
    #[serde(default)]
    pub persons: Vec<Person>,
    /// Notice shown with the key persons section.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub persons_disclaimer: Option<Notice>,
    #[serde(default)]
    pub drivers: Vec<Driver>,
    #[serde(default)]
    pub influencers: Vec<Influencer>,
    #[serde(default)]
    pub regimes: Vec<RegimeBehaviour>,
    /// Assets or markets this instrument impacts; may be empty.
    #[serde(default)]
    pub impacts: Vec<Impact>,
    #[serde(default)]
    pub signals: Vec<Signal>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub disclaimer: Option<Notice>,
    /// True when the content is illustrative (an example, not research): widgets say so.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub illustrative: bool,
    /// The language of the profile's own text (a BCP 47 tag, `en`, `ru-RU`), so screen readers
    /// pronounce it right whatever the reader's interface language.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lang: Option<String>,
    /// The market data the widgets fetch (see [`super::SeriesSource`]).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<super::SeriesSource>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Person {
    pub name: String,
    #[serde(default)]
    pub role: String,
    /// http(s) only.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub link: Option<String>,
}

/// A short legal or editorial notice with optional links.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Notice {
    /// Plain text; paragraphs are separated by a blank line.
    pub text: String,
    #[serde(default)]
    pub links: Vec<Link>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Link {
    pub label: String,
    /// http(s) only; absent when the source page names a link without an address.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Driver {
    pub title: String,
    pub direction: Direction,
    pub category: DriverCategory,
    /// Plain text; paragraphs are separated by a blank line.
    #[serde(default)]
    pub text: String,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
pub enum Direction {
    Positive,
    Negative,
    Mixed,
    Conditional,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum DriverCategory {
    Demand,
    Fundamental,
    Liquidity,
    Macro,
    Supply,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Influencer {
    pub name: String,
    #[serde(default)]
    pub group: String,
    #[serde(default)]
    pub influence: String,
}

/// How the asset behaves in one market regime.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct RegimeBehaviour {
    /// Regime name; the six known ones are in [`KNOWN_REGIMES`], others are shown as given.
    pub regime: String,
    pub outcome: Outcome,
    #[serde(default)]
    pub text: String,
}

/// The regimes the widgets know by name, in display order.
pub const KNOWN_REGIMES: [&str; 6] = [
    "inflation",
    "network-driven",
    "recession",
    "risk-off",
    "risk-on",
    "tightening",
];

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
pub enum Outcome {
    Outperform,
    Neutral,
    Underperform,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Impact {
    pub name: String,
    #[serde(default)]
    pub text: String,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Signal {
    pub category: SignalCategory,
    pub direction: SignalDirection,
    pub title: String,
    #[serde(default)]
    pub description: String,
    /// Reserved for the scoring rule (kept verbatim until the reader understands it).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rule: Option<crate::json::Value>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum SignalCategory {
    Liquidity,
    Positioning,
    Sentiment,
    Technical,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
pub enum SignalDirection {
    Bullish,
    Bearish,
    Mixed,
}

macro_rules! labels {
    ($($ty:ty { $($variant:ident => $label:literal),+ $(,)? })+) => {$(
        impl $ty {
            /// Every value, in the order the format lists them.
            pub const ALL: &'static [$ty] = &[$(<$ty>::$variant),+];
            /// The value as written in the JSON document.
            pub fn as_str(self) -> &'static str {
                match self { $(<$ty>::$variant => $label),+ }
            }
        }
    )+};
}

labels! {
    Direction { Positive => "Positive", Negative => "Negative", Mixed => "Mixed", Conditional => "Conditional" }
    DriverCategory { Demand => "demand", Fundamental => "fundamental", Liquidity => "liquidity", Macro => "macro", Supply => "supply" }
    Outcome { Outperform => "Outperform", Neutral => "Neutral", Underperform => "Underperform" }
    SignalCategory { Liquidity => "liquidity", Positioning => "positioning", Sentiment => "sentiment", Technical => "technical" }
    SignalDirection { Bullish => "Bullish", Bearish => "Bearish", Mixed => "Mixed" }
}

/// Splits plain text into its paragraphs (separated by blank lines), trimmed of ASCII
/// whitespace, blank ones dropped.
pub fn paragraphs(text: &str) -> impl Iterator<Item = &str> {
    // Not `split("\n\n")`: its Two-Way searcher is ~2 KB of wasm (`text::find_str`).
    crate::text::split_str(text, "\n\n")
        .map(crate::text::trim_space)
        // Blank in Unicode's sense (no-break spaces only) is no paragraph either.
        .filter(|p| !p.chars().all(crate::text::is_space))
}

#[cfg(test)]
mod tests {
    #[test]
    fn paragraphs_split_at_blank_lines() {
        let p: Vec<&str> = super::paragraphs("One.\n\n\nTwo\nlines.\n\n  \n\nThree. ").collect();
        assert_eq!(p, ["One.", "Two\nlines.", "Three."]);
        // No-break and ideographic spaces alone are blank too.
        let p: Vec<&str> = super::paragraphs("A\n\n\u{a0}\u{3000}\n\nB").collect();
        assert_eq!(p, ["A", "B"]);
    }
}
