//! Where the two rule sets differ, one hand-worked fixture each (at most 30 bars, but for the
//! Ichimoku, whose lines need 52): the bars are built so the vote follows from a few lines of
//! arithmetic, written beside them. The literal readings of both sources are compared bar by
//! bar elsewhere (`scanner_reference.rs`, `rating::reference`).

use barfinex_ta::rating::{technical_rating, RatingDetail, Rules, TechnicalRating};
use barfinex_ta::series::{Bar, Candles};

fn bar(i: usize, high: f64, low: f64, close: f64) -> Bar {
    Bar {
        time: i as i64 * 3_600_000,
        open: close,
        high,
        low,
        close,
        volume: 1.0,
    }
}

fn last(bars: &[Bar], rules: Rules) -> RatingDetail {
    technical_rating(&Candles::from_bars(bars), false, rules)
        .expect("valid bars")
        .last
        .expect("bars")
}

/// (vote, value) of `name`.
fn vote(d: &RatingDetail, name: &str) -> (Option<i8>, f64) {
    let v = d
        .votes
        .iter()
        .find(|v| v.name == name)
        .unwrap_or_else(|| panic!("{name}"));
    (v.vote, v.value)
}

fn near(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-9 * a.abs().max(1.0)
}

#[test]
fn the_first_bar_votes_only_where_the_scanner_guard_allows() {
    // Bar 0: the EMAs equal the close (vote 0) and MACD is 0 against 0. The library also casts
    // Stochastic RSI and Bull/Bear Power (it guards on EMA 50 only); the scanner guards them on
    // their own values and previous values, which do not exist yet.
    let b = [bar(0, 101.0, 99.0, 100.0)];
    let cast = |rules| {
        last(&b, rules)
            .votes
            .iter()
            .filter(|v| v.vote.is_some())
            .map(|v| v.name)
            .collect::<Vec<_>>()
    };
    let emas = ["EMA10", "EMA20", "EMA30", "EMA50", "EMA100", "EMA200"];
    assert_eq!(cast(Rules::TradingView), [&emas[..], &["MACD"]].concat());
    assert_eq!(
        cast(Rules::LibraryV3),
        [&emas[..], &["MACD", "StochRSI", "BBPower"]].concat()
    );
}

#[test]
fn cci_reads_hlc3_in_the_scanner() {
    // Closes stay at 100; bars 0–19 span 99–101 (hlc3 = 100), bar 20 spans 94–100 (hlc3 = 98),
    // bar 21 spans 95.5–100 (hlc3 = 98.5).
    // Library, CCI(close): the 20 closes are equal, the deviation 0, CCI na: no vote.
    // Scanner, CCI(hlc3) on bar 21: window bars 2–21 = 18 × 100, 98, 98.5; mean 99.825;
    // deviation (18 × 0.175 + 1.825 + 1.325)/20 = 0.315; CCI = (98.5 − 99.825)/(0.015 × 0.315)
    // = −280.42. On bar 20: mean 99.9, deviation 0.19, CCI = −1.9/0.00285 = −666.67.
    // −280.42 < −100 and above −666.67: buy.
    let mut b: Vec<Bar> = (0..20).map(|i| bar(i, 101.0, 99.0, 100.0)).collect();
    b.push(bar(20, 100.0, 94.0, 100.0));
    b.push(bar(21, 100.0, 95.5, 100.0));
    let (v, cci) = vote(&last(&b, Rules::TradingView), "CCI20");
    assert_eq!(v, Some(1));
    assert!(near(cci, -1.325 / (0.015 * 0.315)), "{cci}");
    assert_eq!(vote(&last(&b, Rules::LibraryV3), "CCI20").0, None);
}

#[test]
fn the_scanner_votes_stochastic_8_3_3() {
    // Bars 0–27 span 95–105 and close at 100 (bar 15 dips to 50); bars 21–27 close at 95.5,
    // bar 28 at 96.5. 29 bars.
    // Scanner, Stoch(8): the 8-bar windows from bar 23 on miss bar 15, range 95–105: raw %K is
    // 5 (close 95.5) and 15 (bar 28); %K(28) = (5 + 5 + 15)/3 = 8.33, %D(28) = (5 + 5 + 8.33)/3
    // = 6.11; %K[1] = %D[1] = 5. Both under 20, %K above %D: buy.
    // Library, Stoch(14): every window from bar 14 on holds bar 15's 50: raw %K = 45.5/55 = 82.7
    // (close 95.5), 46.5/55 = 84.5 on bar 28; %K(28) = 83.33 above %D(28) = 82.93: above 80
    // but %K not under %D: neutral.
    let mut b: Vec<Bar> = (0..29).map(|i| bar(i, 105.0, 95.0, 100.0)).collect();
    b[15].low = 50.0;
    for x in &mut b[21..28] {
        x.close = 95.5;
    }
    b[28].close = 96.5;
    let (v, k) = vote(&last(&b, Rules::TradingView), "Stoch8");
    assert_eq!(v, Some(1));
    assert!(near(k, 25.0 / 3.0), "{k}");
    let (v, k) = vote(&last(&b, Rules::LibraryV3), "Stoch14");
    assert_eq!(v, Some(0));
    assert!(near(k, (45.5 + 45.5 + 46.5) / 55.0 * 100.0 / 3.0), "{k}");
}

