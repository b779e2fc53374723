//! `scoreSignals(signals, series)` for JavaScript: the core's rule engine behind a conversion
//! layer. Signals are read as the profile format reads them (so errors carry field paths);
//! series are candles, `{time, value}` columns or rows, optionally wrapped with their provenance.

use super::host::{self, Shape};
use super::{candles_from_js, column, err};
use barfinex_core::model::Signal;
use barfinex_core::series::{Series, MAX_BARS};
use barfinex_core::signals::{score_signals, Input, SeriesSet, SignalResult};
use js_sys::Reflect;
use wasm_bindgen::prelude::*;

#[wasm_bindgen(typescript_custom_section)]
const TS_SIGNALS: &'static str = r#"
export type SignalCategory = "liquidity" | "positioning" | "sentiment" | "technical";
export type SignalDirection = "Bullish" | "Bearish" | "Mixed";
/** A market signal as a profile holds it; `rule` is the JSON rule (docs/signal-rules.md). */
export interface SignalSpec {
  category: SignalCategory; direction: SignalDirection; title: string; description?: string;
  rule?: SignalRule;
}
/** A rule object; see docs/signal-rules.md for every kind and field. */
export type SignalRule = { kind: "threshold" | "persistence" | "trend" | "zscore" | "divergence" | "breakout_retest" | "all" | "any" | "not"; timeframe?: string; [field: string]: unknown };
/** A single-valued series: columns or rows, oldest first, Unix-ms times. */
export type Points = { time: Float64Array | number[]; value: Float64Array | number[] } | { time: number; value: number }[];
/** A series with where it came from; `synthetic: true` marks every result that reads it. */
export interface SeriesInput { data: Candles | Points; source?: string; synthetic?: boolean; interval?: string; }
export type SignalState = "active" | "inactive" | "insufficient_data" | "invalid" | "unscored";
export interface SignalCheck {
  rule: string; kind: string; label: string; value: number | null; op: ">" | ">=" | "<" | "<=" | null;
  threshold: number | null; passed: boolean | null; time: number | null; note: string | null;
}
export interface SignalData { series: string; source: string; synthetic: boolean; asOf: number | null; points: number; interval: string | null; }
export interface SignalResult {
  title: string; category: SignalCategory; direction: SignalDirection;
  /** For a Mixed signal, the side its pattern found. */
  observedDirection: SignalDirection | null;
  state: SignalState;
  /** 0–100: 50–100 when active, 0–49 when inactive, null otherwise. */
  strength: number | null;
  timeframe: string | null; asOf: number | null; synthetic: boolean;
  data: SignalData[]; evidence: SignalCheck[];
  /** Why the state is insufficient_data or invalid (invalid names the rule's field). */
  reason: string | null;
}
"#;

/// Reads one series: candles (anything with a `close`), or points (`value`), bare or wrapped in
/// `{data, source, synthetic, interval}`.
fn series_from_js(name: &str, v: &JsValue) -> Result<Input, JsError> {
    let at = format!("series.{name}");
    let get =
        |o: &JsValue, k: &str| Reflect::get(o, &JsValue::from_str(k)).unwrap_or(JsValue::UNDEFINED);
    let wrapped = get(v, "data");
    let (data, at) = if wrapped.is_undefined() {
        (v.clone(), at)
    } else {
        (wrapped, format!("{at}.data"))
    };
    let first = match host::shape(&data) {
        Shape::Array(a) => host::item(&a, 0, &at)?,
        _ => data.clone(),
    };
    let is_candles = !get(&first, "close").is_undefined();
    let source = get(v, "source")
        .as_string()
        .unwrap_or_else(|| "page data".into());
    let mut input = if is_candles {
        Input::candles(candles_from_js(&data, &at)?, source)
    } else {
        Input::points(points_from_js(&data, &at)?, source)
    };
    input.synthetic = get(v, "synthetic").as_bool().unwrap_or(false);
    input.interval = get(v, "interval").as_string();
    Ok(input)
}

fn points_from_js(v: &JsValue, at: &str) -> Result<Series, JsError> {
    let s = if let Shape::Array(arr) = host::shape(v) {
        let n = host::length(&arr, at)?;
        if n > MAX_BARS {
            return Err(err(format!(
                "{at}: {n} points is more than the limit of {MAX_BARS}"
            )));
        }
        let mut s = Series::default();
        for i in 0..n as u32 {
            let row = host::item(&arr, i, at)?;
            let num = |k: &str| {
                Reflect::get(&row, &JsValue::from_str(k))
                    .ok()
                    .and_then(|x| x.as_f64())
                    .ok_or_else(|| err(format!("{at}[{i}].{k}: expected a number")))
            };
            s.time.push(num("time")? as i64);
            s.value.push(num("value")?);
        }
        s
    } else if v.is_object() {
        let value = column(v, at, "value", None)?;
        let time = column(v, at, "time", Some(value.len()))?;
        Series {
            time: time.into_iter().map(|t| t as i64).collect(),
            value,
        }
    } else {
        return Err(err(format!(
            "{at}: expected {{time, value}} columns or rows, or candles"
        )));
    };
    s.check().map_err(|e| err(format!("{at}: {e}")))?;
    Ok(s)
}

/// `scoreSignals` (`super::score_signals_js`): the signals read as a profile's, the series
/// converted, each rule scored.
pub(super) fn score(signals: &JsValue, series: &JsValue) -> Result<JsValue, JsError> {
    let text = js_sys::JSON::stringify(signals)
        .ok()
        .and_then(|s| s.as_string())
        .ok_or_else(|| err("signals: expected an array of signals"))?;
    let signals: Vec<Signal> = barfinex_core::doc::read(&text)
        .map_err(|e| err(format!("signals{}: {}", e.path, e.message)))?
        .value;
    if !series.is_object() {
        return Err(err("series: expected an object of named series"));
    }
    let mut set = SeriesSet::new();
    for (name, value) in host::entries(series, "series")? {
        set.insert(name.clone(), series_from_js(&name, &value)?);
    }
    Ok(results_js(&score_signals(&signals, &set)))
}

/// Results as `SignalResult[]` (plain objects): written as JSON by the core
/// (`results_json`, no serializer in the module) and parsed by the engine.
pub(crate) fn results_js(results: &[SignalResult]) -> JsValue {
    js_sys::JSON::parse(&barfinex_core::signals::results_json(results)).unwrap_or(JsValue::NULL)
}
