use crate::web::components::{aria_level, next_id, Badge, Empty, HeadingLevel, Tone};
use barfinex_core::format::{fmt_num, utc_minute as fmt_time};
use barfinex_core::model::{Signal as SignalSpec, SignalDirection};
use barfinex_core::signals::{Check, SignalResult, State};
use leptos::prelude::*;

/// Market signals as badges: category, direction, title and, once scored, the live state and
/// strength. Each badge opens its evidence (the numbers and thresholds behind the state, the
/// data's source, timeframe and "as of" time) in a native popover: a button that says it opens a
/// dialog, Escape and outside clicks close it, focus returns to the button.
///
/// ```no_run
/// # use leptos::prelude::*; use barfinex_widgets::web::components::SignalBadges;
/// # let signals = vec![];
/// view! { <SignalBadges signals=signals/> };
/// ```
#[component]
pub fn SignalBadges(
    /// The signals, in the order given.
    signals: Vec<SignalSpec>,
    /// Their scores, in the same order (`None` while loading). Reactive, so a refresh updates
    /// the badges in place and a reader's focus stays where it was.
    #[prop(into, default = Signal::stored(None))]
    results: Signal<Option<Vec<SignalResult>>>,
    /// Show the summary line (e.g. "2 bearish active · 1 bullish inactive").
    #[prop(default = true)]
    summary: bool,
) -> impl IntoView {
    if signals.is_empty() {
        return view! { <Empty text="No market signals listed."/> }.into_any();
    }
    let line = move || {
        results
            .with(|r| r.as_ref().map(|r| summary_line(r)))
            .filter(|_| summary)
    };
    view! {
        <p class="bfx-signals__summary" role="status" hidden=move || line().is_none()>{line}</p>
        <ul part="signals" class="bfx-signals">
            {signals.into_iter().enumerate().map(|(i, s)| {
                let result = Signal::derive(move || results.with(|r| r.as_ref().and_then(|v| v.get(i).cloned())));
                view! { <li><SignalBadge signal=s result=result/></li> }
            }).collect_view()}
        </ul>
    }
    .into_any()
}

/// "2 bearish active · 1 bullish inactive · 2 insufficient data": active and inactive counted
/// by direction, the other states by state alone.
pub fn summary_line(results: &[SignalResult]) -> String {
    let mut parts: Vec<(String, usize)> = Vec::new();
    for r in results {
        let key = match r.state {
            State::Active | State::Inactive => format!(
                "{} {}",
                r.observed_direction
                    .unwrap_or(r.direction)
                    .as_str()
                    .to_ascii_lowercase(),
                r.state.as_str()
            ),
            s => s.label().to_ascii_lowercase(),
        };
        match parts.iter_mut().find(|(k, _)| *k == key) {
            Some((_, n)) => *n += 1,
            None => parts.push((key, 1)),
        }
    }
    parts
        .iter()
        .map(|(k, n)| format!("{n} {k}"))
        .collect::<Vec<_>>()
        .join(" · ")
}

#[component]
fn SignalBadge(signal: SignalSpec, result: Signal<Option<SignalResult>>) -> impl IntoView {
    let pop = next_id("evidence");
    let heading = format!("{pop}-title");
    let (pop_button, pop_close, heading_ref) = (pop.clone(), pop.clone(), heading.clone());
    let declared = signal.direction;
    let state = move || result.with(|r| r.as_ref().map(|r| r.state.as_str()));
    let state_text = move || {
        result.with(|r| {
            r.as_ref().map(|r| match r.strength {
                Some(s) => format!("{} · {s}/100", r.state.label()),
                None => r.state.label().to_owned(),
            })
        })
    };
    let strength = move || result.with(|r| r.as_ref().and_then(|r| r.strength));
    let synthetic = move || result.with(|r| r.as_ref().is_some_and(|r| r.synthetic));
    view! {
        <div part="signal" class="bfx-signal" data-direction=signal.direction.as_str() data-state=state>
            <button type="button" class="bfx-signal__summary" popovertarget=pop_button aria-haspopup="dialog">
                <span class="bfx-signal__badges">
                    <Badge tone=Tone::Category label=signal.category.as_str()/>
                    <Badge tone=signal.direction label=signal.direction.as_str()/>
                    {move || synthetic().then(|| view! { <Badge tone=Tone::Mixed label="Synthetic"/> })}
                </span>
                <span class="bfx-signal__title" dir="auto">{signal.title.clone()}</span>
                {move || state_text().map(|t| view! {
                    <span class=format!("bfx-signal__state bfx-signal__state--{}", state().unwrap_or(""))>{t}</span>
                })}
                {move || strength().map(|s| view! {
                    <span class="bfx-signal__meter" aria-hidden="true"><span style:inline-size=format!("{s}%")></span></span>
                })}
            </button>
            <div part="popover" class="bfx-signal__popover" id=pop popover="auto" role="dialog" aria-labelledby=heading_ref>
                <div class="bfx-signal__popover-head">
                    <div role="heading" {..aria_level(HeadingLevel::here())} id=heading class="bfx-signal__heading" dir="auto">{signal.title}</div>
                    <button type="button" class="bfx-signal__close" popovertarget=pop_close popovertargetaction="hide" aria-label="Close">"×"</button>
                </div>
                <p class="bfx-signal__description" dir="auto">{signal.description}</p>
                {move || match result.get() {
                    Some(r) => {
                        let direction = r.observed_direction.unwrap_or(declared);
                        view! { <Evidence result=r direction=direction/> }.into_any()
                    }
                    None => view! { <p class="bfx-evidence__reason">"Scoring…"</p> }.into_any(),
                }}
            </div>
        </div>
    }
}

