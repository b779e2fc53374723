use super::technical_rating::{label_tone, outcome_view, rate, Failure, Outcome};
use crate::web::components::primitives::CollectAny;
use crate::web::components::use_series::series_resource;
use crate::web::components::{effect, next_id, Packed, Section, SeriesMeta};
use crate::web::context::use_market;
use crate::web::load::{chain_intervals, ErasedResource, LoadError, LoadedSeries};
use crate::web::net::{refresh_tick, Cancel, NextRefresh};
use crate::web::reader::use_reader;
use barfinex_core::interval::Interval;
use barfinex_core::model::SeriesSource;
use barfinex_core::rating::{Label, Rules};
use leptos::prelude::*;
use std::sync::{Arc, OnceLock};
use wasm_bindgen::JsCast;

/// The intervals a rating's summary row names (the element's `intervals`: `15m 1h 4h 1D`),
/// provided as context; none: no summary row.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct SummaryIntervals(pub Vec<Interval>);

/// A series as loaded, rated (`None`: still loading); run on each read rather than kept, since
/// the rating takes about 165 ns a bar in wasm (README, "Technical rating: speed"): 0.1 ms for
/// the 500 bars an exchange is asked for.
fn rated(loaded: Option<Result<LoadedSeries, LoadError>>, rules: Rules) -> Outcome {
    Some(loaded?.map_err(Failure::Load).and_then(|s| {
        let c = s.candles().map_err(Failure::Series)?;
        rate(c, rules, || SeriesMeta {
            symbol: s.symbol(),
            interval: s.endpoint.interval.clone().unwrap_or_else(|| "1h".into()),
            source: s.source_line(),
            synthetic: s.synthetic,
        })
    }))
}

/// One tab: its interval, and its own load (made the first time it is wanted) unless it is the
/// panel's interval.
struct Slot {
    iv: Interval,
    own: bool,
    /// Its load, once made; `made` says so reactively (a signal of the resource itself would be
    /// one more signal type).
    data: OnceLock<ErasedResource<Result<LoadedSeries, LoadError>>>,
    made: Packed<bool>,
    /// Bumped to fetch again: a refresh while it is shown, or a stale tab chosen. (Signal types
    /// the crate already uses, here and below: each new one costs the bundle its own code.)
    version: (ReadSignal<u32>, WriteSignal<u32>),
    /// A refresh passed while it was hidden: fetched again when shown.
    stale: Packed<bool>,
}

/// The tab of `iv` in the rating around `from` (an element inside it), looked up when a click or
/// a key needs it: a `NodeRef` per tab would bring its own signal type to the bundle. The nearest
/// ancestor holding a tab list is the rating's own (its section, a few levels up).
fn tab_near(from: &web_sys::Element, iv: Interval) -> Option<web_sys::HtmlElement> {
    let selector = format!(".bfx-intervals__tabs>[data-interval=\"{}\"]", iv.normal());
    let mut at = from.parent_element();
    for _ in 0..6 {
        let el = at?;
        if let Ok(Some(tab)) = el.query_selector(&selector) {
            return Some(tab.unchecked_into());
        }
        at = el.parent_element();
    }
    None
}

