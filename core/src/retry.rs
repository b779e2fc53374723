//! When and how long to wait before trying a request again, and how old a cached answer is:
//! pure functions over HTTP headers, so the policy is tested natively; the web layer does the
//! waiting and the marking.

use crate::text;

/// Statuses worth retrying: timeouts, rate limits and server trouble. 451 (region blocked) and
/// other 4xx are final for that source: the caller moves on to its fallback instead.
pub fn is_retryable(status: u16) -> bool {
    matches!(status, 408 | 425 | 429 | 500 | 502 | 503 | 504)
}

/// The delay a `Retry-After` header asks for, in milliseconds: delta-seconds, or an HTTP date
/// relative to `now_ms`. Capped at `cap_ms` so a hostile header cannot stall a widget.
pub fn retry_after_ms(header: &str, now_ms: f64, cap_ms: f64) -> Option<f64> {
    let h = text::trim_space(header);
    let ms = if let Some(secs) = crate::float::parse_f64(h) {
        (secs.is_finite() && secs >= 0.0).then_some(secs * 1000.0)?
    } else {
        (http_date_ms(h)? - now_ms).max(0.0)
    };
    Some(ms.min(cap_ms))
}

/// How old an answer is, in milliseconds, and the freshness lifetime its server gave it, when an
/// HTTP cache in front of the origin says so: the larger of `Age` (seconds, as CDNs send) and
/// `now − Date` (the origin's `Date`, which a caching proxy keeps with the body), and
/// `Cache-Control: max-age`. `None` without a `max-age`, or without a readable age. Ages are
/// capped at a year, so a hostile header cannot make a number no date can show.
///
/// ```
/// use barfinex_core::retry::cached_age_ms;
/// let now = 784_111_777_000.0 + 70_000.0; // 70 s after the Date below
/// let (age, max_age) = cached_age_ms(None, Some("Sun, 06 Nov 1994 08:49:37 GMT"), Some("public, max-age=10"), now).unwrap();
/// assert_eq!((age, max_age), (70_000.0, 10_000.0));
/// ```
pub fn cached_age_ms(
    age: Option<&str>,
    date: Option<&str>,
    cache_control: Option<&str>,
    now_ms: f64,
) -> Option<(f64, f64)> {
    const YEAR_MS: f64 = 365.0 * 86_400_000.0;
    let max_age = text::split(cache_control?, b",").find_map(|d| {
        let (k, v) = text::split_once(d, b"=")?;
        text::trim_space(k)
            .eq_ignore_ascii_case("max-age")
            .then(|| u32_digits(text::trim_space(v)))?
    })?;
    let from_age = age
        .and_then(|a| u32_digits(text::trim_space(a)))
        .map(|s| f64::from(s) * 1000.0);
    let from_date = date.and_then(http_date_ms).map(|d| (now_ms - d).max(0.0));
    let age = match (from_age, from_date) {
        (Some(a), Some(d)) => a.max(d),
        (a, d) => a.or(d)?,
    };
    (age.is_finite()).then_some((age.min(YEAR_MS), f64::from(max_age) * 1000.0))
}

/// Exponential backoff with "full jitter": a uniform draw in [0, min(cap, base·2^attempt)].
/// `random` is a number in [0, 1) supplied by the caller (`Math.random()` in the browser).
pub fn backoff_ms(attempt: u32, base_ms: f64, cap_ms: f64, random: f64) -> f64 {
    let ceiling = (base_ms * 2f64.powi(attempt.min(30) as i32)).min(cap_ms);
    ceiling * random.clamp(0.0, 1.0)
}

/// `Sun, 06 Nov 1994 08:49:37 GMT` (IMF-fixdate) → Unix milliseconds. Every field is checked
/// against its range first (IMF-fixdate has a four-digit year), so no arithmetic can overflow
/// (a year of 01444444423 did, found by `make fuzz`).
fn http_date_ms(s: &str) -> Option<f64> {
    let parts: Vec<&str> = s.split_ascii_whitespace().collect();
    if parts.len() != 6 || parts[5] != "GMT" {
        return None;
    }
    let day = i64_digits(parts[1])?;
    let month = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ]
    .iter()
    .position(|m| *m == parts[2])? as i64
        + 1;
    let year = i64_digits(parts[3])?;
    let hms: Vec<i64> = text::split(parts[4], b":").filter_map(i64_digits).collect();
    let in_range = (1..=31).contains(&day)
        && (0..=9999).contains(&year)
        && hms.len() == 3
        && (0..=23).contains(&hms[0])
        && (0..=59).contains(&hms[1])
        && (0..=60).contains(&hms[2]);
    if !in_range {
        return None;
    }
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let doy = (153 * ((month + 9) % 12) + 2) / 5 + day - 1;
    let days = era * 146_097 + yoe * 365 + yoe / 4 - yoe / 100 + doy - 719_468;
    Some(((days * 86_400 + hms[0] * 3600 + hms[1] * 60 + hms[2]) * 1000) as f64)
}

