//! The rule format: what a signal's `rule` object may say. Rules are data (JSON in a profile, or
//! built in Rust); `parse_rule` checks them strictly, so a typo is an error naming the field, not a
//! rule that silently means something else. The format is documented in `docs/signal-rules.md`.

use super::json::{Obj, RuleError};
use serde_json::Value;

/// The longest window or period a rule may ask for (bars or points).
pub const MAX_WINDOW: usize = 100_000;
/// How deeply combinators and derived series may nest.
pub const MAX_DEPTH: usize = 12;

/// A signal's rule: the condition tree and the timeframe it is meant for.
#[derive(Clone, Debug, PartialEq)]
pub struct SignalRule {
    /// The bar interval the rule is written for (`1h`, `8h`, `1d`…), shown with the result and
    /// checked against the interval of each series that declares one.
    pub timeframe: Option<String>,
    pub rule: Rule,
}

/// One condition. Leaves read series; `All`, `Any` and `Not` combine.
#[derive(Clone, Debug, PartialEq)]
pub enum Rule {
    /// The latest value compared with a constant.
    Threshold {
        series: SeriesExpr,
        op: Op,
        value: f64,
    },
    /// The comparison held for at least `periods` consecutive latest points.
    Persistence {
        series: SeriesExpr,
        op: Op,
        value: f64,
        periods: usize,
    },
    /// The least-squares slope over the last `window` points points `direction`, with a
    /// t-statistic of at least `min_t` and a fitted change of at least `min_change`.
    Trend {
        series: SeriesExpr,
        window: usize,
        direction: Trend,
        min_t: f64,
        min_change: Option<f64>,
    },
    /// The latest value's z-score against the `lookback` points before it, compared with `value`.
    Zscore {
        series: SeriesExpr,
        lookback: usize,
        op: Op,
        value: f64,
    },
    /// The latest values of `a` and `b` have opposite signs, each at least its minimum in size.
    Divergence {
        a: SeriesExpr,
        b: SeriesExpr,
        min_a: f64,
        min_b: f64,
    },
    /// A close beyond the `lookback`-bar high (or low) on volume ≥ `volume_factor` × its
    /// `volume_window`-bar average, within the last `within` bars; then a bar that comes back to
    /// within `tolerance` of the level on lower volume than the breakout, and closes that hold.
    BreakoutRetest {
        series: String,
        params: super::pattern::Params,
    },
    All(Vec<Rule>),
    Any(Vec<Rule>),
    Not(Box<Rule>),
}

