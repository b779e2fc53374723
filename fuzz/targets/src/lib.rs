//! The fuzz targets' bodies: each takes arbitrary bytes and must return without a panic, within
//! bounded time and memory, whatever they hold. `fuzz/fuzz_targets/<name>.rs` hands them to
//! libFuzzer (`make fuzz`, nightly); `tests/replay.rs` runs the committed corpus and every past
//! crash through them on stable (`make test`).

use barfinex_core::model::{parse_profile, Endpoint, SourceKind};
use barfinex_core::retry::retry_after_ms;
use barfinex_core::series::{Candles, Series};
use barfinex_core::signals::{
    current_regime, parse_regime_rules, parse_rule, score_signals, Input, SeriesSet,
};
use barfinex_core::sources::{endpoint_url, parse_series};

/// Every target, by name (the folder names under `fuzz/corpus/` and `fuzz/artifacts/`).
pub const TARGETS: &[(&str, fn(&[u8]))] = &[
    ("profile", profile),
    ("rule", rule),
    ("wire", wire),
    ("endpoint_url", endpoint),
    ("retry_after", retry_after),
    ("regime_rules", regime_rules),
    ("float", float),
];

fn text(data: &[u8]) -> String {
    String::from_utf8_lossy(data).into_owned()
}

/// A profile document, then scoring its signals over extreme series.
pub fn profile(data: &[u8]) {
    if let Ok(p) = parse_profile(&text(data)) {
        let _ = score_signals(&p.profile.signals, &extreme_set(data));
    }
}

/// A rule (the JSON after the first byte), scored over series built from the bytes: values
/// from the whole f64 range (subnormals, ±MAX, 0), times near the ends of `Date`'s range.
pub fn rule(data: &[u8]) {
    let Some((_, rest)) = data.split_first() else {
        return;
    };
    let Ok(v) = serde_json::from_slice::<serde_json::Value>(rest) else {
        return;
    };
    let v = barfinex_core::json::Value::from(v);
    if parse_rule(&v, "rule").is_ok() {
        let signal = barfinex_core::model::Signal {
            category: barfinex_core::model::SignalCategory::Technical,
            direction: barfinex_core::model::SignalDirection::Mixed,
            title: "fuzz".into(),
            description: String::new(),
            rule: Some(v),
        };
        let _ = score_signals(&[signal], &extreme_set(data));
    }
}

/// A body of each wire format, chosen by the first byte (the rest is the body).
pub fn wire(data: &[u8]) {
    let Some((&k, body)) = data.split_first() else {
        return;
    };
    let kind = SourceKind::ALL[usize::from(k) % SourceKind::ALL.len()];
    let _ = parse_series(kind, &text(body), Some(1_700_000_000_000));
}

/// An endpoint written as JSON (`{"source", "symbol", "interval", "base_url"}`), with and
/// without a local market base.
pub fn endpoint(data: &[u8]) {
    let Ok(e) = barfinex_core::doc::read::<Endpoint>(&text(data)) else {
        return;
    };
    let e = e.value;
    let _ = endpoint_url(&e, None);
    let _ = endpoint_url(&e, Some("http://127.0.0.1:8081"));
}

/// A `Retry-After` header at a few clocks.
pub fn retry_after(data: &[u8]) {
    let header = text(data);
    for now in [0.0, 1.7e12, 8.64e15, f64::MAX, f64::NAN] {
        let _ = retry_after_ms(&header, now, 30_000.0);
    }
}

/// A number's text, read by our parser and by std's: the same `f64`, bit for bit (the JSON
/// reader, the wire formats and `Retry-After` read numbers through it).
pub fn float(data: &[u8]) {
    let s = text(data);
    let ours = barfinex_core::float::parse_f64(&s);
    let std = s.parse::<f64>().ok();
    let same = match (ours, std) {
        (Some(a), Some(b)) => a.to_bits() == b.to_bits() || (a.is_nan() && b.is_nan()),
        (a, b) => a.is_none() && b.is_none(),
    };
    assert!(same, "{s}: read differently from std");
}

/// A regime-rules document, then the current regime over extreme series.
pub fn regime_rules(data: &[u8]) {
    if let Ok(doc) = parse_regime_rules(&text(data)) {
        let _ = current_regime(&doc, &extreme_set(data));
    }
}

/// Series under the names rules use most, from the bytes: each 8 bytes an f64 (any bit
/// pattern; non-finite ones become 0, as parsers refuse them), times from a start the first
/// bytes choose, near either end of the range of `Date` or now.
fn extreme_set(data: &[u8]) -> SeriesSet {
    let mut values: Vec<f64> = data
        .chunks_exact(8)
        .take(2_000)
        .map(|c| f64::from_le_bytes(c.try_into().unwrap_or([0; 8])))
        .map(|x| if x.is_finite() { x } else { 0.0 })
        .collect();
    if values.is_empty() {
        values.push(1.0);
    }
    let start = match data.first().copied().unwrap_or(0) % 3 {
        0 => -8_640_000_000_000_000 + 1,
        1 => 1_700_000_000_000,
        _ => 8_640_000_000_000_000 - 3_600_000 * values.len() as i64,
    };
    let time: Vec<i64> = (0..values.len() as i64)
        .map(|i| start + i * 3_600_000)
        .collect();
    let candles = Candles {
        time: time.clone(),
        open: values.clone(),
        high: values.iter().map(|v| v.abs()).collect(),
        low: values.iter().map(|v| -v.abs()).collect(),
        close: values.clone(),
        volume: values.iter().map(|v| v.abs()).collect(),
    };
    let mut set = SeriesSet::new();
    for name in ["funding", "open_interest", "btc", "x"] {
        set.insert(
            name.into(),
            Input::points(
                Series {
                    time: time.clone(),
                    value: values.clone(),
                },
                "fuzz",
            ),
        );
    }
    set.insert("candles".into(), Input::candles(candles, "fuzz"));
    set
}
