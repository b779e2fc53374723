//! Runs of consecutive values: the negative-funding streak a chart marks.

/// The most recent run of consecutive points where `pred` holds: its first index and length,
/// and whether it reaches the last point (still going).
///
/// ```
/// use barfinex_core::signals::latest_run;
/// let f = [0.1, -0.2, -0.1, 0.3, -0.4, -0.5];
/// assert_eq!(latest_run(&f, |x| x < 0.0), Some((4, 2, true)));
/// assert_eq!(latest_run(&f[..4], |x| x < 0.0), Some((1, 2, false)));
/// assert_eq!(latest_run(&[1.0], |x| x < 0.0), None);
/// ```
pub fn latest_run(values: &[f64], pred: impl Fn(f64) -> bool) -> Option<(usize, usize, bool)> {
    let end = values.iter().rposition(|v| pred(*v))?;
    let start = values[..end]
        .iter()
        .rposition(|v| !pred(*v))
        .map_or(0, |i| i + 1);
    Some((start, end + 1 - start, end + 1 == values.len()))
}
