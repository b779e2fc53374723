//! TradingView's Technical Ratings, reproduced rule by rule from the published Pine library
//! "TechnicalRating" by TradingView (v3, 2024.11.29, MPL-2.0,
//! <https://www.tradingview.com/script/jDWyb5PG-TechnicalRating/>), function `calcRatingAll()`,
//! with the inputs of the `TradingView/ta` library it imports (`ichimoku`, `stochFull`,
//! `stochRsi`, `uo`, `ao`) and Pine's built-ins (see [`super::pine`]).
//!
//! 26 votes of +1 (buy), 0 (neutral) or −1 (sell), or absent while an input lacks history:
//! 15 moving-average votes (SMA and EMA 10/20/30/50/100/200, HMA 9, VWMA 20, Ichimoku) and 11
//! "other" votes (RSI, Stochastic, CCI, ADX, AO, Momentum, MACD, Stochastic RSI, Williams %R,
//! Bull/Bear Power, Ultimate Oscillator). A group's score is the mean of its present votes
//! (Pine's `array.avg` skips `na`); the total is the mean of both group scores, or the one group
//! that has votes. One update costs O(1) (CCI's 20-bar deviation aside), whatever the history.

use super::pine::{div, PineCci, PineDmi, PineRsi, PineStochK, SmoothedKD};
use super::votes;
use crate::indicators::window::{Ring, RollingMax, RollingMin};
use crate::indicators::{Ao, Hma, Ichimoku, Mom, PineEma, Sma, UltOsc, Vwma};
use crate::series::{Bar, Candles, SeriesError};

/// Which group a vote belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Group {
    MovingAverages,
    Oscillators,
}

/// The 26 votes in the library's order: name and group.
pub const VOTES: [(&str, Group); 26] = {
    use Group::{MovingAverages as M, Oscillators as O};
    [
        ("SMA10", M),
        ("SMA20", M),
        ("SMA30", M),
        ("SMA50", M),
        ("SMA100", M),
        ("SMA200", M),
        ("EMA10", M),
        ("EMA20", M),
        ("EMA30", M),
        ("EMA50", M),
        ("EMA100", M),
        ("EMA200", M),
        ("HMA9", M),
        ("VWMA20", M),
        ("Ichimoku", M),
        ("RSI14", O),
        ("Stoch14", O),
        ("CCI20", O),
        ("ADX14", O),
        ("AO", O),
        ("Mom10", O),
        ("MACD", O),
        ("StochRSI", O),
        ("W%R14", O),
        ("BBPower", O),
        ("UO", O),
    ]
};

/// Number of moving-average votes (the first entries of [`VOTES`]).
const MA_VOTES: usize = 15;

/// The rating's label, by `ratingStatus(value, 0.5, 0.1)`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Label {
    StrongSell,
    Sell,
    Neutral,
    Buy,
    StrongBuy,
}

impl Label {
    /// Strong Sell < −0.5 ≤ Sell < −0.1 ≤ Neutral ≤ 0.1 < Buy ≤ 0.5 < Strong Buy.
    pub fn of(score: f64) -> Option<Label> {
        if score.is_nan() {
            None
        } else if score < -0.5 {
            Some(Label::StrongSell)
        } else if score < -0.1 {
            Some(Label::Sell)
        } else if score > 0.5 {
            Some(Label::StrongBuy)
        } else if score > 0.1 {
            Some(Label::Buy)
        } else {
            Some(Label::Neutral)
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Label::StrongSell => "Strong Sell",
            Label::Sell => "Sell",
            Label::Neutral => "Neutral",
            Label::Buy => "Buy",
            Label::StrongBuy => "Strong Buy",
        }
    }
}

/// The three scores of one bar; NaN where a group has no votes.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Scores {
    pub total: f64,
    pub ma: f64,
    pub other: f64,
}

/// One group's score and vote counts.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct GroupScore {
    pub score: Option<f64>,
    pub label: Option<Label>,
    pub buy: u32,
    pub neutral: u32,
    pub sell: u32,
}

