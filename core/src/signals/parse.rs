//! Reading a rule from JSON, strictly: a typo is an error naming the field, not a rule that
//! silently means something else.

use super::json::{Obj, RuleError};
use super::rule::{
    BreakoutParams, Derive, Field, Op, Rule, SeriesExpr, Side, SignalRule, Trend, MAX_DEPTH,
    MAX_NODES,
};
use crate::format::quoted;
use crate::interval::Interval;
use crate::json::Value;

/// Parses a signal's `rule` object. `path` is where it sits, for messages (`signals[2].rule`).
///
/// ```
/// use barfinex_core::signals::{parse_rule, Rule};
/// use barfinex_core::json::parse;
/// let v = parse(r#"{"kind": "persistence", "series": "funding", "op": "<",
///                   "value": 0, "periods": 9, "timeframe": "8h"}"#).unwrap();
/// let r = parse_rule(&v, "rule").unwrap();
/// assert_eq!(r.timeframe.map(|t| t.to_string()).as_deref(), Some("8h"));
/// assert!(matches!(r.rule, Rule::Persistence { periods: 9, .. }));
/// let bad = parse(r#"{"kind": "persistence", "series": "funding", "op": "<", "value": 0}"#).unwrap();
/// assert_eq!(parse_rule(&bad, "rule").unwrap_err().to_string(), "rule.periods: missing");
/// ```
pub fn parse_rule(v: &Value, path: &str) -> Result<SignalRule, RuleError> {
    let mut o = Obj::new(v, path)?;
    let timeframe = match o.opt_str("timeframe")? {
        Some(t) => Some(
            t.parse::<Interval>()
                .map_err(|e| o.err("timeframe", e.to_string()))?,
        ),
        None => None,
    };
    let rule = rule_body(o, 0)?;
    let nodes = rule.nodes();
    if nodes > MAX_NODES {
        return Err(RuleError::new(
            path.into(),
            format!("{nodes} conditions and series; the limit is {MAX_NODES}"),
        ));
    }
    Ok(SignalRule { timeframe, rule })
}

fn rule_at(v: &Value, path: &str, depth: usize) -> Result<Rule, RuleError> {
    rule_body(Obj::new(v, path)?, depth)
}

const KINDS: &str =
    "threshold, persistence, trend, zscore, divergence, breakout_retest, all, any, not";

fn rule_body(mut o: Obj, depth: usize) -> Result<Rule, RuleError> {
    if depth > MAX_DEPTH {
        return Err(o.here(format!("rules nest deeper than {MAX_DEPTH} levels")));
    }
    let kind = o.str("kind")?;
    let rule = match kind.as_str() {
        "threshold" => Rule::Threshold {
            series: expr(&mut o, "series", depth)?,
            op: op(&mut o)?,
            value: o.num("value")?,
        },
        "persistence" => Rule::Persistence {
            series: expr(&mut o, "series", depth)?,
            op: op(&mut o)?,
            value: o.num("value")?,
            periods: o.window("periods", 1)?,
        },
        "trend" => {
            let series = expr(&mut o, "series", depth)?;
            let window = o.window("window", 3)?;
            let direction = match o.str("direction")?.as_str() {
                "up" => Trend::Up,
                "down" => Trend::Down,
                d => {
                    return Err(o.err("direction", format!("{} is not one of up, down", quoted(d))))
                }
            };
            let min_t = o.opt_num("min_t")?.unwrap_or(2.0);
            let min_change = o.opt_num("min_change")?;
            if min_t < 0.0 || min_change.is_some_and(|c| c < 0.0) {
                return Err(o.here("min_t and min_change are sizes: 0 or more".into()));
            }
            Rule::Trend {
                series,
                window,
                direction,
                min_t,
                min_change,
            }
        }
        "zscore" => Rule::Zscore {
            series: expr(&mut o, "series", depth)?,
            lookback: o.window("lookback", 2)?,
            op: op(&mut o)?,
            value: o.num("value")?,
        },
        "divergence" => {
            let a = expr(&mut o, "a", depth)?;
            let b = expr(&mut o, "b", depth)?;
            let min_a = o.opt_num("min_a")?.unwrap_or(0.0);
            let min_b = o.opt_num("min_b")?.unwrap_or(0.0);
            if min_a < 0.0 || min_b < 0.0 {
                return Err(o.here("min_a and min_b are sizes: 0 or more".into()));
            }
            Rule::Divergence { a, b, min_a, min_b }
        }
        "breakout_retest" => {
            let series = o.opt_str("series")?.unwrap_or_else(|| "candles".into());
            let lookback = o.window("lookback", 2)?;
            let volume_window = o.opt_window("volume_window", 1)?.unwrap_or(lookback);
            let volume_factor = o.opt_num("volume_factor")?.unwrap_or(1.5);
            let tolerance = o.opt_num("tolerance")?.unwrap_or(0.005);
            let within = o.opt_window("within", 2)?.unwrap_or(lookback);
            let side = match o.opt_str("side")?.as_deref().unwrap_or("either") {
                "up" => Side::Up,
                "down" => Side::Down,
                "either" => Side::Either,
                s => {
                    return Err(o.err(
                        "side",
                        format!("{} is not one of up, down, either", quoted(s)),
                    ))
                }
            };
            if volume_factor <= 0.0 || !(0.0..0.5).contains(&tolerance) {
                return Err(
                    o.here("volume_factor must be above 0 and tolerance in [0, 0.5)".into())
                );
            }
            Rule::BreakoutRetest {
                series,
                params: BreakoutParams {
                    lookback,
                    volume_window,
                    volume_factor,
                    tolerance,
                    within,
                    side,
                },
            }
        }
        "all" | "any" => {
            let path = o.path("rules");
            let items = o.array("rules")?;
            if items.is_empty() || items.len() > 64 {
                return Err(RuleError::new(path, "needs 1 to 64 rules".into()));
            }
            let rules = items
                .iter()
                .enumerate()
                .map(|(i, v)| rule_at(v, &format!("{path}[{i}]"), depth + 1))
                .collect::<Result<Vec<_>, _>>()?;
            if kind == "all" {
                Rule::All(rules)
            } else {
                Rule::Any(rules)
            }
        }
        "not" => {
            let path = o.path("rule");
            let inner = o.value("rule")?;
            Rule::Not(Box::new(rule_at(inner, &path, depth + 1)?))
        }
        k => return Err(o.err("kind", format!("{} is not one of {KINDS}", quoted(k)))),
    };
    o.finish()?;
    Ok(rule)
}

