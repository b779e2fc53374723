//! The breakout-then-retest pattern over OHLCV candles, as pure functions: what happened, not
//! how it is scored (that is [`super::breakout`]'s).

use super::rule::{BreakoutParams as Params, Side};
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

fn breakout_at(c: &Candles, b: usize, p: &Params) -> Option<Breakout> {
    let prior = b - p.lookback..b;
    let avg_vol = c.volume[b - p.volume_window..b].iter().sum::<f64>() / p.volume_window as f64;
    let volume_ratio = if avg_vol > 0.0 {
        c.volume[b] / avg_vol
    } else {
        0.0
    };
    if volume_ratio < p.volume_factor {
        return None;
    }
    let hi = c.high[prior.clone()]
        .iter()
        .copied()
        .fold(f64::MIN, f64::max);
    let lo = c.low[prior].iter().copied().fold(f64::MAX, f64::min);
    let up = c.close[b] > hi && p.side != Side::Down;
    let down = c.close[b] < lo && p.side != Side::Up;
    (up || down).then_some(Breakout {
        bar: b,
        up,
        level: if up { hi } else { lo },
        volume_ratio,
    })
}

fn retest(c: &Candles, k: &Breakout, tol: f64) -> Retest {
    let n = c.len();
    let touch = (k.bar + 1..n).find(|&r| {
        if k.up {
            c.low[r] <= k.level * (1.0 + tol)
        } else {
            c.high[r] >= k.level * (1.0 - tol)
        }
    });
    let Some(r) = touch else {
        return Retest::Awaiting;
    };
    let closes = &c.close[r..];
    let (worst_close, held) = if k.up {
        let w = closes.iter().copied().fold(f64::MAX, f64::min);
        (w, w >= k.level * (1.0 - tol))
    } else {
        let w = closes.iter().copied().fold(f64::MIN, f64::max);
        (w, w <= k.level * (1.0 + tol))
    };
    Retest::Seen {
        bar: r,
        lower_volume: c.volume[r] < c.volume[k.bar],
        worst_close,
        held,
    }
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
pub fn find_breakout(c: &Candles, p: &Params) -> Option<(Breakout, Retest)> {
    let n = c.len();
    let first = p.lookback.max(p.volume_window);
    if n <= first {
        return None;
    }
    let start = first.max(n.saturating_sub(p.within));
    let found: Vec<(Breakout, Retest)> = (start..n)
        .filter_map(|b| breakout_at(c, b, p))
        .map(|k| {
            let r = retest(c, &k, p.tolerance);
            (k, r)
        })
        .collect();
    let i = found
        .iter()
        .rposition(|(_, r)| complete(r))
        .or(found.len().checked_sub(1))?;
    found.get(i).copied()
}
