//! A rule's outcome as evaluation builds it: truth, strength, checks and reasons.

use super::result::Check;
use crate::model::SignalDirection;

/// A rule's outcome: true, false, or unknown (`None`) for lack of data.
#[derive(Clone, Debug, PartialEq)]
pub struct Node {
    pub truth: Option<bool>,
    /// 0–100; NaN when unknown.
    pub strength: f64,
    pub checks: Vec<Check>,
    /// Why the outcome is unknown.
    pub reasons: Vec<String>,
    /// The side a pattern found (breakouts), for `Mixed` signals.
    pub direction: Option<SignalDirection>,
}

impl Node {
    pub fn leaf(truth: bool, strength: f64) -> Node {
        Node {
            truth: Some(truth),
            strength: strength.clamp(0.0, 100.0),
            checks: Vec::new(),
            reasons: Vec::new(),
            direction: None,
        }
    }

    pub fn unknown(path: &str, kind: &'static str, reason: String) -> Node {
        Node {
            truth: None,
            strength: f64::NAN,
            checks: vec![Check {
                rule: path.into(),
                kind,
                label: "data".into(),
                value: None,
                op: None,
                threshold: None,
                passed: None,
                time: None,
                note: Some(reason.clone()),
            }],
            reasons: vec![reason],
            direction: None,
        }
    }
}
