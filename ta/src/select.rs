//! `max`, `min` and `if c { a } else { b }` on `f64`, without branches on wasm.
//!
//! V8 compiles a scalar `f64` `select` (and `f64.max`) to a compare and a jump; on market data
//! the comparisons of rolling highs and lows, true ranges and directional moves go either way at
//! random, and the mispredicted jumps made the rating's wasm pass 1.5× slower than it is now. Its
//! 128-bit lane operations are branch-free (`maxpd`, `minpd`, a bitwise blend), so with SIMD
//! enabled (`.cargo/config.toml`) the scalars go through lane 0 of a vector. Natively (and on
//! wasm without SIMD) the plain comparisons compile to `maxsd`/`minsd` and blends already.
//!
//! Both forms give the same bits: `max(a, b)` is `a > b ? a : b`, so `b` when either is NaN,
//! exactly x86's `maxsd` (one instruction, where `f64::max`'s NaN rules cost four).

#[cfg(all(target_arch = "wasm32", target_feature = "simd128"))]
pub(crate) use lanes::{max, min, pick};
#[cfg(not(all(target_arch = "wasm32", target_feature = "simd128")))]
pub(crate) use scalar::{max, min, pick};

#[cfg(not(all(target_arch = "wasm32", target_feature = "simd128")))]
mod scalar {
    /// The larger of two values, `b` if either is NaN.
    #[inline]
    pub fn max(a: f64, b: f64) -> f64 {
        if a > b {
            a
        } else {
            b
        }
    }

    /// The smaller of two values, `b` if either is NaN.
    #[inline]
    pub fn min(a: f64, b: f64) -> f64 {
        if a < b {
            a
        } else {
            b
        }
    }

    /// `if c { a } else { b }`.
    #[inline]
    pub fn pick(c: bool, a: f64, b: f64) -> f64 {
        if c {
            a
        } else {
            b
        }
    }
}

#[cfg(all(target_arch = "wasm32", target_feature = "simd128"))]
mod lanes {
    use core::arch::wasm32::{
        f64x2_extract_lane, f64x2_pmax, f64x2_pmin, f64x2_splat, i64x2_splat, v128_bitselect,
    };

    /// `pmax(x, y)` is `x < y ? y : x`, so `pmax(b, a)` is `a > b ? a : b`.
    #[inline(always)]
    pub fn max(a: f64, b: f64) -> f64 {
        f64x2_extract_lane::<0>(f64x2_pmax(f64x2_splat(b), f64x2_splat(a)))
    }

    /// `pmin(b, a)` is `a < b ? a : b`.
    #[inline(always)]
    pub fn min(a: f64, b: f64) -> f64 {
        f64x2_extract_lane::<0>(f64x2_pmin(f64x2_splat(b), f64x2_splat(a)))
    }

    /// The bits of `a` where the mask is all ones, of `b` where it is zero.
    #[inline(always)]
    pub fn pick(c: bool, a: f64, b: f64) -> f64 {
        let mask = i64x2_splat(-i64::from(c));
        f64x2_extract_lane::<0>(v128_bitselect(f64x2_splat(a), f64x2_splat(b), mask))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn max_and_min_take_the_second_operand_on_nan_and_ties() {
        assert_eq!(max(1.0, 2.0), 2.0);
        assert_eq!(max(2.0, 1.0), 2.0);
        assert_eq!(min(1.0, 2.0), 1.0);
        assert_eq!(min(2.0, 1.0), 1.0);
        assert!(max(1.0, f64::NAN).is_nan());
        assert_eq!(max(f64::NAN, 1.0), 1.0);
        assert_eq!(min(f64::NAN, 1.0), 1.0);
        assert_eq!(max(0.0, -0.0).to_bits(), (-0.0f64).to_bits());
        assert_eq!(pick(true, 1.0, 2.0), 1.0);
        assert_eq!(pick(false, 1.0, 2.0), 2.0);
    }
}
