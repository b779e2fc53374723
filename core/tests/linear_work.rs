//! The O(n) breakout search and rolling statistics give what the direct O(n·window) definitions
//! give (kept here as the reference: they are what `pattern.rs` and `derive.rs` did before).

use barfinex_core::series::{Candles, Series};
use barfinex_core::signals::{
    eval_series, find_breakout, Breakout, BreakoutParams, Derive, Field, Input, Retest, SeriesExpr,
    SeriesSet, Side,
};
use proptest::prelude::*;

fn reference(c: &Candles, p: &BreakoutParams) -> Option<(Breakout, Retest)> {
    let n = c.len();
    let first = p.lookback.max(p.volume_window);
    if n <= first {
        return None;
    }
    let start = first.max(n.saturating_sub(p.within));
    let mut found = vec![];
    for b in start..n {
        let avg = c.volume[b - p.volume_window..b].iter().sum::<f64>() / p.volume_window as f64;
        let ratio = if avg > 0.0 { c.volume[b] / avg } else { 0.0 };
        if ratio < p.volume_factor {
            continue;
        }
        let hi = c.high[b - p.lookback..b]
            .iter()
            .copied()
            .fold(f64::MIN, f64::max);
        let lo = c.low[b - p.lookback..b]
            .iter()
            .copied()
            .fold(f64::MAX, f64::min);
        let up = c.close[b] > hi && p.side != Side::Down;
        let down = c.close[b] < lo && p.side != Side::Up;
        if !(up || down) {
            continue;
        }
        let k = Breakout {
            bar: b,
            up,
            level: if up { hi } else { lo },
            volume_ratio: ratio,
        };
        let tol = p.tolerance;
        let touch = (b + 1..n).find(|&r| {
            if up {
                c.low[r] <= k.level * (1.0 + tol)
            } else {
                c.high[r] >= k.level * (1.0 - tol)
            }
        });
        let r = match touch {
            None => Retest::Awaiting,
            Some(r) => {
                let closes = &c.close[r..];
                let (w, held) = if up {
                    let w = closes.iter().copied().fold(f64::MAX, f64::min);
                    (w, w >= k.level * (1.0 - tol))
                } else {
                    let w = closes.iter().copied().fold(f64::MIN, f64::max);
                    (w, w <= k.level * (1.0 + tol))
                };
                Retest::Seen {
                    bar: r,
                    lower_volume: c.volume[r] < c.volume[b],
                    worst_close: w,
                    held,
                }
            }
        };
        found.push((k, r));
    }
    let complete = |r: &Retest| {
        matches!(
            r,
            Retest::Seen {
                lower_volume: true,
                held: true,
                ..
            }
        )
    };
    let i = found
        .iter()
        .rposition(|(_, r)| complete(r))
        .or(found.len().checked_sub(1))?;
    found.get(i).copied()
}

/// Candles from integer steps, so prices repeat and levels are touched exactly, with volumes
/// that spike now and then.
fn candles() -> impl Strategy<Value = Candles> {
    prop::collection::vec((-3i32..=3, 0u8..4, 0u8..4, 1u32..6), 5..160).prop_map(|rows| {
        let mut c = Candles::default();
        let mut close = 100.0;
        for (i, (step, up, down, vol)) in rows.into_iter().enumerate() {
            let open = close;
            close += f64::from(step);
            c.time.push(i as i64);
            c.open.push(open);
            c.high.push(open.max(close) + f64::from(up));
            c.low.push(open.min(close) - f64::from(down));
            c.close.push(close);
            c.volume.push(f64::from(vol * vol));
        }
        c
    })
}

fn params() -> impl Strategy<Value = BreakoutParams> {
    (
        2usize..30,
        1usize..30,
        prop::sample::select(vec![0.0, 1.0, 1.5, 3.0]),
        prop::sample::select(vec![0.0, 0.01, 0.05]),
        2usize..200,
        prop::sample::select(vec![Side::Up, Side::Down, Side::Either]),
    )
        .prop_map(
            |(lookback, volume_window, volume_factor, tolerance, within, side)| BreakoutParams {
                lookback,
                volume_window,
                volume_factor,
                tolerance,
                within,
                side,
            },
        )
}

