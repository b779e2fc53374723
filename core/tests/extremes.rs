//! Property tests at the edges of the number line, for every wire parser and for scoring: values
//! of ±f64::MAX, subnormals and zero, times at ±8.64e15 ± 1 (the range of JavaScript's `Date`)
//! and at the i64 bounds. Nothing panics; whatever a parser accepts has every time within the
//! range of `Date` and formats; a time past it is refused naming its row.

use barfinex_core::format::utc_minute;
use barfinex_core::model::parse_profile;
use barfinex_core::series::{Bar, Candles, Series, MAX_TIME_MS};
use barfinex_core::signals::{score_signals, Input, SeriesSet};
use barfinex_core::sources::{binance, bybit, coingecko, generic, kraken, parse_candles_json};
use proptest::prelude::*;
use serde_json::json;

fn extreme_value() -> impl Strategy<Value = f64> {
    prop_oneof![
        Just(f64::MAX),
        Just(-f64::MAX),
        Just(5e-324),
        Just(-5e-324),
        Just(f64::MIN_POSITIVE),
        Just(0.0),
        -1e308..1e308f64,
        -1e3..1e3f64,
    ]
}

fn extreme_time() -> impl Strategy<Value = i64> {
    prop_oneof![
        Just(MAX_TIME_MS),
        Just(MAX_TIME_MS + 1),
        Just(-MAX_TIME_MS),
        Just(-MAX_TIME_MS - 1),
        Just(i64::MIN),
        Just(i64::MAX),
        Just(0),
        0i64..2_000_000_000_000,
        any::<i64>(),
    ]
}

type Row = (i64, [f64; 5]);

fn rows() -> impl Strategy<Value = Vec<Row>> {
    prop::collection::vec(
        (extreme_time(), prop::array::uniform5(extreme_value())),
        0..12,
    )
}

fn far(t: i64) -> bool {
    !(-MAX_TIME_MS..=MAX_TIME_MS).contains(&t)
}

/// What every accepted series must satisfy.
fn assert_series(times: &[i64], values: &[&[f64]]) {
    for &t in times {
        assert!(!far(t), "accepted a time out of range: {t}");
        assert!(utc_minute(t).ends_with(" UTC"));
    }
    for col in values {
        assert!(col.iter().all(|v| v.is_finite()));
    }
}

fn assert_candles(c: &Candles) {
    assert!(c.check().is_ok());
    assert_series(&c.time, &[&c.open, &c.high, &c.low, &c.close, &c.volume]);
}

fn assert_points(s: &Series) {
    assert!(s.check().is_ok());
    assert_series(&s.time, &[&s.value]);
}

/// The first row with a time out of range, if any: its refusal must name it.
fn first_far(rows: &[Row]) -> Option<usize> {
    rows.iter().position(|(t, _)| far(*t))
}

