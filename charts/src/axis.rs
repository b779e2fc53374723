//! Axis labels.

use barfinex_core::format::fmt_num;

/// An x-axis label for bar index `x`: the bar's time written by `write`; empty off the series.
pub fn time_label(times: &[i64], x: f64, write: impl Fn(i64) -> String) -> String {
    if !x.is_finite() || x < -0.5 {
        return String::new();
    }
    times
        .get(x.round() as usize)
        .map(|t| write(*t))
        .unwrap_or_default()
}

/// Volumes read best short: 12.5M, 830k.
pub fn compact(v: f64) -> String {
    let a = v.abs();
    let (x, unit) = if a >= 1e9 {
        (v / 1e9, "B")
    } else if a >= 1e6 {
        (v / 1e6, "M")
    } else if a >= 1e3 {
        (v / 1e3, "k")
    } else {
        (v, "")
    };
    format!("{}{unit}", fmt_num((x * 10.0).round() / 10.0))
}
