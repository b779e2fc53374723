//! Decimal digits to an integer: one reader for every integer the core and the web layer take
//! from text (JSON integers, `max-age`, `Age`, an HTTP date's fields, `Content-Length`, an
//! ISO date's fields), instead of std's `FromStr` compiled once per integer type.

/// The value of `s` if it is one or more ASCII digits and fits a `u64`; `None` otherwise. No
/// sign, no spaces: `+5` and `-0` are refused, where std's parsers take `+5`.
///
/// ```
/// use barfinex_core::float::digits;
/// assert_eq!(digits("0042"), Some(42));
/// assert_eq!(digits("18446744073709551615"), Some(u64::MAX));
/// assert_eq!(digits("18446744073709551616"), None);
/// assert_eq!(digits("+5"), None);
/// assert_eq!(digits(""), None);
/// ```
pub fn digits(s: &str) -> Option<u64> {
    if s.is_empty() {
        return None;
    }
    s.bytes().try_fold(0u64, |n, b| {
        let d = b.wrapping_sub(b'0');
        if d > 9 {
            return None;
        }
        n.checked_mul(10)?.checked_add(u64::from(d))
    })
}

#[cfg(test)]
mod tests {
    use super::digits;

    /// The same as std's `u64` parser on every string of digits and on the edges of its range;
    /// refused wherever std refuses, and on a sign, which std takes.
    #[test]
    fn same_as_std_for_digits() {
        let mut cases: Vec<String> = (0..=2_000u64).map(|n| n.to_string()).collect();
        for n in [
            u64::MAX,
            u64::MAX - 1,
            u64::MAX / 10,
            1 << 63,
            i64::MAX as u64,
        ] {
            cases.push(n.to_string());
            cases.push(format!("{n}0"));
            cases.push(format!("000{n}"));
        }
        cases.extend(["18446744073709551616", "99999999999999999999"].map(String::from));
        for s in &cases {
            assert_eq!(digits(s), s.parse::<u64>().ok(), "{s}");
        }
        for s in [
            "", "+", "-", "+5", "-5", " 5", "5 ", "1_000", "1e3", "1.0", "٣", "0x10",
        ] {
            assert_eq!(digits(s), None, "{s:?}");
        }
    }
}
