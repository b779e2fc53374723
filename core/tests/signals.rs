//! Signal rules: each kind on constructed series where the answer is known, in both states;
//! combinators' three-valued logic; insufficient data and invalid rules; the seed's five rules
//! from `www/data/flux.json` on data that should fire them and data that should not; the
//! funding and breakout rules on the real XRP sample; fuzzing of the rule parser.

use barfinex_core::model::{parse_profile, Signal, SignalCategory, SignalDirection};
use barfinex_core::series::{Bar, Candles, Series};
use barfinex_core::signals::{
    parse_rule, score_signal, score_signals, series_named, Input, SeriesSet, SignalResult, State,
};
use proptest::prelude::*;
use serde_json::{json, Value};

const H: i64 = 3_600_000;

/// The series found in `rule` without reading it ([`series_named`], what the widgets load before
/// the rule reader's chunk is in) include every one its reading names. Every rule a test builds
/// passes here.
fn covered(rule: &Value) {
    let ours = ours(rule);
    if let Ok(r) = parse_rule(&ours, "rule") {
        let named = series_named([&ours]);
        for name in r.rule.series_names() {
            assert!(
                named.contains(&name),
                "{name} read by {rule} but not found in it: {named:?}"
            );
        }
    }
}

/// A rule written with `json!`, as core reads it.
fn ours(rule: &Value) -> barfinex_core::json::Value {
    rule.clone().into()
}

fn signal(rule: Value) -> Signal {
    covered(&rule);
    Signal {
        category: SignalCategory::Technical,
        direction: SignalDirection::Mixed,
        title: "test".into(),
        description: String::new(),
        rule: Some(ours(&rule)),
    }
}

fn points(values: &[f64], step: i64) -> Series {
    Series {
        time: (0..values.len() as i64).map(|i| i * step).collect(),
        value: values.to_vec(),
    }
}

fn set(entries: Vec<(&str, Input)>) -> SeriesSet {
    entries
        .into_iter()
        .map(|(k, v)| (k.to_owned(), v))
        .collect()
}

fn score(rule: Value, s: &SeriesSet) -> SignalResult {
    score_signal(&signal(rule), "rule", s)
}

fn one(name: &str, values: &[f64]) -> SeriesSet {
    set(vec![(name, Input::points(points(values, H), "test"))])
}

/// Candles from closes and volumes; high/low 0.2% around the body.
fn candles(close: &[f64], volume: &[f64]) -> Candles {
    let bars: Vec<_> = close
        .iter()
        .zip(volume)
        .enumerate()
        .map(|(i, (&c, &v))| {
            let o = if i == 0 { c } else { close[i - 1] };
            Bar {
                time: i as i64 * H,
                open: o,
                high: o.max(c) * 1.002,
                low: o.min(c) * 0.998,
                close: c,
                volume: v,
            }
        })
        .collect();
    Candles::from_bars(&bars)
}

fn flux_signals() -> Vec<Signal> {
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../www/data/flux.json"
    ))
    .unwrap();
    parse_profile(&text).unwrap().profile.signals
}

fn flux_signal(words: &str) -> Signal {
    flux_signals()
        .into_iter()
        .find(|s| s.title.contains(words))
        .unwrap()
}

// ---- threshold ----

#[test]
fn threshold_both_ways_with_graded_strength() {
    let s = one("x", &[1.0, 2.0, 3.0, 4.0, 5.0]);
    let r = score(
        json!({"kind":"threshold","series":"x","op":">","value":4}),
        &s,
    );
    assert_eq!(r.state, State::Active);
    // margin 1, population sd of 1..5 = sqrt(2): 50 + 25/sqrt(2) = 67.7
    assert_eq!(r.strength, Some(68));
    assert_eq!(r.evidence[0].value, Some(5.0));
    assert_eq!(r.evidence[0].threshold, Some(4.0));
    let r = score(
        json!({"kind":"threshold","series":"x","op":"<","value":4}),
        &s,
    );
    assert_eq!((r.state, r.strength), (State::Inactive, Some(32)));
    // At the threshold itself a strict comparison fails: strength stays below 50.
    let r = score(
        json!({"kind":"threshold","series":"x","op":">","value":5}),
        &s,
    );
    assert_eq!((r.state, r.strength), (State::Inactive, Some(49)));
    let r = score(
        json!({"kind":"threshold","series":"x","op":">=","value":5}),
        &s,
    );
    assert_eq!((r.state, r.strength), (State::Active, Some(50)));
}

#[test]
fn threshold_on_derived_series() {
    // returns over 2: 110/100 − 1 = 0.1
    let s = one("p", &[100.0, 105.0, 110.0]);
    let r = score(
        json!({"kind":"threshold","series":{"derive":"returns","of":"p","period":2},"op":">=","value":0.1}),
        &s,
    );
    assert_eq!(r.state, State::Active);
    assert!((r.evidence[0].value.unwrap() - 0.1).abs() < 1e-12);
    assert_eq!(r.evidence[0].label, "latest returns(p, 2)");
    // sma(3) of the last three = 105; ema(2) seeded by sma(100,105)=102.5 then +2/3·(110−102.5) = 107.5
    let r = score(
        json!({"kind":"threshold","series":{"derive":"sma","of":"p","period":3},"op":"<","value":105.0001}),
        &s,
    );
    assert_eq!(r.state, State::Active);
    let r = score(
        json!({"kind":"threshold","series":{"derive":"ema","of":"p","period":2},"op":">=","value":107.5}),
        &s,
    );
    assert_eq!(r.state, State::Active);
    assert!((r.evidence[0].value.unwrap() - 107.5).abs() < 1e-12);
}

#[test]
fn ratio_aligns_by_time_as_of() {
    // b is every 2 h; a hourly: a/b uses b's last value at or before each a time.
    let mut s = SeriesSet::new();
    s.insert(
        "a".into(),
        Input::points(points(&[2.0, 4.0, 6.0, 8.0], H), "t"),
    );
    s.insert("b".into(), Input::points(points(&[1.0, 2.0], 2 * H), "t"));
    let r = score(
        json!({"kind":"threshold","series":{"derive":"ratio","of":"a","by":"b"},"op":">=","value":4}),
        &s,
    );
    // last a (t=3h) = 8, b at or before 3h = 2 (t=2h) → 4
    assert_eq!(r.evidence[0].value, Some(4.0));
    let r = score(
        json!({"kind":"threshold","series":{"derive":"difference","of":"a","by":"b"},"op":">","value":6}),
        &s,
    );
    assert_eq!((r.state, r.evidence[0].value), (State::Inactive, Some(6.0)));
}

// ---- persistence ----

