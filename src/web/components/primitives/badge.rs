use barfinex_core::model::{Direction, Outcome, SignalDirection};
use leptos::prelude::*;

/// A badge's tone: its colour, and a glyph that carries the meaning too, so colour is never
/// the only cue. Themed through the `--bfx-*` custom properties in `theme.css`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tone {
    Positive,
    Negative,
    Mixed,
    Conditional,
    Outperform,
    Neutral,
    Underperform,
    Bullish,
    Bearish,
    /// Uncoloured, no glyph: a category label.
    Category,
}

impl Tone {
    /// The CSS modifier (`bfx-badge--{name}`).
    pub fn as_str(self) -> &'static str {
        match self {
            Tone::Positive => "positive",
            Tone::Negative => "negative",
            Tone::Mixed => "mixed",
            Tone::Conditional => "conditional",
            Tone::Outperform => "outperform",
            Tone::Neutral => "neutral",
            Tone::Underperform => "underperform",
            Tone::Bullish => "bullish",
            Tone::Bearish => "bearish",
            Tone::Category => "category",
        }
    }

    fn glyph(self) -> &'static str {
        match self {
            Tone::Positive | Tone::Bullish | Tone::Outperform => "▲",
            Tone::Negative | Tone::Bearish | Tone::Underperform => "▼",
            Tone::Mixed => "◆",
            Tone::Conditional => "◇",
            Tone::Neutral => "●",
            Tone::Category => "",
        }
    }
}

impl From<Direction> for Tone {
    fn from(d: Direction) -> Tone {
        match d {
            Direction::Positive => Tone::Positive,
            Direction::Negative => Tone::Negative,
            Direction::Mixed => Tone::Mixed,
            Direction::Conditional => Tone::Conditional,
        }
    }
}

impl From<SignalDirection> for Tone {
    fn from(d: SignalDirection) -> Tone {
        match d {
            SignalDirection::Bullish => Tone::Bullish,
            SignalDirection::Bearish => Tone::Bearish,
            SignalDirection::Mixed => Tone::Mixed,
        }
    }
}

impl From<Outcome> for Tone {
    fn from(o: Outcome) -> Tone {
        match o {
            Outcome::Outperform => Tone::Outperform,
            Outcome::Neutral => Tone::Neutral,
            Outcome::Underperform => Tone::Underperform,
        }
    }
}

/// A small pill label.
///
/// ```no_run
/// # use leptos::prelude::*; use barfinex_widgets::web::components::{Badge, Tone};
/// view! { <Badge tone=Tone::Positive label="Positive"/> };
/// ```
#[component]
pub fn Badge(
    /// Colour and glyph.
    #[prop(into)]
    tone: Tone,
    /// The text shown.
    #[prop(into)]
    label: String,
) -> impl IntoView {
    let glyph = tone.glyph();
    view! {
        <span part="badge" class=format!("bfx-badge bfx-badge--{}", tone.as_str())>
            {(!glyph.is_empty()).then(|| view! { <span class="bfx-badge__glyph" aria-hidden="true">{glyph}</span> })}
            {label}
        </span>
    }
}
