//! The split build's chunks: what only the heavy widgets draw (the asset card, the technical
//! rating, the price and funding charts) is reached through these functions, so
//! `scripts/build-pkg.sh` (wasm-split) moves it into `.wasm` files of its own, fetched when a
//! widget first wants one. A page of light widgets (driver list, regime matrix, sparkline,
//! signal badges) never fetches them. Natively, and in a Leptos app, each is a plain call.
//!
//! Each widget's chunk is asked for as soon as the widget is mounted (`preload`), beside its
//! profile, not after it. A chunk that fails to load is an error in the widgets that need it
//! (`LazyBody`), and the next one that wants it tries again.

use super::components::{
    AssetCardView, FundingChart, LazyView, MarketPanel, PriceChart, TechnicalRatingPanel,
};
use super::load::Profile;
use super::reader::use_reader;
use leptos::prelude::*;
use std::rc::Rc;
use wasm_split_helpers::{wasm_split, SplitLoaderError};

/// A heavy widget's body, by the chunk that draws it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Heavy {
    Card,
    Rating,
    Price,
    Funding,
}

impl Heavy {
    /// Starts fetching this body's chunk, if it is not in yet.
    pub fn preload(self) {
        leptos::task::spawn_local(async move {
            // A failure is not kept: the body's own load tries again and shows it.
            let _ = match self {
                Heavy::Card => preload_card().await,
                Heavy::Rating => preload_rating().await,
                Heavy::Price => preload_price().await,
                Heavy::Funding => preload_funding().await,
            };
        });
    }

    /// The body for profile `p`, once its chunk is in. `candles`: the element's candles
    /// document, for the card and the rating.
    pub fn body(self, p: Rc<Profile>, candles: Option<String>) -> LazyView {
        Box::pin(async move {
            let built = match self {
                Heavy::Card => card(p, candles).await,
                Heavy::Rating => rating(p, candles).await,
                Heavy::Price => price(p).await,
                Heavy::Funding => funding(p).await,
            };
            built.map_err(|e| format!("{}: {e}", self.chunk()))
        })
    }

    /// The chunk's name, for developers' messages.
    fn chunk(self) -> &'static str {
        match self {
            Heavy::Card => "the asset card's code",
            Heavy::Rating => "the technical rating's code",
            Heavy::Price => "the price chart's code",
            Heavy::Funding => "the funding chart's code",
        }
    }
}

#[wasm_split(card, fallible, preload(preload_card))]
fn card(p: Rc<Profile>, candles: Option<String>) -> Result<AnyView, SplitLoaderError> {
    Ok(view! { <AssetCardView profile=p candles=candles/> }.into_any())
}

#[wasm_split(rating, fallible, preload(preload_rating))]
fn rating(p: Rc<Profile>, candles: Option<String>) -> Result<AnyView, SplitLoaderError> {
    let t = use_reader().t();
    Ok(
        match (candles, p.sources.iter().find(|s| s.series == "candles")) {
            (Some(url), _) => view! { <TechnicalRatingPanel candles=url/> }.into_any(),
            (None, Some(spec)) => view! { <MarketPanel spec=spec.clone()/> }.into_any(),
            (None, None) => view! { <p class="bfx-empty">{t.no_candles_source}</p> }.into_any(),
        },
    )
}

#[wasm_split(price, fallible, preload(preload_price))]
fn price(p: Rc<Profile>) -> Result<AnyView, SplitLoaderError> {
    Ok(view! {
        <PriceChart spec=p.source("candles") breakout=p.plan.breakout().map(|(_, b)| b)/>
    }
    .into_any())
}

#[wasm_split(funding, fallible, preload(preload_funding))]
fn funding(p: Rc<Profile>) -> Result<AnyView, SplitLoaderError> {
    Ok(view! { <FundingChart spec=p.source("funding")/> }.into_any())
}
