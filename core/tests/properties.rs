//! Property tests over random series: no panics, one output per bar, no look-ahead (a prefix's
//! result is the prefix of the whole result, i.e. batch and streaming agree), clear errors for
//! bad input.

use barfinex_core::indicators::{indicator, IndicatorError, Params, NAMES};
use barfinex_core::rating::{technical_rating, TechnicalRating};
use barfinex_core::series::{Bar, Candles, SeriesError};
use proptest::prelude::*;

fn candles_strategy(max: usize) -> impl Strategy<Value = Candles> {
    prop::collection::vec(
        (-1.0e3f64..1.0e3, 0.0f64..50.0, 0.0f64..1.0e6, 1i64..10_000),
        0..max,
    )
    .prop_map(|rows| {
        let mut t = 0;
        let bars: Vec<Bar> = rows
            .into_iter()
            .map(|(close, spread, volume, gap)| {
                t += gap; // gaps of any size, never zero
                Bar {
                    time: t,
                    open: close,
                    high: close + spread,
                    low: close - spread,
                    close,
                    volume,
                }
            })
            .collect();
        Candles::from_bars(&bars)
    })
}

fn same(a: f64, b: f64) -> bool {
    a.to_bits() == b.to_bits() || (a.is_nan() && b.is_nan())
}

fn prefix(c: &Candles, n: usize) -> Candles {
    Candles::from_bars(&c.bars().take(n).collect::<Vec<_>>())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn indicators_are_causal_and_total(c in candles_strategy(300), cut in 0usize..300) {
        let cut = cut.min(c.len());
        let head = prefix(&c, cut);
        for name in NAMES {
            let full = indicator(name, &Params::new(), &c).unwrap();
            let part = indicator(name, &Params::new(), &head).unwrap();
            for (fc, pc) in full.columns.iter().zip(&part.columns) {
                prop_assert_eq!(fc.values.len(), c.len());
                for i in 0..cut {
                    prop_assert!(same(fc.values[i], pc.values[i]), "{} {}[{}]", name, fc.name, i);
                }
            }
        }
    }

    #[test]
    fn the_rating_is_causal_and_total(c in candles_strategy(400), cut in 0usize..400) {
        let cut = cut.min(c.len());
        let full = technical_rating(&c, true, Default::default()).unwrap().every_bar.unwrap();
        let part = technical_rating(&prefix(&c, cut), true, Default::default()).unwrap();
        let ps = part.every_bar.unwrap();
        for i in 0..cut {
            prop_assert!(same(full.total[i], ps.total[i]) && same(full.ma[i], ps.ma[i]) && same(full.other[i], ps.other[i]));
        }
        if let Some(last) = part.last {
            prop_assert!(same(last.total.unwrap_or(f64::NAN), full.total[cut - 1]));
            if let Some(t) = last.total { prop_assert!((-1.0..=1.0).contains(&t)); }
        }
    }

    #[test]
    fn the_rating_fed_in_blocks_is_the_rating_in_one_piece(c in candles_strategy(400), size in 1usize..64, bad in prop::option::of(0usize..400)) {
        let whole = technical_rating(&c, true, Default::default()).unwrap();
        let s = whole.every_bar.unwrap();
        let mut state = TechnicalRating::new();
        let mut totals = Vec::new();
        let bars: Vec<Bar> = c.bars().collect();
        for (k, block) in bars.chunks(size).enumerate() {
            let mut block = Candles::from_bars(block);
            // A bad bar in a block refuses the block, with the stream's index, and changes nothing.
            if let Some(at) = bad.filter(|&at| at / size == k && at < bars.len()) {
                let before = format!("{:?}", state.detail()); // NaN values: compared as text
                block.close[at % size] = f64::NAN;
                prop_assert_eq!(state.extend(&block), Err(SeriesError::NotFinite { column: "close", index: at }));
                prop_assert_eq!(format!("{:?}", state.detail()), before);
                block.close[at % size] = bars[at].close;
            }
            let mut scores = Vec::new();
            state.extend_scores(&block, &mut scores).unwrap();
            totals.extend(scores.iter().map(|x| x.total));
        }
        prop_assert_eq!(totals.len(), c.len());
        for (i, t) in totals.iter().enumerate() {
            prop_assert!(same(*t, s.total[i]), "bar {}", i);
        }
        prop_assert_eq!(format!("{:?}", whole.last), format!("{:?}", (!c.is_empty()).then(|| state.detail())));
        // A block that does not follow the last bar taken is refused.
        if let Some(last) = bars.last() {
            let again = Candles::from_bars(&[*last]);
            prop_assert_eq!(state.extend(&again), Err(SeriesError::NotAscending { index: c.len(), time: last.time, previous: last.time }));
        }
    }

    #[test]
    fn non_finite_values_are_refused_with_their_place(c in candles_strategy(50), at in 0usize..50, which in 0usize..5, v in prop::sample::select(vec![f64::NAN, f64::INFINITY, f64::NEG_INFINITY])) {
        prop_assume!(!c.is_empty());
        let at = at % c.len();
        let mut c = c;
        let col = [&mut c.open, &mut c.high, &mut c.low, &mut c.close, &mut c.volume];
        let names = ["open", "high", "low", "close", "volume"];
        col.into_iter().nth(which).unwrap()[at] = v;
        prop_assert_eq!(c.check(), Err(SeriesError::NotFinite { column: names[which], index: at }));
        prop_assert!(matches!(indicator("sma", &Params::new(), &c), Err(IndicatorError::Series(_))));
        prop_assert!(technical_rating(&c, false, Default::default()).is_err());
    }
}

