//! Moving averages: SMA, EMA (TA-Lib and Pine seeding), RMA (Wilder), WMA, HMA, VWMA.
//!
//! Every streaming type skips leading NaN inputs (a derived series' warm-up) and returns NaN
//! until its own warm-up is over.

use super::window::{Ring, RollingSum};

/// Simple moving average over `n` values. Warm-up: `n - 1` bars.
#[derive(Clone, Debug)]
pub struct Sma {
    sum: RollingSum,
    n: f64,
}

impl Sma {
    #[cfg_attr(barfinex_size, optimize(size))]
    pub fn new(n: usize) -> Self {
        Self {
            sum: RollingSum::new(n),
            n: n.max(1) as f64,
        }
    }

    /// NaN inside the window gives NaN (Pine's `ta.sma` on `na`).
    pub fn update(&mut self, x: f64) -> f64 {
        self.sum.push(x) / self.n
    }
}

/// Exponential smoothing `v += k·(x − v)` seeded with the SMA of the first `n` values: TA-Lib's
/// EMA (k = 2/(n+1)) and Wilder's RMA (k = 1/n, as TA-Lib's RSI/ATR and Pine's `ta.rma`).
/// Warm-up: `n - 1` bars.
#[derive(Clone, Debug)]
pub struct SeededEma {
    n: usize,
    k: f64,
    wilder: bool,
    seed_sum: f64,
    seen: usize,
    value: f64,
}

impl SeededEma {
    /// TA-Lib EMA: k = 2/(n+1).
    pub fn ema(n: usize) -> Self {
        Self {
            n: n.max(1),
            k: 2.0 / (n.max(1) as f64 + 1.0),
            wilder: false,
            seed_sum: 0.0,
            seen: 0,
            value: f64::NAN,
        }
    }

    /// Wilder's smoothing (RMA): k = 1/n, computed as `(v·(n−1) + x)·(1/n)` like TA-Lib 0.8.
    pub fn rma(n: usize) -> Self {
        Self {
            wilder: true,
            k: 1.0 / n.max(1) as f64,
            ..Self::ema(n)
        }
    }

    pub fn update(&mut self, x: f64) -> f64 {
        if x.is_nan() {
            return if self.seen >= self.n {
                self.value
            } else {
                f64::NAN
            };
        }
        if self.seen >= self.n {
            self.value = if self.wilder {
                (self.value * (self.n as f64 - 1.0) + x) * self.k
            } else {
                (x - self.value) * self.k + self.value
            };
        } else {
            self.seed_sum += x;
            self.seen += 1;
            if self.seen == self.n {
                self.value = self.seed_sum / self.n as f64;
            }
        }
        self.value
    }

    pub fn value(&self) -> f64 {
        self.value
    }
}

/// Pine's `ta.ema`: seeded with the first value, so it has no warm-up.
#[derive(Clone, Debug)]
pub struct PineEma {
    k: f64,
    value: f64,
}

impl PineEma {
    #[cfg_attr(barfinex_size, optimize(size))]
    pub fn new(n: usize) -> Self {
        Self {
            k: 2.0 / (n.max(1) as f64 + 1.0),
            value: f64::NAN,
        }
    }

    pub fn update(&mut self, x: f64) -> f64 {
        if x.is_nan() {
            return self.value;
        }
        self.value = if self.value.is_nan() {
            x
        } else {
            self.value + self.k * (x - self.value)
        };
        self.value
    }
}

/// Weighted moving average, weights 1..n (newest heaviest). Warm-up: `n - 1` bars.
#[derive(Clone, Debug)]
pub struct Wma {
    ring: Ring,
    n: usize,
    seen: usize,
    sum: f64,
    weighted: f64,
    divisor: f64,
}

impl Wma {
    #[cfg_attr(barfinex_size, optimize(size))]
    pub fn new(n: usize) -> Self {
        let n = n.max(1);
        Self {
            ring: Ring::new(n),
            n,
            seen: 0,
            sum: 0.0,
            weighted: 0.0,
            divisor: (n * (n + 1)) as f64 / 2.0,
        }
    }

    pub fn update(&mut self, x: f64) -> f64 {
        if x.is_nan() {
            return if self.seen >= self.n {
                self.weighted / self.divisor
            } else {
                f64::NAN
            };
        }
        if self.seen < self.n {
            self.seen += 1;
            self.weighted += self.seen as f64 * x;
            self.sum += x;
            self.ring.push(x);
        } else {
            // Every weight drops by one, the oldest falls out, the new value enters at weight n.
            self.weighted += self.n as f64 * x - self.sum;
            let old = self.ring.push(x).unwrap_or(0.0);
            self.sum += x - old;
        }
        if self.seen >= self.n {
            self.weighted / self.divisor
        } else {
            f64::NAN
        }
    }
}

/// Hull moving average: WMA(2·WMA(x, ⌊n/2⌋) − WMA(x, n), round(√n)).
/// Warm-up: `n + round(√n) − 2` bars.
#[derive(Clone, Debug)]
pub struct Hma {
    half: Wma,
    full: Wma,
    outer: Wma,
}

impl Hma {
    #[cfg_attr(barfinex_size, optimize(size))]
    pub fn new(n: usize) -> Self {
        let n = n.max(2);
        let root = (n as f64).sqrt().round() as usize;
        Self {
            half: Wma::new(n / 2),
            full: Wma::new(n),
            outer: Wma::new(root.max(1)),
        }
    }

    pub fn update(&mut self, x: f64) -> f64 {
        let h = self.half.update(x);
        let f = self.full.update(x);
        self.outer.update(2.0 * h - f)
    }
}

/// Volume-weighted moving average: Σ(close·volume)/Σvolume over `n` bars; NaN while the
/// volume sum is zero. Warm-up: `n - 1` bars.
#[derive(Clone, Debug)]
pub struct Vwma {
    pv: RollingSum,
    v: RollingSum,
    n: usize,
    /// Zero volumes in a row, ending at the last bar: a window of them has no volume, which a
    /// running sum may miss by a rounding residue (and divide noise by noise).
    zeros: usize,
}

impl Vwma {
    #[cfg_attr(barfinex_size, optimize(size))]
    pub fn new(n: usize) -> Self {
        Self {
            pv: RollingSum::new(n),
            v: RollingSum::new(n),
            n,
            zeros: 0,
        }
    }

    pub fn update(&mut self, price: f64, volume: f64) -> f64 {
        let pv = self.pv.push(price * volume);
        let v = self.v.push(volume);
        self.zeros = if volume == 0.0 {
            self.zeros.saturating_add(1)
        } else {
            0
        };
        if v == 0.0 || self.zeros >= self.n {
            f64::NAN
        } else {
            pv / v
        }
    }
}
