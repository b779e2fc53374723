//! Results written as JSON by hand, in the shape serde's derive gives them (`camelCase` keys,
//! `null` for what is absent, a number that is not finite as `null`): the wasm hands them to JS
//! with one `JSON.parse` and carries no serializer (README, "Where the bytes went").

use super::result::{Check, DataUsed, SignalResult};
use crate::float::shortest;
use crate::json::push_quoted;
use std::fmt::Write;

/// `results` as a JSON array of `SignalResult` objects.
///
/// ```
/// use barfinex_core::signals::results_json;
/// assert_eq!(results_json(&[]), "[]");
/// ```
pub fn results_json(results: &[SignalResult]) -> String {
    let mut out = String::new();
    list(&mut out, results, result);
    out
}

fn list<T>(out: &mut String, items: &[T], each: fn(&mut String, &T)) {
    out.push('[');
    for (i, item) in items.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        each(out, item);
    }
    out.push(']');
}

/// The fields of one object, written in order.
struct Obj<'a>(&'a mut String, bool);

impl Obj<'_> {
    fn key(&mut self, k: &str) -> &mut String {
        self.0.push(if std::mem::replace(&mut self.1, true) {
            ','
        } else {
            '{'
        });
        self.0.push('"');
        self.0.push_str(k);
        self.0.push_str("\":");
        self.0
    }

    fn str(&mut self, k: &str, v: Option<&str>) {
        let out = self.key(k);
        match v {
            Some(s) => push_quoted(out, s),
            None => out.push_str("null"),
        }
    }

    fn num(&mut self, k: &str, v: Option<f64>) {
        let out = self.key(k);
        match v {
            Some(x) if x.is_finite() => out.push_str(&shortest(x)),
            _ => out.push_str("null"),
        }
    }

    fn int(&mut self, k: &str, v: Option<i64>) {
        let out = self.key(k);
        match v {
            Some(n) => {
                let _ = write!(out, "{n}");
            }
            None => out.push_str("null"),
        }
    }

    fn bool(&mut self, k: &str, v: Option<bool>) {
        self.key(k).push_str(match v {
            Some(true) => "true",
            Some(false) => "false",
            None => "null",
        });
    }

    fn close(self) {
        self.0.push_str(if self.1 { "}" } else { "{}" });
    }
}

fn result(out: &mut String, r: &SignalResult) {
    let mut o = Obj(out, false);
    o.str("title", Some(&r.title));
    o.str("category", Some(r.category.as_str()));
    o.str("direction", Some(r.direction.as_str()));
    o.str(
        "observedDirection",
        r.observed_direction.map(|d| d.as_str()),
    );
    o.str("state", Some(r.state.as_str()));
    o.int("strength", r.strength.map(i64::from));
    o.str("timeframe", r.timeframe.as_deref());
    o.int("asOf", r.as_of);
    o.bool("synthetic", Some(r.synthetic));
    list(o.key("data"), &r.data, data);
    list(o.key("evidence"), &r.evidence, check);
    o.str("reason", r.reason.as_deref());
    o.close();
}

fn data(out: &mut String, d: &DataUsed) {
    let mut o = Obj(out, false);
    o.str("series", Some(&d.series));
    o.str("source", Some(&d.source));
    o.bool("synthetic", Some(d.synthetic));
    o.int("asOf", d.as_of);
    o.int("points", Some(d.points as i64));
    o.str("interval", d.interval.as_deref());
    o.close();
}

fn check(out: &mut String, c: &Check) {
    let mut o = Obj(out, false);
    o.str("rule", Some(&c.rule));
    o.str("kind", Some(c.kind));
    o.str("label", Some(&c.label));
    o.num("value", c.value);
    o.str("op", c.op);
    o.num("threshold", c.threshold);
    o.bool("passed", c.passed);
    o.int("time", c.time);
    o.str("note", c.note.as_deref());
    o.close();
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{SignalCategory, SignalDirection};
    use crate::signals::State;
    use proptest::prelude::*;
    use serde_json::Value;

    /// Numbers as JS reads them: `3` and `3.0` are one number.
    fn as_js(v: Value) -> Value {
        match v {
            Value::Number(n) => n.as_f64().map_or(Value::Null, Value::from),
            Value::Array(a) => Value::Array(a.into_iter().map(as_js).collect()),
            Value::Object(o) => Value::Object(o.into_iter().map(|(k, v)| (k, as_js(v))).collect()),
            v => v,
        }
    }

    fn sample(text: String, x: f64, some: bool) -> SignalResult {
        let check = Check {
            rule: text.clone(),
            kind: "threshold",
            label: text.clone(),
            value: Some(x),
            op: some.then_some("<="),
            threshold: some.then_some(-x),
            passed: some.then_some(x > 0.0),
            time: some.then_some(1_700_000_000_000),
            note: some.then(|| text.clone()),
            said: None,
            note_said: None,
        };
        SignalResult {
            title: text.clone(),
            category: SignalCategory::Positioning,
            direction: SignalDirection::Mixed,
            observed_direction: some.then_some(SignalDirection::Bearish),
            state: if some {
                State::InsufficientData
            } else {
                State::Active
            },
            strength: some.then_some(87),
            timeframe: some.then(|| "4h".into()),
            as_of: some.then_some(-5),
            synthetic: some,
            data: vec![DataUsed {
                series: text.clone(),
                source: "Binance".into(),
                synthetic: !some,
                as_of: some.then_some(0),
                points: 500,
                interval: some.then(|| "1d".into()),
            }],
            evidence: if some {
                vec![check.clone(), check]
            } else {
                vec![]
            },
            reason: some.then_some(text),
        }
    }

    proptest! {
        #[test]
        fn written_as_serde_writes_them(text in "\\PC{0,12}|[\"\\\\\n\t\u{1}]{0,4}", x in any::<f64>(), some in any::<bool>()) {
            let results = vec![sample(text.clone(), x, some), sample(text, 1.0 / 3.0, !some)];
            let ours: Value = serde_json::from_str(&results_json(&results)).unwrap();
            let theirs = serde_json::to_value(&results).unwrap();
            prop_assert_eq!(as_js(ours), as_js(theirs));
        }
    }
}
