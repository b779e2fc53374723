//! The technical rating: the panel, its view, the dial and the interval tabs.

mod interval_rating;
mod rating_dial;
mod technical_rating;

pub use interval_rating::{IntervalRating, SummaryIntervals};
pub use rating_dial::RatingDial;
pub use technical_rating::{SeriesMeta, TechnicalRatingPanel, TechnicalRatingView};
