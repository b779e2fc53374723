//! [`FromDoc`] for the standard types a document holds: strings, booleans, `u32`, values kept
//! as they are, `Option` (`null` is `None`) and lists.

use super::{found, invalid_type, DocError, FromDoc};
use crate::json::Value;

/// Reads one item of a list, found at the path given.
type ItemReader<'a> = dyn FnMut(&Value, &str, &mut Vec<String>) -> Result<(), DocError> + 'a;

impl FromDoc for String {
    fn from_doc(v: &Value, path: &str, _: &mut Vec<String>) -> Result<Self, DocError> {
        match v {
            Value::String(s) => Ok(s.clone()),
            _ => Err(invalid_type(v, path, "a string")),
        }
    }
}

impl FromDoc for bool {
    fn from_doc(v: &Value, path: &str, _: &mut Vec<String>) -> Result<Self, DocError> {
        v.as_bool()
            .ok_or_else(|| invalid_type(v, path, "a boolean"))
    }
}

impl FromDoc for u32 {
    fn from_doc(v: &Value, path: &str, _: &mut Vec<String>) -> Result<Self, DocError> {
        match v {
            Value::Number(n) if !n.is_f64() => n
                .as_u64()
                .and_then(|n| u32::try_from(n).ok())
                .ok_or_else(|| {
                    DocError::new(path, format!("invalid value: {}, expected u32", found(v)))
                }),
            _ => Err(invalid_type(v, path, "u32")),
        }
    }
}

/// Kept as it is (a rule, read later by its own reader).
impl FromDoc for Value {
    fn from_doc(v: &Value, _: &str, _: &mut Vec<String>) -> Result<Self, DocError> {
        Ok(v.clone())
    }
}

/// `null` is `None`.
impl<T: FromDoc> FromDoc for Option<T> {
    fn from_doc(v: &Value, path: &str, unknown: &mut Vec<String>) -> Result<Self, DocError> {
        match v {
            Value::Null => Ok(None),
            v => T::from_doc(v, path, unknown).map(Some),
        }
    }
}

impl<T: FromDoc> FromDoc for Vec<T> {
    fn from_doc(v: &Value, path: &str, unknown: &mut Vec<String>) -> Result<Self, DocError> {
        let mut out = Vec::new();
        each_item(v, path, unknown, &mut |item, path, unknown| {
            out.push(T::from_doc(item, path, unknown)?);
            Ok(())
        })?;
        Ok(out)
    }
}

/// Hands each item of the list `v` to `each` with its path, up to the first fault: the part of
/// `Vec<T>`'s reader that does not depend on `T`, compiled once (the reader is compiled once per
/// list in the profile).
fn each_item(
    v: &Value,
    path: &str,
    unknown: &mut Vec<String>,
    each: &mut ItemReader,
) -> Result<(), DocError> {
    let Value::Array(items) = v else {
        return Err(invalid_type(v, path, "a sequence"));
    };
    for (i, item) in items.iter().enumerate() {
        each(item, &format!("{path}[{i}]"), unknown)?;
    }
    Ok(())
}
