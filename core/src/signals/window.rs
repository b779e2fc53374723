//! Mean and standard deviation of every window of `p` consecutive values, in O(n) whatever `p`
//! (a profile chooses `p` up to [`super::MAX_WINDOW`], and series hold up to 5,000,000 points).
//!
//! Running sums of `x − k` and `(x − k)²` slide one value at a time; the shift `k` and the sums
//! are recomputed exactly (two-pass) every `p` windows, so rounding cannot build up for longer
//! than one window and each value is visited a bounded number of times. The variance is a
//! difference of such sums: its rounding grows with the square of how far the values since the
//! shift was set lie from the window, so a window much flatter than the one before it gets a
//! standard deviation good to about 1e-7 of that distance, not to 1e-9 of its own spread
//! (found by a proptest: two values 1.8e-10 apart after one 8.8e-6 away, sd 8.806877e-11
//! against 8.806878e-11).
//!
//! A window whose values are all equal is recognised exactly (standard deviation 0): flat
//! funding rates are common, and a z-score against a flat history is defined by that 0.

/// Calls `f(i, mean, sd)` for each window `x[i + 1 − p ..= i]` (population standard deviation),
/// `i` from `p − 1` to `x.len() − 1`. Returns how many values it read, for the work-bound test.
pub(crate) fn each_window(x: &[f64], p: usize, mut f: impl FnMut(usize, f64, f64)) -> usize {
    let n = x.len();
    let p = p.max(1);
    if n < p {
        return 0;
    }
    let pf = p as f64;
    let (mut k, mut s1, mut s2) = (0.0, 0.0, 0.0);
    let mut reads = 0;
    // The length of the run of equal values ending at `i`.
    let mut run = 0usize;
    for i in 0..n {
        run = if i > 0 && x[i] == x[i - 1] {
            run + 1
        } else {
            1
        };
        reads += 1;
        if i + 1 < p {
            continue;
        }
        let start = i + 1 - p;
        if start % p == 0 {
            let w = &x[start..=i];
            k = w.iter().sum::<f64>() / pf;
            s1 = w.iter().map(|v| v - k).sum::<f64>();
            s2 = w.iter().map(|v| (v - k) * (v - k)).sum::<f64>();
            reads += 3 * p;
        } else {
            let (add, drop) = (x[i] - k, x[start - 1] - k);
            s1 += add - drop;
            s2 += add * add - drop * drop;
            reads += 1;
        }
        if run >= p {
            f(i, x[i], 0.0);
            continue;
        }
        let d = s1 / pf;
        // Rounding can leave a tiny negative variance where the true one is 0 or near it.
        let var = (s2 / pf - d * d).max(0.0);
        f(i, k + d, var.sqrt());
    }
    reads
}

/// Calls `f(i, sum)` for each window `x[i + 1 − p ..= i]`, in O(n): a sliding sum, summed
/// afresh every `p` windows so rounding cannot build up (whole-number volumes stay exact).
pub(crate) fn each_sum(x: &[f64], p: usize, mut f: impl FnMut(usize, f64)) {
    let p = p.max(1);
    let mut sum = 0.0;
    for i in (p - 1)..x.len() {
        let start = i + 1 - p;
        if start % p == 0 {
            sum = x[start..=i].iter().sum();
        } else {
            sum += x[i] - x[start - 1];
        }
        f(i, sum);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::signals::derive::mean_sd;
    use proptest::prelude::*;

    fn windows(x: &[f64], p: usize) -> Vec<(usize, f64, f64)> {
        let mut out = vec![];
        each_window(x, p, |i, m, sd| out.push((i, m, sd)));
        out
    }

    fn close(a: f64, b: f64, scale: f64) -> bool {
        (a - b).abs() <= 1e-9 * scale.max(1e-300)
    }

    /// A random walk with values from a funding rate's scale to a price's.
    fn walk() -> impl Strategy<Value = Vec<f64>> {
        (
            prop::collection::vec(-1.0f64..1.0, 1..400),
            prop::sample::select(vec![1e-5, 1e-2, 1.0, 1e4, 1e7]),
            prop::sample::select(vec![0.0, 1e-4, 1.0, 1e5]),
        )
            .prop_map(|(steps, scale, level)| {
                let mut v = level;
                steps
                    .iter()
                    .map(|s| {
                        v += s * scale;
                        v
                    })
                    .collect()
            })
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(512))]

        /// Every window agrees with the two-pass formula: the mean to 1e-9 of the window's
        /// spread, the standard deviation to 1e-9 of it or to 1e-6 of the spread of the values
        /// since the shift was set (module docs: a value slid out since can be far from the window).
        #[test]
        fn equals_two_pass(x in walk(), p in 1usize..60) {
            let got = windows(&x, p);
            prop_assert_eq!(got.len(), x.len().saturating_sub(p - 1));
            for (i, m, sd) in got {
                let start = i + 1 - p;
                let (m0, sd0) = mean_sd(&x[start..=i]);
                let from = |s: usize| x[s..=i].iter().fold(0.0f64, |a, v| a.max((v - m0).abs()));
                let (spread, since_shift) = (from(start), from(start - start % p));
                prop_assert!(close(m, m0, m0.abs().max(spread)), "mean at {}: {} vs {}", i, m, m0);
                prop_assert!(
                    close(sd, sd0, spread.max(1e-3 * m0.abs())) || (sd - sd0).abs() <= 1e-6 * since_shift,
                    "sd at {}: {} vs {}", i, sd, sd0
                );
            }
        }

        /// Each value is read a bounded number of times, whatever the window: O(n), not O(n·p).
        #[test]
        fn work_is_linear(n in 1usize..3000, p in 1usize..3000) {
            let x: Vec<f64> = (0..n).map(|i| (i as f64).sin()).collect();
            let reads = each_window(&x, p, |_, _, _| {});
            prop_assert!(reads <= 5 * n + 3, "{} reads for {} values, window {}", reads, n, p);
        }
    }

    #[test]
    fn flat_windows_have_no_spread_exactly() {
        // Funding often sits at exactly 0.0001 after a varied stretch: the sd must be 0, not a
        // rounding residue that would make a z-score of a different value huge but not ±1e6.
        let mut x: Vec<f64> = (0..50).map(|i| 0.0001 + 1e-6 * (i as f64).sin()).collect();
        x.extend(std::iter::repeat_n(0.0001, 40));
        let got = windows(&x, 20);
        for (i, m, sd) in got.into_iter().filter(|w| w.0 >= 69) {
            assert_eq!((m, sd), (0.0001, 0.0), "window ending at {i}");
        }
    }

    #[test]
    fn short_input_has_no_window() {
        assert!(windows(&[1.0, 2.0], 3).is_empty());
        assert_eq!(windows(&[2.0], 1), vec![(0, 2.0, 0.0)]);
    }
}
