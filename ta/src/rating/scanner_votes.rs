//! The vote rules where TradingView's scanner script differs from the library's (`super::votes`):
//! the rating block of `links/common.pine.link` in `tradingview/scanner_data` at commit ed0ed9c4
//! (2025-09-22; lines cited per rule). Each vote is cast only when every value its `if not(na(…))`
//! guard names exists, as written there; the rules the two share (the moving averages, RSI,
//! AO, Momentum, MACD, UO) come from `super::votes`, whose guards are the same on every bar.
//! Branch-free like `super::votes`.

use super::votes::{rule, Vote};

/// `!na(x)` for every value.
#[inline]
fn all<const N: usize>(xs: [f64; N]) -> bool {
    xs.iter().fold(true, |ok, x| ok & !x.is_nan())
}

/// Ichimoku, lines 503–504: the lead lines as computed on this bar (not 26 bars back):
/// `lead1 > lead2 and base > lead1 and conversion > base and close > conversion`, the mirror
/// for sell; guarded by both leads, both lines, `close` and `close[1]` (`has_previous`).
#[inline]
pub(crate) fn ichimoku(
    lead1: f64,
    lead2: f64,
    base: f64,
    conversion: f64,
    close: f64,
    has_previous: bool,
) -> Vote {
    rule(
        has_previous & all([lead1, lead2, base, conversion, close]),
        (lead1 > lead2) & (base > lead1) & (conversion > base) & (close > conversion),
        (lead1 < lead2) & (base < lead1) & (conversion < base) & (close < conversion),
    )
}

/// Stochastic, lines 517–519 (on Stoch(8, 3, 3), the last value `kStoch`/`dStoch` are given
/// before the block, lines 283–285): `k < 20 and d < 20 and k > d` / `k > 80 and d > 80 and
/// k < d`, guarded by `k`, `d`, `k[1]`, `d[1]`.
#[inline]
pub(crate) fn stoch(k: f64, d: f64, k_1: f64, d_1: f64) -> Vote {
    rule(
        all([k, d, k_1, d_1]),
        (k < 20.0) & (d < 20.0) & (k > d),
        (k > 80.0) & (d > 80.0) & (k < d),
    )
}

/// CCI, lines 521–523 (`CCI = ta.cci(hlc3, 20)`, line 300): `cci < −100 and cci > cci[1]` /
/// `cci > 100 and cci < cci[1]`, guarded by `cci` and `cci[1]`.
#[inline]
pub(crate) fn cci(cci: f64, cci_1: f64) -> Vote {
    rule(
        all([cci, cci_1]),
        (cci < -100.0) & (cci > cci_1),
        (cci > 100.0) & (cci < cci_1),
    )
}

/// ADX, lines 524–526 (the script's own `adx(14, 14)`, lines 175–187): `adx > 20 and adx >
/// adx[1]` and `+DI > −DI` (buy) or `+DI < −DI` (sell), guarded by `adx`, both lines and both
/// lines' previous values (not `adx[1]`: a missing `adx[1]` makes the vote neutral).
#[inline]
pub(crate) fn adx(adx: f64, adx_1: f64, plus: f64, minus: f64, plus_1: f64, minus_1: f64) -> Vote {
    let rising = (adx > 20.0) & (adx > adx_1);
    rule(
        all([adx, plus, minus, plus_1, minus_1]),
        rising & (plus > minus),
        rising & (plus < minus),
    )
}

/// Stochastic RSI, lines 536–538: in a downtrend (`close < EMA50`, lines 442–444) `k < 20 and
/// d < 20 and k > d` buys; in an uptrend `k > 80 and d > 80 and k < d` sells; guarded by `k`,
/// `d`, `k[1]`, `d[1]`.
#[inline]
pub(crate) fn stoch_rsi(price_avg: f64, close: f64, k: f64, d: f64, k_1: f64, d_1: f64) -> Vote {
    let (down, up) = (close < price_avg, close > price_avg);
    rule(
        all([k, d, k_1, d_1]),
        down & (k < 20.0) & (d < 20.0) & (k > d),
        up & (k > 80.0) & (d > 80.0) & (k < d),
    )
}

/// Williams %R, lines 543–545: `wr < −80 and wr > wr[1]` / `wr > −20 and wr < wr[1]`, guarded
/// by `wr` and `wr[1]`.
#[inline]
pub(crate) fn wpr(wr: f64, wr_1: f64) -> Vote {
    rule(
        all([wr, wr_1]),
        (wr < -80.0) & (wr > wr_1),
        (wr > -20.0) & (wr < wr_1),
    )
}

/// Bull/Bear Power, lines 550–552: in an uptrend a negative, rising bear power buys; in a
/// downtrend a positive, falling bull power sells; guarded by both powers and their previous
/// values.
#[inline]
pub(crate) fn bb_power(
    price_avg: f64,
    close: f64,
    bull: f64,
    bull_1: f64,
    bear: f64,
    bear_1: f64,
) -> Vote {
    let (down, up) = (close < price_avg, close > price_avg);
    rule(
        all([bear, bear_1, bull, bull_1]),
        up & (bear < 0.0) & (bear > bear_1),
        down & (bull > 0.0) & (bull < bull_1),
    )
}

