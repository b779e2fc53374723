//! Numbers in a reader's locale, in plain Rust: the digits are chosen here (the precision table
//! in the tests below is the contract), the separators and unit words come from the locale's
//! [`Numbers`]. No `Intl.NumberFormat` call: one less import that could throw, and the same
//! output natively and in every browser.

/// How a locale writes numbers.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Numbers {
    /// Between the integer and the fraction: `.` or `,`.
    pub decimal: &'static str,
    /// Between groups of three integer digits: `,` or a no-break space.
    pub group: &'static str,
    /// After a percentage: `%`, or a no-break space and `%`.
    pub percent: &'static str,
    /// Thousand, million, billion, trillion, written after a compact number (`K` or ` тыс.`).
    pub compact: [&'static str; 4],
}

use crate::float::{self, fixed};

/// What readers see for a value that is not a number (never from checked data).
const DASH: &str = "–";

impl Numbers {
    /// `ascii` (`-1234.5`, as Rust prints it) with this locale's separators: `-1,234.5`.
    fn localize(&self, ascii: &str) -> String {
        let (sign, rest) = match ascii.strip_prefix('-') {
            Some(r) => ("-", r),
            None => ascii.strip_prefix('+').map_or(("", ascii), |r| ("+", r)),
        };
        let (int, frac) =
            crate::text::split_once(rest, b".").map_or((rest, None), |(i, f)| (i, Some(f)));
        let mut out = String::with_capacity(ascii.len() + 8);
        out.push_str(sign);
        for (i, c) in int.chars().enumerate() {
            if i > 0 && (int.len() - i) % 3 == 0 {
                out.push_str(self.group);
            }
            out.push(c);
        }
        if let Some(f) = frac {
            out.push_str(self.decimal);
            out.push_str(f);
        }
        out
    }

    /// `x` with `digits` decimals: `1,234.50`.
    pub fn fixed(&self, x: f64, digits: usize) -> String {
        if !x.is_finite() {
            return DASH.to_owned();
        }
        self.localize(&fixed(x, digits))
    }

    /// About five significant digits, trailing zeros dropped (`0.00012`, `2.6528`, `6,212,843`);
    /// from a billion, compact (`3.2B`). Evidence, captions and series print numbers this way.
    pub fn num(&self, x: f64) -> String {
        if !x.is_finite() {
            return DASH.to_owned();
        }
        if x == 0.0 {
            return "0".to_owned();
        }
        let mag = x.abs().log10().floor() as i32;
        if mag >= 9 {
            return self.compact(x);
        }
        let digits = (4 - mag).clamp(0, 12) as usize;
        self.localize(&trim(fixed(x, digits), 0))
    }

    /// A price at the precision its size needs, from 1e-8 to 1e7 (the table in the tests): two
    /// decimals from 1,000, four from 1, below that five significant digits (at least two
    /// decimals, at most twelve).
    pub fn price(&self, x: f64) -> String {
        if !x.is_finite() {
            return DASH.to_owned();
        }
        let a = x.abs();
        let s = if a >= 1000.0 {
            fixed(x, 2)
        } else if a >= 1.0 {
            fixed(x, 4)
        } else if a == 0.0 {
            "0.00".to_owned()
        } else {
            let digits = (4 - a.log10().floor() as i32).clamp(2, 12) as usize;
            trim(fixed(x, digits), 2)
        };
        self.localize(&s)
    }

    /// Compact: `46.05M`, `123.4K`, `1.2B` (`46,05 млн`); below a thousand, [`Numbers::num`].
    pub fn compact(&self, x: f64) -> String {
        if !x.is_finite() {
            return DASH.to_owned();
        }
        let a = x.abs();
        if a < 1000.0 {
            return self.num(x);
        }
        let mut unit = 0;
        let mut v = x / 1e3;
        while unit < 3 && round_to(v.abs(), decimals_for(v.abs())) >= 1000.0 {
            unit += 1;
            v /= 1e3;
        }
        let d = decimals_for(v.abs());
        format!(
            "{}{}",
            self.localize(&trim(fixed(v, d), 0)),
            self.compact[unit]
        )
    }

    /// A value already in percent: `+1.25%` (`signed`), `1,25 %`.
    pub fn percent(&self, pct: f64, digits: usize, signed: bool) -> String {
        if !pct.is_finite() {
            return DASH.to_owned();
        }
        let s = if signed {
            float::signed(pct, digits)
        } else {
            fixed(pct, digits)
        };
        format!("{}{}", self.localize(&s), self.percent)
    }

    /// A rate (0.0001) as a percentage with four decimals: `0.0100%`.
    pub fn rate(&self, v: f64) -> String {
        self.percent(v * 100.0, 4, false)
    }

    /// A rating score, signed, two decimals (`+0.34`); a dash when there is none.
    pub fn score(&self, s: Option<f64>) -> String {
        match s {
            Some(v) if v.is_finite() => self.localize(&float::signed(v, 2)),
            _ => DASH.to_owned(),
        }
    }

    /// A series' latest value: funding as a rate, from 100,000 compact, else five digits.
    pub fn series_value(&self, series: &str, v: f64) -> String {
        if crate::text::find_str(series, "funding").is_some() {
            self.rate(v)
        } else if v.abs() >= 1e5 {
            self.compact(v)
        } else {
            self.num(v)
        }
    }
}

/// Decimals of a compact number's mantissa: four significant digits, at most two decimals.
fn decimals_for(a: f64) -> usize {
    if a >= 100.0 {
        1
    } else {
        2
    }
}

fn round_to(a: f64, d: usize) -> f64 {
    let scale = 10f64.powi(d as i32);
    (a * scale).round() / scale
}

/// Drops trailing zeros of a fraction, keeping at least `keep` decimals.
fn trim(s: String, keep: usize) -> String {
    let Some(dot) = crate::text::find(&s, b".") else {
        return s;
    };
    let mut end = s.len();
    while end > dot + 1 + keep && s.as_bytes()[end - 1] == b'0' {
        end -= 1;
    }
    if end == dot + 1 {
        end = dot;
    }
    s[..end].to_owned()
}
