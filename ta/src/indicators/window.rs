//! Rolling-window building blocks shared by the indicators. Each update costs O(1) (amortised
//! for the extremes), whatever the length of the series.
//!
//! NaN inputs mark missing values (a derived series' warm-up, or Pine's `na`): a window that
//! holds one yields NaN, as Pine's `ta.sma`/`ta.highest` do.

use crate::select::{max, min};

/// The last `n` values, newest first by [`Ring::get`].
#[derive(Clone, Debug)]
pub struct Ring {
    buf: Vec<f64>,
    head: usize,
    len: usize,
}

impl Ring {
    /// A ring of capacity `n` (at least 1).
    #[cfg_attr(barfinex_size, optimize(size))]
    pub fn new(n: usize) -> Self {
        Self {
            buf: vec![f64::NAN; n.max(1)],
            head: 0,
            len: 0,
        }
    }

    /// Pushes `x`; returns the value that fell out, once full.
    pub fn push(&mut self, x: f64) -> Option<f64> {
        // No `%`: an integer division per push would dominate the cheap indicators.
        let cap = self.buf.len();
        let slot = self.buf.get_mut(self.head)?;
        let old = std::mem::replace(slot, x);
        self.head += 1;
        if self.head == cap {
            self.head = 0;
        }
        if self.len == cap {
            Some(old)
        } else {
            self.len += 1;
            None
        }
    }

    /// The value `lag` pushes ago (0 = newest), or NaN when there is none.
    pub fn get(&self, lag: usize) -> f64 {
        if lag >= self.len {
            return f64::NAN;
        }
        let i = if self.head > lag {
            self.head - 1 - lag
        } else {
            self.head + self.buf.len() - 1 - lag
        };
        self.buf.get(i).copied().unwrap_or(f64::NAN)
    }

    /// The values oldest first, as two slices (once full).
    pub fn as_slices(&self) -> (&[f64], &[f64]) {
        if self.len < self.buf.len() {
            (&self.buf[..self.len], &[])
        } else {
            let (a, b) = self.buf.split_at(self.head);
            (b, a)
        }
    }

    pub fn is_full(&self) -> bool {
        self.len == self.buf.len()
    }
}

/// Sum of the last `n` values; NaN until `n` values are in, or while a NaN is in the window.
#[derive(Clone, Debug)]
pub struct RollingSum {
    ring: Ring,
    sum: f64,
    nans: usize,
}

impl RollingSum {
    #[cfg_attr(barfinex_size, optimize(size))]
    pub fn new(n: usize) -> Self {
        Self {
            ring: Ring::new(n),
            sum: 0.0,
            nans: 0,
        }
    }

    pub fn push(&mut self, x: f64) -> f64 {
        // Subtract the old value before adding the new one: TA-Lib's order, so that sums of
        // equal values cancel exactly as TA-Lib's do (it matters in flat stretches).
        match self.ring.push(x) {
            Some(old) if old.is_nan() => self.nans -= 1,
            Some(old) => self.sum -= old,
            None => {}
        }
        if x.is_nan() {
            self.nans += 1;
        } else {
            self.sum += x;
        }
        self.value()
    }

    pub fn value(&self) -> f64 {
        if self.ring.is_full() && self.nans == 0 {
            self.sum
        } else {
            f64::NAN
        }
    }
}

/// Highest (`MAX = true`) or lowest value of the last `n`, by the van Herk–Gil-Werman method
/// run as a stream: the window is the tail of the previous block of `n` values (whose suffix
/// extremes are computed once per block) plus the head of the current one (a running extreme).
/// Two comparisons per value, no branches on the data, whatever the window size.
#[derive(Clone, Debug)]
pub struct RollingExtreme<const MAX: bool> {
    n: usize,
    block: Vec<f64>,
    suffix: Vec<f64>,
    pos: usize,
    prefix: f64,
    seen: u64,
    last_nan: Option<u64>,
}

pub type RollingMax = RollingExtreme<true>;
pub type RollingMin = RollingExtreme<false>;

impl<const MAX: bool> RollingExtreme<MAX> {
    #[cfg_attr(barfinex_size, optimize(size))]
    pub fn new(n: usize) -> Self {
        let n = n.max(1);
        Self {
            n,
            block: vec![f64::NAN; n],
            suffix: vec![f64::NAN; n],
            pos: 0,
            prefix: f64::NAN,
            seen: 0,
            last_nan: None,
        }
    }