#[cfg(test)]
mod tests {
    //! Hand-worked cases: each rule in both directions, and each value of its guard missing.
    use super::*;
    const NA: f64 = f64::NAN;

    #[test]
    fn ichimoku_reads_the_leads_of_this_bar() {
        // lead1 10 > lead2 9, base 11 > 10, conversion 12 > 11, close 13 > 12.
        assert_eq!(ichimoku(10.0, 9.0, 11.0, 12.0, 13.0, true), Some(1));
        assert_eq!(ichimoku(9.0, 10.0, 8.0, 7.0, 6.0, true), Some(-1));
        assert_eq!(ichimoku(10.0, 9.0, 11.0, 12.0, 12.0, true), Some(0));
        // Every guarded value: the library would vote neutral with a missing lead; this is absent.
        assert_eq!(ichimoku(NA, 9.0, 11.0, 12.0, 13.0, true), None);
        assert_eq!(ichimoku(10.0, NA, 11.0, 12.0, 13.0, true), None);
        assert_eq!(ichimoku(10.0, 9.0, NA, 12.0, 13.0, true), None);
        assert_eq!(ichimoku(10.0, 9.0, 11.0, NA, 13.0, true), None);
        assert_eq!(ichimoku(10.0, 9.0, 11.0, 12.0, 13.0, false), None);
    }

    #[test]
    fn stochastic_needs_k_and_d_now_and_before() {
        assert_eq!(stoch(15.0, 10.0, 9.0, 9.0), Some(1));
        assert_eq!(stoch(85.0, 90.0, 91.0, 91.0), Some(-1));
        assert_eq!(stoch(15.0, 21.0, 9.0, 9.0), Some(0));
        // A zero 8-bar range makes k na: absent (the library, guarding d[1] only, votes 0).
        assert_eq!(stoch(NA, 10.0, 9.0, 9.0), None);
        assert_eq!(stoch(15.0, NA, 9.0, 9.0), None);
        assert_eq!(stoch(15.0, 10.0, NA, 9.0), None);
        assert_eq!(stoch(15.0, 10.0, 9.0, NA), None);
    }

    #[test]
    fn cci_wpr_need_both_values() {
        assert_eq!(cci(-120.0, -150.0), Some(1));
        assert_eq!(cci(120.0, 150.0), Some(-1));
        assert_eq!(
            cci(NA, 150.0),
            None,
            "a zero deviation: the library votes 0"
        );
        assert_eq!(cci(120.0, NA), None);
        assert_eq!(wpr(-85.0, -90.0), Some(1));
        assert_eq!(wpr(-15.0, -10.0), Some(-1));
        assert_eq!(
            wpr(NA, -10.0),
            None,
            "a zero 14-bar range: the library votes 0"
        );
        assert_eq!(wpr(-15.0, NA), None);
    }

    #[test]
    fn adx_guards_the_lines_not_the_previous_adx() {
        assert_eq!(adx(25.0, 24.0, 30.0, 10.0, 29.0, 11.0), Some(1));
        assert_eq!(adx(25.0, 24.0, 10.0, 30.0, 11.0, 29.0), Some(-1));
        assert_eq!(adx(25.0, 26.0, 30.0, 10.0, 29.0, 11.0), Some(0), "falling");
        assert_eq!(
            adx(25.0, NA, 30.0, 10.0, 29.0, 11.0),
            Some(0),
            "no adx[1]: neutral"
        );
        assert_eq!(adx(NA, 24.0, 30.0, 10.0, 29.0, 11.0), None);
        assert_eq!(adx(25.0, 24.0, 30.0, 10.0, NA, 11.0), None);
        assert_eq!(adx(25.0, 24.0, 30.0, 10.0, 29.0, NA), None);
    }

    #[test]
    fn stochastic_rsi_and_bull_bear_power_guard_their_oscillators_not_the_trend() {
        assert_eq!(stoch_rsi(100.0, 95.0, 15.0, 10.0, 9.0, 9.0), Some(1));
        assert_eq!(stoch_rsi(100.0, 105.0, 85.0, 90.0, 91.0, 91.0), Some(-1));
        assert_eq!(stoch_rsi(100.0, 105.0, 15.0, 10.0, 9.0, 9.0), Some(0));
        assert_eq!(
            stoch_rsi(100.0, 95.0, NA, NA, 9.0, 9.0),
            None,
            "the library votes 0"
        );
        assert_eq!(stoch_rsi(100.0, 95.0, 15.0, 10.0, NA, 9.0), None);
        assert_eq!(bb_power(100.0, 105.0, 3.0, 2.0, -1.0, -2.0), Some(1));
        assert_eq!(bb_power(100.0, 95.0, 1.0, 2.0, -3.0, -2.0), Some(-1));
        assert_eq!(
            bb_power(100.0, 105.0, 3.0, NA, -1.0, NA),
            None,
            "the first bar"
        );
    }
}
