use crate::web::components::{Badge, RetryIn, TechnicalDetails, Tone};
use crate::web::context::use_market;
use crate::web::load::{fetch_regime_rules, load_series_set, ErasedResource, LoadError};
use crate::web::net::{refresh_tick, Cancel, NextRefresh, Policy};
use crate::web::reader::use_reader;
use barfinex_core::locale::fill;
use barfinex_core::signals::{current_regime_with_plan, Plan, RegimeRules, SeriesSet, State};
use barfinex_core::text;
use leptos::prelude::*;
use std::future::Future;
use std::pin::Pin;
use std::rc::Rc;
use wasm_split_helpers::{wasm_split, SplitLoaderError};
use web_sys::AbortSignal;

/// The current market regime as the widgets know it, and how they know it.
#[derive(Clone, Debug, PartialEq)]
pub enum RegimeNow {
    /// Set by the page (an attribute or prop).
    Given(String),
    /// Decided by a rule over fetched data.
    Decided {
        regime: String,
        description: String,
        as_of: Option<i64>,
        synthetic: bool,
    },
    /// No rule decided it, for this reason.
    Unknown(NoRegime),
    /// The rules could not be loaded.
    Failed(LoadError),
    /// The rule engine's code could not be loaded (the split build's `signals` chunk).
    NoCode(String),
}

/// Why no regime is shown (worded in the reader's language where it is shown).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NoRegime {
    /// The page gave no `current` and no regime rules.
    NotGiven,
    /// Rules with data, none of which holds on the latest data.
    NoRuleHolds,
    /// No rule had the data it reads.
    NoData,
}

impl RegimeNow {
    pub fn regime(&self) -> Option<&str> {
        match self {
            RegimeNow::Given(r) | RegimeNow::Decided { regime: r, .. } => Some(r),
            _ => None,
        }
    }
}

/// Works out the current regime: the page's own value when given, else the first rule of the
/// regime-rules document at `rules` that holds on the series it names (fetched through the shared
/// fetch layer under the widget's market context: market server, refresh, persist). `None`
/// until known. Only rules are refreshed: a regime the page gave, or none, runs no timer.
pub fn use_current_regime(
    current: Option<String>,
    rules: Option<String>,
) -> ErasedResource<RegimeNow> {
    let ctx = use_market();
    let policy = ctx.policy();
    let cancel = Cancel::for_this_owner();
    // Only rules are worth running again: a regime the page gave, or none, never changes, and
    // would keep a timer and an observer for nothing.
    let ruled = rules.is_some()
        && current
            .as_deref()
            .is_none_or(|c| text::trim_space(c).is_empty());
    let tick = refresh_tick(if ruled { ctx.refresh } else { 0 });
    ErasedResource::new(move || {
        let (current, rules, market, policy, signal, n) = (
            current.clone(),
            rules.clone(),
            ctx.market.clone(),
            policy.clone(),
            cancel.signal(),
            tick.get(),
        );
        async move {
            if let Some(c) = current
                .as_deref()
                .map(text::trim_space)
                .filter(|c| !c.is_empty())
            {
                return RegimeNow::Given(c.to_owned());
            }
            let Some(url) = rules else {
                return RegimeNow::Unknown(NoRegime::NotGiven);
            };
            // The rule engine's chunk travels while the rules and their data do; a refresh finds
            // it in (or `decided` tries again).
            if n == 0 {
                leptos::task::spawn_local(async {
                    let _ = preload_regime().await;
                });
            }
            let (doc, plan) = match fetch_regime_rules(&url, &policy, signal.clone()).await {
                Ok(read) => read,
                Err(LoadError::Code(e)) => return RegimeNow::NoCode(e),
                Err(e) => return RegimeNow::Failed(e),
            };
            match decided(doc, plan, market, policy, signal, n > 0).await {
                Ok(deciding) => deciding.await,
                Err(e) => RegimeNow::NoCode(format!("the rule engine's code: {e}")),
            }
        }
    })
}

/// What the rules decide once the series they read are loaded: the loading runs in the chunk
/// too, so neither it nor the series set is in the main module.
type Deciding = Pin<Box<dyn Future<Output = RegimeNow>>>;

