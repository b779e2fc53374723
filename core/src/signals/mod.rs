//! Signals as data: rules written in JSON, scored over market series, with evidence.
//!
//! A profile's signal carries a `rule` (format in `docs/signal-rules.md`); [`score_signals`]
//! evaluates each one over the series the page has and returns its state, strength 0–100, and
//! the numbers that decided it. A rule whose series are missing gives "insufficient data" for
//! that signal only; a rule that cannot be read gives "invalid" with the field's path.
//!
//! ```
//! use barfinex_core::model::{Signal, SignalCategory, SignalDirection};
//! use barfinex_core::series::Series;
//! use barfinex_core::signals::{score_signals, Input, SeriesSet, State};
//!
//! let signal = Signal {
//!     category: SignalCategory::Sentiment,
//!     direction: SignalDirection::Bearish,
//!     title: "Persistent negative funding".into(),
//!     description: String::new(),
//!     rule: Some(serde_json::json!({
//!         "kind": "persistence", "series": "funding", "op": "<", "value": 0, "periods": 3
//!     })),
//! };
//! let funding = Series { time: vec![1, 2, 3, 4], value: vec![0.0001, -0.0002, -0.0001, -0.0003] };
//! let mut set = SeriesSet::new();
//! set.insert("funding".into(), Input::points(funding, "test"));
//! let r = &score_signals(&[signal], &set)[0];
//! assert_eq!(r.state, State::Active);
//! assert_eq!(r.strength, Some(50)); // a streak of exactly the required 3
//! assert_eq!(r.evidence[0].value, Some(3.0));
//! ```

mod derive;
mod eval;
mod input;
mod json;
pub(crate) mod pattern;
mod regime;
mod result;
mod rule;
mod runs;

pub use derive::{eval as eval_series, Line, Missing};
pub use eval::{evaluate, ols, Node};
pub use input::{Input, SeriesSet};
pub use json::RuleError;
pub use pattern::{find_breakout, Breakout, Params as BreakoutParams, Retest};
pub use regime::{current_regime, parse_regime_rules, CurrentRegime, RegimeRule, RegimeRules};
pub use result::{Check, DataUsed, SignalResult, State};
pub use rule::{
    parse_rule, Derive, Field, Op, Rule, SeriesExpr, Side, SignalRule, Trend, MAX_DEPTH, MAX_WINDOW,
};
pub use runs::latest_run;

use crate::model::{Signal, SignalDirection};

/// About five significant digits, trailing zeros dropped: 0.00012, 2.6528, 1.0697, 6212842.7.
/// Evidence notes and the widgets print numbers this way.
///
/// ```
/// use barfinex_core::signals::fmt_num;
/// assert_eq!(fmt_num(-0.30081629038357416), "-0.30082");
/// assert_eq!(fmt_num(0.00012), "0.00012");
/// assert_eq!(fmt_num(6212842.71216), "6212843");
/// assert_eq!(fmt_num(2.0), "2");
/// ```
pub fn fmt_num(x: f64) -> String {
    if x == 0.0 || !x.is_finite() {
        return format!("{x}");
    }
    let mag = x.abs().log10().floor() as i32;
    if mag >= 9 {
        return format!("{x:.3e}");
    }
    let digits = (4 - mag).clamp(0, 12) as usize;
    let s = format!("{x:.digits$}");
    if s.contains('.') {
        s.trim_end_matches('0').trim_end_matches('.').to_owned()
    } else {
        s
    }
}

/// Scores every signal over `set`. Each signal is scored on its own: one invalid rule or one
/// missing series affects that signal only.
pub fn score_signals(signals: &[Signal], set: &SeriesSet) -> Vec<SignalResult> {
    signals
        .iter()
        .enumerate()
        .map(|(i, s)| score_signal(s, &format!("signals[{i}].rule"), set))
        .collect()
}

/// Scores one signal; `path` names its rule in messages.
pub fn score_signal(signal: &Signal, path: &str, set: &SeriesSet) -> SignalResult {
    let mut out = SignalResult {
        title: signal.title.clone(),
        category: signal.category,
        direction: signal.direction,
        observed_direction: None,
        state: State::Unscored,
        strength: None,
        timeframe: None,
        as_of: None,
        synthetic: false,
        data: Vec::new(),
        evidence: Vec::new(),
        reason: None,
    };
    let Some(json) = &signal.rule else {
        return out;
    };
    let parsed = match parse_rule(json, path) {
        Ok(r) => r,
        Err(e) => {
            out.state = State::Invalid;
            out.reason = Some(e.to_string());
            return out;
        }
    };
    out.timeframe = parsed.timeframe.clone();
    for name in parsed.rule.series_names() {
        let Some(input) = set.get(&name) else {
            continue;
        };
        // Inputs built in Rust skip the parsers' checks; a ragged or unsorted series would
        // otherwise index out of bounds (a panic aborts the whole wasm module).
        let checked = match &input.data {
            crate::sources::SeriesData::Candles(c) => c.check(),
            crate::sources::SeriesData::Points(p) => p.check(),
        };
        if let Err(e) = checked {
            out.state = State::InsufficientData;
            out.reason = Some(format!("series `{name}`: {e}"));
            return out;
        }
        out.synthetic |= input.synthetic;
        out.data.push(DataUsed {
            series: name,
            source: input.source.clone(),
            synthetic: input.synthetic,
            as_of: input.as_of(),
            points: input.len(),
            interval: input.interval.clone(),
        });
    }
    out.as_of = out.data.iter().filter_map(|d| d.as_of).min();
    if let Some(tf) = &parsed.timeframe {
        let off: Vec<String> = out
            .data
            .iter()
            .filter(|d| d.interval.as_ref().is_some_and(|i| i != tf))
            .map(|d| {
                format!(
                    "`{}` is at {}",
                    d.series,
                    d.interval.as_deref().unwrap_or("")
                )
            })
            .collect();
        if !off.is_empty() {
            out.state = State::InsufficientData;
            out.reason = Some(format!("the rule is for {tf} bars; {}", off.join(", ")));
            return out;
        }
    }
    let node = evaluate(&parsed.rule, path, set);
    out.evidence = node.checks;
    out.state = match node.truth {
        Some(true) => State::Active,
        Some(false) => State::Inactive,
        None => State::InsufficientData,
    };
    out.strength = match node.truth {
        Some(true) => Some(node.strength.round().clamp(50.0, 100.0) as u8),
        Some(false) => Some(node.strength.round().clamp(0.0, 49.0) as u8),
        None => None,
    };
    if node.truth.is_none() {
        out.reason = Some(node.reasons.join("; "));
    }
    if signal.direction == SignalDirection::Mixed {
        out.observed_direction = node.direction;
    }
    out
}
