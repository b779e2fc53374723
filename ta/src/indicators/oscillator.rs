//! Oscillators with TA-Lib's conventions: RSI, Stochastic, Stochastic RSI, CCI, Momentum,
//! Williams %R, Awesome Oscillator, Ultimate Oscillator, MACD. Where TA-Lib divides by a zero
//! range it returns 0, and so do these.

use super::moving_average::{SeededEma, Sma};
use super::window::{Ring, RollingMax, RollingMin, RollingSum};
use crate::series::Bar;

/// RSI with Wilder's smoothing seeded by the simple average of the first `n` changes (TA-Lib).
/// Warm-up: `n` bars.
#[derive(Clone, Debug)]
pub struct Rsi {
    prev: f64,
    gain: SeededEma,
    loss: SeededEma,
}

impl Rsi {
    #[cfg_attr(barfinex_size, optimize(size))]
    pub fn new(n: usize) -> Self {
        Self {
            prev: f64::NAN,
            gain: SeededEma::rma(n),
            loss: SeededEma::rma(n),
        }
    }

    pub fn update(&mut self, x: f64) -> f64 {
        let (g, l) = self.step(x);
        if g.is_nan() || l.is_nan() {
            return f64::NAN;
        }
        let total = g + l;
        if total.abs() < 1e-14 {
            0.0
        } else {
            100.0 * (g / total)
        }
    }

    /// Average gain and loss after `x` (NaN during warm-up). Shared with Pine's RSI.
    pub(crate) fn step(&mut self, x: f64) -> (f64, f64) {
        if x.is_nan() {
            return (f64::NAN, f64::NAN);
        }
        let prev = std::mem::replace(&mut self.prev, x);
        if prev.is_nan() {
            return (f64::NAN, f64::NAN);
        }
        let d = x - prev;
        (
            self.gain.update(d.max(0.0)),
            self.loss.update((-d).max(0.0)),
        )
    }
}

/// `100·((x − lowest)/(highest − lowest))`, 0 when the range is below 1e-14: TA-Lib 0.8's fast
/// %K, with its exact arithmetic (it decides ties in flat stretches).
pub(crate) fn stoch_k(x: f64, highest: f64, lowest: f64) -> f64 {
    let diff = highest - lowest;
    if diff.is_nan() || x.is_nan() {
        f64::NAN
    } else if diff.abs() < 1e-14 {
        0.0
    } else {
        100.0 * ((x - lowest) / diff)
    }
}

/// %D as the SMA of %K; %K is reported only once %D exists, as TA-Lib aligns both outputs.
fn with_d(k: f64, d_sma: &mut Sma) -> KD {
    let d = if k.is_nan() {
        f64::NAN
    } else {
        d_sma.update(k)
    };
    KD {
        k: if d.is_nan() { f64::NAN } else { k },
        d,
    }
}

/// Slow stochastic, TA-Lib STOCH(k, slow_k, SMA, d, SMA): fast %K over `k` bars, smoothed by
/// an SMA of `slow_k` into slow %K, whose SMA of `d` is %D. Warm-up: `k + slow_k + d − 3` bars.
#[derive(Clone, Debug)]
pub struct Stoch {
    hi: RollingMax,
    lo: RollingMin,
    slow_k: Sma,
    d: Sma,
}

/// %K and %D.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct KD {
    pub k: f64,
    pub d: f64,
}

impl Stoch {
    #[cfg_attr(barfinex_size, optimize(size))]
    pub fn new(k: usize, slow_k: usize, d: usize) -> Self {
        Self {
            hi: RollingMax::new(k),
            lo: RollingMin::new(k),
            slow_k: Sma::new(slow_k),
            d: Sma::new(d),
        }
    }

    pub fn update(&mut self, b: &Bar) -> KD {
        let fast = stoch_k(b.close, self.hi.push(b.high), self.lo.push(b.low));
        let k = if fast.is_nan() {
            f64::NAN
        } else {
            self.slow_k.update(fast)
        };
        with_d(k, &mut self.d)
    }
}

