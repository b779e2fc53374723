use crate::web::components::primitives::{maybe, CollectAny};
use crate::web::components::{
    aria_level, next_id, Badge, Empty, HeadingLevel, Packed, ProfileLang, TechnicalDetails, Tone,
};
use crate::web::load::ErasedResource;
use crate::web::reader::use_reader;
use barfinex_core::format::joined;
use barfinex_core::locale::{fill, lower, Locale};
use barfinex_core::model::{Signal as SignalSpec, SignalDirection};
use barfinex_core::signals::{Arg, Check, Said, SignalResult, State};
use leptos::prelude::*;
use std::sync::Arc;

/// Market signals as badges: category, direction, title and, once scored, the live state and
/// strength. Each badge opens its evidence (the numbers and thresholds behind the state, the
/// data's source, timeframe and "as of" time) in a native popover: a button that says it opens a
/// dialog, Escape and outside clicks close it, focus returns to the button. The evidence is
/// built when its button first opens it.
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
    /// Their scores, in the same order, as loaded (none: the badges without scores). Reactive,
    /// so a refresh updates the badges in place and a reader's focus stays where it was. (A
    /// resource, not a `Signal`: a `Signal` of this type would cost the bundle its own code.)
    #[prop(optional)]
    results: Option<ErasedResource<Vec<SignalResult>>>,
    /// Show the summary line (e.g. "2 bearish active · 1 bullish inactive").
    #[prop(default = true)]
    summary: bool,
) -> impl IntoView {
    let locale = use_reader().locale;
    if signals.is_empty() {
        return view! { <Empty text=locale.text.no_signals/> }.into_any();
    }
    let line = move || {
        results?
            .with(|r| r.map(|r| summary_line(r, locale)))
            .filter(|_| summary)
    };
    view! {
        <p class="bfx-signals__summary" role="status" hidden=move || line().is_none()>{move || line().unwrap_or_default().into_any()}</p>
        <ul part="signals" class="bfx-signals">
            {signals.into_iter().enumerate().map(|(i, s)| {
                view! { <li><SignalBadge signal=s results=results at=i/></li> }
            }).collect_any()}
        </ul>
    }
    .into_any()
}

/// "2 bearish active · 1 bullish inactive · 2 insufficient data": active and inactive counted
/// by direction, the other states by state alone.
pub fn summary_line(results: &[SignalResult], l: &Locale) -> String {
    let (t, w) = (&l.text, l.signal_words());
    let mut parts: Vec<(String, usize)> = Vec::new();
    for r in results {
        let key = match r.state {
            State::Active | State::Inactive => fill(
                w.direction_state,
                &[
                    l.signal_direction(r.observed_direction.unwrap_or(r.direction)),
                    l.state(r.state),
                ],
            ),
            s => l.state(s).to_owned(),
        };
        let key = lower(&key);
        match parts.iter_mut().find(|(k, _)| *k == key) {
            Some((_, n)) => *n += 1,
            None => parts.push((key, 1)),
        }
    }
    let parts: Vec<String> = parts
        .iter()
        .map(|(k, n)| fill(t.count, &[&n.to_string(), k]))
        .collect();
    joined(&parts, " · ")
}

/// `signal`'s badge; its result is `results[at]`, read in place (a signal of one result per badge
/// would be a second signal type, and each costs the bundle its own code).
#[component]
fn SignalBadge(
    signal: SignalSpec,
    results: Option<ErasedResource<Vec<SignalResult>>>,
    at: usize,
) -> impl IntoView {
    let pop = next_id("evidence");
    let heading = format!("{pop}-title");
    let (pop_button, pop_close, heading_ref) = (pop.clone(), pop.clone(), heading.clone());
    let reader = use_reader();
    let (l, t) = (reader.locale, reader.t());
    let declared = signal.direction;
    let text_lang = ProfileLang::here();
    let state = move || read(results, at, |r| r.state.as_str());
    let state_text = move || {
        read(results, at, |r| match r.strength {
            Some(s) => format!("{} · {s}/100", l.state(r.state)),
            None => l.state(r.state).to_owned(),
        })
    };
    let strength = move || read(results, at, |r| r.strength).flatten();
    let synthetic = move || read(results, at, |r| r.synthetic).unwrap_or(false);
    // The evidence is built when the button first opens the popover (and kept up to date from
    // then on): a page of badges would otherwise build, and format the times of, every one
    // unseen. The button's click (mouse, touch, Enter, Space) comes before the popover shows.
    let opened = Packed::new(false);
    view! {
        <div part="signal" class="bfx-signal" data-direction=signal.direction.as_str() data-state=state>
            <button type="button" class="bfx-signal__summary" popovertarget=pop_button aria-haspopup="dialog"
                on:click=move |_| opened.set(true)>
                <span class="bfx-signal__badges">
                    <Badge tone=Tone::Category label=l.signal_category(signal.category)/>
                    <Badge tone=signal.direction label=l.signal_direction(signal.direction)/>
                    {move || maybe(synthetic().then(|| view! { <Badge tone=Tone::Mixed label=t.synthetic/> }.into_any()))}
                </span>
                <span class="bfx-signal__title" dir="auto" lang=text_lang.clone()>{signal.title.clone()}</span>
                {move || maybe(state_text().map(|t| view! {
                    <span class=format!("bfx-signal__state bfx-signal__state--{}", state().unwrap_or(""))>{t}</span>
                }.into_any()))}
                {move || maybe(strength().map(|s| view! {
                    <span class="bfx-signal__meter" aria-hidden="true"><span style:inline-size=format!("{s}%")></span></span>
                }.into_any()))}
            </button>
            <div part="popover" class="bfx-signal__popover" id=pop popover="auto" role="dialog" aria-labelledby=heading_ref>
                <div class="bfx-signal__popover-head">
                    <div role="heading" {..aria_level(HeadingLevel::here())} id=heading class="bfx-signal__heading" dir="auto" lang=text_lang.clone()>{signal.title}</div>
                    <button type="button" class="bfx-signal__close" popovertarget=pop_close popovertargetaction="hide" aria-label=t.close>"×"</button>
                </div>
                <p class="bfx-signal__description" dir="auto" lang=text_lang>{signal.description}</p>
                // A view, not an `Option` of one: the crate has that reactive type's code already.
                {move || match opened.get().then(|| read(results, at, SignalResult::clone)) {
                    None => ().into_any(),
                    Some(Some(r)) => {
                        let direction = r.observed_direction.unwrap_or(declared);
                        view! { <Evidence result=r direction=direction/> }.into_any()
                    }
                    Some(None) => view! { <p class="bfx-evidence__reason">{t.scoring}</p> }.into_any(),
                }}
            </div>
        </div>
    }
}

