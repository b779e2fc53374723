//! Leptos components, grouped by feature (`primitives/`, `card/`, `drivers/`, `regimes/`,
//! `signals/`, `rating/`, `chart/`). One file per component, its CSS beside it and styling only
//! it; the card composes the others, so the card and the standalone widgets never diverge.
//! Market data is loaded under the widget's [`crate::web::context::MarketContext`].

mod card;
mod chart;
mod drivers;
mod effect;
mod primitives;
mod rating;
mod regimes;
mod signals;
mod use_series;

pub use card::{
    AssetCard, AssetCardProps, AssetCardView, AssetCardViewProps, CardFrame, CardFrameProps,
};
pub use card::{InfluencerList, MarketPanel, SeriesList};
pub use chart::{
    CanvasSurface, ChartCanvas, ChartData, ChartError, ChartFigure, DataTable, DrawCtx,
    FundingChart, FundingChartView, Palette, PriceChart, PriceChartView, Sparkline, SparklineChart,
    Style,
};
pub use drivers::DriverList;
pub(crate) use effect::effect;
pub(crate) use primitives::Packed;
pub use primitives::{
    aria_level, below, Badge, BodyPending, CollapsibleText, Empty, ErrorState, Failed,
    HeadingLevel, LazyBody, LazyView, LoadingState, NoticeView, ProfileLang, RetryIn, Section,
    TechnicalDetails, Tone, WidgetShell,
};
pub use rating::{
    IntervalRating, RatingDial, SeriesMeta, SummaryIntervals, TechnicalRatingPanel,
    TechnicalRatingView,
};
pub use regimes::{
    use_current_regime, CurrentRegimeLine, NoRegime, RegimeList, RegimeMatrix, RegimeNow,
};
pub use signals::{LiveSignals, SignalBadges};
pub use use_series::use_series;

/// Every component's CSS, in one string, for a shadow root's adopted stylesheet.
pub(crate) const COMPONENT_CSS: &str = concat!(
    include_str!("card/asset_card.css"),
    include_str!("primitives/badge.css"),
    include_str!("chart/chart.css"),
    include_str!("primitives/collapsible_text.css"),
    include_str!("drivers/driver_list.css"),
    include_str!("card/influencer_list.css"),
    include_str!("card/market_panel.css"),
    include_str!("primitives/notice.css"),
    include_str!("regimes/regime_list.css"),
    include_str!("regimes/regime_matrix.css"),
    include_str!("primitives/section.css"),
    include_str!("primitives/empty.css"),
    include_str!("card/series_list.css"),
    include_str!("signals/signal_badges.css"),
    include_str!("primitives/state.css"),
    include_str!("rating/technical_rating.css"),
    include_str!("rating/interval_rating.css"),
    include_str!("primitives/widget_shell.css"),
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