#[test]
fn persistence_counts_the_latest_streak() {
    let rule = json!({"kind":"persistence","series":"f","op":"<","value":0,"periods":3});
    let r = score(
        rule.clone(),
        &one("f", &[-1.0, -1.0, -1.0, 1.0, -1.0, -2.0, -3.0, -4.0]),
    );
    assert_eq!((r.state, r.strength), (State::Active, Some(67))); // 4 of 3 → 50·4/3
    assert_eq!(r.evidence[0].value, Some(4.0));
    assert_eq!(
        r.evidence[0].note.as_deref(),
        Some(&*format!("streak began at {}", 4 * H))
    );
    let r = score(
        rule.clone(),
        &one("f", &[-1.0, -1.0, -1.0, -1.0, -1.0, 1.0, -1.0, -1.0]),
    );
    assert_eq!((r.state, r.strength), (State::Inactive, Some(33)));
    // All negative but shorter than required: cannot tell yet.
    let r = score(rule, &one("f", &[-1.0, -1.0]));
    assert_eq!(r.state, State::InsufficientData);
    assert_eq!(r.reason.as_deref(), Some("needs 3 points of f, has 2"));
}

// ---- trend ----

#[test]
fn trend_needs_direction_significance_and_size() {
    let up: Vec<f64> = (0..30)
        .map(|i| 0.10 + 0.001 * i as f64 + if i % 2 == 0 { 0.0005 } else { -0.0005 })
        .collect();
    let rule = json!({"kind":"trend","series":"s","window":30,"direction":"up","min_t":3,"min_change":0.02});
    let r = score(rule, &one("s", &up));
    assert_eq!(r.state, State::Active, "{r:?}");
    let change = r.evidence[1].value.unwrap();
    assert!((change - 0.029).abs() < 0.001, "fitted change {change}");
    assert!(r.evidence[0].value.unwrap() > 30.0);
    // Same series, asking for a change bigger than it has: inactive, strength 50·0.029/0.05 ≈ 29.
    let r = score(
        json!({"kind":"trend","series":"s","window":30,"direction":"up","min_change":0.05}),
        &one("s", &up),
    );
    assert_eq!((r.state, r.strength), (State::Inactive, Some(29)));
    // Downward rule on an upward series: inactive, strength 0.
    let r = score(
        json!({"kind":"trend","series":"s","window":30,"direction":"down"}),
        &one("s", &up),
    );
    assert_eq!((r.state, r.strength), (State::Inactive, Some(0)));
    // Noise without a trend is not significant.
    let noise: Vec<f64> = (0..30)
        .map(|i| if (i * 7) % 3 == 0 { 1.0 } else { -1.0 })
        .collect();
    let r = score(
        json!({"kind":"trend","series":"s","window":30,"direction":"up"}),
        &one("s", &noise),
    );
    assert_eq!(r.state, State::Inactive);
    assert!(r.evidence[0].value.unwrap().abs() < 2.0);
    // Too short.
    let r = score(
        json!({"kind":"trend","series":"s","window":30,"direction":"up"}),
        &one("s", &up[..10]),
    );
    assert_eq!(r.state, State::InsufficientData);
}

#[test]
fn ols_matches_a_hand_computation() {
    // y = 1, 3, 2, 5; dx = −1.5, −0.5, 0.5, 1.5; ȳ = 2.75, dy = −1.75, 0.25, −0.75, 2.25
    // Sxy = 2.625 − 0.125 − 0.375 + 3.375 = 5.5; Sxx = 5 → slope 1.1
    // fitted 1.1, 2.2, 3.3, 4.4 → residuals −0.1, 0.8, −1.3, 0.6 → SSR = 2.7
    // se = sqrt(2.7 / 2 / 5) → t = 1.1 / sqrt(0.27) = 2.1170
    let (slope, t) = barfinex_core::signals::ols(&[1.0, 3.0, 2.0, 5.0]);
    assert!((slope - 1.1).abs() < 1e-12);
    assert!((t - 1.1 / 0.27f64.sqrt()).abs() < 1e-12);
}

// ---- z-score ----

#[test]
fn zscore_against_own_history() {
    // history 1,2,3,4,5 (mean 3, sd sqrt 2); latest 6 → z = 3/sqrt(2) = 2.121
    let s = one("f", &[1.0, 2.0, 3.0, 4.0, 5.0, 6.0]);
    let r = score(
        json!({"kind":"zscore","series":"f","lookback":5,"op":">=","value":2}),
        &s,
    );
    assert_eq!(r.state, State::Active);
    assert!((r.evidence[0].value.unwrap() - 3.0 / 2f64.sqrt()).abs() < 1e-12);
    let r = score(
        json!({"kind":"zscore","series":"f","lookback":5,"op":">=","value":2.5}),
        &s,
    );
    assert_eq!(r.state, State::Inactive);
    let r = score(
        json!({"kind":"zscore","series":"f","lookback":6,"op":">=","value":2}),
        &s,
    );
    assert_eq!(r.state, State::InsufficientData);
}

// ---- divergence ----

#[test]
fn divergence_needs_opposite_signs_and_size() {
    let mut s = SeriesSet::new();
    s.insert("a".into(), Input::points(points(&[0.0, 3.0], H), "t"));
    s.insert("b".into(), Input::points(points(&[0.0, -0.05], H), "t"));
    let rule = json!({"kind":"divergence","a":"a","b":"b","min_a":2,"min_b":0.02});
    let r = score(rule.clone(), &s);
    assert_eq!(r.state, State::Active);
    assert_eq!(r.strength, Some(75)); // 50·min(3/2, 0.05/0.02)
    s.insert("b".into(), Input::points(points(&[0.0, 0.05], H), "t"));
    let r = score(rule.clone(), &s);
    assert_eq!((r.state, r.strength), (State::Inactive, Some(0)));
    assert_eq!(r.evidence[2].passed, Some(false));
    s.insert("b".into(), Input::points(points(&[0.0, -0.01], H), "t"));
    let r = score(rule, &s);
    assert_eq!((r.state, r.strength), (State::Inactive, Some(25)));
}

// ---- breakout and retest ----

/// 25 quiet bars at 100 (volume 100), a breakout to 103 on volume `burst`, then `after`.
fn breakout_series(burst: f64, after: &[(f64, f64)]) -> Candles {
    let mut close = vec![100.0; 25];
    let mut vol = vec![100.0; 25];
    close.push(103.0);
    vol.push(burst);
    for (c, v) in after {
        close.push(*c);
        vol.push(*v);
    }
    candles(&close, &vol)
}

fn breakout_rule() -> Value {
    json!({"kind":"breakout_retest","lookback":20,"volume_window":20,"volume_factor":2,"tolerance":0.005,"within":30})
}

