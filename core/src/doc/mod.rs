//! Reading a JSON document into a type: the text is parsed once into a [`Value`] (by
//! [`crate::json`], the one JSON reader in the wasm), and each type reads its fields by hand
//! ([`FromDoc`]), with the path of the first fault (`drivers[2].direction`) and the paths of
//! fields nobody reads.
//!
//! Hand-written readers replace serde's derived ones, which were compiled once per layer of the
//! deserializer stack they ran through (`serde_path_to_error` over `serde_ignored` over
//! `serde_json`; README, "Where the bytes went").
//!
//! ```
//! use barfinex_core::doc::read;
//! let d = read::<Vec<u32>>("[1, 2]").unwrap();
//! assert_eq!((d.value, d.unknown.len()), (vec![1, 2], 0));
//! let e = read::<Vec<u32>>("[1, -2]").unwrap_err();
//! assert_eq!(e.path, "[1]");
//! ```

use crate::json::{Object, Value};
use serde_json::Number;
use std::fmt;

mod std_types;

/// A document read: the value, and the fields it had that the type does not read.
#[derive(Clone, Debug, PartialEq)]
pub struct Doc<T> {
    pub value: T,
    /// Paths such as `drivers[0].weight`: an object's own (by name) before its children's.
    pub unknown: Vec<String>,
}

/// Where reading stopped (empty for the document itself), and why, in words for people who do
/// not write Rust: `unknown value "Up", expected one of "Positive", …`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DocError {
    pub path: String,
    pub message: String,
}

impl DocError {
    pub fn new(path: &str, message: String) -> Self {
        Self {
            path: path.into(),
            message,
        }
    }
}

impl fmt::Display for DocError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.path.is_empty() {
            f.write_str(&self.message)
        } else {
            write!(f, "{}: {}", self.path, self.message)
        }
    }
}

/// A type read from a document by hand.
pub trait FromDoc: Sized {
    /// Reads `v`, found at `path`; fields nobody reads go to `unknown`.
    fn from_doc(v: &Value, path: &str, unknown: &mut Vec<String>) -> Result<Self, DocError>;
}

/// The most values and keys a document may hold. A tree costs about 100 B per value while it
/// is built (its lists grow by doubling), so a hostile 1 MiB document of `0,0,0,…` would take
/// 56 MB; at this cap, 14 MB natively (`core/tests/parse_memory.rs`). The Flux profile holds 411.
pub const MAX_VALUES: usize = 100_000;

/// Parses `json`, the whole text (trailing characters are an error). The reader bounds the
/// nesting at 128 levels, [`MAX_VALUES`] the tree; callers bound the text (1 MiB).
pub fn parse(json: &str) -> Result<Value, DocError> {
    if values_in(json) > MAX_VALUES {
        return Err(DocError::new(
            "",
            format!("the document holds more than {MAX_VALUES} values and keys"),
        ));
    }
    crate::json::parse(json).map_err(|e| DocError::new("", format!("invalid JSON: {e}")))
}

/// An upper bound on the values and keys of `json`, counted before a tree is built: one per
/// `[`, `{`, `,` and `:` outside strings, and one for the document.
fn values_in(json: &str) -> usize {
    let (mut n, mut in_string, mut escaped) = (1, false, false);
    for b in json.bytes() {
        if in_string {
            match b {
                _ if escaped => escaped = false,
                b'\\' => escaped = true,
                b'"' => in_string = false,
                _ => {}
            }
        } else {
            match b {
                b'"' => in_string = true,
                b'[' | b'{' | b',' | b':' => n += 1,
                _ => {}
            }
        }
    }
    n
}

/// Reads `json` as a `T`.
pub fn read<T: FromDoc>(json: &str) -> Result<Doc<T>, DocError> {
    read_value(&parse(json)?)
}

/// Reads a parsed document as a `T`.
pub fn read_value<T: FromDoc>(v: &Value) -> Result<Doc<T>, DocError> {
    let mut unknown = Vec::new();
    let value = T::from_doc(v, "", &mut unknown)?;
    Ok(Doc { value, unknown })
}

