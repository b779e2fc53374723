//! The `library-v3` rating as first built: a plain composition of the crate's streaming indicators, each
//! with its own ring and NaN bookkeeping. Kept only as a test oracle for the fused pass in
//! [`super::technical_rating`], which must agree with it bar by bar.

use super::pine::{div, div_noise};
use super::votes::{self, Vote};
use crate::indicators::window::{Ring, RollingMax, RollingMin, RollingSum};
use crate::indicators::{directional_movement, true_range, Rsi, SeededEma};
use crate::indicators::{Ao, Hma, Ichimoku, Mom, PineEma, Sma, UltOsc, Vwma};
use crate::series::Bar;

/// `ta.stoch(src, src, src, n)` (used on RSI): `100·(src − lowest)/(highest − lowest)`, `na` on a
/// zero range.
#[derive(Clone, Debug)]
pub(crate) struct PineStochK {
    hi: RollingMax,
    lo: RollingMin,
}

impl PineStochK {
    pub fn new(n: usize) -> Self {
        Self {
            hi: RollingMax::new(n),
            lo: RollingMin::new(n),
        }
    }

    pub fn update(&mut self, src: f64, high: f64, low: f64) -> f64 {
        let (h, l) = (self.hi.push(high), self.lo.push(low));
        // On RSI (0–100): a range of rounding noise is none.
        100.0 * div_noise(src - l, h - l, 100.0)
    }
}

/// `[k, d]` of the TradingView `ta` library's `stochFull(k, smoothK, d)` and `stochRsi(...)`:
/// `k = ta.sma(stoch, smoothK)`, `d = ta.sma(k, d)`.
#[derive(Clone, Debug)]
pub(crate) struct SmoothedKD {
    k: Sma,
    d: Sma,
}

impl SmoothedKD {
    pub fn new(smooth_k: usize, d: usize) -> Self {
        Self {
            k: Sma::new(smooth_k),
            d: Sma::new(d),
        }
    }

    pub fn update(&mut self, raw: f64) -> (f64, f64) {
        let k = self.k.update(raw);
        (k, self.d.update(k))
    }
}

/// `ta.cci(src, n)`: `(src − sma)/(0.015·mean deviation)`, `na` on a zero deviation. The mean
/// comes from a running sum (the deviation still needs the whole window).
#[derive(Clone, Debug)]
pub(crate) struct PineCci {
    ring: Ring,
    sum: RollingSum,
    n: f64,
}

impl PineCci {
    pub fn new(n: usize) -> Self {
        Self {
            ring: Ring::new(n),
            sum: RollingSum::new(n),
            n: n.max(1) as f64,
        }
    }

    pub fn update(&mut self, x: f64) -> f64 {
        self.ring.push(x);
        let mean = self.sum.push(x) / self.n;
        if mean.is_nan() {
            return f64::NAN;
        }
        let (a, b) = self.ring.as_slices();
        let dev = a.iter().chain(b).map(|v| (v - mean).abs()).sum::<f64>() / self.n;
        div_noise(x - mean, 0.015 * dev, 0.015 * mean)
    }
}

/// `ta.rsi`: Wilder averages; 100 when the average loss is 0, 0 when the average gain is 0.
#[derive(Clone, Debug)]
pub(crate) struct PineRsi(Rsi);

impl PineRsi {
    pub fn new(n: usize) -> Self {
        Self(Rsi::new(n))
    }

    pub fn update(&mut self, x: f64) -> f64 {
        let (up, down) = self.0.step(x);
        if up.is_nan() || down.is_nan() {
            f64::NAN
        } else if down == 0.0 {
            100.0
        } else if up == 0.0 {
            0.0
        } else {
            100.0 - 100.0 / (1.0 + up / down)
        }
    }
}

/// `ta.dmi(di, adx)` → `(+DI, −DI, ADX)`.
#[derive(Clone, Debug)]
pub(crate) struct PineDmi {
    prev: Option<Bar>,
    tr: SeededEma,
    plus: SeededEma,
    minus: SeededEma,
    adx: SeededEma,
    last_plus: f64,
    last_minus: f64,
}

impl PineDmi {
    pub fn new(di: usize, adx: usize) -> Self {
        Self {
            prev: None,
            tr: SeededEma::rma(di),
            plus: SeededEma::rma(di),
            minus: SeededEma::rma(di),
            adx: SeededEma::rma(adx),
            last_plus: f64::NAN,
            last_minus: f64::NAN,
        }
    }

    pub fn update(&mut self, b: &Bar) -> (f64, f64, f64) {
        let Some(prev) = self.prev.replace(*b) else {
            return (f64::NAN, f64::NAN, f64::NAN);
        };
        let (pdm, mdm) = directional_movement(b, &prev);
        let trur = self.tr.update(true_range(b, prev.close));
        let plus = 100.0 * div(self.plus.update(pdm), trur);
        let minus = 100.0 * div(self.minus.update(mdm), trur);
        // fixnan: keep the last defined value.
        if !plus.is_nan() {
            self.last_plus = plus;
        }
        if !minus.is_nan() {
            self.last_minus = minus;
        }
        let (p, m) = (self.last_plus, self.last_minus);
        let sum = p + m;
        let adx = 100.0
            * self
                .adx
                .update((p - m).abs() / if sum == 0.0 { 1.0 } else { sum });
        (p, m, adx)
    }
}

