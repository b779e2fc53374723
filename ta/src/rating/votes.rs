//! The vote rules of `calcRatingAll()` in TradingView's TechnicalRating library (v3), one
//! function per rule, in the library's order. Each gives +1 (buy), −1 (sell), 0, or no vote
//! when the value the library checks for `na` is missing. Comparisons with `na` are false, as
//! in Pine (NaN comparisons are false in Rust too).
//!
//! The conditions are combined with `&`/`|`, not `&&`/`||`: every comparison is cheap and
//! evaluating them all avoids a branch per condition, which on market data is taken at random
//! (mispredicted branches were 40% of the rating's time).

/// One vote, as bits: 1 cast, 2 buy, 4 sell (buy and sell exclusive, both imply cast).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct Vote(u8);

impl Vote {
    #[cfg(test)]
    pub const ABSENT: Vote = Vote(0);

    /// +1, 0, −1, or `None` when not cast.
    pub fn value(self) -> Option<i8> {
        (self.0 & 1 != 0).then(|| ((self.0 >> 1) & 1) as i8 - ((self.0 >> 2) & 1) as i8)
    }

    /// (cast, buy, sell) as 0/1.
    #[inline]
    pub fn bits(self) -> (u32, u32, u32) {
        let v = u32::from(self.0);
        (v & 1, (v >> 1) & 1, (v >> 2) & 1)
    }
}

impl PartialEq<Option<i8>> for Vote {
    fn eq(&self, other: &Option<i8>) -> bool {
        self.value() == *other
    }
}

/// `calcRating(src, bull, bear)`: no vote when `src` is `na`, else buy if `bull`, else sell if
/// `bear`, else neutral.
#[inline]
fn rating(src: f64, bull: bool, bear: bool) -> Vote {
    rule(!src.is_nan(), bull, bear)
}

/// A vote cast when `cast` holds: buy if `bull`, else sell if `bear`, else neutral (the
/// scanner's `calcRecommend(buy, sell)` inside its `if not na(…)` guard).
#[inline]
pub(crate) fn rule(cast: bool, bull: bool, bear: bool) -> Vote {
    let buy = cast & bull;
    let sell = cast & !bull & bear;
    Vote(u8::from(cast) | u8::from(buy) << 1 | u8::from(sell) << 2)
}

/// `calcRatingMA(ma, close)` = `math.sign(close − ma)`.
#[inline]
pub(crate) fn ma(ma: f64, close: f64) -> Vote {
    let d = close - ma;
    rating(d, d > 0.0, d < 0.0)
}

/// Ichimoku: `lead1[26] > lead2[26] and base > lead1[26] and con > base and close > con`.
pub(crate) fn ichimoku(
    lead2: f64,
    lead1_26: f64,
    lead2_26: f64,
    base: f64,
    con: f64,
    close: f64,
) -> Vote {
    rating(
        lead2,
        (lead1_26 > lead2_26) & (base > lead1_26) & (con > base) & (close > con),
        (lead1_26 < lead2_26) & (base < lead1_26) & (con < base) & (close < con),
    )
}

/// RSI: `rsi < 30 and rsi[1] < rsi` / `rsi > 70 and rsi[1] > rsi`, `na` if `rsi[1]` is.
pub(crate) fn rsi(rsi: f64, rsi_1: f64) -> Vote {
    rating(
        rsi_1,
        (rsi < 30.0) & (rsi_1 < rsi),
        (rsi > 70.0) & (rsi_1 > rsi),
    )
}

/// Stochastic: `k < 20 and d < 20 and k > d` / `k > 80 and d > 80 and k < d`, on `d[1]`.
pub(crate) fn stoch(k: f64, d: f64, d_1: f64) -> Vote {
    rating(
        d_1,
        (k < 20.0) & (d < 20.0) & (k > d),
        (k > 80.0) & (d > 80.0) & (k < d),
    )
}

/// CCI: `cci < −100 and cci > cci[1]` / `cci > 100 and cci < cci[1]`.
pub(crate) fn cci(cci: f64, cci_1: f64) -> Vote {
    rating(
        cci_1,
        (cci < -100.0) & (cci > cci_1),
        (cci > 100.0) & (cci < cci_1),
    )
}

/// ADX: `adx > 20 and adx > adx[1]` and `+DI > −DI` (buy) or `+DI < −DI` (sell).
pub(crate) fn adx(adx: f64, adx_1: f64, di_plus: f64, di_minus: f64) -> Vote {
    let rising = (adx > 20.0) & (adx > adx_1);
    rating(
        adx,
        rising & (di_plus > di_minus),
        rising & (di_plus < di_minus),
    )
}