/// `path.key`, or `key` at the top.
pub fn field_path(path: &str, key: &str) -> String {
    if path.is_empty() {
        key.into()
    } else {
        format!("{path}.{key}")
    }
}

/// What a value is, as messages say it: `string "none"`, `integer "5"`, `map`.
pub fn found(v: &Value) -> String {
    match v {
        Value::Null => "null".into(),
        Value::Bool(b) => format!("boolean \"{b}\""),
        Value::Number(n) if n.is_f64() => format!("floating point \"{}\"", number(n)),
        Value::Number(n) => format!("integer \"{}\"", number(n)),
        Value::String(s) => format!("string {}", quoted(s)),
        Value::Array(_) => "sequence".into(),
        Value::Object(_) => "map".into(),
    }
}

/// A number as serde_json writes it (`5`, `-5`, `1.5`, `3.0`, `1e+20`), through core's
/// formatters: serde_json's `Display` would link a second float formatter and its tables.
pub fn number(n: &Number) -> String {
    if let Some(u) = n.as_u64() {
        u.to_string()
    } else if let Some(i) = n.as_i64() {
        i.to_string()
    } else {
        let x = crate::format::float_as_debug(n.as_f64().unwrap_or(f64::NAN));
        match crate::text::split_once(&x, b"e") {
            Some((m, e)) if !e.starts_with('-') => format!("{m}e+{e}"),
            _ => x,
        }
    }
}

/// `"text"`, escaped, cut at 64 characters so a hostile value cannot fill a message.
fn quoted(s: &str) -> String {
    match s.char_indices().nth(64) {
        Some((end, _)) => format!("{}…", crate::format::quoted(&s[..end])),
        None => crate::format::quoted(s),
    }
}

/// `invalid type: {found}, expected {expected}` at `path`.
pub fn invalid_type(v: &Value, path: &str, expected: &str) -> DocError {
    DocError::new(
        path,
        format!("invalid type: {}, expected {expected}", found(v)),
    )
}

/// The index in `names` of a string value: the reader of every enum.
pub fn variant(v: &Value, path: &str, names: &[&str]) -> Result<usize, DocError> {
    let Value::String(s) = v else {
        return Err(invalid_type(v, path, "a string"));
    };
    names.iter().position(|n| n == s).ok_or_else(|| {
        let list: Vec<String> = names.iter().map(|n| format!("\"{n}\"")).collect();
        let expected = match list.as_slice() {
            [one] => one.clone(),
            [a, b] => format!("{a} or {b}"),
            _ => format!("one of {}", crate::format::joined(&list, ", ")),
        };
        DocError::new(
            path,
            format!("unknown value {}, expected {expected}", quoted(s)),
        )
    })
}

/// [`variant`] for the `n` names `name(0)`, `name(1)`, …: the enums' readers, compiled once.
pub fn variant_of(
    v: &Value,
    path: &str,
    n: usize,
    name: &dyn Fn(usize) -> &'static str,
) -> Result<usize, DocError> {
    let names: Vec<&str> = (0..n).map(name).collect();
    variant(v, path, &names)
}

/// The fields of an object, read by name; the keys not in `known` are recorded as unknown.
pub struct Fields<'a, 'u> {
    map: &'a Object,
    path: &'a str,
    unknown: &'u mut Vec<String>,
}

impl<'a, 'u> Fields<'a, 'u> {
    /// The object at `path`, whose type reads the fields `known`.
    pub fn of(
        v: &'a Value,
        path: &'a str,
        unknown: &'u mut Vec<String>,
        known: &[&str],
    ) -> Result<Self, DocError> {
        let Value::Object(map) = v else {
            return Err(invalid_type(v, path, "an object"));
        };
        for k in map.keys().filter(|k| !known.contains(&k.as_str())) {
            unknown.push(field_path(path, k));
        }
        Ok(Self { map, path, unknown })
    }

    /// A field that must be there.
    pub fn req<T: FromDoc>(&mut self, key: &str) -> Result<T, DocError> {
        match self.opt(key)? {
            Some(v) => Ok(v),
            None => Err(self.missing(key)),
        }
    }

    /// A field that may be absent (`None`).
    pub fn opt<T: FromDoc>(&mut self, key: &str) -> Result<Option<T>, DocError> {
        match self.field(key) {
            None => Ok(None),
            Some((v, path)) => T::from_doc(v, &path, self.unknown).map(Some),
        }
    }

