//! Times in words, in plain Rust: no `Date` import that could throw on a value from data.

/// `2026-11-26 00:00 UTC` from Unix milliseconds, for any `i64` (times from data are already
/// within ±[`crate::series::MAX_TIME_MS`]; years past 9999 are written in ISO 8601's extended
/// form, `+275760-09-13 00:00 UTC`, as `Date.prototype.toISOString` does).
///
/// ```
/// use barfinex_core::format::utc_minute;
/// assert_eq!(utc_minute(1_700_000_000_000), "2023-11-14 22:13 UTC");
/// assert_eq!(utc_minute(-1), "1969-12-31 23:59 UTC");
/// ```
pub fn utc_minute(ms: i64) -> String {
    const DAY_MS: i64 = 86_400_000;
    let (days, in_day) = (ms.div_euclid(DAY_MS), ms.rem_euclid(DAY_MS));
    let (y, m, d) = civil_from_days(days);
    let (hh, mm) = (in_day / 3_600_000, in_day / 60_000 % 60);
    let year = if (0..=9999).contains(&y) {
        format!("{y:04}")
    } else {
        format!("{}{:06}", if y < 0 { '-' } else { '+' }, y.unsigned_abs())
    };
    format!("{year}-{m:02}-{d:02} {hh:02}:{mm:02} UTC")
}

/// Days since 1970-01-01 → (year, month, day) in the proleptic Gregorian calendar (Howard
/// Hinnant's `civil_from_days`). `days` is at most ±1.1e11 here, far inside `i64`.
fn civil_from_days(days: i64) -> (i64, i64, i64) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    (y, m, d)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::series::MAX_TIME_MS;

    #[test]
    fn matches_to_iso_string() {
        // Expected values are `new Date(ms).toISOString()` cut to the minute (Node 20).
        for (ms, want) in [
            (0, "1970-01-01 00:00 UTC"),
            (951_782_400_000, "2000-02-29 00:00 UTC"),
            (1_764_460_800_000, "2025-11-30 00:00 UTC"),
            (253_402_300_799_999, "9999-12-31 23:59 UTC"),
            (253_402_300_800_000, "+010000-01-01 00:00 UTC"),
            (-62_167_219_200_000, "0000-01-01 00:00 UTC"),
            (-62_167_219_200_001, "-000001-12-31 23:59 UTC"),
            (MAX_TIME_MS, "+275760-09-13 00:00 UTC"),
            (-MAX_TIME_MS, "-271821-04-20 00:00 UTC"),
        ] {
            assert_eq!(utc_minute(ms), want, "{ms}");
        }
    }

    #[test]
    fn any_i64_formats() {
        for ms in [
            i64::MIN,
            i64::MIN + 1,
            i64::MAX,
            MAX_TIME_MS + 1,
            -MAX_TIME_MS - 1,
        ] {
            assert!(utc_minute(ms).ends_with(" UTC"));
        }
    }
}