/// One vote and the indicator value behind it.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct VoteDetail {
    pub name: &'static str,
    pub group: Group,
    /// +1, 0, −1, or `None` while the indicator lacks history.
    pub vote: Option<i8>,
    /// The indicator's value on this bar (NaN while it lacks history).
    pub value: f64,
}

/// The full rating of one bar, with every vote.
#[derive(Clone, Debug, PartialEq)]
pub struct RatingDetail {
    pub time: i64,
    pub total: Option<f64>,
    pub label: Option<Label>,
    pub ma: GroupScore,
    pub other: GroupScore,
    pub votes: Vec<VoteDetail>,
}

const MA_LENGTHS: [usize; 6] = [10, 20, 30, 50, 100, 200];

/// The streaming rating: push bars oldest first; each update rates the bar just pushed.
#[derive(Clone, Debug)]
pub struct TechnicalRating {
    sma: [Sma; 6],
    ema: [PineEma; 6],
    hma: Hma,
    vwma: Vwma,
    ichimoku: Ichimoku,
    lead1: Ring,
    lead2: Ring,
    rsi: PineRsi,
    hi14: RollingMax,
    lo14: RollingMin,
    stoch_kd: SmoothedKD,
    stoch_rsi: PineStochK,
    stoch_rsi_kd: SmoothedKD,
    cci: PineCci,
    dmi: PineDmi,
    ao: Ao,
    mom: Mom,
    macd: [PineEma; 3],
    ema13: PineEma,
    uo: UltOsc,
    // Previous bars' values for the `x[1]`, `x[2]` references.
    rsi_1: f64,
    d_1: f64,
    cci_1: f64,
    adx_1: f64,
    ao_1: f64,
    ao_2: f64,
    mom_1: f64,
    wpr_1: f64,
    bull_1: f64,
    bear_1: f64,
    // The current bar.
    time: i64,
    votes: [Option<i8>; 26],
    values: [f64; 26],
}

impl Default for TechnicalRating {
    fn default() -> Self {
        Self::new()
    }
}

impl TechnicalRating {
    pub fn new() -> Self {
        Self {
            sma: MA_LENGTHS.map(Sma::new),
            ema: MA_LENGTHS.map(PineEma::new),
            hma: Hma::new(9),
            vwma: Vwma::new(20),
            ichimoku: Ichimoku::new(9, 26, 52),
            lead1: Ring::new(27),
            lead2: Ring::new(27),
            rsi: PineRsi::new(14),
            hi14: RollingMax::new(14),
            lo14: RollingMin::new(14),
            stoch_kd: SmoothedKD::new(3, 3),
            stoch_rsi: PineStochK::new(14),
            stoch_rsi_kd: SmoothedKD::new(3, 3),
            cci: PineCci::new(20),
            dmi: PineDmi::new(14, 14),
            ao: Ao::new(5, 34),
            mom: Mom::new(10),
            macd: [PineEma::new(12), PineEma::new(26), PineEma::new(9)],
            ema13: PineEma::new(13),
            uo: UltOsc::pine(7, 14, 28),
            rsi_1: f64::NAN,
            d_1: f64::NAN,
            cci_1: f64::NAN,
            adx_1: f64::NAN,
            ao_1: f64::NAN,
            ao_2: f64::NAN,
            mom_1: f64::NAN,
            wpr_1: f64::NAN,
            bull_1: f64::NAN,
            bear_1: f64::NAN,
            time: 0,
            votes: [None; 26],
            values: [f64::NAN; 26],
        }
    }

