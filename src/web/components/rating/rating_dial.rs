use leptos::prelude::*;

/// TradingView-style rating dial: a half circle in five bands (Strong sell < −0.5 ≤ Sell < −0.1
/// ≤ Neutral ≤ 0.1 < Buy ≤ 0.5 < Strong buy) and a needle at the score; no needle while there is
/// no score. The `aria-label` states the label and score in words.
///
/// ```no_run
/// # use leptos::prelude::*; use barfinex_widgets::web::components::RatingDial;
/// view! { <RatingDial score=Some(0.3) aria="Technical rating Buy, score 0.30"/> };
/// ```
#[component]
pub fn RatingDial(
    /// −1 (strong sell) … +1 (strong buy); `None`: not enough data.
    score: Option<f64>,
    /// What a screen reader hears.
    #[prop(into)]
    aria: String,
) -> impl IntoView {
    const BANDS: [(f64, f64, &str); 5] = [
        (-1.0, -0.5, "strong-sell"),
        (-0.5, -0.1, "sell"),
        (-0.1, 0.1, "neutral"),
        (0.1, 0.5, "buy"),
        (0.5, 1.0, "strong-buy"),
    ];
    let needle = score.map(|s| point(s.clamp(-1.0, 1.0), 70.0));
    view! {
        <svg part="dial" class="bfx-rating__dial" viewBox="0 0 200 110" role="img" aria-label=aria data-score=score.map(|s| format!("{s:.4}"))>
            {BANDS.map(|(a, b, name)| {
                let (x0, y0) = point(a, 86.0);
                let (x1, y1) = point(b, 86.0);
                view! {
                    <path class=format!("bfx-rating__band bfx-rating__band--{name}")
                        d=format!("M {x0:.2} {y0:.2} A 86 86 0 0 1 {x1:.2} {y1:.2}")/>
                }
            }).collect_view()}
            {needle.map(|(x, y)| view! {
                <line class="bfx-rating__needle" x1="100" y1="100" x2=format!("{x:.2}") y2=format!("{y:.2}")/>
            })}
            <circle class="bfx-rating__hub" cx="100" cy="100" r="6"/>
        </svg>
    }
}

/// Where score `s` sits on a half circle of radius `r` around (100, 100): −1 left, +1 right.
pub(crate) fn point(s: f64, r: f64) -> (f64, f64) {
    let angle = std::f64::consts::PI * (1.0 - (s + 1.0) / 2.0);
    (100.0 + r * angle.cos(), 100.0 - r * angle.sin())
}
