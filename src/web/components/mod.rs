//! Leptos components. One file per component, its CSS beside it; the card composes the others,
//! so the card and the standalone widgets never diverge.

mod asset_card;
mod badge;
mod chart;
mod collapsible_text;
mod current_regime;
mod driver_list;
mod influencer_list;
mod live_signals;
mod market_panel;
mod notice;
mod rating_dial;
mod regime_list;
mod regime_matrix;
mod section;
mod series_list;
mod signal_badges;
mod state;
mod technical_rating;
mod widget_shell;

pub use asset_card::{AssetCard, AssetCardProps, AssetCardView, AssetCardViewProps};
pub use badge::Badge;
pub use chart::{
    ChartCanvas, ChartError, ChartFigure, DrawCtx, FundingChart, FundingChartView, Palette,
    PriceChart, PriceChartView, Sparkline, SparklineChart, Style,
};
pub use collapsible_text::CollapsibleText;
pub use current_regime::{use_current_regime, CurrentRegimeLine, RegimeNow};
pub use driver_list::DriverList;
pub use influencer_list::InfluencerList;
pub use live_signals::LiveSignals;
pub use market_panel::MarketPanel;
pub use notice::NoticeView;
pub use rating_dial::RatingDial;
pub use regime_list::RegimeList;
pub use regime_matrix::RegimeMatrix;
pub use section::Section;
pub use series_list::SeriesList;
pub use signal_badges::SignalBadges;
pub use state::{ErrorState, LoadingState};
pub use technical_rating::{SeriesMeta, TechnicalRatingPanel, TechnicalRatingView};
pub use widget_shell::WidgetShell;

/// Every component's CSS, in one string, for a shadow root's adopted stylesheet.
pub(crate) const COMPONENT_CSS: &str = concat!(
    include_str!("asset_card.css"),
    include_str!("badge.css"),
    include_str!("chart/chart.css"),
    include_str!("collapsible_text.css"),
    include_str!("driver_list.css"),
    include_str!("influencer_list.css"),
    include_str!("market_panel.css"),
    include_str!("notice.css"),
    include_str!("regime_list.css"),
    include_str!("regime_matrix.css"),
    include_str!("section.css"),
    include_str!("series_list.css"),
    include_str!("signal_badges.css"),
    include_str!("state.css"),
    include_str!("technical_rating.css"),
    include_str!("widget_shell.css"),
);

/// A per-page unique id for `aria-controls` / `aria-labelledby` pairs.
pub(crate) fn next_id(prefix: &str) -> String {
    use std::cell::Cell;
    thread_local!(static NEXT: Cell<u32> = const { Cell::new(0) });
    let n = NEXT.with(|c| {
        c.set(c.get().wrapping_add(1));
        c.get()
    });
    format!("bfx-{prefix}-{n}")
}