/// What the rules decide on the series they read, loaded under `policy` (`refresh`: not the
/// cached answers). A split point: the rule engine's code is in the split build's `signals`
/// chunk (with the badges'), which a matrix without rules never fetches. It returns the loading
/// and deciding as a boxed future, whose code is in that chunk as well.
#[wasm_split(signals, fallible, preload(preload_regime))]
fn decided(
    doc: Rc<RegimeRules>,
    plan: Plan,
    market: Option<String>,
    policy: Policy,
    cancel: Option<AbortSignal>,
    refresh: bool,
) -> Result<Deciding, SplitLoaderError> {
    Ok(Box::pin(async move {
        let names = plan.series();
        let set =
            load_series_set(None, &doc.sources, names, market, &policy, cancel, refresh).await;
        decide(&doc, &plan, &set)
    }))
}

fn decide(doc: &RegimeRules, plan: &Plan, set: &SeriesSet) -> RegimeNow {
    let now = current_regime_with_plan(doc, plan, set);
    match (now.regime.clone(), now.decisive()) {
        (Some(regime), Some(r)) => RegimeNow::Decided {
            regime,
            description: now.description.clone().unwrap_or_default(),
            as_of: r.as_of,
            synthetic: r.synthetic,
        },
        // As the core's `reason` says it: a rule with data held nowhere, or none had data.
        _ => RegimeNow::Unknown(
            match now
                .results
                .iter()
                .any(|r| matches!(r.state, State::Active | State::Inactive))
            {
                true => NoRegime::NoRuleHolds,
                false => NoRegime::NoData,
            },
        ),
    }
}

/// Whether `name` is the current regime (tracked): `None` while it is worked out.
pub(crate) fn holds(now: ErasedResource<RegimeNow>, name: &str) -> bool {
    now.with(|n| n.and_then(RegimeNow::regime) == Some(name))
}

/// One line saying which regime holds and why: "Current regime: risk-on · BTC above its 200-day
/// average with 30-day volatility falling · data as of … · Synthetic".
#[component]
pub fn CurrentRegimeLine(
    /// From [`use_current_regime`].
    now: ErasedResource<RegimeNow>,
) -> impl IntoView {
    let reader = use_reader();
    let t = reader.t();
    let lead = format!("{} ", t.current_regime);
    // The refresh that tries a failed series again, when this line is under its owner.
    let retry = use_context::<NextRefresh>();
    let failed = {
        let lead = lead.clone();
        move |message: String| {
            view! {
                {lead.clone()} <strong class="bfx-current-regime__name">{t.unknown}</strong>
                {retry.map(|next| view! { <RetryIn next=next/> })}
                <TechnicalDetails message=message/>
            }
            .into_any()
        }
    };
    view! {
        <div class="bfx-current-regime" role="status">
            {move || match now.get() {
                None => view! { {lead.clone()}{t.working_it_out} }.into_any(),
                Some(RegimeNow::Given(r)) => view! {
                    {lead.clone()} <strong class="bfx-current-regime__name">{r}</strong> {format!(" {}", t.set_by_page)}
                }.into_any(),
                Some(RegimeNow::Decided { regime, description, as_of, synthetic }) => view! {
                    {lead.clone()} <strong class="bfx-current-regime__name">{regime}</strong>
                    <span class="bfx-current-regime__why" dir="auto">{format!(" · {}", fill(t.decided_by, &[&description]))}</span>
                    {as_of.map(|ms| format!(" · {}", fill(t.data_as_of, &[&reader.time(ms)])))}
                    {synthetic.then(|| view! { " " <Badge tone=Tone::Mixed label=t.synthetic_data/> })}
                }.into_any(),
                Some(RegimeNow::Unknown(why)) => view! {
                    {lead.clone()} <strong class="bfx-current-regime__name">{t.unknown}</strong>
                    {format!(" ({})", match why {
                        NoRegime::NotGiven => t.regime_not_given,
                        NoRegime::NoRuleHolds => t.regime_no_rule_holds,
                        NoRegime::NoData => t.regime_no_data,
                    })}
                }.into_any(),
                Some(RegimeNow::Failed(e)) => failed(e.to_string()),
                Some(RegimeNow::NoCode(message)) => failed(message),
            }}
        </div>
    }
}
