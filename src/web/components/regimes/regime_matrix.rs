use super::current_regime::holds;
use crate::web::components::primitives::{class_with, CollectAny};
use crate::web::components::{
    aria_level, below, effect, next_id, use_current_regime, BodyPending, CurrentRegimeLine,
    ErrorState, Failed, HeadingLevel, LazyBody, LazyView, LoadingState, Packed, RegimeList,
    RegimeNow, TechnicalDetails, Tone,
};
use crate::web::events::use_events;
use crate::web::load::{fetch_profile, join, ErasedResource, LoadError, Profile};
use crate::web::net::Cancel;
use crate::web::reader::use_reader;
use barfinex_core::model::{Outcome, KNOWN_REGIMES};
use barfinex_core::sort::{sort_by, sort_by_key};
use leptos::prelude::*;
use std::rc::Rc;
use std::sync::Arc;
use wasm_split_helpers::{wasm_split, SplitLoaderError};

/// One rated cell's detail: asset, regime, outcome, the profile's text and its language.
type Pick = (String, String, Outcome, String, Option<Arc<str>>);

/// Regime behaviour for one asset (a list) or several (a table: assets as rows, regimes as
/// columns, each cell coloured by outcome, its text shown on hover, focus and tap in the panel
/// under the table). The current regime, given or computed by rules (see
/// [`crate::web::components::use_current_regime`]), is highlighted, with what decided it.
///
/// ```no_run
/// # use leptos::prelude::*; use barfinex_widgets::web::components::RegimeMatrix;
/// view! { <RegimeMatrix sources=vec!["/data/flux.json".into(), "/data/btc.json".into()]
///                       rules=Some("/data/regime-rules.json".into())/> };
/// ```
#[component]
pub fn RegimeMatrix(
    /// Profile URLs: one gives a list, several a table.
    sources: Vec<String>,
    /// The current regime, when the page knows it (wins over `rules`).
    #[prop(default = None)]
    current: Option<String>,
    /// URL of a regime-rules document, to compute the current regime in the browser.
    #[prop(default = None)]
    rules: Option<String>,
) -> impl IntoView {
    let now = use_current_regime(current, rules);
    let cancel = Cancel::for_this_owner();
    let count = sources.len();
    let events = use_events();
    let profiles = ErasedResource::new(move || {
        let (srcs, signal) = (sources.clone(), cancel.signal());
        async move {
            let loads = srcs.iter().map(|s| {
                let signal = signal.clone();
                async move { (s.clone(), fetch_profile(s, signal).await) }
            });
            join(loads).await
        }
    });
    effect(move || {
        profiles.with(|list| {
            for (src, p) in list.into_iter().flatten() {
                if let Ok(p) = p {
                    events.load(src, &p.id, &p.name, &p.symbol);
                }
            }
        })
    });
    let level = HeadingLevel::here();
    let t = use_reader().t();
    // Busy too while the body waits for its code (the split build's `regimes` chunk).
    let pending = BodyPending::provide();
    view! {
        <section part="base" class="bfx-widget bfx-matrix-widget" aria-busy=move || (profiles.get().is_none() || pending.get()).to_string()>
            <div role="heading" {..aria_level(level)} part="title" class="bfx-widget__title">{if count == 1 { t.regimes_title } else { t.matrix_title }}</div>
            <CurrentRegimeLine now=now/>
            {move || match profiles.get() {
                None => view! { <LoadingState/> }.into_any(),
                Some(list) if list.is_empty() => view! { <ErrorState message="no profile URLs given (set the src attribute)".to_owned()/> }.into_any(),
                Some(list) => match list.as_slice() {
                    // One profile that failed: said without the body's code.
                    [(_, Err(e))] => view! { <ErrorState what=Failed::Profile message=e.to_string() kind=e.kind() url=e.url() status=e.status()/> }.into_any(),
                    _ => {
                        let body: LazyView = Box::pin(async move {
                            body(list, now, level).await.map_err(|e| format!("the regime matrix's code: {e}"))
                        });
                        view! { <LazyBody body=body/> }.into_any()
                    }
                },
            }}
        </section>
    }
}

/// The matrix's body for its loaded profiles: one asset's list, or the table (with a row per
/// profile that failed). A split point: its code is in the split build's `regimes` chunk,
/// fetched once the profiles are in, so a page's first light widget (a driver list) does not
/// wait for it.
#[wasm_split(regimes, fallible)]
fn body(
    list: Vec<(String, Result<Rc<Profile>, LoadError>)>,
    now: ErasedResource<RegimeNow>,
    level: u8,
) -> Result<AnyView, SplitLoaderError> {
    crate::web::styles::add(&[crate::web::styles::regimes()]);
    let t = use_reader().t();
    Ok(match list.as_slice() {
        [(_, Ok(p))] => view! {
            <p class="bfx-matrix__asset"><strong dir="auto" lang=p.lang.as_deref().map(Arc::<str>::from)>{p.name.clone()}</strong>" "{p.symbol.clone()}
                {p.illustrative.then(|| view! { " " <crate::web::components::Badge tone=Tone::Conditional label=t.illustrative/> })}</p>
            {below(level, || {
                crate::web::components::ProfileLang::provide(p.lang.as_deref());
                view! { <RegimeList regimes=p.regimes.clone() now=now/> }.into_any()
            })}
        }
        .into_any(),
        _ => view! { <MatrixTable rows=list now=now/> }.into_any(),
    })
}

