//! Cosine and sine on a half turn, for drawing (the rating dial's bands and needle): a Taylor
//! polynomial on [−π/2, π/2], so the module links none of libm's `sin`/`cos` and their
//! argument reduction for huge angles (`rem_pio2_large`, ~4 KB of wasm).
//!
//! ```
//! use barfinex_core::float::cos_sin;
//! let (c, s) = cos_sin(std::f64::consts::FRAC_PI_3);
//! assert!((c - 0.5).abs() < 1e-15 && (s - 0.75f64.sqrt()).abs() < 1e-15);
//! ```

use std::f64::consts::{FRAC_PI_2, PI};

/// `(cos a, sin a)` for `a` in [0, π] (clamped there; NaN gives NaN), within 1e-15 of std's.
pub fn cos_sin(a: f64) -> (f64, f64) {
    let a = a.clamp(0.0, PI);
    // cos a = sin(π/2 − a); sin a = sin(π/2 − |a − π/2|): both arguments in [−π/2, π/2].
    (
        sin_near(FRAC_PI_2 - a),
        sin_near(FRAC_PI_2 - (a - FRAC_PI_2).abs()),
    )
}

/// sin x for |x| ≤ π/2: x − x³/3! + … − x¹⁹/19!, whose first term left out, (π/2)²¹/21!, is
/// under 1e-15.
fn sin_near(x: f64) -> f64 {
    let x2 = x * x;
    // Horner from the highest term: each step is 1 − x²/((2k)(2k+1)) · (the rest).
    let mut sum = 1.0;
    for k in (1..=9).rev() {
        let n = (2 * k) as f64;
        sum = 1.0 - x2 / (n * (n + 1.0)) * sum;
    }
    x * sum
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matches_std_on_the_half_turn() {
        for i in 0..=100_000 {
            let a = PI * i as f64 / 100_000.0;
            let (c, s) = cos_sin(a);
            assert!(
                (c - a.cos()).abs() < 1e-15,
                "cos {a}: {c} against {}",
                a.cos()
            );
            assert!(
                (s - a.sin()).abs() < 1e-15,
                "sin {a}: {s} against {}",
                a.sin()
            );
        }
    }

    #[test]
    fn two_decimals_as_with_std() {
        // What the rating dial writes: points on radii 70 and 86 at scores −1 … +1.
        use crate::float::fixed;
        for i in 0..=20_000 {
            let a = PI * i as f64 / 20_000.0;
            let (c, s) = cos_sin(a);
            for r in [70.0, 86.0] {
                assert_eq!(
                    fixed(100.0 + r * c, 2),
                    fixed(100.0 + r * a.cos(), 2),
                    "{a}"
                );
                assert_eq!(
                    fixed(100.0 - r * s, 2),
                    fixed(100.0 - r * a.sin(), 2),
                    "{a}"
                );
            }
        }
    }

    #[test]
    fn ends_and_outside() {
        let near = |(c, s): (f64, f64), (cc, ss): (f64, f64)| {
            (c - cc).abs() < 1e-15 && (s - ss).abs() < 1e-15
        };
        assert!(near(cos_sin(0.0), (1.0, 0.0)));
        assert_eq!(cos_sin(-1.0), cos_sin(0.0));
        assert!(near(cos_sin(PI), (-1.0, 0.0)));
        assert_eq!(cos_sin(4.0), cos_sin(PI));
        assert!(cos_sin(f64::NAN).0.is_nan());
    }
}
