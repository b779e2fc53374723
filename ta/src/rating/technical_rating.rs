//! TradingView's Technical Ratings in two rule sets ([`Rules`]):
//! * `tradingview` (the default): the rating block of TradingView's scanner script, which
//!   computes the gauge readers see on tradingview.com (`links/common.pine.link` in the public
//!   repository `tradingview/scanner_data`, commit ed0ed9c4, lines 447–574; the differing votes
//!   are in [`super::scanner_votes`]);
//! * `library-v3`: the published Pine library "TechnicalRating" by TradingView (v3, 2024.11.29,
//!   MPL-2.0, <https://www.tradingview.com/script/jDWyb5PG-TechnicalRating/>), function
//!   `calcRatingAll()`, with the inputs of the `TradingView/ta` library it imports (`ichimoku`,
//!   `stochFull`, `stochRsi`, `uo`, `ao`) and Pine's built-ins (see [`super::pine`]).
//!
//! 26 votes of +1 (buy), 0 (neutral) or −1 (sell), or absent while an input lacks history:
//! 15 moving-average votes (SMA and EMA 10/20/30/50/100/200, HMA 9, VWMA 20, Ichimoku) and 11
//! "other" votes (RSI, Stochastic, CCI, ADX, AO, Momentum, MACD, Stochastic RSI, Williams %R,
//! Bull/Bear Power, Ultimate Oscillator). A group's score is the mean of its present votes
//! (Pine's `array.avg` skips `na`); the total is the mean of both group scores, or the one group
//! that has votes. One update costs O(1) (CCI's 20-bar deviation aside), whatever the history.

use super::fixed::{slide, Last3, Lookback, Range};
use super::pine::{div, div_noise, Cci20, Dmi14, Rsi14, Uo};
use super::scanner_votes as scanner;
use super::votes::{self, Vote};
use super::Rules;
use crate::series::{Bar, Candles, SeriesError};

/// Which group a vote belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Group {
    MovingAverages,
    Oscillators,
}

/// The 26 votes in the library's order (the scanner's is the same): name and group, as
/// `library-v3` names them; `tradingview` names the Stochastic `Stoch8` ([`votes_of`]).
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

/// The 26 votes of a rule set: [`VOTES`], with the scanner's Stochastic (8, 3, 3) as `Stoch8`.
pub fn votes_of(rules: Rules) -> [(&'static str, Group); 26] {
    let mut v = VOTES;
    if rules == Rules::TradingView {
        v[16].0 = "Stoch8";
    }
    v
}

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
    /// The rule set that rated it.
    pub rules: Rules,
    pub time: i64,
    pub total: Option<f64>,
    pub label: Option<Label>,
    pub ma: GroupScore,
    pub other: GroupScore,
    pub votes: Vec<VoteDetail>,
}

const MA_LENGTHS: [u64; 6] = [10, 20, 30, 50, 100, 200];

/// `ta.ema`'s factor 2/(n + 1) for the EMAs in `TechnicalRating::ema`.
const EMA_K: [f64; 9] = {
    let n = [10.0, 20.0, 30.0, 50.0, 100.0, 200.0, 12.0, 26.0, 13.0];
    let mut k = [0.0; 9];
    let mut j = 0;
    while j < 9 {
        k[j] = 2.0 / (n[j] + 1.0);
        j += 1;
    }
    k
};
const SIGNAL_K: f64 = 2.0 / (9.0 + 1.0);

/// The votes of one bar, in [`VOTES`] order.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
struct Ballot([Vote; 26]);

/// The groups' places in a [`Ballot`].
const MA: std::ops::Range<usize> = 0..MA_VOTES;
const OTHER: std::ops::Range<usize> = MA_VOTES..VOTES.len();

impl Ballot {
    #[inline]
    fn cast(&mut self, k: usize, vote: Vote) {
        if let Some(slot) = self.0.get_mut(k) {
            *slot = vote;
        }
    }

