//! What scoring a signal returns: state, strength, and the evidence that decided them.

use crate::model::{SignalCategory, SignalDirection};
use serde::Serialize;

/// A signal's state.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum State {
    /// The rule holds on the latest data.
    Active,
    /// The rule does not hold.
    Inactive,
    /// A series the rule reads is missing or too short (or at another timeframe).
    InsufficientData,
    /// The rule cannot be read; `reason` names the field.
    Invalid,
    /// The signal has no rule: a label only.
    Unscored,
}

impl State {
    pub fn as_str(self) -> &'static str {
        match self {
            State::Active => "active",
            State::Inactive => "inactive",
            State::InsufficientData => "insufficient_data",
            State::Invalid => "invalid",
            State::Unscored => "unscored",
        }
    }

    /// Words for a reader.
    pub fn label(self) -> &'static str {
        match self {
            State::Active => "Active",
            State::Inactive => "Inactive",
            State::InsufficientData => "Insufficient data",
            State::Invalid => "Invalid rule",
            State::Unscored => "Not scored",
        }
    }
}

/// The phrases evidence is told in, so a reader's locale can word them
/// (`locale::Locale::evidence`); a check's `label` and `note` keep the English, for scripts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Phrase {
    /// latest {series}
    Latest,
    /// |latest {series}|
    AbsLatest,
    /// z-score of the latest {series} against the {n} before it
    ZScore,
    /// consecutive latest points with {series} {op} {value}
    Streak,
    /// t-statistic of the slope of {series} over {n} points
    TrendT,
    /// fitted change of {series} over {n} points
    TrendChange,
    /// sign of {series} × sign of {series}
    SignProduct,
    /// close beyond the {n}-bar high/low on volume ≥ {factor}× its {n}-bar average, in the last {n} bars
    BreakoutSought,
    /// breakout close vs the prior {n}-bar high
    BreakoutHigh,
    /// breakout close vs the prior {n}-bar low
    BreakoutLow,
    /// breakout volume ÷ its {n}-bar average
    BreakoutVolume,
    /// retest of the level {level}
    Retest,
    /// retest bar's low vs the level ± {percent}%
    RetestLow,
    /// retest bar's high vs the level ± {percent}%
    RetestHigh,
    /// retest volume vs breakout volume
    RetestVolume,
    /// lowest close since the retest
    LowestSince,
    /// highest close since the retest
    HighestSince,
    /// data (a check that could not be made)
    Data,
    /// Notes: streak began at {time}
    StreakBegan,
    /// value {number}
    Value,
    /// no breakout found
    NoBreakout,
    /// awaiting retest: price has not come back to the level
    AwaitingRetest,
    /// needs {n} points of {series}, has {n}
    Needs,
    /// needs more than {n} bars of {series}, has {n}
    NeedsBars,
}

/// One argument of a [`Phrase`], kept typed so a locale writes numbers and times its way.
#[derive(Clone, Debug, PartialEq)]
pub enum Arg {
    /// A series expression (`funding`, `ema(close, 20)`) or an operator: written as it is.
    Text(String),
    Num(f64),
    /// Unix ms.
    Time(i64),
}

/// A phrase with its arguments.
#[derive(Clone, Debug, PartialEq)]
pub struct Said(pub Phrase, pub Vec<Arg>);

/// One number behind a result: what was measured, against what, and whether it passed.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Check {
    /// Where the deciding rule sits (`rule`, `rule.rules[1]`).
    pub rule: String,
    /// The rule's kind (`trend`, `persistence`…).
    pub kind: &'static str,
    /// What was measured, e.g. `t-statistic of the slope of exchange_supply_share over 30`.
    pub label: String,
    /// The measured value; absent when the data was not there.
    pub value: Option<f64>,
    /// `>`, `>=`, `<`, `<=`.
    pub op: Option<&'static str>,
    pub threshold: Option<f64>,
    /// Absent when the data was not there.
    pub passed: Option<bool>,
    /// The time (Unix ms) the value belongs to.
    pub time: Option<i64>,
    /// Why the value is missing, or a remark.
    pub note: Option<String>,
    /// `label` as a phrase, for readers (not serialised: scripts read `label`).
    #[serde(skip)]
    pub said: Option<Said>,
    /// `note` as a phrase, likewise.
    #[serde(skip)]
    pub note_said: Option<Said>,
}

/// A series a result read.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct DataUsed {
    pub series: String,
    pub source: String,
    pub synthetic: bool,
    /// The latest point's time (Unix ms).
    pub as_of: Option<i64>,
    pub points: usize,
    pub interval: Option<String>,
}

/// One signal, scored.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SignalResult {
    pub title: String,
    pub category: SignalCategory,
    /// The direction the profile declares.
    pub direction: SignalDirection,
    /// For a `Mixed` signal whose rule found a side (a breakout up or down): that side.
    pub observed_direction: Option<SignalDirection>,
    pub state: State,
    /// 0–100, see `docs/signal-rules.md`: 50–100 when active, 0–49 when inactive, absent
    /// otherwise.
    pub strength: Option<u8>,
    pub timeframe: Option<String>,
    /// The oldest of the latest times of the series read: the result is current as of then.
    pub as_of: Option<i64>,
    /// True when any series read is synthetic.
    pub synthetic: bool,
    pub data: Vec<DataUsed>,
    pub evidence: Vec<Check>,
    /// Why the state is insufficient or invalid.
    pub reason: Option<String>,
}
