//! A profile's rules read once: each rule parsed (or its error), the series they read, and the
//! breakout the price chart marks. The widgets build a plan when a document arrives and score
//! with it on every refresh; nothing parses a rule again.

use super::json::RuleError;
use super::parse::parse_rule;
use super::rule::{BreakoutParams, SignalRule};
use crate::json::Value;
use crate::model::Signal;

/// One rule of a plan: where it sits and what reading it gave.
#[derive(Clone, Debug, PartialEq)]
pub struct Planned {
    /// Its path in the document, for messages (`signals[2].rule`).
    pub path: String,
    /// `None`: no rule (the signal is a label only).
    pub rule: Option<Result<SignalRule, RuleError>>,
}

/// Every rule of a document, parsed once, in document order.
///
/// ```
/// use barfinex_core::signals::Plan;
/// use barfinex_core::json::parse;
/// let rules = [parse(r#"{"kind": "breakout_retest", "lookback": 20}"#).unwrap(),
///              parse(r#"{"kind": "threshold", "series": "funding", "op": "<", "value": 0}"#).unwrap()];
/// let plan = Plan::new(rules.iter().enumerate().map(|(i, r)| (format!("rules[{i}]"), Some(r))));
/// assert_eq!(plan.series(), ["candles", "funding"]);
/// assert_eq!(plan.breakout().map(|(s, p)| (s, p.lookback)), Some(("candles", 20)));
/// ```
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Plan {
    pub rules: Vec<Planned>,
    series: Vec<String>,
}

impl Plan {
    /// Parses each `(path, rule)` once.
    pub fn new<'a>(rules: impl IntoIterator<Item = (String, Option<&'a Value>)>) -> Plan {
        let rules: Vec<Planned> = rules
            .into_iter()
            .map(|(path, json)| Planned {
                rule: json.map(|j| parse_rule(j, &path)),
                path,
            })
            .collect();
        let mut series = Vec::new();
        for r in rules.iter().filter_map(Planned::parsed) {
            for name in r.rule.series_names() {
                if !series.contains(&name) {
                    series.push(name);
                }
            }
        }
        Plan { rules, series }
    }

    /// A profile's signals: paths `signals[i].rule`.
    pub fn for_signals(signals: &[Signal]) -> Plan {
        Plan::new(
            signals
                .iter()
                .enumerate()
                .map(|(i, s)| (format!("signals[{i}].rule"), s.rule.as_ref())),
        )
    }

    /// The named series the rules read, in order, without repeats: what a page must load.
    pub fn series(&self) -> &[String] {
        &self.series
    }

    /// The first breakout rule's series and parameters, for the price chart's marks.
    pub fn breakout(&self) -> Option<(&str, BreakoutParams)> {
        self.rules
            .iter()
            .filter_map(Planned::parsed)
            .find_map(|r| r.rule.breakout())
    }
}

impl Planned {
    /// The rule, when it was read without error.
    pub fn parsed(&self) -> Option<&SignalRule> {
        self.rule.as_ref()?.as_ref().ok()
    }
}

/// The series `rules` may read, found without reading them as rules: each name under a
/// `series`, `a`, `b`, `of` or `by` key at any depth (its part before a `.`), and `candles` for
/// a `breakout_retest` that names none. For rules that read, it holds every name
/// [`Plan::series`] gives (a test checks it on every rule the tests read); a rule that does not
/// read can add a name. The widgets start these loads as soon as a profile is in, before the
/// rules are read: the rule reader is in the split build's `signals` chunk, not the main module.
/// The walk visits each value of the documents once (their size is capped when they are read).
///
/// ```
/// use barfinex_core::signals::series_named;
/// let rules = [barfinex_core::json::parse(r#"{"kind": "all", "rules": [
///     {"kind": "breakout_retest", "lookback": 20},
///     {"kind": "threshold", "series": {"derive": "ratio", "of": "oi", "by": "candles.volume"}, "op": ">", "value": 1}]}"#).unwrap()];
/// assert_eq!(series_named(&rules), ["candles", "oi"]);
/// ```
pub fn series_named<'a>(rules: impl IntoIterator<Item = &'a Value>) -> Vec<String> {
    let mut names: Vec<String> = Vec::new();
    let mut add = |name: &str| {
        let name = crate::text::split(name, b".").next().unwrap_or(name);
        if !names.iter().any(|n| n == name) {
            names.push(name.to_owned());
        }
    };
    let mut stack: Vec<&Value> = rules.into_iter().collect();
    while let Some(v) = stack.pop() {
        match v {
            Value::Object(o) => {
                if o.get("kind").and_then(Value::as_str) == Some("breakout_retest")
                    && !o.contains_key("series")
                {
                    add("candles");
                }
                for (k, v) in o {
                    match (k.as_str(), v) {
                        ("series" | "a" | "b" | "of" | "by", Value::String(name)) => add(name),
                        (_, Value::Object(_) | Value::Array(_)) => stack.push(v),
                        _ => {}
                    }
                }
            }
            Value::Array(items) => stack.extend(items.iter().rev()),
            _ => {}
        }
    }
    crate::sort::sort(&mut names);
    names
}