    /// (buy, neutral, sell) counts of a group.
    fn count(&self, group: std::ops::Range<usize>) -> (u32, u32, u32) {
        let (mut cast, mut buy, mut sell) = (0, 0, 0);
        for v in self.0.get(group).unwrap_or_default() {
            let (c, b, s) = v.bits();
            (cast, buy, sell) = (cast + c, buy + b, sell + s);
        }
        (buy, cast - buy - sell, sell)
    }

    /// Pine's `array.avg` of the group's cast votes; NaN when none is cast.
    fn mean(&self, group: std::ops::Range<usize>) -> f64 {
        let (buy, neutral, sell) = self.count(group);
        let n = buy + neutral + sell;
        if n == 0 {
            f64::NAN
        } else {
            (f64::from(buy) - f64::from(sell)) / f64::from(n)
        }
    }

    fn get(&self, k: usize) -> Option<i8> {
        self.0.get(k).and_then(|v| v.value())
    }
}

/// `x` once `ok`, NaN before: a warm-up mask.
#[inline]
fn when(ok: bool, x: f64) -> f64 {
    if ok {
        x
    } else {
        f64::NAN
    }
}

/// The streaming rating: push bars oldest first; each update rates the bar just pushed.
///
/// One fused pass: every input the 26 votes need, kept in fixed-size windows (the published
/// rules fix every length), so an update is O(1) (CCI's 20-value deviation aside) and the state
/// is a few kilobytes, copied by `clone`.
///
/// ```
/// use barfinex_ta::rating::TechnicalRating;
/// use barfinex_ta::series::Bar;
/// let mut r = TechnicalRating::new();
/// for i in 0..300 {
///     let c = 100.0 * 1.002f64.powi(i as i32); // a convex uptrend
///     r.update(&Bar { time: i * 60_000, open: c, high: c + 1.0, low: c - 1.0, close: c, volume: 1.0 })
///         .unwrap();
/// }
/// assert_eq!(r.detail().label.unwrap().as_str(), "Strong Buy");
/// ```
#[derive(Clone, Debug)]
pub struct TechnicalRating {
    rules: Rules,
    /// Bars taken: the current bar's index is `bars − 1`.
    bars: u64,
    close: Lookback,
    hl2: Lookback,
    close_volume: Lookback,
    volume: Lookback,
    lead1: Lookback,
    lead2: Lookback,
    /// Running sums: SMA 10…200 of close (SMA 20 is also CCI's mean), VWMA's Σc·v and Σv, AO's
    /// 5 and 34 of hl2.
    sma: [f64; 6],
    vwma: [f64; 2],
    ao: [f64; 2],
    /// WMA 4 and 9 of close for the Hull MA: (Σx, Σ weight·x).
    wma: [[f64; 2]; 2],
    hull: Last3,
    /// Pine EMAs of close: 10…200 (votes), 12 and 26 (MACD), 13 (Bull/Bear Power).
    ema: [f64; 9],
    /// MACD's signal line: the Pine EMA 9 of the MACD line.
    signal: f64,
    range9: Range<9>,
    range14: Range<14>,
    range26: Range<26>,
    range52: Range<52>,
    rsi: Rsi14,
    rsi_range: Range<14>,
    stoch_raw: Last3,
    stoch_k: Last3,
    stoch_rsi_raw: Last3,
    stoch_rsi_k: Last3,
    cci: Cci20,
    dmi: Dmi14,
    uo: Uo,
    // The scanner's own inputs: Stoch(8, 3, 3), and CCI's hlc3 with its running 20-bar sum.
    range8: Range<8>,
    stoch8_raw: Last3,
    stoch8_k: Last3,
    hlc3: Lookback,
    hlc3_sum: f64,
    /// Zero volumes in a row (VWMA's window of no volume).
    zero_volumes: u64,
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
    // …and those only the scanner's guards read.
    k_1: f64,
    rsi_k_1: f64,
    rsi_d_1: f64,
    di_plus_1: f64,
    di_minus_1: f64,
    // The current bar.
    time: i64,
    ballot: Ballot,
    values: [f64; 26],
}

impl Default for TechnicalRating {
    fn default() -> Self {
        Self::new()
    }
}

