//! Evaluating a rule tree over the data in hand. Three-valued: a leaf without its data is
//! unknown, `all` is false if any part is false, `any` is true if any part is true, and
//! unknown otherwise. Strengths follow `docs/signal-rules.md`: every node scores 0–100 with 50
//! at its threshold, `all` takes the weakest part, `any` the strongest, `not` the complement.

use super::breakout::breakout_retest;
use super::derive::{eval, mean_sd, zscore, Line};
use super::input::SeriesSet;
use super::node::Node;
use super::result::{Arg, Check, Phrase, Said};
use super::rule::{Op, Rule, SeriesExpr, Trend};
use crate::float::shortest;
use crate::format::fmt_num;
use crate::series::SeriesData;

/// Evaluates `rule` (found at `path`) over `set`.
pub fn evaluate(rule: &Rule, path: &str, set: &SeriesSet) -> Node {
    match rule {
        Rule::All(rs) | Rule::Any(rs) => {
            let is_all = matches!(rule, Rule::All(_));
            let kids: Vec<Node> = rs
                .iter()
                .enumerate()
                .map(|(i, r)| evaluate(r, &format!("{path}.rules[{i}]"), set))
                .collect();
            combine(kids, is_all)
        }
        Rule::Not(r) => {
            let mut n = evaluate(r, &format!("{path}.rule"), set);
            n.truth = n.truth.map(|t| !t);
            n.strength = 100.0 - n.strength;
            n
        }
        Rule::BreakoutRetest { series, params } => match set.lookup(series).map(|i| &i.data) {
            Ok(SeriesData::Candles(c)) => breakout_retest(c, params, path, series),
            Ok(SeriesData::Points(_)) => Node::unknown(
                path,
                "breakout_retest",
                format!("series `{series}` has one value per point, not candles"),
            ),
            Err(missing) => Node::unknown(path, "breakout_retest", missing.to_string()),
        },
        Rule::Divergence { a, b, min_a, min_b } => divergence(a, b, *min_a, *min_b, path, set),
        leaf => single(leaf, path, set),
    }
}

fn combine(kids: Vec<Node>, is_all: bool) -> Node {
    let truths: Vec<Option<bool>> = kids.iter().map(|k| k.truth).collect();
    let decisive = !is_all;
    let truth = if truths.contains(&Some(decisive)) {
        Some(decisive)
    } else if truths.contains(&None) {
        None
    } else {
        Some(!decisive)
    };
    let known = kids.iter().map(|k| k.strength).filter(|s| !s.is_nan());
    let strength = if is_all {
        known.fold(f64::NAN, f64::min)
    } else {
        known.fold(f64::NAN, f64::max)
    };
    let mut out = Node {
        truth,
        strength,
        checks: Vec::new(),
        reasons: Vec::new(),
        direction: None,
    };
    for k in kids {
        out.checks.extend(k.checks);
        out.reasons.extend(k.reasons);
        out.direction = out.direction.or(k.direction);
    }
    out
}

fn line(expr: &SeriesExpr, path: &str, kind: &'static str, set: &SeriesSet) -> Result<Line, Node> {
    eval(expr, set).map_err(|m| Node::unknown(path, kind, m.to_string()))
}

/// A series expression or an operator, as a phrase's argument.
fn text(s: &str) -> Arg {
    Arg::Text(s.to_owned())
}

fn too_short(path: &str, kind: &'static str, expr: &SeriesExpr, need: usize, has: usize) -> Node {
    let (n, of) = (|x: usize| Arg::Num(x as f64), expr.label());
    Node::unknown_said(
        path,
        kind,
        format!("needs {need} points of {of}, has {has}"),
        Some(Said(Phrase::Needs, vec![n(need), Arg::Text(of), n(has)])),
    )
}

struct Leaf<'a> {
    path: &'a str,
    kind: &'static str,
}

impl Leaf<'_> {
    fn check(
        &self,
        said: Said,
        label: String,
        value: f64,
        op: Op,
        threshold: f64,
        time: i64,
    ) -> Check {
        Check {
            rule: self.path.into(),
            kind: self.kind,
            label,
            value: Some(value),
            op: Some(op.as_str()),
            threshold: Some(threshold),
            passed: Some(op.holds(value, threshold)),
            time: Some(time),
            note: None,
            said: Some(said),
            note_said: None,
        }
    }
}

