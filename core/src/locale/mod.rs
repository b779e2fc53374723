//! Readers' languages: every word a widget shows, and how it writes numbers, in one table per
//! locale. Adding a locale is adding one file beside `en.rs` and its line in [`LOCALES`]; a test
//! checks that every table fills every field and keeps every template's `{}` count.
//!
//! ```
//! use barfinex_core::locale::{fill, pick};
//! let ru = pick("ru-RU");
//! assert_eq!(ru.number.compact(46_050_000.0), "46,05\u{a0}млн");
//! assert_eq!(fill(ru.text.showing, &["3", "12"]), "Показано 3 из 12");
//! ```

mod bodies;
mod en;
mod numbers;
mod ru;

pub use bodies::{Bodies, CardTexts, ChartTexts, RatingTexts, SignalTexts};
pub use numbers::Numbers;

use crate::model::{Direction, DriverCategory, Outcome, SignalCategory, SignalDirection};
use crate::rating::Label;
use crate::signals::{Phrase, State};

/// Every locale, English first (the fallback). Statics, not constants: each table is in the
/// module once, however many places name it.
pub static LOCALES: &[&Locale] = &[&en::EN, &ru::RU];

/// The tag of each table in [`LOCALES`], in its order: what a caller can know without linking
/// the tables (the web layer loads a table other than English from a chunk of its own).
pub const TAGS: &[&str] = &["en", "ru"];

/// English, the fallback: the one table every page has.
pub static ENGLISH: &Locale = &en::EN;

/// One reader language.
#[derive(Debug)]
pub struct Locale {
    /// Its BCP 47 primary language subtag (`en`, `ru`).
    pub tag: &'static str,
    pub number: Numbers,
    pub text: Texts,
    /// The asset card's, the charts', the rating's and the signal badges' words, read through
    /// [`Locale::card_words`], [`Locale::chart_words`], [`Locale::rating_words`] and
    /// [`Locale::signal_words`]; `None` in English's table (see [`Bodies`]).
    pub bodies: Option<Bodies>,
}

/// The locale for a BCP 47 tag (`ru-RU` → Russian), by its primary language subtag, case
/// ignored; English for any other.
pub fn pick(tag: &str) -> &'static Locale {
    let primary = primary(tag);
    LOCALES
        .iter()
        .copied()
        .find(|l| l.tag.eq_ignore_ascii_case(primary))
        .unwrap_or(&en::EN)
}

/// Whether [`pick`] gives `tag` a table other than English's.
///
/// ```
/// use barfinex_core::locale::has_own_table;
/// assert!(has_own_table("ru-RU"));
/// assert!(!has_own_table("en-GB") && !has_own_table("de"));
/// ```
pub fn has_own_table(tag: &str) -> bool {
    let primary = primary(tag);
    TAGS[1..].iter().any(|t| t.eq_ignore_ascii_case(primary))
}

fn primary(tag: &str) -> &str {
    crate::text::split(tag, b"-_").next().unwrap_or("")
}

/// `template` with each `{}` replaced by the next of `args`, and `{0}`…`{9}` by that one (so a
/// locale can reorder them); a missing argument is left empty.
pub fn fill(template: &str, args: &[&str]) -> String {
    let mut out = String::with_capacity(template.len() + 16);
    let (mut next, mut rest) = (0, template);
    while let Some(i) = crate::text::find(rest, b"{") {
        out.push_str(&rest[..i]);
        let tail = &rest[i + 1..];
        let (n, skip) = match tail.as_bytes().first() {
            Some(b'}') => {
                next += 1;
                (next - 1, 1)
            }
            Some(d @ b'0'..=b'9') if tail.as_bytes().get(1) == Some(&b'}') => {
                ((d - b'0') as usize, 2)
            }
            _ => {
                out.push('{');
                rest = tail;
                continue;
            }
        };
        out.push_str(args.get(n).copied().unwrap_or(""));
        rest = &tail[skip..];
    }
    out.push_str(rest);
    out
}

/// `s` in lower case, for the Latin and Cyrillic letters our tables use: a few lines instead of
/// `str::to_lowercase`, whose Unicode tables cost the bundle about 4 KB.
pub fn lower(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            'A'..='Z' => c.to_ascii_lowercase(),
            'А'..='Я' => char::from_u32(c as u32 + 32).unwrap_or(c),
            'Ё' => 'ё',
            _ => c,
        })
        .collect()
}

