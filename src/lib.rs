//! # Barfinex Widgets
//!
//! Embeddable research widgets for crypto assets: Leptos components compiled to WebAssembly.
//!
//! * re-exported from the pure `barfinex-core` crate: [`model`] (the asset profile format),
//!   [`series`], [`indicators`] (TA-Lib conventions), [`rating`] (TradingView's technical
//!   rating), [`signals`] (rules as data, scoring, regimes), [`sources`] (parsers);
//! * [`web`]: fetching, the Leptos components and the embedding API (`mount`, custom elements).
//!
//! Leptos users render a component directly:
//!
//! ```no_run
//! use leptos::prelude::*;
//! use barfinex_widgets::web::components::AssetCard;
//!
//! leptos::mount::mount_to_body(|| view! { <AssetCard src="/www/data/flux.json"/> });
//! ```
//!
//! Everyone else uses `<bfx-asset-card src="…">` or the npm package's `mount()`.

// Leptos's view types nest deeply: an app that renders these components (server rendering
// especially) would otherwise hit "queries overflow the depth limit" in this crate, which only
// the crate itself can raise.
#![recursion_limit = "256"]

pub use barfinex_core::{format, indicators, model, rating, series, signals, sources};

pub mod web;

#[cfg(all(
    feature = "allocator",
    target_family = "wasm",
    not(target_feature = "atomics")
))]
mod allocator;
