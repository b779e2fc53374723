//! The tree a document is read into: serde_json's `Value`, with an object kept as one sorted
//! list of its entries instead of a `BTreeMap` (whose node code, compiled for this one map
//! type, was the largest part of the profile reader in the wasm: README, "Where the bytes
//! went"). Keys come out sorted and once each, the last value written winning, as serde_json
//! keeps them, so readers see the same tree and messages list the same keys in the same order.
//!
//! ```
//! use barfinex_core::json::{parse, Value};
//! let v = parse(r#"{"b": 1, "a": [true], "b": 2}"#).unwrap();
//! let o = v.as_object().unwrap();
//! assert_eq!(o.keys().collect::<Vec<_>>(), ["a", "b"]);
//! assert_eq!(o.get("b").and_then(Value::as_u64), Some(2));
//! assert_eq!(v["a"][0], Value::Bool(true));
//! assert_eq!(v["missing"], Value::Null);
//! ```

use serde::ser::{Serialize, SerializeMap, Serializer};
use serde_json::Number;
use std::ops::Index;

/// A JSON value: serde_json's kinds, its numbers (`Number` keeps an integer an integer).
#[derive(Clone, Debug, Default, PartialEq)]
pub enum Value {
    #[default]
    Null,
    Bool(bool),
    Number(Number),
    String(String),
    Array(Vec<Value>),
    Object(Object),
}

/// An object's entries, sorted by key, one per key.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Object(Vec<(String, Value)>);

static NULL: Value = Value::Null;

impl Object {
    /// An empty object.
    pub fn new() -> Self {
        Self(Vec::new())
    }

    /// The object of `entries` in the order written: sorted by key (a stable sort, so
    /// O(n log n) for any input), and of a key written twice, the last value.
    pub fn from_entries(mut entries: Vec<(String, Value)>) -> Self {
        entries.sort_by(|a, b| a.0.cmp(&b.0));
        // Of a run of one key, the first entry stays, holding the last one's value.
        entries.dedup_by(|later, kept| {
            let same = later.0 == kept.0;
            if same {
                std::mem::swap(&mut later.1, &mut kept.1);
            }
            same
        });
        Self(entries)
    }

    /// The value of `key`.
    pub fn get(&self, key: &str) -> Option<&Value> {
        self.0
            .binary_search_by(|(k, _)| k.as_str().cmp(key))
            .ok()
            .map(|i| &self.0[i].1)
    }

    /// Sets `key` to `v`, returning the value it replaces.
    pub fn insert(&mut self, key: String, v: Value) -> Option<Value> {
        match self.0.binary_search_by(|(k, _)| k.as_str().cmp(&key)) {
            Ok(i) => Some(std::mem::replace(&mut self.0[i].1, v)),
            Err(i) => {
                self.0.insert(i, (key, v));
                None
            }
        }
    }

    /// Whether `key` is there.
    pub fn contains_key(&self, key: &str) -> bool {
        self.get(key).is_some()
    }

    /// The keys, sorted.
    pub fn keys(&self) -> impl Iterator<Item = &String> {
        self.0.iter().map(|(k, _)| k)
    }

