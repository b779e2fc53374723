//! Every result is checked against std's parser, bit for bit (`str::parse::<f64>` is the
//! reference this module follows: library/core/src/num/dec2flt in rust-lang/rust).

use super::approx::Approx;
use super::*;
use proptest::prelude::*;

fn same_as_std(s: &str) {
    let ours = parse_f64(s);
    let std = s.parse::<f64>().ok();
    match (ours, std) {
        (Some(a), Some(b)) if a.is_nan() && b.is_nan() => {}
        (Some(a), Some(b)) => assert_eq!(a.to_bits(), b.to_bits(), "{s}: {a:e} vs {b:e}"),
        (a, b) => assert_eq!(
            a.is_some(),
            b.is_some(),
            "{s}: read by us {}, by std {}",
            a.is_some(),
            b.is_some()
        ),
    }
}

/// The exact decimal digits of `(2·significand + 1) × 2^(p)`, the midpoint above `x`: the
/// hardest inputs, decided by the tie rule alone.
fn midpoint_text(x: f64) -> String {
    let (odd, p) = super::midpoint_above(x.to_bits());
    // (2s + 1) × 2^p = (2s + 1) × 5^(-p) × 10^p for p < 0.
    let mut n = Big::from_u64(odd);
    let exp = if p < 0 {
        n.mul_pow5((-p) as u32);
        p
    } else {
        n = n.shifted(p as u32);
        0
    };
    format!("{}e{exp}", decimal(n))
}

fn decimal(n: Big) -> String {
    // Test-only: repeated division by 10^9.
    let mut limbs = n.0;
    let mut parts = Vec::new();
    while !limbs.is_empty() {
        let mut rem = 0u64;
        for limb in limbs.iter_mut().rev() {
            let cur = (rem << 32) | u64::from(*limb);
            *limb = (cur / 1_000_000_000) as u32;
            rem = cur % 1_000_000_000;
        }
        while limbs.last() == Some(&0) {
            limbs.pop();
        }
        parts.push(rem);
    }
    let mut s = parts.pop().map_or("0".to_string(), |p| p.to_string());
    for p in parts.iter().rev() {
        s.push_str(&format!("{p:09}"));
    }
    s
}

#[test]
fn known_hard_cases() {
    for s in [
        "0", "-0", "0.0", "1", "0.1", "0.3", "1.5", "-2.5e-3", "123456789012345678901234567890",
        "9007199254740993", "9007199254740992", "9007199254740994", "9007199254740995",
        "2.2250738585072011e-308", "2.2250738585072012e-308", "2.2250738585072014e-308",
        "4.9406564584124654e-324", "2.4703282292062327e-324", "2.4703282292062328e-324",
        "2.4703282292062327208828439643411068618252990130716238221279284125033775363510437593264991818081799618989828234772285886546332835517796989819938739800539093906315035659515570226392290858392449105184435931802849936536152500319370457678249219365623669863658480757001585769269903706311928279558551332927834338409351978015531246597263579574622766465272827220056374006485499977096599470454020828166226237857393450736339007967761930577506740176324673600968951340535537458516661134223766678604162159680461914467291840300530057530849048765391711386591646239524912623653881879636239373280423891018672348497668235089863388587925628302755995657524455507255189313690836254779186948667994968324049705821028513185451396213837722826145437693412532098591327667236328125e-324",
        "1.7976931348623157e308", "1.7976931348623158e308", "1.7976931348623159e308",
        "179769313486231580793728971405303415079934132710037826936173778980444968292764750946649017977587207096330286416692887910946555547851940402630657488671505820681908902000708383676273854845817711531764475730270069855571366959622842914819860834936475292719074168444365510704342711559699508093042880177904174497791.9999", 
        "1e22", "1e23", "1e-22", "1e-23", "8.98846567431158e307", "1e308", "1e309", "1e-400",
        "1e+2", "1E2", "+1", ".5", "5.", "-.5e1", "1e", "1e+", "e5", ".", "", "-", "+",
        "1.2.3", "1_0", " 1", "1 ", "0x10", "inf", "-inf", "+Infinity", "NaN", "nan", "-nan",
        "infinit", "in", "1e99999999999999999999", "0e99999999999999999999",
        "1e-99999999999999999999", "0.000000000000000000000000000000000000001e38",
        "00000000000000000000000000000000000000000000000000001", "100000000000000000000000",
        "7.2057594037927933e16", "3.0517578125e-5", "1.00000000000000011102230246251565404236316680908203125",
        "1.00000000000000011102230246251565404236316680908203124",
        "1.00000000000000011102230246251565404236316680908203126",
    ] {
        same_as_std(s);
    }
}

