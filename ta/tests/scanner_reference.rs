//! The `tradingview` rule set against a literal reading of its source: the rating block of
//! TradingView's scanner script (`links/common.pine.link` in `tradingview/scanner_data`, commit
//! ed0ed9c4, lines 447–574, with the inputs it reads from lines 5–444). Nothing here is shared
//! with the fused pass: every Pine built-in is recomputed from its definition in the Pine v6
//! reference manual, over whole series, bar by bar, and every vote and guard is written as the
//! script writes it. Every vote, value and total is compared on every bar, warm-up included.
//!
//! The fused pass sums in another order (running sums, Wilder's `(v·(N−1) + x)/N`), so values
//! agree to rounding; a vote may differ only where its comparison is a tie to rounding, which
//! the test checks.

use barfinex_ta::rating::{votes_of, Rules, TechnicalRating};
use barfinex_ta::series::Bar;

#[path = "../benches/support/walk.rs"]
mod walk;

const NA: f64 = f64::NAN;

fn na(x: f64) -> bool {
    x.is_nan()
}

/// Pine's division: `na` on a zero divisor.
fn div(a: f64, b: f64) -> f64 {
    if b == 0.0 {
        NA
    } else {
        a / b
    }
}

/// `x[k]` on bar `i`.
fn ago(x: &[f64], i: usize, k: usize) -> f64 {
    if i >= k {
        x[i - k]
    } else {
        NA
    }
}

/// The last `n` values ending at bar `i`, or `None` before bar `n − 1`.
fn window(x: &[f64], i: usize, n: usize) -> Option<&[f64]> {
    (i + 1 >= n).then(|| &x[i + 1 - n..=i])
}

fn map(n: usize, f: impl FnMut(usize) -> f64) -> Vec<f64> {
    (0..n).map(f).collect()
}

/// `ta.sma`, `math.sum`: `na` when the window holds an `na`.
fn sum(x: &[f64], n: usize) -> Vec<f64> {
    map(x.len(), |i| window(x, i, n).map_or(NA, |w| w.iter().sum()))
}
fn sma(x: &[f64], n: usize) -> Vec<f64> {
    sum(x, n).iter().map(|s| s / n as f64).collect()
}
/// `ta.highest`, `ta.lowest`: `na` when the window holds an `na`.
fn extreme(x: &[f64], n: usize, pick: fn(f64, f64) -> f64) -> Vec<f64> {
    map(x.len(), |i| {
        window(x, i, n).map_or(NA, |w| {
            if w.iter().any(|v| na(*v)) {
                NA
            } else {
                w.iter().copied().reduce(pick).unwrap_or(NA)
            }
        })
    })
}
fn highest(x: &[f64], n: usize) -> Vec<f64> {
    extreme(x, n, f64::max)
}
fn lowest(x: &[f64], n: usize) -> Vec<f64> {
    extreme(x, n, f64::min)
}
/// `sum := na(sum[1]) ? seed : alpha * src + (1 - alpha) * nz(sum[1])`, Pine's recursive average.
fn recursive(x: &[f64], alpha: f64, seed: &[f64]) -> Vec<f64> {
    let mut out: Vec<f64> = Vec::with_capacity(x.len());
    for i in 0..x.len() {
        let prev = ago(&out, i, 1);
        out.push(if na(prev) {
            seed[i]
        } else {
            alpha * x[i] + (1.0 - alpha) * prev
        });
    }
    out
}
/// `ta.ema`: seeded with `src` itself.
fn ema(x: &[f64], n: usize) -> Vec<f64> {
    recursive(x, 2.0 / (n as f64 + 1.0), x)
}
/// `ta.rma`: seeded with `ta.sma(src, length)`.
fn rma(x: &[f64], n: usize) -> Vec<f64> {
    recursive(x, 1.0 / n as f64, &sma(x, n))
}
/// `ta.wma`: weights `(length − i)·length`, newest heaviest.
fn wma(x: &[f64], n: usize) -> Vec<f64> {
    map(x.len(), |i| {
        window(x, i, n).map_or(NA, |w| {
            let (mut s, mut norm) = (0.0, 0.0);
            for (j, v) in w.iter().rev().enumerate() {
                let weight = ((n - j) * n) as f64;
                s += v * weight;
                norm += weight;
            }
            s / norm
        })
    })
}
/// Whether `den` is zero to rounding against `scale`.
fn tiny(den: f64, scale: f64) -> bool {
    den.abs() <= 1e-9 * scale.abs()
}