/// The known regimes in display order, then any other names the profiles use, each once: sorted
/// by name to find repeats, then put back in order of first use (n log n in the number of
/// regimes across all profiles, and no hashing code in the wasm).
fn columns(rows: &[(String, Result<Rc<Profile>, LoadError>)]) -> Vec<String> {
    let used = rows
        .iter()
        .filter_map(|(_, r)| r.as_ref().ok())
        .flat_map(|p| p.regimes.iter().map(|reg| reg.regime.as_str()));
    let mut names: Vec<(usize, &str)> = KNOWN_REGIMES
        .iter()
        .copied()
        .chain(used)
        .enumerate()
        .collect();
    sort_by(&mut names, |a, b| a.1.cmp(b.1).then(a.0.cmp(&b.0)));
    names.dedup_by(|later, first| later.1 == first.1);
    sort_by_key(&mut names, |&(i, _)| i);
    names.into_iter().map(|(_, n)| n.to_owned()).collect()
}

#[component]
fn MatrixTable(
    rows: Vec<(String, Result<Rc<Profile>, LoadError>)>,
    now: ErasedResource<RegimeNow>,
) -> impl IntoView {
    let l = use_reader().locale;
    let t = &l.text;
    let cols = columns(&rows);
    // Each rated cell's detail by its place (row × columns + column): the selection is an
    // index, a signal type the crate already has, not a signal of this tuple of its own.
    let picks: Arc<[Option<Pick>]> = rows
        .iter()
        .flat_map(|(_, r)| {
            cols.iter().map(move |c| {
                let p = r.as_ref().ok()?;
                let reg = p.regimes.iter().find(|x| &x.regime == c)?;
                Some((
                    p.name.clone(),
                    c.clone(),
                    reg.outcome,
                    reg.text.clone(),
                    p.lang.as_deref().map(Arc::<str>::from),
                ))
            })
        })
        .collect();
    let selected = Packed::new(None::<usize>);
    let detail_id = next_id("matrix-detail");
    let ncols = cols.len();
    let head = cols.clone();
    view! {
        <div class="bfx-matrix__scroll" tabindex="0" role="group" aria-label=t.matrix_scroller>
            <table part="matrix" class="bfx-matrix">
                <caption class="bfx-visually-hidden">{t.matrix_caption}</caption>
                <thead><tr>
                    <th scope="col">{t.asset}</th>
                    {head.into_iter().map(|c| {
                        let name = c.clone();
                        view! {
                            <th scope="col" class=move || class_with("", "bfx-matrix__col--current", holds(now, &name))>{c}</th>
                        }
                    }).collect_any()}
                </tr></thead>
                <tbody>
                    {rows.into_iter().enumerate().map(|(ri, (url, r))| match r {
                        Err(e) => view! {
                            <tr><th scope="row">{url}</th><td colspan=ncols.to_string() class="bfx-matrix__error">{t.profile_unavailable}<TechnicalDetails message=e.to_string()/></td></tr>
                        }.into_any(),
                        Ok(p) => {
                            let cells = cols.iter().enumerate().map(|(ci, c)| {
                                let k = ri * ncols + ci;
                                let found = p.regimes.iter().find(|r| &r.regime == c);
                                let col = c.clone();
                                let is_now = move || holds(now, &col);
                                match found {
                                    None => view! { <td class=move || class_with("bfx-matrix__cell bfx-matrix__cell--none", "bfx-matrix__col--current", is_now())>"–"<span class="bfx-visually-hidden">{format!(" {}", t.not_rated)}</span></td> }.into_any(),
                                    Some(reg) => {
                                        let label = format!("{}, {c}: {}", p.name, l.outcome(reg.outcome));
                                        view! {
                                            <td class=move || class_with("bfx-matrix__cell", "bfx-matrix__col--current", is_now()) data-outcome=reg.outcome.as_str()>
                                                <button type="button" part="badge" class=format!("bfx-matrix__btn bfx-badge bfx-badge--{}", Tone::from(reg.outcome).as_str())
                                                    aria-label=label aria-describedby=detail_id.clone()
                                                    on:mouseenter=move |_| selected.set(Some(k))
                                                    on:focus=move |_| selected.set(Some(k))
                                                    on:click=move |_| selected.set(Some(k))>
                                                    <span class="bfx-badge__glyph" aria-hidden="true">{glyph(reg.outcome)}</span>
                                                    {l.outcome(reg.outcome)}
                                                </button>
                                            </td>
                                        }.into_any()
                                    }
                                }
                            }).collect_any();
                            view! {
                                <tr>
                                    <th scope="row" dir="auto" lang=p.lang.as_deref().map(Arc::<str>::from)>{p.name.clone()}" "<span class="bfx-matrix__symbol">{p.symbol.clone()}</span>
                                        {p.illustrative.then(|| view! { <span class="bfx-matrix__illustrative" title=t.illustrative>{format!(" {}", t.illustrative_short)}</span> })}</th>
                                    {cells}
                                </tr>
                            }.into_any()
                        }
                    }).collect_any()}
                </tbody>
            </table>
        </div>
        <div class="bfx-matrix__detail" id=detail_id aria-live="polite">
            {move || match selected.get().and_then(|k| picks.get(k)?.clone()) {
                None => view! { <p class="bfx-matrix__hint">{t.matrix_hint}</p> }.into_any(),
                Some((asset, regime, outcome, text, lang)) => view! {
                    <p><strong dir="auto">{barfinex_core::locale::fill(t.asset_in_regime, &[&asset, &regime])}</strong>{l.outcome(outcome)}</p>
                    {if text.is_empty() {
                        view! { <p>{t.no_text}</p> }.into_any()
                    } else {
                        // The profile's own words, marked with its language for screen readers.
                        view! { <p dir="auto" lang=lang>{text}</p> }.into_any()
                    }}
                }.into_any(),
            }}
        </div>
    }
}

fn glyph(o: Outcome) -> &'static str {
    match o {
        Outcome::Outperform => "▲",
        Outcome::Neutral => "●",
        Outcome::Underperform => "▼",
    }
}
