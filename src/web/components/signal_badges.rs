use super::Badge;
use barfinex_core::model::{Signal, SignalDirection};
use leptos::prelude::*;

/// Market signals as badges: category, direction and title; the description opens on demand
/// (a native disclosure, so keyboard and screen readers work without extra code).
#[component]
pub fn SignalBadges(
    /// The signals, in the order given.
    signals: Vec<Signal>,
) -> impl IntoView {
    if signals.is_empty() {
        return view! { <p class="bfx-empty">"No market signals listed."</p> }.into_any();
    }
    view! {
        <ul class="bfx-signals">
            {signals.into_iter().map(|s| view! {
                <li>
                    <details class="bfx-signal" data-direction=s.direction.as_str()>
                        <summary class="bfx-signal__summary">
                            <span class="bfx-signal__badges">
                                <Badge tone="category" label=s.category.as_str()/>
                                <Badge tone=signal_tone(s.direction) label=s.direction.as_str()/>
                            </span>
                            <span class="bfx-signal__title" dir="auto">{s.title}</span>
                        </summary>
                        <p class="bfx-signal__description" dir="auto">{s.description}</p>
                    </details>
                </li>
            }).collect_view()}
        </ul>
    }
    .into_any()
}

/// The badge tone for a signal direction.
pub(crate) fn signal_tone(d: SignalDirection) -> &'static str {
    match d {
        SignalDirection::Bullish => "bullish",
        SignalDirection::Bearish => "bearish",
        SignalDirection::Mixed => "mixed",
    }
}
