//! Scoring signals: a parsed rule over the series in hand, into a [`SignalResult`].

use super::eval::evaluate;
use super::input::SeriesSet;
use super::parse::parse_rule;
use super::plan::{Plan, Planned};
use super::result::{DataUsed, SignalResult, State};
use super::rule::SignalRule;
use crate::interval::Interval;
use crate::model::{Signal, SignalDirection};

/// Scores every signal over `set`, reading each rule first. Each signal is scored on its own:
/// one invalid rule or one missing series affects that signal only.
pub fn score_signals(signals: &[Signal], set: &SeriesSet) -> Vec<SignalResult> {
    score_with_plan(signals, &Plan::for_signals(signals), set)
}

/// Scores `signals` with their rules as `plan` read them ([`Plan::for_signals`]): what the
/// widgets do on every refresh, without reading a rule again.
pub fn score_with_plan(signals: &[Signal], plan: &Plan, set: &SeriesSet) -> Vec<SignalResult> {
    signals
        .iter()
        .zip(&plan.rules)
        .map(|(s, p)| score_parsed(s, p, set))
        .collect()
}

/// Scores one signal, reading its rule; `path` names the rule in messages.
pub fn score_signal(signal: &Signal, path: &str, set: &SeriesSet) -> SignalResult {
    let planned = Planned {
        path: path.into(),
        rule: signal.rule.as_ref().map(|j| parse_rule(j, path)),
    };
    score_parsed(signal, &planned, set)
}

/// Scores one signal whose rule was already read.
pub fn score_parsed(signal: &Signal, planned: &Planned, set: &SeriesSet) -> SignalResult {
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
    let parsed: &SignalRule = match &planned.rule {
        None => return out,
        Some(Err(e)) => {
            out.state = State::Invalid;
            out.reason = Some(e.to_string());
            return out;
        }
        Some(Ok(r)) => r,
    };
    out.timeframe = parsed.timeframe.map(|t| t.to_string());
    for name in parsed.rule.series_names() {
        let Some(input) = set.get(&name) else {
            continue;
        };
        // Inputs built in Rust skip the parsers' checks; a ragged or unsorted series would
        // otherwise index out of bounds (a panic aborts the whole wasm module).
        if let Err(e) = input.data.check() {
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
    if let Some(tf) = parsed.timeframe {
        // Compared after normalising (`60m` is `1h`); an interval that does not parse differs.
        let differs = |i: &str| !i.parse::<Interval>().is_ok_and(|i| i == tf);
        let off: Vec<String> = out
            .data
            .iter()
            .filter_map(|d| Some((d, d.interval.as_deref()?)))
            .filter(|(_, i)| differs(i))
            .map(|(d, i)| format!("`{}` is at {i}", d.series))
            .collect();
        if !off.is_empty() {
            out.state = State::InsufficientData;
            out.reason = Some(format!(
                "the rule is for {tf} bars; {}",
                crate::format::joined(&off, ", ")
            ));
            return out;
        }
    }
    let node = evaluate(&parsed.rule, &planned.path, set);
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
        out.reason = Some(crate::format::joined(&node.reasons, "; "));
    }
    if signal.direction == SignalDirection::Mixed {
        out.observed_direction = node.direction;
    }
    out
}
