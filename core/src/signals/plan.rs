//! A profile's rules read once: each rule parsed (or its error), the series they read, and the
//! breakout the price chart marks. The widgets build a plan when a document arrives and score
//! with it on every refresh; nothing parses a rule again.

use super::json::RuleError;
use super::parse::parse_rule;
use super::rule::{BreakoutParams, SignalRule};
use crate::model::Signal;
use serde_json::Value;

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
/// let rules = [serde_json::json!({"kind": "breakout_retest", "lookback": 20}),
///              serde_json::json!({"kind": "threshold", "series": "funding", "op": "<", "value": 0})];
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
