use leptos::prelude::*;

/// Shown while a widget's data loads.
#[component]
pub fn LoadingState() -> impl IntoView {
    view! {
        <div class="bfx-state bfx-state--loading" role="status">
            <span class="bfx-state__spinner" aria-hidden="true"></span>
            "Loading…"
        </div>
    }
}

/// Shown in place of a widget whose data could not be loaded. The message names the cause
/// (URL and HTTP status, or the failing field path); it is text, never markup.
#[component]
pub fn ErrorState(
    /// What went wrong.
    #[prop(into)]
    message: String,
    /// What kind of failure, for scripts and tests (`data-error-kind`: `timeout`, `http`,
    /// `too-large`, `parse`, … see `LoadError::kind`); readers see the message.
    #[prop(optional)]
    kind: Option<&'static str>,
) -> impl IntoView {
    view! {
        <div class="bfx-state bfx-state--error" role="alert" data-error-kind=kind.unwrap_or("config")>
            <strong class="bfx-state__title">"This widget could not load its data"</strong>
            <code class="bfx-state__message">{message}</code>
        </div>
    }
}