const MA_LENGTHS: [usize; 6] = [10, 20, 30, 50, 100, 200];

/// The streaming rating: push bars oldest first; each update rates the bar just pushed.
#[derive(Clone, Debug)]
pub(super) struct Reference {
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
    /// The two %D lines of the bar (Stochastic, Stochastic RSI), to tell ties.
    pub d: (f64, f64),
    votes: [Vote; 26],
    values: [f64; 26],
}

impl Reference {
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
            d: (f64::NAN, f64::NAN),
            votes: [Vote::ABSENT; 26],
            values: [f64::NAN; 26],
        }
    }

    /// Rates bar `b` (which must come after the previous one) and returns its scores.
    pub fn update(&mut self, b: &Bar) -> ([Option<i8>; 26], [f64; 26]) {
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
        self.d = (d, sd);
        (self.votes.map(Vote::value), self.values)
    }
}

/// The benchmarks' random walk, shared with the oracle's tests.
#[path = "../../benches/support/walk.rs"]
mod walk;

#[cfg(test)]
mod tests {
    //! The fused pass against this composition, bar by bar. The fused pass reorders two sums
    //! (CCI's deviation, the 3-bar smoothings), so values agree to rounding, not bit for bit.
    use super::Reference;
    use crate::rating::{Rules, TechnicalRating, VOTES};
    use crate::series::Bar;

    fn close_enough(a: f64, b: f64) -> bool {
        (a.is_nan() && b.is_nan()) || (a - b).abs() <= 1e-9 * a.abs().max(b.abs()).max(1.0)
    }

    /// Compares every vote and value; returns how many votes differed (only on ties).
    fn compare(bars: &[Bar], what: &str) -> usize {
        let (mut fused, mut reference) = (
            TechnicalRating::with_rules(Rules::LibraryV3),
            Reference::new(),
        );
        let mut flips = 0;
        for (i, b) in bars.iter().enumerate() {
            fused.update(b).unwrap();
            let (votes, values) = reference.update(b);
            let d = fused.detail();
            for (k, v) in d.votes.iter().enumerate() {
                assert!(
                    close_enough(v.value, values[k]),
                    "{what}: bar {i} {}: fused {} reference {}",
                    VOTES[k].0,
                    v.value,
                    values[k]
                );
                if v.vote != votes[k] {
                    // Only the 3-bar sums' order differs, and it decides only ties: %K = %D
                    // (e.g. both at 100 in a flat stretch), or close = Hull MA.
                    let d = match VOTES[k].0 {
                        "Stoch14" => reference.d.0,
                        "StochRSI" => reference.d.1,
                        "HMA9" => b.close,
                        name => panic!(
                            "{what}: bar {i} {name}: fused {:?} reference {:?}",
                            v.vote, votes[k]
                        ),
                    };
                    assert!(
                        close_enough(values[k], d),
                        "{what}: bar {i} {}: {} and {d} are no tie",
                        VOTES[k].0,
                        values[k]
                    );
                    flips += 1;
                }
            }
        }
        flips
    }

    use super::walk::bars as walk;

    #[test]
    fn random_walks_agree_vote_for_vote() {
        for seed in 1u64..6 {
            let bars = walk(3000, seed.wrapping_mul(super::walk::SEED), 0.02);
            compare(&bars, &format!("seed {seed}"));
        }
    }

    #[test]
    fn flat_stretches_and_zero_ranges_agree() {
        // Flat prices (zero ranges: Pine's division by zero → na), zero volume, then a walk,
        // then flat again: every na path of the rules, entered and left.
        let mut bars = walk(400, 7, 0.02);
        let flat = |c: f64, v: f64| Bar {
            time: 0,
            open: c,
            high: c,
            low: c,
            close: c,
            volume: v,
        };
        bars.extend((0..80).map(|_| flat(123.25, 0.0)));
        bars.extend(walk(300, 11, 0.01));
        bars.extend((0..60).map(|_| flat(0.5, 10.0)));
        for (i, b) in bars.iter_mut().enumerate() {
            b.time = i as i64 * 60_000;
        }
        assert!(
            compare(&bars, "flat") > 0,
            "the flat stretches reach the ties"
        );
    }

    #[test]
    fn the_real_xrp_sample_agrees() {
        let path = format!(
            "{}/../tests/fixtures/real/xrpusdt-perp-1h-ohlcv.json",
            env!("CARGO_MANIFEST_DIR")
        );
        let rows: Vec<[f64; 6]> =
            serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
        let bars: Vec<Bar> = rows.iter().map(|r| Bar::from_row(*r)).collect();
        compare(&bars, "xrp");
    }
}
