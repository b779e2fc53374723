//! The one JSON reader: a pull reader over the text, with serde_json's grammar, limits and
//! messages (`EOF while parsing a list at line 1 column 3`). Documents are built from it into a
//! [`Value`] ([`Reader::value`]) and the wire parsers read rows with it one value at
//! a time, so serde's deserializer stack, compiled once per visitor, is not in the wasm (README,
//! "Where the bytes went").
//!
//! ```
//! use barfinex_core::json::{parse, Reader};
//! assert_eq!(parse(r#"{"a": [1, -2, 0.5]}"#).unwrap()["a"][1].as_i64(), Some(-2));
//! let e = parse("[1,").unwrap_err();
//! assert_eq!(e.to_string(), "EOF while parsing a value at line 1 column 3");
//!
//! let mut r = Reader::new(r#"[[1, "x"], {"k": true}]"#);
//! assert_eq!(r.peek().unwrap(), b'[');
//! r.begin().unwrap();
//! let mut first = true;
//! let mut raws = Vec::new();
//! while r.next_item(&mut first).unwrap() {
//!     raws.push(r.raw().unwrap());
//! }
//! r.end().unwrap();
//! assert_eq!(raws, [r#"[1, "x"]"#, r#"{"k": true}"#]);
//! ```

mod reader;
mod string;
mod value;

pub use reader::Reader;
use serde_json::Number;
use std::borrow::Cow;
use std::fmt;
pub use value::{Object, Value};

/// A syntax error: what was wrong, and where (lines and columns from 1; the column counts bytes).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct JsonError {
    pub what: &'static str,
    pub line: usize,
    pub column: usize,
}

impl fmt::Display for JsonError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} at line {} column {}",
            self.what, self.line, self.column
        )
    }
}

/// A value that is not an array or an object.
#[derive(Clone, Debug, PartialEq)]
pub enum Scalar<'a> {
    Null,
    Bool(bool),
    Number(Number),
    String(Cow<'a, str>),
}

/// Parses `text` whole (trailing characters are an error) into a tree.
pub fn parse(text: &str) -> Result<Value, JsonError> {
    let mut r = Reader::new(text);
    let v = r.value()?;
    r.end()?;
    Ok(v)
}

/// `s` as a JSON string, quotes included, escaped as serde_json writes it.
pub fn quote(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    push_quoted(&mut out, s);
    out
}

/// [`quote`], written at the end of `out` (no string of its own).
pub fn push_quoted(out: &mut String, s: &str) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\u{8}' => out.push_str("\\b"),
            '\u{c}' => out.push_str("\\f"),
            c if (c as u32) < 0x20 => {
                const HEX: &[u8; 16] = b"0123456789abcdef";
                out.push_str("\\u00");
                out.push(HEX[(c as usize) >> 4] as char);
                out.push(HEX[(c as usize) & 15] as char);
            }
            c => out.push(c),
        }
    }
    out.push('"');
}