#[test]
fn breakout_then_retest_on_lower_volume_that_holds() {
    // The prior 20-bar high is 100·1.002 = 100.2. Price comes back to 100.5 (low 100.5·0.998 =
    // 100.3 ≤ 100.2·1.005) on volume 150 < 300, then closes hold above 100.2·0.995.
    let c = breakout_series(
        300.0,
        &[
            (102.0, 200.0),
            (100.5, 150.0),
            (101.5, 120.0),
            (102.5, 120.0),
        ],
    );
    let r = score(
        breakout_rule(),
        &set(vec![("candles", Input::candles(c, "t"))]),
    );
    assert_eq!(r.state, State::Active, "{r:#?}");
    assert_eq!(r.observed_direction, Some(SignalDirection::Bullish));
    assert!((r.evidence[0].threshold.unwrap() - 100.2).abs() < 1e-9);
    assert_eq!(r.evidence[0].time, Some(25 * H));
    assert_eq!(r.evidence[1].value, Some(3.0)); // 300 / average 100
    assert_eq!(r.evidence[2].time, Some(27 * H)); // the retest bar
    assert_eq!(r.strength, Some(75)); // 50 + 50·(3/2 − 1)
}

#[test]
fn breakout_states_that_are_not_the_pattern() {
    let on = |c: Candles| {
        score(
            breakout_rule(),
            &set(vec![("candles", Input::candles(c, "t"))]),
        )
    };
    // Volume too low: no breakout.
    let r = on(breakout_series(150.0, &[(100.5, 50.0), (101.0, 50.0)]));
    assert_eq!((r.state, r.strength), (State::Inactive, Some(0)));
    assert_eq!(r.evidence[0].note.as_deref(), Some("no breakout found"));
    // Breakout, price stays away: awaiting retest.
    let r = on(breakout_series(300.0, &[(104.0, 100.0), (105.0, 100.0)]));
    assert_eq!((r.state, r.strength), (State::Inactive, Some(25)));
    // Retest on higher volume than the breakout: not a retest that validates.
    let r = on(breakout_series(300.0, &[(100.5, 400.0), (102.0, 100.0)]));
    assert_eq!((r.state, r.strength), (State::Inactive, Some(10)));
    assert_eq!(r.evidence[3].passed, Some(false));
    // Retest then a close back below the level: failed.
    let r = on(breakout_series(300.0, &[(100.5, 100.0), (98.0, 100.0)]));
    assert_eq!(r.state, State::Inactive);
    assert_eq!(r.evidence[4].passed, Some(false));
    // Down side, mirrored.
    let r = on(breakout_series(300.0, &[]));
    assert_eq!(r.observed_direction, Some(SignalDirection::Bullish));
    let mut close = vec![100.0; 25];
    let mut vol = vec![100.0; 25];
    close.extend([97.0, 98.0, 99.5, 98.5]);
    vol.extend([300.0, 200.0, 150.0, 120.0]);
    let r = on(candles(&close, &vol));
    assert_eq!(r.state, State::Active, "{r:#?}");
    assert_eq!(r.observed_direction, Some(SignalDirection::Bearish));
    // Too few bars.
    let r = on(candles(&[1.0; 10], &[1.0; 10]));
    assert_eq!(r.state, State::InsufficientData);
}

// ---- combinators, missing data, timeframes, invalid rules ----

#[test]
fn combinators_are_three_valued() {
    let s = one("x", &[1.0, 2.0, 3.0]);
    let yes = json!({"kind":"threshold","series":"x","op":">","value":2});
    let no = json!({"kind":"threshold","series":"x","op":">","value":4});
    let unknown = json!({"kind":"threshold","series":"missing","op":">","value":0});
    let st = |r: Value| score(r, &s).state;
    assert_eq!(st(json!({"kind":"all","rules":[yes, yes]})), State::Active);
    assert_eq!(st(json!({"kind":"all","rules":[yes, no]})), State::Inactive);
    assert_eq!(
        st(json!({"kind":"all","rules":[no, unknown]})),
        State::Inactive
    );
    assert_eq!(
        st(json!({"kind":"all","rules":[yes, unknown]})),
        State::InsufficientData
    );
    assert_eq!(st(json!({"kind":"any","rules":[no, yes]})), State::Active);
    assert_eq!(
        st(json!({"kind":"any","rules":[yes, unknown]})),
        State::Active
    );
    assert_eq!(
        st(json!({"kind":"any","rules":[no, unknown]})),
        State::InsufficientData
    );
    assert_eq!(st(json!({"kind":"not","rule":no})), State::Active);
    assert_eq!(st(json!({"kind":"not","rule":yes})), State::Inactive);
    let r = score(json!({"kind":"all","rules":[yes, unknown]}), &s);
    assert_eq!(r.reason.as_deref(), Some("no data for series `missing`"));
    assert_eq!(r.evidence.len(), 2);
    assert_eq!(r.evidence[1].rule, "rule.rules[1]");
}

#[test]
fn missing_series_affects_only_its_signal() {
    let s = one("funding", &[-1.0, -1.0, -1.0]);
    let sigs = vec![
        signal(json!({"kind":"persistence","series":"funding","op":"<","value":0,"periods":3})),
        signal(json!({"kind":"trend","series":"open_interest","window":5,"direction":"down"})),
        signal(json!({"kind":"persistence","series":"funding","op":"<","value":0,"periods":"3"})),
        Signal {
            rule: None,
            ..signal(json!(null))
        },
    ];
    let r = score_signals(&sigs, &s);
    assert_eq!(r[0].state, State::Active);
    assert_eq!(r[1].state, State::InsufficientData);
    assert_eq!(
        r[1].reason.as_deref(),
        Some("no data for series `open_interest`")
    );
    assert_eq!(r[2].state, State::Invalid);
    assert_eq!(
        r[2].reason.as_deref(),
        Some("signals[2].rule.periods: expected a number, found a string")
    );
    assert_eq!(r[3].state, State::Unscored);
}

#[test]
fn timeframe_mismatch_is_insufficient_and_provenance_is_reported() {
    let mut s = SeriesSet::new();
    s.insert(
        "candles".into(),
        Input::candles(candles(&[1.0; 40], &[1.0; 40]), "binance")
            .interval("1d")
            .synthetic(true),
    );
    let mut rule = breakout_rule();
    rule["timeframe"] = json!("1h");
    let r = score(rule.clone(), &s);
    assert_eq!(r.state, State::InsufficientData);
    assert_eq!(
        r.reason.as_deref(),
        Some("the rule is for 1h bars; `candles` is at 1d")
    );
    rule["timeframe"] = json!("1d");
    let r = score(rule, &s);
    assert_eq!(r.state, State::Inactive);
    assert!(r.synthetic);
    assert_eq!(r.timeframe.as_deref(), Some("1d"));
    assert_eq!(r.as_of, Some(39 * H));
    assert_eq!(
        (r.data[0].source.as_str(), r.data[0].points),
        ("binance", 40)
    );
}

