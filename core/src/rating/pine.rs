//! Pine Script `ta.*` semantics, where they differ from TA-Lib's, for the technical rating.
//! Each follows the equivalent Pine code in TradingView's Pine reference manual:
//! * `ta.ema` is seeded with the first value (no warm-up), not with an SMA;
//! * a division by zero gives `na` (NaN), where TA-Lib returns 0;
//! * `ta.sma`, `ta.highest`, `ta.lowest` give `na` while their window holds an `na`;
//! * `ta.dmi` uses `ta.rma` (SMA-seeded Wilder averages), not TA-Lib's Wilder sums, with
//!   `ta.tr` = `na` on the first bar and `fixnan` on the DI lines;
//! * the Stochastic RSI smooths %K (`ta.sma(ta.stoch(rsi, rsi, rsi, 14), 3)`), TA-Lib does not.

use super::fixed::max;
use crate::indicators::directional_movement;
use crate::series::Bar;

/// Pine division: `na` when the divisor is zero.
#[inline]
pub(crate) fn div(a: f64, b: f64) -> f64 {
    if b == 0.0 {
        f64::NAN
    } else {
        a / b
    }
}

/// `ta.rma(x, N)`: Wilder's average, seeded with the mean of the first `N` inputs, then
/// `(v·(N−1) + x)·(1/N)` (TA-Lib 0.8's arithmetic, as the crate's `SeededEma::rma`). The caller
/// counts the inputs.
#[derive(Clone, Copy, Debug)]
struct Rma<const N: u32>(f64);

impl<const N: u32> Rma<N> {
    /// Takes input number `count` (1-based); NaN until the `N`th.
    #[inline]
    fn update(&mut self, count: u32, x: f64) -> f64 {
        let n = f64::from(N);
        if count > N {
            self.0 = (self.0 * (n - 1.0) + x) * (1.0 / n);
            self.0
        } else {
            self.0 += x;
            if count == N {
                self.0 /= n;
                self.0
            } else {
                f64::NAN
            }
        }
    }
}

/// `ta.rsi(close, 14)`: Wilder averages of gains and losses; 100 when the average loss is 0,
/// 0 when the average gain is 0. First value on bar 14.
#[derive(Clone, Debug)]
pub(crate) struct Rsi14 {
    prev: f64,
    changes: u32,
    gain: Rma<14>,
    loss: Rma<14>,
}

impl Rsi14 {
    pub fn new() -> Self {
        Self {
            prev: f64::NAN,
            changes: 0,
            gain: Rma(0.0),
            loss: Rma(0.0),
        }
    }

    #[inline]
    pub fn update(&mut self, x: f64) -> f64 {
        let prev = std::mem::replace(&mut self.prev, x);
        if prev.is_nan() {
            return f64::NAN;
        }
        self.changes = self.changes.saturating_add(1);
        let d = x - prev;
        let up = self.gain.update(self.changes, max(d, 0.0));
        let down = self.loss.update(self.changes, max(-d, 0.0));
        if up.is_nan() {
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

/// `ta.dmi(14, 14)` → `(+DI, −DI, ADX)`: `ta.rma` of +DM, −DM and `ta.tr` (`na` on the first
/// bar), `fixnan` on the DI lines, ADX the `ta.rma` of DX once both lines exist (bar 27).
#[derive(Clone, Debug)]
pub(crate) struct Dmi14 {
    prev: Option<Bar>,
    changes: u32,
    dx_count: u32,
    tr: Rma<14>,
    plus: Rma<14>,
    minus: Rma<14>,
    adx: Rma<14>,
    last_plus: f64,
    last_minus: f64,
}

impl Dmi14 {
    pub fn new() -> Self {
        Self {
            prev: None,
            changes: 0,
            dx_count: 0,
            tr: Rma(0.0),
            plus: Rma(0.0),
            minus: Rma(0.0),
            adx: Rma(0.0),
            last_plus: f64::NAN,
            last_minus: f64::NAN,
        }
    }

    #[inline]
    pub fn update(&mut self, b: &Bar) -> (f64, f64, f64) {
        let Some(prev) = self.prev.replace(*b) else {
            return (f64::NAN, f64::NAN, f64::NAN);
        };
        self.changes = self.changes.saturating_add(1);
        let (pdm, mdm) = directional_movement(b, &prev);
        let trur = self.tr.update(self.changes, true_range(b, prev.close));
        let plus = self.plus.update(self.changes, pdm);
        let minus = self.minus.update(self.changes, mdm);
        if trur.is_nan() {
            return (f64::NAN, f64::NAN, f64::NAN);
        }
        // A zero true range gives na lines; fixnan keeps the last defined ones.
        if trur != 0.0 {
            let k = 100.0 / trur;
            (self.last_plus, self.last_minus) = (plus * k, minus * k);
        }
        let (p, m) = (self.last_plus, self.last_minus);
        if p.is_nan() {
            return (p, m, f64::NAN);
        }
        let sum = p + m;
        self.dx_count = self.dx_count.saturating_add(1);
        let dx = (p - m).abs() / if sum == 0.0 { 1.0 } else { sum };
        (p, m, 100.0 * self.adx.update(self.dx_count, dx))
    }
}

/// `ta.tr`: `max(high − low, |high − close[1]|, |low − close[1]|)`, with the one-instruction
/// `max` (finite inputs).
#[inline]
fn true_range(b: &Bar, prev_close: f64) -> f64 {
    max(
        max(b.high - b.low, (b.high - prev_close).abs()),
        (b.low - prev_close).abs(),
    )
}
