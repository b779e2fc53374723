//! Pine Script `ta.*` semantics, where they differ from TA-Lib's, for the technical rating.
//! Each follows the equivalent Pine code in TradingView's Pine reference manual:
//! * `ta.ema` is seeded with the first value (no warm-up), not with an SMA;
//! * a division by zero gives `na` (NaN), where TA-Lib returns 0;
//! * `ta.sma`, `ta.highest`, `ta.lowest` give `na` while their window holds an `na`;
//! * `ta.dmi` uses `ta.rma` (SMA-seeded Wilder averages), not TA-Lib's Wilder sums, with
//!   `ta.tr` = `na` on the first bar and `fixnan` on the DI lines;
//! * the Stochastic RSI smooths %K (`ta.sma(ta.stoch(rsi, rsi, rsi, 14), 3)`), TA-Lib does not.

use crate::indicators::window::{Ring, RollingMax, RollingMin, RollingSum};
use crate::indicators::{directional_movement, true_range, Rsi, SeededEma, Sma};
use crate::series::Bar;

/// Pine division: `na` when the divisor is zero.
pub(crate) fn div(a: f64, b: f64) -> f64 {
    if b == 0.0 {
        f64::NAN
    } else {
        a / b
    }
}

/// `ta.stoch(src, src, src, n)` (used on RSI): `100·(src − lowest)/(highest − lowest)`, `na` on a
/// zero range.
#[derive(Clone, Debug)]
pub(crate) struct PineStochK {
    hi: RollingMax,
    lo: RollingMin,
}

impl PineStochK {
    pub fn new(n: usize) -> Self {
        Self {
            hi: RollingMax::new(n),
            lo: RollingMin::new(n),
        }
    }

    pub fn update(&mut self, src: f64, high: f64, low: f64) -> f64 {
        let (h, l) = (self.hi.push(high), self.lo.push(low));
        100.0 * div(src - l, h - l)
    }
}

/// `[k, d]` of the TradingView `ta` library's `stochFull(k, smoothK, d)` and `stochRsi(...)`:
/// `k = ta.sma(stoch, smoothK)`, `d = ta.sma(k, d)`.
#[derive(Clone, Debug)]
pub(crate) struct SmoothedKD {
    k: Sma,
    d: Sma,
}

impl SmoothedKD {
    pub fn new(smooth_k: usize, d: usize) -> Self {
        Self {
            k: Sma::new(smooth_k),
            d: Sma::new(d),
        }
    }

    pub fn update(&mut self, raw: f64) -> (f64, f64) {
        let k = self.k.update(raw);
        (k, self.d.update(k))
    }
}

/// `ta.rsi`: Wilder averages; 100 when the average loss is 0, 0 when the average gain is 0.
#[derive(Clone, Debug)]
pub(crate) struct PineRsi(Rsi);

impl PineRsi {
    pub fn new(n: usize) -> Self {
        Self(Rsi::new(n))
    }

    pub fn update(&mut self, x: f64) -> f64 {
        let (up, down) = self.0.step(x);
        if up.is_nan() || down.is_nan() {
            f64::NAN
        } else if down == 0.0 {
            100.0
        } else if up == 0.0 {
            0.0
        } else {
            100.0 - 100.0 / (1.0 + up / down)
        }
    }
}

/// `ta.cci(src, n)`: `(src − sma)/(0.015·mean deviation)`, `na` on a zero deviation. The mean
/// comes from a running sum (the deviation still needs the whole window).
#[derive(Clone, Debug)]
pub(crate) struct PineCci {
    ring: Ring,
    sum: RollingSum,
    n: f64,
}

impl PineCci {
    pub fn new(n: usize) -> Self {
        Self {
            ring: Ring::new(n),
            sum: RollingSum::new(n),
            n: n.max(1) as f64,
        }
    }

    pub fn update(&mut self, x: f64) -> f64 {
        self.ring.push(x);
        let mean = self.sum.push(x) / self.n;
        if mean.is_nan() {
            return f64::NAN;
        }
        let (a, b) = self.ring.as_slices();
        let dev = a.iter().chain(b).map(|v| (v - mean).abs()).sum::<f64>() / self.n;
        div(x - mean, 0.015 * dev)
    }
}

/// `ta.dmi(di, adx)` → `(+DI, −DI, ADX)`.
#[derive(Clone, Debug)]
pub(crate) struct PineDmi {
    prev: Option<Bar>,
    tr: SeededEma,
    plus: SeededEma,
    minus: SeededEma,
    adx: SeededEma,
    last_plus: f64,
    last_minus: f64,
}

impl PineDmi {
    pub fn new(di: usize, adx: usize) -> Self {
        Self {
            prev: None,
            tr: SeededEma::rma(di),
            plus: SeededEma::rma(di),
            minus: SeededEma::rma(di),
            adx: SeededEma::rma(adx),
            last_plus: f64::NAN,
            last_minus: f64::NAN,
        }
    }

    pub fn update(&mut self, b: &Bar) -> (f64, f64, f64) {
        let Some(prev) = self.prev.replace(*b) else {
            return (f64::NAN, f64::NAN, f64::NAN);
        };
        let (pdm, mdm) = directional_movement(b, &prev);
        let trur = self.tr.update(true_range(b, prev.close));
        let plus = 100.0 * div(self.plus.update(pdm), trur);
        let minus = 100.0 * div(self.minus.update(mdm), trur);
        // fixnan: keep the last defined value.
        if !plus.is_nan() {
            self.last_plus = plus;
        }
        if !minus.is_nan() {
            self.last_minus = minus;
        }
        let (p, m) = (self.last_plus, self.last_minus);
        let sum = p + m;
        let adx = 100.0
            * self
                .adx
                .update((p - m).abs() / if sum == 0.0 { 1.0 } else { sum });
        (p, m, adx)
    }
}
