//! The pull reader: one value at a time, in serde_json's grammar, with its messages and
//! positions.

use super::{JsonError, Object, Scalar, Value};
use serde_json::Number;
use std::borrow::Cow;

/// Nesting deeper than this is refused (serde_json's limit: 127 levels read, the 128th refused),
/// so reading recurses a bounded number of frames.
const MAX_DEPTH: usize = 128;

/// Reads one JSON text value by value. After [`Reader::begin`] on an array, call
/// [`Reader::next_item`] until it returns `false`, reading each item (with `value`, `scalar`,
/// `raw`, `skip` or another `begin`); on an object, [`Reader::next_key`] the same way.
pub struct Reader<'a> {
    pub(super) text: &'a str,
    pub(super) i: usize,
    depth: usize,
}

impl<'a> Reader<'a> {
    pub fn new(text: &'a str) -> Self {
        Self {
            text,
            i: 0,
            depth: 0,
        }
    }

    #[inline(always)]
    pub(super) fn byte(&self) -> Option<u8> {
        self.text.as_bytes().get(self.i).copied()
    }

    #[inline(always)]
    fn ws(&mut self) {
        while matches!(self.byte(), Some(b' ' | b'\n' | b'\t' | b'\r')) {
            self.i += 1;
        }
    }

    // serde_json's positions: an error at what was read ends at `i`, one at the byte looked at
    // ends just after it.
    #[inline(never)]
    pub(super) fn error_at(&self, what: &'static str, end: usize) -> JsonError {
        let before = &self.text.as_bytes()[..end.min(self.text.len())];
        let start = before
            .iter()
            .rposition(|&b| b == b'\n')
            .map_or(0, |p| p + 1);
        JsonError {
            what,
            line: 1 + before[..start].iter().filter(|&&b| b == b'\n').count(),
            column: before.len() - start,
        }
    }

    pub(super) fn error(&self, what: &'static str) -> JsonError {
        self.error_at(what, self.i)
    }

    pub(super) fn peek_error(&self, what: &'static str) -> JsonError {
        self.error_at(what, self.i + 1)
    }

    /// The first byte of the next value (whitespace skipped, nothing consumed).
    pub fn peek(&mut self) -> Result<u8, JsonError> {
        self.ws();
        self.byte()
            .ok_or_else(|| self.error("EOF while parsing a value"))
    }

    /// Enters the array or object whose `[` or `{` is next.
    pub fn begin(&mut self) -> Result<(), JsonError> {
        match self.peek()? {
            b'[' | b'{' => {}
            _ => return Err(self.peek_error("expected value")),
        }
        self.depth += 1;
        if self.depth >= MAX_DEPTH {
            return Err(self.peek_error("recursion limit exceeded"));
        }
        self.i += 1;
        Ok(())
    }

    /// In an array: `true` when an item follows (read it next), `false` at the closing `]`.
    pub fn next_item(&mut self, first: &mut bool) -> Result<bool, JsonError> {
        self.more(
            first,
            b']',
            "EOF while parsing a list",
            "expected `,` or `]`",
        )
    }

