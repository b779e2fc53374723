//! Candles and columns from JavaScript, read in blocks.
//!
//! wasm memory only grows: copying a million bars in at once would keep 56 MB of it for the
//! life of the page, and stream every value through memory three times (copy, check, rate).
//! Reading a block at a time keeps one block (L2-sized) resident and the rating's pass in cache.

use super::err;
use super::host::{self, Shape};
use barfinex_core::series::{Candles, MAX_BARS};
use js_sys::{Float64Array, Reflect};
use wasm_bindgen::prelude::*;

/// Bars per block: six columns of 4,096 values are 192 KB.
pub(crate) const BLOCK: usize = 4096;

/// One column: a `Float64Array` (copied with one call per block) or an array of numbers, with
/// its length as read once (through [`host`], like every read here).
pub(crate) enum Column {
    Typed(Float64Array, usize),
    Plain(JsValue, usize),
}

impl Column {
    /// Takes `obj[name]`, which must hold `expected` values when given, at most [`MAX_BARS`].
    pub fn new(
        obj: &JsValue,
        at: &str,
        name: &str,
        expected: Option<usize>,
    ) -> Result<Self, JsError> {
        let v = host::field(obj, name, at)?;
        let here = format!("{at}.{name}");
        let col = match host::shape(&v) {
            Shape::Typed(t) => Column::Typed(t, host::length(&v, &here)?),
            Shape::Array(a) => Column::Plain(a, host::length(&v, &here)?),
            Shape::Other => {
                return Err(err(format!(
                    "{at}.{name}: expected an array or Float64Array"
                )))
            }
        };
        let len = col.len();
        if len > MAX_BARS {
            return Err(err(format!(
                "{at}.{name}: {len} values is more than the limit of {MAX_BARS}"
            )));
        }
        match expected {
            Some(n) if n != len => Err(err(format!(
                "{at}.{name}: {len} values, expected {n} (one per bar)"
            ))),
            _ => Ok(col),
        }
    }

    pub fn len(&self) -> usize {
        match self {
            Column::Typed(_, n) | Column::Plain(_, n) => *n,
        }
    }

    /// Values `start..end` into `out` (replacing its contents).
    pub fn read(
        &self,
        at: &str,
        name: &str,
        start: usize,
        end: usize,
        out: &mut Vec<f64>,
    ) -> Result<(), JsError> {
        out.clear();
        match self {
            Column::Typed(t, _) => {
                let here = format!("{at}.{name}");
                let view = host::subarray(t, start as u32, end as u32, &here)?;
                // A resizable buffer may have shrunk since `new`; `copy_to` needs equal lengths.
                if host::length(&view, &here)? != end - start {
                    return Err(err(format!("{at}.{name}: changed length while being read")));
                }
                out.resize(end - start, 0.0);
                view.copy_to(out);
            }
            Column::Plain(a, _) => {
                let here = format!("{at}.{name}");
                for i in start..end {
                    let v = host::item(a, i as u32, &here)?.as_f64();
                    out.push(v.ok_or_else(|| err(format!("{at}.{name}[{i}]: not a number")))?);
                }
            }
        }
        Ok(())
    }

    /// Every value.
    pub fn to_vec(&self, at: &str, name: &str) -> Result<Vec<f64>, JsError> {
        let mut out = Vec::new();
        self.read(at, name, 0, self.len(), &mut out)?;
        Ok(out)
    }
}

const FIELDS: [&str; 6] = ["time", "open", "high", "low", "close", "volume"];

/// Candles as JS holds them: `Candle[]` or `CandleColumns`. [`CandlesJs::new`] checks the shape
/// and the lengths; values are read a block at a time, and checked by the computation.
pub(crate) enum CandlesJs {
    /// The array and its length.
    Rows(JsValue, usize),
    /// In [`FIELDS`] order.
    Columns(Box<[Column; 6]>),
}

/// A block of bars, with the buffers reused from block to block.
#[derive(Default)]
pub(crate) struct Block {
    pub candles: Candles,
    time: Vec<f64>,
}

impl CandlesJs {
    pub fn new(v: &JsValue, at: &str) -> Result<Self, JsError> {
        if let Shape::Array(arr) = host::shape(v) {
            let n = host::length(&arr, at)?;
            if n > MAX_BARS {
                return Err(err(format!(
                    "{at}: {n} bars is more than the limit of {MAX_BARS}"
                )));
            }
            return Ok(CandlesJs::Rows(arr, n));
        }
        if !v.is_object() {
            return Err(err(format!("{at}: expected an array of {{time, open, high, low, close, volume}} or an object of columns")));
        }
        let close = Column::new(v, at, "close", None)?;
        let n = Some(close.len());
        Ok(CandlesJs::Columns(Box::new([
            Column::new(v, at, "time", n)?,
            Column::new(v, at, "open", n)?,
            Column::new(v, at, "high", n)?,
            Column::new(v, at, "low", n)?,
            close,
            Column::new(v, at, "volume", n)?,
        ])))
    }

    pub fn len(&self) -> usize {
        match self {
            CandlesJs::Rows(_, n) => *n,
            CandlesJs::Columns(c) => c[4].len(),
        }
    }

    /// Bars `start..end` into `block` (unchecked: the computation checks them).
    pub fn read(
        &self,
        at: &str,
        start: usize,
        end: usize,
        block: &mut Block,
    ) -> Result<(), JsError> {
        let c = &mut block.candles;
        match self {
            CandlesJs::Rows(arr, _) => {
                for col in [
                    &mut c.open,
                    &mut c.high,
                    &mut c.low,
                    &mut c.close,
                    &mut c.volume,
                ] {
                    col.clear();
                }
                c.time.clear();
                let keys = FIELDS.map(JsValue::from_str);
                for i in start..end {
                    let row = host::item(arr, i as u32, at)?;
                    let mut f = [0.0; 6];
                    for ((k, name), slot) in keys.iter().zip(FIELDS).zip(f.iter_mut()) {
                        *slot = Reflect::get(&row, k)
                            .ok()
                            .and_then(|x| x.as_f64())
                            .ok_or_else(|| err(format!("{at}[{i}].{name}: expected a number")))?;
                    }
                    c.time.push(f[0] as i64);
                    c.open.push(f[1]);
                    c.high.push(f[2]);
                    c.low.push(f[3]);
                    c.close.push(f[4]);
                    c.volume.push(f[5]);
                }
            }
            CandlesJs::Columns(cols) => {
                let [time, open, high, low, close, volume] = &**cols;
                time.read(at, "time", start, end, &mut block.time)?;
                c.time.clear();
                c.time.extend(block.time.iter().map(|&t| t as i64));
                open.read(at, "open", start, end, &mut c.open)?;
                high.read(at, "high", start, end, &mut c.high)?;
                low.read(at, "low", start, end, &mut c.low)?;
                close.read(at, "close", start, end, &mut c.close)?;
                volume.read(at, "volume", start, end, &mut c.volume)?;
            }
        }
        Ok(())
    }
}

/// Every bar, checked: for computations over the whole series at once.
pub(crate) fn candles_from_js(v: &JsValue, at: &str) -> Result<Candles, JsError> {
    let input = CandlesJs::new(v, at)?;
    let mut block = Block::default();
    input.read(at, 0, input.len(), &mut block)?;
    block
        .candles
        .check()
        .map_err(|e| err(format!("{at}: {e}")))?;
    Ok(block.candles)
}