#[test]
fn the_scanners_dmi_starts_its_directional_averages_at_the_first_bar() {
    // Bars of range 2 (high = mid + 1, low = mid − 1, close = mid), the mid moving by 1: 7 bars
    // down, 12 up, 3 down, 6 up. Every true range is 2 and each move is +DM 1 or −DM 1, so the
    // DI lines are 50 × the Wilder average of a 0/1 sequence and ADX follows exactly.
    // `ta.dmi` (library) averages +DM/−DM from bar 1; the scanner's `dirmov` also takes bar 0
    // as 0 (no `na(up) ? na :`), seeding over bars 0–13. Computed in exact fractions:
    // library ADX 18.1343 (bar 27), 19.6253 (bar 28): rising but under 20, neutral;
    // scanner ADX 19.2187, 20.7125, +DI 34.21 > −DI 14.62: buy.
    let moves = [vec![-1.0; 7], vec![1.0; 12], vec![-1.0; 3], vec![1.0; 6]].concat();
    let mut mid = 100.0;
    let mut b = vec![bar(0, mid + 1.0, mid - 1.0, mid)];
    for (i, m) in moves.iter().enumerate() {
        mid += m;
        b.push(bar(i + 1, mid + 1.0, mid - 1.0, mid));
    }
    assert_eq!(b.len(), 29);
    let (v, adx) = vote(&last(&b, Rules::TradingView), "ADX14");
    assert_eq!(v, Some(1));
    assert!(near(adx, 20.71250142946453), "{adx}");
    let (v, adx) = vote(&last(&b, Rules::LibraryV3), "ADX14");
    assert_eq!(v, Some(0));
    assert!(near(adx, 19.625305609279813), "{adx}");
}

#[test]
fn williams_r_is_not_cast_on_a_zero_range_in_the_scanner() {
    // Bars 0–14 alternate between two ranges; bars 15–28 are flat at 100 (14 bars). On bar 28
    // the 14-bar range is 0: %R is na. Its previous value (window 14–27, holding bar 14) exists.
    // The library guards on %R[1] only and votes neutral; the scanner guards both: no vote.
    let mut b: Vec<Bar> = (0..15)
        .map(|i| {
            if i % 2 == 0 {
                bar(i, 104.0, 96.0, 100.0)
            } else {
                bar(i, 103.0, 97.0, 101.0)
            }
        })
        .collect();
    b.extend((15..29).map(|i| bar(i, 100.0, 100.0, 100.0)));
    assert_eq!(vote(&last(&b, Rules::LibraryV3), "W%R14").0, Some(0));
    assert_eq!(vote(&last(&b, Rules::TradingView), "W%R14").0, None);
}

#[test]
fn the_scanners_ichimoku_compares_lines_of_the_same_bar_and_so_never_buys_or_sells() {
    // More than 30 bars: the 52-bar line exists from bar 51 on. A steady uptrend (close = 100 +
    // i, range ±1): conversion = close − 4, base = close − 12.5, Lead1 = their mean = close −
    // 8.25, Lead2 = close − 25.5.
    // Scanner: `Base > Lead1 and Conversion > Base` cannot both hold, since Lead1 is the mean
    // of the two: neutral from bar 51 on, whatever the market.
    // Library: the leads of 26 bars back (close − 34.25 and close − 51.5, from bar 77) are below
    // the base, the conversion above it, the close above that: buy.
    let b: Vec<Bar> = (0..100)
        .map(|i| bar(i, 101.0 + i as f64, 99.0 + i as f64, 100.0 + i as f64))
        .collect();
    assert_eq!(
        vote(&last(&b[..51], Rules::TradingView), "Ichimoku").0,
        None
    );
    assert_eq!(
        vote(&last(&b[..52], Rules::TradingView), "Ichimoku").0,
        Some(0)
    );
    assert_eq!(vote(&last(&b, Rules::TradingView), "Ichimoku").0, Some(0));
    assert_eq!(vote(&last(&b, Rules::LibraryV3), "Ichimoku").0, Some(1));
    // And on a random walk it is never ±1 in the scanner's rule set.
    let mut r = TechnicalRating::with_rules(Rules::TradingView);
    for (i, x) in (0..2000)
        .map(|i| 100.0 + (i as f64 * 0.05).sin() * 20.0 + (i as f64 * 0.31).cos() * 3.0)
        .enumerate()
    {
        r.update(&bar(i, x + 1.0, x - 1.0, x)).unwrap();
        assert!(matches!(r.detail().votes[14].vote, None | Some(0)));
    }
}