fn naive_rolling(op: Derive, x: &[f64], p: usize) -> Vec<Option<f64>> {
    // Two-pass; a window of equal values has exactly its value as mean and no spread.
    let msd = |w: &[f64]| {
        if w.iter().all(|v| *v == w[0]) {
            return (w[0], 0.0);
        }
        let n = w.len() as f64;
        let m = w.iter().sum::<f64>() / n;
        (
            m,
            (w.iter().map(|v| (v - m) * (v - m)).sum::<f64>() / n).sqrt(),
        )
    };
    (0..x.len())
        .map(|i| match op {
            Derive::Stdev if i + 1 >= p => Some(msd(&x[i + 1 - p..=i]).1),
            Derive::Zscore if i >= p => {
                let (m, sd) = msd(&x[i - p..i]);
                Some(if sd > 0.0 {
                    ((x[i] - m) / sd).clamp(-1e6, 1e6)
                } else if x[i] == m {
                    0.0
                } else {
                    1e6 * (x[i] - m).signum()
                })
            }
            _ => None,
        })
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn breakout_search_equals_the_definition(c in candles(), p in params()) {
        prop_assert_eq!(find_breakout(&c, &p), reference(&c, &p));
    }

    /// Derived stdev and z-score series equal the direct definition (1e-9 of the spread; exactly
    /// on flat stretches, which the integer steps make common).
    #[test]
    fn rolling_statistics_equal_the_definition(
        steps in prop::collection::vec(-2i32..=2, 2..200),
        scale in prop::sample::select(vec![1e-5, 1.0, 1e6]),
        period in 2usize..40,
        zscore in any::<bool>(),
    ) {
        let mut v = 0.0001;
        let value: Vec<f64> = steps.iter().map(|s| { v += f64::from(*s) * scale; v }).collect();
        let time = (0..value.len() as i64).collect();
        let mut set = SeriesSet::new();
        set.insert("x".into(), Input::points(Series { time, value: value.clone() }, "test"));
        let op = if zscore { Derive::Zscore } else { Derive::Stdev };
        let expr = SeriesExpr::Derived {
            op,
            of: Box::new(SeriesExpr::Named { name: "x".into(), field: Field::Value }),
            period,
            by: None,
        };
        let got = eval_series(&expr, &set).map_err(|e| TestCaseError::fail(format!("{e:?}")))?;
        let want: Vec<(i64, f64)> = naive_rolling(op, &value, period)
            .into_iter()
            .enumerate()
            .filter_map(|(i, x)| Some((i as i64, x?)))
            .collect();
        prop_assert_eq!(got.len(), want.len());
        for ((t, g), (tw, w)) in got.time.iter().zip(&got.value).zip(want) {
            prop_assert_eq!(*t, tw);
            let tol = if zscore { 1e-6 * w.abs().max(1.0) } else { 1e-9 * scale * 4.0 * period as f64 };
            prop_assert!((g - w).abs() <= tol, "at {}: {} vs {}", t, g, w);
        }
    }
}

#[test]
fn a_long_series_with_a_wide_window_is_linear_work() {
    // 400,000 bars and windows of 100,000: the definitions above take ~10^10 steps here, so this
    // test is what would hang if the search went back to rescanning each window.
    let n = 400_000;
    let mut c = Candles::default();
    for i in 0..n {
        let x = 100.0 + i as f64 * 0.01;
        c.time.push(i as i64);
        c.open.push(x);
        c.high.push(x + 0.001);
        c.low.push(x - 0.001);
        c.close.push(x);
        c.volume.push(if i % 997 == 0 { 50.0 } else { 1.0 });
    }
    let p = BreakoutParams {
        lookback: 100_000,
        volume_window: 100_000,
        volume_factor: 1.5,
        tolerance: 0.0,
        within: n,
        side: Side::Either,
    };
    // Every volume spike on the steady rise is a breakout that is never retested: the latest
    // one is reported.
    let (k, r) = find_breakout(&c, &p).expect("a breakout");
    assert_eq!(
        (k.bar, k.up, r),
        ((n - 1) / 997 * 997, true, Retest::Awaiting)
    );
}
