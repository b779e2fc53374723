//! The technical rating on whole series: hand-worked warm-up, clear trends, and the real XRP
//! sample; streaming and batch results agree.

use barfinex_ta::rating::{technical_rating, Label, Rules, TechnicalRating};
use barfinex_ta::series::{Bar, Candles};

fn bar(i: i64, close: f64, spread: f64) -> Bar {
    Bar {
        time: i * 3_600_000,
        open: close,
        high: close + spread,
        low: close - spread,
        close,
        volume: 1000.0 + i as f64,
    }
}

#[test]
fn the_first_bar_has_only_the_votes_pine_can_cast() {
    // Bar 0: Pine's ta.ema is seeded with the first close, so the six EMAs equal the close and
    // vote 0; the MACD (EMA-based) is 0 against a signal of 0; the Stochastic RSI and Bull/Bear
    // Power votes only need EMA 50 to exist. Everything else lacks history.
    let r = technical_rating(
        &Candles::from_bars(&[bar(0, 100.0, 1.0)]),
        false,
        Rules::LibraryV3,
    )
    .unwrap();
    let d = r.last.unwrap();
    let present: Vec<(&str, i8)> = d
        .votes
        .iter()
        .filter_map(|v| v.vote.map(|x| (v.name, x)))
        .collect();
    assert_eq!(
        present,
        [
            ("EMA10", 0),
            ("EMA20", 0),
            ("EMA30", 0),
            ("EMA50", 0),
            ("EMA100", 0),
            ("EMA200", 0),
            ("MACD", 0),
            ("StochRSI", 0),
            ("BBPower", 0)
        ]
    );
    assert_eq!((d.ma.buy, d.ma.neutral, d.ma.sell), (0, 6, 0));
    assert_eq!((d.other.buy, d.other.neutral, d.other.sell), (0, 3, 0));
    assert_eq!((d.total, d.label), (Some(0.0), Some(Label::Neutral)));
}

/// The bar each vote is first cast on, over a 260-bar wave.
fn first_votes(rules: Rules) -> std::collections::HashMap<&'static str, usize> {
    let bars: Vec<Bar> = (0..260)
        .map(|i| bar(i, 100.0 + (i as f64 * 0.3).sin() * 5.0, 1.0))
        .collect();
    let mut r = TechnicalRating::with_rules(rules);
    let mut first = std::collections::HashMap::new();
    for (i, b) in bars.iter().enumerate() {
        r.update(b).unwrap();
        for v in r.detail().votes {
            if v.vote.is_some() {
                first.entry(v.name).or_insert(i);
            }
        }
    }
    first
}

#[test]
fn warm_up_lengths_follow_pine() {
    let first = first_votes(Rules::LibraryV3);
    // SMA n: n − 1; RSI: first at 14, vote needs rsi[1] → 15; Stoch: %K 13, smoothed 15, %D 17,
    // vote needs d[1] → 18; CCI 19 → 20; ADX: first DX at 14, ADX at 27; AO 33 → 34; Mom 10 → 11;
    // W%R 13 → 14; UO needs close[1] and 28 values → 28; HMA 9: 8 + 2 = 10; VWMA 19; Ichimoku
    // span B at 51.
    let expect = [
        ("SMA10", 9),
        ("SMA200", 199),
        ("HMA9", 10),
        ("VWMA20", 19),
        ("Ichimoku", 51),
        ("RSI14", 15),
        ("Stoch14", 18),
        ("CCI20", 20),
        ("ADX14", 27),
        ("AO", 34),
        ("Mom10", 11),
        ("W%R14", 14),
        ("UO", 28),
    ];
    for (name, at) in expect {
        assert_eq!(first[name], at, "{name}");
    }
}

#[test]
fn clear_trends_give_strong_labels() {
    // A convex uptrend: every close is above every average, momentum rises.
    let up: Vec<Bar> = (0..400)
        .map(|i| bar(i, 100.0 * 1.002f64.powi(i as i32), 0.2))
        .collect();
    let d = technical_rating(&Candles::from_bars(&up), false, Rules::LibraryV3)
        .unwrap()
        .last
        .unwrap();
    assert_eq!((d.ma.buy, d.ma.sell), (15, 0), "{:?}", d.votes);
    assert_eq!(d.label, Some(Label::StrongBuy));
    // An accelerating decline (concave), so that the Hull MA, which extrapolates, stays above
    // the close too. (In a decelerating decline it undershoots and votes buy: that is the rule.)
    let down: Vec<Bar> = (0..400)
        .map(|i| bar(i, 200.0 - 0.0005 * (i * i) as f64, 0.2))
        .collect();
    let d = technical_rating(&Candles::from_bars(&down), false, Rules::LibraryV3)
        .unwrap()
        .last
        .unwrap();
    assert_eq!((d.ma.buy, d.ma.sell), (0, 15), "{:?}", d.votes);
    assert_eq!(d.label, Some(Label::StrongSell));
}