/// `ta.stoch(source, high, low, length)`.
fn stoch(src: &[f64], high: &[f64], low: &[f64], n: usize) -> Vec<f64> {
    let (h, l) = (highest(high, n), lowest(low, n));
    map(src.len(), |i| 100.0 * div(src[i] - l[i], h[i] - l[i]))
}
/// `ta.cci(source, length)`: `(src − sma)/(0.015·ta.dev)`.
fn cci(src: &[f64], n: usize) -> Vec<f64> {
    let ma = sma(src, n);
    map(src.len(), |i| {
        window(src, i, n).map_or(NA, |w| {
            let dev = w.iter().map(|v| (v - ma[i]).abs()).sum::<f64>() / n as f64;
            div(src[i] - ma[i], 0.015 * dev)
        })
    })
}
/// `ta.rsi`: Wilder averages of `math.max(x − x[1], 0)` and `math.max(x[1] − x, 0)` (`na` on
/// the first bar); 100 when the average loss is 0, 0 when the average gain is 0.
fn rsi(x: &[f64], n: usize) -> Vec<f64> {
    // Pine's math.max(na, 0) is na (Rust's f64::max would give 0).
    let pmax0 = |v: f64| if na(v) { NA } else { v.max(0.0) };
    let u = map(x.len(), |i| pmax0(x[i] - ago(x, i, 1)));
    let d = map(x.len(), |i| pmax0(ago(x, i, 1) - x[i]));
    let (up, down) = (rma(&u, n), rma(&d, n));
    map(x.len(), |i| {
        if na(up[i]) || na(down[i]) {
            NA
        } else if down[i] == 0.0 {
            100.0
        } else if up[i] == 0.0 {
            0.0
        } else {
            100.0 - 100.0 / (1.0 + up[i] / down[i])
        }
    })
}
/// `fixnan`: the last value that was not `na`.
fn fixnan(x: &[f64]) -> Vec<f64> {
    let mut last = NA;
    x.iter()
        .map(|&v| {
            if !na(v) {
                last = v;
            }
            last
        })
        .collect()
}

/// One vote as the script casts it, and how far its closest comparison was from a tie.
#[derive(Clone, Copy, Debug)]
struct Cast {
    vote: Option<i8>,
    margin: f64,
    /// A division it reads had a divisor that is zero to rounding (a flat RSI's range, a flat
    /// CCI window's deviation): 0/0 in one summation order, a finite quotient of rounding noise
    /// in another. Pine's own order is not published, so such a value is not compared.
    ill: bool,
}

/// `calcRecommend(buy, sell)` inside `if not(na(…))`.
fn recommend(guard: bool, buy: bool, sell: bool, pairs: &[(f64, f64)]) -> Cast {
    let margin = pairs
        .iter()
        .map(|(a, b)| (a - b).abs() / a.abs().max(b.abs()).max(1.0))
        .fold(f64::INFINITY, f64::min);
    Cast {
        ill: false,
        vote: guard.then_some(if buy {
            1
        } else if sell {
            -1
        } else {
            0
        }),
        margin,
    }
}

/// `calcRecommendMA(left, right)`: `na` if either is, else 0 on equality, 1 if `left < right`.
fn recommend_ma(ma: f64, close: f64) -> Cast {
    recommend(
        !na(ma) && !na(close),
        ma < close,
        ma > close,
        &[(ma, close)],
    )
}

/// The scanner's rating of every bar: the 26 votes, their values, and `Recommend.All`.
struct Literal {
    casts: Vec<[Cast; 26]>,
    values: Vec<[f64; 26]>,
    total: Vec<f64>,
}

