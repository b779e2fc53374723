use crate::web::components::effect;
use crate::web::events::use_events;
use crate::web::net::{now_secs, NextRefresh};
use crate::web::reader::use_reader;
use barfinex_core::locale::{fill, Texts};
use leptos::prelude::*;
use std::time::Duration;

/// Shown while a widget's data loads. With `reserve`, it holds the room of what will replace
/// it (`bfx-reserve--{reserve}` in `state.css`), so nothing after it moves when the data comes.
#[component]
pub fn LoadingState(
    /// The block it stands in for: `market`, `market-rated`, `rating` (one interval tab), `price`, `funding`.
    #[prop(default = None)]
    reserve: Option<&'static str>,
    /// Only the spinner: the reader's words are what is loading.
    #[prop(optional)]
    wordless: bool,
) -> impl IntoView {
    let class = match reserve {
        Some(r) => format!("bfx-state bfx-state--loading bfx-reserve--{r}"),
        None => "bfx-state bfx-state--loading".to_owned(),
    };
    view! {
        <div part="state" class=class role="status">
            <span class="bfx-state__spinner" aria-hidden="true"></span>
            {(!wordless).then(|| use_reader().t().loading)}
        </div>
    }
}

/// What a widget could not show: the reader's words for it (an [`ErrorState`]'s title).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Failed {
    /// Its profile, or another document it reads (regime rules): not fetched, or not valid.
    Profile,
    /// Its market data: no source answered. Tried again at the next refresh, if one is due.
    Market,
    /// Its own settings: an attribute or option, or a series of the wrong kind.
    #[default]
    Setup,
    /// The part of the module that draws it (a chunk of the split build) did not load. Tried
    /// again when the widget is shown again.
    Code,
}

/// Shown in place of a widget, or a block of one, whose data could not be shown: a short line in
/// the reader's words ("Market data unavailable — retrying in 42 s"), and the technical detail
/// (URL, HTTP status, cause, or the failing field path) behind a disclosure. The detail is text,
/// never markup. Fires `bfx-error` on the widget's element, with the same detail, once shown.
#[component]
pub fn ErrorState(
    /// What could not be shown: chooses the reader's words.
    #[prop(optional)]
    what: Failed,
    /// What went wrong, for developers.
    #[prop(into)]
    message: String,
    /// What kind of failure, for scripts and tests (`data-error-kind`: `timeout`, `http`,
    /// `too-large`, `parse`, … see `LoadError::kind`).
    #[prop(optional)]
    kind: Option<&'static str>,
    /// The URL that failed, as readers see it (`LoadError::url`), for `bfx-error`.
    #[prop(default = None)]
    url: Option<String>,
    /// The HTTP status, when there was one, for `bfx-error`.
    #[prop(default = None)]
    status: Option<u16>,
    /// The refresh that tries again (read where `refresh_tick` was called): while one is due,
    /// readers see "retrying in N s".
    #[prop(default = None)]
    retry: Option<NextRefresh>,
) -> impl IntoView {
    let kind = kind.unwrap_or("config");
    let events = use_events();
    let said = message.clone();
    effect(move || events.error(kind, url.as_deref(), status, &said));
    let t = use_reader().t();
    // Whatever it was to show, missing code is said as such (a series whose formats' chunk
    // did not load, in a market block).
    let what = if kind == "code" { Failed::Code } else { what };
    let title = match what {
        Failed::Profile => t.profile_unavailable,
        Failed::Market => t.market_unavailable,
        Failed::Setup => t.setup_wrong,
        Failed::Code => t.code_unavailable,
    };
    view! {
        <div part="state" class="bfx-state bfx-state--error" data-error-kind=kind>
            <strong class="bfx-state__title" role="alert">{title}</strong>
            {retry.map(|next| view! { <RetryIn next=next/> })}
            <TechnicalDetails message=message/>
        </div>
    }
}

/// " — retrying in N s" after a failure's words, until the next refresh: counted down each
/// second (outside any alert, so a screen reader hears the failure once); empty while none is
/// scheduled.
#[component]
pub fn RetryIn(
    /// The refresh that tries again (read where `refresh_tick` was called).
    next: NextRefresh,
) -> impl IntoView {
    let line = retry_line(next, use_reader().t());
    // An `AnyView`, as the other reactive children are: no reactive `String` child's code.
    view! { <span class="bfx-state__retry">{move || line().into_any()}</span> }
}

fn retry_line(next: NextRefresh, t: &'static Texts) -> impl Fn() -> String {
    // Whole seconds in a `u32` signal pair, as `refresh_tick`'s time is: a signal type the crate
    // already has.
    let (now, set_now) = signal(now_secs());
    if let Ok(h) = set_interval_with_handle(
        move || {
            set_now.try_set(now_secs());
        },
        Duration::from_secs(1),
    ) {
        on_cleanup(move || h.clear());
    }
    move || {
        let at = next.0.get();
        if at == 0 {
            return String::new();
        }
        let secs = at.saturating_sub(now.get());
        let words = if secs >= 1 {
            fill(t.retry_in, &[&secs.to_string()])
        } else {
            t.retrying.to_owned()
        };
        format!(" — {words}")
    }
}

/// The technical detail of a failure (URL, status, cause) behind a disclosure, for developers;
/// English, as the computing API words it.
#[component]
pub fn TechnicalDetails(
    /// The detail, shown as text.
    #[prop(into)]
    message: String,
) -> impl IntoView {
    view! {
        <details class="bfx-details">
            <summary>{use_reader().t().details}</summary>
            <code class="bfx-state__message" lang=Some(std::sync::Arc::<str>::from("en"))>{message}</code>
        </details>
    }
}
