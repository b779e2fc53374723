//! The computing API for JavaScript: `technicalRating(candles, options?)` and
//! `indicator(name, params, candles)`. Thin wrappers over the pure core: they convert candles in,
//! results out (columns as `Float64Array`), and turn every error into a JS `Error` with a message.

use barfinex_core::indicators::{self, Params};
use barfinex_core::rating;
use barfinex_core::series::{Candles, MAX_BARS};
use js_sys::{Array, Float64Array, Object, Reflect};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

mod rating_js;
mod signals;

#[wasm_bindgen(typescript_custom_section)]
const TS_TYPES: &'static str = r#"
/** One candle; `time` is Unix milliseconds. */
export interface Candle { time: number; open: number; high: number; low: number; close: number; volume: number; }
/** Candles as columns of equal length (typed arrays are copied in one step: the fast path). */
export interface CandleColumns {
  time: Float64Array | number[]; open: Float64Array | number[]; high: Float64Array | number[];
  low: Float64Array | number[]; close: Float64Array | number[]; volume: Float64Array | number[];
}
/** Oldest first, strictly ascending times, finite numbers, at most 5,000,000 bars. */
export type Candles = Candle[] | CandleColumns;
export type RatingLabel = "Strong Sell" | "Sell" | "Neutral" | "Buy" | "Strong Buy";
export interface TechnicalRatingOptions {
  /** Also return every bar's three scores (columns). Default false. */
  everyBar?: boolean;
}
export interface GroupScore {
  /** Mean of the group's present votes, −1…1; null when none is present yet. */
  score: number | null; label: RatingLabel | null; buy: number; neutral: number; sell: number;
}
export interface RatingVote {
  name: string; group: "movingAverages" | "oscillators";
  /** +1 buy, 0 neutral, −1 sell, null while the indicator lacks history. */
  vote: 1 | 0 | -1 | null;
  /** The indicator value behind the vote (NaN while it lacks history). */
  value: number;
}
export interface TechnicalRatingResult {
  /** The rated (last) bar's time. */
  time: number;
  total: number | null; label: RatingLabel | null;
  movingAverages: GroupScore; oscillators: GroupScore;
  votes: RatingVote[];
  everyBar?: { time: Float64Array; total: Float64Array; movingAverages: Float64Array; oscillators: Float64Array };
}
export type IndicatorName =
  "sma" | "ema" | "wma" | "hma" | "vwma" | "rsi" | "stoch" | "stochrsi" | "cci" | "adx" | "ao" | "mom" |
  "macd" | "willr" | "ultosc" | "bbands" | "atr" | "obv" | "ichimoku" | "bullbear";
/** One Float64Array per output (e.g. `{ macd, signal, hist }`), one value per bar, NaN in warm-up. */
export type IndicatorResult = Record<string, Float64Array>;
"#;

pub(crate) fn err(msg: impl std::fmt::Display) -> JsError {
    JsError::new(&msg.to_string())
}

/// Reads one column: a `Float64Array` (copied at once) or an array of numbers.
pub(crate) fn column(
    obj: &JsValue,
    at: &str,
    name: &str,
    expected: Option<usize>,
) -> Result<Vec<f64>, JsError> {
    let v = Reflect::get(obj, &JsValue::from_str(name))
        .map_err(|_| err(format!("{at}.{name}: cannot read")))?;
    let len = Reflect::get(&v, &JsValue::from_str("length"))
        .ok()
        .and_then(|l| l.as_f64());
    let Some(len) = len else {
        return Err(err(format!(
            "{at}.{name}: expected an array or Float64Array"
        )));
    };
    let len = len as usize;
    if len > MAX_BARS {
        return Err(err(format!(
            "{at}.{name}: {len} values is more than the limit of {MAX_BARS}"
        )));
    }
    if let Some(n) = expected {
        if len != n {
            return Err(err(format!(
                "{at}.{name}: {len} values, expected {n} (one per bar)"
            )));
        }
    }
    if let Some(typed) = v.dyn_ref::<Float64Array>() {
        return Ok(typed.to_vec());
    }
    let arr = v
        .dyn_ref::<Array>()
        .ok_or_else(|| err(format!("{at}.{name}: expected an array or Float64Array")))?;
    (0..len as u32)
        .map(|i| {
            arr.get(i)
                .as_f64()
                .ok_or_else(|| err(format!("{at}.{name}[{i}]: not a number")))
        })
        .collect()
}

