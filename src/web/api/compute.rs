//! The computing functions' code, in a chunk of its own: `technicalRating`, `indicator` and
//! `scoreSignals` reach the indicators and the rating (`barfinex-ta`, built for speed) and the
//! conversions from JS values through these split points, so `scripts/build-pkg.sh`
//! (wasm-split) moves that code out of the main module. A page of light widgets never fetches
//! it; the rating's widgets share the indicators with it.
//!
//! The functions stay synchronous: `init()` loads the chunk before it resolves, and `initSync`
//! in Node reads it from beside the glue (`scripts/split-loader.mjs`). [`ready`] then finds it
//! in and calls through at once. Called before that, they throw a message saying to
//! `await init()`, and the chunk starts loading. Natively each is a plain call.
//!
//! ```js
//! import init, { technicalRating } from "@barfinex/widgets";
//! await init();                 // the module, then this chunk
//! technicalRating(candles);
//! ```

use super::candles_js::{Block, CandlesJs, BLOCK};
use super::{candles_from_js, err, host, rating_js, set};
use barfinex_core::format::indicator_error;
use barfinex_core::indicators::{self, Params};
use barfinex_core::rating::{Rules, TechnicalRating};
use js_sys::{Float64Array, Object};
use std::future::Future;
use std::pin::pin;
use std::task::{Context, Poll, Waker};
use wasm_bindgen::prelude::*;
use wasm_split_helpers::{wasm_split, SplitLoaderError};

/// Runs a split call to its end now, if its chunk is in. The first poll asks for the chunk; when
/// it is already in, the loader answers at once and the second poll returns the call's result.
/// Three polls cover that; a chunk still on its way is an error, not a wait.
pub(super) fn ready(
    name: &str,
    call: impl Future<Output = Result<Result<JsValue, JsError>, SplitLoaderError>>,
) -> Result<JsValue, JsError> {
    let mut call = pin!(call);
    let mut cx = Context::from_waker(Waker::noop());
    for _ in 0..3 {
        match call.as_mut().poll(&mut cx) {
            Poll::Ready(Ok(out)) => return out,
            Poll::Ready(Err(_)) => break,
            Poll::Pending => {}
        }
    }
    Err(err(format!(
        "{name}: its code is not loaded; call it after `await init()`"
    )))
}

#[wasm_split(compute, fallible)]
pub(super) fn rating(
    candles: JsValue,
    options: Option<Object>,
) -> Result<Result<JsValue, JsError>, SplitLoaderError> {
    Ok(rate(&candles, options.as_ref()))
}

#[wasm_split(compute, fallible)]
pub(super) fn indicator(
    name: String,
    params: JsValue,
    candles: JsValue,
) -> Result<Result<JsValue, JsError>, SplitLoaderError> {
    Ok(one_indicator(&name, &params, &candles))
}

#[wasm_split(compute, fallible)]
pub(super) fn signals(
    signals: JsValue,
    series: JsValue,
) -> Result<Result<JsValue, JsError>, SplitLoaderError> {
    Ok(super::signals::score(&signals, &series))
}

/// `technicalRating`: the candles read 4,096 bars at a time into the rating's state.
fn rate(candles: &JsValue, options: Option<&Object>) -> Result<JsValue, JsError> {
    let (every_bar, rules) = rating_options(options)?;
    let input = CandlesJs::new(candles, "candles")?;
    let n = input.len();
    let mut state = TechnicalRating::with_rules(rules);
    let mut block = Block::default();
    let out = every_bar.then(|| rating_js::EveryBar::new(n));
    let mut scores = Vec::new();
    for start in (0..n).step_by(BLOCK) {
        let end = (start + BLOCK).min(n);
        input.read("candles", start, end, &mut block)?;
        let fail = |e| err(format!("candles: {e}"));
        match &out {
            Some(out) => {
                state
                    .extend_scores(&block.candles, &mut scores)
                    .map_err(fail)?;
                out.write(start, &block.candles.time, &scores);
            }
            None => state.extend(&block.candles).map_err(fail)?,
        }
    }
    if n == 0 {
        return Ok(JsValue::NULL);
    }
    let result = rating_js::detail(&state.detail());
    if let Some(cols) = out {
        set(&result, "everyBar", cols.into_object());
    }
    Ok(result.into())
}

/// `TechnicalRatingOptions`, checked: an unknown key or rule set is an error naming it.
fn rating_options(options: Option<&Object>) -> Result<(bool, Rules), JsError> {
    let Some(o) = options else {
        return Ok((false, Rules::default()));
    };
    let mut out = (false, Rules::default());
    for (key, value) in host::entries(o, "options")? {
        match key.as_str() {
            "everyBar" => out.0 = value.is_truthy(),
            "rules" if value.is_undefined() => {}
            "rules" => {
                let name = value
                    .as_string()
                    .ok_or_else(|| err("options.rules: expected a string"))?;
                out.1 = name
                    .parse()
                    .map_err(|e| err(format!("options.rules: {e}")))?;
            }
            other => {
                return Err(err(format!(
                    "options.{other}: unknown option, expected everyBar, rules"
                )))
            }
        }
    }
    Ok(out)
}

/// `indicator`: the params checked as numbers, the output one `Float64Array` per column.
fn one_indicator(name: &str, params: &JsValue, candles: &JsValue) -> Result<JsValue, JsError> {
    let mut p = Params::new();
    if !params.is_undefined() && !params.is_null() {
        if !params.is_object() {
            return Err(err(format!("{name}: params must be an object")));
        }
        for (key, value) in host::entries(params, "params")? {
            let value = value
                .as_f64()
                .ok_or_else(|| err(format!("{name}: params.{key} is not a number")))?;
            p = p.with(&key, value);
        }
    }
    let c = candles_from_js(candles, "candles")?;
    let out = indicators::indicator(name, &p, &c).map_err(|e| err(indicator_error(&e)))?;
    let o = Object::new();
    for col in &out.columns {
        set(&o, col.name, Float64Array::from(&col.values[..]));
    }
    Ok(o.into())
}