fn single(rule: &Rule, path: &str, set: &SeriesSet) -> Node {
    let kind = rule.kind();
    let leaf = Leaf { path, kind };
    let (expr, need) = match rule {
        Rule::Threshold { series, .. } => (series, 1),
        Rule::Persistence {
            series, periods, ..
        } => (series, *periods),
        Rule::Trend { series, window, .. } => (series, *window),
        Rule::Zscore {
            series, lookback, ..
        } => (series, lookback + 1),
        _ => return Node::unknown(path, kind, "not a single-series rule".into()),
    };
    let l = match line(expr, path, kind, set) {
        Ok(l) => l,
        Err(n) => return n,
    };
    let label = expr.label();
    let Some((t, x)) = l.last() else {
        return too_short(path, kind, expr, need, 0);
    };
    match rule {
        Rule::Threshold { op, value, .. } => {
            let said = Said(Phrase::Latest, vec![text(&label)]);
            let c = leaf.check(said, format!("latest {label}"), x, *op, *value, t);
            let (_, sd) = mean_sd(&l.value);
            let s = graded(op.sign() * (x - value), sd, c.passed == Some(true));
            with_checks(c.passed == Some(true), s, vec![c])
        }
        Rule::Zscore {
            lookback,
            op,
            value,
            ..
        } => {
            if l.len() < need {
                return too_short(path, kind, expr, need, l.len());
            }
            let n = l.len();
            let z = zscore(x, &l.value[n - 1 - lookback..n - 1]);
            let c = leaf.check(
                Said(
                    Phrase::ZScore,
                    vec![text(&label), Arg::Num(*lookback as f64)],
                ),
                format!("z-score of the latest {label} against the {lookback} before it"),
                z,
                *op,
                *value,
                t,
            );
            let pass = c.passed == Some(true);
            with_checks(pass, 50.0 + 25.0 * op.sign() * (z - value), vec![c])
        }
        Rule::Persistence {
            op, value, periods, ..
        } => {
            let streak = l
                .value
                .iter()
                .rev()
                .take_while(|v| op.holds(**v, *value))
                .count();
            if streak == l.len() && streak < *periods {
                return too_short(path, kind, expr, need, l.len());
            }
            let said = vec![text(&label), text(op.as_str()), Arg::Num(*value)];
            let mut c = leaf.check(
                Said(Phrase::Streak, said),
                format!(
                    "consecutive latest points with {label} {} {}",
                    op.as_str(),
                    shortest(*value)
                ),
                streak as f64,
                Op::Ge,
                *periods as f64,
                t,
            );
            if streak > 0 {
                let start = l.time[l.len() - streak];
                c.note = Some(format!("streak began at {start}"));
                c.note_said = Some(Said(Phrase::StreakBegan, vec![Arg::Time(start)]));
            }
            let pass = streak >= *periods;
            with_checks(pass, 50.0 * streak as f64 / *periods as f64, vec![c])
        }
        Rule::Trend {
            window,
            direction,
            min_t,
            min_change,
            ..
        } => {
            if l.len() < *window {
                return too_short(path, kind, expr, need, l.len());
            }
            let (slope, tstat) = ols(&l.value[l.len() - window..]);
            let change = slope * (*window as f64 - 1.0);
            let d = if *direction == Trend::Up { 1.0 } else { -1.0 };
            let (op, sign) = if d > 0.0 {
                (Op::Ge, 1.0)
            } else {
                (Op::Le, -1.0)
            };
            let over = vec![text(&label), Arg::Num(*window as f64)];
            let mut checks = vec![leaf.check(
                Said(Phrase::TrendT, over.clone()),
                format!("t-statistic of the slope of {label} over {window} points"),
                tstat,
                op,
                sign * min_t,
                t,
            )];
            let mut ratio = if *min_t > 0.0 {
                d * tstat / min_t
            } else if d * tstat > 0.0 {
                2.0
            } else {
                0.0
            };
            if let Some(mc) = min_change {
                checks.push(leaf.check(
                    Said(Phrase::TrendChange, over),
                    format!("fitted change of {label} over {window} points"),
                    change,
                    op,
                    sign * mc,
                    t,
                ));
                let r = if *mc > 0.0 {
                    d * change / mc
                } else if d * change > 0.0 {
                    2.0
                } else {
                    0.0
                };
                ratio = ratio.min(r);
            }
            let pass = d * slope > 0.0 && checks.iter().all(|c| c.passed == Some(true));
            with_checks(pass, 50.0 * ratio, checks)
        }
        _ => Node::unknown(path, kind, "not a single-series rule".into()),
    }
}

