//! Decimal text to `f64`, correctly rounded: the same results as `str::parse::<f64>`, without
//! the 10 KB table of powers of five that std's parser (Eisel–Lemire) puts in the wasm, about
//! 10.7 KB of the main module gzipped (README, "Where the bytes went").
//!
//! Most numbers (at most 19 significant digits that fit 53 bits, a power of ten up to 22) take
//! Clinger's fast path: one exact integer, one exact power of ten, one rounded operation. The
//! rest are decided by a search over the bit patterns of `f64` from an estimate (usually two
//! comparisons), comparing the value with the midpoint above each candidate: from a 128-bit
//! approximation of the power of five with a bound on its error (`float/approx.rs`), and in big
//! integers (`float/big.rs`) only when that cannot tell them apart (a tie, or a value within
//! about 2^-120 of a midpoint). Past 800 significant digits, the digits left out count only as
//! "more than zero". The reference is the parser of the std that runs the tests
//! (`library/core/src/num/dec2flt` in rust-lang/rust): `float/tests.rs` and the `float` fuzz
//! target compare every result with it, bit for bit.
//!
//! ```
//! use barfinex_core::float::parse_f64;
//! assert_eq!(parse_f64("0.1"), Some(0.1));
//! assert_eq!(parse_f64("2.2250738585072011e-308"), "2.2250738585072011e-308".parse().ok());
//! assert_eq!(parse_f64("1e400"), Some(f64::INFINITY));
//! assert_eq!(parse_f64("1e"), None);
//! ```

mod approx;
mod big;
mod int;
mod print;
mod trig;

pub use int::digits;
pub use print::{exp, exp_fixed, fixed, shortest, signed};
pub use trig::cos_sin;

use approx::Scaled;
use big::Big;
use std::cell::OnceCell;
use std::cmp::Ordering;

/// Significant digits kept exactly; deciding a rounding never needs more than 768.
const MAX_DIGITS: usize = 800;
/// The bit pattern of `+inf`, just past the largest finite `f64`.
const INF_BITS: u64 = 0x7FF0_0000_0000_0000;
/// The powers of ten an `f64` holds exactly.
const POW10: [f64; 23] = [
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16,
    1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
];

/// `s` as an `f64`, as `s.parse::<f64>().ok()` reads it: an optional sign, then digits with an
/// optional point and exponent (`12`, `-.5`, `1.`, `3E+8`), or `inf`, `infinity` or `nan` in any
/// case; no spaces. Out of range is `±inf` or `±0`.
pub fn parse_f64(s: &str) -> Option<f64> {
    let b = s.as_bytes();
    let (negative, rest) = match b.first() {
        Some(b'-') => (true, &b[1..]),
        Some(b'+') => (false, &b[1..]),
        _ => (false, b),
    };
    let x = special(rest).or_else(|| unsigned(rest))?;
    Some(if negative { -x } else { x })
}

fn special(b: &[u8]) -> Option<f64> {
    if b.eq_ignore_ascii_case(b"inf") || b.eq_ignore_ascii_case(b"infinity") {
        Some(f64::INFINITY)
    } else if b.eq_ignore_ascii_case(b"nan") {
        Some(f64::NAN)
    } else {
        None
    }
}

/// What a number's text says: `len` significant digits were handed to the caller as read (no
/// leading zeros; at most [`MAX_DIGITS`], then a 1 standing for nonzero digits left out), the
/// last `zeros` of them zeros, the last one worth `10^exp`.
struct Shape {
    len: usize,
    zeros: usize,
    exp: i64,
}