#[test]
fn a_long_decline_then_an_uptick_fires_the_oversold_buys() {
    // 80 falling bars, then one bar up: RSI, Stochastic and W%R are oversold and turning up, so
    // each buys; the moving averages still sell. (The Stochastic RSI is na here: a steady
    // decline holds RSI at exactly 0, a zero range; its rule is covered in rating::votes.)
    let mut bars: Vec<Bar> = (0..80).map(|i| bar(i, 200.0 - i as f64, 0.5)).collect();
    bars.push(bar(80, 121.0 + 0.6, 0.5));
    let d = technical_rating(&Candles::from_bars(&bars), false, Rules::LibraryV3)
        .unwrap()
        .last
        .unwrap();
    let vote = |n: &str| d.votes.iter().find(|v| v.name == n).and_then(|v| v.vote);
    for name in ["RSI14", "Stoch14", "W%R14"] {
        assert_eq!(vote(name), Some(1), "{name}: {:?}", d.votes);
    }
    assert_eq!(vote("SMA50"), Some(-1));
    // And the mirror image sells.
    let mut bars: Vec<Bar> = (0..80).map(|i| bar(i, 100.0 + i as f64, 0.5)).collect();
    bars.push(bar(80, 179.0 - 0.6, 0.5));
    let d = technical_rating(&Candles::from_bars(&bars), false, Rules::LibraryV3)
        .unwrap()
        .last
        .unwrap();
    let vote = |n: &str| d.votes.iter().find(|v| v.name == n).and_then(|v| v.vote);
    for name in ["RSI14", "Stoch14", "W%R14"] {
        assert_eq!(vote(name), Some(-1), "{name}: {:?}", d.votes);
    }
}

#[test]
fn every_bar_scores_equal_the_streaming_scores() {
    let bars: Vec<Bar> = (0..300)
        .map(|i| {
            bar(
                i,
                50.0 + (i as f64 * 0.07).sin() * 10.0 + i as f64 * 0.02,
                0.7,
            )
        })
        .collect();
    let series = technical_rating(&Candles::from_bars(&bars), true, Rules::LibraryV3)
        .unwrap()
        .every_bar
        .unwrap();
    let mut r = TechnicalRating::with_rules(Rules::LibraryV3);
    for (i, b) in bars.iter().enumerate() {
        let s = r.update(b).unwrap();
        for (a, e) in [
            (s.total, series.total[i]),
            (s.ma, series.ma[i]),
            (s.other, series.other[i]),
        ] {
            assert!(a == e || (a.is_nan() && e.is_nan()), "bar {i}");
        }
    }
}

#[test]
fn the_real_xrp_sample_rates_without_gaps_after_warm_up() {
    let path = format!(
        "{}/../tests/fixtures/real/xrpusdt-perp-1h-ohlcv.json",
        env!("CARGO_MANIFEST_DIR")
    );
    let rows: Vec<[f64; 6]> =
        serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    let bars: Vec<Bar> = rows.iter().map(|r| Bar::from_row(*r)).collect();
    let d = technical_rating(&Candles::from_bars(&bars), false, Rules::LibraryV3)
        .unwrap()
        .last
        .unwrap();
    // 100 bars: everything but SMA100/SMA200 (which need 100 and 200 bars) votes.
    let absent: Vec<&str> = d
        .votes
        .iter()
        .filter(|v| v.vote.is_none())
        .map(|v| v.name)
        .collect();
    assert_eq!(absent, ["SMA200"]);
    assert_eq!(d.ma.buy + d.ma.neutral + d.ma.sell, 14);
    assert_eq!(d.other.buy + d.other.neutral + d.other.sell, 11);
    assert!(d.total.is_some());
}

#[test]
fn empty_series_has_no_rating() {
    assert_eq!(
        technical_rating(&Candles::default(), false, Rules::LibraryV3)
            .unwrap()
            .last,
        None
    );
}

#[test]
fn the_scanners_warm_ups_follow_its_guards() {
    let first = first_votes(Rules::TradingView);
    // Stoch(8, 3, 3): raw %K at 7, %K 9, %D 11, and %K[1], %D[1] → 12. Stochastic RSI: RSI from
    // 14, 14 of them at 27, %K 29, %D 31, with [1] → 32. Bull/Bear Power needs [1] → 1.
    // Ichimoku: both leads and close[1] → 51. The rest as in the library.
    let expect = [
        ("Ichimoku", 51),
        ("RSI14", 15),
        ("Stoch8", 12),
        ("CCI20", 20),
        ("ADX14", 27),
        ("W%R14", 14),
        ("StochRSI", 32),
        ("BBPower", 1),
        ("UO", 28),
    ];
    for (name, at) in expect {
        assert_eq!(first[name], at, "{name}");
    }
}
