//! Scoring the breakout-then-retest pattern: the checks a reader sees and the strength.

use super::node::Node;
use super::pattern::{complete, find_breakout, Retest};
use super::result::Check;
use super::rule::BreakoutParams as Params;
use crate::model::SignalDirection;
use crate::series::Candles;

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
