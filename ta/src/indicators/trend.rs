//! Trend indicators: ADX with +DI/−DI (TA-Lib's Wilder sums), Ichimoku, Bull/Bear Power.

use super::moving_average::SeededEma;
use super::window::{RollingMax, RollingMin};
use crate::series::Bar;

/// ADX with the directional indicators.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct AdxOut {
    pub adx: f64,
    pub plus_di: f64,
    pub minus_di: f64,
}

/// TA-Lib's zero test (`TA_IS_ZERO`).
fn is_zero(x: f64) -> bool {
    x.abs() < 1e-14
}

/// True range of a bar against the previous close.
pub(crate) fn true_range(b: &Bar, prev_close: f64) -> f64 {
    (b.high - b.low)
        .max((b.high - prev_close).abs())
        .max((b.low - prev_close).abs())
}

/// +DM and −DM of a bar against the previous one, by Wilder's rule.
pub(crate) fn directional_movement(b: &Bar, prev: &Bar) -> (f64, f64) {
    let up = b.high - prev.high;
    let down = prev.low - b.low;
    let plus = if up > 0.0 && up > down { up } else { 0.0 };
    let minus = if down > 0.0 && down > up { down } else { 0.0 };
    (plus, minus)
}

/// ADX(n), +DI(n), −DI(n) exactly as TA-Lib: +DM, −DM and TR are Wilder *sums* seeded with
/// the first `n − 1` changes' sums; DI starts at bar `n`, ADX (a Wilder average of DX seeded with
/// the mean of the first `n` DX values) at bar `2n − 1`.
#[derive(Clone, Debug)]
pub struct Adx {
    n: usize,
    bars: usize,
    prev: Option<Bar>,
    plus_dm: f64,
    minus_dm: f64,
    tr: f64,
    dx_sum: f64,
    dx_count: usize,
    adx: f64,
}

impl Adx {
    #[cfg_attr(barfinex_size, optimize(size))]
    pub fn new(n: usize) -> Self {
        Self {
            n: n.max(1),
            bars: 0,
            prev: None,
            plus_dm: 0.0,
            minus_dm: 0.0,
            tr: 0.0,
            dx_sum: 0.0,
            dx_count: 0,
            adx: f64::NAN,
        }
    }

    pub fn update(&mut self, b: &Bar) -> AdxOut {
        let nan = AdxOut {
            adx: f64::NAN,
            plus_di: f64::NAN,
            minus_di: f64::NAN,
        };
        let Some(prev) = self.prev.replace(*b) else {
            self.bars = 1;
            return nan;
        };
        self.bars += 1;
        let n = self.n as f64;
        let (pdm, mdm) = directional_movement(b, &prev);
        let tr = true_range(b, prev.close);
        if self.bars <= self.n {
            self.plus_dm += pdm;
            self.minus_dm += mdm;
            self.tr += tr;
            return nan;
        }
        // TA-Lib's operation order, so results agree to the last bits.
        self.plus_dm -= self.plus_dm / n;
        self.plus_dm += pdm;
        self.minus_dm -= self.minus_dm / n;
        self.minus_dm += mdm;
        self.tr = self.tr - self.tr / n + tr;
        let (plus_di, minus_di) = if is_zero(self.tr) {
            (0.0, 0.0)
        } else {
            (
                100.0 * (self.plus_dm / self.tr),
                100.0 * (self.minus_dm / self.tr),
            )
        };
        let di_sum = plus_di + minus_di;
        let dx = (!is_zero(self.tr) && !is_zero(di_sum))
            .then(|| 100.0 * ((minus_di - plus_di).abs() / di_sum));
        if self.dx_count < self.n {
            // TA-Lib adds a DX only when it is defined, but counts the bar either way.
            self.dx_sum += dx.unwrap_or(0.0);
            self.dx_count += 1;
            if self.dx_count == self.n {
                self.adx = self.dx_sum / n;
            }
        } else if let Some(dx) = dx {
            self.adx = (self.adx * (n - 1.0) + dx) / n;
        }
        AdxOut {
            adx: self.adx,
            plus_di,
            minus_di,
        }
    }
}

/// Ichimoku lines at the bar they are computed on (plot spans A and B `base` bars ahead).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct IchimokuOut {
    pub conversion: f64,
    pub base: f64,
    pub span_a: f64,
    pub span_b: f64,
}

/// Ichimoku: conversion = mid of the `conv`-bar range, base = mid of the `base`-bar range,
/// span A = their mean, span B = mid of the `span_b`-bar range (not in TA-Lib).
/// Warm-up: `span_b − 1` bars for span B.
#[derive(Clone, Debug)]
pub struct Ichimoku {
    ranges: [(RollingMax, RollingMin); 3],
}

impl Ichimoku {
    #[cfg_attr(barfinex_size, optimize(size))]
    pub fn new(conv: usize, base: usize, span_b: usize) -> Self {
        let r = |n| (RollingMax::new(n), RollingMin::new(n));
        Self {
            ranges: [r(conv), r(base), r(span_b)],
        }
    }

    pub fn update(&mut self, b: &Bar) -> IchimokuOut {
        let mut mid = [0.0; 3];
        for (m, (hi, lo)) in mid.iter_mut().zip(self.ranges.iter_mut()) {
            *m = (hi.push(b.high) + lo.push(b.low)) / 2.0;
        }
        IchimokuOut {
            conversion: mid[0],
            base: mid[1],
            span_a: (mid[0] + mid[1]) / 2.0,
            span_b: mid[2],
        }
    }
}

/// Elder's Bull and Bear Power.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct PowerOut {
    pub bull: f64,
    pub bear: f64,
}

/// Bull Power = high − EMA(close, n), Bear Power = low − EMA(close, n) (TA-Lib EMA seeding).
/// Warm-up: `n − 1` bars.
#[derive(Clone, Debug)]
pub struct BullBearPower {
    ema: SeededEma,
}

impl BullBearPower {
    #[cfg_attr(barfinex_size, optimize(size))]
    pub fn new(n: usize) -> Self {
        Self {
            ema: SeededEma::ema(n),
        }
    }

    pub fn update(&mut self, b: &Bar) -> PowerOut {
        let e = self.ema.update(b.close);
        PowerOut {
            bull: b.high - e,
            bear: b.low - e,
        }
    }
}