/// Converts either candle form into columns and checks them.
pub(crate) fn candles_from_js(v: &JsValue, at: &str) -> Result<Candles, JsError> {
    let c = if let Some(arr) = v.dyn_ref::<Array>() {
        let n = arr.length() as usize;
        if n > MAX_BARS {
            return Err(err(format!(
                "{at}: {n} bars is more than the limit of {MAX_BARS}"
            )));
        }
        let mut c = Candles::default();
        let keys = ["time", "open", "high", "low", "close", "volume"].map(JsValue::from_str);
        for i in 0..n {
            let row = arr.get(i as u32);
            let mut f = [0.0; 6];
            for (k, slot) in keys.iter().zip(f.iter_mut()) {
                *slot = Reflect::get(&row, k)
                    .ok()
                    .and_then(|x| x.as_f64())
                    .ok_or_else(|| {
                        err(format!(
                            "{at}[{i}].{}: expected a number",
                            k.as_string().unwrap_or_default()
                        ))
                    })?;
            }
            c.push(barfinex_core::series::Bar {
                time: f[0] as i64,
                open: f[1],
                high: f[2],
                low: f[3],
                close: f[4],
                volume: f[5],
            });
        }
        c
    } else if v.is_object() {
        let close = column(v, at, "close", None)?;
        let n = close.len();
        Candles {
            time: column(v, at, "time", Some(n))?
                .into_iter()
                .map(|t| t as i64)
                .collect(),
            open: column(v, at, "open", Some(n))?,
            high: column(v, at, "high", Some(n))?,
            low: column(v, at, "low", Some(n))?,
            close,
            volume: column(v, at, "volume", Some(n))?,
        }
    } else {
        return Err(err(format!("{at}: expected an array of {{time, open, high, low, close, volume}} or an object of columns")));
    };
    c.check().map_err(|e| err(format!("{at}: {e}")))?;
    Ok(c)
}

fn set(obj: &Object, key: &str, value: impl Into<JsValue>) {
    let _ = Reflect::set(obj, &JsValue::from_str(key), &value.into());
}

/// TradingView's technical rating of the last bar (taken as closed), with every vote, computed
/// with Pine's semantics. Returns `null` for an empty series.
///
/// ```js
/// const r = technicalRating(candles);            // candles: Candle[] or CandleColumns
/// console.log(r.label, r.total, r.movingAverages.buy);
/// ```
#[wasm_bindgen(js_name = technicalRating, unchecked_return_type = "TechnicalRatingResult | null")]
pub fn technical_rating_js(
    #[wasm_bindgen(unchecked_param_type = "Candles")] candles: JsValue,
    #[wasm_bindgen(unchecked_param_type = "TechnicalRatingOptions")] options: Option<Object>,
) -> Result<JsValue, JsError> {
    let c = candles_from_js(&candles, "candles")?;
    let every_bar = options
        .and_then(|o| Reflect::get(&o, &JsValue::from_str("everyBar")).ok())
        .is_some_and(|v| v.is_truthy());
    let r = rating::technical_rating(&c, every_bar).map_err(|e| err(format!("candles: {e}")))?;
    let Some(last) = r.last else {
        return Ok(JsValue::NULL);
    };
    let out = rating_js::detail(&last);
    if let Some(s) = r.every_bar {
        let cols = Object::new();
        let time: Vec<f64> = s.time.iter().map(|&t| t as f64).collect();
        set(&cols, "time", Float64Array::from(&time[..]));
        set(&cols, "total", Float64Array::from(&s.total[..]));
        set(&cols, "movingAverages", Float64Array::from(&s.ma[..]));
        set(&cols, "oscillators", Float64Array::from(&s.other[..]));
        set(&out, "everyBar", cols);
    }
    Ok(out.into())
}

/// One indicator with TA-Lib's conventions (parameter names and defaults as TA-Lib's).
///
/// ```js
/// const { macd, signal, hist } = indicator("macd", { fastperiod: 12, slowperiod: 26, signalperiod: 9 }, candles);
/// ```
#[wasm_bindgen(js_name = indicator, unchecked_return_type = "IndicatorResult")]
pub fn indicator_js(
    #[wasm_bindgen(unchecked_param_type = "IndicatorName")] name: &str,
    #[wasm_bindgen(unchecked_param_type = "Record<string, number> | undefined")] params: JsValue,
    #[wasm_bindgen(unchecked_param_type = "Candles")] candles: JsValue,
) -> Result<JsValue, JsError> {
    let mut p = Params::new();
    if !params.is_undefined() && !params.is_null() {
        let entries = Object::entries(
            params
                .dyn_ref::<Object>()
                .ok_or_else(|| err(format!("{name}: params must be an object")))?,
        );
        for e in entries.iter() {
            let pair: Array = e.unchecked_into();
            let key = pair.get(0).as_string().unwrap_or_default();
            let value = pair
                .get(1)
                .as_f64()
                .ok_or_else(|| err(format!("{name}: params.{key} is not a number")))?;
            p = p.with(&key, value);
        }
    }
    let c = candles_from_js(&candles, "candles")?;
    let out = indicators::indicator(name, &p, &c).map_err(err)?;
    let o = Object::new();
    for col in &out.columns {
        set(&o, col.name, Float64Array::from(&col.values[..]));
    }
    Ok(o.into())
}