#[test]
fn malformed_series_built_in_rust_are_refused_not_indexed() {
    let mut c = candles(&[1.0; 30], &[1.0; 30]);
    c.high.truncate(10);
    let r = score(
        breakout_rule(),
        &set(vec![("candles", Input::candles(c, "t"))]),
    );
    assert_eq!(r.state, State::InsufficientData);
    assert!(r.reason.unwrap().starts_with("series `candles`: "));
    let unsorted = Series {
        time: vec![2, 1],
        value: vec![0.0, 0.0],
    };
    let r = score(
        json!({"kind":"threshold","series":"f","op":">","value":0}),
        &set(vec![("f", Input::points(unsorted, "t"))]),
    );
    assert_eq!(r.state, State::InsufficientData);
}

#[test]
fn invalid_rules_name_the_field() {
    let cases = [
        (json!([]), "rule: expected an object, found an array"),
        (json!({"kind":"trend"}), "rule.series: missing"),
        (json!({"kind":"persistence","series":"f","op":"<","value":0,"perods":3}), "rule.periods: missing (found `perods`: a misspelling?)"),
        (json!({"kind":"sometimes"}), "rule.kind: \"sometimes\" is not one of threshold, persistence, trend, zscore, divergence, breakout_retest, all, any, not"),
        (json!({"kind":"threshold","series":"x","op":"=>","value":1}), "rule.op: \"=>\" is not one of >, >=, <, <="),
        (json!({"kind":"threshold","series":"x","op":">","value":1,"vaule":2}), "rule.vaule: unknown field; this object takes timeframe, kind, series, op, value"),
        (json!({"kind":"persistence","series":"x","op":">","value":1,"periods":2.5}), "rule.periods: 2.5 is not a whole number from 1 to 100000"),
        (json!({"kind":"all","rules":[{"kind":"threshold","series":"Funding!","op":">","value":1}]}), "rule.rules[0].series: \"Funding!\" is not a series name (lowercase letters, digits, '_', '-'; a candles field after '.')"),
        (json!({"kind":"all","rules":[]}), "rule.rules: needs 1 to 64 rules"),
        (json!({"kind":"not","rule":{"kind":"threshold","series":{"derive":"sma","of":"x"},"op":">","value":1}}), "rule.rule.series.period: missing"),
        (json!({"kind":"threshold","series":"candles.wick","op":">","value":1}), "rule.series: field \"wick\" is not one of open, high, low, close, volume"),
        (json!({"kind":"all","timeframe":"1h","rules":[{"kind":"threshold","timeframe":"1h","series":"x","op":">","value":1}]}), "rule.rules[0].timeframe: unknown field; this object takes kind, series, op, value"),
        (json!({"kind":"threshold","timeframe":"hourly","series":"x","op":">","value":1}), "rule.timeframe: interval \"hourly\" is not like 15m, 1h, 1d, 1w or 1M (a number from 1 to 99999, then m, h, d, w or M)"),
    ];
    for (v, want) in cases {
        assert_eq!(parse_rule(&ours(&v), "rule").unwrap_err().to_string(), want);
    }
    let mut deep = json!({"kind":"threshold","series":"x","op":">","value":1});
    for _ in 0..20 {
        deep = json!({"kind":"not","rule":deep});
    }
    assert!(parse_rule(&ours(&deep), "rule")
        .unwrap_err()
        .message
        .contains("deeper than"));
}

// ---- the seed's five rules ----

fn ramp(n: usize, start: f64, step: f64, wiggle: f64) -> Vec<f64> {
    (0..n)
        .map(|i| start + step * i as f64 + if i % 2 == 0 { wiggle } else { -wiggle })
        .collect()
}

#[test]
fn seed_supply_rules_fire_on_rising_shares_and_not_on_flat_or_falling() {
    for (words, name) in [
        ("supply concentration", "exchange_supply_share"),
        ("long\u{2011}term holders", "lth_supply_share"),
    ] {
        let sig = flux_signal(words);
        let day = 86_400_000;
        let at = |v: Vec<f64>| set(vec![(name, Input::points(points(&v, day), "test"))]);
        let r = score_signal(&sig, "rule", &at(ramp(60, 0.12, 0.0002, 0.0003)));
        assert_eq!(r.state, State::Active, "{words}: {r:#?}");
        let r = score_signal(&sig, "rule", &at(ramp(60, 0.12, 0.0, 0.0003)));
        assert_eq!(r.state, State::Inactive, "{words} flat");
        let r = score_signal(&sig, "rule", &at(ramp(60, 0.12, -0.0002, 0.0003)));
        assert_eq!(
            (r.state, r.strength),
            (State::Inactive, Some(0)),
            "{words} falling"
        );
        let r = score_signal(&sig, "rule", &SeriesSet::new());
        assert_eq!(r.state, State::InsufficientData);
    }
}

#[test]
fn seed_negative_funding_rule() {
    let sig = flux_signal("Persistent negative funding");
    let mut f = vec![0.0001; 20];
    f.extend([-0.0001; 9]);
    let r = score_signal(&sig, "rule", &one("funding", &f));
    assert_eq!(r.state, State::Active);
    f.push(0.00005);
    let r = score_signal(&sig, "rule", &one("funding", &f));
    assert_eq!((r.state, r.evidence[0].value), (State::Inactive, Some(0.0)));
}

/// Hourly candles falling 3% over the last day, funding spiking to a z-score above 2, and open
/// interest falling: the squeeze. Each part removed in turn turns it off.
#[test]
fn seed_funding_squeeze_rule() {
    let sig = flux_signal("funding squeeze");
    let closes: Vec<f64> = (0..60)
        .map(|i| {
            if i < 36 {
                1.0
            } else {
                1.0 - 0.00125 * (i - 35) as f64
            }
        })
        .collect();
    let c = candles(&closes, &vec![1000.0; 60]);
    let mut funding = ramp(40, 0.0001, 0.0, 0.00001);
    funding.push(0.0006);
    let oi = ramp(48, 5e6, -2e4, 1e3);
    let build = |c: &Candles, f: &[f64], oi: &[f64]| {
        set(vec![
            ("candles", Input::candles(c.clone(), "t").interval("1h")),
            ("funding", Input::points(points(f, 8 * H), "t")),
            (
                "open_interest",
                Input::points(points(oi, H), "t").interval("1h"),
            ),
        ])
    };
    let r = score_signal(&sig, "rule", &build(&c, &funding, &oi));
    assert_eq!(r.state, State::Active, "{r:#?}");
    assert_eq!(r.evidence.len(), 4);
    // Funding calm: off.
    let calm = ramp(41, 0.0001, 0.0, 0.00001);
    assert_eq!(
        score_signal(&sig, "rule", &build(&c, &calm, &oi)).state,
        State::Inactive
    );
    // Open interest rising: off.
    let oi_up = ramp(48, 5e6, 2e4, 1e3);
    assert_eq!(
        score_signal(&sig, "rule", &build(&c, &funding, &oi_up)).state,
        State::Inactive
    );
    // Spot rising with funding spiking: agreement, not divergence: off.
    let rising: Vec<f64> = closes.iter().map(|x| 2.0 - x).collect();
    let c_up = candles(&rising, &vec![1000.0; 60]);
    assert_eq!(
        score_signal(&sig, "rule", &build(&c_up, &funding, &oi)).state,
        State::Inactive
    );
    // No open interest at all: insufficient (all the rest holds).
    let mut s = build(&c, &funding, &oi);
    s.remove("open_interest");
    let r = score_signal(&sig, "rule", &s);
    assert_eq!(r.state, State::InsufficientData);
}