impl TechnicalRating {
    /// The default rule set, `tradingview` ([`Rules`]).
    pub fn new() -> Self {
        Self::with_rules(Rules::default())
    }

    /// The rating under `rules`.
    ///
    /// ```
    /// use barfinex_ta::rating::{Rules, TechnicalRating};
    /// assert_eq!(TechnicalRating::with_rules(Rules::LibraryV3).rules(), Rules::LibraryV3);
    /// assert_eq!(TechnicalRating::new().rules(), Rules::TradingView);
    /// ```
    #[cfg_attr(barfinex_size, optimize(size))]
    pub fn with_rules(rules: Rules) -> Self {
        Self {
            rules,
            bars: 0,
            close: Lookback::new(),
            hl2: Lookback::new(),
            close_volume: Lookback::new(),
            volume: Lookback::new(),
            lead1: Lookback::nan(),
            lead2: Lookback::nan(),
            sma: [0.0; 6],
            vwma: [0.0; 2],
            ao: [0.0; 2],
            wma: [[0.0; 2]; 2],
            hull: Last3::new(),
            ema: [f64::NAN; 9],
            signal: f64::NAN,
            range9: Range::new(),
            range14: Range::new(),
            range26: Range::new(),
            range52: Range::new(),
            rsi: Rsi14::new(),
            rsi_range: Range::new(),
            stoch_raw: Last3::new(),
            stoch_k: Last3::new(),
            stoch_rsi_raw: Last3::new(),
            stoch_rsi_k: Last3::new(),
            cci: Cci20::new(),
            dmi: Dmi14::new(rules == Rules::TradingView),
            uo: Uo::new(),
            range8: Range::new(),
            stoch8_raw: Last3::new(),
            stoch8_k: Last3::new(),
            hlc3: Lookback::new(),
            hlc3_sum: 0.0,
            zero_volumes: 0,
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
            k_1: f64::NAN,
            rsi_k_1: f64::NAN,
            rsi_d_1: f64::NAN,
            di_plus_1: f64::NAN,
            di_minus_1: f64::NAN,
            time: 0,
            ballot: Ballot::default(),
            values: [f64::NAN; 26],
        }
    }

    /// The rule set.
    pub fn rules(&self) -> Rules {
        self.rules
    }

    /// Rates bar `b` and returns its scores. A bar with a non-finite field, a time out of range
    /// ([`crate::series::MAX_TIME_MS`]) or a time not after the previous bar's, is refused with the reason and leaves the state as it was.
    pub fn update(&mut self, b: &Bar) -> Result<Scores, SeriesError> {
        let index = self.bars as usize;
        for (column, v) in [
            ("open", b.open),
            ("high", b.high),
            ("low", b.low),
            ("close", b.close),
            ("volume", b.volume),
        ] {
            if !v.is_finite() {
                return Err(SeriesError::NotFinite { column, index });
            }
        }
        if !crate::series::time_in_range(b.time) {
            return Err(SeriesError::TimeOutOfRange {
                index,
                time: b.time,
            });
        }
        if self.bars > 0 && b.time <= self.time {
            return Err(SeriesError::NotAscending {
                index,
                time: b.time,
                previous: self.time,
            });
        }
        self.step(b);
        Ok(self.scores())
    }

