//! Text searched, split and trimmed by a set of ASCII bytes, one copy for every caller; and by a
//! substring (`search.rs`: `find_str`, `split_str`), without std's Two-Way searcher.
//!
//! Every separator the formats we read use is ASCII (JSON, CSV, HTTP headers, HTML attributes,
//! URLs, interval lists), and so is the whitespace HTML and HTTP trim. std's `char` patterns
//! give the same results here, but each pattern kind links its own searcher and `memchr` into
//! the module, which every page downloads. A byte of the set that is not ASCII never matches,
//! so every cut falls on a character boundary.
//!
//! ```
//! use barfinex_core::text;
//! assert_eq!(text::split_once("a=b=c", b"="), Some(("a", "b=c")));
//! assert_eq!(text::split("1h, 4h", b", ").collect::<Vec<_>>(), ["1h", "", "4h"]);
//! assert_eq!(text::trim_end("2.500", b"0"), "2.5");
//! assert!(text::is_space('\u{a0}'));
//! ```

pub use search::{find_str, split_str};

mod search;

/// ASCII whitespace, as HTML and URLs define it (and std's `trim_ascii`): space, tab, line
/// feed, form feed and carriage return.
pub const SPACE: &[u8] = b" \t\n\x0c\r";

/// Whether `b` is one of `set`'s ASCII bytes.
// Not `set.contains(&b)`: a `u8` slice's `contains` is std's `memchr`, which this module exists
// to keep out of the wasm (the sets are a few bytes).
#[allow(clippy::manual_contains)]
#[inline]
fn hit(b: u8, set: &[u8]) -> bool {
    b.is_ascii() && set.iter().any(|&x| x == b)
}

/// The first position of a byte of `set`.
pub fn find(s: &str, set: &[u8]) -> Option<usize> {
    s.bytes().position(|b| hit(b, set))
}

/// The last position of a byte of `set`.
pub fn rfind(s: &str, set: &[u8]) -> Option<usize> {
    s.bytes().rposition(|b| hit(b, set))
}

/// Whether `s` holds a byte of `set`.
pub fn contains(s: &str, set: &[u8]) -> bool {
    find(s, set).is_some()
}

/// `s` around the byte at `i` (an ASCII byte, so both sides are text).
fn around(s: &str, i: usize) -> Option<(&str, &str)> {
    Some((s.get(..i)?, s.get(i + 1..)?))
}

/// `s` before and after the first byte of `set`.
pub fn split_once<'a>(s: &'a str, set: &[u8]) -> Option<(&'a str, &'a str)> {
    around(s, find(s, set)?)
}

/// `s` before and after the last byte of `set`.
pub fn rsplit_once<'a>(s: &'a str, set: &[u8]) -> Option<(&'a str, &'a str)> {
    around(s, rfind(s, set)?)
}

/// The pieces of `s` between the bytes of `set`, empty ones included (as `str::split`).
pub fn split<'a>(s: &'a str, set: &'a [u8]) -> Split<'a> {
    Split { rest: Some(s), set }
}

/// The iterator [`split`] returns.
pub struct Split<'a> {
    rest: Option<&'a str>,
    set: &'a [u8],
}

impl<'a> Iterator for Split<'a> {
    type Item = &'a str;

    fn next(&mut self) -> Option<&'a str> {
        let rest = self.rest?;
        match split_once(rest, self.set) {
            Some((piece, after)) => {
                self.rest = Some(after);
                Some(piece)
            }
            None => self.rest.take(),
        }
    }
}

/// `s` without the bytes of `set` it starts with.
pub fn trim_start<'a>(s: &'a str, set: &[u8]) -> &'a str {
    let n = s.bytes().take_while(|&b| hit(b, set)).count();
    s.get(n..).unwrap_or(s)
}

/// `s` without the bytes of `set` it ends with.
pub fn trim_end<'a>(s: &'a str, set: &[u8]) -> &'a str {
    let n = s.bytes().rev().take_while(|&b| hit(b, set)).count();
    s.get(..s.len() - n).unwrap_or(s)
}

/// `s` without the bytes of `set` at either end.
pub fn trim<'a>(s: &'a str, set: &[u8]) -> &'a str {
    trim_end(trim_start(s, set), set)
}

/// `s` without ASCII whitespace at either end: attributes, headers, cells and symbols.
pub fn trim_space(s: &str) -> &str {
    trim(s, SPACE)
}

/// Unicode's `White_Space`, as `char::is_whitespace`, without its lookup table: for a
/// profile's text, where a name of no-break spaces is as blank as an empty one.
pub fn is_space(c: char) -> bool {
    matches!(
        c,
        '\t'..='\r'
            | ' '
            | '\u{85}'
            | '\u{a0}'
            | '\u{1680}'
            | '\u{2000}'..='\u{200a}'
            | '\u{2028}'
            | '\u{2029}'
            | '\u{202f}'
            | '\u{205f}'
            | '\u{3000}'
    )
}

#[cfg(test)]
mod tests;
