use leptos::prelude::*;

/// A small pill label. The tone picks the colour; a glyph carries the meaning too, so colour
/// is never the only cue.
///
/// ```no_run
/// # use leptos::prelude::*; use barfinex_widgets::web::components::Badge;
/// view! { <Badge tone="positive" label="Positive"/> };
/// ```
#[component]
pub fn Badge(
    /// Colour tone: `positive`, `negative`, `mixed`, `conditional`, `outperform`, `neutral`,
    /// `underperform`, `bullish`, `bearish` or `category` (uncoloured).
    tone: &'static str,
    /// The text shown.
    #[prop(into)]
    label: String,
) -> impl IntoView {
    let glyph = match tone {
        "positive" | "bullish" | "outperform" => "▲",
        "negative" | "bearish" | "underperform" => "▼",
        "mixed" => "◆",
        "conditional" => "◇",
        "neutral" => "●",
        _ => "",
    };
    view! {
        <span class=format!("bfx-badge bfx-badge--{tone}")>
            {(!glyph.is_empty()).then(|| view! { <span class="bfx-badge__glyph" aria-hidden="true">{glyph}</span> })}
            {label}
        </span>
    }
}
