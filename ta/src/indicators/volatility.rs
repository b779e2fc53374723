//! Volatility: Bollinger Bands and ATR (TA-Lib conventions).

use super::moving_average::SeededEma;
use super::trend::true_range;
use super::window::RollingSum;
use crate::series::Bar;

/// Upper, middle and lower band.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct BandsOut {
    pub upper: f64,
    pub middle: f64,
    pub lower: f64,
}

/// Bollinger Bands: SMA(n) ± k·σ with the *population* standard deviation, computed as TA-Lib
/// does (running Σx² / n − mean², 0 if not positive). Warm-up: `n − 1` bars.
#[derive(Clone, Debug)]
pub struct Bollinger {
    sum: RollingSum,
    sum_sq: RollingSum,
    n: f64,
    up: f64,
    down: f64,
}

impl Bollinger {
    #[cfg_attr(barfinex_size, optimize(size))]
    pub fn new(n: usize, up: f64, down: f64) -> Self {
        Self {
            sum: RollingSum::new(n),
            sum_sq: RollingSum::new(n),
            n: n.max(1) as f64,
            up,
            down,
        }
    }

    pub fn update(&mut self, x: f64) -> BandsOut {
        let mean = self.sum.push(x) / self.n;
        let var = self.sum_sq.push(x * x) / self.n - mean * mean;
        // TA-Lib's TA_IS_ZERO_OR_NEG: below 1e-14 the deviation is 0.
        let sd = if var.is_nan() {
            f64::NAN
        } else if var < 1e-14 {
            0.0
        } else {
            var.sqrt()
        };
        BandsOut {
            upper: mean + sd * self.up,
            middle: mean,
            lower: mean - sd * self.down,
        }
    }
}

/// Average True Range: Wilder's smoothing of the true range from the second bar on, seeded with
/// the mean of the first `n` true ranges (TA-Lib). Warm-up: `n` bars.
#[derive(Clone, Debug)]
pub struct Atr {
    prev_close: f64,
    rma: SeededEma,
}

impl Atr {
    #[cfg_attr(barfinex_size, optimize(size))]
    pub fn new(n: usize) -> Self {
        Self {
            prev_close: f64::NAN,
            rma: SeededEma::rma(n),
        }
    }

    pub fn update(&mut self, b: &Bar) -> f64 {
        let pc = std::mem::replace(&mut self.prev_close, b.close);
        if pc.is_nan() {
            return f64::NAN;
        }
        self.rma.update(true_range(b, pc))
    }
}