impl Locale {
    /// The asset card's words (see [`Locale::chart_words`]).
    pub fn card_words(&self) -> &'static CardTexts {
        self.bodies.as_ref().map_or(&en::CARD, |b| b.card)
    }
    /// The charts' words. Called only where a chart is drawn: English's table is in the module
    /// only where this is (see [`Bodies`]).
    pub fn chart_words(&self) -> &'static ChartTexts {
        self.bodies.as_ref().map_or(&en::CHARTS, |b| b.charts)
    }
    /// The technical rating's words (see [`Locale::chart_words`]).
    pub fn rating_words(&self) -> &'static RatingTexts {
        self.bodies.as_ref().map_or(&en::RATING, |b| b.rating)
    }
    /// The signal badges' words (see [`Locale::chart_words`]).
    pub fn signal_words(&self) -> &'static SignalTexts {
        self.bodies.as_ref().map_or(&en::SIGNALS, |b| b.signals)
    }
    /// A driver's direction in words.
    pub fn direction(&self, d: Direction) -> &'static str {
        self.text.directions[index(Direction::ALL, d)]
    }
    /// A driver's category in words.
    pub fn category(&self, c: DriverCategory) -> &'static str {
        self.text.categories[index(DriverCategory::ALL, c)]
    }
    /// A regime outcome in words.
    pub fn outcome(&self, o: Outcome) -> &'static str {
        self.text.outcomes[index(Outcome::ALL, o)]
    }
    /// A signal's category in words.
    pub fn signal_category(&self, c: SignalCategory) -> &'static str {
        self.text.signal_categories[index(SignalCategory::ALL, c)]
    }
    /// A signal's direction in words.
    pub fn signal_direction(&self, d: SignalDirection) -> &'static str {
        self.text.signal_directions[index(SignalDirection::ALL, d)]
    }
    /// A signal's state in words.
    pub fn state(&self, s: State) -> &'static str {
        self.signal_words().states[match s {
            State::Active => 0,
            State::Inactive => 1,
            State::InsufficientData => 2,
            State::Invalid => 3,
            State::Unscored => 4,
        }]
    }
    /// An evidence phrase's template (its `{}` filled by [`fill`] in the phrase's order).
    pub fn evidence(&self, p: Phrase) -> &'static str {
        self.signal_words().evidence[p as usize]
    }
    /// A rating label in words; `None`: not enough data.
    pub fn rating(&self, l: Option<Label>) -> &'static str {
        let w = self.rating_words();
        match l {
            Some(Label::StrongSell) => w.ratings[0],
            Some(Label::Sell) => w.ratings[1],
            Some(Label::Neutral) => w.ratings[2],
            Some(Label::Buy) => w.ratings[3],
            Some(Label::StrongBuy) => w.ratings[4],
            None => w.not_enough_data,
        }
    }
}

fn index<T: PartialEq>(all: &[T], x: T) -> usize {
    all.iter().position(|y| *y == x).unwrap_or(0)
}

/// Every interface string. A `{}` in a template is filled by [`fill`], in the order the field's
/// comment gives; a locale may move words around it, never drop one.
#[derive(Debug)]
pub struct Texts {
    // States.
    pub loading: &'static str,
    /// Titles of a widget that could not show its data: its profile, its market data, or its
    /// own settings (an attribute, a series of the wrong kind).
    pub profile_unavailable: &'static str,
    pub market_unavailable: &'static str,
    pub setup_wrong: &'static str,
    pub code_unavailable: &'static str,
    /// {seconds} until the next refresh
    pub retry_in: &'static str,
    pub retrying: &'static str,
    /// The disclosure with the technical detail (URL, status, cause).
    pub details: &'static str,
    /// One series of the market list that could not be loaded.
    pub unavailable: &'static str,
    pub synthetic_data: &'static str,
    pub synthetic: &'static str,
    pub illustrative: &'static str,
    pub show_more: &'static str,
    pub show_less: &'static str,
    pub close: &'static str,
    pub scoring: &'static str,
    pub for_details: &'static str,
    pub see: &'static str,
    pub no_data: &'static str,
    /// {minutes} since the data shown was fetched (a refresh failed since)
    pub stale_age: &'static str,
    pub stale_recent: &'static str,
    // Section and widget titles.
    pub technical_rating: &'static str,
    pub key_drivers: &'static str,
    pub market_signals: &'static str,
    pub regimes_title: &'static str,
    pub price_and_volume: &'static str,
    pub funding_rate: &'static str,
    pub price: &'static str,
    // Empty lists.
    pub no_drivers: &'static str,
    pub no_signals: &'static str,
    pub no_regimes: &'static str,
    pub no_drivers_match: &'static str,
    // When and where the data shown came from.
    /// {time}
    pub data_as_of: &'static str,
    /// {source}
    pub source: &'static str,
    // Drivers.
    pub filter_direction: &'static str,
    pub filter_category: &'static str,
    pub sort: &'static str,
    pub sort_given: &'static str,
    pub sort_direction: &'static str,
    pub sort_category: &'static str,
    /// {shown} {total}
    pub showing: &'static str,
    pub clear_filters: &'static str,
    /// {count} {word}: one entry of a count line ("3 positive").
    pub count: &'static str,
    /// In the order of `Direction::ALL`.
    pub directions: [&'static str; 4],
    /// In the order of `DriverCategory::ALL`.
    pub categories: [&'static str; 5],
    /// In the order of `Outcome::ALL`.
    pub outcomes: [&'static str; 3],
    // Signals.
    /// In the order of `SignalCategory::ALL`.
    pub signal_categories: [&'static str; 4],
    /// In the order of `SignalDirection::ALL`.
    pub signal_directions: [&'static str; 3],
    // Regimes.
    pub current_regime: &'static str,
    pub working_it_out: &'static str,
    /// {description}
    pub decided_by: &'static str,
    pub set_by_page: &'static str,
    pub unknown: &'static str,
    pub asset: &'static str,
    pub current: &'static str,
    pub matrix_title: &'static str,
    pub matrix_caption: &'static str,
    pub not_rated: &'static str,
    pub illustrative_short: &'static str,
    pub matrix_scroller: &'static str,
    pub matrix_hint: &'static str,
    /// {asset} {regime}
    pub asset_in_regime: &'static str,
    pub no_text: &'static str,
    /// Why the current regime is unknown: no `current` and no rules; no rule holds; no data.
    pub regime_not_given: &'static str,
    pub regime_no_rule_holds: &'static str,
    pub regime_no_data: &'static str,
}

#[cfg(test)]
mod tests;