    /// Rates bar `b` (which must come after the previous one) and returns its scores.
    pub fn update(&mut self, b: &Bar) -> Scores {
        let close = b.close;
        self.time = b.time;
        let (v, x) = (&mut self.votes, &mut self.values);

        // Moving averages.
        for i in 0..6 {
            let s = self.sma[i].update(close);
            let e = self.ema[i].update(close);
            (v[i], x[i]) = (votes::ma(s, close), s);
            (v[6 + i], x[6 + i]) = (votes::ma(e, close), e);
        }
        let hma = self.hma.update(close);
        (v[12], x[12]) = (votes::ma(hma, close), hma);
        let vwma = self.vwma.update(close, b.volume);
        (v[13], x[13]) = (votes::ma(vwma, close), vwma);
        let ich = self.ichimoku.update(b);
        self.lead1.push(ich.span_a);
        self.lead2.push(ich.span_b);
        let (l1, l2) = (self.lead1.get(26), self.lead2.get(26));
        v[14] = votes::ichimoku(ich.span_b, l1, l2, ich.base, ich.conversion, close);
        x[14] = ich.base;

        // Oscillators and others.
        let rsi = self.rsi.update(close);
        (v[15], x[15]) = (votes::rsi(rsi, self.rsi_1), rsi);
        // ta.stoch(close, high, low, 14) and ta.wpr(14) share the 14-bar range.
        let (h14, l14) = (self.hi14.push(b.high), self.lo14.push(b.low));
        let (k, d) = self.stoch_kd.update(100.0 * div(close - l14, h14 - l14));
        (v[16], x[16]) = (votes::stoch(k, d, self.d_1), k);
        let cci = self.cci.update(close);
        (v[17], x[17]) = (votes::cci(cci, self.cci_1), cci);
        let (di_p, di_n, adx) = self.dmi.update(b);
        (v[18], x[18]) = (votes::adx(adx, self.adx_1, di_p, di_n), adx);
        let ao = self.ao.update(b);
        let ao1 = self.ao_1;
        (v[19], x[19]) = (votes::ao(ao, ao1, self.ao_2), ao);
        let mom = self.mom.update(close);
        (v[20], x[20]) = (votes::mom(mom, self.mom_1), mom);
        let line = self.macd[0].update(close) - self.macd[1].update(close);
        let signal = self.macd[2].update(line);
        (v[21], x[21]) = (votes::macd(line, signal), line);
        let price_avg = x[9]; // EMA 50 with Pine's seeding: the library's `priceAvg`
        let (sk, sd) = self
            .stoch_rsi_kd
            .update(self.stoch_rsi.update(rsi, rsi, rsi));
        (v[22], x[22]) = (votes::stoch_rsi(price_avg, close, sk, sd), sk);
        let wpr = 100.0 * div(close - h14, h14 - l14);
        (v[23], x[23]) = (votes::wpr(wpr, self.wpr_1), wpr);
        let e13 = self.ema13.update(close);
        let (bull, bear) = (b.high - e13, b.low - e13);
        v[24] = votes::bb_power(price_avg, close, bull, self.bull_1, bear, self.bear_1);
        x[24] = bull + bear;
        let uo = self.uo.update(b);
        (v[25], x[25]) = (votes::uo(uo), uo);

        (self.rsi_1, self.d_1, self.cci_1, self.adx_1) = (rsi, d, cci, adx);
        (self.ao_2, self.ao_1, self.mom_1, self.wpr_1) = (ao1, ao, mom, wpr);
        (self.bull_1, self.bear_1) = (bull, bear);
        self.scores()
    }

    fn scores(&self) -> Scores {
        let ma = mean(&self.votes[..MA_VOTES]);
        let other = mean(&self.votes[MA_VOTES..]);
        let total = match (ma.is_nan(), other.is_nan()) {
            (false, false) => (ma + other) / 2.0,
            (false, true) => ma,
            (true, false) => other,
            (true, true) => f64::NAN,
        };
        Scores { total, ma, other }
    }

    /// The full rating of the last bar pushed: scores, labels, counts and every vote.
    pub fn detail(&self) -> RatingDetail {
        let s = self.scores();
        let group = |votes: &[Option<i8>], score: f64| GroupScore {
            score: (!score.is_nan()).then_some(score),
            label: Label::of(score),
            buy: votes.iter().filter(|v| **v == Some(1)).count() as u32,
            neutral: votes.iter().filter(|v| **v == Some(0)).count() as u32,
            sell: votes.iter().filter(|v| **v == Some(-1)).count() as u32,
        };
        RatingDetail {
            time: self.time,
            total: (!s.total.is_nan()).then_some(s.total),
            label: Label::of(s.total),
            ma: group(&self.votes[..MA_VOTES], s.ma),
            other: group(&self.votes[MA_VOTES..], s.other),
            votes: VOTES
                .iter()
                .zip(self.votes.iter().zip(self.values.iter()))
                .map(|(&(name, group), (&vote, &value))| VoteDetail {
                    name,
                    group,
                    vote,
                    value,
                })
                .collect(),
        }
    }
}