/// Stochastic RSI, TA-Lib STOCHRSI(n, fast_k, fast_d, SMA): fast %K of RSI(n) over `fast_k`
/// bars (not smoothed), and its SMA of `fast_d` as %D. Warm-up: `n + fast_k + fast_d − 2`.
#[derive(Clone, Debug)]
pub struct StochRsi {
    rsi: Rsi,
    hi: RollingMax,
    lo: RollingMin,
    d: Sma,
}

impl StochRsi {
    #[cfg_attr(barfinex_size, optimize(size))]
    pub fn new(n: usize, fast_k: usize, fast_d: usize) -> Self {
        Self {
            rsi: Rsi::new(n),
            hi: RollingMax::new(fast_k),
            lo: RollingMin::new(fast_k),
            d: Sma::new(fast_d),
        }
    }

    pub fn update(&mut self, x: f64) -> KD {
        let r = self.rsi.update(x);
        if r.is_nan() {
            return KD {
                k: f64::NAN,
                d: f64::NAN,
            };
        }
        let k = stoch_k(r, self.hi.push(r), self.lo.push(r));
        with_d(k, &mut self.d)
    }
}

/// Commodity Channel Index over `n` bars of a source (TA-Lib: the typical price
/// `(high+low+close)/3`): `(x − SMA)/(0.015·mean absolute deviation)`, 0 when the deviation is
/// zero. Warm-up: `n − 1` bars. Costs O(n) per bar (the mean deviation).
#[derive(Clone, Debug)]
pub struct Cci {
    ring: Ring,
    n: usize,
}

impl Cci {
    #[cfg_attr(barfinex_size, optimize(size))]
    pub fn new(n: usize) -> Self {
        Self {
            ring: Ring::new(n),
            n: n.max(1),
        }
    }

    /// Returns `(x − mean, Σ|xᵢ − mean|)`; NaN during warm-up. The mean is summed afresh each
    /// bar, as TA-Lib does.
    fn parts(&mut self, x: f64) -> (f64, f64) {
        self.ring.push(x);
        if !self.ring.is_full() {
            return (f64::NAN, f64::NAN);
        }
        let n = self.n as f64;
        let mean = (0..self.n)
            .map(|i| self.ring.get(self.n - 1 - i))
            .sum::<f64>()
            / n;
        let dev = (0..self.n)
            .map(|i| (self.ring.get(self.n - 1 - i) - mean).abs())
            .sum::<f64>();
        (x - mean, dev)
    }

    pub fn update(&mut self, x: f64) -> f64 {
        let (diff, dev) = self.parts(x);
        if dev.is_nan() || diff.is_nan() {
            f64::NAN
        } else if dev == 0.0 || diff == 0.0 {
            0.0
        } else {
            diff / (0.015 * (dev / self.n as f64))
        }
    }
}

/// Momentum: `x − x[n]`. Warm-up: `n` bars.
#[derive(Clone, Debug)]
pub struct Mom {
    ring: Ring,
    n: usize,
}

impl Mom {
    #[cfg_attr(barfinex_size, optimize(size))]
    pub fn new(n: usize) -> Self {
        Self {
            ring: Ring::new(n + 1),
            n,
        }
    }

    pub fn update(&mut self, x: f64) -> f64 {
        self.ring.push(x);
        x - self.ring.get(self.n)
    }
}

/// Williams %R over `n` bars: `−100·(highest − close)/(highest − lowest)`, 0 on a zero range
/// (TA-Lib). Warm-up: `n − 1` bars.
#[derive(Clone, Debug)]
pub struct WillR {
    hi: RollingMax,
    lo: RollingMin,
}

impl WillR {
    #[cfg_attr(barfinex_size, optimize(size))]
    pub fn new(n: usize) -> Self {
        Self {
            hi: RollingMax::new(n),
            lo: RollingMin::new(n),
        }
    }

    pub fn update(&mut self, b: &Bar) -> f64 {
        let (h, l) = (self.hi.push(b.high), self.lo.push(b.low));
        // TA-Lib: (highest − close)/((highest − lowest)/−100), 0 on a zero range.
        let diff = (h - l) / -100.0;
        if diff.is_nan() {
            f64::NAN
        } else if diff == 0.0 {
            0.0
        } else {
            (h - b.close) / diff
        }
    }
}

/// Awesome Oscillator: SMA(hl2, fast) − SMA(hl2, slow), usually 5 and 34 (not in TA-Lib).
/// Warm-up: `slow − 1` bars.
#[derive(Clone, Debug)]
pub struct Ao {
    fast: Sma,
    slow: Sma,
}

