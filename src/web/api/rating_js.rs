//! The rating's result as a JS object. Its keys and fixed strings (vote names, groups, labels)
//! are made into JS strings once and reused: creating them on every call (UTF-8 decoded on the
//! JS side, some 200 a result) cost 0.14 ms a call, more than rating 800 bars.

use barfinex_core::rating::{Group, GroupScore, Label, RatingDetail, Scores, VOTES};
use js_sys::{Array, Float64Array, Object, Reflect};
use wasm_bindgen::JsValue;

/// The JS strings a result is built from.
struct Keys {
    time: JsValue,
    total: JsValue,
    label: JsValue,
    moving_averages: JsValue,
    oscillators: JsValue,
    votes: JsValue,
    score: JsValue,
    buy: JsValue,
    neutral: JsValue,
    sell: JsValue,
    name: JsValue,
    group: JsValue,
    vote: JsValue,
    value: JsValue,
    rules: JsValue,
    /// The vote names, in [`VOTES`] order.
    names: Vec<JsValue>,
}

impl Keys {
    fn new() -> Self {
        let s = JsValue::from_str;
        Keys {
            time: s("time"),
            total: s("total"),
            label: s("label"),
            moving_averages: s("movingAverages"),
            oscillators: s("oscillators"),
            votes: s("votes"),
            score: s("score"),
            buy: s("buy"),
            neutral: s("neutral"),
            sell: s("sell"),
            name: s("name"),
            group: s("group"),
            vote: s("vote"),
            value: s("value"),
            rules: s("rules"),
            names: VOTES.iter().map(|(name, _)| s(name)).collect(),
        }
    }

    fn group_name(&self, g: Group) -> &JsValue {
        match g {
            Group::MovingAverages => &self.moving_averages,
            Group::Oscillators => &self.oscillators,
        }
    }
}

thread_local! {
    static KEYS: Keys = Keys::new();
}

fn set(obj: &Object, key: &JsValue, value: &JsValue) {
    let _ = Reflect::set(obj, key, value);
}

fn num(v: Option<f64>) -> JsValue {
    v.map_or(JsValue::NULL, JsValue::from_f64)
}

fn label(l: Option<Label>) -> JsValue {
    // Five short strings: made on demand, a handful per result.
    l.map_or(JsValue::NULL, |l| JsValue::from_str(l.as_str()))
}

fn group(k: &Keys, g: &GroupScore) -> Object {
    let o = Object::new();
    set(&o, &k.score, &num(g.score));
    set(&o, &k.label, &label(g.label));
    set(&o, &k.buy, &g.buy.into());
    set(&o, &k.neutral, &g.neutral.into());
    set(&o, &k.sell, &g.sell.into());
    o
}

/// `TechnicalRatingResult` (without `everyBar`) for one bar's detail.
pub(crate) fn detail(d: &RatingDetail) -> Object {
    KEYS.with(|k| {
        let o = Object::new();
        set(&o, &k.rules, &JsValue::from_str(d.rules.as_str()));
        set(&o, &k.time, &(d.time as f64).into());
        set(&o, &k.total, &num(d.total));
        set(&o, &k.label, &label(d.label));
        set(&o, &k.moving_averages, &group(k, &d.ma));
        set(&o, &k.oscillators, &group(k, &d.other));
        let votes = Array::new();
        for (i, v) in d.votes.iter().enumerate() {
            let vo = Object::new();
            // The cached names are `VOTES`'; a rule set that names a vote otherwise (the
            // scanner's `Stoch8`) gets its own string.
            match (k.names.get(i), VOTES.get(i)) {
                (Some(name), Some((cached, _))) if *cached == v.name => set(&vo, &k.name, name),
                _ => set(&vo, &k.name, &JsValue::from_str(v.name)),
            }
            set(&vo, &k.group, k.group_name(v.group));
            set(&vo, &k.vote, &num(v.vote.map(f64::from)));
            set(&vo, &k.value, &v.value.into());
            votes.push(&vo);
        }
        set(&o, &k.votes, &votes);
        o
    })
}

/// `everyBar`'s columns, filled a block at a time.
pub(super) struct EveryBar([Float64Array; 4]);

impl EveryBar {
    pub fn new(n: usize) -> Self {
        Self(std::array::from_fn(|_| {
            Float64Array::new_with_length(n as u32)
        }))
    }

    /// Writes the block that starts at bar `start`: its times and its scores.
    pub fn write(&self, start: usize, time: &[i64], scores: &[Scores]) {
        let columns: [Vec<f64>; 4] = [
            time.iter().map(|&t| t as f64).collect(),
            scores.iter().map(|s| s.total).collect(),
            scores.iter().map(|s| s.ma).collect(),
            scores.iter().map(|s| s.other).collect(),
        ];
        for (col, values) in self.0.iter().zip(&columns) {
            // `set` at an offset: no lengths to match (`copy_from` panics on a mismatch).
            col.set(&Float64Array::from(&values[..]), start as u32);
        }
    }

    pub fn into_object(self) -> Object {
        let cols = Object::new();
        for (name, col) in ["time", "total", "movingAverages", "oscillators"]
            .into_iter()
            .zip(self.0)
        {
            let _ = Reflect::set(&cols, &JsValue::from_str(name), &col);
        }
        cols
    }
}
