//! The technical rating: the panel, its view and the dial.

mod rating_dial;
mod technical_rating;

pub use rating_dial::RatingDial;
pub use technical_rating::{SeriesMeta, TechnicalRatingPanel, TechnicalRatingView};
