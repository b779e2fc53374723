//! The breakout-then-retest pattern over OHLCV candles.

use super::eval::Node;
use super::result::Check;
use super::rule::Side;
use crate::model::SignalDirection;
use crate::series::Candles;

/// The rule's parameters (see [`super::Rule::BreakoutRetest`]).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Params {
    pub lookback: usize,
    pub volume_window: usize,
    pub volume_factor: f64,
    pub tolerance: f64,
    pub within: usize,
    pub side: Side,
}

impl Params {
    /// The parameters of the first `breakout_retest` rule in `rule` (depth first), if any.
    pub fn from_rule(rule: &super::Rule) -> Option<Params> {
        use super::Rule;
        match rule {
            Rule::BreakoutRetest { params, .. } => Some(*params),
            Rule::All(rs) | Rule::Any(rs) => rs.iter().find_map(Params::from_rule),
            Rule::Not(r) => Params::from_rule(r),
            _ => None,
        }
    }
}

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

/// Finds the most recent breakout within `within` bars whose retest completed, else the most
/// recent breakout at all, and reports it as checks.
pub fn breakout_retest(c: &Candles, p: &Params, path: &str, series: &str) -> Node {
    let n = c.len();
    let first = p.lookback.max(p.volume_window);
    if n <= first {
        return Node::unknown(
            path,
            "breakout_retest",
            format!("needs more than {first} bars of `{series}`, has {n}"),
        );
    }
    let start = first.max(n.saturating_sub(p.within));
    let pick = find_breakout(c, p);
    let check =
        |label: String, value: f64, op: &'static str, threshold: f64, passed: bool, bar: usize| {
            Check {
                rule: path.into(),
                kind: "breakout_retest",
                label,
                value: Some(value),
                op: Some(op),
                threshold: Some(threshold),
                passed: Some(passed),
                time: c.time.get(bar).copied(),
                note: None,
            }
        };
    let Some((k, r)) = pick.as_ref().map(|(k, r)| (k, r)) else {
        let mut node = Node::leaf(false, 0.0);
        node.checks.push(Check {
            rule: path.into(),
            kind: "breakout_retest",
            label: format!(
                "close beyond the {}-bar high/low on volume ≥ {}× its {}-bar average, in the last {} bars",
                p.lookback, p.volume_factor, p.volume_window, n - start
            ),
            value: None,
            op: None,
            threshold: None,
            passed: Some(false),
            time: c.time.last().copied(),
            note: Some("no breakout found".into()),
        });
        return node;
    };
    let (word, op_b) = if k.up { ("high", ">") } else { ("low", "<") };
    let mut checks = vec![
        check(
            format!("breakout close vs the prior {}-bar {word}", p.lookback),
            c.close[k.bar],
            op_b,
            k.level,
            true,
            k.bar,
        ),
        check(
            format!("breakout volume ÷ its {}-bar average", p.volume_window),
            k.volume_ratio,
            ">=",
            p.volume_factor,
            true,
            k.bar,
        ),
    ];
    let strength = match r {
        Retest::Awaiting => {
            checks.push(Check {
                rule: path.into(),
                kind: "breakout_retest",
                label: format!("retest of the level {}", k.level),
                value: None,
                op: None,
                threshold: Some(k.level),
                passed: Some(false),
                time: c.time.last().copied(),
                note: Some("awaiting retest: price has not come back to the level".into()),
            });
            25.0
        }
        Retest::Seen {
            bar,
            lower_volume,
            worst_close,
            held,
        } => {
            let (touch, op_t, lim_t, op_h, lim_h) = if k.up {
                (
                    c.low[*bar],
                    "<=",
                    k.level * (1.0 + p.tolerance),
                    ">=",
                    k.level * (1.0 - p.tolerance),
                )
            } else {
                (
                    c.high[*bar],
                    ">=",
                    k.level * (1.0 - p.tolerance),
                    "<=",
                    k.level * (1.0 + p.tolerance),
                )
            };
            checks.push(check(
                format!(
                    "retest bar's {} vs the level ± {}%",
                    if k.up { "low" } else { "high" },
                    p.tolerance * 100.0
                ),
                touch,
                op_t,
                lim_t,
                true,
                *bar,
            ));
            checks.push(check(
                "retest volume vs breakout volume".into(),
                c.volume[*bar],
                "<",
                c.volume[k.bar],
                *lower_volume,
                *bar,
            ));
            checks.push(check(
                format!(
                    "{} close since the retest",
                    if k.up { "lowest" } else { "highest" }
                ),
                *worst_close,
                op_h,
                lim_h,
                *held,
                n - 1,
            ));
            if complete(r) {
                50.0 + 50.0 * (k.volume_ratio / p.volume_factor - 1.0).clamp(0.0, 1.0)
            } else {
                10.0
            }
        }
    };
    let mut node = Node::leaf(complete(r), strength);
    node.checks = checks;
    node.direction = Some(if k.up {
        SignalDirection::Bullish
    } else {
        SignalDirection::Bearish
    });
    node
}
