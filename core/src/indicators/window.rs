//! Rolling-window building blocks shared by the indicators. Each update costs O(1) (amortised
//! for the extremes), whatever the length of the series.
//!
//! NaN inputs mark missing values (a derived series' warm-up, or Pine's `na`): a window that
//! holds one yields NaN, as Pine's `ta.sma`/`ta.highest` do.

use std::collections::VecDeque;

/// The last `n` values, newest first by [`Ring::get`].
#[derive(Clone, Debug)]
pub struct Ring {
    buf: Vec<f64>,
    head: usize,
    len: usize,
}

impl Ring {
    /// A ring of capacity `n` (at least 1).
    pub fn new(n: usize) -> Self {
        Self {
            buf: vec![f64::NAN; n.max(1)],
            head: 0,
            len: 0,
        }
    }

    /// Pushes `x`; returns the value that fell out, once full.
    pub fn push(&mut self, x: f64) -> Option<f64> {
        let cap = self.buf.len();
        let out = (self.len == cap).then(|| self.buf[self.head]);
        self.buf[self.head] = x;
        self.head = (self.head + 1) % cap;
        self.len = (self.len + 1).min(cap);
        out
    }

    /// The value `lag` pushes ago (0 = newest), or NaN when there is none.
    pub fn get(&self, lag: usize) -> f64 {
        let cap = self.buf.len();
        if lag >= self.len {
            return f64::NAN;
        }
        self.buf[(self.head + cap - 1 - lag) % cap]
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

/// Highest (`MAX = true`) or lowest value of the last `n`, by a monotonic deque.
#[derive(Clone, Debug)]
pub struct RollingExtreme<const MAX: bool> {
    n: u64,
    seen: u64,
    last_nan: Option<u64>,
    deque: VecDeque<(u64, f64)>,
}

pub type RollingMax = RollingExtreme<true>;
pub type RollingMin = RollingExtreme<false>;

impl<const MAX: bool> RollingExtreme<MAX> {
    pub fn new(n: usize) -> Self {
        Self {
            n: n.max(1) as u64,
            seen: 0,
            last_nan: None,
            deque: VecDeque::with_capacity(n.max(1) + 1),
        }
    }

    pub fn push(&mut self, x: f64) -> f64 {
        let i = self.seen;
        self.seen += 1;
        if x.is_nan() {
            self.last_nan = Some(i);
        } else {
            while let Some(&(_, back)) = self.deque.back() {
                let dominated = if MAX { back <= x } else { back >= x };
                if !dominated {
                    break;
                }
                self.deque.pop_back();
            }
            self.deque.push_back((i, x));
        }
        while let Some(&(j, _)) = self.deque.front() {
            if j + self.n > i {
                break;
            }
            self.deque.pop_front();
        }
        self.value()
    }

    pub fn value(&self) -> f64 {
        let full = self.seen >= self.n;
        let nan_inside = self.last_nan.is_some_and(|j| j + self.n >= self.seen);
        match self.deque.front() {
            Some(&(_, v)) if full && !nan_inside => v,
            _ => f64::NAN,
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
