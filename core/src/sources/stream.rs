//! JSON read row by row straight into what the parsers keep, never into a `json::Value`
//! tree (12–16× the body): each row's first cells are held only while the row is turned into
//! a bar or a point, the rest of the row is skipped, and rows past [`MAX_BARS`] are counted,
//! not stored. The first fault is kept with its path and the rest of the body is skipped.

use super::wire::{fail, invalid_json, too_long};
use super::SourceError;
use crate::float::shortest;
use crate::json::{JsonError, Reader, Scalar};
use crate::series::MAX_BARS;
use std::borrow::Cow;

/// The cells of a row the parsers look at (the widest format, Binance klines, has 12).
pub(crate) const CELLS: usize = 12;

/// One JSON value as the parsers need it: numbers and strings as they are (a string borrowed
/// from the body unless it had escapes: exchanges send every price as a string), anything else
/// only described (for messages).
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum Cell<'a> {
    Num(f64),
    Str(Cow<'a, str>),
    Null,
    Bool(bool),
    Array,
    Object,
}

impl<'a> Cell<'a> {
    /// As messages show it: `null`, `true`, `"abc"`, `an array`.
    pub fn describe(&self) -> String {
        match self {
            Cell::Num(x) => shortest(*x),
            Cell::Str(s) => shorten(&crate::json::quote(s)),
            Cell::Null => "null".into(),
            Cell::Bool(b) => b.to_string(),
            Cell::Array => "an array".into(),
            Cell::Object => "an object".into(),
        }
    }

    /// The same cell, holding its own string: kept past the row it was read in.
    pub fn owned(&self) -> Cell<'static> {
        match self {
            Cell::Num(x) => Cell::Num(*x),
            Cell::Str(s) => Cell::Str(Cow::Owned(s.to_string())),
            Cell::Null => Cell::Null,
            Cell::Bool(b) => Cell::Bool(*b),
            Cell::Array => Cell::Array,
            Cell::Object => Cell::Object,
        }
    }

    /// The next value of `r` (an array or an object read past, only named).
    pub fn read(r: &mut Reader<'a>) -> Result<Cell<'a>, JsonError> {
        Ok(match r.peek()? {
            b'[' => r.skip().map(|()| Cell::Array)?,
            b'{' => r.skip().map(|()| Cell::Object)?,
            _ => match r.scalar()? {
                Scalar::Null => Cell::Null,
                Scalar::Bool(b) => Cell::Bool(b),
                Scalar::Number(n) => Cell::Num(n.as_f64().unwrap_or(f64::NAN)),
                Scalar::String(s) => Cell::Str(s),
            },
        })
    }
}

/// At most 40 characters of `text`, then `…`.
fn shorten(text: &str) -> String {
    if text.chars().count() > 40 {
        format!("{}…", text.chars().take(40).collect::<String>())
    } else {
        text.to_owned()
    }
}

/// A row as it arrived: an array (its first [`CELLS`] cells and its length), an object (the
/// cells under the keys asked for), or something else.
pub(crate) enum Row<'a> {
    Array(&'a [Cell<'a>], usize),
    Object(&'a [Option<Cell<'a>>]),
    Other(&'a Cell<'a>),
}

/// One row while it is read: its cells are in the reader's buffers ([`Buffers`]).
enum Held<'a> {
    Array(usize),
    Object,
    Other(Cell<'a>),
}

/// The cells of the row being read, kept from row to row so a row allocates nothing.
#[derive(Default)]
struct Buffers<'a> {
    array: Vec<Cell<'a>>,
    object: Vec<Option<Cell<'a>>>,
}

/// The next row of `r`: its first cells (or the cells under `keys`) into `b`, the rest read
/// past.
fn held<'a>(r: &mut Reader<'a>, keys: &[&str], b: &mut Buffers<'a>) -> Result<Held<'a>, JsonError> {
    let mut first = true;
    match r.peek()? {
        b'[' => {
            r.begin()?;
            b.array.clear();
            let mut n = 0;
            while r.next_item(&mut first)? {
                if b.array.len() < CELLS {
                    b.array.push(Cell::read(r)?);
                } else {
                    r.skip()?;
                }
                n += 1;
            }
            Ok(Held::Array(n))
        }
        b'{' => {
            r.begin()?;
            b.object.clear();
            b.object.resize(keys.len(), None);
            while let Some(k) = r.next_key(&mut first)? {
                match keys.iter().position(|w| **w == *k) {
                    Some(j) => b.object[j] = Some(Cell::read(r)?),
                    None => r.skip()?,
                }
            }
            Ok(Held::Object)
        }
        _ => Ok(Held::Other(Cell::read(r)?)),
    }
}