fn literal(bars: &[Bar]) -> Literal {
    let n = bars.len();
    let col = |f: fn(&Bar) -> f64| bars.iter().map(f).collect::<Vec<f64>>();
    let (high, low, close, volume) = (
        col(|b| b.high),
        col(|b| b.low),
        col(|b| b.close),
        col(|b| b.volume),
    );
    let hl2 = map(n, |i| (high[i] + low[i]) / 2.0);
    let hlc3 = map(n, |i| (high[i] + low[i] + close[i]) / 3.0);
    // Lines 5–130: the moving averages.
    let smas: Vec<Vec<f64>> = [10, 20, 30, 50, 100, 200]
        .iter()
        .map(|&k| sma(&close, k))
        .collect();
    let emas: Vec<Vec<f64>> = [10, 20, 30, 50, 100, 200]
        .iter()
        .map(|&k| ema(&close, k))
        .collect();
    // ta.vwma(close, 20) = ta.sma(close * volume, 20) / ta.sma(volume, 20), line 429.
    let (cv20, v20) = (sma(&map(n, |i| close[i] * volume[i]), 20), sma(&volume, 20));
    let ema12 = ema(&close, 12);
    let ema13 = ema(&close, 13);
    let ema26 = ema(&close, 26);
    let rsi14 = rsi(&close, 14); // line 133
                                 // Lines 175–187: dirmov and adx(14, 14).
    let up = map(n, |i| high[i] - ago(&high, i, 1));
    let down = map(n, |i| -(low[i] - ago(&low, i, 1)));
    let tr = map(n, |i| {
        let pc = ago(&close, i, 1);
        if na(pc) {
            NA
        } else {
            (high[i] - low[i])
                .max((high[i] - pc).abs())
                .max((low[i] - pc).abs())
        }
    });
    let truerange = rma(&tr, 14);
    let plus_dm = map(n, |i| {
        if up[i] > down[i] && up[i] > 0.0 {
            up[i]
        } else {
            0.0
        }
    });
    let minus_dm = map(n, |i| {
        if down[i] > up[i] && down[i] > 0.0 {
            down[i]
        } else {
            0.0
        }
    });
    let (p_rma, m_rma) = (rma(&plus_dm, 14), rma(&minus_dm, 14));
    let plus = fixnan(&map(n, |i| div(100.0 * p_rma[i], truerange[i])));
    let minus = fixnan(&map(n, |i| div(100.0 * m_rma[i], truerange[i])));
    let dx = map(n, |i| {
        let s = plus[i] + minus[i];
        (plus[i] - minus[i]).abs() / if s == 0.0 { 1.0 } else { s }
    });
    let adx: Vec<f64> = rma(&dx, 14).iter().map(|v| 100.0 * v).collect();
    // Lines 240–300.
    let macd = map(n, |i| ema12[i] - ema26[i]);
    let signal = ema(&macd, 9);
    let mom = map(n, |i| close[i] - ago(&close, i, 10));
    let stoch8 = stoch(&close, &high, &low, 8); // lengthStoch := 8, line 283
    let k_stoch = sma(&stoch8, 3);
    let d_stoch = sma(&k_stoch, 3);
    let cci20 = cci(&hlc3, 20); // line 300
                                // Lines 313–327: Hull MA 9 (`9 / 2` taken as 4) and AO.
    let (w4, w9) = (wma(&close, 4), wma(&close, 9));
    let hull = wma(&map(n, |i| 2.0 * w4[i] - w9[i]), 3);
    let (ao5, ao34) = (sma(&hl2, 5), sma(&hl2, 34));
    let ao = map(n, |i| ao5[i] - ao34[i]);
    // Lines 358–379: Stochastic RSI, Williams %R, Bull/Bear Power.
    let rsi_k = sma(&stoch(&rsi14, &rsi14, &rsi14, 14), 3);
    let (rh, rl) = (highest(&rsi14, 14), lowest(&rsi14, 14));
    let rsi_range_tiny = map(n, |i| {
        f64::from(u8::from(tiny(rh[i] - rl[i], 100.0) && rh[i] != rl[i]))
    });
    let hlc3_ma = sma(&hlc3, 20);
    let cci_dev_tiny = map(n, |i| {
        window(&hlc3, i, 20).map_or(0.0, |w| {
            let dev = w.iter().map(|v| (v - hlc3_ma[i]).abs()).sum::<f64>() / 20.0;
            f64::from(u8::from(tiny(dev, hlc3_ma[i]) && dev != 0.0))
        })
    });
    // Any such divisor among the bars a vote reads (its value, `[1]`, and their smoothings).
    let any_tiny =
        |x: &[f64], i: usize, back: usize| (i.saturating_sub(back)..=i).any(|j| x[j] != 0.0);
    let rsi_d = sma(&rsi_k, 3);
    let (h14, l14) = (highest(&high, 14), lowest(&low, 14));
    let wr = map(n, |i| div(h14[i] - close[i], h14[i] - l14[i]) * -100.0);
    let bull = map(n, |i| high[i] - ema13[i]);
    let bear = map(n, |i| low[i] - ema13[i]);
    // Lines 382–403: uo(7, 14, 28), × 100.
    let val = map(n, |i| {
        let pc = ago(&close, i, 1);
        close[i] - if pc < low[i] { pc } else { low[i] }
    });
    let (v1, v2, v3) = (sum(&tr, 7), sum(&tr, 14), sum(&tr, 28));
    let (v4, v5, v6) = (sum(&val, 7), sum(&val, 14), sum(&val, 28));
    let nonzero = |v: f64| !na(v) && v != 0.0; // `if Value1 != 0`: an na condition is false
    let uo = map(n, |i| {
        if nonzero(v1[i]) && nonzero(v2[i]) && nonzero(v3[i]) {
            let (var0, var1) = (28.0 / 7.0, 28.0 / 14.0);
            100.0 * (v4[i] / v1[i] * var0 + v5[i] / v2[i] * var1 + v6[i] / v3[i])
                / (var0 + var1 + 1.0)
        } else {
            NA
        }
    });
    // Lines 407–415: Ichimoku (9, 26, 52); `ta.lowest(len)` reads `low`.
    let donchian = |k: usize| {
        let (h, l) = (highest(&high, k), lowest(&low, k));
        map(n, |i| (l[i] + h[i]) / 2.0)
    };
    let (conv, base, lead2) = (donchian(9), donchian(26), donchian(52));
    let lead1 = map(n, |i| (conv[i] + base[i]) / 2.0);

    let mut out = Literal {
        casts: Vec::with_capacity(n),
        values: Vec::with_capacity(n),
        total: Vec::with_capacity(n),
    };
    for i in 0..n {
        let c = close[i];
        let b1 = |x: &[f64]| ago(x, i, 1);
        let mut v = [Cast {
            vote: None,
            margin: f64::INFINITY,
            ill: false,
        }; 26];
        let mut x = [NA; 26];
        // Lines 453–509: Recommend.MA.
        for k in 0..6 {
            (v[k], x[k]) = (recommend_ma(smas[k][i], c), smas[k][i]);
            (v[6 + k], x[6 + k]) = (recommend_ma(emas[k][i], c), emas[k][i]);
        }
        (v[12], x[12]) = (recommend_ma(hull[i], c), hull[i]);
        let vwma = div(cv20[i], v20[i]);
        (v[13], x[13]) = (recommend_ma(vwma, c), vwma);
        let (l1, l2, bl, cl) = (lead1[i], lead2[i], base[i], conv[i]);
        v[14] = recommend(
            !(na(l1) || na(l2) || na(c) || na(b1(&close)) || na(bl) || na(cl)),
            l1 > l2 && bl > l1 && cl > bl && c > cl,
            l1 < l2 && bl < l1 && cl < bl && c < cl,
            &[(l1, l2), (bl, l1), (cl, bl), (c, cl)],
        );
        x[14] = bl;
        // Lines 511–571: Recommend.Other.
        let (r, r1) = (rsi14[i], b1(&rsi14));
        v[15] = recommend(
            !(na(r) || na(r1)),
            r < 30.0 && r1 < r,
            r > 70.0 && r1 > r,
            &[(r, 30.0), (r, 70.0), (r1, r)],
        );
        x[15] = r;
        let (k, d, k1, d1) = (k_stoch[i], d_stoch[i], b1(&k_stoch), b1(&d_stoch));
        v[16] = recommend(
            !(na(k) || na(d) || na(k1) || na(d1)),
            k < 20.0 && d < 20.0 && k > d,
            k > 80.0 && d > 80.0 && k < d,
            &[(k, 20.0), (d, 20.0), (k, d), (k, 80.0), (d, 80.0)],
        );
        x[16] = k;
        let (cc, cc1) = (cci20[i], b1(&cci20));
        v[17] = recommend(
            !(na(cc) || na(cc1)),
            cc < -100.0 && cc > cc1,
            cc > 100.0 && cc < cc1,
            &[(cc, -100.0), (cc, 100.0), (cc, cc1)],
        );
        x[17] = cc;
        v[17].ill = any_tiny(&cci_dev_tiny, i, 1);
        let (a, a1) = (adx[i], b1(&adx));
        let (p, m, p1, m1) = (plus[i], minus[i], b1(&plus), b1(&minus));
        v[18] = recommend(
            !(na(a) || na(p1) || na(m1) || na(p) || na(m)),
            a > 20.0 && a > a1 && p > m,
            a > 20.0 && a > a1 && p < m,
            &[(a, 20.0), (a, a1), (p, m)],
        );
        x[18] = a;
        let (o, o1, o2) = (ao[i], b1(&ao), ago(&ao, i, 2));
        let crossover = o > 0.0 && o1 <= 0.0; // ta.crossover(AO, 0)
        let crossunder = o < 0.0 && o1 >= 0.0;
        v[19] = recommend(
            !(na(o) || na(o1)),
            crossover || (o > 0.0 && o1 > 0.0 && o > o1 && o2 > o1),
            crossunder || (o < 0.0 && o1 < 0.0 && o < o1 && o2 < o1),
            &[(o, 0.0), (o1, 0.0), (o, o1), (o2, o1)],
        );
        x[19] = o;
        let (mo, mo1) = (mom[i], b1(&mom));
        v[20] = recommend(!(na(mo) || na(mo1)), mo > mo1, mo < mo1, &[(mo, mo1)]);
        x[20] = mo;
        let (ml, sl) = (macd[i], signal[i]);
        v[21] = recommend(!(na(ml) || na(sl)), ml > sl, ml < sl, &[(ml, sl)]);
        x[21] = ml;
        let price_avg = emas[3][i]; // PriceAvg = EMA50, line 442
        let (down_trend, up_trend) = (c < price_avg, c > price_avg);
        let (sk, sd, sk1, sd1) = (rsi_k[i], rsi_d[i], b1(&rsi_k), b1(&rsi_d));
        v[22] = recommend(
            !(na(sk) || na(sd) || na(sk1) || na(sd1)),
            down_trend && sk < 20.0 && sd < 20.0 && sk > sd,
            up_trend && sk > 80.0 && sd > 80.0 && sk < sd,
            &[
                (c, price_avg),
                (sk, 20.0),
                (sd, 20.0),
                (sk, sd),
                (sk, 80.0),
                (sd, 80.0),
            ],
        );
        x[22] = sk;
        v[22].ill = any_tiny(&rsi_range_tiny, i, 5);
        let (w, w1) = (wr[i], b1(&wr));
        v[23] = recommend(
            !(na(w) || na(w1)),
            w < -80.0 && w > w1,
            w > -20.0 && w < w1,
            &[(w, -80.0), (w, -20.0), (w, w1)],
        );
        x[23] = w;
        let (bu, be, bu1, be1) = (bull[i], bear[i], b1(&bull), b1(&bear));
        v[24] = recommend(
            !(na(be) || na(be1) || na(bu) || na(bu1)),
            up_trend && be < 0.0 && be > be1,
            down_trend && bu > 0.0 && bu < bu1,
            &[(c, price_avg), (be, 0.0), (be, be1), (bu, 0.0), (bu, bu1)],
        );
        x[24] = bu + be;
        let u = uo[i];
        v[25] = recommend(!na(u), u > 70.0, u < 30.0, &[(u, 70.0), (u, 30.0)]);
        x[25] = u;

        // recMA / recOther: the mean of the cast votes; recTotal: the mean of the groups.
        let mean = |range: std::ops::Range<usize>| {
            let cast: Vec<f64> = v[range]
                .iter()
                .filter_map(|c| c.vote.map(f64::from))
                .collect();
            if cast.is_empty() {
                NA
            } else {
                cast.iter().sum::<f64>() / cast.len() as f64
            }
        };
        let (ma, other) = (mean(0..15), mean(15..26));
        let groups: Vec<f64> = [ma, other].into_iter().filter(|g| !na(*g)).collect();
        out.total.push(if groups.is_empty() {
            NA
        } else {
            groups.iter().sum::<f64>() / groups.len() as f64
        });
        out.casts.push(v);
        out.values.push(x);
    }
    out
}

