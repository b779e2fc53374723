//! The computing API for JavaScript: `technicalRating(candles, options?)`,
//! `indicator(name, params, candles)` and `scoreSignals(signals, series)`. Thin wrappers over the
//! pure core: they convert candles in, results out (columns as `Float64Array`), and turn every
//! error into a JS `Error` with a message. Their bodies are a chunk `init()` loads (`compute`).

use js_sys::{Object, Reflect};
use wasm_bindgen::prelude::*;

mod candles_js;
mod compute;
mod host;
mod rating_js;
mod signals;

pub(crate) use candles_js::candles_from_js;
use candles_js::Column;
pub(crate) use rating_js::detail as rating_js_object;
pub(crate) use signals::results_js as signal_results_js;

#[wasm_bindgen(typescript_custom_section)]
const TS_TYPES: &'static str = r#"
/** One candle; `time` is Unix milliseconds. */
export interface Candle { time: number; open: number; high: number; low: number; close: number; volume: number; }
/** Candles as columns of equal length (typed arrays are the fast path: copied into wasm in bulk). */
export interface CandleColumns {
  time: Float64Array | number[]; open: Float64Array | number[]; high: Float64Array | number[];
  low: Float64Array | number[]; close: Float64Array | number[]; volume: Float64Array | number[];
}
/** Oldest first, strictly ascending times, finite numbers, at most 5,000,000 bars. */
export type Candles = Candle[] | CandleColumns;
export type RatingLabel = "Strong Sell" | "Sell" | "Neutral" | "Buy" | "Strong Buy";
/** "tradingview": the scanner script behind tradingview.com's gauge (the default);
 * "library-v3": TradingView's published Pine library TechnicalRating v3. */
export type RatingRules = "tradingview" | "library-v3";
export interface TechnicalRatingOptions {
  /** Also return every bar's three scores (columns). Default false. */
  everyBar?: boolean;
  /** The rule set. Default "tradingview". */
  rules?: RatingRules;
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
  /** The rule set that rated it. */
  rules: RatingRules;
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

/// Reads one whole column: a `Float64Array` or an array of numbers.
pub(crate) fn column(
    obj: &JsValue,
    at: &str,
    name: &str,
    expected: Option<usize>,
) -> Result<Vec<f64>, JsError> {
    Column::new(obj, at, name, expected)?.to_vec(at, name)
}

fn set(obj: &Object, key: &str, value: impl Into<JsValue>) {
    let _ = Reflect::set(obj, &JsValue::from_str(key), &value.into());
}

/// TradingView's technical rating of the last bar (taken as closed), with every vote, computed
/// with Pine's semantics, under the rule set `options.rules` (`"tradingview"` by default, or
/// `"library-v3"`). Returns `null` for an empty series. An unknown option or rule set throws,
/// naming it. Call it once `await init()` has loaded its code (`initSync` in Node).
///
/// ```js
/// const r = technicalRating(candles);            // candles: Candle[] or CandleColumns
/// console.log(r.label, r.total, r.movingAverages.buy);
/// const v3 = technicalRating(candles, { rules: "library-v3", everyBar: true });
/// ```
#[wasm_bindgen(js_name = technicalRating, unchecked_return_type = "TechnicalRatingResult | null")]
pub fn technical_rating_js(
    #[wasm_bindgen(unchecked_param_type = "Candles")] candles: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "TechnicalRatingOptions")] options: Option<
        Object,
    >,
) -> Result<JsValue, JsError> {
    compute::ready("technicalRating", compute::rating(candles, options))
}

/// One indicator with TA-Lib's conventions (parameter names and defaults as TA-Lib's). Call it
/// once `await init()` has loaded its code (`initSync` in Node).
///
/// ```js
/// const { macd, signal, hist } = indicator("macd", { fastperiod: 12, slowperiod: 26, signalperiod: 9 }, candles);
/// ```
#[wasm_bindgen(js_name = indicator, unchecked_return_type = "IndicatorResult")]
pub fn indicator_js(
    #[wasm_bindgen(unchecked_param_type = "IndicatorName")] name: String,
    #[wasm_bindgen(unchecked_param_type = "Record<string, number> | undefined")] params: JsValue,
    #[wasm_bindgen(unchecked_param_type = "Candles")] candles: JsValue,
) -> Result<JsValue, JsError> {
    compute::ready("indicator", compute::indicator(name, params, candles))
}

/// Scores each signal's rule over the series given, by name (`candles`, `funding`, …).
/// A signal whose series are missing comes back `insufficient_data`; one whose rule cannot be
/// read comes back `invalid` with the field named. Throws only when the arguments themselves
/// are malformed (not an array of signals, a series that is not a series). Call it once
/// `await init()` has loaded its code (`initSync` in Node).
///
/// ```js
/// const [r] = scoreSignals(profile.signals, { candles });
/// console.log(r.state, r.strength);
/// ```
#[wasm_bindgen(js_name = scoreSignals, unchecked_return_type = "SignalResult[]")]
pub fn score_signals_js(
    #[wasm_bindgen(unchecked_param_type = "SignalSpec[]")] signals: JsValue,
    #[wasm_bindgen(unchecked_param_type = "Record<string, Candles | Points | SeriesInput>")]
    series: JsValue,
) -> Result<JsValue, JsError> {
    compute::ready("scoreSignals", compute::signals(signals, series))
}
