//! Evaluating a [`SeriesExpr`] over the data in hand: named series, candle fields, and the
//! derived series (returns, change, moving averages, rolling z-scores, ratios).

use super::input::{Input, Missing, SeriesSet};
use super::rule::{Derive, Field, SeriesExpr};
use super::window::each_window;
use crate::series::SeriesData;

/// A numeric series with its times, oldest first, warm-up dropped (every value is finite).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Line {
    pub time: Vec<i64>,
    pub value: Vec<f64>,
}

impl Line {
    pub fn len(&self) -> usize {
        self.value.len()
    }

    pub fn is_empty(&self) -> bool {
        self.value.is_empty()
    }

    pub fn last(&self) -> Option<(i64, f64)> {
        Some((*self.time.last()?, *self.value.last()?))
    }

    fn from_pairs(time: &[i64], value: Vec<f64>) -> Line {
        let mut out = Line::default();
        for (t, v) in time.iter().zip(value) {
            if v.is_finite() {
                out.time.push(*t);
                out.value.push(v);
            }
        }
        out
    }
}

/// The values of `expr` over the data in `set`.
pub fn eval(expr: &SeriesExpr, set: &SeriesSet) -> Result<Line, Missing> {
    match expr {
        SeriesExpr::Named { name, field } => {
            let input = set.lookup(name)?;
            named(name, *field, input)
        }
        SeriesExpr::Derived { op, of, period, by } => {
            let x = eval(of, set)?;
            Ok(match (op, by) {
                (Derive::Ratio, Some(b)) => aligned(&x, &eval(b, set)?, |a, b| a / b),
                (Derive::Difference, Some(b)) => aligned(&x, &eval(b, set)?, |a, b| a - b),
                _ => Line::from_pairs(&x.time, rolling(*op, &x.value, *period)),
            })
        }
    }
}

fn named(name: &str, field: Field, input: &Input) -> Result<Line, Missing> {
    Ok(match (&input.data, field) {
        (SeriesData::Points(p), Field::Value) => Line::from_pairs(&p.time, p.value.clone()),
        (SeriesData::Points(_), _) => return Err(Missing::NotCandles(name.into())),
        (SeriesData::Candles(c), f) => {
            let col = match f {
                Field::Open => &c.open,
                Field::High => &c.high,
                Field::Low => &c.low,
                Field::Volume => &c.volume,
                Field::Close | Field::Value => &c.close,
            };
            Line::from_pairs(&c.time, col.clone())
        }
    })
}

/// `f(a, b)` at each time of `a`, with `b`'s last value at or before that time.
fn aligned(a: &Line, b: &Line, f: impl Fn(f64, f64) -> f64) -> Line {
    let mut j = 0;
    let mut out = Vec::with_capacity(a.len());
    for &t in &a.time {
        while j < b.len() && b.time[j] <= t {
            j += 1;
        }
        out.push(match j {
            0 => f64::NAN,
            _ => f(a.value[out.len()], b.value[j - 1]),
        });
    }
    Line::from_pairs(&a.time, out)
}

/// The rolling transforms, NaN until `period` points of history exist.
pub(crate) fn rolling(op: Derive, x: &[f64], period: usize) -> Vec<f64> {
    let n = x.len();
    let mut out = vec![f64::NAN; n];
    let p = period.max(1);
    match op {
        Derive::Returns => (p..n).for_each(|i| out[i] = x[i] / x[i - p] - 1.0),
        Derive::Change => (p..n).for_each(|i| out[i] = x[i] - x[i - p]),
        Derive::Sma => {
            let mut sum = 0.0;
            for i in 0..n {
                sum += x[i];
                if i >= p {
                    sum -= x[i - p];
                }
                if i + 1 >= p {
                    out[i] = sum / p as f64;
                }
            }
        }
        Derive::Ema => {
            // Seeded with the SMA of the first `p` values, as TA-Lib does.
            let k = 2.0 / (p as f64 + 1.0);
            if n >= p {
                let mut e = x[..p].iter().sum::<f64>() / p as f64;
                out[p - 1] = e;
                for i in p..n {
                    e += k * (x[i] - e);
                    out[i] = e;
                }
            }
        }
        // O(n) whatever the period (see `window`).
        Derive::Stdev => {
            each_window(x, p, |i, _, sd| out[i] = sd);
        }
        Derive::Zscore => {
            // The z-score of x[i] against the `p` values before it: the window ending at i − 1.
            each_window(&x[..n.saturating_sub(1)], p, |i, m, sd| {
                out[i + 1] = standardise(x[i + 1], m, sd)
            });
        }
        // Two-series transforms are handled by `aligned`.
        Derive::Ratio | Derive::Difference => {}
    }
    out
}

/// Mean and population standard deviation (two-pass, for accuracy on tiny funding rates).
pub fn mean_sd(x: &[f64]) -> (f64, f64) {
    if x.is_empty() {
        return (f64::NAN, f64::NAN);
    }
    let n = x.len() as f64;
    let m = x.iter().sum::<f64>() / n;
    let var = x.iter().map(|v| (v - m) * (v - m)).sum::<f64>() / n;
    (m, var.sqrt())
}

/// `(v − mean) / sd` of `history`; 0 when the history is flat and `v` equals it, ±∞ when it is
/// flat and `v` differs (capped at ±1e6 so results stay finite).
pub fn zscore(v: f64, history: &[f64]) -> f64 {
    let (m, sd) = mean_sd(history);
    standardise(v, m, sd)
}

/// `(v − m) / sd`, with [`zscore`]'s rules for a flat history.
fn standardise(v: f64, m: f64, sd: f64) -> f64 {
    if sd > 0.0 {
        ((v - m) / sd).clamp(-1e6, 1e6)
    } else if v == m {
        0.0
    } else {
        1e6 * (v - m).signum()
    }
}