    /// [`Self::update`] on a bar already checked (finite, after the previous one), without
    /// the scores: a pass that wants only the last bar's skips their means on every other one.
    #[inline(always)]
    fn step(&mut self, b: &Bar) {
        let i = self.bars;
        self.bars += 1;
        // Fixed for the state's life, so the branches on it are always predicted.
        let scanner = self.rules == Rules::TradingView;
        self.time = b.time;
        let seen = |n: u64| i + 1 >= n;
        let (close, high, low) = (b.close, b.high, b.low);
        // Written in place: the state is the output (a local copy cost a tenth of the pass).
        let ballot = &mut self.ballot;
        let x = &mut self.values;

        // Moving averages: SMA and Pine EMA 10…200 (`ta.ema` starts at the first value).
        self.close.set(i, close);
        for (k, n) in MA_LENGTHS.into_iter().enumerate() {
            x[k] = when(
                seen(n),
                slide(&mut self.sma[k], self.close.ago(i, n), close) / n as f64,
            );
        }
        if i == 0 {
            self.ema = [close; 9];
        } else {
            for (v, k) in self.ema.iter_mut().zip(EMA_K) {
                *v += k * (close - *v);
            }
        }
        x[6..12].copy_from_slice(&self.ema[..6]);
        // Hull MA 9: WMA(2·WMA(close, 4) − WMA(close, 9), 3).
        let mut wma = [0.0; 2];
        for (k, n) in [4u64, 9].into_iter().enumerate() {
            let [sum, weighted] = &mut self.wma[k];
            if i < n {
                *weighted += (i + 1) as f64 * close;
                *sum += close;
            } else {
                // Every weight drops by one, the oldest leaves, the new value enters at n.
                *weighted += n as f64 * close - *sum;
                *sum += close - self.close.ago(i, n);
            }
            wma[k] = when(seen(n), *weighted / (n * (n + 1) / 2) as f64);
        }
        x[12] = self.hull.push(2.0 * wma[0] - wma[1]).wma();
        // VWMA 20; NaN while the volume sum is zero.
        self.close_volume.set(i, close * b.volume);
        self.volume.set(i, b.volume);
        let pv = slide(
            &mut self.vwma[0],
            self.close_volume.ago(i, 20),
            close * b.volume,
        );
        let v = slide(&mut self.vwma[1], self.volume.ago(i, 20), b.volume);
        // 20 zero volumes in a row: no volume, whatever residue the running sum keeps.
        self.zero_volumes = if b.volume == 0.0 {
            self.zero_volumes.saturating_add(1)
        } else {
            0
        };
        x[13] = when(seen(20) && v != 0.0 && self.zero_volumes < 20, pv / v);
        for (k, &ma) in x.iter().enumerate().take(MA_VOTES - 1) {
            ballot.cast(k, votes::ma(ma, close));
        }
        // Ichimoku 9/26/52 and the leads 26 bars back.
        let mid = |(h, l): (f64, f64), n| when(seen(n), (h + l) / 2.0);
        let conversion = mid(self.range9.push(high, low), 9);
        let base = mid(self.range26.push(high, low), 26);
        let span_b = mid(self.range52.push(high, low), 52);
        let lead1 = (conversion + base) / 2.0;
        self.lead1.set(i, lead1);
        self.lead2.set(i, span_b);
        ballot.cast(
            14,
            if scanner {
                scanner::ichimoku(lead1, span_b, base, conversion, close, i > 0)
            } else {
                let (l1, l2) = (self.lead1.ago(i, 26), self.lead2.ago(i, 26));
                votes::ichimoku(span_b, l1, l2, base, conversion, close)
            },
        );
        x[14] = base;

        // Oscillators and others.
        let rsi = self.rsi.update(close);
        ballot.cast(15, votes::rsi(rsi, self.rsi_1));
        x[15] = rsi;
        // ta.stoch(close, high, low, 14) and ta.wpr(14) share the 14-bar range.
        let (h14, l14) = self.range14.push(high, low);
        let (h14, l14) = (when(seen(14), h14), when(seen(14), l14));
        let (k, d) = if scanner {
            // Stoch(8, 3, 3): the scanner's last `kStoch`/`dStoch` before its rating block.
            let (h8, l8) = self.range8.push(high, low);
            let raw = when(seen(8), 100.0 * div(close - l8, h8 - l8));
            let k = self.stoch8_raw.push(raw).sma();
            (k, self.stoch8_k.push(k).sma())
        } else {
            let k = self
                .stoch_raw
                .push(100.0 * div(close - l14, h14 - l14))
                .sma();
            (k, self.stoch_k.push(k).sma())
        };
        ballot.cast(
            16,
            if scanner {
                scanner::stoch(k, d, self.k_1, self.d_1)
            } else {
                votes::stoch(k, d, self.d_1)
            },
        );
        x[16] = k;
        let cci = if scanner {
            // ta.cci(hlc3, 20): its own 20-bar mean and deviation window.
            let hlc3 = (high + low + close) / 3.0;
            self.hlc3.set(i, hlc3);
            let mean = slide(&mut self.hlc3_sum, self.hlc3.ago(i, 20), hlc3) / 20.0;
            let cci = self.cci.update(seen(20), mean, hlc3);
            ballot.cast(17, scanner::cci(cci, self.cci_1));
            cci
        } else {
            let cci = self.cci.update(seen(20), x[1], close);
            ballot.cast(17, votes::cci(cci, self.cci_1));
            cci
        };
        x[17] = cci;
        let (di_p, di_n, adx) = self.dmi.update(b);
        ballot.cast(
            18,
            if scanner {
                scanner::adx(adx, self.adx_1, di_p, di_n, self.di_plus_1, self.di_minus_1)
            } else {
                votes::adx(adx, self.adx_1, di_p, di_n)
            },
        );
        x[18] = adx;
        let hl2 = (high + low) / 2.0;
        self.hl2.set(i, hl2);
        let fast = slide(&mut self.ao[0], self.hl2.ago(i, 5), hl2) / 5.0;
        let slow = slide(&mut self.ao[1], self.hl2.ago(i, 34), hl2) / 34.0;
        let ao = when(seen(34), fast - slow);
        let ao1 = self.ao_1;
        ballot.cast(19, votes::ao(ao, ao1, self.ao_2));
        x[19] = ao;
        let mom = when(seen(11), close - self.close.ago(i, 10));
        ballot.cast(20, votes::mom(mom, self.mom_1));
        x[20] = mom;
        let line = self.ema[6] - self.ema[7];
        self.signal = if i == 0 {
            line
        } else {
            self.signal + SIGNAL_K * (line - self.signal)
        };
        let signal = self.signal;
        ballot.cast(21, votes::macd(line, signal));
        x[21] = line;
        let price_avg = x[9]; // EMA 50 with Pine's seeding: the library's `priceAvg`
                              // ta.stoch(rsi, rsi, rsi, 14): RSI starts at bar 14, so 14 values of it at bar 27.
        let (hr, lr) = self.rsi_range.push(rsi, rsi);
        // A flat market holds RSI still up to rounding: a range of noise is none (`div_noise`).
        let raw = when(seen(28), 100.0 * div_noise(rsi - lr, hr - lr, 100.0));
        let sk = self.stoch_rsi_raw.push(raw).sma();
        let sd = self.stoch_rsi_k.push(sk).sma();
        ballot.cast(
            22,
            if scanner {
                scanner::stoch_rsi(price_avg, close, sk, sd, self.rsi_k_1, self.rsi_d_1)
            } else {
                votes::stoch_rsi(price_avg, close, sk, sd)
            },
        );
        x[22] = sk;
        let wpr = 100.0 * div(close - h14, h14 - l14);
        ballot.cast(
            23,
            if scanner {
                scanner::wpr(wpr, self.wpr_1)
            } else {
                votes::wpr(wpr, self.wpr_1)
            },
        );
        x[23] = wpr;
        let e13 = self.ema[8];
        let (bull, bear) = (high - e13, low - e13);
        ballot.cast(
            24,
            if scanner {
                scanner::bb_power(price_avg, close, bull, self.bull_1, bear, self.bear_1)
            } else {
                votes::bb_power(price_avg, close, bull, self.bull_1, bear, self.bear_1)
            },
        );
        x[24] = bull + bear;
        let uo = self.uo.update(i, seen(29), b);
        ballot.cast(25, votes::uo(uo));
        x[25] = uo;

        (self.rsi_1, self.d_1, self.cci_1, self.adx_1) = (rsi, d, cci, adx);
        (self.ao_2, self.ao_1, self.mom_1, self.wpr_1) = (ao1, ao, mom, wpr);
        (self.bull_1, self.bear_1) = (bull, bear);
        (self.k_1, self.rsi_k_1, self.rsi_d_1) = (k, sk, sd);
        (self.di_plus_1, self.di_minus_1) = (di_p, di_n);
    }

