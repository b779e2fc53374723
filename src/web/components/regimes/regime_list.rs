use super::current_regime::{holds, RegimeNow};
use crate::web::components::primitives::{class_with, maybe, CollectAny};
use crate::web::components::{aria_level, Badge, CollapsibleText, Empty, HeadingLevel};
use crate::web::load::ErasedResource;
use crate::web::reader::use_reader;
use barfinex_core::model::RegimeBehaviour;
use leptos::prelude::*;

/// How the asset behaves in each market regime, with the outcome as a badge; the current regime,
/// when known, is marked. Regime names the library does not know are shown as given.
///
/// ```no_run
/// # use leptos::prelude::*; use barfinex_widgets::web::components::{RegimeList, RegimeNow};
/// # use barfinex_widgets::web::load::ErasedResource;
/// # let regimes = vec![];
/// let now = ErasedResource::new(|| async { RegimeNow::Given("risk-on".into()) });
/// view! { <RegimeList regimes=regimes now=now/> };
/// ```
#[component]
pub fn RegimeList(
    /// The regimes, in the order given.
    regimes: Vec<RegimeBehaviour>,
    /// The regime that holds now (highlighted), from [`use_current_regime`] (a resource, not a
    /// `Signal`: a `Signal` of this type would cost the bundle its own code).
    ///
    /// [`use_current_regime`]: crate::web::components::use_current_regime
    #[prop(optional)]
    now: Option<ErasedResource<RegimeNow>>,
) -> impl IntoView {
    let l = use_reader().locale;
    if regimes.is_empty() {
        return view! { <Empty text=l.text.no_regimes/> }.into_any();
    }
    let level = HeadingLevel::here();
    let text_lang = crate::web::components::ProfileLang::here();
    view! {
        <ul part="regimes" class="bfx-regimes">
            {regimes.into_iter().map(|r| {
                let name = r.regime.clone();
                let is_current = move || now.is_some_and(|now| holds(now, &name));
                let (is_current2, is_current3) = (is_current.clone(), is_current.clone());
                view! {
                    <li part="regime" class=move || class_with("bfx-regime", "bfx-regime--current", is_current3()) data-outcome=r.outcome.as_str()
                        aria-current=move || is_current2().to_string()>
                        <div class="bfx-regime__head">
                            <div role="heading" {..aria_level(level)} class="bfx-regime__name" dir="auto" lang=text_lang.clone()>{r.regime}</div>
                            {move || maybe(is_current().then(|| view! { <span class="bfx-regime__now">{l.text.current}</span> }.into_any()))}
                            <Badge tone=r.outcome label=l.outcome(r.outcome)/>
                        </div>
                        <CollapsibleText text=r.text limit=180/>
                    </li>
                }
            }).collect_any()}
        </ul>
    }
    .into_any()
}
