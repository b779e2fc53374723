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

/// The CSS of what any page may show first: the primitives (the sections' in [`RATING_CSS`]),
/// the frames and their states, the driver list and the regime matrix's current regime line.
/// The page's shared sheet starts with it (`web::styles`).
pub(crate) const COMPONENT_CSS: &str = concat!(
    include_str!("primitives/badge.css"),
    include_str!("card/card_frame.css"),
    include_str!("primitives/collapsible_text.css"),
    include_str!("drivers/driver_list.css"),
    include_str!("primitives/notice.css"),
    include_str!("regimes/current_regime.css"),
    include_str!("primitives/empty.css"),
    include_str!("primitives/state.css"),
    include_str!("primitives/widget_shell.css"),
);

// The CSS of the bodies drawn from the split build's chunks (`web/chunks.rs`), a constant per
// part: each is added to the page's sheet when a chunk that draws it first builds a body
// (`web::styles::add`), so its text travels in that chunk and a page without such a widget
// never receives it. No rule of one part selects another's classes, so the order in which the
// parts arrive does not change what wins.

/// The asset card's own content.
pub(crate) const CARD_CSS: &str = concat!(
    include_str!("card/asset_card.css"),
    include_str!("card/influencer_list.css"),
    include_str!("card/series_list.css"),
);

/// The market panel (the card's, and the rating's without candles).
pub(crate) const MARKET_CSS: &str = include_str!("card/market_panel.css");

/// The technical rating and its interval tabs, and the sections they and the card's content are
/// laid out in (both add this part).
pub(crate) const RATING_CSS: &str = concat!(
    include_str!("primitives/section.css"),
    include_str!("rating/technical_rating.css"),
    include_str!("rating/interval_rating.css"),
);

/// The charts and the sparkline.
pub(crate) const CHART_CSS: &str = include_str!("chart/chart.css");

/// The signal badges and their evidence.
pub(crate) const SIGNALS_CSS: &str = include_str!("signals/signal_badges.css");

/// The regime views drawn from chunks: the list of regimes (the card's, and the regime matrix's
/// for one profile) and the regime matrix's table.
pub(crate) const REGIMES_CSS: &str = concat!(
    include_str!("regimes/regime_list.css"),
    include_str!("regimes/regime_matrix.css"),
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
