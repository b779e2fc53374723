//! Numbers and times in words, in plain Rust: no `Date` import that could throw on a value from
//! data. Evidence notes and every widget print through here.

/// Moved to [`crate::text`], the room for text search; here for callers of the old path.
pub use crate::text::{find_str, split_str};
pub use barfinex_ta::quote::quoted;
pub use lossy::utf8_lossy;

use crate::float;

mod lossy;

/// `x` as `{:?}` writes it (`3.0`, `1.5`, `1e20`, `1e-7`), through `Display` and `LowerExp`'s
/// forms (`float::shortest`, `float::exp`): the embed build compiles `{:?}` to nothing
/// (`-Zfmt-debug=none`, scripts/build-pkg.sh).
pub fn float_as_debug(x: f64) -> String {
    let a = x.abs();
    if (a != 0.0 && a < 1e-4) || a >= 1e16 {
        float::exp(x)
    } else {
        let s = float::shortest(x);
        if crate::text::contains(&s, b".") || !x.is_finite() {
            s
        } else {
            s + ".0"
        }
    }
}

/// About five significant digits, trailing zeros dropped: 0.00012, 2.6528, 1.0697, 6212842.7.
/// Evidence notes and the widgets print numbers this way.
///
/// ```
/// use barfinex_core::format::fmt_num;
/// assert_eq!(fmt_num(-0.30081629038357416), "-0.30082");
/// assert_eq!(fmt_num(0.00012), "0.00012");
/// assert_eq!(fmt_num(6212842.71216), "6212843");
/// assert_eq!(fmt_num(2.0), "2");
/// ```
pub fn fmt_num(x: f64) -> String {
    if x == 0.0 || !x.is_finite() {
        return float::shortest(x);
    }
    let mag = x.abs().log10().floor() as i32;
    if mag >= 9 {
        return float::exp_fixed(x, 3);
    }
    let digits = (4 - mag).clamp(0, 12) as usize;
    let s = float::fixed(x, digits);
    if crate::text::contains(&s, b".") {
        crate::text::trim_end(crate::text::trim_end(&s, b"0"), b".").to_owned()
    } else {
        s
    }
}

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

/// A price with about five significant digits: 2 decimals from 1000, 4 from 1, else 6.
///
/// ```
/// use barfinex_core::format::price;
/// assert_eq!(price(64_123.456), "64123.46");
/// assert_eq!(price(0.5123456), "0.512346");
/// ```
pub fn price(x: f64) -> String {
    let digits = if x.abs() >= 1000.0 {
        2
    } else if x.abs() >= 1.0 {
        4
    } else {
        6
    };
    float::fixed(x, digits)
}

/// A rate (0.0001) as a percentage with four decimals: `0.0100%`.
pub fn rate_pct(v: f64) -> String {
    float::fixed(v * 100.0, 4) + "%"
}

/// A change already in percent, signed, two decimals: `+1.25%`.
pub fn change_pct(c: f64) -> String {
    float::signed(c, 2) + "%"
}

/// A rating score, signed, two decimals; a dash when there is none.
pub fn score(s: Option<f64>) -> String {
    s.map_or_else(|| "–".to_owned(), |v| float::signed(v, 2))
}

/// An indicator's value with four decimals; a dash for NaN (not yet warmed up).
pub fn fixed4(v: f64) -> String {
    if v.is_nan() {
        "–".to_owned()
    } else {
        float::fixed(v, 4)
    }
}

/// A series' latest value: funding as a percentage, large values in exponent form, else two
/// decimals from 100 and five below.
pub fn series_value(series: &str, v: f64) -> String {
    if find_str(series, "funding").is_some() {
        rate_pct(v)
    } else if v.abs() >= 1e5 {
        float::exp_fixed(v, 3)
    } else {
        float::fixed(v, if v.abs() >= 100.0 { 2 } else { 5 })
    }
}

/// Whole minutes, for "data from 3 min ago".
pub fn minutes(ms: f64) -> String {
    float::fixed((ms / 60_000.0).floor(), 0)
}

/// An indicator call's refusal, worded as its `Display` words it (a test keeps the two the
/// same), but with the refused value written by [`float::shortest`]: `Display` writes it with
/// `{}`, whose formatter is address-taken and so stays in the main module of the split build,
/// with core's Grisu and Dragon code, for every page. `indicator()` reports through here.
pub fn indicator_error(e: &crate::indicators::IndicatorError) -> String {
    use crate::indicators::IndicatorError::*;
    match e {
        UnknownIndicator(name) => format!(
            "unknown indicator {} (known: {})",
            quoted(name),
            joined(crate::indicators::NAMES, ", ")
        ),
        UnknownParam {
            indicator,
            param,
            known,
        } => format!(
            "{indicator}: unknown parameter {} (known: {})",
            quoted(param),
            joined(known, ", ")
        ),
        BadParam {
            indicator,
            param,
            value,
            rule,
        } => format!("{indicator}: {param} = {} {rule}", float::shortest(*value)),
        Series(e) => format!("candles: {e}"),
    }
}

/// `parts` with `sep` between them, as `parts.join(sep)`: every join of the core and the web
/// layer goes through this one, a plain loop. std's `join` is compiled for each crate and item
/// type that calls it (1 KB of wasm each; the copies differ in their panic locations, so
/// `wasm-opt` cannot fold them), and sums the lengths before it copies.
///
/// ```
/// let parts = ["a".to_owned(), "b".to_owned()];
/// assert_eq!(barfinex_core::format::joined(&parts, ", "), "a, b");
/// ```
pub fn joined<S: AsRef<str>>(parts: &[S], sep: &str) -> String {
    let mut out = String::new();
    for (i, part) in parts.iter().enumerate() {
        if i > 0 {
            out.push_str(sep);
        }
        out.push_str(part.as_ref());
    }
    out
}

