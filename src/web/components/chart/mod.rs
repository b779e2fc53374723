//! Charts drawn with plotters into canvases the components own: price with volume and the
//! breakout/retest marks, funding with the negative streak, and a sparkline. Each has a text
//! alternative that states what it shows.

mod canvas;
mod figure;
mod funding_chart;
mod loader;
mod price_chart;
mod sparkline;

pub use barfinex_charts::{ChartError, Palette, Style};
pub use canvas::{ChartCanvas, DrawCtx};
pub use figure::ChartFigure;
pub use funding_chart::FundingChartView;
pub use loader::{FundingChart, PriceChart, SparklineChart};
pub use price_chart::PriceChartView;
pub use sparkline::Sparkline;

use barfinex_core::model::{AssetProfile, SeriesSource};
use barfinex_core::signals::{parse_rule, BreakoutParams};

/// The profile's source for series `name`.
pub fn source(p: &AssetProfile, name: &str) -> Option<SeriesSource> {
    p.sources.iter().find(|s| s.series == name).cloned()
}

/// The parameters of the profile's first breakout rule, for the price chart's marks.
pub fn breakout_params(p: &AssetProfile) -> Option<BreakoutParams> {
    p.signals
        .iter()
        .filter_map(|s| parse_rule(s.rule.as_ref()?, "rule").ok())
        .find_map(|r| BreakoutParams::from_rule(&r.rule))
}
