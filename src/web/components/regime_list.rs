use super::{Badge, CollapsibleText};
use barfinex_core::model::{Outcome, RegimeBehaviour};
use leptos::prelude::*;

/// How the asset behaves in each market regime, with the outcome as a badge. Regime names the
/// library does not know are shown as given, styled by their outcome only.
#[component]
pub fn RegimeList(
    /// The regimes, in the order given.
    regimes: Vec<RegimeBehaviour>,
) -> impl IntoView {
    if regimes.is_empty() {
        return view! { <p class="bfx-empty">"No market regimes listed."</p> }.into_any();
    }
    view! {
        <ul class="bfx-regimes">
            {regimes.into_iter().map(|r| view! {
                <li class="bfx-regime" data-outcome=r.outcome.as_str()>
                    <div class="bfx-regime__head">
                        <h4 class="bfx-regime__name" dir="auto">{r.regime}</h4>
                        <Badge tone=outcome_tone(r.outcome) label=r.outcome.as_str()/>
                    </div>
                    <CollapsibleText text=r.text limit=180/>
                </li>
            }).collect_view()}
        </ul>
    }
    .into_any()
}

/// The badge tone for a regime outcome.
pub(crate) fn outcome_tone(o: Outcome) -> &'static str {
    match o {
        Outcome::Outperform => "outperform",
        Outcome::Neutral => "neutral",
        Outcome::Underperform => "underperform",
    }
}
