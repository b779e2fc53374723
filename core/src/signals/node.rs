//! A rule's outcome as evaluation builds it: truth, strength, checks and reasons.

use super::result::{Check, Phrase, Said};
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
        Node::unknown_said(path, kind, reason, None)
    }

    /// [`Self::unknown`], with the reason as a phrase readers' locales can word.
    pub fn unknown_said(
        path: &str,
        kind: &'static str,
        reason: String,
        said: Option<Said>,
    ) -> Node {
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
                said: Some(Said(Phrase::Data, Vec::new())),
                note_said: said,
            }],
            reasons: vec![reason],
            direction: None,
        }
    }
}