/// Awesome Oscillator: a zero cross, or a "saucer" (`ao > 0, ao[1] > 0, ao > ao[1], ao[2] > ao[1]`).
pub(crate) fn ao(ao: f64, ao_1: f64, ao_2: f64) -> Vote {
    let cross_up = (ao > 0.0) & (ao_1 <= 0.0);
    let cross_down = (ao < 0.0) & (ao_1 >= 0.0);
    rating(
        ao_1,
        cross_up | ((ao > 0.0) & (ao_1 > 0.0) & (ao > ao_1) & (ao_2 > ao_1)),
        cross_down | ((ao < 0.0) & (ao_1 < 0.0) & (ao < ao_1) & (ao_2 < ao_1)),
    )
}

/// Momentum: `mom > mom[1]` / `mom < mom[1]`.
pub(crate) fn mom(mom: f64, mom_1: f64) -> Vote {
    rating(mom_1, mom > mom_1, mom < mom_1)
}

/// MACD: `macd > signal` / `macd < signal`.
pub(crate) fn macd(line: f64, signal: f64) -> Vote {
    rating(signal, line > signal, line < signal)
}

/// Stochastic RSI, with the trend from EMA 50 (`priceAvg`): in a downtrend
/// `k < 20 and d < 20 and k > d` buys; in an uptrend `k > 80 and d > 80 and k < d` sells.
pub(crate) fn stoch_rsi(price_avg: f64, close: f64, k: f64, d: f64) -> Vote {
    let (down, up) = (close < price_avg, close > price_avg);
    rating(
        price_avg,
        down & (k < 20.0) & (d < 20.0) & (k > d),
        up & (k > 80.0) & (d > 80.0) & (k < d),
    )
}

/// Williams %R: `wr < −80 and wr > wr[1]` / `wr > −20 and wr < wr[1]`.
pub(crate) fn wpr(wr: f64, wr_1: f64) -> Vote {
    rating(wr_1, (wr < -80.0) & (wr > wr_1), (wr > -20.0) & (wr < wr_1))
}

/// Bull/Bear Power: in an uptrend a negative but rising bear power buys; in a downtrend a
/// positive but falling bull power sells.
pub(crate) fn bb_power(
    price_avg: f64,
    close: f64,
    bull: f64,
    bull_1: f64,
    bear: f64,
    bear_1: f64,
) -> Vote {
    let (down, up) = (close < price_avg, close > price_avg);
    rating(
        price_avg,
        up & (bear < 0.0) & (bear > bear_1),
        down & (bull > 0.0) & (bull < bull_1),
    )
}

/// Ultimate Oscillator: `uo > 70` / `uo < 30`.
pub(crate) fn uo(uo: f64) -> Vote {
    rating(uo, uo > 70.0, uo < 30.0)
}

#[cfg(test)]
mod tests {
    //! Hand-worked cases: each rule in both directions, on its boundary, and with missing input.
    use super::*;
    const NA: f64 = f64::NAN;

    #[test]
    fn moving_average_votes_are_the_sign_of_close_minus_ma() {
        assert_eq!(ma(99.0, 100.0), Some(1));
        assert_eq!(ma(101.0, 100.0), Some(-1));
        assert_eq!(ma(100.0, 100.0), Some(0));
        assert_eq!(ma(NA, 100.0), None);
    }

    #[test]
    fn ichimoku() {
        // lead1[26] = 10 > lead2[26] = 9, base 11 > 10, conversion 12 > 11, close 13 > 12.
        assert_eq!(super::ichimoku(8.0, 10.0, 9.0, 11.0, 12.0, 13.0), Some(1));
        assert_eq!(super::ichimoku(8.0, 9.0, 10.0, 8.0, 7.0, 6.0), Some(-1));
        // Close not above the conversion line: no buy.
        assert_eq!(super::ichimoku(8.0, 10.0, 9.0, 11.0, 12.0, 12.0), Some(0));
        // lead1[26] not yet available: comparisons are false, the vote is neutral, not absent.
        assert_eq!(super::ichimoku(8.0, NA, NA, 11.0, 12.0, 13.0), Some(0));
        assert_eq!(super::ichimoku(NA, 10.0, 9.0, 11.0, 12.0, 13.0), None);
    }

    #[test]
    fn rsi_buys_oversold_and_rising_sells_overbought_and_falling() {
        assert_eq!(rsi(25.0, 20.0), Some(1));
        assert_eq!(rsi(25.0, 28.0), Some(0), "oversold but falling");
        assert_eq!(rsi(30.0, 20.0), Some(0), "30 is not below 30");
        assert_eq!(rsi(75.0, 80.0), Some(-1));
        assert_eq!(rsi(75.0, 72.0), Some(0), "overbought but rising");
        assert_eq!(rsi(50.0, NA), None);
    }