/// `url` as shown to readers: without user name and password, and with the query and fragment
/// cut to `?…`, since either may hold a token (`https://user:key@host/p?apikey=…` →
/// `https://host/p?…`). Requests still use the full URL.
pub fn shown_url(url: &str) -> String {
    let (base, cut) = match crate::text::find(url, b"?#") {
        Some(i) => (&url[..i], "?…"),
        None => (url, ""),
    };
    let base = match find_str(base, "://").map(|i| (&base[..i], &base[i + 3..])) {
        Some((scheme, rest)) => {
            let (authority, path) =
                rest.split_at(crate::text::find(rest, b"/").unwrap_or(rest.len()));
            let host = crate::text::rsplit_once(authority, b"@").map_or(authority, |(_, h)| h);
            format!("{scheme}://{host}{path}")
        }
        None => base.to_owned(),
    };
    format!("{base}{cut}")
}

#[cfg(test)]
mod tests {
    use super::*;
    #[test]
    fn joins_as_std_joins() {
        let lists: [&[&str]; 5] = [&[], &["a"], &["a", "b", "c"], &["", ""], &["é", "😀"]];
        for list in lists {
            for sep in ["", ", ", " · "] {
                assert_eq!(joined(list, sep), list.join(sep));
                let owned: Vec<String> = list.iter().map(|s| s.to_string()).collect();
                assert_eq!(joined(&owned, sep), owned.join(sep));
            }
        }
    }

    #[test]
    fn indicator_errors_read_as_their_display_does() {
        use crate::indicators::IndicatorError;
        use crate::series::SeriesError;
        let errors = [
            IndicatorError::UnknownIndicator("rsj\"".into()),
            IndicatorError::UnknownParam {
                indicator: "rsi",
                param: "perod".into(),
                known: &["period"],
            },
            IndicatorError::Series(SeriesError::TooLong { bars: 9 }),
        ]
        .into_iter()
        .chain(
            [2.5, 0.1, 1e21, -3.0, f64::NAN, 1e-7, 123456.789].map(|value| {
                IndicatorError::BadParam {
                    indicator: "rsi",
                    param: "period",
                    value,
                    rule: "must be a whole number".into(),
                }
            }),
        );
        for e in errors {
            assert_eq!(indicator_error(&e), e.to_string());
        }
    }

    #[test]
    fn floats_print_as_debug_does() {
        let mut bits = 0x9e37_79b9_7f4a_7c15u64;
        let mut xs = vec![
            0.0,
            -0.0,
            1.0,
            -1.5,
            1e-4,
            9.9e-5,
            1e16,
            9.99e15,
            1e20,
            1e-7,
            0.1 + 0.2,
        ];
        xs.extend([
            f64::NAN,
            f64::INFINITY,
            f64::NEG_INFINITY,
            f64::MAX,
            f64::MIN_POSITIVE,
        ]);
        for _ in 0..20_000 {
            // xorshift: bit patterns across every exponent.
            bits ^= bits << 13;
            bits ^= bits >> 7;
            bits ^= bits << 17;
            xs.push(f64::from_bits(bits));
            xs.push((bits % 2_000_000) as f64 / 64.0 - 15_000.0);
        }
        for x in xs {
            assert_eq!(float_as_debug(x), format!("{x:?}"), "{:#x}", x.to_bits());
        }
    }

    /// Today's output, pinned: the readers' issue changes these on purpose, nothing else may.
    #[test]
    fn numbers_print_as_they_do_today() {
        assert_eq!(fmt_num(-0.30081629038357416), "-0.30082");
        assert_eq!(fmt_num(1.0697e-7), "0.00000010697");
        assert_eq!(fmt_num(3.2e12), "3.200e12");
        assert_eq!(fmt_num(f64::NAN), "NaN");
        assert_eq!(price(1234.5), "1234.50");
        assert_eq!(price(-2.5), "-2.5000");
        assert_eq!(price(0.0), "0.000000");
        assert_eq!(rate_pct(0.0001), "0.0100%");
        assert_eq!(rate_pct(-0.00012345), "-0.0123%");
        assert_eq!(change_pct(1.254), "+1.25%");
        assert_eq!(change_pct(-0.5), "-0.50%");
        assert_eq!(score(Some(0.5)), "+0.50");
        assert_eq!(score(Some(-1.0)), "-1.00");
        assert_eq!(score(None), "–");
        assert_eq!(fixed4(61.23456), "61.2346");
        assert_eq!(fixed4(f64::NAN), "–");
        assert_eq!(series_value("funding", 0.0001), "0.0100%");
        assert_eq!(series_value("open_interest", 52_000_000.0), "5.200e7");
        assert_eq!(series_value("lth_supply_share", 0.61234567), "0.61235");
        assert_eq!(series_value("btc", 123.456), "123.46");
        assert_eq!(minutes(179_999.0), "2");
    }
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

    #[test]
    fn readers_never_see_credentials_or_queries() {
        for (url, shown) in [
            (
                "https://api.example.com/v1/x",
                "https://api.example.com/v1/x",
            ),
            (
                "https://user:secret@api.example.com/v1/x?apikey=k#f",
                "https://api.example.com/v1/x?…",
            ),
            ("https://tok@host", "https://host"),
            ("http://127.0.0.1:8081/a?b=c", "http://127.0.0.1:8081/a?…"),
            ("https://host/p#frag", "https://host/p?…"),
            ("https://host/p/a@b", "https://host/p/a@b"),
        ] {
            assert_eq!(shown_url(url), shown, "{url}");
        }
    }
}
