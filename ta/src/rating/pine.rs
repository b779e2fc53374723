//! Pine Script `ta.*` semantics, where they differ from TA-Lib's, for the technical rating.
//! Each follows the equivalent Pine code in TradingView's Pine reference manual:
//! * `ta.ema` is seeded with the first value (no warm-up), not with an SMA;
//! * a division by zero gives `na` (NaN), where TA-Lib returns 0;
//! * `ta.sma`, `ta.highest`, `ta.lowest` give `na` while their window holds an `na`;
//! * `ta.dmi` uses `ta.rma` (SMA-seeded Wilder averages), not TA-Lib's Wilder sums, with
//!   `ta.tr` = `na` on the first bar and `fixnan` on the DI lines;
//! * the Stochastic RSI smooths %K (`ta.sma(ta.stoch(rsi, rsi, rsi, 14), 3)`), TA-Lib does not.

use super::fixed::{slide, Lookback};
use crate::select::{max, min, pick};
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

/// [`div`] for a divisor that running sums leave with a rounding residue (a deviation, a range
/// of a computed series): `na` when it is at most a billionth of `scale`, the size of the values
/// it was computed from. Below that it is rounding noise, and noise divided by noise is no
/// reading (a flat market would otherwise vote at random).
#[inline]
pub(crate) fn div_noise(a: f64, b: f64, scale: f64) -> f64 {
    if b.abs() <= 1e-9 * scale.abs() {
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
///
/// With `dm_from_first_bar`, the scanner script's own `dirmov`/`adx(14, 14)` (lines 175–187 of
/// `links/common.pine.link`, `tradingview/scanner_data` ed0ed9c4): its +DM and −DM are
/// `up > down and up > 0 ? up : 0` without `ta.dmi`'s `na(up) ? na :`, so the first bar
/// enters their averages as 0 (seeded over bars 0–13, the true range over bars 1–14).
#[derive(Clone, Debug)]
pub(crate) struct Dmi14 {
    prev: Option<Bar>,
    dm_from_first_bar: bool,
    dm_count: u32,
    tr_count: u32,
    dx_count: u32,
    tr: Rma<14>,
    plus: Rma<14>,
    minus: Rma<14>,
    adx: Rma<14>,
    last_plus: f64,
    last_minus: f64,
}

impl Dmi14 {
    pub fn new(dm_from_first_bar: bool) -> Self {
        Self {
            prev: None,
            dm_from_first_bar,
            dm_count: 0,
            tr_count: 0,
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
            if self.dm_from_first_bar {
                self.dm_count = 1;
                self.plus.update(1, 0.0);
                self.minus.update(1, 0.0);
            }
            return (f64::NAN, f64::NAN, f64::NAN);
        };
        self.dm_count = self.dm_count.saturating_add(1);
        self.tr_count = self.tr_count.saturating_add(1);
        let (pdm, mdm) = directional_movement(b, &prev);
        let trur = self.tr.update(self.tr_count, true_range(b, prev.close));
        let plus = self.plus.update(self.dm_count, pdm);
        let minus = self.minus.update(self.dm_count, mdm);
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

/// +DM and −DM (`ta.dmi`): the larger move, if positive; as the crate's general
/// `directional_movement`, without branches (the comparisons are random on market data).
#[inline]
fn directional_movement(b: &Bar, prev: &Bar) -> (f64, f64) {
    let up = b.high - prev.high;
    let down = prev.low - b.low;
    (
        pick((up > 0.0) & (up > down), up, 0.0),
        pick((down > 0.0) & (down > up), down, 0.0),
    )
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

/// `ta.cci(close, 20)`: `(close − mean)/(0.015·mean deviation)`, `na` on a zero deviation. The
/// mean is SMA 20, which the rating already has.
#[derive(Clone, Debug)]
pub(crate) struct Cci20 {
    /// The last 20 closes in arrival slots (the deviation does not depend on their order).
    window: [f64; 20],
    /// Where the next close goes: a counter, not `i % 20` (wasm has no cheap 64-bit remainder).
    slot: usize,
}

impl Cci20 {
    pub fn new() -> Self {
        Self {
            window: [0.0; 20],
            slot: 0,
        }
    }

    /// Takes a close; `ready` once 20 are in, with their `mean`.
    #[inline]
    pub fn update(&mut self, ready: bool, mean: f64, close: f64) -> f64 {
        if let Some(slot) = self.window.get_mut(self.slot) {
            *slot = close;
        }
        self.slot = if self.slot == 19 { 0 } else { self.slot + 1 };
        if !ready {
            return f64::NAN;
        }
        // Four partial sums: independent chains the compiler can put in one vector.
        let mut acc = [0.0; 4];
        for chunk in self.window.chunks_exact(4) {
            for (a, v) in acc.iter_mut().zip(chunk) {
                *a += (v - mean).abs();
            }
        }
        let dev = ((acc[0] + acc[1]) + (acc[2] + acc[3])) / 20.0;
        div_noise(close - mean, 0.015 * dev, 0.015 * mean)
    }
}

/// The `ta` library's `uo(7, 14, 28)`: buying pressure over true range (both from the previous
/// close), averaged 4:2:1; `na` on a zero true-range sum (Pine's division).
#[derive(Clone, Debug)]
pub(crate) struct Uo {
    prev_close: f64,
    buying_pressure: Lookback,
    true_range: Lookback,
    /// Σ buying pressure and Σ true range over 7, 14 and 28 bars.
    sums: [[f64; 2]; 3],
}

impl Uo {
    pub fn new() -> Self {
        Self {
            prev_close: f64::NAN,
            buying_pressure: Lookback::new(),
            true_range: Lookback::new(),
            sums: [[0.0; 2]; 3],
        }
    }

    /// Takes bar `i`; `ready` from bar 28 (28 values from the second bar on).
    #[inline]
    pub fn update(&mut self, i: u64, ready: bool, b: &Bar) -> f64 {
        let pc = std::mem::replace(&mut self.prev_close, b.close);
        if i == 0 {
            return f64::NAN;
        }
        let true_low = min(b.low, pc);
        let (bp, tr) = (b.close - true_low, max(b.high, pc) - true_low);
        self.buying_pressure.set(i, bp);
        self.true_range.set(i, tr);
        let mut total = 0.0;
        for (k, (n, weight)) in [(7u64, 4.0), (14, 2.0), (28, 1.0)].into_iter().enumerate() {
            let Some([s_bp, s_tr]) = self.sums.get_mut(k) else {
                continue;
            };
            let s_bp = slide(s_bp, self.buying_pressure.ago(i, n), bp);
            let s_tr = slide(s_tr, self.true_range.ago(i, n), tr);
            total += if s_tr.abs() < 1e-14 {
                f64::NAN
            } else {
                weight * (s_bp / s_tr)
            };
        }
        if ready {
            100.0 * (total / 7.0)
        } else {
            f64::NAN
        }
    }
}