    /// The entries, sorted by key.
    pub fn iter(&self) -> impl Iterator<Item = (&String, &Value)> {
        self.0.iter().map(|(k, v)| (k, v))
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl<'a> IntoIterator for &'a Object {
    type Item = &'a (String, Value);
    type IntoIter = std::slice::Iter<'a, (String, Value)>;
    fn into_iter(self) -> Self::IntoIter {
        self.0.iter()
    }
}

impl FromIterator<(String, Value)> for Object {
    fn from_iter<I: IntoIterator<Item = (String, Value)>>(entries: I) -> Self {
        Self::from_entries(entries.into_iter().collect())
    }
}

impl Value {
    pub fn is_null(&self) -> bool {
        matches!(self, Value::Null)
    }

    pub fn as_bool(&self) -> Option<bool> {
        match self {
            Value::Bool(b) => Some(*b),
            _ => None,
        }
    }

    pub fn as_str(&self) -> Option<&str> {
        match self {
            Value::String(s) => Some(s),
            _ => None,
        }
    }

    /// A number as `f64` (any kind of number).
    pub fn as_f64(&self) -> Option<f64> {
        match self {
            Value::Number(n) => n.as_f64(),
            _ => None,
        }
    }

    /// An integer number that fits `u64`.
    pub fn as_u64(&self) -> Option<u64> {
        match self {
            Value::Number(n) => n.as_u64(),
            _ => None,
        }
    }

    /// An integer number that fits `i64`.
    pub fn as_i64(&self) -> Option<i64> {
        match self {
            Value::Number(n) => n.as_i64(),
            _ => None,
        }
    }

    pub fn as_array(&self) -> Option<&Vec<Value>> {
        match self {
            Value::Array(a) => Some(a),
            _ => None,
        }
    }

    pub fn as_object(&self) -> Option<&Object> {
        match self {
            Value::Object(o) => Some(o),
            _ => None,
        }
    }

    /// The value of `key` in an object.
    pub fn get(&self, key: &str) -> Option<&Value> {
        self.as_object().and_then(|o| o.get(key))
    }
}

/// `v["key"]`: the value, or `null` when `v` is not an object or has no such key.
impl Index<&str> for Value {
    type Output = Value;
    fn index(&self, key: &str) -> &Value {
        self.get(key).unwrap_or(&NULL)
    }
}

/// `v[i]`: the item, or `null` when `v` is not an array or is shorter.
impl Index<usize> for Value {
    type Output = Value;
    fn index(&self, i: usize) -> &Value {
        self.as_array().and_then(|a| a.get(i)).unwrap_or(&NULL)
    }
}

impl From<&str> for Value {
    fn from(s: &str) -> Self {
        Value::String(s.into())
    }
}

/// Written as serde_json writes its own `Value` (an object as a map).
impl Serialize for Value {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Value::Null => s.serialize_unit(),
            Value::Bool(b) => s.serialize_bool(*b),
            Value::Number(n) => n.serialize(s),
            Value::String(v) => s.serialize_str(v),
            Value::Array(a) => a.serialize(s),
            Value::Object(o) => {
                let mut m = s.serialize_map(Some(o.len()))?;
                for (k, v) in o.iter() {
                    m.serialize_entry(k, v)?;
                }
                m.end()
            }
        }
    }
}

/// From serde_json's tree (its `json!` macro, a document it read).
impl From<serde_json::Value> for Value {
    fn from(v: serde_json::Value) -> Self {
        match v {
            serde_json::Value::Null => Value::Null,
            serde_json::Value::Bool(b) => Value::Bool(b),
            serde_json::Value::Number(n) => Value::Number(n),
            serde_json::Value::String(s) => Value::String(s),
            serde_json::Value::Array(a) => Value::Array(a.into_iter().map(Value::from).collect()),
            serde_json::Value::Object(m) => {
                Value::Object(m.into_iter().map(|(k, v)| (k, Value::from(v))).collect())
            }
        }
    }
}

/// To serde_json's tree.
impl From<Value> for serde_json::Value {
    fn from(v: Value) -> Self {
        match v {
            Value::Null => serde_json::Value::Null,
            Value::Bool(b) => serde_json::Value::Bool(b),
            Value::Number(n) => serde_json::Value::Number(n),
            Value::String(s) => serde_json::Value::String(s),
            Value::Array(a) => serde_json::Value::Array(a.into_iter().map(Into::into).collect()),
            Value::Object(o) => {
                serde_json::Value::Object(o.0.into_iter().map(|(k, v)| (k, v.into())).collect())
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn o(entries: &[(&str, u64)]) -> Object {
        Object::from_entries(
            entries
                .iter()
                .map(|(k, v)| (k.to_string(), Value::Number((*v).into())))
                .collect(),
        )
    }

    #[test]
    fn objects_are_sorted_with_the_last_value_of_a_key() {
        let x = o(&[("b", 1), ("a", 2), ("b", 3), ("c", 4), ("a", 5)]);
        let got: Vec<(&str, u64)> = x
            .iter()
            .map(|(k, v)| (k.as_str(), v.as_u64().unwrap_or(0)))
            .collect();
        assert_eq!(got, [("a", 5), ("b", 3), ("c", 4)]);
        assert_eq!(x.get("b").and_then(Value::as_u64), Some(3));
        assert_eq!(x.get("d"), None);
    }

    #[test]
    fn insert_keeps_the_order() {
        let mut x = o(&[("b", 1)]);
        assert_eq!(x.insert("a".into(), Value::Null), None);
        assert_eq!(
            x.insert("b".into(), Value::Null),
            Some(Value::Number(1u64.into()))
        );
        assert_eq!(x.keys().collect::<Vec<_>>(), ["a", "b"]);
    }

    #[test]
    fn trees_go_to_serde_json_and_back() {
        let theirs = serde_json::json!({"z": [1, -2, 0.5, null, "s"], "a": {"k": false}});
        let ours = Value::from(theirs.clone());
        assert_eq!(serde_json::to_value(&ours).unwrap(), theirs);
        assert_eq!(serde_json::Value::from(ours), theirs);
    }
}
