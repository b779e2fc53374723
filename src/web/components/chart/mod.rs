//! Charts drawn with plotters into canvases the components own: price with volume and the
//! breakout/retest marks, funding with the negative streak, and a sparkline. Each has a text
//! alternative that states what it shows.

mod canvas;
mod funding_chart;
mod loader;
mod price_chart;
mod sparkline;

pub use canvas::{ChartCanvas, DrawCtx, Palette};
pub use funding_chart::FundingChartView;
pub use loader::{FundingChart, PriceChart, SparklineChart};
pub use price_chart::PriceChartView;
pub use sparkline::Sparkline;
