//! Comparisons decided without big integers, when they can be: a power of five carried in
//! 128 bits with a bound on its error, so that a value and a midpoint more than that bound apart
//! are told apart by a few multiplications. What falls within the bound (a tie, or a value within
//! about 2^-120 of a midpoint, relatively) is left to the exact comparison.

use std::cmp::Ordering;

/// `m × 2^e`, `m` with its top bit set, within `err × 2^-126` of the number it stands for
/// (relatively).
#[derive(Clone, Copy)]
pub(super) struct Approx {
    pub(super) m: u128,
    pub(super) e: i64,
    pub(super) err: u32,
}

impl Approx {
    /// `n × 2^e` exactly (`n > 0`).
    pub(super) fn exact(n: u128, e: i64) -> Self {
        let z = n.leading_zeros();
        Approx {
            m: n << z,
            e: e - i64::from(z),
            err: 0,
        }
    }

    /// `5^n`: exact up to 5^55 (under 2^128), then by squaring, each product cut to 128 bits.
    pub(super) fn pow5(n: u32) -> Self {
        let mut r = Approx::exact(5u128.pow(n % 55), 0);
        let (mut base, mut k) = (Approx::exact(5u128.pow(55), 0), n / 55);
        while k > 0 {
            if k & 1 == 1 {
                r = r.times(base);
            }
            k >>= 1;
            if k > 0 {
                base = base.times(base);
            }
        }
        r
    }

    /// The product: its top 128 bits. Cutting the rest loses under 2^-126 of it, and the two
    /// errors compound to a little more than their sum: 2 units more in all.
    pub(super) fn times(self, other: Approx) -> Self {
        let mut m = mul_high(self.m, other.m);
        let mut e = self.e + other.e + 128;
        if m >> 127 == 0 {
            m <<= 1;
            e -= 1;
        }
        Approx {
            m,
            e,
            err: self.err + other.err + 2,
        }
    }

    /// How far `m` may be from the number it stands for, in units of its last bit: `m` is
    /// under 2^128, so 2^-126 of it is under 4 units (4 more for what the product above 2^128
    /// may add).
    pub(super) fn slack(self) -> u128 {
        4 * u128::from(self.err) + 4
    }

    /// `self` against the exact `x` (`x.err == 0`, its low 64 bits zero, as [`Approx::exact`]
    /// makes it from a `u64`): `None` when they are too close to tell.
    pub(super) fn cmp_exact(self, x: Approx) -> Option<Ordering> {
        let slack = self.slack();
        let (a, b, slack) = match self.e - x.e {
            0 => (self.m, x.m, slack),
            // `x.m`'s low bit is zero: halving it is exact.
            1 => (self.m, x.m >> 1, slack),
            // Halving `self.m` cuts one unit more.
            -1 => (self.m >> 1, x.m, slack / 2 + 1),
            // A factor of two or more apart, both with their top bit set.
            d => return Some(d.cmp(&0)),
        };
        if a.saturating_sub(b) > slack {
            Some(Ordering::Greater)
        } else if b.saturating_sub(a) > slack {
            Some(Ordering::Less)
        } else {
            None
        }
    }
}

/// The top 128 bits of the 256-bit product `a × b`, the rest cut.
fn mul_high(a: u128, b: u128) -> u128 {
    const LOW: u128 = u64::MAX as u128;
    let (a1, a0, b1, b0) = (a >> 64, a & LOW, b >> 64, b & LOW);
    let (middle, c1) = (a1 * b0).overflowing_add(a0 * b1);
    let (middle, c2) = middle.overflowing_add((a0 * b0) >> 64);
    a1 * b1 + (middle >> 64) + ((u128::from(c1) + u128::from(c2)) << 64)
}

/// Values `w × 10^e` for one `e`, compared with midpoints `odd × 2^p` through an
/// approximation of `5^|e|`. Powers of five go to the side where they are positive:
/// `w × 5^e` against `odd × 2^(p-e)`, or `w` against `odd × 5^-e × 2^(p-e)`.
pub(super) struct Scaled {
    fives: Approx,
    e: i64,
}

impl Scaled {
    pub(super) fn new(e: i64) -> Self {
        Scaled {
            fives: Approx::pow5(e.unsigned_abs() as u32),
            e,
        }
    }

    /// `w × 10^e` against `odd × 2^p`; `None` when too close to tell.
    pub(super) fn value_vs_midpoint(&self, w: u64, odd: u64, p: i64) -> Option<Ordering> {
        if w == 0 {
            return Some(Ordering::Less);
        }
        let (w, odd) = (u128::from(w), u128::from(odd));
        if self.e >= 0 {
            let value = self.fives.times(Approx::exact(w, 0));
            value.cmp_exact(Approx::exact(odd, p - self.e))
        } else {
            let mid = self.fives.times(Approx::exact(odd, p - self.e));
            mid.cmp_exact(Approx::exact(w, 0)).map(Ordering::reverse)
        }
    }
}