impl Ao {
    #[cfg_attr(barfinex_size, optimize(size))]
    pub fn new(fast: usize, slow: usize) -> Self {
        Self {
            fast: Sma::new(fast),
            slow: Sma::new(slow),
        }
    }

    pub fn update(&mut self, b: &Bar) -> f64 {
        let hl2 = (b.high + b.low) / 2.0;
        self.fast.update(hl2) - self.slow.update(hl2)
    }
}

/// Ultimate Oscillator over three windows (TA-Lib ULTOSC 7, 14, 28): buying pressure
/// `close − min(low, prev close)` over true range, averaged 4:2:1. Warm-up: the longest window.
#[derive(Clone, Debug)]
pub struct UltOsc {
    prev_close: f64,
    sums: [(RollingSum, RollingSum); 3],
    /// TA-Lib treats a zero true-range sum as a zero term; Pine gives `na`.
    zero_is_nan: bool,
}

impl UltOsc {
    #[cfg_attr(barfinex_size, optimize(size))]
    pub fn new(p1: usize, p2: usize, p3: usize) -> Self {
        let pair = |n| (RollingSum::new(n), RollingSum::new(n));
        Self {
            prev_close: f64::NAN,
            sums: [pair(p1), pair(p2), pair(p3)],
            zero_is_nan: false,
        }
    }

    /// Pine's `na` on a zero true-range sum (the rating's test oracle).
    #[cfg(test)]
    pub(crate) fn pine(p1: usize, p2: usize, p3: usize) -> Self {
        Self {
            zero_is_nan: true,
            ..Self::new(p1, p2, p3)
        }
    }

    pub fn update(&mut self, b: &Bar) -> f64 {
        let pc = std::mem::replace(&mut self.prev_close, b.close);
        if pc.is_nan() {
            return f64::NAN;
        }
        let true_low = b.low.min(pc);
        let bp = b.close - true_low;
        let tr = b.high.max(pc) - true_low;
        let mut total = 0.0;
        for ((bps, trs), weight) in self.sums.iter_mut().zip([4.0, 2.0, 1.0]) {
            let (s_bp, s_tr) = (bps.push(bp), trs.push(tr));
            if s_tr.abs() < 1e-14 {
                // TA-Lib drops the term; Pine's division by zero gives na.
                total += if self.zero_is_nan { f64::NAN } else { 0.0 };
            } else {
                total += weight * (s_bp / s_tr);
            }
        }
        100.0 * (total / 7.0)
    }
}

/// MACD line, signal and histogram.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct MacdOut {
    pub macd: f64,
    pub signal: f64,
    pub hist: f64,
}

/// MACD as TA-Lib computes it: both EMAs are SMA-seeded so that they start on the same bar
/// (the fast one's seed is the `fast` values ending where the slow one's seed ends); the signal
/// is an EMA of the line. All three outputs start together. Warm-up: `slow + signal − 2` bars.
#[derive(Clone, Debug)]
pub struct Macd {
    delay: usize,
    fast: SeededEma,
    slow: SeededEma,
    signal: SeededEma,
}

impl Macd {
    #[cfg_attr(barfinex_size, optimize(size))]
    pub fn new(fast: usize, slow: usize, signal: usize) -> Self {
        let (fast, slow) = if fast > slow {
            (slow, fast)
        } else {
            (fast, slow)
        };
        Self {
            delay: slow - fast,
            fast: SeededEma::ema(fast),
            slow: SeededEma::ema(slow),
            signal: SeededEma::ema(signal),
        }
    }

    pub fn update(&mut self, x: f64) -> MacdOut {
        let s = self.slow.update(x);
        let f = if self.delay > 0 {
            self.delay -= 1;
            f64::NAN
        } else {
            self.fast.update(x)
        };
        let line = f - s;
        let sig = self.signal.update(line);
        if sig.is_nan() {
            MacdOut {
                macd: f64::NAN,
                signal: f64::NAN,
                hist: f64::NAN,
            }
        } else {
            MacdOut {
                macd: line,
                signal: sig,
                hist: line - sig,
            }
        }
    }
}
