use crate::web::components::primitives::CollectAny;
use crate::web::components::{
    effect, Badge, Empty, ErrorState, Failed, LoadingState, Packed, RatingDial, Tone,
};
use crate::web::context::use_market;
use crate::web::events::use_events;
use crate::web::load::{fetch_candles, ErasedResource, LoadError};
use crate::web::net::{refresh_tick, Cancel, NextRefresh};
use crate::web::reader::use_reader;
use barfinex_core::locale::fill;
use barfinex_core::rating::{technical_rating, Group, GroupScore, Label, RatingDetail, Rules};
use barfinex_core::series::Candles;
use leptos::prelude::*;

/// What a rating was computed from, as shown beside it.
#[derive(Clone, Debug, PartialEq)]
pub struct SeriesMeta {
    pub symbol: String,
    pub interval: String,
    /// Where the numbers come from, in words (a source name and URL, or a document's note).
    pub source: String,
    pub synthetic: bool,
}

/// The technical rating of a candles series, fetched and computed in the browser: the label,
/// the score on a −1…+1 gauge, both groups' Buy/Neutral/Sell counts, and every vote on demand.
/// Synthetic series are marked as such. The document is loaded under the widget's market
/// context (refreshed every `refresh` seconds, kept with `persist`).
///
/// ```no_run
/// # use leptos::prelude::*; use barfinex_widgets::web::components::TechnicalRatingPanel;
/// view! { <TechnicalRatingPanel candles="/www/data/flux-1d.synthetic.json"/> };
/// ```
#[component]
pub fn TechnicalRatingPanel(
    /// URL of a candles document (see `barfinex_core::sources::parse_candles_json`).
    #[prop(into)]
    candles: String,
    /// The rule set; by default the one provided as context (the element's `rating-rules`),
    /// else `tradingview`.
    #[prop(optional)]
    rules: Option<Rules>,
) -> impl IntoView {
    let rules = rules.or_else(use_context::<Rules>).unwrap_or_default();
    let ctx = use_market();
    let policy = ctx.policy();
    let cancel = Cancel::for_this_owner();
    let tick = refresh_tick(ctx.refresh);
    let retry = use_context::<NextRefresh>();
    let data = ErasedResource::new(move || {
        let (src, policy, signal, n) =
            (candles.clone(), policy.clone(), cancel.signal(), tick.get());
        async move { fetch_candles(&src, &policy, signal, n > 0).await }
    });
    move || {
        let rated = data.get().map(|r| {
            r.map_err(Failure::Load).and_then(|doc| {
                rate(&doc.candles, rules, || SeriesMeta {
                    symbol: doc.symbol.clone(),
                    interval: doc.interval.clone(),
                    source: doc.source.clone(),
                    synthetic: doc.synthetic,
                })
            })
        });
        outcome_view(rated, retry)
    }
}

/// A rating as a panel shows it: the rated bar (none for an empty series) and its series.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Rated {
    pub detail: Option<RatingDetail>,
    pub meta: SeriesMeta,
}

/// Why a panel has no rating: its series did not load, or cannot be rated.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum Failure {
    Load(LoadError),
    Series(String),
}

impl Failure {
    /// The kind `bfx-error` reports: the load's, or `series` for candles that cannot be rated.
    fn kind(&self) -> &'static str {
        match self {
            Self::Load(e) => e.kind(),
            Self::Series(_) => "series",
        }
    }
}

/// A rating's state: `None` while its series loads.
pub(crate) type Outcome = Option<Result<Rated, Failure>>;

/// Rates `candles` under `rules`, with what they came from.
pub(crate) fn rate(
    candles: &Candles,
    rules: Rules,
    meta: impl FnOnce() -> SeriesMeta,
) -> Result<Rated, Failure> {
    technical_rating(candles, false, rules)
        .map(|r| Rated {
            detail: r.last,
            meta: meta(),
        })
        .map_err(|e| Failure::Series(e.to_string()))
}

/// Every state of a rating panel, one view each: loading (holding the rating's room), failed
/// (with the countdown to `retry`), rated, or nothing to rate. Shared by every panel, so each
/// state's view is compiled once.
pub(crate) fn outcome_view(o: Outcome, retry: Option<NextRefresh>) -> AnyView {
    match o {
        None => view! { <LoadingState reserve=Some("rating")/> }.into_any(),
        Some(Err(f)) => {
            let kind = f.kind();
            let (message, url, status) = match f {
                Failure::Load(e) => (e.to_string(), e.url(), e.status()),
                Failure::Series(m) => (m, None, None),
            };
            view! { <ErrorState what=Failed::Market message=message kind=kind url=url status=status retry=retry/> }
                .into_any()
        }
        Some(Ok(Rated {
            detail: Some(d),
            meta,
        })) => view! { <TechnicalRatingView detail=d meta=meta/> }.into_any(),
        Some(Ok(_)) => {
            view! { <Empty text=use_reader().locale.rating_words().no_candles_to_rate/> }.into_any()
        }
    }
}

