//! Reading what a host page passes in, with every JS call able to throw caught: a Proxy's trap,
//! a getter, a revoked proxy or an own `length` on a typed array throw in JS, and an exception
//! that crossed the module's frames would unwind them without their destructors (leaked memory,
//! borrows left held). Each reader returns the host's failure as an error naming the argument.
//! Typed arrays are read through the intrinsic `length` and `subarray`, never the instance's.

use super::err;
use js_sys::{Array, Float64Array, Reflect};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

#[wasm_bindgen(inline_js = r#"
const typed = Object.getPrototypeOf(Float64Array.prototype);
const lengthOf = Object.getOwnPropertyDescriptor(typed, "length").get;
const subarrayOf = Float64Array.prototype.subarray;
export function typedLength(t) { return Reflect.apply(lengthOf, t, []); }
export function typedSubarray(t, s, e) { return Reflect.apply(subarrayOf, t, [s, e]); }
export function isArray(v) { try { return Array.isArray(v); } catch { return false; } }
export function isTyped(v) { try { return v instanceof Float64Array; } catch { return false; } }
export function keysOf(o) { return Object.keys(o); }
"#)]
extern "C" {
    #[wasm_bindgen(catch, js_name = typedLength)]
    fn typed_length(t: &JsValue) -> Result<f64, JsValue>;
    #[wasm_bindgen(catch, js_name = typedSubarray)]
    fn typed_subarray(t: &JsValue, start: u32, end: u32) -> Result<Float64Array, JsValue>;
    #[wasm_bindgen(js_name = isArray)]
    fn is_array(v: &JsValue) -> bool;
    #[wasm_bindgen(js_name = isTyped)]
    fn is_typed(v: &JsValue) -> bool;
    #[wasm_bindgen(catch, js_name = keysOf)]
    fn keys_of(o: &JsValue) -> Result<Array, JsValue>;
}

/// What a host value is, for the readers.
pub(crate) enum Shape {
    Typed(Float64Array),
    Array(JsValue),
    Other,
}

/// Classifies `v` without letting it throw.
pub(crate) fn shape(v: &JsValue) -> Shape {
    if is_typed(v) {
        Shape::Typed(v.clone().unchecked_into())
    } else if is_array(v) {
        Shape::Array(v.clone())
    } else {
        Shape::Other
    }
}

/// `v.length` of an array (through `Reflect.get`) or of a typed array (its intrinsic length).
pub(crate) fn length(v: &JsValue, at: &str) -> Result<usize, JsError> {
    let n = match shape(v) {
        Shape::Typed(t) => typed_length(&t),
        _ => Reflect::get(v, &JsValue::from_str("length")).map(|l| l.as_f64().unwrap_or(f64::NAN)),
    }
    .map_err(|e| thrown(at, "length", &e))?;
    if n.is_finite() && n >= 0.0 && n <= f64::from(u32::MAX) {
        Ok(n as usize)
    } else {
        Err(err(format!("{at}: its length is not a length")))
    }
}

/// `v[i]`.
pub(crate) fn item(v: &JsValue, i: u32, at: &str) -> Result<JsValue, JsError> {
    Reflect::get_u32(v, i).map_err(|e| thrown(&format!("{at}[{i}]"), "value", &e))
}

/// `v[key]`.
pub(crate) fn field(v: &JsValue, key: &str, at: &str) -> Result<JsValue, JsError> {
    Reflect::get(v, &JsValue::from_str(key))
        .map_err(|e| thrown(&format!("{at}.{key}"), "value", &e))
}

/// `t.subarray(start, end)` through the intrinsic method.
pub(crate) fn subarray(
    t: &Float64Array,
    start: u32,
    end: u32,
    at: &str,
) -> Result<Float64Array, JsError> {
    typed_subarray(t, start, end).map_err(|e| thrown(at, "values", &e))
}

/// The own enumerable string keys of `o` and their values (`Object.entries`).
pub(crate) fn entries(o: &JsValue, at: &str) -> Result<Vec<(String, JsValue)>, JsError> {
    let keys = keys_of(o).map_err(|e| thrown(at, "keys", &e))?;
    let mut out = Vec::new();
    for k in keys.iter() {
        let key = k.as_string().unwrap_or_default();
        let value = field(o, &key, at)?;
        out.push((key, value));
    }
    Ok(out)
}

/// The error for a host value that threw. What it threw is not looked at: reading even its
/// message could run more of the host's code.
fn thrown(at: &str, what: &str, _: &JsValue) -> JsError {
    err(format!(
        "{at}: its {what} cannot be read (reading it threw)"
    ))
}
