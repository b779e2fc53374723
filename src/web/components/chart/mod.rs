//! Charts drawn by `barfinex_charts` on canvases the components own (through [`CanvasSurface`]): price with volume and the
//! breakout/retest marks, funding with the negative streak, and a sparkline. Each has a text
//! alternative that states what it shows.

mod canvas;
mod data;
mod figure;
mod funding_chart;
mod price_chart;
mod series_view;
mod sparkline;
mod surface;
mod text;

pub use barfinex_charts::{ChartError, Palette, Style};
pub use canvas::{ChartCanvas, DrawCtx};
pub use data::{ChartData, DataTable};
pub use figure::ChartFigure;
pub use funding_chart::{FundingChart, FundingChartView};
pub use price_chart::{PriceChart, PriceChartView};
pub use sparkline::{Sparkline, SparklineChart};
pub use surface::CanvasSurface;