#[test]
fn unsorted_and_duplicate_times_are_refused() {
    let mut c = Candles::from_bars(&[
        Bar {
            time: 1,
            open: 1.0,
            high: 1.0,
            low: 1.0,
            close: 1.0,
            volume: 1.0,
        },
        Bar {
            time: 2,
            open: 1.0,
            high: 1.0,
            low: 1.0,
            close: 1.0,
            volume: 1.0,
        },
    ]);
    c.time[1] = 1;
    let e = c.check().unwrap_err();
    assert_eq!(
        e.to_string(),
        "time[1] = 1 is not after time[0] = 1 (bars must be sorted, without duplicates)"
    );
    c.time[1] = 0;
    assert!(matches!(
        c.check(),
        Err(SeriesError::NotAscending { index: 1, .. })
    ));
    c.close.pop();
    assert_eq!(
        c.check(),
        Err(SeriesError::Ragged {
            column: "time",
            len: 2,
            expected: 1
        })
    );
}

#[test]
fn bad_periods_and_names_are_clear_errors() {
    let c = Candles::from_bars(&[Bar {
        time: 1,
        open: 1.0,
        high: 2.0,
        low: 0.5,
        close: 1.5,
        volume: 3.0,
    }]);
    let e = |name: &str, p: Params| indicator(name, &p, &c).unwrap_err().to_string();
    assert_eq!(
        e("sma", Params::new().with("timeperiod", 0.0)),
        "sma: timeperiod = 0 is out of range (1 to 100000)"
    );
    assert_eq!(
        e("rsi", Params::new().with("timeperiod", 2.5)),
        "rsi: timeperiod = 2.5 is not a whole number"
    );
    assert_eq!(
        e("sma", Params::new().with("period", 3.0)),
        "sma: unknown parameter \"period\" (known: timeperiod)"
    );
    assert!(e("smaa", Params::new()).starts_with("unknown indicator \"smaa\" (known: sma, ema,"));
    // A period longer than the series is not an error: every value is still warming up.
    let out = indicator("sma", &Params::new().with("timeperiod", 5.0), &c).unwrap();
    assert!(out.columns[0].values[0].is_nan());
    // One bar, empty series.
    for name in NAMES {
        assert_eq!(
            indicator(name, &Params::new(), &c).unwrap().columns[0]
                .values
                .len(),
            1
        );
        assert_eq!(
            indicator(name, &Params::new(), &Candles::default())
                .unwrap()
                .columns[0]
                .values
                .len(),
            0
        );
    }
}

#[test]
fn inputs_over_the_limit_are_refused_before_any_work() {
    let n = barfinex_core::series::MAX_BARS + 1;
    let c = Candles {
        time: (0..n as i64).collect(),
        open: vec![1.0; n],
        high: vec![1.0; n],
        low: vec![1.0; n],
        close: vec![1.0; n],
        volume: vec![1.0; n],
    };
    assert_eq!(c.check(), Err(SeriesError::TooLong { bars: n }));
    assert!(technical_rating(&c, true, Default::default()).is_err());
}