#[test]
fn seed_breakout_rule_fires_on_constructed_pattern() {
    let sig = flux_signal("breakout");
    let c = breakout_series(
        300.0,
        &[
            (102.0, 200.0),
            (100.5, 150.0),
            (101.5, 120.0),
            (102.5, 120.0),
        ],
    );
    let r = score_signal(
        &sig,
        "rule",
        &set(vec![("candles", Input::candles(c, "t").interval("1h"))]),
    );
    assert_eq!(r.state, State::Active);
    let flat = candles(&[100.0; 80], &[100.0; 80]);
    let r = score_signal(
        &sig,
        "rule",
        &set(vec![("candles", Input::candles(flat, "t").interval("1h"))]),
    );
    assert_eq!(r.state, State::Inactive);
}

// ---- the real XRP sample ----

fn real(rel: &str) -> Vec<[f64; 6]> {
    let p = format!(
        "{}/../tests/fixtures/real/{rel}",
        env!("CARGO_MANIFEST_DIR")
    );
    serde_json::from_str(&std::fs::read_to_string(p).unwrap()).unwrap()
}

fn real_funding(upto: usize) -> SeriesSet {
    let rows = real("xrpusdt-perp-8h-funding.json");
    let s = Series {
        time: rows[..upto].iter().map(|r| r[0] as i64).collect(),
        value: rows[..upto].iter().map(|r| r[1]).collect(),
    };
    set(vec![(
        "funding",
        Input::points(s, "recorded XRPUSDT perpetual (Binance)"),
    )])
}

/// XRP's recorded funding has one negative streak: three events (rows 70–72, −0.00002574,
/// −0.00002024, −0.00008282). The seed rule (9 periods) does not fire on it; a 3-period variant
/// fires as of row 72 and not after funding turned positive again.
#[test]
fn real_xrp_funding_negative_streak() {
    let rows = real("xrpusdt-perp-8h-funding.json");
    let negatives: Vec<usize> = (0..rows.len()).filter(|&i| rows[i][1] < 0.0).collect();
    assert_eq!(negatives, vec![49, 70, 71, 72]);
    let seed = flux_signal("Persistent negative funding");
    let r = score_signal(&seed, "rule", &real_funding(73));
    assert_eq!(
        (r.state, r.evidence[0].value, r.strength),
        (State::Inactive, Some(3.0), Some(17))
    );
    assert_eq!(r.as_of, Some(rows[72][0] as i64));
    let mut three = seed.clone();
    let mut rule = Value::from(three.rule.take().unwrap());
    rule["periods"] = json!(3);
    three.rule = Some(ours(&rule));
    let r = score_signal(&three, "rule", &real_funding(73));
    assert_eq!(r.state, State::Active);
    assert_eq!(
        r.evidence[0].note.as_deref(),
        Some(&*format!("streak began at {}", rows[70][0] as i64))
    );
    let r = score_signal(&three, "rule", &real_funding(rows.len()));
    assert_eq!((r.state, r.evidence[0].value), (State::Inactive, Some(0.0)));
    // The lone −0.219% print (row 49) is a z-score outlier against the 30 events before it.
    let z = json!({"kind":"zscore","series":"funding","lookback":30,"op":"<=","value":-3});
    let r = score(z, &real_funding(50));
    assert_eq!(r.state, State::Active);
    assert!(r.evidence[0].value.unwrap() < -5.0);
}

/// On the 100 recorded hourly candles the seed's breakout rule (20-bar range, volume ≥ 2× its
/// 20-bar average) finds the high-volume breakout of 2021-11-19 14:00 UTC (bar 61: close 1.09439
/// over the prior 20-bar high 1.06965 on 2.65× volume) and its retest 25 hours later (bar 86: low
/// 1.06029 on 3.96 M against the breakout's 6.21 M, closes holding above the level − 0.5%): active.
/// Checked against a direct scan of the rows, not the rule's own code.
#[test]
fn real_xrp_breakout_rule() {
    let rows = real("xrpusdt-perp-1h-ohlcv.json");
    let bars: Vec<_> = rows.iter().map(|r| Bar::from_row(*r)).collect();
    // Independent scan: up breakouts with volume ≥ 2× the prior 20-bar average.
    let found: Vec<usize> = (20..rows.len())
        .filter(|&b| {
            let hi = rows[b - 20..b]
                .iter()
                .map(|r| r[2])
                .fold(f64::MIN, f64::max);
            let avg = rows[b - 20..b].iter().map(|r| r[5]).sum::<f64>() / 20.0;
            rows[b][4] > hi && rows[b][5] >= 2.0 * avg
        })
        .collect();
    let sig = flux_signal("breakout");
    let c = Candles::from_bars(&bars);
    let mut rule = Value::from(sig.rule.clone().unwrap());
    rule["within"] = json!(100);
    let r = score(
        rule,
        &set(vec![(
            "candles",
            Input::candles(c, "recorded").interval("1h"),
        )]),
    );
    assert_eq!(found, vec![24, 61]);
    let last = *found.last().unwrap();
    assert_eq!(r.evidence[0].time, Some(rows[last][0] as i64));
    let hi = rows[last - 20..last]
        .iter()
        .map(|r| r[2])
        .fold(f64::MIN, f64::max);
    assert_eq!(r.evidence[0].threshold, Some(hi));
    assert_eq!(r.observed_direction, Some(SignalDirection::Bullish));
    let retest = (last + 1..rows.len())
        .find(|&i| rows[i][3] <= hi * 1.005)
        .unwrap();
    assert_eq!(retest, 86);
    assert!(rows[retest][5] < rows[last][5]);
    assert!(rows[retest..].iter().all(|r| r[4] >= hi * 0.995));
    assert_eq!(r.evidence[2].time, Some(rows[retest][0] as i64));
    assert_eq!(r.state, State::Active);
    // The seed rule looks back 48 bars: as of bar 100 the breakout is 39 bars old, still in range;
    // on the first 61 bars alone (before it) the rule finds no completed pattern.
    let r = score_signal(
        &sig,
        "rule",
        &set(vec![(
            "candles",
            Input::candles(Candles::from_bars(&bars), "recorded").interval("1h"),
        )]),
    );
    assert_eq!(r.state, State::Active);
    let r = score_signal(
        &sig,
        "rule",
        &set(vec![(
            "candles",
            Input::candles(Candles::from_bars(&bars[..61]), "recorded").interval("1h"),
        )]),
    );
    assert_eq!(r.state, State::Inactive);
}