/// 50 at the threshold, ±25 per standard deviation of the series past it.
fn graded(margin: f64, sd: f64, pass: bool) -> f64 {
    if sd > 0.0 {
        50.0 + 25.0 * margin / sd
    } else if pass {
        100.0
    } else {
        0.0
    }
}

fn with_checks(pass: bool, strength: f64, checks: Vec<Check>) -> Node {
    let mut n = Node::leaf(pass, if strength.is_nan() { 0.0 } else { strength });
    n.checks = checks;
    n
}

/// Least-squares slope of `y` against 0, 1, 2, … and its t-statistic (capped at ±1e6 when the
/// fit is exact).
pub fn ols(y: &[f64]) -> (f64, f64) {
    let n = y.len() as f64;
    let mx = (n - 1.0) / 2.0;
    let my = y.iter().sum::<f64>() / n;
    let (mut sxx, mut sxy) = (0.0, 0.0);
    for (i, v) in y.iter().enumerate() {
        let dx = i as f64 - mx;
        sxx += dx * dx;
        sxy += dx * (v - my);
    }
    if sxx == 0.0 {
        return (0.0, 0.0);
    }
    let slope = sxy / sxx;
    let ssr: f64 = y
        .iter()
        .enumerate()
        .map(|(i, v)| {
            let e = v - (my + slope * (i as f64 - mx));
            e * e
        })
        .sum();
    let se = (ssr / (n - 2.0).max(1.0) / sxx).sqrt();
    let t = if se > 0.0 {
        slope / se
    } else if slope == 0.0 {
        0.0
    } else {
        1e6 * slope.signum()
    };
    (slope, t.clamp(-1e6, 1e6))
}

fn divergence(
    a: &SeriesExpr,
    b: &SeriesExpr,
    min_a: f64,
    min_b: f64,
    path: &str,
    set: &SeriesSet,
) -> Node {
    let kind = "divergence";
    let (la, lb) = match (line(a, path, kind, set), line(b, path, kind, set)) {
        (Ok(x), Ok(y)) => (x, y),
        (Err(n), _) | (_, Err(n)) => return n,
    };
    let (Some((ta, xa)), Some((tb, xb))) = (la.last(), lb.last()) else {
        let e = if la.is_empty() { a } else { b };
        return too_short(path, kind, e, 1, 0);
    };
    let leaf = Leaf { path, kind };
    let size = |x: f64, m: f64| {
        if m > 0.0 {
            x.abs() / m
        } else if x != 0.0 {
            2.0
        } else {
            0.0
        }
    };
    let mut ca = leaf.check(
        Said(Phrase::AbsLatest, vec![Arg::Text(a.label())]),
        format!("|latest {}|", a.label()),
        xa.abs(),
        Op::Ge,
        min_a,
        ta,
    );
    ca.note = Some(format!("value {}", fmt_num(xa)));
    ca.note_said = Some(Said(Phrase::Value, vec![Arg::Num(xa)]));
    let mut cb = leaf.check(
        Said(Phrase::AbsLatest, vec![Arg::Text(b.label())]),
        format!("|latest {}|", b.label()),
        xb.abs(),
        Op::Ge,
        min_b,
        tb,
    );
    cb.note = Some(format!("value {}", fmt_num(xb)));
    cb.note_said = Some(Said(Phrase::Value, vec![Arg::Num(xb)]));
    let product = xa * xb;
    let cs = Check {
        rule: path.into(),
        kind,
        label: format!("sign of {} × sign of {}", a.label(), b.label()),
        value: Some(xa.signum() * xb.signum()),
        op: Some("<"),
        threshold: Some(0.0),
        passed: Some(product < 0.0),
        time: Some(ta.max(tb)),
        note: None,
        said: Some(Said(
            Phrase::SignProduct,
            vec![Arg::Text(a.label()), Arg::Text(b.label())],
        )),
        note_said: None,
    };
    let pass = [&ca, &cb, &cs].iter().all(|c| c.passed == Some(true));
    let s = if product < 0.0 {
        50.0 * size(xa, min_a).min(size(xb, min_b))
    } else {
        0.0
    };
    with_checks(pass, s, vec![ca, cb, cs])
}
