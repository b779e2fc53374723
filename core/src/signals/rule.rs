//! The rule format as types: what a signal's `rule` object may say. Rules are data (JSON in a
//! profile, read by [`super::parse_rule`], or built in Rust). The format is documented in
//! `docs/signal-rules.md`. This file imports nothing of the module: every other room reads it.

use crate::interval::Interval;

/// The longest window or period a rule may ask for (bars or points).
pub const MAX_WINDOW: usize = 100_000;
/// How deeply combinators and derived series may nest.
pub const MAX_DEPTH: usize = 12;
/// How many conditions and series expressions one rule may have in all: each is evaluated over
/// whole series on every refresh.
pub const MAX_NODES: usize = 256;

/// A signal's rule: the condition tree and the timeframe it is meant for.
#[derive(Clone, Debug, PartialEq)]
pub struct SignalRule {
    /// The bar interval the rule is written for (`1h`, `8h`, `1d`…), shown with the result and
    /// checked (after normalising: `60m` is `1h`) against each series that declares one.
    pub timeframe: Option<Interval>,
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
        params: BreakoutParams,
    },
    All(Vec<Rule>),
    Any(Vec<Rule>),
    Not(Box<Rule>),
}

/// The parameters of a `breakout_retest` rule (see [`Rule::BreakoutRetest`]).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct BreakoutParams {
    pub lookback: usize,
    pub volume_window: usize,
    pub volume_factor: f64,
    pub tolerance: f64,
    pub within: usize,
    pub side: Side,
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

    /// Its expressions, counted: 1 for a named series, plus those it derives from.
    pub fn nodes(&self) -> usize {
        match self {
            SeriesExpr::Named { .. } => 1,
            SeriesExpr::Derived { of, by, .. } => {
                1 + of.nodes() + by.as_ref().map_or(0, |b| b.nodes())
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

    /// The series and parameters of the first `breakout_retest` rule in it (depth first): the
    /// price chart marks that breakout.
    pub fn breakout(&self) -> Option<(&str, BreakoutParams)> {
        match self {
            Rule::BreakoutRetest { series, params } => Some((series, *params)),
            Rule::All(rs) | Rule::Any(rs) => rs.iter().find_map(Rule::breakout),
            Rule::Not(r) => r.breakout(),
            _ => None,
        }
    }

    /// Its conditions and series expressions, counted (see [`MAX_NODES`]).
    pub fn nodes(&self) -> usize {
        1 + match self {
            Rule::Threshold { series, .. }
            | Rule::Persistence { series, .. }
            | Rule::Trend { series, .. }
            | Rule::Zscore { series, .. } => series.nodes(),
            Rule::Divergence { a, b, .. } => a.nodes() + b.nodes(),
            Rule::BreakoutRetest { .. } => 1,
            Rule::All(rs) | Rule::Any(rs) => rs.iter().map(Rule::nodes).sum(),
            Rule::Not(r) => r.nodes(),
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
