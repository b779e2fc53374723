//! Value ranges a chart can draw: finite, ordered, and wide enough for round ticks at powers of
//! ten that stay normal numbers. Every chart asks here first. (plotters 0.3.7, which drew the
//! charts before, looped forever on an infinite or subnormal span.)

use crate::ChartError;
use std::ops::Range;

/// The narrowest span drawn: ticks are placed at powers of ten a few steps below the span, which
/// must stay normal numbers.
pub const MIN_SPAN: f64 = 1e-200;

/// `lo..hi` if both are finite, `lo < hi`, and the span is finite and at least [`MIN_SPAN`].
pub fn checked(lo: f64, hi: f64) -> Result<Range<f64>, ChartError> {
    let span = hi - lo;
    if lo.is_finite() && hi.is_finite() && span.is_finite() && span >= MIN_SPAN {
        Ok(lo..hi)
    } else {
        Err(ChartError::OutOfRange)
    }
}

/// The range `lo..=hi` of the values, padded on both sides by `rel` of the span (at least a
/// millionth of the larger bound and 1e-12, so a flat series draws as a line), then
/// [`checked`].
pub fn padded(lo: f64, hi: f64, rel: f64) -> Result<Range<f64>, ChartError> {
    if !(lo.is_finite() && hi.is_finite() && lo <= hi) {
        return Err(ChartError::OutOfRange);
    }
    let pad = ((hi - lo) * rel)
        .max(hi.abs().max(lo.abs()) * 1e-6)
        .max(1e-12);
    checked(lo - pad, hi + pad)
}

/// The smallest and largest of `values` (`None` when empty or when any is NaN).
pub fn extent(values: impl IntoIterator<Item = f64>) -> Option<(f64, f64)> {
    let mut out: Option<(f64, f64)> = None;
    for v in values {
        if v.is_nan() {
            return None;
        }
        out = Some(match out {
            None => (v, v),
            Some((lo, hi)) => (lo.min(v), hi.max(v)),
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refuses_what_ticks_cannot_be_placed_on() {
        assert_eq!(padded(1.0, 2.0, 0.1), Ok(0.9..2.1));
        assert!(padded(0.0, 0.0, 0.1).is_ok(), "a flat line at zero");
        assert!(padded(1e300, 1e300, 0.06).is_ok());
        for (lo, hi) in [
            (0.0, f64::MAX),
            (-f64::MAX, 0.0),
            (-1e308, 1e308),
            (f64::NAN, 1.0),
            (0.0, f64::INFINITY),
            (2.0, 1.0),
        ] {
            assert_eq!(
                padded(lo, hi, 0.1),
                Err(ChartError::OutOfRange),
                "{lo}..{hi}"
            );
        }
        assert_eq!(checked(0.0, 5e-324), Err(ChartError::OutOfRange));
        assert_eq!(checked(1.0, 1.0), Err(ChartError::OutOfRange));
        assert_eq!(extent([3.0, -1.0, 2.0]), Some((-1.0, 3.0)));
        assert_eq!(extent([1.0, f64::NAN]), None);
        assert_eq!(extent([]), None);
    }
}