// ---- fuzzing ----

fn arb_json() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<f64>()
            .prop_map(|x| serde_json::Number::from_f64(x).map_or(Value::Null, Value::Number)),
        (-5i64..200).prop_map(|x| json!(x)),
        prop_oneof![
            Just("threshold"),
            Just("persistence"),
            Just("trend"),
            Just("zscore"),
            Just("divergence"),
            Just("breakout_retest"),
            Just("all"),
            Just("any"),
            Just("not"),
            Just("funding"),
            Just("candles.close"),
            Just(">"),
            Just("<="),
            Just("up"),
            Just("sma"),
            Just("ratio"),
            Just("1h"),
        ]
        .prop_map(|s| json!(s)),
        ".{0,8}".prop_map(Value::String),
    ];
    leaf.prop_recursive(6, 64, 8, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..4).prop_map(Value::Array),
            prop::collection::vec(
                (
                    prop_oneof![
                        Just("kind"),
                        Just("series"),
                        Just("op"),
                        Just("value"),
                        Just("periods"),
                        Just("window"),
                        Just("direction"),
                        Just("rules"),
                        Just("rule"),
                        Just("derive"),
                        Just("of"),
                        Just("by"),
                        Just("period"),
                        Just("a"),
                        Just("b"),
                        Just("lookback"),
                        Just("timeframe"),
                        Just("within"),
                    ],
                    inner
                ),
                0..6
            )
            .prop_map(|kv| Value::Object(kv.into_iter().map(|(k, v)| (k.to_owned(), v)).collect())),
        ]
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(3000))]

    /// Arbitrary JSON: the parser returns a rule or an error with a path under `rule`; scoring
    /// whatever parses never panics.
    #[test]
    fn fuzz_rule_parser(v in arb_json(), values in prop::collection::vec(-1e3f64..1e3, 0..40)) {
        covered(&v);
        match parse_rule(&ours(&v), "rule") {
            Ok(_) => {
                let s = set(vec![
                    ("funding", Input::points(points(&values, H), "t")),
                    ("candles", Input::candles(candles(&values.iter().map(|x| x.abs() + 1.0).collect::<Vec<_>>(), &values.iter().map(|x| x.abs()).collect::<Vec<_>>()), "t")),
                ]);
                let r = score(v, &s);
                prop_assert!(r.state != State::Invalid);
                prop_assert!(r.strength.is_none_or(|x| x <= 100));
            }
            Err(e) => prop_assert!(e.path.starts_with("rule"), "{}", e),
        }
    }

    /// The seed's rules with one field replaced by arbitrary JSON: parse or a clear error.
    #[test]
    fn fuzz_mutated_seed_rules(which in 0usize..5, key in "[a-z_]{1,10}", v in arb_json()) {
        let mut rule = Value::from(flux_signals()[which].rule.clone().unwrap());
        rule[key.as_str()] = v;
        covered(&rule);
        if let Err(e) = parse_rule(&ours(&rule), "rule") {
            prop_assert!(!e.message.is_empty());
        }
    }
}

/// The example profiles' rules: the series found in them without reading them cover what
/// reading them gives, so a signal widget's loads start with the profile and are all used.
#[test]
fn series_named_in_the_example_profiles() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../www/data");
    let mut files = vec![format!("{dir}/flux.json")];
    for e in std::fs::read_dir(format!("{dir}/examples")).unwrap() {
        files.push(e.unwrap().path().display().to_string());
    }
    let mut rules = 0;
    for file in files {
        let profile = parse_profile(&std::fs::read_to_string(&file).unwrap())
            .unwrap()
            .profile;
        for rule in profile.signals.iter().filter_map(|s| s.rule.as_ref()) {
            covered(&rule.clone().into());
            rules += 1;
        }
    }
    assert!(rules >= 7, "{rules} rules read");
}

// ---- the current regime (www/data/regime-rules.json) ----

fn regime_rules() -> barfinex_core::signals::RegimeRules {
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../www/data/regime-rules.json"
    ))
    .unwrap();
    barfinex_core::signals::parse_regime_rules(&text).unwrap()
}

/// 400 daily closes: flat at 100 for 200 days, then a move to `end` with volatility that starts
/// at `vol0` and ends at `vol1` (alternating ± returns, so the 30-day stdev tracks it).
fn btc(end: f64, vol0: f64, vol1: f64) -> Candles {
    let mut close = vec![100.0; 200];
    for i in 0..200 {
        let drift = (end / 100.0f64).powf(1.0 / 200.0);
        let vol = vol0 + (vol1 - vol0) * i as f64 / 199.0;
        let last = *close.last().unwrap();
        close.push(
            last * drift
                * if i % 2 == 0 {
                    1.0 + vol
                } else {
                    1.0 / (1.0 + vol)
                },
        );
    }
    let mut c = candles(&close, &vec![1.0; 400]);
    c.time = (0..400).map(|i| i * 86_400_000).collect();
    c
}

#[test]
fn regime_rules_pick_the_first_that_holds() {
    use barfinex_core::signals::current_regime;
    let doc = regime_rules();
    let with_btc = |c: Candles| set(vec![("btc", Input::candles(c, "t").interval("1d"))]);
    let r = current_regime(&doc, &with_btc(btc(130.0, 0.04, 0.01)));
    assert_eq!(r.regime.as_deref(), Some("risk-on"), "{r:#?}");
    assert_eq!(r.decided_by, Some(3));
    assert!(r
        .decisive()
        .unwrap()
        .evidence
        .iter()
        .all(|c| c.passed == Some(true)));
    let r = current_regime(&doc, &with_btc(btc(70.0, 0.01, 0.04)));
    assert_eq!(r.regime.as_deref(), Some("risk-off"));
    // Above the average but volatility rising: neither rule holds.
    let r = current_regime(&doc, &with_btc(btc(130.0, 0.01, 0.04)));
    assert_eq!(
        (r.regime, r.reason.as_deref()),
        (None, Some("no rule holds on the latest data"))
    );
    // A rising policy rate takes precedence (first in the document).
    let mut s = with_btc(btc(130.0, 0.04, 0.01));
    let rate: Vec<f64> = (0..120)
        .map(|i| 4.0 + 0.005 * i as f64 + if i % 2 == 0 { 0.002 } else { -0.002 })
        .collect();
    s.insert(
        "policy_rate".into(),
        Input::points(points(&rate, 86_400_000), "t").synthetic(true),
    );
    let r = current_regime(&doc, &s);
    assert_eq!(r.regime.as_deref(), Some("tightening"));
    assert!(r.decisive().unwrap().synthetic);
    // Nothing at all: unknown, and why.
    let r = current_regime(&doc, &SeriesSet::new());
    assert_eq!(
        (r.regime, r.reason.as_deref()),
        (None, Some("no rule has data"))
    );
    assert!(r.results.iter().all(|x| x.state == State::InsufficientData));
    // BTC on hourly bars is not what the rules were written for.
    let mut hourly = btc(130.0, 0.04, 0.01);
    hourly.time = (0..400).map(|i| i * H).collect();
    let r = current_regime(
        &doc,
        &set(vec![("btc", Input::candles(hourly, "t").interval("1h"))]),
    );
    assert_eq!(r.regime, None);
    assert!(r.results[3]
        .reason
        .as_deref()
        .unwrap()
        .contains("the rule is for 1d bars"));
}

