//! The words only heavy bodies show (the asset card, the charts, the rating, the signal badges),
//! in tables apart from [`Texts`](super::Texts). English's are reached only through
//! [`Locale::card_words`], [`Locale::chart_words`], [`Locale::rating_words`] and
//! [`Locale::signal_words`], which only those bodies call, so the split build moves them into
//! those bodies' chunks and a page of light widgets never receives them (README, "Where the
//! bytes went").
//!
//! [`Locale::card_words`]: super::Locale::card_words
//! [`Locale::chart_words`]: super::Locale::chart_words
//! [`Locale::rating_words`]: super::Locale::rating_words
//! [`Locale::signal_words`]: super::Locale::signal_words

/// A language's tables of the heavy bodies' words. English's [`Locale`](super::Locale) holds
/// `None`: its tables are named only by the accessors (see the module's comment).
#[derive(Debug)]
pub struct Bodies {
    pub card: &'static CardTexts,
    pub charts: &'static ChartTexts,
    pub rating: &'static RatingTexts,
    pub signals: &'static SignalTexts,
}

/// The words of the asset card's sections.
#[derive(Debug)]
pub struct CardTexts {
    pub market_data: &'static str,
    pub charts: &'static str,
    pub influencers: &'static str,
    pub key_persons: &'static str,
    pub market_impacts: &'static str,
    /// {asset name}
    pub most_influential: &'static str,
    pub no_persons: &'static str,
    pub no_influencers: &'static str,
    pub open_interest: &'static str,
}

/// The words of the price, funding and sparkline charts, and their data tables.
#[derive(Debug)]
pub struct ChartTexts {
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
    // Empty states.
    pub no_market_chart: &'static str,
    pub no_funding_chart: &'static str,
}

/// The words of the technical rating, its interval tabs and the market panel.
#[derive(Debug)]
pub struct RatingTexts {
    // Rating.
    pub not_enough_data: &'static str,
    /// Strong sell, sell, neutral, buy, strong buy.
    pub ratings: [&'static str; 5],
    pub moving_averages: &'static str,
    pub oscillators: &'static str,
    /// {count}
    pub all_votes: &'static str,
    pub indicator: &'static str,
    pub value: &'static str,
    pub vote: &'static str,
    // The rating's interval tabs and summary row.
    pub interval: &'static str,
    pub by_interval: &'static str,
    /// Beside an interval the summary asks for and the sources do not serve.
    pub not_offered: &'static str,
    // Empty states.
    pub no_candles_source: &'static str,
    pub no_candles_to_rate: &'static str,
    // The market panel (the rating's and the card's).
    /// {signed percent}
    pub change_24h: &'static str,
    pub change_24h_none: &'static str,
    /// {time}
    pub as_of: &'static str,
}

/// The words of the signal badges and their evidence.
#[derive(Debug)]
pub struct SignalTexts {
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
    /// Evidence, one template per `signals::Phrase` in its order; each `{}` as that phrase's
    /// comment says.
    pub evidence: [&'static str; 24],
}
