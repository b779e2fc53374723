//! The current market regime, decided by data-defined rules: a document lists regimes in order
//! of precedence, each with a rule in the signal-rule format; the first rule that holds names the
//! regime. When no rule holds, or none has data, the regime is unknown, and the result says why.

use super::input::SeriesSet;
use super::plan::Plan;
use super::result::{SignalResult, State};
use super::score::score_parsed;
use crate::model::{
    check_name, check_sources, check_text, SeriesSource, Signal, SignalCategory, SignalDirection,
    MAX_REGIMES,
};
use serde::Serialize;

/// A regime-rules document (`www/data/regime-rules.json`).
///
/// ```json
/// { "version": 1,
///   "sources": [{ "series": "btc", "source": "binance-spot-klines", "symbol": "BTCUSDT", "interval": "1d" }],
///   "rules": [{ "regime": "risk-on", "description": "BTC above its 200-day average",
///               "rule": { "kind": "threshold", "series": { "derive": "ratio", "of": "btc.close",
///                         "by": { "derive": "sma", "of": "btc.close", "period": 200 } }, "op": ">", "value": 1 } }] }
/// ```
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct RegimeRules {
    pub version: u32,
    /// For people reading the document; not interpreted.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
    /// Where each series the rules read comes from.
    #[serde(default)]
    pub sources: Vec<SeriesSource>,
    /// In order of precedence.
    pub rules: Vec<RegimeRule>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct RegimeRule {
    /// The regime this rule detects (`risk-on`, `tightening`, …).
    pub regime: String,
    /// What the rule says, in words, shown as "decided by".
    #[serde(default)]
    pub description: String,
    /// A rule in the signal-rule format (docs/signal-rules.md).
    pub rule: crate::json::Value,
}

/// The outcome: the regime (if any rule held), which rule decided it, and every rule's result.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CurrentRegime {
    /// `None`: unknown.
    pub regime: Option<String>,
    /// Index into the rules of the rule that decided it.
    pub decided_by: Option<usize>,
    pub description: Option<String>,
    /// Why the regime is unknown: no rule held, or no rule had data.
    pub reason: Option<String>,
    /// Each rule's result, in order.
    pub results: Vec<SignalResult>,
}

impl CurrentRegime {
    /// The deciding rule's result.
    pub fn decisive(&self) -> Option<&SignalResult> {
        self.results.get(self.decided_by?)
    }
}

/// Parses a regime-rules document; errors name the field path.
pub fn parse_regime_rules(json: &str) -> Result<RegimeRules, String> {
    let doc: RegimeRules = crate::doc::read(json)
        .map_err(|e| {
            if e.path.is_empty() {
                format!("regime rules: {}", e.message)
            } else {
                e.to_string()
            }
        })?
        .value;
    if doc.version != 1 {
        return Err(format!(
            "version: {} is not supported (this reader reads 1)",
            doc.version
        ));
    }
    // Checked like a profile: the same source checks (http(s) URLs, endpoints, counts) and
    // bounded texts and lists.
    let err = |e: crate::model::ProfileError| e.to_string();
    check_sources(&doc.sources).map_err(err)?;
    if doc.rules.len() > MAX_REGIMES {
        return Err(format!(
            "rules: {} entries; the limit is {MAX_REGIMES}",
            doc.rules.len()
        ));
    }
    check_text("note", &doc.note).map_err(err)?;
    for (i, r) in doc.rules.iter().enumerate() {
        check_name(&format!("rules[{i}].regime"), &r.regime).map_err(err)?;
        check_text(&format!("rules[{i}].description"), &r.description).map_err(err)?;
    }
    Ok(doc)
}

crate::object_from_doc!(RegimeRules, ["version", "note", "sources", "rules"], |f| {
    RegimeRules {
        version: f.req("version")?,
        note: f.or_default("note")?,
        sources: f.or_default("sources")?,
        rules: f.req("rules")?,
    }
});

crate::object_from_doc!(RegimeRule, ["regime", "description", "rule"], |f| {
    RegimeRule {
        regime: f.req("regime")?,
        description: f.or_default("description")?,
        rule: f.req("rule")?,
    }
});

impl RegimeRules {
    /// The rules read once (paths `rules[i].rule`): the series they need, for loading.
    pub fn plan(&self) -> Plan {
        Plan::new(
            self.rules
                .iter()
                .enumerate()
                .map(|(i, r)| (format!("rules[{i}].rule"), Some(&r.rule))),
        )
    }
}

/// Evaluates the rules in order over `set`: the first active one decides.
pub fn current_regime(doc: &RegimeRules, set: &SeriesSet) -> CurrentRegime {
    current_regime_with_plan(doc, &doc.plan(), set)
}

/// [`current_regime`] with the rules already read ([`RegimeRules::plan`]).
pub fn current_regime_with_plan(doc: &RegimeRules, plan: &Plan, set: &SeriesSet) -> CurrentRegime {
    let results: Vec<SignalResult> = doc
        .rules
        .iter()
        .zip(&plan.rules)
        .map(|(r, planned)| {
            let as_signal = Signal {
                category: SignalCategory::Technical,
                direction: SignalDirection::Mixed,
                title: r.regime.clone(),
                description: r.description.clone(),
                rule: Some(r.rule.clone()),
            };
            score_parsed(&as_signal, planned, set)
        })
        .collect();
    let decided_by = results.iter().position(|r| r.state == State::Active);
    let any_data = results
        .iter()
        .any(|r| matches!(r.state, State::Active | State::Inactive));
    let reason = match (decided_by, any_data) {
        (Some(_), _) => None,
        (None, true) => Some("no rule holds on the latest data".to_owned()),
        (None, false) => Some("no rule has data".to_owned()),
    };
    CurrentRegime {
        regime: decided_by.map(|i| doc.rules[i].regime.clone()),
        description: decided_by.map(|i| doc.rules[i].description.clone()),
        decided_by,
        reason,
        results,
    }
}