    /// The extreme of two values, without a branch (`crate::select`: one `maxsd`/`minsd`
    /// natively, where `f64::max` needs NaN handling; SIMD lanes in wasm). A NaN may win or lose
    /// here: windows holding one are answered NaN anyway (`last_nan`), and no other window ever
    /// sees it.
    #[inline]
    fn ext(a: f64, b: f64) -> f64 {
        if MAX {
            max(a, b)
        } else {
            min(a, b)
        }
    }

    pub fn push(&mut self, x: f64) -> f64 {
        if x.is_nan() {
            self.last_nan = Some(self.seen);
        }
        self.seen += 1;
        let pos = self.pos;
        if let Some(slot) = self.block.get_mut(pos) {
            *slot = x;
        }
        self.prefix = if pos == 0 {
            x
        } else {
            Self::ext(self.prefix, x)
        };
        let value = match self.suffix.get(pos + 1) {
            Some(&tail) => Self::ext(tail, self.prefix),
            None => self.prefix,
        };
        self.pos += 1;
        if self.pos == self.n {
            self.pos = 0;
            // Start from the block's last value, not NaN: a NaN start would win every `min`.
            let mut acc = self.block.last().copied().unwrap_or(f64::NAN);
            for (s, &v) in self.suffix.iter_mut().zip(&self.block).rev() {
                acc = Self::ext(v, acc);
                *s = acc;
            }
        }
        let full = self.seen >= self.n as u64;
        let nan_inside = self
            .last_nan
            .is_some_and(|j| j + self.n as u64 >= self.seen);
        if full && !nan_inside {
            value
        } else {
            f64::NAN
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rolling_sum_and_extremes_match_brute_force() {
        let xs = [3.0, 1.0, 4.0, 1.0, 5.0, 9.0, 2.0, 6.0, 5.0, 3.0, 5.0];
        for n in 1..5 {
            let (mut s, mut hi, mut lo) =
                (RollingSum::new(n), RollingMax::new(n), RollingMin::new(n));
            for i in 0..xs.len() {
                let (sv, hv, lv) = (s.push(xs[i]), hi.push(xs[i]), lo.push(xs[i]));
                if i + 1 < n {
                    assert!(sv.is_nan() && hv.is_nan() && lv.is_nan());
                } else {
                    let w = &xs[i + 1 - n..=i];
                    assert_eq!(sv, w.iter().sum::<f64>());
                    assert_eq!(hv, w.iter().cloned().fold(f64::MIN, f64::max));
                    assert_eq!(lv, w.iter().cloned().fold(f64::MAX, f64::min));
                }
            }
        }
    }

    #[test]
    fn windows_without_the_nan_are_exact_before_and_after_it() {
        let xs = [
            3.0,
            1.0,
            f64::NAN,
            1.0,
            5.0,
            9.0,
            2.0,
            6.0,
            5.0,
            3.0,
            5.0,
            0.5,
            8.0,
        ];
        for n in 1..6 {
            let (mut hi, mut lo) = (RollingMax::new(n), RollingMin::new(n));
            for i in 0..xs.len() {
                let (hv, lv) = (hi.push(xs[i]), lo.push(xs[i]));
                if i + 1 < n {
                    continue;
                }
                let w = &xs[i + 1 - n..=i];
                if w.iter().any(|v| v.is_nan()) {
                    assert!(hv.is_nan() && lv.is_nan(), "n={n} i={i}");
                } else {
                    assert_eq!(
                        hv,
                        w.iter().cloned().fold(f64::MIN, f64::max),
                        "max n={n} i={i}"
                    );
                    assert_eq!(
                        lv,
                        w.iter().cloned().fold(f64::MAX, f64::min),
                        "min n={n} i={i}"
                    );
                }
            }
        }
    }

    #[test]
    fn a_nan_poisons_the_window_until_it_leaves() {
        let mut s = RollingSum::new(2);
        let mut m = RollingMax::new(2);
        let out: Vec<(f64, f64)> = [1.0, f64::NAN, 2.0, 3.0]
            .iter()
            .map(|&x| (s.push(x), m.push(x)))
            .collect();
        assert!(out[1].0.is_nan() && out[2].0.is_nan() && out[1].1.is_nan() && out[2].1.is_nan());
        assert_eq!(out[3], (5.0, 3.0));
    }

    #[test]
    fn ring_lags() {
        let mut r = Ring::new(3);
        for x in [1.0, 2.0, 3.0, 4.0] {
            r.push(x);
        }
        assert_eq!((r.get(0), r.get(1), r.get(2)), (4.0, 3.0, 2.0));
        assert!(r.get(3).is_nan());
    }
}
