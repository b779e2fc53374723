//! Every form is checked against `format!` of the std that runs the tests, text for text.

use super::*;
use proptest::prelude::*;

fn same_as_std(x: f64) {
    assert_eq!(shortest(x), format!("{x}"), "{{}} of {:x}", x.to_bits());
    assert_eq!(exp(x), format!("{x:e}"), "{{:e}} of {:x}", x.to_bits());
    for d in 0..=12 {
        assert_eq!(
            fixed(x, d),
            format!("{x:.d$}"),
            "{{:.{d}}} of {:x}",
            x.to_bits()
        );
        assert_eq!(
            signed(x, d),
            format!("{x:+.d$}"),
            "{{:+.{d}}} of {:x}",
            x.to_bits()
        );
    }
    for d in [0, 1, 3, 7, 16, 20] {
        assert_eq!(
            exp_fixed(x, d),
            format!("{x:.d$e}"),
            "{{:.{d}e}} of {:x}",
            x.to_bits()
        );
    }
}

#[test]
fn known_hard_cases() {
    let xs = vec![
        0.0,
        -0.0,
        1.0,
        -1.0,
        0.1,
        0.2,
        0.3,
        1.0 / 3.0,
        2.0 / 3.0,
        0.125,
        0.375,
        2.5,
        0.5,
        1.5,
        -0.001,
        0.005,
        0.015,
        0.025,
        1.005,
        1e20,
        1e21,
        1e22,
        1e23,
        1e-7,
        5e-324,
        1e-323,
        2.2250738585072014e-308,
        2.225073858507201e-308,
        f64::MAX,
        f64::MIN,
        f64::MIN_POSITIVE,
        f64::EPSILON,
        9007199254740993.0,
        123456789012345678901234567890.0,
        64_123.456,
        0.5123456,
        46_050_000.0,
        99.995,
        9.9999999,
        999_999.5,
        0.000_099_999,
        1e15,
        1e16,
        1e17,
        1.7e308,
        f64::NAN,
        f64::INFINITY,
        f64::NEG_INFINITY,
        4.35,
        2.675,
        1.0e-5,
        0.00012,
        6_212_842.712_16,
    ];
    for x in xs {
        same_as_std(x);
        same_as_std(-x);
    }
}

/// Powers of two and their neighbours, where the doubles below are twice as dense, and powers of
/// ten and theirs, where the first digit's power changes (every third power of two: all of them
/// took 90 s unoptimised).
#[test]
fn powers_and_their_neighbours() {
    let mut xs = vec![];
    for k in (-1074..=1023).step_by(3) {
        let bits = if k >= -1022 {
            ((k + 1023) as u64) << 52
        } else {
            1 << (k + 1074)
        };
        xs.extend([bits, bits + 1, bits - 1].map(f64::from_bits));
    }
    for k in -323..=308 {
        let bits = format!("1e{k}").parse::<f64>().unwrap().to_bits();
        xs.extend([bits, bits + 1, bits - 1].map(f64::from_bits));
    }
    xs.into_iter().for_each(same_as_std);
}

/// Ties at every precision the widgets use: `n + 0.5` over a power of ten, each exactly a
/// double only where the power is small, so both kinds of tie are here.
#[test]
fn ties_round_to_even() {
    for n in 0..2_000u32 {
        for k in 0..6 {
            same_as_std((f64::from(n) + 0.5) / 10f64.powi(k));
            same_as_std(f64::from(n) * 2f64.powi(-k));
        }
    }
}

proptest! {
    #[test]
    fn any_double_prints_as_std_does(bits in any::<u64>()) {
        same_as_std(f64::from_bits(bits));
    }

    #[test]
    fn whole_numbers_print_as_std_does(n in -(1i64 << 54)..(1i64 << 54)) {
        same_as_std(n as f64);
    }

    #[test]
    fn prices_print_as_std_does(x in 0.0f64..1e7) {
        same_as_std(x);
    }
}
