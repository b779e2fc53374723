//! The asset card and the parts only it shows: the market panel, the series list, influencers.

mod asset_card;
mod influencer_list;
mod market_panel;
mod series_list;

pub use asset_card::{
    AssetCard, AssetCardProps, AssetCardView, AssetCardViewProps, CardFrame, CardFrameProps,
};
pub use influencer_list::InfluencerList;
pub use market_panel::MarketPanel;
pub use series_list::SeriesList;
