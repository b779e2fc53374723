//! The breakout-then-retest pattern over OHLCV candles, as pure functions: what happened, not
//! how it is scored (that is [`super::breakout`]'s).

use super::rule::{BreakoutParams as Params, Side};
use super::window::each_sum;
use crate::series::Candles;

/// A breakout bar: where, which way, the level it broke and its volume against the average.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Breakout {
    pub bar: usize,
    pub up: bool,
    pub level: f64,
    pub volume_ratio: f64,
}

/// What came after a breakout.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Retest {
    /// No bar has come back to the level yet.
    Awaiting,
    /// It came back: the bar, and whether its volume was lower and the closes since held.
    Seen {
        bar: usize,
        lower_volume: bool,
        worst_close: f64,
        held: bool,
    },
}

/// A retest on lower volume whose closes held.
pub fn complete(r: &Retest) -> bool {
    matches!(
        r,
        Retest::Seen {
            lower_volume: true,
            held: true,
            ..
        }
    )
}

/// The breakout the rule reports (the most recent with a completed retest, else the most recent)
/// and its retest; `None` when there is none or too few bars. Charts mark this.
///
/// O(n) whatever the windows: sliding extremes and volume averages for the breakouts, then the
/// breakouts from the latest back, each retest found by a binary search over the running lows
/// (or highs) after it, stopping at the first complete one.
pub fn find_breakout(c: &Candles, p: &Params) -> Option<(Breakout, Retest)> {
    let n = c.len();
    let first = p.lookback.max(p.volume_window);
    if n <= first {
        return None;
    }
    let start = first.max(n.saturating_sub(p.within));
    let found = breakouts(c, p, start);
    let mut after = After::new(c, n);
    let mut latest = None;
    for k in found.iter().rev() {
        after.extend_to(k.bar + 1);
        let r = after.retest(k, p.tolerance);
        if complete(&r) {
            return Some((*k, r));
        }
        latest = latest.or(Some((*k, r)));
    }
    latest
}

/// The breakouts at bars `start..n`, oldest first.
fn breakouts(c: &Candles, p: &Params, start: usize) -> Vec<Breakout> {
    let n = c.len();
    // The average volume of the `volume_window` bars before bar b: the window ending at b − 1.
    let mut avg_vol = vec![f64::NAN; n - start];
    let vw = p.volume_window.max(1);
    each_sum(&c.volume[..n - 1], vw, |i, sum| {
        if i + 1 >= start {
            avg_vol[i + 1 - start] = sum / vw as f64;
        }
    });
    let hi = Extremes::new(&c.high, p.lookback, |a, b| a >= b);
    let lo = Extremes::new(&c.low, p.lookback, |a, b| a <= b);
    let mut out = vec![];
    for (b, (hi, lo)) in hi.zip(lo).enumerate().skip(start) {
        let avg = avg_vol[b - start];
        let volume_ratio = if avg > 0.0 { c.volume[b] / avg } else { 0.0 };
        if volume_ratio < p.volume_factor {
            continue;
        }
        let up = c.close[b] > hi && p.side != Side::Down;
        let down = c.close[b] < lo && p.side != Side::Up;
        if up || down {
            out.push(Breakout {
                bar: b,
                up,
                level: if up { hi } else { lo },
                volume_ratio,
            });
        }
    }
    out
}

/// For each bar b, the extreme (by `keeps`) of the `p` values before it: a monotonic deque,
/// each index pushed and popped once. Bars with fewer than `p` before them get NaN.
struct Extremes<'a, F> {
    x: &'a [f64],
    p: usize,
    keeps: F,
    deque: std::collections::VecDeque<usize>,
    b: usize,
}

impl<'a, F: Fn(f64, f64) -> bool> Extremes<'a, F> {
    fn new(x: &'a [f64], p: usize, keeps: F) -> Self {
        Extremes {
            x,
            p,
            keeps,
            deque: Default::default(),
            b: 0,
        }
    }
}

impl<F: Fn(f64, f64) -> bool> Iterator for Extremes<'_, F> {
    type Item = f64;
    fn next(&mut self) -> Option<f64> {
        let b = self.b;
        if b >= self.x.len() {
            return None;
        }
        self.b += 1;
        if b > 0 {
            let j = b - 1;
            while self
                .deque
                .back()
                .is_some_and(|&k| !(self.keeps)(self.x[k], self.x[j]))
            {
                self.deque.pop_back();
            }
            self.deque.push_back(j);
        }
        while self.deque.front().is_some_and(|&k| k + self.p < b) {
            self.deque.pop_front();
        }
        Some(match self.deque.front() {
            Some(&k) if b >= self.p => self.x[k],
            _ => f64::NAN,
        })
    }
}

/// What follows a bar, grown leftwards from the last bar: the running lows and highs (each a
/// stack of the bars no earlier bar undercuts, or overtops) and the worst closes from each bar
/// to the end.
struct After<'a> {
    c: &'a Candles,
    /// The leftmost bar included so far.
    from: usize,
    lows: Vec<usize>,
    highs: Vec<usize>,
    /// The lowest and highest close of bars `i..` at index `n − 1 − i` (pushed right to left).
    min_close: Vec<f64>,
    max_close: Vec<f64>,
}

impl<'a> After<'a> {
    fn new(c: &'a Candles, n: usize) -> Self {
        After {
            c,
            from: n,
            lows: vec![],
            highs: vec![],
            min_close: vec![],
            max_close: vec![],
        }
    }

    /// Includes bars `bar..` (bars are added right to left, once each).
    fn extend_to(&mut self, bar: usize) {
        let c = self.c;
        while self.from > bar {
            self.from -= 1;
            let i = self.from;
            while self.lows.last().is_some_and(|&k| c.low[k] >= c.low[i]) {
                self.lows.pop();
            }
            self.lows.push(i);
            while self.highs.last().is_some_and(|&k| c.high[k] <= c.high[i]) {
                self.highs.pop();
            }
            self.highs.push(i);
            let (lo, hi) = match (self.min_close.last(), self.max_close.last()) {
                (Some(&lo), Some(&hi)) => (lo.min(c.close[i]), hi.max(c.close[i])),
                _ => (c.close[i], c.close[i]),
            };
            self.min_close.push(lo);
            self.max_close.push(hi);
        }
    }

    /// The retest of `k`, over the bars included (those after it).
    fn retest(&self, k: &Breakout, tol: f64) -> Retest {
        let c = self.c;
        // Stacks hold, from the top, the first bar and then each later bar that goes beyond all
        // before it: the first bar to reach the level is the first such bar to reach it.
        let touch = if k.up {
            let at = k.level * (1.0 + tol);
            let q = self.lows.partition_point(|&i| c.low[i] <= at);
            q.checked_sub(1).map(|q| self.lows[q])
        } else {
            let at = k.level * (1.0 - tol);
            let q = self.highs.partition_point(|&i| c.high[i] >= at);
            q.checked_sub(1).map(|q| self.highs[q])
        };
        let Some(r) = touch else {
            return Retest::Awaiting;
        };
        // The suffix arrays are stored from the end: bar r is at index n − 1 − r.
        let at = c.len() - 1 - r;
        let (worst_close, held) = if k.up {
            let w = self.min_close[at];
            (w, w >= k.level * (1.0 - tol))
        } else {
            let w = self.max_close[at];
            (w, w <= k.level * (1.0 + tol))
        };
        Retest::Seen {
            bar: r,
            lower_volume: c.volume[r] < c.volume[k.bar],
            worst_close,
            held,
        }
    }
}