fn close_enough(a: f64, b: f64) -> bool {
    (na(a) && na(b)) || (a - b).abs() <= 1e-9 * a.abs().max(b.abs()).max(1.0)
}

/// Compares every bar; returns how many votes differed (each a tie to rounding).
fn compare(bars: &[Bar], what: &str) -> usize {
    let want = literal(bars);
    let names = votes_of(Rules::TradingView);
    let mut fused = TechnicalRating::with_rules(Rules::TradingView);
    let (mut ties, mut ill) = (0, 0);
    for (i, b) in bars.iter().enumerate() {
        let scores = fused.update(b).expect("valid bars");
        let d = fused.detail();
        let mut flipped = false;
        for (k, got) in d.votes.iter().enumerate() {
            let (cast, value) = (want.casts[i][k], want.values[i][k]);
            if cast.ill {
                ill += 1;
                flipped = true;
                continue;
            }
            assert!(
                close_enough(got.value, value),
                "{what}: bar {i} {}: value {} ≠ literal {value}",
                names[k].0,
                got.value
            );
            if got.vote != cast.vote {
                assert!(
                    got.vote.is_some() == cast.vote.is_some() && cast.margin < 1e-9,
                    "{what}: bar {i} {}: vote {:?} ≠ literal {:?} (closest comparison {:e} from a tie)",
                    names[k].0,
                    got.vote,
                    cast.vote,
                    cast.margin
                );
                flipped = true;
                ties += 1;
            }
        }
        if !flipped {
            assert!(
                close_enough(scores.total, want.total[i]),
                "{what}: bar {i}: total {} ≠ literal {}",
                scores.total,
                want.total[i]
            );
        }
    }
    // Ill-conditioned values are the exception, not a way round the comparison: only flat
    // stretches make them (42 StochRSI and CCI votes in the 140 flat bars of the test below).
    println!(
        "{what}: {ties} votes tied to rounding, {ill} ill-conditioned, of {} bars",
        bars.len()
    );
    assert!(
        ill * 10 < bars.len(),
        "{what}: {ill} ill-conditioned votes of {} bars",
        bars.len()
    );
    ties
}