#[test]
fn regime_rules_errors_name_the_field() {
    use barfinex_core::signals::parse_regime_rules;
    assert_eq!(
        parse_regime_rules(r#"{"version":2,"rules":[]}"#).unwrap_err(),
        "version: 2 is not supported (this reader reads 1)"
    );
    let e = parse_regime_rules(r#"{"version":1,"rules":[{"regime":"x"}]}"#).unwrap_err();
    assert!(e.starts_with("rules[0]"), "{e}");
    // A bad rule inside a valid document: that rule is invalid, the rest still decide.
    let doc = parse_regime_rules(r#"{"version":1,"rules":[{"regime":"a","rule":{"kind":"nope"}},{"regime":"b","rule":{"kind":"threshold","series":"x","op":">","value":0}}]}"#).unwrap();
    let r = barfinex_core::signals::current_regime(&doc, &one("x", &[1.0]));
    assert_eq!(r.results[0].state, State::Invalid);
    assert_eq!(r.regime.as_deref(), Some("b"));
}

/// Timeframes compare after normalising: a `60m` rule reads `1h` series, a `24h` rule `1d`
/// ones, and a `1d` rule refuses `1h` data, naming both.
#[test]
fn timeframes_compare_after_normalising() {
    let rule =
        |tf: &str| json!({"kind":"threshold","timeframe":tf,"series":"x","op":">","value":0});
    let at = |iv: &str| {
        set(vec![(
            "x",
            Input::points(points(&[1.0, 2.0], H), "t").interval(iv),
        )])
    };
    assert_eq!(score(rule("60m"), &at("1h")).state, State::Active);
    assert_eq!(score(rule("1h"), &at("60m")).state, State::Active);
    assert_eq!(score(rule("24h"), &at("1d")).state, State::Active);
    let off = score(rule("1d"), &at("1h"));
    assert_eq!(off.state, State::InsufficientData);
    assert_eq!(
        off.reason.as_deref(),
        Some("the rule is for 1d bars; `x` is at 1h")
    );
    assert_eq!(score(rule("30d"), &at("1M")).state, State::InsufficientData);
}

/// A series that failed to load is recorded under its own name; only the signals that read it
/// say so, with the loader's reason, and none finds it by matching text.
#[test]
fn load_failures_reach_exactly_the_signals_that_read_them() {
    let mut s = one("funding", &[-1.0, -1.0, -1.0]);
    s.fail("open_interest".into(), "GET http://x/oi: HTTP 451".into());
    let oi = score(
        json!({"kind":"threshold","series":"open_interest","op":">","value":0}),
        &s,
    );
    assert_eq!(oi.state, State::InsufficientData);
    assert_eq!(
        oi.reason.as_deref(),
        Some("no data for series `open_interest`: GET http://x/oi: HTTP 451")
    );
    let derived = score(
        json!({"kind":"threshold","series":{"derive":"sma","of":"open_interest","period":2},"op":">","value":0}),
        &s,
    );
    assert!(derived.reason.unwrap_or_default().ends_with("HTTP 451"));
    let funding = score(
        json!({"kind":"threshold","series":"funding","op":"<","value":0}),
        &s,
    );
    assert_eq!((funding.state, funding.reason), (State::Active, None));
    // A later successful load replaces the failure.
    s.insert(
        "open_interest".into(),
        Input::points(points(&[1.0], H), "t"),
    );
    assert_eq!(s.failure("open_interest"), None);
}

/// The plan reads each rule once: its series in order, its errors by path, the breakout.
#[test]
fn a_plan_reads_each_rule_once() {
    use barfinex_core::signals::{score_with_plan, Plan};
    let sigs = vec![
        signal(json!({"kind":"threshold","series":"funding","op":"<","value":0})),
        signal(json!({"kind":"nope"})),
        Signal {
            rule: None,
            ..signal(json!(null))
        },
        signal(json!({"kind":"all","rules":[
            {"kind":"breakout_retest","series":"candles","lookback":5},
            {"kind":"threshold","series":"funding","op":"<","value":0}]})),
    ];
    let plan = Plan::for_signals(&sigs);
    assert_eq!(plan.series(), ["funding", "candles"]);
    assert_eq!(
        plan.breakout().map(|(s, p)| (s, p.lookback)),
        Some(("candles", 5))
    );
    assert!(matches!(&plan.rules[1].rule, Some(Err(e)) if e.path == "signals[1].rule.kind"));
    let s = one("funding", &[-1.0]);
    let states: Vec<State> = score_with_plan(&sigs, &plan, &s)
        .iter()
        .map(|r| r.state)
        .collect();
    assert_eq!(
        states,
        [
            State::Active,
            State::Invalid,
            State::Unscored,
            State::InsufficientData
        ]
    );
    assert_eq!(score_with_plan(&sigs, &plan, &s), score_signals(&sigs, &s));
}

/// A rule has at most `MAX_NODES` conditions and series expressions in all.
#[test]
fn rules_past_the_node_limit_are_invalid() {
    use barfinex_core::signals::MAX_NODES;
    let leaf = json!({"kind":"threshold","series":"x","op":">","value":0});
    // all(64 × all(k leaves)): 1 + 64 × (1 + 2k) nodes.
    let rule = |k: usize| json!({"kind":"all","rules": vec![json!({"kind":"all","rules": vec![leaf.clone(); k]}); 64]});
    const { assert!(64 * (1 + 2) < MAX_NODES) };
    assert!(parse_rule(&ours(&rule(1)), "rule").is_ok());
    let e = parse_rule(&ours(&rule(2)), "rule").unwrap_err();
    assert_eq!(
        e.to_string(),
        "rule: 321 conditions and series; the limit is 256"
    );
    assert_eq!(score(rule(2), &one("x", &[1.0])).state, State::Invalid);
}

#[test]
fn regime_rules_are_checked_like_profiles() {
    use barfinex_core::signals::parse_regime_rules;
    let doc = |sources: &str, rules: &str| {
        format!(r#"{{"version":1,"sources":[{sources}],"rules":[{rules}]}}"#)
    };
    let rule =
        r#"{"regime":"risk-on","rule":{"kind":"threshold","series":"btc","op":">","value":1}}"#;
    let ok = doc(
        r#"{"series":"btc","source":"generic-json","base_url":"https://example.com/btc.json"}"#,
        rule,
    );
    assert!(parse_regime_rules(&ok).is_ok());
    for (sources, rules, want) in [
        (
            r#"{"series":"btc","source":"generic-json","base_url":"javascript:alert(1)"}"#,
            rule.to_owned(),
            "sources[0].base_url: \"javascript:alert(1)\" is not an absolute http(s) URL",
        ),
        (
            r#"{"series":"btc","source":"binance-spot-klines","symbol":"BTC\"USDT"}"#,
            rule.to_owned(),
            "sources[0]:",
        ),
        (
            r#"{"series":" ","source":"generic-json"}"#,
            rule.to_owned(),
            "sources[0].series: must not be empty",
        ),
        (
            "",
            vec![rule; 65].join(","),
            "rules: 65 entries; the limit is 64",
        ),
        (
            "",
            r#"{"regime":"","rule":{}}"#.to_owned(),
            "rules[0].regime: must not be empty",
        ),
    ] {
        let e = parse_regime_rules(&doc(sources, &rules)).expect_err(want);
        assert!(e.starts_with(want), "{e}");
    }
    let many = vec![r#"{"series":"x","source":"generic-json"}"#; 33].join(",");
    assert_eq!(
        parse_regime_rules(&doc(&many, rule)).unwrap_err(),
        "sources: 33 entries; the limit is 32"
    );
    let long = format!(
        r#"{{"regime":"x","description":"{}","rule":{{}}}}"#,
        "d".repeat(100_001)
    );
    assert_eq!(
        parse_regime_rules(&doc("", &long)).unwrap_err(),
        "rules[0].description: 100001 characters; the limit is 100000"
    );
}

/// Every check the engine makes carries its label as a phrase (and its note, if any), so readers
/// get them in their language; and the English table fills each phrase to the English label
/// scripts read, so the two never drift apart.
#[test]
fn every_check_is_a_phrase_that_the_english_table_words_as_its_label() {
    use barfinex_core::locale::{fill, pick};
    use barfinex_core::signals::{Arg, Said};
    let mut d = SeriesSet::new();
    d.insert("a".into(), Input::points(points(&[0.0, 3.0], H), "t"));
    d.insert("b".into(), Input::points(points(&[0.0, -0.05], H), "t"));
    let rising: Vec<f64> = (0..40).map(|i| i as f64 + (i % 3) as f64).collect();
    let bo = |after: &[(f64, f64)]| {
        set(vec![(
            "candles",
            Input::candles(breakout_series(300.0, after), "t"),
        )])
    };
    let results = [
        score(
            json!({"kind":"threshold","series":"f","op":">","value":1.5}),
            &one("f", &[1.0, 2.0]),
        ),
        score(
            json!({"kind":"zscore","series":"f","lookback":5,"op":">","value":1}),
            &one("f", &[1.0, 2.0, 1.0, 2.0, 1.0, 9.0]),
        ),
        score(
            json!({"kind":"persistence","series":"f","op":"<","value":0,"periods":3}),
            &one("f", &[1.0, -1.0, -2.0]),
        ),
        score(
            json!({"kind":"trend","series":"f","window":30,"direction":"up","min_t":2,"min_change":5}),
            &one("f", &rising),
        ),
        score(
            json!({"kind":"divergence","a":"a","b":"b","min_a":2,"min_b":0.02}),
            &d,
        ),
        score(
            json!({"kind":"zscore","series":"f","lookback":20,"op":">","value":1}),
            &one("f", &[1.0, 2.0]),
        ),
        score(
            breakout_rule(),
            &bo(&[(102.0, 200.0), (100.5, 150.0), (101.5, 120.0)]),
        ),
        score(breakout_rule(), &bo(&[(104.0, 100.0)])),
        score(
            breakout_rule(),
            &set(vec![(
                "candles",
                Input::candles(candles(&[100.0; 30], &[100.0; 30]), "t"),
            )]),
        ),
        score(
            breakout_rule(),
            &set(vec![(
                "candles",
                Input::candles(candles(&[100.0; 5], &[100.0; 5]), "t"),
            )]),
        ),
    ];
    let en = pick("en");
    let plain = |args: &[Arg]| -> Vec<String> {
        args.iter()
            .map(|a| match a {
                Arg::Text(s) => s.clone(),
                Arg::Num(x) => format!("{x}"),
                Arg::Time(ms) => ms.to_string(),
            })
            .collect()
    };
    let mut checks = 0;
    for r in &results {
        assert!(!r.evidence.is_empty(), "{r:#?}");
        for c in &r.evidence {
            checks += 1;
            let Some(Said(p, args)) = &c.said else {
                panic!("no phrase for {:?}", c.label)
            };
            let args = plain(args);
            let args: Vec<&str> = args.iter().map(String::as_str).collect();
            let worded = fill(en.evidence(*p), &args);
            // `needs … of `series`` quotes the series in the label, not in the reader's words.
            assert_eq!(worded, c.label.replace('`', ""), "{p:?}");
            assert_eq!(
                c.note.is_some(),
                c.note_said.is_some(),
                "{:?}: {:?}",
                c.label,
                c.note
            );
        }
    }
    assert!(checks >= 15, "{checks}");
}

#[test]
fn a_series_set_keeps_one_slot_per_name_in_name_order() {
    let mut s = SeriesSet::new();
    for name in ["open_interest", "candles_x", "funding", "alpha"] {
        s.insert(
            name.into(),
            Input::points(points(&[1.0, 2.0], 60_000), name),
        );
    }
    s.fail("funding".into(), "HTTP 451".into());
    assert!(s.get("funding").is_none());
    assert_eq!(s.failure("funding"), Some("HTTP 451"));
    s.insert(
        "funding".into(),
        Input::points(points(&[3.0], 60_000), "again"),
    );
    assert_eq!(s.failure("funding"), None);
    assert_eq!(s.get("funding").map(|i| i.source.as_str()), Some("again"));
    s.remove("alpha");
    s.remove("never there");
    assert!(s.lookup("alpha").is_err());
    let names: Vec<&str> = s.iter().map(|(k, _)| k.as_str()).collect();
    assert_eq!(names, ["candles_x", "funding", "open_interest"]);
}