/// A series a rule reads: a named series (a field of it for candles) or one derived from others.
#[derive(Clone, Debug, PartialEq)]
pub enum SeriesExpr {
    /// `"funding"`, `"candles.close"`, `"candles.volume"` (plain `"candles"` is the close).
    Named { name: String, field: Field },
    /// `{"derive": "sma", "of": …, "period": 20}`; `ratio` and `difference` take `by` instead.
    Derived {
        op: Derive,
        of: Box<SeriesExpr>,
        period: usize,
        by: Option<Box<SeriesExpr>>,
    },
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Field {
    Value,
    Open,
    High,
    Low,
    Close,
    Volume,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Derive {
    /// `x[t] / x[t−period] − 1`
    Returns,
    /// `x[t] − x[t−period]`
    Change,
    Sma,
    Ema,
    /// Population standard deviation over `period`.
    Stdev,
    /// `(x[t] − mean) / sd` of the `period` points before `t`.
    Zscore,
    /// `of / by`, `by` taken as of each time of `of`.
    Ratio,
    /// `of − by`, aligned the same way.
    Difference,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Op {
    Gt,
    Ge,
    Lt,
    Le,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Trend {
    Up,
    Down,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Side {
    Up,
    Down,
    Either,
}

impl Op {
    pub fn as_str(self) -> &'static str {
        match self {
            Op::Gt => ">",
            Op::Ge => ">=",
            Op::Lt => "<",
            Op::Le => "<=",
        }
    }

    pub fn holds(self, x: f64, v: f64) -> bool {
        match self {
            Op::Gt => x > v,
            Op::Ge => x >= v,
            Op::Lt => x < v,
            Op::Le => x <= v,
        }
    }

    /// +1 when larger values pass, −1 when smaller ones do.
    pub fn sign(self) -> f64 {
        match self {
            Op::Gt | Op::Ge => 1.0,
            Op::Lt | Op::Le => -1.0,
        }
    }
}

impl Derive {
    pub fn as_str(self) -> &'static str {
        match self {
            Derive::Returns => "returns",
            Derive::Change => "change",
            Derive::Sma => "sma",
            Derive::Ema => "ema",
            Derive::Stdev => "stdev",
            Derive::Zscore => "zscore",
            Derive::Ratio => "ratio",
            Derive::Difference => "difference",
        }
    }
}

impl SeriesExpr {
    /// The named series this expression reads, in order, without repeats.
    pub fn names(&self, out: &mut Vec<String>) {
        match self {
            SeriesExpr::Named { name, .. } => {
                if !out.contains(name) {
                    out.push(name.clone());
                }
            }
            SeriesExpr::Derived { of, by, .. } => {
                of.names(out);
                if let Some(b) = by {
                    b.names(out);
                }
            }
        }
    }

    /// A short readable form: `zscore(funding, 90)`, `candles.close`.
    pub fn label(&self) -> String {
        match self {
            SeriesExpr::Named { name, field } => match field {
                Field::Value => name.clone(),
                f => format!("{name}.{}", field_name(*f)),
            },
            SeriesExpr::Derived { op, of, period, by } => match by {
                Some(b) => format!("{}({}, {})", op.as_str(), of.label(), b.label()),
                None => format!("{}({}, {period})", op.as_str(), of.label()),
            },
        }
    }
}

fn field_name(f: Field) -> &'static str {
    match f {
        Field::Value => "value",
        Field::Open => "open",
        Field::High => "high",
        Field::Low => "low",
        Field::Close => "close",
        Field::Volume => "volume",
    }
}

impl Rule {
    /// The named series the rule reads, in order, without repeats.
    pub fn series_names(&self) -> Vec<String> {
        let mut out = Vec::new();
        self.collect_names(&mut out);
        out
    }

    fn collect_names(&self, out: &mut Vec<String>) {
        match self {
            Rule::Threshold { series, .. }
            | Rule::Persistence { series, .. }
            | Rule::Trend { series, .. }
            | Rule::Zscore { series, .. } => series.names(out),
            Rule::Divergence { a, b, .. } => {
                a.names(out);
                b.names(out);
            }
            Rule::BreakoutRetest { series, .. } => {
                if !out.contains(series) {
                    out.push(series.clone())
                }
            }
            Rule::All(rs) | Rule::Any(rs) => rs.iter().for_each(|r| r.collect_names(out)),
            Rule::Not(r) => r.collect_names(out),
        }
    }

    /// The kind as written in JSON.
    pub fn kind(&self) -> &'static str {
        match self {
            Rule::Threshold { .. } => "threshold",
            Rule::Persistence { .. } => "persistence",
            Rule::Trend { .. } => "trend",
            Rule::Zscore { .. } => "zscore",
            Rule::Divergence { .. } => "divergence",
            Rule::BreakoutRetest { .. } => "breakout_retest",
            Rule::All(_) => "all",
            Rule::Any(_) => "any",
            Rule::Not(_) => "not",
        }
    }
}

/// Parses a signal's `rule` object. `path` is where it sits, for messages (`signals[2].rule`).
///
/// ```
/// use barfinex_core::signals::{parse_rule, Rule};
/// let v = serde_json::json!({"kind": "persistence", "series": "funding", "op": "<",
///                            "value": 0, "periods": 9, "timeframe": "8h"});
/// let r = parse_rule(&v, "rule").unwrap();
/// assert_eq!(r.timeframe.as_deref(), Some("8h"));
/// assert!(matches!(r.rule, Rule::Persistence { periods: 9, .. }));
/// let bad = serde_json::json!({"kind": "persistence", "series": "funding", "op": "<", "value": 0});
/// assert_eq!(parse_rule(&bad, "rule").unwrap_err().to_string(), "rule.periods: missing");
/// ```
pub fn parse_rule(v: &Value, path: &str) -> Result<SignalRule, RuleError> {
    let mut o = Obj::new(v, path)?;
    let timeframe = o.opt_str("timeframe")?;
    if let Some(t) = &timeframe {
        if !valid_timeframe(t) {
            return Err(o.err(
                "timeframe",
                format!("{t:?} is not like 15m, 1h, 8h, 1d or 1w"),
            ));
        }
    }
    let rule = rule_body(o, 0)?;
    Ok(SignalRule { timeframe, rule })
}

fn valid_timeframe(t: &str) -> bool {
    let digits = t.chars().take_while(char::is_ascii_digit).count();
    digits > 0 && digits < 6 && matches!(&t[digits..], "m" | "h" | "d" | "w")
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
                d => return Err(o.err("direction", format!("{d:?} is not one of up, down"))),
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
                s => return Err(o.err("side", format!("{s:?} is not one of up, down, either"))),
            };
            if volume_factor <= 0.0 || !(0.0..0.5).contains(&tolerance) {
                return Err(
                    o.here("volume_factor must be above 0 and tolerance in [0, 0.5)".into())
                );
            }
            Rule::BreakoutRetest {
                series,
                params: super::pattern::Params {
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
        k => return Err(o.err("kind", format!("{k:?} is not one of {KINDS}"))),
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
        s => Err(o.err("op", format!("{s:?} is not one of >, >=, <, <="))),
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
                "{d:?} is not one of returns, change, sma, ema, stdev, zscore, ratio, difference"
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
    let (name, field) = match s.split_once('.') {
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
            format!("{s:?} is not a series name (lowercase letters, digits, '_', '-'; a candles field after '.')"),
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
                format!("field {f:?} is not one of open, high, low, close, volume"),
            ))
        }
    };
    Ok(SeriesExpr::Named {
        name: name.into(),
        field,
    })
}