fn mean(votes: &[Option<i8>]) -> f64 {
    let (sum, n) = votes
        .iter()
        .flatten()
        .fold((0i32, 0i32), |(s, n), &v| (s + i32::from(v), n + 1));
    if n == 0 {
        f64::NAN
    } else {
        f64::from(sum) / f64::from(n)
    }
}

/// Scores of every bar, in columns (NaN where absent).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ScoreSeries {
    pub time: Vec<i64>,
    pub total: Vec<f64>,
    pub ma: Vec<f64>,
    pub other: Vec<f64>,
}

/// The rating of a series: the last bar in full, and optionally every bar's scores.
#[derive(Clone, Debug, PartialEq)]
pub struct RatingResult {
    /// `None` for an empty series.
    pub last: Option<RatingDetail>,
    pub every_bar: Option<ScoreSeries>,
}

/// Rates `candles` (oldest first; the last bar is taken as closed: drop a still-open bar first).
///
/// ```
/// use barfinex_core::rating::technical_rating;
/// use barfinex_core::series::{Bar, Candles};
/// let bars: Vec<Bar> = (0..300).map(|i| {
///     let c = 100.0 + i as f64; // a steady uptrend
///     Bar { time: i * 86_400_000, open: c - 0.5, high: c + 1.0, low: c - 1.0, close: c, volume: 1e3 }
/// }).collect();
/// let r = technical_rating(&Candles::from_bars(&bars), false).unwrap();
/// let last = r.last.unwrap();
/// assert_eq!((last.ma.sell, last.other.sell), (0, 0));
/// assert_eq!(last.label.unwrap().as_str(), "Strong Buy");
/// ```
pub fn technical_rating(candles: &Candles, every_bar: bool) -> Result<RatingResult, SeriesError> {
    candles.check()?;
    let mut state = TechnicalRating::new();
    let mut series = every_bar.then(|| ScoreSeries {
        time: candles.time.clone(),
        total: Vec::with_capacity(candles.len()),
        ma: Vec::with_capacity(candles.len()),
        other: Vec::with_capacity(candles.len()),
    });
    for b in candles.bars() {
        let s = state.update(&b);
        if let Some(out) = series.as_mut() {
            out.total.push(s.total);
            out.ma.push(s.ma);
            out.other.push(s.other);
        }
    }
    Ok(RatingResult {
        last: (!candles.is_empty()).then(|| state.detail()),
        every_bar: series,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_follow_the_published_bounds() {
        let label = |x: f64| Label::of(x).map(Label::as_str);
        assert_eq!(label(-0.51), Some("Strong Sell"));
        assert_eq!(label(-0.5), Some("Sell"));
        assert_eq!(label(-0.11), Some("Sell"));
        assert_eq!(label(-0.1), Some("Neutral"));
        assert_eq!(label(0.1), Some("Neutral"));
        assert_eq!(label(0.11), Some("Buy"));
        assert_eq!(label(0.5), Some("Buy"));
        assert_eq!(label(0.51), Some("Strong Buy"));
        assert_eq!(label(f64::NAN), None);
    }

    #[test]
    fn group_scores_skip_absent_votes_and_the_total_falls_back_to_one_group() {
        let mut r = TechnicalRating::new();
        r.votes = [None; 26];
        r.votes[0] = Some(1);
        r.votes[1] = Some(1);
        r.votes[2] = Some(-1);
        let s = r.scores();
        assert!((s.ma - 1.0 / 3.0).abs() < 1e-15);
        assert!(s.other.is_nan());
        assert_eq!(
            s.total, s.ma,
            "one group without votes: the total is the other group"
        );
        r.votes[20] = Some(-1);
        let s = r.scores();
        assert_eq!(s.other, -1.0);
        assert!((s.total - (1.0 / 3.0 - 1.0) / 2.0).abs() < 1e-15);
        r.votes = [None; 26];
        assert!(r.scores().total.is_nan());
        assert_eq!(r.detail().label, None);
    }
}
