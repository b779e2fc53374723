//! JSON read row by row straight into what the parsers keep, never into a `json::Value`
//! tree (12–16× the body): each row's first cells are held only while the row is turned into
//! a bar or a point, the rest of the row is skipped, and rows past [`MAX_BARS`] are counted,
//! not stored. The first fault is kept with its path and the rest of the body is skipped.

use super::wire::{fail, invalid_json, too_long};
use super::SourceError;
use crate::float::shortest;
use crate::json::{JsonError, Reader, Scalar};
use crate::series::MAX_BARS;

/// The cells of a row the parsers look at (the widest format, Binance klines, has 12).
pub(crate) const CELLS: usize = 12;

/// One JSON value as the parsers need it: numbers and strings as they are, anything else only
/// described (for messages).
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum Cell {
    Num(f64),
    Str(String),
    Null,
    Bool(bool),
    Array,
    Object,
}

impl Cell {
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

    /// The next value of `r` (an array or an object read past, only named).
    pub fn read(r: &mut Reader) -> Result<Cell, JsonError> {
        Ok(match r.peek()? {
            b'[' => r.skip().map(|()| Cell::Array)?,
            b'{' => r.skip().map(|()| Cell::Object)?,
            _ => match r.scalar()? {
                Scalar::Null => Cell::Null,
                Scalar::Bool(b) => Cell::Bool(b),
                Scalar::Number(n) => Cell::Num(n.as_f64().unwrap_or(f64::NAN)),
                Scalar::String(s) => Cell::Str(s.into_owned()),
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
    Array(&'a [Cell], usize),
    Object(&'a [Option<Cell>]),
    Other(&'a Cell),
}

/// One row while it is read.
enum Held {
    Array(Vec<Cell>, usize),
    Object(Vec<Option<Cell>>),
    Other(Cell),
}

/// The next row of `r`: its first cells (or the cells under `keys`), the rest read past.
fn held(r: &mut Reader, keys: &[&str]) -> Result<Held, JsonError> {
    let mut first = true;
    match r.peek()? {
        b'[' => {
            r.begin()?;
            let (mut cells, mut n) = (Vec::with_capacity(CELLS), 0);
            while r.next_item(&mut first)? {
                if cells.len() < CELLS {
                    cells.push(Cell::read(r)?);
                } else {
                    r.skip()?;
                }
                n += 1;
            }
            Ok(Held::Array(cells, n))
        }
        b'{' => {
            r.begin()?;
            let mut cells: Vec<Option<Cell>> = vec![None; keys.len()];
            while let Some(k) = r.next_key(&mut first)? {
                match keys.iter().position(|w| **w == *k) {
                    Some(j) => cells[j] = Some(Cell::read(r)?),
                    None => r.skip()?,
                }
            }
            Ok(Held::Object(cells))
        }
        _ => Ok(Held::Other(Cell::read(r)?)),
    }
}

/// What the rows of a value came to: how many, the first fault, and whether it was an array.
#[derive(Default)]
struct Tally {
    count: usize,
    error: Option<SourceError>,
    /// The value was not an array (described).
    not_array: Option<Cell>,
}

impl Tally {
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
fn read_rows(
    json: &str,
    keys: &[&str],
    each: &mut dyn FnMut(usize, Row) -> Result<(), SourceError>,
) -> Result<Tally, SourceError> {
    let mut tally = Tally::default();
    let mut r = Reader::new(json);
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
                let row = held(&mut r, keys)?;
                let view = match &row {
                    Held::Array(cells, n) => Row::Array(cells, *n),
                    Held::Object(cells) => Row::Object(cells),
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
fn rows_read(json: &str, path: &str, tally: Result<Tally, SourceError>) -> Result<(), SourceError> {
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
