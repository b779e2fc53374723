//! A strict reader over a JSON object that knows its path: every key read is recorded, and keys
//! nobody read are an error (`finish`), so a misspelt field never passes as a default.

use super::rule::MAX_WINDOW;
use crate::float::shortest;
use crate::json::{Object, Value};
use std::fmt;

/// A rule that cannot be read: where, and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RuleError {
    /// Field path, e.g. `signals[0].rule.rules[1].periods`.
    pub path: String,
    pub message: String,
}

impl RuleError {
    pub fn new(path: String, message: String) -> Self {
        Self { path, message }
    }
}

impl fmt::Display for RuleError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.path, self.message)
    }
}

impl std::error::Error for RuleError {}

pub(crate) struct Obj<'a> {
    map: &'a Object,
    path: String,
    seen: Vec<&'static str>,
}

fn type_name(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

impl<'a> Obj<'a> {
    pub fn new(v: &'a Value, path: &str) -> Result<Self, RuleError> {
        match v {
            Value::Object(map) => Ok(Self {
                map,
                path: path.into(),
                seen: Vec::new(),
            }),
            other => Err(RuleError::new(
                path.into(),
                format!("expected an object, found {}", type_name(other)),
            )),
        }
    }

    pub fn path(&self, key: &str) -> String {
        format!("{}.{key}", self.path)
    }

    pub fn err(&self, key: &str, message: String) -> RuleError {
        RuleError::new(self.path(key), message)
    }

    pub fn here(&self, message: String) -> RuleError {
        RuleError::new(self.path.clone(), message)
    }

    /// "missing", naming a present key that looks like a misspelling of it.
    fn missing(&self, key: &str) -> RuleError {
        let near = self.map.keys().find(|k| k.as_str() != key && close(k, key));
        self.err(
            key,
            match near {
                Some(k) => format!("missing (found `{k}`: a misspelling?)"),
                None => "missing".into(),
            },
        )
    }

    fn get(&mut self, key: &'static str) -> Option<&'a Value> {
        self.seen.push(key);
        self.map.get(key).filter(|v| !v.is_null())
    }

    pub fn value(&mut self, key: &'static str) -> Result<&'a Value, RuleError> {
        self.get(key).ok_or_else(|| self.missing(key))
    }

    pub fn opt_str(&mut self, key: &'static str) -> Result<Option<String>, RuleError> {
        match self.get(key) {
            None => Ok(None),
            Some(Value::String(s)) => Ok(Some(s.clone())),
            Some(v) => Err(self.err(key, format!("expected a string, found {}", type_name(v)))),
        }
    }

    pub fn str(&mut self, key: &'static str) -> Result<String, RuleError> {
        self.opt_str(key)?.ok_or_else(|| self.missing(key))
    }

    pub fn opt_num(&mut self, key: &'static str) -> Result<Option<f64>, RuleError> {
        match self.get(key) {
            None => Ok(None),
            Some(Value::Number(n)) => match n.as_f64() {
                Some(x) if x.is_finite() => Ok(Some(x)),
                _ => Err(self.err(key, "not a finite number".into())),
            },
            Some(v) => Err(self.err(key, format!("expected a number, found {}", type_name(v)))),
        }
    }

    pub fn num(&mut self, key: &'static str) -> Result<f64, RuleError> {
        self.opt_num(key)?.ok_or_else(|| self.missing(key))
    }

    /// A whole count between `min` and [`MAX_WINDOW`].
    pub fn opt_window(
        &mut self,
        key: &'static str,
        min: usize,
    ) -> Result<Option<usize>, RuleError> {
        let Some(x) = self.opt_num(key)? else {
            return Ok(None);
        };
        if x.fract() != 0.0 || x < min as f64 || x > MAX_WINDOW as f64 {
            return Err(self.err(
                key,
                format!(
                    "{} is not a whole number from {min} to {MAX_WINDOW}",
                    shortest(x)
                ),
            ));
        }
        Ok(Some(x as usize))
    }

    pub fn window(&mut self, key: &'static str, min: usize) -> Result<usize, RuleError> {
        self.opt_window(key, min)?.ok_or_else(|| self.missing(key))
    }

    pub fn array(&mut self, key: &'static str) -> Result<&'a Vec<Value>, RuleError> {
        match self.value(key)? {
            Value::Array(a) => Ok(a),
            v => Err(self.err(key, format!("expected an array, found {}", type_name(v)))),
        }
    }

    /// Fails on the first key no reader asked for.
    pub fn finish(self) -> Result<(), RuleError> {
        match self.map.keys().find(|k| !self.seen.contains(&k.as_str())) {
            None => Ok(()),
            Some(k) => Err(RuleError::new(
                self.path(k),
                format!(
                    "unknown field; this object takes {}",
                    crate::format::joined(&self.seen, ", ")
                ),
            )),
        }
    }
}

/// Edit distance of at most 2 (insertions, deletions, substitutions), for short field names.
fn close(a: &str, b: &str) -> bool {
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    if a.len().abs_diff(b.len()) > 2 || a.len() > 32 || b.len() > 32 {
        return false;
    }
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.iter().enumerate() {
        let mut cur = vec![i + 1; b.len() + 1];
        for (j, cb) in b.iter().enumerate() {
            cur[j + 1] = (prev[j] + usize::from(ca != cb))
                .min(prev[j + 1] + 1)
                .min(cur[j] + 1);
        }
        prev = cur;
    }
    prev[b.len()] <= 2
}
