use crate::web::components::primitives::CollectAny;
use barfinex_core::float::{cos_sin, fixed};
use leptos::prelude::*;

/// TradingView-style rating dial: a half circle in five bands (Strong sell < −0.5 ≤ Sell < −0.1
/// ≤ Neutral ≤ 0.1 < Buy ≤ 0.5 < Strong buy) and a needle at the score; no needle while there is
/// no score. A screen reader meets it as a meter from −1 to +1 whose value is read as `text`
/// ("Buy, +0.30"); with no score, as an image saying `text`.
///
/// ```no_run
/// # use leptos::prelude::*; use barfinex_widgets::web::components::RatingDial;
/// view! { <RatingDial score=Some(0.3) text="Buy, +0.30"/> };
/// ```
#[component]
pub fn RatingDial(
    /// −1 (strong sell) … +1 (strong buy); `None`: not enough data.
    score: Option<f64>,
    /// What a screen reader hears as its value: the label and the score.
    #[prop(into)]
    text: String,
    /// Its name ("Technical rating"), in the reader's language.
    #[prop(default = "Technical rating")]
    label: &'static str,
) -> impl IntoView {
    const BANDS: [(f64, f64, &str); 5] = [
        (-1.0, -0.5, "strong-sell"),
        (-0.5, -0.1, "sell"),
        (-0.1, 0.1, "neutral"),
        (0.1, 0.5, "buy"),
        (0.5, 1.0, "strong-buy"),
    ];
    let needle = score.map(|s| point(s.clamp(-1.0, 1.0), 70.0));
    let now = score.map(|s| fixed(s.clamp(-1.0, 1.0), 4));
    let (role, label) = match score {
        Some(_) => ("meter", label.to_owned()),
        None => ("img", format!("{label}: {text}")),
    };
    view! {
        <svg part="dial" class="bfx-rating__dial" viewBox="0 0 200 110" role=role aria-label=label
            aria-valuemin=score.map(|_| "-1") aria-valuemax=score.map(|_| "1") aria-valuenow=now.clone() aria-valuetext=score.map(|_| text) data-score=now>
            {BANDS.into_iter().map(|(a, b, name)| {
                let (x0, y0) = point(a, 86.0);
                let (x1, y1) = point(b, 86.0);
                view! {
                    <path class=format!("bfx-rating__band bfx-rating__band--{name}")
                        d=format!("M {} {} A 86 86 0 0 1 {} {}", fixed(x0, 2), fixed(y0, 2), fixed(x1, 2), fixed(y1, 2))/>
                }
            }).collect_any()}
            {needle.map(|(x, y)| view! {
                <line class="bfx-rating__needle" x1="100" y1="100" x2=fixed(x, 2) y2=fixed(y, 2)/>
            })}
            <circle class="bfx-rating__hub" cx="100" cy="100" r="6"/>
        </svg>
    }
}

/// Where score `s` sits on a half circle of radius `r` around (100, 100): −1 left, +1 right.
pub(crate) fn point(s: f64, r: f64) -> (f64, f64) {
    let (cos, sin) = cos_sin(std::f64::consts::PI * (1.0 - (s + 1.0) / 2.0));
    (100.0 + r * cos, 100.0 - r * sin)
}
