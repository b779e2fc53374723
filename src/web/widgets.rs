//! The widgets a page can embed by name (`<bfx-driver-list>` → `"driver-list"`), each built from
//! the same components the asset card composes, so the card and the standalone widgets never
//! diverge.

use super::chunks::{self, Chunk};
use super::components::{
    CardFrame, DriverList, ErrorState, HeadingLevel, LazyBody, RegimeMatrix, SummaryIntervals,
    WidgetShell,
};
use super::context::MarketContext;
use super::load::{Profile as Loaded, Wants};
use super::reader::{use_reader, Reader};
use super::registry::ELEMENTS;
use barfinex_core::format::{joined, quoted};
use barfinex_core::locale::Locale;
use barfinex_core::rating::Rules;
use leptos::prelude::*;
use std::rc::Rc;

/// A fetched profile, as the widgets' render callbacks get it.
type Profile = Rc<Loaded>;

/// The most profiles one regime matrix loads (each is a request from every reader).
pub const MAX_PROFILES: usize = 50;

/// Every widget name `mount` knows, in the order the docs list them (from the registry).
pub fn widget_names() -> impl Iterator<Item = &'static str> {
    ELEMENTS.iter().map(|e| e.widget)
}

/// What a widget is given, after `mount` has checked it.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct WidgetConfig {
    pub src: String,
    pub candles: Option<String>,
    pub market: Option<String>,
    pub refresh: u32,
    pub persist: bool,
    /// Driver list: `full` or `compact`.
    pub layout: Option<String>,
    /// Regime matrix: the current regime, when the page knows it.
    pub current: Option<String>,
    /// Regime matrix: URL of a regime-rules document.
    pub rules: Option<String>,
    /// Technical rating (its element and the card): the rule set.
    pub rating_rules: Rules,
    /// The level of the widget's title heading (1–6; `Default` gives 0, read as 2).
    pub heading_level: u8,
    /// The reader's language, a BCP 47 tag (`Default` gives "", read as English).
    pub locale: String,
    /// The time zone of the times shown; none: the reader's own.
    pub time_zone: Option<String>,
    /// Technical rating (its element and the card): the intervals of the summary row.
    pub intervals: Vec<barfinex_core::interval::Interval>,
}

/// The view for `widget`, or why there is none. Provides the widget's [`MarketContext`] (its
/// `market`, `refresh` and `persist`) and [`Reader`] to every part of it. A reader whose words
/// are in a chunk not yet fetched (`chunks::locale`) sees a wordless loading state until they
/// come, then the widget.
pub fn widget_view(widget: &str, c: WidgetConfig) -> Result<AnyView, String> {
    match chunks::locale(&c.locale) {
        Ok(table) => built(widget, table, c),
        Err(load) => {
            let widget = widget.to_owned();
            let body = Box::pin(async move {
                let table = load.await?;
                Ok(built(&widget, table, c)
                    .unwrap_or_else(|message| view! { <ErrorState message=message/> }.into_any()))
            });
            Ok(view! { <LazyBody body=body wordless=true/> }.into_any())
        }
    }
}

/// The view for `widget`, its reader (the words of `table`) and contexts provided.
fn built(widget: &str, table: &'static Locale, c: WidgetConfig) -> Result<AnyView, String> {
    provide_context(Reader::with(table, &c.locale, c.time_zone.as_deref()));
    provide_context(c.rating_rules);
    if !c.intervals.is_empty() {
        provide_context(SummaryIntervals(c.intervals.clone()));
    }
    if c.heading_level > 0 {
        provide_context(HeadingLevel(c.heading_level));
    }
    provide_context(MarketContext {
        market: c.market.clone(),
        refresh: c.refresh,
        persist: c.persist,
    });
    let WidgetConfig {
        src,
        candles,
        market: _,
        refresh: _,
        persist: _,
        layout,
        current,
        rules,
        rating_rules: _,
        heading_level: _,
        locale: _,
        time_zone: _,
        intervals: _,
    } = c;
    let t = use_reader().t();
    Ok(match widget {
        "asset-card" => {
            Chunk::Card.preload();
            let body = Callback::new(move |p: Profile| {
                view! { <LazyBody body=Chunk::Card.body(p, candles.clone()) reserve=Some("card")/> }.into_any()
            });
            view! { <CardFrame src=src body=body/> }.into_any()
        }
        "driver-list" => {
            let layout = match layout.as_deref() {
                None | Some("full") => "full",
                Some("compact") => "compact",
                Some(other) => return Err(format!("layout {}: expected \"full\" or \"compact\"", quoted(other))),
            };
            view! {
                <WidgetShell src=src title=t.key_drivers
                    render=move |p: Profile| view! { <DriverList drivers=p.drivers.clone() layout=layout/> }.into_any()/>
            }
            .into_any()
        }
        "regime-matrix" => {
            let sources: Vec<String> = src.split_ascii_whitespace().map(str::to_owned).collect();
            if sources.len() > MAX_PROFILES {
                return Err(format!(
                    "src lists {} profiles; the limit is {MAX_PROFILES}",
                    sources.len()
                ));
            }
            view! { <RegimeMatrix sources=sources current=current rules=rules/> }.into_any()
        }
        "signal-badges" => view! {
            <WidgetShell src=src title=t.market_signals wants=Wants::Signals
                render=move |p: Profile| view! {
                    <LazyBody body=Chunk::Signals.body(p, None)/>
                }.into_any()/>
        }
        .into_any(),
        "technical-rating" => {
            Chunk::Rating.preload();
            view! {
                <WidgetShell src=src title=t.technical_rating reserve=Some("rating-widget")
                    wants=if candles.is_some() { Wants::Nothing } else { Wants::Series("candles") }
                    render=move |p: Profile| {
                        let reserve = Some(if candles.is_some() { "rating" } else { "market-rated" });
                        view! { <LazyBody body=Chunk::Rating.body(p, candles.clone()) reserve=reserve/> }.into_any()
                    }/>
            }
            .into_any()
        }
        "price-chart" => {
            Chunk::Price.preload();
            view! {
                <WidgetShell src=src title=t.price_and_volume reserve=Some("price-widget") wants=Wants::Series("candles")
                    render=move |p: Profile| view! {
                        <LazyBody body=Chunk::Price.body(p, None) reserve=Some("price")/>
                    }.into_any()/>
            }
            .into_any()
        }
        "funding-chart" => {
            Chunk::Funding.preload();
            view! {
                <WidgetShell src=src title=t.funding_rate reserve=Some("funding-widget") wants=Wants::Series("funding")
                    render=move |p: Profile| view! {
                        <LazyBody body=Chunk::Funding.body(p, None) reserve=Some("funding")/>
                    }.into_any()/>
            }
            .into_any()
        }
        "sparkline" => view! {
            <WidgetShell src=src title=t.price disclaimer=false reserve=Some("sparkline-widget") wants=Wants::Series("candles")
                render=move |p: Profile| view! {
                    <LazyBody body=Chunk::Sparkline.body(p, None)/>
                }.into_any()/>
        }
        .into_any(),
        #[cfg(feature = "test-trap")]
        name if name.starts_with("test-") => return super::test_trap::widget(name),
        other => {
            return Err(format!(
                "unknown widget {} (known: {})",
                quoted(other),
                joined(&widget_names().map(|w| format!("\"{w}\"")).collect::<Vec<_>>(), ", ")
            ))
        }
    })
}