    #[test]
    fn stochastic() {
        assert_eq!(stoch(15.0, 10.0, 9.0), Some(1));
        assert_eq!(stoch(15.0, 21.0, 9.0), Some(0), "d not below 20");
        assert_eq!(stoch(85.0, 90.0, 91.0), Some(-1));
        assert_eq!(stoch(95.0, 90.0, 91.0), Some(0), "k above d");
        assert_eq!(stoch(15.0, 10.0, NA), None);
    }

    #[test]
    fn cci() {
        assert_eq!(super::cci(-120.0, -150.0), Some(1));
        assert_eq!(super::cci(-120.0, -110.0), Some(0));
        assert_eq!(super::cci(120.0, 150.0), Some(-1));
        assert_eq!(super::cci(120.0, 110.0), Some(0));
        assert_eq!(super::cci(120.0, NA), None);
    }

    #[test]
    fn adx() {
        assert_eq!(super::adx(25.0, 24.0, 30.0, 10.0), Some(1));
        assert_eq!(super::adx(25.0, 24.0, 10.0, 30.0), Some(-1));
        assert_eq!(super::adx(25.0, 26.0, 30.0, 10.0), Some(0), "ADX falling");
        assert_eq!(super::adx(19.0, 18.0, 30.0, 10.0), Some(0), "ADX below 20");
        assert_eq!(super::adx(NA, 18.0, 30.0, 10.0), None);
    }

    #[test]
    fn awesome_oscillator_crosses_and_saucers() {
        assert_eq!(ao(0.5, -0.2, -0.1), Some(1), "cross above zero");
        assert_eq!(ao(0.5, 0.0, -0.1), Some(1), "from exactly zero");
        assert_eq!(
            ao(0.5, 0.3, 0.4),
            Some(1),
            "saucer: dip then rise, above zero"
        );
        assert_eq!(ao(0.5, 0.3, 0.2), Some(0), "rising but no dip");
        assert_eq!(ao(-0.5, 0.2, 0.1), Some(-1), "cross below zero");
        assert_eq!(ao(-0.5, -0.3, -0.4), Some(-1), "saucer below zero");
        assert_eq!(ao(0.5, NA, 0.1), None);
    }

    #[test]
    fn momentum_and_macd() {
        assert_eq!(mom(2.0, 1.0), Some(1));
        assert_eq!(mom(1.0, 2.0), Some(-1));
        assert_eq!(mom(1.0, 1.0), Some(0));
        assert_eq!(mom(1.0, NA), None);
        assert_eq!(macd(0.3, 0.2), Some(1));
        assert_eq!(macd(0.1, 0.2), Some(-1));
        assert_eq!(macd(0.2, 0.2), Some(0));
        assert_eq!(macd(0.2, NA), None);
    }

    #[test]
    fn stochastic_rsi_depends_on_the_trend() {
        // Downtrend (close 95 < EMA50 100), oversold and turning up: buy.
        assert_eq!(stoch_rsi(100.0, 95.0, 15.0, 10.0), Some(1));
        // The same oscillator values in an uptrend do not buy.
        assert_eq!(stoch_rsi(100.0, 105.0, 15.0, 10.0), Some(0));
        assert_eq!(stoch_rsi(100.0, 105.0, 85.0, 90.0), Some(-1));
        assert_eq!(stoch_rsi(100.0, 95.0, 85.0, 90.0), Some(0));
        assert_eq!(stoch_rsi(NA, 95.0, 15.0, 10.0), None);
    }

    #[test]
    fn williams_r() {
        assert_eq!(wpr(-85.0, -90.0), Some(1));
        assert_eq!(wpr(-85.0, -80.0), Some(0));
        assert_eq!(wpr(-15.0, -10.0), Some(-1));
        assert_eq!(wpr(-15.0, -18.0), Some(0));
        assert_eq!(wpr(-15.0, NA), None);
    }

    #[test]
    fn bull_bear_power() {
        // Uptrend, bear power negative and rising (−2 → −1): buy.
        assert_eq!(bb_power(100.0, 105.0, 3.0, 2.0, -1.0, -2.0), Some(1));
        // Downtrend, bull power positive and falling (2 → 1): sell.
        assert_eq!(bb_power(100.0, 95.0, 1.0, 2.0, -3.0, -2.0), Some(-1));
        assert_eq!(
            bb_power(100.0, 105.0, 3.0, 2.0, -1.0, -0.5),
            Some(0),
            "bear power falling"
        );
        assert_eq!(bb_power(NA, 105.0, 3.0, 2.0, -1.0, -2.0), None);
    }

    #[test]
    fn ultimate_oscillator() {
        assert_eq!(uo(71.0), Some(1));
        assert_eq!(uo(29.0), Some(-1));
        assert_eq!(uo(70.0), Some(0));
        assert_eq!(uo(NA), None);
    }
}
