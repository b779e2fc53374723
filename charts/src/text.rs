//! The words and numbers a chart writes on itself.

use crate::axis::compact;
use barfinex_core::float::fixed;
use barfinex_core::format::{fmt_num, utc_minute};

/// How a chart writes its tick labels and marks. The defaults are the plain forms (ISO dates in
/// UTC, `.` decimals, English); the web layer writes them in the reader's language and zone.
///
/// ```
/// use barfinex_charts::{ChartText, Plain};
/// assert_eq!(Plain.day(1_764_532_800_000), "11-30");
/// assert_eq!(Plain.volume(12_480_000.0), "12.5M");
/// ```
pub trait ChartText {
    /// A price tick: `0.972`.
    fn price(&self, v: f64) -> String {
        fmt_num(v)
    }
    /// A volume tick, short: `12.5M`.
    fn volume(&self, v: f64) -> String {
        compact(v)
    }
    /// A funding-rate tick, given in percent: `0.010%`.
    fn percent(&self, v: f64) -> String {
        fixed(v, 3) + "%"
    }
    /// A day tick (Unix ms): `11-30`.
    fn day(&self, ms: i64) -> String {
        utc_minute(ms).get(5..10).unwrap_or("").to_owned()
    }
    /// A day-and-minute tick (Unix ms): `11-30 20:00`.
    fn minute(&self, ms: i64) -> String {
        utc_minute(ms).get(5..16).unwrap_or("").to_owned()
    }
    /// The label of a breakout level's mark: `breakout 0.95`.
    fn breakout(&self, level: f64) -> String {
        format!("breakout {}", fmt_num(level))
    }
}

/// The plain forms (tests, server rendering).
pub struct Plain;

impl ChartText for Plain {}