/// Reads the digits, point and exponent of `b` (after the sign), handing each significant
/// digit kept to `keep`; `None` when `b` is not a number.
fn scan(b: &[u8], keep: &mut dyn FnMut(u8)) -> Option<Shape> {
    let mut s = Shape {
        len: 0,
        zeros: 0,
        exp: 0,
    };
    let (mut i, mut seen, mut left_out, mut fraction) = (0, false, false, false);
    while i < b.len() {
        match b[i] {
            c @ b'0'..=b'9' => {
                seen = true;
                let c = c - b'0';
                if s.len == 0 && c == 0 {
                    s.exp -= i64::from(fraction);
                } else if s.len < MAX_DIGITS {
                    keep(c);
                    s.len += 1;
                    s.zeros = if c == 0 { s.zeros + 1 } else { 0 };
                    s.exp -= i64::from(fraction);
                } else {
                    left_out |= c != 0;
                    s.exp += i64::from(!fraction);
                }
            }
            b'.' if !fraction => fraction = true,
            _ => break,
        }
        i += 1;
    }
    if !seen {
        return None;
    }
    if i < b.len() {
        s.exp += exponent(&b[i..])?;
    }
    if left_out {
        keep(1);
        s.len += 1;
        s.zeros = 0;
        s.exp -= 1;
    }
    Some(s)
}

/// A non-negative number's text (no sign) as an `f64`.
fn unsigned(b: &[u8]) -> Option<f64> {
    // The first 19 digits, as an integer.
    let (mut w, mut k) = (0u64, 0usize);
    let s = scan(b, &mut |c| {
        if k < 19 {
            w = w * 10 + u64::from(c);
            k += 1;
        }
    })?;
    // Without the trailing zeros: `n` digits, the last worth `10^exp`.
    let (n, exp) = (s.len - s.zeros, s.exp + s.zeros as i64);
    if n == 0 || n as i64 + exp <= -325 {
        // Below 10^-325, under half the smallest subnormal (2^-1075 ≈ 2.47e-324).
        return Some(0.0);
    }
    if n as i64 - 1 + exp >= 309 {
        return Some(f64::INFINITY);
    }
    let w = w / 10u64.pow((k - n.min(19)) as u32);
    let e = exp + (n - n.min(19)) as i64;
    if n <= 19 {
        if let Some(x) = fast(w, e) {
            return Some(x);
        }
    }
    // Beyond: each comparison decided from 128 bits of the power of five where it can be, in
    // big integers where not (a tie, or a value within about 2^-120 of a midpoint). Past 19
    // digits the value lies strictly between `w × 10^e` and `(w + 1) × 10^e` (its last digit is
    // not zero), so it is decided when both bounds are on one side.
    let scaled = Scaled::new(e);
    let exact = OnceCell::new();
    Some(f64::from_bits(search(estimate(w, e), &|x| {
        let (odd, p) = midpoint_above(x);
        let decided = match scaled.value_vs_midpoint(w, odd, p) {
            decided if n <= 19 => decided,
            above @ Some(Ordering::Greater) => above,
            _ => scaled
                .value_vs_midpoint(w + 1, odd, p)
                .filter(|o| *o == Ordering::Less),
        };
        decided.unwrap_or_else(|| {
            exact
                .get_or_init(|| {
                    // The digits are gathered only here, by a second scan: the paths above
                    // need none kept.
                    let mut digits = Vec::with_capacity(s.len);
                    let _ = scan(b, &mut |c| digits.push(c));
                    digits.truncate(n);
                    Midpoints::new(&digits, exp)
                })
                .value_vs_midpoint_above(x)
        })
    })))
}

/// Clinger's fast path: `w × 10^e` when both are exact in an `f64` (one rounding), or when
/// `w × 10^(e-22)` is still an exact integer of 53 bits.
fn fast(w: u64, e: i64) -> Option<f64> {
    if w > 1 << 53 {
        return None;
    }
    if (0..=22).contains(&e) {
        return Some(w as f64 * POW10[e as usize]);
    }
    if (-22..0).contains(&e) {
        return Some(w as f64 / POW10[(-e) as usize]);
    }
    if !(23..=22 + 15).contains(&e) {
        return None;
    }
    let w = w.checked_mul(10u64.pow((e - 22) as u32))?;
    (w <= 1 << 53).then_some(w as f64 * 1e22)
}

