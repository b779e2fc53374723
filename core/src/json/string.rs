//! Strings: borrowed from the text unless they hold escapes, which are decoded as serde_json
//! decodes them (a surrogate pair taken whole, a lone one refused).

use super::{JsonError, Reader};
use std::borrow::Cow;

impl<'a> Reader<'a> {
    fn hex4(&mut self) -> Result<u32, JsonError> {
        if self.i + 4 > self.text.len() {
            return Err(self.error_at("EOF while parsing a string", self.text.len()));
        }
        let digits = &self.text.as_bytes()[self.i..self.i + 4];
        self.i += 4;
        digits.iter().try_fold(0, |n, &b| {
            (b as char)
                .to_digit(16)
                .map(|d| n * 16 + d)
                .ok_or_else(|| self.error("invalid escape"))
        })
    }

    /// A string whose opening quote is next; borrowed from the text unless it has escapes.
    pub(super) fn string(&mut self) -> Result<Cow<'a, str>, JsonError> {
        self.i += 1;
        let mut start = self.i;
        let mut owned: Option<String> = None;
        loop {
            // Plain characters in one pass: the loop below sees only what ends or escapes.
            let rest = &self.text.as_bytes()[self.i..];
            self.i += rest
                .iter()
                .position(|&b| b == b'"' || b == b'\\' || b < 0x20)
                .unwrap_or(rest.len());
            let Some(b) = self.byte() else {
                return Err(self.error("EOF while parsing a string"));
            };
            match b {
                b'"' => {
                    let tail = &self.text[start..self.i];
                    self.i += 1;
                    return Ok(match owned {
                        None => Cow::Borrowed(tail),
                        Some(mut s) => {
                            s.push_str(tail);
                            Cow::Owned(s)
                        }
                    });
                }
                b'\\' => {
                    let s = owned.get_or_insert_with(String::new);
                    s.push_str(&self.text[start..self.i]);
                    self.i += 1;
                    let Some(e) = self.byte() else {
                        return Err(self.error("EOF while parsing a string"));
                    };
                    self.i += 1;
                    let c = match e {
                        b'"' => '"',
                        b'\\' => '\\',
                        b'/' => '/',
                        b'b' => '\u{8}',
                        b'f' => '\u{c}',
                        b'n' => '\n',
                        b'r' => '\r',
                        b't' => '\t',
                        b'u' => self.unicode_escape()?,
                        _ => return Err(self.error("invalid escape")),
                    };
                    s.push(c);
                    start = self.i;
                }
                0..=0x1f => {
                    return Err(self.peek_error(
                        "control character (\\u0000-\\u001F) found while parsing a string",
                    ))
                }
                _ => self.i += 1,
            }
        }
    }

    /// After `\u`: one code point, a surrogate pair taken whole.
    fn unicode_escape(&mut self) -> Result<char, JsonError> {
        let n = match self.hex4()? {
            0xDC00..=0xDFFF => return Err(self.error("lone leading surrogate in hex escape")),
            hi @ 0xD800..=0xDBFF => {
                for want in [b'\\', b'u'] {
                    let got = self.byte();
                    self.i = (self.i + 1).min(self.text.len());
                    match got {
                        None => return Err(self.error("EOF while parsing a string")),
                        Some(b) if b != want => {
                            return Err(self.error("unexpected end of hex escape"))
                        }
                        _ => {}
                    }
                }
                let lo = self.hex4()?;
                if !(0xDC00..=0xDFFF).contains(&lo) {
                    return Err(self.error("lone leading surrogate in hex escape"));
                }
                0x10000 + ((hi - 0xD800) << 10) + (lo - 0xDC00)
            }
            n => n,
        };
        char::from_u32(n).ok_or_else(|| self.error("invalid unicode code point"))
    }
}