#[test]
fn long_inputs_count_what_is_left_out() {
    // 1 + 2^-53 (a midpoint) followed by zeros, then a 1 past the 800th digit: rounds up.
    let mid = "1.00000000000000011102230246251565404236316680908203125";
    same_as_std(&format!("{mid}{}", "0".repeat(2000)));
    same_as_std(&format!("{mid}{}1", "0".repeat(2000)));
    same_as_std(&format!("{}e-1000", "9".repeat(1200)));
    same_as_std(&format!("0.{}1", "0".repeat(5000)));
    same_as_std(&format!("{}.5", "1".repeat(900)));
}

#[test]
fn midpoints_round_to_even() {
    for x in [
        1.0,
        0.1,
        f64::MAX,
        f64::MIN_POSITIVE,
        5e-324,
        1e-310,
        9007199254740992.0,
        1e300,
        123.456,
    ] {
        same_as_std(&midpoint_text(x));
    }
}

proptest! {
    #[test]
    fn any_f64_printed_any_way_reads_back_as_std(bits in any::<u64>(), prec in 0usize..30) {
        let x = f64::from_bits(bits);
        for s in [format!("{x}"), format!("{x:e}"), format!("{x:.prec$e}"), format!("{x:.prec$}")] {
            same_as_std(&s);
        }
    }

    #[test]
    fn midpoints_of_any_f64(bits in 0u64..0x7FF0_0000_0000_0000) {
        same_as_std(&midpoint_text(f64::from_bits(bits)));
    }

    #[test]
    fn digit_strings(int in "[0-9]{0,30}", frac in proptest::option::of("[0-9]{0,30}"),
                     exp in proptest::option::of(-400i32..400)) {
        let mut s = int;
        if let Some(f) = frac {
            s.push('.');
            s.push_str(&f);
        }
        if let Some(e) = exp {
            s.push_str(&format!("e{e}"));
        }
        same_as_std(&s);
    }

    #[test]
    fn any_text_of_number_characters(s in "[-+0-9.eEinfatyINFATY]{0,24}") {
        same_as_std(&s);
    }
}

#[test]
fn integers_times_large_powers_of_ten() {
    // Clinger's fast path and its "w × 10^(e-22) still exact" extension, at their edges.
    let mut w: u64 = 1;
    for i in 0..4000u64 {
        w = w
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        let digits = 1 + i % 17;
        let n = w % 10u64.pow(digits as u32);
        for e in [-23, -22, 21, 22, 23, 30, 37, 38, 39] {
            same_as_std(&format!("{n}e{e}"));
        }
    }
}

fn big(n: u128) -> Big {
    let mut b = Big::from_u64((n >> 64) as u64).shifted(64);
    let low = Big::from_u64(n as u64);
    // b + low, limb by limb (b's low two limbs are zero).
    for (i, limb) in low.0.iter().enumerate() {
        if i < b.0.len() {
            b.0[i] = *limb;
        } else {
            b.0.push(*limb);
        }
    }
    b
}

#[test]
fn powers_of_five_within_their_bound() {
    // What `Approx::cmp_exact` assumes of every power it is given: 5^n within `slack` units of
    // `m × 2^e`, for every power a number's text can need (|e| < 345 past 19 digits) and more.
    for n in 0..1200u32 {
        let a = Approx::pow5(n);
        assert!(
            a.m >> 127 == 1 && a.err < 64,
            "5^{n}: m {:x}, err {}",
            a.m,
            a.err
        );
        let mut exact = Big::from_u64(1);
        exact.mul_pow5(n);
        let (lo, hi) = (big(a.m - a.slack()), big(a.m + a.slack()));
        let (lo, hi, exact) = if a.e >= 0 {
            (lo.shifted(a.e as u32), hi.shifted(a.e as u32), exact)
        } else {
            (lo, hi, exact.shifted((-a.e) as u32))
        };
        assert!(lo <= exact && exact <= hi, "5^{n} outside its bound");
    }
}

proptest! {
    #[test]
    fn approximate_comparisons_agree_with_exact_ones(w in 1u64..10_000_000_000_000_000_000,
                                                     e in -345i64..310, d in -2i64..=2) {
        let digits: Vec<u8> = w.to_string().bytes().map(|c| c - b'0').collect();
        let exact = Midpoints::new(&digits, e);
        let x = (estimate(w, e) as i64 + d).clamp(0, INF_BITS as i64 - 1) as u64;
        let (odd, p) = midpoint_above(x);
        if let Some(o) = Scaled::new(e).value_vs_midpoint(w, odd, p) {
            prop_assert_eq!(o, exact.value_vs_midpoint_above(x), "{}e{} against {:x}", w, e, x);
        }
    }
}