/// The technical rating of a profile's candles on every interval its source chain serves: a
/// tab per interval (TradingView's 1m … 1M that every source offers, and the profile's own),
/// each loaded through the same chain the first time it is chosen and rated in the browser;
/// choosing it again shows what was loaded, and a refresh reloads only what is shown. With
/// [`SummaryIntervals`] in context, a row with the rating of each of those intervals, each
/// choosing its tab. A chain with a source that takes no interval (a candles document,
/// CoinGecko) shows the panel's interval alone.
///
/// ```no_run
/// # use leptos::prelude::*; use barfinex_widgets::web::components::{use_series, IntervalRating};
/// # fn demo(spec: barfinex_core::model::SeriesSource) -> impl IntoView {
/// let base = use_series(spec.clone());
/// view! { <IntervalRating spec=spec base=base rules=Default::default()/> }
/// # }
/// ```
#[component]
pub fn IntervalRating(
    /// The profile's `candles` source: its chain decides the tabs.
    spec: SeriesSource,
    /// That series at its own interval, as the market panel loaded it.
    base: ErasedResource<Result<LoadedSeries, LoadError>>,
    /// The rule set.
    rules: Rules,
) -> impl IntoView {
    let r = use_reader();
    let (t, w) = (r.t(), r.locale.rating_words());
    let ctx = use_market();
    let cancel = Cancel::for_this_owner();
    let tick = refresh_tick(ctx.refresh);
    let retry = use_context::<NextRefresh>();
    let own = spec.endpoints().first().and_then(|e| e.interval().ok());
    let tabs = chain_intervals(&spec);
    let summary = use_context::<SummaryIntervals>().unwrap_or_default().0;
    let shown = move |o: Outcome| outcome_view(o, retry);
    // One interval or none to choose from: the rating alone, as before tabs.
    let first = own.filter(|iv| tabs.contains(iv)).or(tabs.first().copied());
    let Some(first) = first.filter(|_| tabs.len() > 1) else {
        return view! { <Section title=t.technical_rating>{move || shown(rated(base.get(), rules))}</Section> }
            .into_any();
    };

    let slots: Arc<[Slot]> = tabs
        .iter()
        .map(|&iv| Slot {
            iv,
            own: Some(iv) == own,
            data: OnceLock::new(),
            made: Packed::new(false),
            version: signal(0),
            stale: Packed::new(false),
        })
        .collect();
    // Starts a slot's load the first time it is wanted, in this component's owner (a click
    // handler has none), so it is cancelled with the widget.
    let owner = Owner::current();
    let want = {
        let spec = spec.clone();
        move |s: &Slot| {
            if s.own || s.data.get().is_some() {
                return;
            }
            let (spec, cancel, version) = (
                spec.at_interval(&s.iv.to_string()),
                cancel.clone(),
                s.version.0,
            );
            let load = move || series_resource(spec, cancel, version);
            let r = match &owner {
                Some(o) => o.with(load),
                None => load(),
            };
            let _ = s.data.set(r);
            s.made.set(true);
        }
    };
    let outcome = {
        let slots = Arc::clone(&slots);
        move |iv: Interval| {
            let loaded = match slots.iter().find(|s| s.iv == iv) {
                Some(s) if !s.own => s.made.get().then(|| s.data.get()?.get()).flatten(),
                _ => base.get(),
            };
            rated(loaded, rules)
        }
    };
    let id = next_id("interval");
    let panel = format!("{id}-panel");
    let tab_id = move |iv: Interval| format!("{id}-{}", iv.normal());
    // The chosen tab's index.
    let selected = Packed::new(tabs.iter().position(|&iv| iv == first));
    let chosen = {
        let slots = Arc::clone(&slots);
        move || {
            selected
                .get()
                .and_then(|i| slots.get(i))
                .map_or(first, |s| s.iv)
        }
    };
    // Chooses a tab: loads it if never loaded, again if a refresh passed while hidden; the tabs'
    // `aria-selected` and roving `tabindex` are set here, not by a reactive attribute per tab.
    let select = {
        let (slots, want) = (Arc::clone(&slots), want.clone());
        move |iv: Interval, from: &web_sys::Element| {
            for s in slots.iter() {
                let on = s.iv == iv;
                if on {
                    want(s);
                    if s.stale.get_untracked() {
                        s.stale.set(false);
                        s.version.1.update(|v| *v += 1);
                    }
                }
                if let Some(b) = tab_near(from, s.iv) {
                    let _ = b.set_attribute("aria-selected", if on { "true" } else { "false" });
                    let _ = b.set_attribute("tabindex", if on { "0" } else { "-1" });
                }
            }
            selected.set(slots.iter().position(|s| s.iv == iv));
        }
    };
    // The summary's intervals are shown from the start.
    for s in slots.iter().filter(|s| summary.contains(&s.iv)) {
        want(s);
    }
    // A refresh reloads what is shown (the chosen tab, the summary's); the rest on its next visit.
    {
        let (slots, summary) = (Arc::clone(&slots), summary.clone());
        effect(move || {
            if tick.get() == 0 {
                return;
            }
            let chosen = selected.get_untracked();
            for (i, s) in slots.iter().enumerate() {
                if s.data.get().is_none() {
                    continue;
                }
                if Some(i) == chosen || summary.contains(&s.iv) {
                    s.version.1.update(|v| *v += 1);
                } else {
                    s.stale.set(true);
                }
            }
        });
    }
    // Arrow keys, Home and End move the focus between tabs; Enter or Space chooses one (manual
    // activation: each choice may be a request, so passing over a tab fetches nothing).
    let on_key = {
        let slots = Arc::clone(&slots);
        move |ev: leptos::ev::KeyboardEvent| {
            let n = slots.len();
            let target = event_target::<web_sys::Element>(&ev);
            let on = target.get_attribute("data-interval");
            let at = |s: &Slot| on.as_deref() == Some(&*s.iv.normal().to_string());
            let Some(i) = slots.iter().position(at) else {
                return;
            };
            let j = match ev.key().as_str() {
                "ArrowRight" | "ArrowDown" => (i + 1) % n,
                "ArrowLeft" | "ArrowUp" => (i + n - 1) % n,
                "Home" => 0,
                "End" => n - 1,
                _ => return,
            };
            ev.prevent_default();
            if let Some(b) = slots.get(j).and_then(|s| tab_near(&target, s.iv)) {
                let _ = b.focus();
            }
        }
    };
    let locale = use_reader().locale;
    let summary_row = (!summary.is_empty()).then(|| {
        let rows = summary
            .iter()
            .map(|&iv| {
                let name = iv.label();
                if !slots.iter().any(|s| s.iv == iv) {
                    return view! {
                        <li class="bfx-intervals__pick bfx-intervals__pick--none" data-interval=iv.normal().to_string()>
                            <span class="bfx-intervals__name">{name}</span>
                            <span class="bfx-intervals__label">{w.not_offered}</span>
                        </li>
                    }
                    .into_any();
                }
                let (outcome, select) = (outcome.clone(), select.clone());
                // The reader's word; `data-label` the rule set's English label, for scripts.
                let label = move || {
                    let (said, label, tone) = match outcome(iv) {
                        None => ("…", "loading", "neutral"),
                        Some(Err(_)) => (t.unavailable, "unavailable", "neutral"),
                        Some(Ok(r)) => {
                            let l = r.detail.and_then(|d| d.label);
                            (locale.rating(l), l.map_or("Not enough data", Label::as_str), label_tone(l).as_str())
                        }
                    };
                    view! { <span class=format!("bfx-intervals__label bfx-rating__label--{tone}") data-label=label>{said}</span> }
                        .into_any()
                };
                view! {
                    <li>
                        <button type="button" class="bfx-intervals__pick" data-interval=iv.normal().to_string()
                            aria-controls=panel.clone()
                            on:click=move |ev| {
                                let pick = event_target::<web_sys::Element>(&ev);
                                select(iv, &pick);
                                if let Some(b) = tab_near(&pick, iv) {
                                    let _ = b.focus();
                                }
                            }>
                            <span class="bfx-intervals__name">{name}</span>
                            {label}
                        </button>
                    </li>
                }
                .into_any()
            })
            .collect_any();
        view! { <ul part="interval-summary" class="bfx-intervals__summary" aria-label=w.by_interval>{rows}</ul> }
    });
    let tab_buttons = slots
        .iter()
        .map(|s| {
            let (iv, select) = (s.iv, select.clone());
            let on = iv == first;
            view! {
                <button type="button" role="tab" id=tab_id(iv) class="bfx-intervals__tab"
                    data-interval=iv.normal().to_string() aria-controls=panel.clone()
                    aria-selected=if on { "true" } else { "false" } tabindex=if on { "0" } else { "-1" }
                    on:click=move |ev| select(iv, &event_target::<web_sys::Element>(&ev))>
                    {iv.label()}
                </button>
            }
        })
        .collect_any();
    // The panel is drawn whole for the chosen tab: its label and its rating change together.
    let tab_panel = move || {
        let iv = chosen();
        view! {
            <div role="tabpanel" id=panel.clone() aria-labelledby=tab_id(iv) class="bfx-intervals__panel"
                data-interval=iv.normal().to_string()>
                {shown(outcome(iv))}
            </div>
        }
        .into_any()
    };
    view! {
        <Section title=t.technical_rating>
            {summary_row}
            <div role="tablist" part="interval-tabs" class="bfx-intervals__tabs" aria-label=w.interval on:keydown=on_key>
                {tab_buttons}
            </div>
            {tab_panel}
        </Section>
    }
    .into_any()
}
