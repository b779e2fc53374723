//! Fixed-size windows for the rating's fused pass. The published rules fix every window length,
//! so sizes are compile-time constants: no heap, no per-window length or NaN bookkeeping (the
//! pass knows how many bars it has seen and masks warm-ups itself). The crate's general
//! indicators (`crate::indicators::window`) keep run-time lengths for `indicator()`.

use crate::select::{max, min};

/// The last 256 values of one series, for look-backs of up to 255 bars. A power of two, so a
/// look-back is one masked load. Unwritten slots read 0.0, which makes a running sum's
/// "subtract the value that left" exact during warm-up.
#[derive(Clone, Debug)]
pub(super) struct Lookback([f64; 256]);

impl Lookback {
    pub fn new() -> Self {
        Self([0.0; 256])
    }

    /// A look-back whose unwritten slots read NaN (`x[n]` before bar `n` is Pine's `na`).
    pub fn nan() -> Self {
        Self([f64::NAN; 256])
    }

    /// Stores `x` as bar `i`.
    #[inline]
    pub fn set(&mut self, i: u64, x: f64) {
        self.0[(i & 255) as usize] = x;
    }

    /// The value of bar `i − lag` (0.0 before the first bar), for `lag` < 256.
    #[inline]
    pub fn ago(&self, i: u64, lag: u64) -> f64 {
        self.0[(i.wrapping_sub(lag) & 255) as usize]
    }
}

/// `sum −= left; sum += entered`: TA-Lib's order (see `RollingSum`), kept so that the fused
/// sums are bit-identical to the general indicators'.
#[inline]
pub(super) fn slide(sum: &mut f64, left: f64, entered: f64) -> f64 {
    *sum -= left;
    *sum += entered;
    *sum
}

/// Highest of one series and lowest of another over the last `N` values (`ta.highest(high, N)`
/// and `ta.lowest(low, N)`), by the van Herk–Gil-Werman method run as a stream: the window is
/// the tail of the previous block of `N` (suffix extremes, computed once per block) plus the head
/// of the current block (running extremes). Plain comparisons: a NaN pushed during a warm-up
/// only reaches windows that hold it, which the caller masks.
#[derive(Clone, Debug)]
pub(super) struct Range<const N: usize> {
    high: [f64; N],
    low: [f64; N],
    high_suffix: [f64; N],
    low_suffix: [f64; N],
    pos: usize,
    high_prefix: f64,
    low_prefix: f64,
}

impl<const N: usize> Range<N> {
    pub fn new() -> Self {
        Self {
            high: [f64::NAN; N],
            low: [f64::NAN; N],
            high_suffix: [f64::NAN; N],
            low_suffix: [f64::NAN; N],
            pos: 0,
            high_prefix: f64::NAN,
            low_prefix: f64::NAN,
        }
    }

    /// Pushes one value of each series; returns (highest, lowest) of the last `N` (meaningful
    /// once `N` values are in).
    #[inline]
    pub fn push(&mut self, high: f64, low: f64) -> (f64, f64) {
        let pos = self.pos;
        if let (Some(h), Some(l)) = (self.high.get_mut(pos), self.low.get_mut(pos)) {
            (*h, *l) = (high, low);
        }
        if pos == 0 {
            (self.high_prefix, self.low_prefix) = (high, low);
        } else {
            self.high_prefix = max(self.high_prefix, high);
            self.low_prefix = min(self.low_prefix, low);
        }
        let out = match (self.high_suffix.get(pos + 1), self.low_suffix.get(pos + 1)) {
            (Some(&h), Some(&l)) => (max(h, self.high_prefix), min(l, self.low_prefix)),
            _ => (self.high_prefix, self.low_prefix),
        };
        if pos + 1 == N {
            self.pos = 0;
            // Start from the block's last value, not NaN: a NaN start would win every `min`.
            let (mut h, mut l) = (high, low);
            for i in (0..N).rev() {
                if let (Some(hs), Some(ls), Some(&hv), Some(&lv)) = (
                    self.high_suffix.get_mut(i),
                    self.low_suffix.get_mut(i),
                    self.high.get(i),
                    self.low.get(i),
                ) {
                    (h, l) = (max(hv, h), min(lv, l));
                    (*hs, *ls) = (h, l);
                }
            }
        } else {
            self.pos = pos + 1;
        }
        out
    }
}

/// The last three values of a series, newest first, NaN until pushed: Pine's `ta.sma(x, 3)`
/// and `ta.wma(x, 3)` read them directly, so a NaN anywhere in the window gives NaN.
#[derive(Clone, Copy, Debug)]
pub(super) struct Last3([f64; 3]);

impl Last3 {
    pub fn new() -> Self {
        Self([f64::NAN; 3])
    }

    #[inline]
    pub fn push(&mut self, x: f64) -> &mut Self {
        self.0 = [x, self.0[0], self.0[1]];
        self
    }

    /// `ta.sma(x, 3)`.
    #[inline]
    pub fn sma(&self) -> f64 {
        (self.0[0] + self.0[1] + self.0[2]) / 3.0
    }

    /// `ta.wma(x, 3)`: weights 3, 2, 1, newest heaviest.
    #[inline]
    pub fn wma(&self) -> f64 {
        (3.0 * self.0[0] + 2.0 * self.0[1] + self.0[2]) / 6.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn range_matches_brute_force_across_blocks() {
        let xs: Vec<f64> = (0..100).map(|i| ((i * 37) % 23) as f64 - 11.0).collect();
        let mut r = Range::<7>::new();
        for (i, &x) in xs.iter().enumerate() {
            let (h, l) = r.push(x, -x);
            if i >= 6 {
                let w = &xs[i - 6..=i];
                assert_eq!(h, w.iter().cloned().fold(f64::MIN, f64::max), "i={i}");
                assert_eq!(l, w.iter().map(|v| -v).fold(f64::MAX, f64::min), "i={i}");
            }
        }
    }

    #[test]
    fn range_is_exact_once_a_warm_up_nan_has_left() {
        let mut r = Range::<3>::new();
        let xs = [f64::NAN, f64::NAN, 5.0, 1.0, 4.0, 2.0, 2.0, 9.0];
        let out: Vec<(f64, f64)> = xs.iter().map(|&x| r.push(x, x)).collect();
        assert_eq!(&out[4..], &[(5.0, 1.0), (4.0, 1.0), (4.0, 2.0), (9.0, 2.0)]);
    }

    #[test]
    fn lookback_reads_zero_before_the_first_bar_and_wraps() {
        let mut h = Lookback::new();
        for i in 0..300u64 {
            h.set(i, i as f64);
        }
        assert_eq!(h.ago(299, 0), 299.0);
        assert_eq!(h.ago(299, 255), 44.0);
        assert_eq!(Lookback::new().ago(3, 10), 0.0);
    }

    #[test]
    fn last3_propagates_nan_like_pine() {
        let mut w = Last3::new();
        assert!(w.push(1.0).push(2.0).sma().is_nan());
        assert_eq!(w.push(3.0).sma(), 2.0);
        assert_eq!(w.wma(), (9.0 + 4.0 + 1.0) / 6.0);
        assert!(w.push(f64::NAN).push(1.0).push(1.0).sma().is_nan());
    }
}