fn s(x: f64) -> String {
    serde_json::to_string(&x).unwrap()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn exchange_candles(rows in rows()) {
        let binance: Vec<_> = rows.iter().map(|(t, v)| json!([t, s(v[0]), s(v[1]), s(v[2]), s(v[3]), s(v[4]), t.saturating_add(1), "0"])).collect();
        if let Ok(c) = binance::parse_klines(&json!(binance).to_string(), None) { assert_candles(&c) }
        let bybit: Vec<_> = rows.iter().map(|(t, v)| json!([t.to_string(), s(v[0]), s(v[1]), s(v[2]), s(v[3]), s(v[4]), "0"])).collect();
        let body = json!({"retCode": 0, "retMsg": "OK", "result": {"list": bybit}}).to_string();
        match bybit::parse_klines(&body) {
            Ok(c) => { assert_candles(&c); prop_assert!(first_far(&rows).is_none()) }
            Err(e) => if let Some(i) = first_far(&rows) {
                // Rows are read in order, so an earlier row may fail first, for another reason.
                let named = e.to_string().starts_with(&format!("result.list[{i}][0]: time out of range"));
                prop_assert!(named || e.path.starts_with("result.list[") || e.path.is_empty(), "{}", e);
            }
        }
        let gecko: Vec<_> = rows.iter().map(|(t, v)| json!([t, v[0], v[1], v[2], v[3]])).collect();
        if let Ok(c) = coingecko::parse_ohlc(&json!(gecko).to_string()) { assert_candles(&c) }
        let mut kr: Vec<_> = rows.iter().map(|(t, v)| json!([t / 1000, s(v[0]), s(v[1]), s(v[2]), s(v[3]), "0", s(v[4]), 1])).collect();
        kr.push(json!([0, "1", "1", "1", "1", "1", "1", 1])); // the open frame, dropped
        if let Ok(c) = kraken::parse_ohlc(&json!({"error": [], "result": {"X": kr, "last": 0}}).to_string()) { assert_candles(&c) }
        let doc: Vec<_> = rows.iter().map(|(t, v)| json!([t, v[0], v[1], v[2], v[3], v[4]])).collect();
        match parse_candles_json(&json!({"symbol": "X", "synthetic": false, "candles": doc}).to_string()) {
            Ok(d) => { assert_candles(&d.candles); prop_assert!(first_far(&rows).is_none()) }
            Err(e) => if let Some(i) = first_far(&rows) {
                prop_assert!(e.to_string().starts_with(&format!("candles[{i}][0]: time out of range")), "{}", e);
            }
        }
    }

    #[test]
    fn exchange_and_generic_points(rows in rows()) {
        let pairs: Vec<_> = rows.iter().map(|(t, v)| json!([t, v[0]])).collect();
        match generic::parse_json_series(&json!(pairs).to_string()) {
            Ok(p) => { assert_points(&p); prop_assert!(first_far(&rows).is_none()) }
            Err(e) => if let Some(i) = first_far(&rows) {
                prop_assert!(e.to_string().starts_with(&format!("[{i}][0]: time out of range")), "{}", e);
            }
        }
        let times: Vec<_> = rows.iter().map(|r| r.0).collect();
        let values: Vec<_> = rows.iter().map(|r| r.1[1]).collect();
        if let Ok(p) = generic::parse_json_series(&json!({"time": times, "value": values}).to_string()) { assert_points(&p) }
        let csv: String = std::iter::once("time,value".to_owned()).chain(rows.iter().map(|(t, v)| format!("{t},{}", s(v[2])))).collect::<Vec<_>>().join("\n");
        if let Ok(p) = generic::parse_csv_series(&csv, None) { assert_points(&p) }
        let funding: Vec<_> = rows.iter().map(|(t, v)| json!({"symbol": "X", "fundingRate": s(v[0]), "fundingTime": t})).collect();
        if let Ok(p) = binance::parse_funding(&json!(funding).to_string()) { assert_points(&p) }
        let oi: Vec<_> = rows.iter().map(|(t, v)| json!({"sumOpenInterest": s(v[1]), "timestamp": t.to_string()})).collect();
        if let Ok(p) = binance::parse_open_interest(&json!(oi).to_string()) { assert_points(&p) }
        let bf: Vec<_> = rows.iter().map(|(t, v)| json!({"fundingRate": s(v[2]), "fundingRateTimestamp": t.to_string()})).collect();
        if let Ok(p) = bybit::parse_funding(&json!({"retCode": 0, "result": {"list": bf}}).to_string()) { assert_points(&p) }
        let pts: Vec<_> = rows.iter().map(|(t, v)| json!([t, v[3]])).collect();
        if let Ok(m) = coingecko::parse_market_chart(&json!({"prices": pts, "market_caps": pts, "total_volumes": pts}).to_string()) {
            assert_points(&m.prices);
        }
    }

    /// The seed's five signals scored over series of extreme values: no panic, strengths in
    /// 0–100, and every time a result names formats.
    #[test]
    fn scoring_extreme_values(values in prop::collection::vec(prop::array::uniform5(extreme_value()), 1..80), step in prop_oneof![Just(1i64), Just(3_600_000), Just(1_000_000_000_000)]) {
        let n = values.len() as i64;
        let start = MAX_TIME_MS - n * step; // the series ends at the edge of the range
        let bars: Vec<Bar> = values.iter().enumerate().map(|(i, v)| Bar { time: start + i as i64 * step, open: v[0], high: v[1], low: v[2], close: v[3], volume: v[4] }).collect();
        let candles = Candles::from_bars(&bars);
        let points = |k: usize| Series { time: candles.time.clone(), value: values.iter().map(|v| v[k]).collect() };
        let mut set = SeriesSet::new();
        set.insert("candles".into(), Input::candles(candles.clone(), "test").interval("1h"));
        for (k, name) in ["funding", "open_interest", "exchange_supply_share", "lth_supply_share"].into_iter().enumerate() {
            set.insert(name.into(), Input::points(points(k), "test"));
        }
        for r in score_signals(&seed_signals(), &set) {
            if let Some(st) = r.strength { prop_assert!(st <= 100) }
            if let Some(t) = r.as_of { prop_assert!(utc_minute(t).ends_with(" UTC")) }
        }
        let _ = barfinex_core::rating::technical_rating(&candles, true, Default::default());
    }
}

fn seed_signals() -> Vec<barfinex_core::model::Signal> {
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../www/data/flux.json"
    ))
    .unwrap();
    parse_profile(&text).unwrap().profile.signals
}

#[test]
fn the_edges_of_the_date_range() {
    let body = |t: i64| json!([[t, 1.0]]).to_string();
    assert!(generic::parse_json_series(&body(MAX_TIME_MS)).is_ok());
    assert!(generic::parse_json_series(&body(-MAX_TIME_MS)).is_ok());
    for t in [MAX_TIME_MS + 1, -MAX_TIME_MS - 1, i64::MAX, i64::MIN] {
        let e = generic::parse_json_series(&body(t))
            .unwrap_err()
            .to_string();
        assert!(e.starts_with("[0][0]: time out of range"), "{t}: {e}");
    }
    // The case: a funding source answering a time past the range.
    let e = generic::parse_json_series("[[1700000000000, 0.001], [8700000000000000, 0.002]]")
        .unwrap_err();
    assert_eq!(
        e.to_string(),
        "[1][0]: time out of range: 8700000000000000 ms (dates reach ±8640000000000000 ms)"
    );
    // Kraken's seconds are multiplied into range checks too.
    let k = json!({"error": [], "result": {"X": [[9_000_000_000_000i64, "1", "1", "1", "1", "1", "1", 1], [0, "1", "1", "1", "1", "1", "1", 1]], "last": 0}});
    assert!(kraken::parse_ohlc(&k.to_string())
        .unwrap_err()
        .to_string()
        .starts_with("result.X[0][0]: time out of range"));
    // CoinGecko's fractional times likewise.
    let g = json!({"prices": [[8.7e15, 1.0]], "market_caps": [], "total_volumes": []});
    assert!(coingecko::parse_market_chart(&g.to_string())
        .unwrap_err()
        .to_string()
        .contains("time out of range"));
    // And checked series refuse it wherever they come from.
    let p = Series {
        time: vec![MAX_TIME_MS + 1],
        value: vec![1.0],
    };
    assert_eq!(
        p.check().unwrap_err().to_string(),
        "time[0] = 8640000000000001 is out of range (dates reach ±8640000000000000 ms)"
    );
}
