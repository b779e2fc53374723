//! The split build's chunks: the bodies that draw market data (the asset card, the technical
//! rating, the price and funding charts, the sparkline, the signal badges with the rule engine)
//! are reached through these functions, so `scripts/build-pkg.sh` (wasm-split) moves their code
//! into `.wasm` files of its own, fetched when a widget first wants one. A driver list shows its
//! data from the main module alone (the regime matrix's body is `regimes/regime_matrix.rs`'s
//! split point). Natively, and in a Leptos app, each is a plain call.
//!
//! A heavy widget's chunk is asked for as soon as the widget is mounted (`preload`), beside its
//! profile, not after it. A light one's when its profile is in, beside the market data it asks
//! for then (`Wants`), so it never competes with the first light widget's module. A chunk that
//! fails to load is an error in the widgets that need it (`LazyBody`), and the next one that
//! wants it tries again.
//!
//! Each split function first adds its body's CSS to the page's sheet (`styles::add`), so that
//! text travels in the chunk too. A reader's table of words, when it is not English, is a chunk
//! of its own (`locale`): an English page never fetches another language's words.

use super::components::{
    AssetCardView, FundingChart, LazyView, LiveSignals, MarketPanel, PriceChart, SparklineChart,
    TechnicalRatingPanel,
};
use super::load::{preload_formats, Profile};
use super::reader::use_reader;
use super::styles;
use barfinex_core::locale::{has_own_table, pick, Locale, ENGLISH};
use leptos::prelude::*;
use std::future::Future;
use std::pin::Pin;
use std::rc::Rc;
use std::task::{Context, Poll, Waker};
use wasm_split_helpers::{wasm_split, SplitLoaderError};

/// A widget's body, by the chunk that draws it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Chunk {
    Card,
    Rating,
    Price,
    Funding,
    Sparkline,
    Signals,
}

impl Chunk {
    /// Starts fetching a heavy body's chunk, if it is not in yet. A light body's (the sparkline's,
    /// the badges') is asked for by its body, when its profile is in: asked for at mount, it would
    /// compete with the first light widget's module.
    pub fn preload(self) {
        // Each heavy body reads market data: the exchanges' formats travel beside its code.
        if !matches!(self, Chunk::Sparkline | Chunk::Signals) {
            preload_formats();
        }
        leptos::task::spawn_local(async move {
            // A failure is not kept: the body's own load tries again and shows it.
            let _ = match self {
                Chunk::Card => preload_card().await,
                Chunk::Rating => preload_rating().await,
                Chunk::Price => preload_price().await,
                Chunk::Funding => preload_funding().await,
                Chunk::Sparkline | Chunk::Signals => Ok(()),
            };
        });
    }

    /// The body for profile `p`, once its chunk is in. `candles`: the element's candles
    /// document, for the card and the rating.
    pub fn body(self, p: Rc<Profile>, candles: Option<String>) -> LazyView {
        Box::pin(async move {
            let built = match self {
                Chunk::Card => card(p, candles).await,
                Chunk::Rating => rating(p, candles).await,
                Chunk::Price => price(p).await,
                Chunk::Funding => funding(p).await,
                Chunk::Sparkline => sparkline(p).await,
                Chunk::Signals => signals(p).await,
            };
            built.map_err(|e| format!("{}: {e}", self.chunk()))
        })
    }

    /// The chunk's name, for developers' messages.
    fn chunk(self) -> &'static str {
        match self {
            Chunk::Card => "the asset card's code",
            Chunk::Rating => "the technical rating's code",
            Chunk::Price => "the price chart's code",
            Chunk::Funding => "the funding chart's code",
            Chunk::Sparkline => "the sparkline's code",
            Chunk::Signals => "the signal rules' code",
        }
    }
}

/// A reader's table of words still on its way, or why it did not come.
pub type LocaleLoad = Pin<Box<dyn Future<Output = Result<&'static Locale, String>>>>;

/// The table of words for a reader's `lang` tag: `Ok` at once when it is in the module
/// (English, and any language without a table of its own, which reads English) or was fetched
/// before; else the load to wait for.
pub fn locale(lang: &str) -> Result<&'static Locale, LocaleLoad> {
    if !has_own_table(lang) {
        return Ok(ENGLISH);
    }
    let lang = lang.to_owned();
    let mut load: LocaleLoad = Box::pin(async move {
        locale_table(lang.clone())
            .await
            .map_err(|e| format!("the words of {}: {e}", barfinex_core::format::quoted(&lang)))
    });
    // A chunk already in answers the first poll (scripts/split-loader.mjs).
    match load.as_mut().poll(&mut Context::from_waker(Waker::noop())) {
        Poll::Ready(Ok(table)) => Ok(table),
        Poll::Ready(Err(e)) => Err(Box::pin(std::future::ready(Err(e)))),
        Poll::Pending => Err(load),
    }
}

#[wasm_split(locale, fallible)]
fn locale_table(lang: String) -> Result<&'static Locale, SplitLoaderError> {
    Ok(pick(&lang))
}

#[wasm_split(card, fallible, preload(preload_card))]
fn card(p: Rc<Profile>, candles: Option<String>) -> Result<AnyView, SplitLoaderError> {
    styles::add(&[
        styles::card(),
        styles::market(),
        styles::rating(),
        styles::chart(),
        styles::signals(),
        styles::regimes(),
    ]);
    Ok(view! { <AssetCardView profile=p candles=candles/> }.into_any())
}

#[wasm_split(rating, fallible, preload(preload_rating))]
fn rating(p: Rc<Profile>, candles: Option<String>) -> Result<AnyView, SplitLoaderError> {
    styles::add(&[styles::rating(), styles::market()]);
    let w = use_reader().locale.rating_words();
    Ok(
        match (candles, p.sources.iter().find(|s| s.series == "candles")) {
            (Some(url), _) => view! { <TechnicalRatingPanel candles=url/> }.into_any(),
            (None, Some(spec)) => view! { <MarketPanel spec=spec.clone()/> }.into_any(),
            (None, None) => view! { <p class="bfx-empty">{w.no_candles_source}</p> }.into_any(),
        },
    )
}

#[wasm_split(charts, fallible, preload(preload_price))]
fn price(p: Rc<Profile>) -> Result<AnyView, SplitLoaderError> {
    styles::add(&[styles::chart()]);
    Ok(view! {
        <PriceChart spec=p.source("candles") breakout=p.plan().breakout().map(|(_, b)| b)/>
    }
    .into_any())
}

#[wasm_split(charts, fallible, preload(preload_funding))]
fn funding(p: Rc<Profile>) -> Result<AnyView, SplitLoaderError> {
    styles::add(&[styles::chart()]);
    Ok(view! { <FundingChart spec=p.source("funding")/> }.into_any())
}

#[wasm_split(sparkline, fallible)]
fn sparkline(p: Rc<Profile>) -> Result<AnyView, SplitLoaderError> {
    styles::add(&[styles::chart()]);
    Ok(view! { <SparklineChart spec=p.source("candles")/> }.into_any())
}

#[wasm_split(signals, fallible)]
fn signals(p: Rc<Profile>) -> Result<AnyView, SplitLoaderError> {
    styles::add(&[styles::signals()]);
    Ok(view! {
        <LiveSignals signals=p.signals.clone() plan=p.plan() sources=p.sources.clone()/>
    }
    .into_any())
}