    /// In an object: the next key (its value is read next), or `None` at the closing `}`.
    pub fn next_key(&mut self, first: &mut bool) -> Result<Option<Cow<'a, str>>, JsonError> {
        let (eof, expected) = ("EOF while parsing an object", "expected `,` or `}`");
        if !self.more(first, b'}', eof, expected)? {
            return Ok(None);
        }
        if self.peek()? != b'"' {
            return Err(self.peek_error("key must be a string"));
        }
        let key = self.string()?;
        self.ws();
        match self.byte() {
            Some(b':') => self.i += 1,
            Some(_) => return Err(self.peek_error("expected `:`")),
            None => return Err(self.error(eof)),
        }
        Ok(Some(key))
    }

    /// In an array or an object: past the comma before the next member (`true`), or past
    /// `close` (`false`).
    fn more(
        &mut self,
        first: &mut bool,
        close: u8,
        eof: &'static str,
        expected: &'static str,
    ) -> Result<bool, JsonError> {
        self.ws();
        let b = self.byte().ok_or_else(|| self.error(eof))?;
        if b == close {
            self.i += 1;
            self.depth = self.depth.saturating_sub(1);
            return Ok(false);
        }
        if !std::mem::replace(first, false) {
            if b != b',' {
                return Err(self.peek_error(expected));
            }
            self.i += 1;
            if self.peek()? == close {
                return Err(self.peek_error("trailing comma"));
            }
        }
        Ok(true)
    }

    /// The next value, which must not be an array or an object.
    pub fn scalar(&mut self) -> Result<Scalar<'a>, JsonError> {
        Ok(match self.peek()? {
            b'"' => Scalar::String(self.string()?),
            b'-' | b'0'..=b'9' => Scalar::Number(self.number()?),
            b'n' => self.ident(b"null", Scalar::Null)?,
            b't' => self.ident(b"true", Scalar::Bool(true))?,
            b'f' => self.ident(b"false", Scalar::Bool(false))?,
            _ => return Err(self.peek_error("expected value")),
        })
    }

    /// The next value as a tree.
    pub fn value(&mut self) -> Result<Value, JsonError> {
        let mut first = true;
        match self.peek()? {
            b'[' => {
                self.begin()?;
                let mut items = Vec::new();
                while self.next_item(&mut first)? {
                    items.push(self.value()?);
                }
                Ok(Value::Array(items))
            }
            b'{' => {
                self.begin()?;
                let mut entries = Vec::new();
                while let Some(k) = self.next_key(&mut first)? {
                    let v = self.value()?;
                    entries.push((k.into_owned(), v));
                }
                Ok(Value::Object(Object::from_entries(entries)))
            }
            _ => Ok(match self.scalar()? {
                Scalar::Null => Value::Null,
                Scalar::Bool(b) => Value::Bool(b),
                Scalar::Number(n) => Value::Number(n),
                Scalar::String(s) => Value::String(s.into_owned()),
            }),
        }
    }

    /// Reads past the next value, checking it, keeping nothing.
    pub fn skip(&mut self) -> Result<(), JsonError> {
        let mut first = true;
        match self.peek()? {
            b'[' => {
                self.begin()?;
                while self.next_item(&mut first)? {
                    self.skip()?;
                }
            }
            b'{' => {
                self.begin()?;
                while self.next_key(&mut first)?.is_some() {
                    self.skip()?;
                }
            }
            // A number read past is only scanned, as serde_json ignores one (no range check).
            b'-' | b'0'..=b'9' => {
                self.scan_number()?;
            }
            _ => {
                self.scalar()?;
            }
        }
        Ok(())
    }

    /// The text of the next value, checked, as it is written.
    pub fn raw(&mut self) -> Result<&'a str, JsonError> {
        self.ws();
        let start = self.i;
        self.skip()?;
        Ok(&self.text[start..self.i])
    }

    /// Nothing but whitespace may follow.
    pub fn end(&mut self) -> Result<(), JsonError> {
        self.ws();
        match self.byte() {
            Some(_) => Err(self.peek_error("trailing characters")),
            None => Ok(()),
        }
    }

    fn ident(&mut self, word: &[u8], v: Scalar<'a>) -> Result<Scalar<'a>, JsonError> {
        for &w in word {
            match self.byte() {
                Some(b) if b == w => self.i += 1,
                Some(_) => return Err(self.peek_error("expected ident")),
                None => return Err(self.error("EOF while parsing a value")),
            }
        }
        Ok(v)
    }

    fn digits(&mut self) -> Result<(), JsonError> {
        match self.byte() {
            Some(b'0'..=b'9') => {}
            Some(_) => return Err(self.peek_error("invalid number")),
            None => return Err(self.error("EOF while parsing a value")),
        }
        while matches!(self.byte(), Some(b'0'..=b'9')) {
            self.i += 1;
        }
        Ok(())
    }

    /// Past a number's text, checked against the grammar: `true` when it has a fraction or an
    /// exponent.
    fn scan_number(&mut self) -> Result<bool, JsonError> {
        if self.byte() == Some(b'-') {
            self.i += 1;
        }
        if self.byte() == Some(b'0') {
            self.i += 1;
            if matches!(self.byte(), Some(b'0'..=b'9')) {
                return Err(self.peek_error("invalid number"));
            }
        } else {
            self.digits()?;
        }
        let mut float = false;
        if self.byte() == Some(b'.') {
            self.i += 1;
            self.digits()?;
            float = true;
        }
        if matches!(self.byte(), Some(b'e' | b'E')) {
            self.i += 1;
            if matches!(self.byte(), Some(b'+' | b'-')) {
                self.i += 1;
            }
            self.digits()?;
            float = true;
        }
        Ok(float)
    }

    /// A number as serde_json keeps it: an integer that fits `u64` (or `i64` when negative,
    /// but not `-0`) stays one; anything else is the nearest `f64`, refused when out of its range.
    fn number(&mut self) -> Result<Number, JsonError> {
        let start = self.i;
        let float = self.scan_number()?;
        let text = &self.text[start..self.i];
        if !float {
            // `-?digits` here (scan_number); one digit reader for both signs.
            match text.strip_prefix('-') {
                None => {
                    if let Some(n) = crate::float::digits(text) {
                        return Ok(n.into());
                    }
                }
                // `-0` stays the float `-0.0`, as serde_json keeps it; 2^63 is `i64::MIN`.
                Some(magnitude) => match crate::float::digits(magnitude) {
                    Some(m) if m != 0 && m <= 1 << 63 => {
                        return Ok((m as i64).wrapping_neg().into())
                    }
                    _ => {}
                },
            }
        }
        crate::float::parse_f64(text)
            .and_then(Number::from_f64)
            .ok_or_else(|| self.error("number out of range"))
    }
}