fn timed(mut bars: Vec<Bar>) -> Vec<Bar> {
    for (i, b) in bars.iter_mut().enumerate() {
        b.time = i as i64 * 60_000;
    }
    bars
}

#[test]
fn random_walks_agree_vote_for_vote() {
    for seed in 1u64..4 {
        let bars = walk::bars(2000, seed.wrapping_mul(walk::SEED), 0.02);
        compare(&bars, &format!("seed {seed}"));
    }
}

#[test]
fn flat_stretches_and_zero_ranges_agree() {
    // Flat prices (zero ranges and deviations: Pine's division by zero, the guards), zero
    // volume, then a walk, then flat again.
    let flat = |c: f64, v: f64| Bar {
        time: 0,
        open: c,
        high: c,
        low: c,
        close: c,
        volume: v,
    };
    let mut bars = walk::bars(400, 7, 0.02);
    bars.extend((0..80).map(|_| flat(123.25, 0.0)));
    bars.extend(walk::bars(300, 11, 0.01));
    bars.extend((0..60).map(|_| flat(0.5, 10.0)));
    compare(&timed(bars), "flat");
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

#[test]
fn the_literal_reading_can_tell_the_rule_sets_apart() {
    // A check on the check: the library's rule set must fail this comparison somewhere.
    let bars = walk::bars(1000, walk::SEED, 0.02);
    let want = literal(&bars);
    let mut library = TechnicalRating::with_rules(Rules::LibraryV3);
    let differ = bars
        .iter()
        .enumerate()
        .filter(|(i, b)| {
            library.update(b).unwrap();
            let d = library.detail();
            d.votes
                .iter()
                .zip(&want.casts[*i])
                .any(|(v, c)| v.vote != c.vote)
        })
        .count();
    assert!(differ > 100, "{differ} bars differ");
}
