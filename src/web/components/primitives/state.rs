use crate::web::events::use_events;
use leptos::prelude::*;

/// Shown while a widget's data loads. With `reserve`, it holds the room of what will replace
/// it (`bfx-reserve--{reserve}` in `state.css`), so nothing after it moves when the data comes.
#[component]
pub fn LoadingState(
    /// The block it stands in for: `market`, `market-rated`, `price`, `funding`.
    #[prop(default = None)]
    reserve: Option<&'static str>,
) -> impl IntoView {
    let class = match reserve {
        Some(r) => format!("bfx-state bfx-state--loading bfx-reserve--{r}"),
        None => "bfx-state bfx-state--loading".to_owned(),
    };
    view! {
        <div part="state" class=class role="status">
            <span class="bfx-state__spinner" aria-hidden="true"></span>
            "Loading…"
        </div>
    }
}

/// Shown in place of a widget whose data could not be loaded. The message names the cause
/// (URL and HTTP status, or the failing field path); it is text, never markup. Fires
/// `bfx-error` on the widget's element once shown.
#[component]
pub fn ErrorState(
    /// What went wrong.
    #[prop(into)]
    message: String,
    /// What kind of failure, for scripts and tests (`data-error-kind`: `timeout`, `http`,
    /// `too-large`, `parse`, … see `LoadError::kind`); readers see the message.
    #[prop(optional)]
    kind: Option<&'static str>,
    /// The URL that failed, as readers see it (`LoadError::url`), for `bfx-error`.
    #[prop(default = None)]
    url: Option<String>,
    /// The HTTP status, when there was one, for `bfx-error`.
    #[prop(default = None)]
    status: Option<u16>,
) -> impl IntoView {
    let kind = kind.unwrap_or("config");
    let events = use_events();
    let said = message.clone();
    Effect::new(move || events.error(kind, url.as_deref(), status, &said));
    view! {
        <div part="state" class="bfx-state bfx-state--error" role="alert" data-error-kind=kind>
            <strong class="bfx-state__title">"This widget could not load its data"</strong>
            <code class="bfx-state__message">{message}</code>
        </div>
    }
}
