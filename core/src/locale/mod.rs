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

mod en;
mod numbers;
mod ru;

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
    tag.split(['-', '_']).next().unwrap_or("")
}

/// `template` with each `{}` replaced by the next of `args`, and `{0}`…`{9}` by that one (so a
/// locale can reorder them); a missing argument is left empty.
pub fn fill(template: &str, args: &[&str]) -> String {
    let mut out = String::with_capacity(template.len() + 16);
    let (mut next, mut rest) = (0, template);
    while let Some(i) = rest.find('{') {
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
        self.text.states[match s {
            State::Active => 0,
            State::Inactive => 1,
            State::InsufficientData => 2,
            State::Invalid => 3,
            State::Unscored => 4,
        }]
    }
    /// An evidence phrase's template (its `{}` filled by [`fill`] in the phrase's order).
    pub fn evidence(&self, p: Phrase) -> &'static str {
        self.text.evidence[p as usize]
    }
    /// A rating label in words; `None`: not enough data.
    pub fn rating(&self, l: Option<Label>) -> &'static str {
        match l {
            Some(Label::StrongSell) => self.text.ratings[0],
            Some(Label::Sell) => self.text.ratings[1],
            Some(Label::Neutral) => self.text.ratings[2],
            Some(Label::Buy) => self.text.ratings[3],
            Some(Label::StrongBuy) => self.text.ratings[4],
            None => self.text.not_enough_data,
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
    pub market_data: &'static str,
    pub charts: &'static str,
    pub technical_rating: &'static str,
    pub key_drivers: &'static str,
    pub market_signals: &'static str,
    pub regimes_title: &'static str,
    pub influencers: &'static str,
    pub key_persons: &'static str,
    pub market_impacts: &'static str,
    pub price_and_volume: &'static str,
    pub funding_rate: &'static str,
    pub open_interest: &'static str,
    pub price: &'static str,
    /// {asset name}
    pub most_influential: &'static str,
    // Empty lists.
    pub no_persons: &'static str,
    pub no_drivers: &'static str,
    pub no_signals: &'static str,
    pub no_regimes: &'static str,
    pub no_influencers: &'static str,
    pub no_drivers_match: &'static str,
    pub no_candles_source: &'static str,
    pub no_candles_to_rate: &'static str,
    pub no_market_chart: &'static str,
    pub no_funding_chart: &'static str,
    // Market panel.
    /// {signed percent}
    pub change_24h: &'static str,
    pub change_24h_none: &'static str,
    /// {time}
    pub as_of: &'static str,
    /// {time}
    pub data_as_of: &'static str,
    // Rating.
    pub not_enough_data: &'static str,
    /// Strong sell, sell, neutral, buy, strong buy.
    pub ratings: [&'static str; 5],
    pub moving_averages: &'static str,
    pub oscillators: &'static str,
    /// {source}
    pub source: &'static str,
    /// {count}
    pub all_votes: &'static str,
    pub indicator: &'static str,
    pub value: &'static str,
    pub vote: &'static str,
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
    /// Active, inactive, insufficient data, invalid rule, not scored.
    pub states: [&'static str; 5],
    /// {direction} {state}: "bullish active".
    pub direction_state: &'static str,
    /// {state} {strength}
    pub strength: &'static str,
    /// {timeframe}
    pub timeframe: &'static str,
    /// {direction}
    pub observed_direction: &'static str,
    /// {count}
    pub points: &'static str,
    /// {time}
    pub to_time: &'static str,
    /// {time}
    pub at_time: &'static str,
    pub met: &'static str,
    pub not_met: &'static str,
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
    // Charts, as a screen reader hears them.
    /// {symbol} {count} {interval} {from} {to} {last close}
    pub price_caption: &'static str,
    /// {symbol} {count} {from} {to} {last}
    pub funding_caption: &'static str,
    /// {count} {since}
    pub negative_run: &'static str,
    /// {count} {from} {to}
    pub negative_streak: &'static str,
    pub no_negative: &'static str,
    pub synthetic_sentence: &'static str,
    /// {error}
    pub not_drawn: &'static str,
    /// {side} {level} {time} {volume ratio}
    pub breakout: &'static str,
    pub above: &'static str,
    pub below: &'static str,
    pub no_breakout: &'static str,
    pub no_retest: &'static str,
    /// {time} {volume} {held}
    pub retest: &'static str,
    pub lower_volume: &'static str,
    pub higher_volume: &'static str,
    pub level_held: &'static str,
    pub level_lost: &'static str,
    /// {what} {first} {last} {change}
    pub sparkline: &'static str,
    /// {symbol} {count}: "FLUX close, last 48 points".
    pub sparkline_close: &'static str,
    /// {symbol} {count}
    pub sparkline_value: &'static str,
    pub synthetic_suffix: &'static str,
    // A chart's data, for keyboard and screen-reader readers.
    /// {level}: the label on the breakout level's line.
    pub breakout_mark: &'static str,
    pub show_data: &'static str,
    /// Said after a focusable chart's description.
    pub chart_keys: &'static str,
    /// {n} {count}
    pub point_of: &'static str,
    pub col_time: &'static str,
    pub col_open: &'static str,
    pub col_high: &'static str,
    pub col_low: &'static str,
    pub col_close: &'static str,
    pub col_volume: &'static str,
    pub col_rate: &'static str,
    pub col_value: &'static str,
    /// Evidence, one template per `signals::Phrase` in its order; each `{}` as that phrase's
    /// comment says.
    pub evidence: [&'static str; 24],
    /// Why the current regime is unknown: no `current` and no rules; no rule holds; no data.
    pub regime_not_given: &'static str,
    pub regime_no_rule_holds: &'static str,
    pub regime_no_data: &'static str,
    // The rating's interval tabs and summary row.
    pub interval: &'static str,
    pub by_interval: &'static str,
    /// Beside an interval the summary asks for and the sources do not serve.
    pub not_offered: &'static str,
}

#[cfg(test)]
mod tests;
