//! `f64` to decimal text, the same text as `format!` writes: `{x:.d}`, `{x:+.d}`, `{x}`, `{x:e}`
//! and `{x:.d e}`, without core's Grisu and Dragon code and their tables of powers of ten
//! (`core::num::flt2dec`, about 10 KB of the module before `wasm-opt`; README, "Where the bytes
//! went"). Exact: every digit comes from `m × 2^e` in big integers (`float/big.rs`), rounded
//! half to even as std rounds. The shortest forms search for the fewest significant digits
//! that [`parse_f64`] reads back as `x`: slower than Grisu (a few exact roundings and reads
//! per number), and used for messages and `scoreSignals`' results. The reference is the std that runs the tests
//! (`library/core/src/num/flt2dec` in rust-lang/rust): `float/print/tests.rs` compares every form with
//! it.
//!
//! ```
//! use barfinex_core::float::{fixed, shortest, exp, exp_fixed};
//! assert_eq!(fixed(0.125, 2), "0.12");
//! assert_eq!(fixed(-0.001, 2), "-0.00");
//! assert_eq!(shortest(0.3), "0.3");
//! assert_eq!(shortest(1e20), "100000000000000000000");
//! assert_eq!(exp(1234.5), "1.2345e3");
//! assert_eq!(exp_fixed(5e-324, 3), "4.941e-324");
//! ```

use super::big::Big;
use super::parse_f64;

/// `format!("{x:.digits$}")`.
pub fn fixed(x: f64, digits: usize) -> String {
    let Some((m, e)) = decode(x) else {
        return special(x, false);
    };
    let d = scaled(m, e, digits as i32, Round::Even);
    let mut out = sign(x, false);
    let pad = (digits + 1).saturating_sub(d.len());
    let mut all = vec![b'0'; pad];
    all.extend(d);
    let point = all.len() - digits;
    push_ascii(&mut out, &all[..point]);
    if digits > 0 {
        out.push('.');
        push_ascii(&mut out, &all[point..]);
    }
    out
}

/// `format!("{x:+.digits$}")`: [`fixed`] with `+` before a number without a minus sign.
pub fn signed(x: f64, digits: usize) -> String {
    match decode(x) {
        Some(_) => sign(x, true) + fixed(x.abs(), digits).as_str(),
        None => special(x, true),
    }
}

/// `format!("{x}")`, `x.to_string()`: the fewest digits that read back as `x`, never with an
/// exponent (`1e20` is `100000000000000000000`, `1e-7` is `0.0000001`).
pub fn shortest(x: f64) -> String {
    let Some((d, e10)) = shortest_digits(x) else {
        return special(x, false);
    };
    let mut out = sign(x, false);
    if e10 < 0 {
        out.push_str("0.");
        out.extend(std::iter::repeat_n('0', (-e10 - 1) as usize));
        push_ascii(&mut out, &d);
    } else {
        let int = e10 as usize + 1;
        for i in 0..int.max(d.len()) {
            if i == int {
                out.push('.');
            }
            out.push(char::from(d.get(i).copied().unwrap_or(b'0')));
        }
    }
    out
}

/// `format!("{x:e}")`: the fewest digits that read back as `x`, as `1.2345e3`, `1e-7`.
pub fn exp(x: f64) -> String {
    match shortest_digits(x) {
        Some((d, e10)) => exp_text(x, &d, e10),
        None => special(x, false),
    }
}

/// `format!("{x:.digits$e}")`: `digits` decimals after the first digit, as `1.235e29`.
pub fn exp_fixed(x: f64, digits: usize) -> String {
    match decode(x) {
        Some(_) if x == 0.0 => exp_text(x, &vec![b'0'; digits + 1], 0),
        Some((m, e)) => {
            let (d, e10) = significant(m, e, x.abs(), digits + 1, Round::Even);
            exp_text(x, &d, e10)
        }
        None => special(x, false),
    }
}

/// `|x|` as `m × 2^e`; `None` for NaN and the infinities.
fn decode(x: f64) -> Option<(u64, i32)> {
    if !x.is_finite() {
        return None;
    }
    let bits = x.to_bits();
    let (biased, frac) = (((bits >> 52) & 0x7ff) as i32, bits & ((1 << 52) - 1));
    Some(if biased == 0 {
        (frac, -1074)
    } else {
        (frac | 1 << 52, biased - 1075)
    })
}

fn special(x: f64, plus: bool) -> String {
    if x.is_nan() {
        "NaN".into()
    } else {
        sign(x, plus) + "inf"
    }
}

fn sign(x: f64, plus: bool) -> String {
    match (x.is_sign_negative(), plus) {
        (true, _) => "-".into(),
        (false, true) => "+".into(),
        (false, false) => String::new(),
    }
}

fn push_ascii(out: &mut String, digits: &[u8]) {
    out.extend(digits.iter().map(|&c| char::from(c)));
}

