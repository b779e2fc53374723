//! Scoring the breakout-then-retest pattern: the checks a reader sees and the strength.

use super::node::Node;
use super::pattern::{complete, find_breakout, Retest};
use super::result::{Arg, Check, Phrase, Said};
use super::rule::BreakoutParams as Params;
use crate::float::shortest;
use crate::model::SignalDirection;
use crate::series::Candles;

/// Finds the most recent breakout within `within` bars whose retest completed, else the most
/// recent breakout at all, and reports it as checks.
pub fn breakout_retest(c: &Candles, p: &Params, path: &str, series: &str) -> Node {
    let n = c.len();
    let first = p.lookback.max(p.volume_window);
    if n <= first {
        let said = vec![
            Arg::Num(first as f64),
            Arg::Text(series.into()),
            Arg::Num(n as f64),
        ];
        return Node::unknown_said(
            path,
            "breakout_retest",
            format!("needs more than {first} bars of `{series}`, has {n}"),
            Some(Said(Phrase::NeedsBars, said)),
        );
    }
    let start = first.max(n.saturating_sub(p.within));
    let pick = find_breakout(c, p);
    let check = |said: Said,
                 label: String,
                 value: f64,
                 op: &'static str,
                 threshold: f64,
                 passed: bool,
                 bar: usize| Check {
        rule: path.into(),
        kind: "breakout_retest",
        label,
        value: Some(value),
        op: Some(op),
        threshold: Some(threshold),
        passed: Some(passed),
        time: c.time.get(bar).copied(),
        note: None,
        said: Some(said),
        note_said: None,
    };
    let num = |x: f64| Arg::Num(x);
    let Some((k, r)) = pick.as_ref().map(|(k, r)| (k, r)) else {
        let mut node = Node::leaf(false, 0.0);
        node.checks.push(Check {
            rule: path.into(),
            kind: "breakout_retest",
            label: format!(
                "close beyond the {}-bar high/low on volume ≥ {}× its {}-bar average, in the last {} bars",
                p.lookback, shortest(p.volume_factor), p.volume_window, n - start
            ),
            value: None,
            op: None,
            threshold: None,
            passed: Some(false),
            time: c.time.last().copied(),
            note: Some("no breakout found".into()),
            said: Some(Said(
                Phrase::BreakoutSought,
                vec![
                    num(p.lookback as f64),
                    num(p.volume_factor),
                    num(p.volume_window as f64),
                    num((n - start) as f64),
                ],
            )),
            note_said: Some(Said(Phrase::NoBreakout, Vec::new())),
        });
        return node;
    };
    let (word, op_b, side) = if k.up {
        ("high", ">", Phrase::BreakoutHigh)
    } else {
        ("low", "<", Phrase::BreakoutLow)
    };
    let mut checks = vec![
        check(
            Said(side, vec![num(p.lookback as f64)]),
            format!("breakout close vs the prior {}-bar {word}", p.lookback),
            c.close[k.bar],
            op_b,
            k.level,
            true,
            k.bar,
        ),
        check(
            Said(Phrase::BreakoutVolume, vec![num(p.volume_window as f64)]),
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
                label: format!("retest of the level {}", shortest(k.level)),
                value: None,
                op: None,
                threshold: Some(k.level),
                passed: Some(false),
                time: c.time.last().copied(),
                note: Some("awaiting retest: price has not come back to the level".into()),
                said: Some(Said(Phrase::Retest, vec![num(k.level)])),
                note_said: Some(Said(Phrase::AwaitingRetest, Vec::new())),
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
            let retest = if k.up {
                Phrase::RetestLow
            } else {
                Phrase::RetestHigh
            };
            checks.push(check(
                Said(retest, vec![num(p.tolerance * 100.0)]),
                format!(
                    "retest bar's {} vs the level ± {}%",
                    if k.up { "low" } else { "high" },
                    shortest(p.tolerance * 100.0)
                ),
                touch,
                op_t,
                lim_t,
                true,
                *bar,
            ));
            checks.push(check(
                Said(Phrase::RetestVolume, Vec::new()),
                "retest volume vs breakout volume".into(),
                c.volume[*bar],
                "<",
                c.volume[k.bar],
                *lower_volume,
                *bar,
            ));
            let since = if k.up {
                Phrase::LowestSince
            } else {
                Phrase::HighestSince
            };
            checks.push(check(
                Said(since, Vec::new()),
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
