//! Where an axis puts its labels.

use std::ops::Range;

/// Round values in `range`, about `n` of them (never more than 2n + 1): the step is span ÷ n
/// rounded to the nearest 1, 2 or 5 × 10ᵏ on a log scale, and the values are the step's
/// multiples inside the range, each computed as (multiple × 1, 2 or 5) scaled by 10ᵏ, so that 0.3
/// is 0.3 and not 0.30000000000000004 (exactly so while 10ᵏ is exact, |k| ≤ 22). A range that is
/// empty, not finite, or too narrow for its bounds' precision has none.
///
/// ```
/// use barfinex_charts::ticks::ticks;
/// assert_eq!(ticks(&(0.93..1.21), 5), [0.95, 1.0, 1.05, 1.1, 1.15, 1.2]);
/// assert!(ticks(&(0.0..f64::INFINITY), 5).is_empty());
/// ```
pub fn ticks(range: &Range<f64>, n: usize) -> Vec<f64> {
    let Some((m, e)) = magnitude(range, n) else {
        return Vec::new();
    };
    // The nearest of 1, 2, 5 and 10 (below their geometric means).
    let r = (range.end - range.start) / n as f64 / pow10(e);
    let m = [(1.0, 1.414), (2.0, 3.162), (5.0, 7.071)]
        .into_iter()
        .find(|(_, below)| r < *below)
        .map_or(m * 10.0, |(m, _)| m);
    multiples(range, m, e, 2 * n + 1).unwrap_or_default()
}

/// As [`ticks`], but the smallest round step that places at most `n` values: for labels as
/// wide as a date, which must not run into each other.
///
/// ```
/// use barfinex_charts::ticks::sparse_ticks;
/// assert_eq!(sparse_ticks(&(-0.5..119.5), 4), [0.0, 50.0, 100.0]);
/// assert_eq!(sparse_ticks(&(11.5..91.5), 4), [20.0, 40.0, 60.0, 80.0]);
/// ```
pub fn sparse_ticks(range: &Range<f64>, n: usize) -> Vec<f64> {
    let Some((_, e)) = magnitude(range, n) else {
        return Vec::new();
    };
    // From a tenth of span ÷ n's power of ten up, 1, 2, 5 × 10ᵏ: the first that fits.
    for e in e - 1..=e + 2 {
        for m in [1.0, 2.0, 5.0] {
            if let Some(values) = multiples(range, m, e, n) {
                return values;
            }
        }
    }
    Vec::new()
}

/// The power of ten under span ÷ n, as (1, k); `None` for a range ticks cannot be placed on.
fn magnitude(range: &Range<f64>, n: usize) -> Option<(f64, i32)> {
    let span = range.end - range.start;
    if !(span.is_finite() && span > 0.0) || n == 0 {
        return None;
    }
    let raw = span / n as f64;
    if !raw.is_normal() {
        return None;
    }
    let mut e = raw.log10().floor() as i32;
    // log10 may land one off at exact powers of ten.
    if pow10(e) > raw {
        e -= 1;
    }
    Some((1.0, e))
}

/// The multiples of m × 10ᵉ inside `range`, if there are at most `most` of them; `None` too when
/// the step is within the bounds' rounding (values would repeat).
fn multiples(range: &Range<f64>, m: f64, e: i32, most: usize) -> Option<Vec<f64>> {
    let step = m * pow10(e);
    // Written so that a NaN fails too.
    let resolved = step > range.start.abs().max(range.end.abs()) * 1e-12;
    if !resolved {
        return None;
    }
    // A millionth of a step's slack: 0.3 / 0.1 is 2.9999999999999996. The filter keeps only
    // values inside the range.
    let k0 = (range.start / step - 1e-6).ceil();
    let k1 = (range.end / step + 1e-6).floor();
    if !(k0.is_finite() && k1.is_finite() && k0 <= k1 && k1 - k0 < most as f64) {
        return None;
    }
    let values = (0..=(k1 - k0) as usize)
        .map(|i| scaled((k0 + i as f64) * m, e))
        .filter(|v| *v >= range.start && *v <= range.end)
        .collect();
    Some(values)
}

/// 10ᵉ.
fn pow10(e: i32) -> f64 {
    10f64.powi(e)
}

/// `q` × 10ᵉ, dividing for negative `e` (10⁻ᵉ is exact up to 10²², 0.1 is not).
fn scaled(q: f64, e: i32) -> f64 {
    if e >= 0 {
        q * pow10(e)
    } else {
        q / pow10(-e)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_steps_and_exact_values() {
        assert_eq!(ticks(&(0.0..1.0), 5), [0.0, 0.2, 0.4, 0.6, 0.8, 1.0]);
        assert_eq!(ticks(&(0.0..0.3), 3), [0.0, 0.1, 0.2, 0.3]);
        assert_eq!(ticks(&(-1.05..1.05), 2), [-1.0, 0.0, 1.0]);
        assert_eq!(ticks(&(99.0..101.0), 5), [99.0, 99.5, 100.0, 100.5, 101.0]);
        assert_eq!(ticks(&(0.0..1e-6), 2), [0.0, 5e-7, 1e-6]);
        // Past 10²² powers of ten are not exact: round to a few ulps.
        let huge = ticks(&(1e300..2.01e300), 2);
        let want = [1e300, 1.5e300, 2e300];
        assert_eq!(huge.len(), 3, "{huge:?}");
        assert!(huge
            .iter()
            .zip(want)
            .all(|(a, b)| (a / b - 1.0).abs() < 1e-14));
        assert_eq!(ticks(&(1.0..1.0), 5), [] as [f64; 0]);
        assert_eq!(sparse_ticks(&(0.0..1.0), 5), [0.0, 0.5, 1.0]);
        assert_eq!(sparse_ticks(&(0.0..0.9), 5), [0.0, 0.2, 0.4, 0.6, 0.8]);
        assert_eq!(sparse_ticks(&(-0.5..2.5), 4), [0.0, 1.0, 2.0]);
        assert_eq!(sparse_ticks(&(11.5..91.5), 4), [20.0, 40.0, 60.0, 80.0]);
        assert_eq!(sparse_ticks(&(0.0..2.1e6), 2), [0.0, 2e6]);
        assert_eq!(ticks(&(0.0..1.0), 0), [] as [f64; 0]);
    }

    #[test]
    fn bounded_on_any_range() {
        let max = f64::MAX;
        for (lo, hi) in [
            (0.0, max),
            (-max, max),
            (1e300, 1e300 + 1e284),
            (1.0, 1.0 + f64::EPSILON),
            (0.0, 5e-324),
            (-1e-200, 1e-200),
            (f64::NAN, 1.0),
        ] {
            for n in [1, 2, 5, 50] {
                let t = ticks(&(lo..hi), n);
                assert!(t.len() <= 2 * n + 1, "{lo}..{hi}, {n}: {}", t.len());
                assert!(t.iter().all(|v| v.is_finite() && *v >= lo && *v <= hi));
                let s = sparse_ticks(&(lo..hi), n);
                assert!(s.len() <= n, "{lo}..{hi}, {n}: {s:?}");
            }
        }
    }
}