pub(crate) fn label_tone(l: Option<Label>) -> Tone {
    match l {
        Some(Label::StrongBuy | Label::Buy) => Tone::Bullish,
        Some(Label::StrongSell | Label::Sell) => Tone::Bearish,
        _ => Tone::Neutral,
    }
}

/// A rating already computed, with the series it came from.
#[component]
pub fn TechnicalRatingView(
    /// The rated bar.
    detail: RatingDetail,
    /// The series it was computed from.
    meta: SeriesMeta,
) -> impl IntoView {
    let r = use_reader();
    let (t, w, n) = (r.t(), r.locale.rating_words(), r.n());
    // `data-label` stays the rule set's English label, for scripts; readers see their words.
    let label = detail.label.map_or("Not enough data", Label::as_str);
    let shown = r.locale.rating(detail.label);
    let fmt_score = |s| n.score(s);
    let said = match detail.total {
        Some(_) => format!("{shown}, {}", fmt_score(detail.total)),
        None => shown.to_owned(),
    };
    let group = |name: &'static str, g: GroupScore| {
        view! {
            <div class="bfx-rating__group">
                <span class="bfx-rating__group-name">{name}</span>
                <span class="bfx-rating__group-score">{fmt_score(g.score)}</span>
                <span class="bfx-rating__counts">
                    <span class="bfx-rating__buy">{format!("{} {}", w.ratings[3], g.buy)}</span>
                    <span class="bfx-rating__neutral">{format!("{} {}", w.ratings[2], g.neutral)}</span>
                    <span class="bfx-rating__sell">{format!("{} {}", w.ratings[1], g.sell)}</span>
                </span>
            </div>
        }
    };
    let meta_line = format!(
        "{} · {} · {}",
        meta.symbol,
        meta.interval,
        fill(w.as_of, &[&r.time(detail.time)])
    );
    // The vote table (a row per indicator) is built while the disclosure is open, as a chart's
    // data table is: most readers never open it, and a page of ratings would otherwise build
    // every row of every one.
    let votes = detail.votes.clone();
    let count = votes.len();
    let open = Packed::new(false);
    // Each new rating renders a new view: one event per result, refreshes included.
    let events = use_events();
    let (rated, m) = (detail.clone(), meta.clone());
    effect(move || events.rating(&rated, &m.symbol, &m.interval, &m.source, m.synthetic));
    view! {
        <div part="rating" class="bfx-rating" data-label=label>
            <div class="bfx-rating__head">
                <span part="rating-label" class=format!("bfx-rating__label bfx-rating__label--{}", label_tone(detail.label).as_str())>{shown}</span>
                <span class="bfx-rating__score">{fmt_score(detail.total)}</span>
                {meta.synthetic.then(|| view! { <Badge tone=Tone::Mixed label=t.synthetic_data/> })}
            </div>
            <RatingDial score=detail.total text=said label=t.technical_rating/>
            <div class="bfx-rating__scale" aria-hidden="true">
                {w.ratings.map(|w| view! { <span>{w}</span> })}
            </div>
            {group(w.moving_averages, detail.ma)}
            {group(w.oscillators, detail.other)}
            <p class="bfx-rating__meta">{meta_line}<br/>{fill(t.source, &[&meta.source])}</p>
            <details class="bfx-rating__votes"
                on:toggle=move |ev| open.set(event_target::<web_sys::HtmlDetailsElement>(&ev).open())>
                <summary>{fill(w.all_votes, &[&count.to_string()])}</summary>
                {move || {
                    if !open.get() {
                        return ().into_any();
                    }
                    let votes = votes.clone();
                    view! {
                        <table>
                            <thead><tr><th scope="col">{w.indicator}</th><th scope="col">{w.value}</th><th scope="col">{w.vote}</th></tr></thead>
                            <tbody>
                                {votes.into_iter().map(|v| {
                                    let (vote, tone) = match v.vote {
                                        Some(1) => (w.ratings[3], "buy"),
                                        Some(-1) => (w.ratings[1], "sell"),
                                        Some(_) => (w.ratings[2], "neutral"),
                                        None => ("–", "none"),
                                    };
                                    let value = n.fixed(v.value, 4);
                                    let group = if v.group == Group::MovingAverages { "ma" } else { "osc" };
                                    view! {
                                        <tr data-group=group>
                                            <th scope="row">{v.name}</th>
                                            <td>{value}</td>
                                            <td class=format!("bfx-rating__vote bfx-rating__vote--{tone}")>{vote}</td>
                                        </tr>
                                    }
                                }).collect_any()}
                            </tbody>
                        </table>
                    }
                    .into_any()
                }}
            </details>
        </div>
    }
}