    fn scores(&self) -> Scores {
        let ma = self.ballot.mean(MA);
        let other = self.ballot.mean(OTHER);
        let total = match (ma.is_nan(), other.is_nan()) {
            (false, false) => (ma + other) / 2.0,
            (false, true) => ma,
            (true, false) => other,
            (true, true) => f64::NAN,
        };
        Scores { total, ma, other }
    }

    /// The full rating of the last bar pushed: scores, labels, counts and every vote.
    #[cfg_attr(barfinex_size, optimize(size))]
    pub fn detail(&self) -> RatingDetail {
        let s = self.scores();
        let group = |range: std::ops::Range<usize>, score: f64| {
            let (buy, neutral, sell) = self.ballot.count(range);
            GroupScore {
                score: (!score.is_nan()).then_some(score),
                label: Label::of(score),
                buy,
                neutral,
                sell,
            }
        };
        RatingDetail {
            rules: self.rules,
            time: self.time,
            total: (!s.total.is_nan()).then_some(s.total),
            label: Label::of(s.total),
            ma: group(MA, s.ma),
            other: group(OTHER, s.other),
            votes: votes_of(self.rules)
                .iter()
                .zip(self.values.iter())
                .enumerate()
                .map(|(k, (&(name, group), &value))| VoteDetail {
                    name,
                    group,
                    vote: self.ballot.get(k),
                    value,
                })
                .collect(),
        }
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

/// Rates `candles` under `rules` (oldest first; the last bar is taken as closed: drop a
/// still-open bar first).
///
/// ```
/// use barfinex_ta::rating::{technical_rating, Rules};
/// use barfinex_ta::series::{Bar, Candles};
/// let bars: Vec<Bar> = (0..300).map(|i| {
///     let c = 100.0 * 1.002f64.powi(i as i32); // a convex uptrend
///     Bar { time: i * 86_400_000, open: c - 0.5, high: c + 1.0, low: c - 1.0, close: c, volume: 1e3 }
/// }).collect();
/// let r = technical_rating(&Candles::from_bars(&bars), false, Rules::default()).unwrap();
/// let last = r.last.unwrap();
/// assert_eq!((last.ma.sell, last.other.sell), (0, 0));
/// assert_eq!(last.label.unwrap().as_str(), "Strong Buy");
/// ```
pub fn technical_rating(
    candles: &Candles,
    every_bar: bool,
    rules: Rules,
) -> Result<RatingResult, SeriesError> {
    let mut state = TechnicalRating::with_rules(rules);
    let every_bar = if every_bar {
        let mut scores = Vec::new();
        state.extend_scores(candles, &mut scores)?;
        Some(ScoreSeries {
            time: candles.time.clone(),
            total: scores.iter().map(|s| s.total).collect(),
            ma: scores.iter().map(|s| s.ma).collect(),
            other: scores.iter().map(|s| s.other).collect(),
        })
    } else {
        state.extend(candles)?;
        None
    };
    Ok(RatingResult {
        last: (!candles.is_empty()).then(|| state.detail()),
        every_bar,
    })
}

/// Scores before any vote.
const NO_SCORES: Scores = Scores {
    total: f64::NAN,
    ma: f64::NAN,
    other: f64::NAN,
};

impl TechnicalRating {
    /// Rates a block of bars that follows the ones already taken: [`Self::update`] for many
    /// bars at once, checked once per block. A bad bar refuses the whole block and leaves the
    /// state as it was; error indices count from the stream's first bar. A long series fed in
    /// blocks gives the same results as in one piece, in memory for one block.
    ///
    /// ```
    /// use barfinex_ta::rating::TechnicalRating;
    /// use barfinex_ta::series::{Bar, Candles};
    /// let bars: Vec<Bar> = (0..300).map(|i| {
    ///     let c = 100.0 * 1.002f64.powi(i as i32);
    ///     Bar { time: i * 60_000, open: c, high: c + 1.0, low: c - 1.0, close: c, volume: 1.0 }
    /// }).collect();
    /// let mut r = TechnicalRating::new();
    /// for block in bars.chunks(128) {
    ///     r.extend(&Candles::from_bars(block)).unwrap();
    /// }
    /// assert_eq!(r.detail().label.unwrap().as_str(), "Strong Buy");
    /// ```
    pub fn extend(&mut self, block: &Candles) -> Result<(), SeriesError> {
        self.extend_into(block, &mut [])
    }

    /// [`Self::extend`], and `scores` becomes each bar's scores (its buffer is reused; all NaN
    /// after an error).
    pub fn extend_scores(
        &mut self,
        block: &Candles,
        scores: &mut Vec<Scores>,
    ) -> Result<(), SeriesError> {
        scores.clear();
        scores.resize(block.len(), NO_SCORES);
        self.extend_into(block, scores)
    }

    // One pass for both public callers, non-generic: the step is inlined into it, so each copy
    // of the pass cost ~9 KB of wasm. It is instantiated here, in this crate, built at
    // opt-level 3; a generic instantiated by the caller's crate would take its opt-level ("z"
    // for the widgets: 1.5× slower, measured).
    fn extend_into(&mut self, block: &Candles, out: &mut [Scores]) -> Result<(), SeriesError> {
        let taken = self.bars as usize;
        block.check().map_err(|e| e.after(taken))?;
        if let Some(&first) = block.time.first() {
            if self.bars > 0 && first <= self.time {
                return Err(SeriesError::NotAscending {
                    index: taken,
                    time: first,
                    previous: self.time,
                });
            }
        }
        self.rate(block, out);
        Ok(())
    }

    /// Rates every bar of checked candles, storing each bar's scores in `out` while it has
    /// room (none for [`Self::extend`]).
    fn rate(&mut self, c: &Candles, out: &mut [Scores]) {
        // Stores into slots made beforehand: a `Vec::push` (a possible call) inside the pass
        // would make the compiler keep the whole state in memory around it.
        let mut slots = out.iter_mut();
        let columns = c
            .time
            .iter()
            .zip(&c.open)
            .zip(&c.high)
            .zip(&c.low)
            .zip(&c.close)
            .zip(&c.volume);
        for (((((&time, &open), &high), &low), &close), &volume) in columns {
            self.step(&Bar {
                time,
                open,
                high,
                low,
                close,
                volume,
            });
            if let Some(slot) = slots.next() {
                *slot = self.scores();
            }
        }
    }
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

    /// A vote of `v` (+1, 0, −1), through the MA rule.
    fn vote(v: i8) -> Vote {
        votes::ma(0.0, f64::from(v))
    }

    #[test]
    fn group_scores_skip_absent_votes_and_the_total_falls_back_to_one_group() {
        let mut r = TechnicalRating::new();
        let mut b = Ballot::default();
        b.cast(0, vote(1));
        b.cast(1, vote(1));
        b.cast(2, vote(-1));
        b.cast(3, Vote::ABSENT);
        r.ballot = b;
        let s = r.scores();
        assert!((s.ma - 1.0 / 3.0).abs() < 1e-15);
        assert!(s.other.is_nan());
        assert_eq!(
            s.total, s.ma,
            "one group without votes: the total is the other group"
        );
        r.ballot.cast(20, vote(-1));
        let s = r.scores();
        assert_eq!(s.other, -1.0);
        assert!((s.total - (1.0 / 3.0 - 1.0) / 2.0).abs() < 1e-15);
        let d = r.detail();
        assert_eq!((d.ma.buy, d.ma.neutral, d.ma.sell), (2, 0, 1));
        assert_eq!((d.other.buy, d.other.neutral, d.other.sell), (0, 0, 1));
        assert_eq!(
            (d.votes[2].vote, d.votes[3].vote, d.votes[20].vote),
            (Some(-1), None, Some(-1))
        );
        r.ballot.cast(16, vote(0));
        assert_eq!(r.detail().other.neutral, 1);
        r.ballot = Ballot::default();
        assert!(r.scores().total.is_nan());
        assert_eq!(r.detail().label, None);
    }
}