/// What the rows of a value came to: how many, the first fault, and whether it was an array.
#[derive(Default)]
struct Tally<'a> {
    count: usize,
    error: Option<SourceError>,
    /// The value was not an array (described).
    not_array: Option<Cell<'a>>,
}

impl Tally<'_> {
    /// `Ok` when every row was read: the first fault otherwise (a value that was not an array,
    /// at `path`; too many rows; a row's error).
    fn finish(self, path: &str) -> Result<(), SourceError> {
        if let Some(c) = self.not_array {
            return Err(fail(
                path,
                format!("expected an array, found {}", c.describe()),
            ));
        }
        if let Some(e) = self.error {
            return Err(e);
        }
        too_long(self.count)
    }
}

/// The rows of the whole text `json`, each handed to `each` with its index; past a fault or
/// [`MAX_BARS`] rows are counted, not read into cells. A syntax error anywhere is the parsers'
/// `invalid JSON: …`.
fn read_rows<'a>(
    json: &'a str,
    keys: &[&str],
    each: &mut dyn FnMut(usize, Row) -> Result<(), SourceError>,
) -> Result<Tally<'a>, SourceError> {
    let mut tally = Tally::default();
    let mut r = Reader::new(json);
    let mut buffers = Buffers::default();
    let mut walk = || -> Result<(), JsonError> {
        if r.peek()? != b'[' {
            tally.not_array = Some(Cell::read(&mut r)?);
            return r.end();
        }
        r.begin()?;
        let mut first = true;
        while r.next_item(&mut first)? {
            if tally.error.is_some() || tally.count >= MAX_BARS {
                r.skip()?;
            } else {
                let row = held(&mut r, keys, &mut buffers)?;
                let view = match &row {
                    Held::Array(n) => Row::Array(&buffers.array, *n),
                    Held::Object => Row::Object(&buffers.object),
                    Held::Other(c) => Row::Other(c),
                };
                if let Err(e) = each(tally.count, view) {
                    tally.error = Some(e);
                }
            }
            tally.count += 1;
        }
        r.end()
    };
    walk().map_err(invalid_json)?;
    Ok(tally)
}

/// The rows of a JSON array at `path` (empty for a whole body), each turned by `row` into
/// what the parser keeps (`None`: skip it); errors keep their row paths under `path`.
pub(crate) fn rows<T>(
    json: &str,
    path: &str,
    keys: &[&str],
    row: impl Fn(usize, Row) -> Result<Option<T>, SourceError>,
) -> Result<Vec<T>, SourceError> {
    let mut out = Vec::new();
    let tally = read_rows(json, keys, &mut |i, r| {
        if let Some(t) = row(i, r)? {
            out.push(t);
        }
        Ok(())
    });
    rows_read(json, path, tally)?;
    Ok(out)
}

/// What [`rows`] does once the rows are read, whatever they were read into: kept out of line,
/// as `rows` is compiled once per parser.
#[inline(never)]
fn rows_read(
    json: &str,
    path: &str,
    tally: Result<Tally<'_>, SourceError>,
) -> Result<(), SourceError> {
    let tally = tally?;
    // A whole body that is not rows is usually the exchange's error answer
    // (`{"code":-1121,"msg":"Invalid symbol."}`): shown as it came, shortened.
    if path.is_empty() && tally.not_array.is_some() {
        return Err(fail(
            "",
            format!(
                "expected an array, found {}",
                shorten(crate::text::trim_space(json))
            ),
        ));
    }
    tally.finish(path).map_err(|mut e| {
        if !e.path.starts_with(path) {
            e.path = format!("{path}{}", e.path);
        }
        e
    })
}