fn op(o: &mut Obj) -> Result<Op, RuleError> {
    match o.str("op")?.as_str() {
        ">" => Ok(Op::Gt),
        ">=" => Ok(Op::Ge),
        "<" => Ok(Op::Lt),
        "<=" => Ok(Op::Le),
        s => Err(o.err("op", format!("{} is not one of >, >=, <, <=", quoted(s)))),
    }
}

fn expr(o: &mut Obj, key: &'static str, depth: usize) -> Result<SeriesExpr, RuleError> {
    let path = o.path(key);
    let v = o.value(key)?;
    expr_at(v, &path, depth + 1)
}

fn expr_at(v: &Value, path: &str, depth: usize) -> Result<SeriesExpr, RuleError> {
    if depth > MAX_DEPTH {
        return Err(RuleError::new(
            path.into(),
            format!("series nest deeper than {MAX_DEPTH} levels"),
        ));
    }
    if let Value::String(s) = v {
        return named(s, path);
    }
    let mut o = Obj::new(v, path)?;
    let op = match o.str("derive")?.as_str() {
        "returns" => Derive::Returns,
        "change" => Derive::Change,
        "sma" => Derive::Sma,
        "ema" => Derive::Ema,
        "stdev" => Derive::Stdev,
        "zscore" => Derive::Zscore,
        "ratio" => Derive::Ratio,
        "difference" => Derive::Difference,
        d => {
            return Err(o.err(
                "derive",
                format!(
                    "{} is not one of returns, change, sma, ema, stdev, zscore, ratio, difference",
                    quoted(d)
                ),
            ))
        }
    };
    let of = expr(&mut o, "of", depth)?;
    let (period, by) = match op {
        Derive::Ratio | Derive::Difference => (0, Some(Box::new(expr(&mut o, "by", depth)?))),
        Derive::Zscore | Derive::Stdev => (o.window("period", 2)?, None),
        _ => (o.window("period", 1)?, None),
    };
    o.finish()?;
    Ok(SeriesExpr::Derived {
        op,
        of: Box::new(of),
        period,
        by,
    })
}

fn named(s: &str, path: &str) -> Result<SeriesExpr, RuleError> {
    let (name, field) = match crate::text::split_once(s, b".") {
        None => (s, None),
        Some((n, f)) => (n, Some(f)),
    };
    let ok_name = !name.is_empty()
        && name.len() <= 64
        && name
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_' || c == '-');
    if !ok_name {
        return Err(RuleError::new(
            path.into(),
            format!("{} is not a series name (lowercase letters, digits, '_', '-'; a candles field after '.')", quoted(s)),
        ));
    }
    let field = match field {
        None => Field::Value,
        Some("open") => Field::Open,
        Some("high") => Field::High,
        Some("low") => Field::Low,
        Some("close") => Field::Close,
        Some("volume") => Field::Volume,
        Some(f) => {
            return Err(RuleError::new(
                path.into(),
                format!(
                    "field {} is not one of open, high, low, close, volume",
                    quoted(f)
                ),
            ))
        }
    };
    Ok(SeriesExpr::Named {
        name: name.into(),
        field,
    })
}