/// The bit pattern of the correctly rounded value, given how the value compares with the
/// midpoint above a candidate: the lowest candidate whose midpoint is above the value (or equal
/// to it, the candidate being even).
fn search(guess: u64, value_vs_midpoint_above: &dyn Fn(u64) -> Ordering) -> u64 {
    let rounds_to = |x: u64| {
        x == INF_BITS
            || match value_vs_midpoint_above(x) {
                Ordering::Less => true,
                Ordering::Equal => x % 2 == 0,
                Ordering::Greater => false,
            }
    };
    // `lo` never rounds to the value (or is -1), `hi` does. The estimate is usually the
    // answer or next to it: two comparisons then; a few more within 32 units; else a
    // search of the whole range.
    let (mut lo, mut hi): (i64, u64) = (-1, INF_BITS);
    for x in [
        guess,
        guess.wrapping_sub(1),
        guess + 1,
        guess.saturating_sub(32),
        guess + 32,
    ] {
        if x as i64 > lo && x < hi {
            if rounds_to(x) {
                hi = x;
            } else {
                lo = x as i64;
            }
        }
    }
    while hi as i64 - lo > 1 {
        let mid = (lo + (hi as i64 - lo) / 2) as u64;
        if rounds_to(mid) {
            hi = mid;
        } else {
            lo = mid as i64;
        }
    }
    hi
}

/// The midpoint between the finite `f64` with bit pattern `x` and the next one up, as
/// `(2·significand + 1, p)`: the midpoint is `(2·significand + 1) × 2^p`.
fn midpoint_above(x: u64) -> (u64, i64) {
    let biased = (x >> 52) as i64;
    let significand = (x & ((1 << 52) - 1)) | (u64::from(biased > 0) << 52);
    (2 * significand + 1, biased.max(1) - 1076)
}

/// The exponent after the digits (`e-7`, `E+12`), saturated far past any `f64`; `None` when the
/// text is anything else.
fn exponent(b: &[u8]) -> Option<i64> {
    let (first, rest) = b.split_first()?;
    if !matches!(first, b'e' | b'E') {
        return None;
    }
    let (negative, digits) = match rest.first() {
        Some(b'-') => (true, &rest[1..]),
        Some(b'+') => (false, &rest[1..]),
        _ => (false, rest),
    };
    if digits.is_empty() || !digits.iter().all(u8::is_ascii_digit) {
        return None;
    }
    let e = digits
        .iter()
        .fold(0i64, |e, c| (e * 10 + i64::from(c - b'0')).min(1 << 40));
    Some(if negative { -e } else { e })
}

/// `w × 10^e` in floating point, within a few units of the last place for a normal result (the
/// search checks it, and falls back to the whole range when it is not).
fn estimate(w: u64, mut e: i64) -> u64 {
    let mut x = w as f64;
    while e > 22 {
        x *= 1e22;
        e -= 22;
    }
    while e < -22 {
        x /= 1e22;
        e += 22;
    }
    x = if e >= 0 {
        x * POW10[e as usize]
    } else {
        x / POW10[(-e) as usize]
    };
    x.to_bits().min(INF_BITS)
}

/// The value `digits × 10^exp = digits × 5^exp × 2^exp`, against the midpoint above a candidate
/// `(2·significand + 1) × 2^p`, in integers: the powers of five move to the side where they are
/// positive, the powers of two to the side where they are.
struct Midpoints {
    /// `digits × 5^max(exp, 0)`.
    value: Big,
    /// `5^max(-exp, 0)`.
    fives: Big,
    exp: i64,
}

impl Midpoints {
    fn new(digits: &[u8], exp: i64) -> Self {
        let mut value = Big::from_digits(digits);
        let mut fives = Big::from_u64(1);
        if exp >= 0 {
            value.mul_pow5(exp as u32);
        } else {
            fives.mul_pow5((-exp) as u32);
        }
        Self { value, fives, exp }
    }

    fn value_vs_midpoint_above(&self, x: u64) -> Ordering {
        let (odd, p) = midpoint_above(x);
        let mid = self.fives.times(odd);
        let shift = self.exp - p;
        if shift >= 0 {
            self.value.shifted(shift as u32).cmp(&mid)
        } else {
            self.value.cmp(&mid.shifted((-shift) as u32))
        }
    }
}

#[cfg(test)]
mod tests;