#[component]
fn Evidence(result: SignalResult, direction: SignalDirection) -> impl IntoView {
    let head = match (result.state, result.strength) {
        (s, Some(n)) => format!("{}: strength {n}/100", s.label()),
        (s, None) => s.label().to_owned(),
    };
    let mut facts = Vec::new();
    if let Some(tf) = &result.timeframe {
        facts.push(format!("timeframe {tf}"));
    }
    if let Some(t) = result.as_of {
        facts.push(format!("data as of {}", fmt_time(t)));
    }
    if result.observed_direction.is_some() {
        facts.push(format!("observed direction {}", direction.as_str()));
    }
    view! {
        <div class="bfx-evidence">
            <p class="bfx-evidence__head"><strong>{head}</strong>{(!facts.is_empty()).then(|| format!(" · {}", facts.join(" · ")))}</p>
            {result.reason.map(|r| view! { <p class="bfx-evidence__reason" dir="auto">{r}</p> })}
            {(!result.evidence.is_empty()).then(|| view! {
                <ul class="bfx-evidence__checks">
                    {result.evidence.into_iter().map(|c| view! { <CheckRow check=c/> }).collect_view()}
                </ul>
            })}
            {(!result.data.is_empty()).then(|| view! {
                <ul class="bfx-evidence__data">
                    {result.data.into_iter().map(|d| view! {
                        <li>
                            <span class="bfx-evidence__series">{d.series}</span>
                            {format!(": {} points{}, ", d.points, d.as_of.map(|t| format!(" to {}", fmt_time(t))).unwrap_or_default())}
                            {d.synthetic.then(|| view! { <Badge tone=Tone::Mixed label="Synthetic"/> " " })}
                            <span class="bfx-evidence__source">{d.source}</span>
                        </li>
                    }).collect_view()}
                </ul>
            })}
        </div>
    }
}

#[component]
fn CheckRow(check: Check) -> impl IntoView {
    let (mark, word) = match check.passed {
        Some(true) => ("✓", "met"),
        Some(false) => ("✗", "not met"),
        None => ("?", "no data"),
    };
    let comparison = match (check.value, check.op, check.threshold) {
        (Some(v), Some(op), Some(t)) => format!("{} {op} {}", fmt_num(v), fmt_num(t)),
        (Some(v), _, _) => fmt_num(v),
        _ => String::new(),
    };
    view! {
        <li class="bfx-evidence__check" data-passed=check.passed.map(|p| p.to_string())>
            <span class="bfx-evidence__mark" aria-hidden="true">{mark}</span>
            <span class="bfx-visually-hidden">{word}": "</span>
            <span dir="auto">{check.label}</span>
            {(!comparison.is_empty()).then(|| view! { ": " <span class="bfx-evidence__value">{comparison}</span> })}
            {check.time.map(|t| format!(" at {}", fmt_time(t)))}
            {check.note.map(|n| view! { <span class="bfx-evidence__note" dir="auto">{format!(" ({n})")}</span> })}
        </li>
    }
}