/// Digits only (`max-age`, `Age` and an HTTP date's fields are `1*DIGIT`), through core's one
/// integer reader.
fn u32_digits(s: &str) -> Option<u32> {
    u32::try_from(crate::float::digits(s)?).ok()
}

fn i64_digits(s: &str) -> Option<i64> {
    i64::try_from(crate::float::digits(s)?).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn retryable_statuses() {
        for s in [429, 500, 502, 503, 504, 408] {
            assert!(is_retryable(s), "{s}");
        }
        for s in [200, 304, 400, 401, 403, 404, 451] {
            assert!(!is_retryable(s), "{s}");
        }
    }

    #[test]
    fn cached_ages() {
        let date = "Sun, 06 Nov 1994 08:49:37 GMT";
        let at = 784_111_777_000.0;
        let cc = Some("public, max-age=10");
        assert_eq!(
            cached_age_ms(None, Some(date), cc, at + 5_000.0),
            Some((5_000.0, 10_000.0))
        );
        // Age wins when larger (a CDN in front of the proxy); a clock behind the Date gives 0.
        assert_eq!(
            cached_age_ms(Some("30"), Some(date), cc, at + 5_000.0),
            Some((30_000.0, 10_000.0))
        );
        assert_eq!(
            cached_age_ms(None, Some(date), cc, at - 9_000.0),
            Some((0.0, 10_000.0))
        );
        // No lifetime, no age, or junk: nothing to say.
        assert_eq!(cached_age_ms(Some("30"), Some(date), None, at), None);
        assert_eq!(cached_age_ms(None, None, cc, at), None);
        assert_eq!(cached_age_ms(Some("-1"), Some("yesterday"), cc, at), None);
        assert_eq!(cached_age_ms(Some("99999999999"), None, cc, at), None);
        assert_eq!(
            cached_age_ms(Some("4294967295"), None, Some("MAX-AGE = 4294967295"), at),
            Some((365.0 * 86_400_000.0, 4_294_967_295_000.0))
        );
        assert_eq!(cached_age_ms(None, Some(date), Some("no-cache"), at), None);
        // `1*DIGIT` only: a sign is not a number here (std's parsers would take `+10`).
        assert_eq!(
            cached_age_ms(None, Some(date), Some("max-age=+10"), at),
            None
        );
        assert_eq!(cached_age_ms(Some("+30"), None, cc, at), None);
        assert_eq!(
            retry_after_ms("Sun, +6 Nov 1994 08:49:37 GMT", at, 30_000.0),
            None
        );
    }

    #[test]
    fn dates_out_of_range_are_not_dates() {
        // The input `make fuzz` found (fuzz/artifacts/retry_after/): a ten-digit year.
        assert_eq!(
            retry_after_ms("Wed, 21 Oct 01444444423 5:2:82 GMT", 0.0, 30_000.0),
            None
        );
        for h in [
            "Wed, 21 Oct 10000 07:28:00 GMT",
            "Wed, 32 Oct 2015 07:28:00 GMT",
            "Wed, 21 Oct 2015 24:00:00 GMT",
            "Wed, 21 Oct 2015 07:60:00 GMT",
            "Wed, 21 Oct -1 07:28:00 GMT",
        ] {
            assert_eq!(retry_after_ms(h, 0.0, 30_000.0), None, "{h}");
        }
        assert_eq!(
            retry_after_ms("Fri, 31 Dec 9999 23:59:59 GMT", 0.0, 30_000.0),
            Some(30_000.0)
        );
    }

    #[test]
    fn retry_after_seconds_and_dates() {
        assert_eq!(retry_after_ms("2", 0.0, 60_000.0), Some(2000.0));
        assert_eq!(
            retry_after_ms("3600", 0.0, 60_000.0),
            Some(60_000.0),
            "capped"
        );
        assert_eq!(retry_after_ms("-1", 0.0, 60_000.0), None);
        assert_eq!(retry_after_ms("soon", 0.0, 60_000.0), None);
        // 784111777000 is Sun, 06 Nov 1994 08:49:37 GMT.
        assert_eq!(
            retry_after_ms("Sun, 06 Nov 1994 08:49:37 GMT", 784_111_775_000.0, 60_000.0),
            Some(2000.0)
        );
        assert_eq!(
            retry_after_ms("Sun, 06 Nov 1994 08:49:37 GMT", 784_111_787_000.0, 60_000.0),
            Some(0.0)
        );
    }

    #[test]
    fn backoff_grows_exponentially_under_a_cap_with_full_jitter() {
        assert_eq!(backoff_ms(0, 300.0, 4000.0, 0.999_999).round(), 300.0);
        assert_eq!(backoff_ms(2, 300.0, 4000.0, 0.5), 600.0);
        assert_eq!(backoff_ms(10, 300.0, 4000.0, 1.0), 4000.0);
        assert_eq!(backoff_ms(3, 300.0, 4000.0, 0.0), 0.0);
    }
}