    /// A field that may be absent (its default).
    pub fn or_default<T: FromDoc + Default>(&mut self, key: &str) -> Result<T, DocError> {
        Ok(self.opt(key)?.unwrap_or_default())
    }

    // The parts that do not depend on the field's type, kept out of line: the readers above are
    // instantiated once per field type.
    #[inline(never)]
    fn field(&self, key: &str) -> Option<(&'a Value, String)> {
        self.map.get(key).map(|v| (v, field_path(self.path, key)))
    }

    #[inline(never)]
    fn missing(&self, key: &str) -> DocError {
        DocError::new(self.path, format!("missing field \"{key}\""))
    }
}

/// `FromDoc` for enums with `ALL` and `as_str` (the profile's `labels!`).
#[macro_export]
macro_rules! enum_from_doc {
    ($($ty:ty),+ $(,)?) => {$(
        impl $crate::doc::FromDoc for $ty {
            fn from_doc(
                v: &$crate::json::Value,
                path: &str,
                _: &mut Vec<String>,
            ) -> Result<Self, $crate::doc::DocError> {
                $crate::doc::variant_of(v, path, <$ty>::ALL.len(), &|i| <$ty>::ALL[i].as_str())
                    .map(|i| <$ty>::ALL[i])
            }
        }
    )+};
}

/// `impl $crate::doc::FromDoc for $ty`, reading the object's fields (the keys listed) into `$body` with `$f`, a [`Fields`].
#[macro_export]
macro_rules! object_from_doc {
    ($ty:ty, [$($key:literal),+], |$f:ident| $body:expr) => {
        impl $crate::doc::FromDoc for $ty {
            fn from_doc(
                v: &$crate::json::Value,
                path: &str,
                unknown: &mut Vec<String>,
            ) -> Result<Self, $crate::doc::DocError> {
                let mut $f = $crate::doc::Fields::of(v, path, unknown, &[$($key),+])?;
                Ok($body)
            }
        }
    };
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_say_what_was_found_and_expected() {
        let e = |json: &str| read::<Vec<u32>>(json).unwrap_err().to_string();
        assert_eq!(e("{}"), "invalid type: map, expected a sequence");
        assert_eq!(
            e("[\"a\"]"),
            "[0]: invalid type: string \"a\", expected u32"
        );
        assert_eq!(
            e("[1.5]"),
            "[0]: invalid type: floating point \"1.5\", expected u32"
        );
        assert_eq!(
            e("[4294967296]"),
            "[0]: invalid value: integer \"4294967296\", expected u32"
        );
        assert!(e("[1,").starts_with("invalid JSON: EOF while parsing"));
        let long = format!("[\"{}\"]", "x".repeat(1000));
        assert!(e(&long).len() < 120, "{}", e(&long));
    }

    #[test]
    fn variants_list_what_is_accepted() {
        let v = Value::String("c".into());
        let one = |names: &[&str]| variant(&v, "k", names).unwrap_err().message;
        assert_eq!(one(&["a"]), "unknown value \"c\", expected \"a\"");
        assert_eq!(
            one(&["a", "b"]),
            "unknown value \"c\", expected \"a\" or \"b\""
        );
        assert_eq!(
            one(&["a", "b", "d"]),
            "unknown value \"c\", expected one of \"a\", \"b\", \"d\""
        );
        assert_eq!(variant(&v, "k", &["b", "c"]), Ok(1));
    }

    #[test]
    fn values_are_counted_outside_strings() {
        assert_eq!(values_in(r#"[1,2,3]"#), 4);
        assert_eq!(values_in(r#"{"a":1,"b":[2]}"#), 6);
        assert_eq!(values_in(r#"["a,b:[{", "\\", "\"," ]"#), 4);
        let many = format!("[{}0]", "0,".repeat(MAX_VALUES));
        assert!(parse(&many)
            .unwrap_err()
            .message
            .contains("more than 100000 values"));
        assert!(parse(&format!("[{}0]", "0,".repeat(MAX_VALUES - 3))).is_ok());
    }
}