/// `f` of the result at `at`, once there is one.
fn read<R>(
    results: Option<ErasedResource<Vec<SignalResult>>>,
    at: usize,
    f: impl FnOnce(&SignalResult) -> R,
) -> Option<R> {
    results?.with(|r| r.and_then(|v| v.get(at)).map(f))
}

#[component]
fn Evidence(result: SignalResult, direction: SignalDirection) -> impl IntoView {
    let reader = use_reader();
    let (l, t) = (reader.locale, reader.t());
    let w = l.signal_words();
    let head = match (result.state, result.strength) {
        (s, Some(n)) => fill(w.strength, &[l.state(s), &n.to_string()]),
        (s, None) => l.state(s).to_owned(),
    };
    let mut facts = Vec::new();
    if let Some(tf) = &result.timeframe {
        facts.push(fill(w.timeframe, &[tf]));
    }
    if let Some(ms) = result.as_of {
        facts.push(fill(t.data_as_of, &[&reader.time(ms)]));
    }
    if result.observed_direction.is_some() {
        facts.push(fill(w.observed_direction, &[l.signal_direction(direction)]));
    }
    view! {
        <div class="bfx-evidence">
            <p class="bfx-evidence__head"><strong>{head}</strong>{(!facts.is_empty()).then(|| format!(" · {}", joined(&facts, " · ")))}</p>
            // Why it could not be scored, in the engine's English: a detail for developers, since
            // the state above and the checks below say it in the reader's words.
            {result.reason.map(|r| view! { <div class="bfx-evidence__reason"><TechnicalDetails message=r/></div> })}
            {(!result.evidence.is_empty()).then(|| view! {
                <ul class="bfx-evidence__checks">
                    {result.evidence.into_iter().map(|c| view! { <CheckRow check=c/> }).collect_any()}
                </ul>
            })}
            {(!result.data.is_empty()).then(|| view! {
                <ul class="bfx-evidence__data">
                    {result.data.into_iter().map(|d| view! {
                        <li>
                            <span class="bfx-evidence__series">{d.series}</span>
                            {format!(": {}{}, ", fill(w.points, &[&d.points.to_string()]), d.as_of.map(|ms| fill(w.to_time, &[&reader.time(ms)])).unwrap_or_default())}
                            {d.synthetic.then(|| view! { <Badge tone=Tone::Mixed label=t.synthetic/> " " })}
                            <span class="bfx-evidence__source">{d.source}</span>
                        </li>
                    }).collect_any()}
                </ul>
            })}
        </div>
    }
}

#[component]
fn CheckRow(check: Check) -> impl IntoView {
    let reader = use_reader();
    let (t, w, n) = (reader.t(), reader.locale.signal_words(), reader.n());
    let (mark, word) = match check.passed {
        Some(true) => ("✓", w.met),
        Some(false) => ("✗", w.not_met),
        None => ("?", t.no_data),
    };
    let comparison = match (check.value, check.op, check.threshold) {
        (Some(v), Some(op), Some(th)) => format!("{} {op} {}", n.num(v), n.num(th)),
        (Some(v), _, _) => n.num(v),
        _ => String::new(),
    };
    // The reader's words where the engine gave a phrase; else its English, marked as such.
    let say = |said: Option<Said>, english: String| match said {
        Some(Said(p, args)) => {
            let args: Vec<String> = args
                .iter()
                .map(|a| match a {
                    Arg::Text(s) => s.clone(),
                    Arg::Num(x) => n.num(*x),
                    Arg::Time(ms) => reader.time(*ms),
                })
                .collect();
            let args: Vec<&str> = args.iter().map(String::as_str).collect();
            (fill(reader.locale.evidence(p), &args), None)
        }
        None => (english, Some(Arc::<str>::from("en"))),
    };
    let (label, label_lang) = say(check.said, check.label);
    let note = check.note.map(|n| say(check.note_said, n));
    view! {
        <li class="bfx-evidence__check" data-passed=check.passed.map(|p| p.to_string())>
            <span class="bfx-evidence__mark" aria-hidden="true">{mark}</span>
            <span class="bfx-visually-hidden">{word}": "</span>
            <span dir="auto" lang=label_lang>{label}</span>
            {(!comparison.is_empty()).then(|| view! { ": " <span class="bfx-evidence__value">{comparison}</span> })}
            {check.time.map(|ms| fill(w.at_time, &[&reader.time(ms)]))}
            {note.map(|(n, lang)| view! { <span class="bfx-evidence__note" dir="auto" lang=lang>{format!(" ({n})")}</span> })}
        </li>
    }
}
