//! One market context per widget: where market data comes from, how often it refreshes, and
//! whether it is kept in `sessionStorage`. `mount` provides it once for each widget (a Leptos
//! app calls `provide_context`); every part that loads market data reads it with
//! [`use_market`], so no prop threads it by hand and no part can forget it.
//!
//! ```no_run
//! # use leptos::prelude::*;
//! use barfinex_widgets::web::context::MarketContext;
//! use barfinex_widgets::web::components::AssetCard;
//! provide_context(MarketContext { market: Some("https://proxy.example".into()), refresh: 60, persist: true });
//! view! { <AssetCard src="/data/flux.json"/> };
//! ```

use super::net::Policy;
use leptos::prelude::use_context;

/// Market-data settings shared by every part of one widget.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct MarketContext {
    /// Base URL of a server laid out like the local market-data server (`{market}/binance/…`),
    /// used for every source without a `base_url` of its own.
    pub market: Option<String>,
    /// Seconds between refreshes (0: off).
    pub refresh: u32,
    /// Keep fetched data in `sessionStorage`, so a reload within the tab starts from it.
    pub persist: bool,
}

impl MarketContext {
    /// The fetch policy: the defaults, with `persist`.
    pub fn policy(&self) -> Policy {
        Policy {
            persist: self.persist,
            ..Policy::default()
        }
    }
}

/// The widget's market context (the defaults when none was provided).
pub fn use_market() -> MarketContext {
    use_context::<MarketContext>().unwrap_or_default()
}