/// How [`scaled`] rounds.
#[derive(Clone, Copy, PartialEq)]
enum Round {
    Down,
    /// Half to even: the fixed-precision forms.
    Even,
    /// Half up: the shortest forms, as std's Dragon picks the upper of two digit strings
    /// equally near.
    Up,
}

/// The digits of `m × 2^e × 10^s` rounded to an integer.
fn scaled(m: u64, e: i32, s: i32, round: Round) -> Vec<u8> {
    let mut r = Big::from_u64(m);
    if e > 0 {
        r = r.shifted(e as u32);
    }
    if s > 0 {
        r.mul_pow5(s as u32);
        r = r.shifted(s as u32);
    }
    // Left: r ÷ 2^(-e) ÷ 10^(-s), each divisor 1 when its exponent is not negative.
    let (half, mut below) = r.shr(e.min(0).unsigned_abs());
    let (more, tie) = if s >= 0 {
        (half && below, half && !below)
    } else {
        below |= half;
        for _ in 1..s.unsigned_abs() {
            below |= r.div_small(10) != 0;
        }
        let digit = r.div_small(10);
        (digit > 5 || digit == 5 && below, digit == 5 && !below)
    };
    let up = match round {
        Round::Down => false,
        Round::Even => more || tie && r.is_odd(),
        Round::Up => more || tie,
    };
    if up {
        r.mul_add(1, 1);
    }
    r.decimal()
}

/// `n` significant digits of `a = m × 2^e > 0`, rounded, and the power of ten of the first.
fn significant(m: u64, e: i32, a: f64, n: usize, round: Round) -> (Vec<u8>, i32) {
    // The power of ten of `a`'s first digit: where its digits rounded down count `n` (the
    // estimate is off by one at most near a power of ten).
    let mut e10 = a.log10().floor() as i32;
    for _ in 0..4 {
        match scaled(m, e, n as i32 - 1 - e10, Round::Down).len().cmp(&n) {
            std::cmp::Ordering::Greater => e10 += 1,
            std::cmp::Ordering::Less => e10 -= 1,
            std::cmp::Ordering::Equal => break,
        }
    }
    let mut d = scaled(m, e, n as i32 - 1 - e10, round);
    if d.len() > n {
        // Rounded up to the next power of ten: 9.99… to 10.0.
        d.truncate(n);
        e10 += 1;
    }
    (d, e10)
}

/// The fewest significant digits that read back as `x`, without trailing zeros, and the power
/// of ten of the first; `None` for NaN and the infinities.
fn shortest_digits(x: f64) -> Option<(Vec<u8>, i32)> {
    let (m, e) = decode(x)?;
    if m == 0 {
        return Some((vec![b'0'], 0));
    }
    let a = x.abs();
    // A whole number below 2^53 is its own digits: any fewer change it by 1 or more, and every
    // such number is a double. The fast path for times, counts and policy figures (the search
    // below takes ~35× as long as std's Grisu).
    if a.fract() == 0.0 && a < 9_007_199_254_740_992.0 {
        let mut d = (a as u64).to_string().into_bytes();
        let e10 = d.len() as i32 - 1;
        trim_zeros(&mut d);
        return Some((d, e10));
    }
    let reads_back = |d: &[u8], e10: i32| parse_f64(&exp_text(a, d, e10)) == Some(a);
    // The nearest `n` digits, or else the next ones up: below a power of two the doubles are
    // twice as dense, so the nearest can miss on that side while the next ones up read back.
    let candidate = |n: usize| {
        let (mut d, e10) = significant(m, e, a, n, Round::Up);
        if reads_back(&d, e10) || bump(&mut d) && reads_back(&d, e10) {
            trim_zeros(&mut d);
            Some((d, e10))
        } else {
            None
        }
    };
    // If `n` digits read back, so do `n + 1`; 17 always do. A binary search for the fewest.
    let (mut lo, mut hi) = (1, 17);
    let mut best = None;
    while lo <= hi {
        let mid = (lo + hi) / 2;
        match candidate(mid) {
            Some(found) => {
                best = Some(found);
                hi = mid - 1;
            }
            None => lo = mid + 1,
        }
    }
    Some(best.unwrap_or_else(|| significant(m, e, a, 17, Round::Up)))
}

/// Adds one to the last digit; `false` when that would need one more digit.
fn bump(d: &mut [u8]) -> bool {
    for c in d.iter_mut().rev() {
        if *c == b'9' {
            *c = b'0';
        } else {
            *c += 1;
            return true;
        }
    }
    false
}

fn trim_zeros(d: &mut Vec<u8>) {
    while d.len() > 1 && d.last() == Some(&b'0') {
        d.pop();
    }
}

/// `d[0].d[1..]e{e10}`, after `x`'s sign.
fn exp_text(x: f64, d: &[u8], e10: i32) -> String {
    let mut out = sign(x, false);
    push_ascii(&mut out, &d[..1]);
    if d.len() > 1 {
        out.push('.');
        push_ascii(&mut out, &d[1..]);
    }
    out.push('e');
    out.push_str(&e10.to_string());
    out
}

#[cfg(test)]
mod tests;
