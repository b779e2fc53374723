//! JSON read row by row straight into what the parsers keep, never into a `serde_json::Value`
//! tree (12–16× the body): each row's first cells are held only while the row is turned into
//! a bar or a point, the rest of the row is skipped, and rows past [`MAX_BARS`] are counted,
//! not stored. The first fault is kept with its path and the rest of the body is skipped.

use super::wire::{fail, too_long};
use super::SourceError;
use crate::series::MAX_BARS;
use serde::de::{self, DeserializeSeed, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};
use std::cell::RefCell;
use std::fmt;

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
            Cell::Num(x) => x.to_string(),
            Cell::Str(s) => shorten(&serde_json::to_string(s).unwrap_or_default()),
            Cell::Null => "null".into(),
            Cell::Bool(b) => b.to_string(),
            Cell::Array => "an array".into(),
            Cell::Object => "an object".into(),
        }
    }
}

impl<'de> de::Deserialize<'de> for Cell {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Cell, D::Error> {
        d.deserialize_any(CellVisitor)
    }
}

pub(crate) struct CellVisitor;

impl<'de> Visitor<'de> for CellVisitor {
    type Value = Cell;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a JSON value")
    }
    fn visit_f64<E>(self, v: f64) -> Result<Cell, E> {
        Ok(Cell::Num(v))
    }
    fn visit_i64<E>(self, v: i64) -> Result<Cell, E> {
        Ok(Cell::Num(v as f64))
    }
    fn visit_u64<E>(self, v: u64) -> Result<Cell, E> {
        Ok(Cell::Num(v as f64))
    }
    fn visit_str<E>(self, v: &str) -> Result<Cell, E> {
        Ok(Cell::Str(v.to_owned()))
    }
    fn visit_string<E>(self, v: String) -> Result<Cell, E> {
        Ok(Cell::Str(v))
    }
    fn visit_bool<E>(self, v: bool) -> Result<Cell, E> {
        Ok(Cell::Bool(v))
    }
    fn visit_unit<E>(self) -> Result<Cell, E> {
        Ok(Cell::Null)
    }
    fn visit_none<E>(self) -> Result<Cell, E> {
        Ok(Cell::Null)
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut s: A) -> Result<Cell, A::Error> {
        while s.next_element::<IgnoredAny>()?.is_some() {}
        Ok(Cell::Array)
    }
    fn visit_map<A: MapAccess<'de>>(self, mut m: A) -> Result<Cell, A::Error> {
        while m.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
        Ok(Cell::Object)
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

/// Takes the row at an index: keeps what it needs (in its own list) or returns the row's fault.
/// One type for every parser, so serde's reader is compiled once for rows, not once per kind.
pub(crate) type EachRow<'r> = RefCell<dyn FnMut(usize, Row) -> Result<(), SourceError> + 'r>;

/// The rows of a JSON array, handed one at a time to `each`; `keys` are the fields kept from
/// object rows. As a [`DeserializeSeed`] it can sit anywhere in a document.
pub(crate) struct Rows<'r> {
    pub keys: &'r [&'r str],
    pub each: &'r EachRow<'r>,
    pub tally: &'r RefCell<Tally>,
}

/// What a [`Rows`] saw: how many rows, the first fault, and whether the value was an array.
#[derive(Default)]
pub(crate) struct Tally {
    pub count: usize,
    pub error: Option<SourceError>,
    /// The value was not an array (described).
    pub not_array: Option<Cell>,
}

impl Tally {
    /// `Ok` when every row was read: the first fault otherwise (a value that was not an array,
    /// at `path`; too many rows; a row's error).
    pub fn finish(self, path: &str) -> Result<(), SourceError> {
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

impl<'de> DeserializeSeed<'de> for Rows<'_> {
    type Value = ();
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for Rows<'_> {
    type Value = ();
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("an array of rows")
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut s: A) -> Result<(), A::Error> {
        loop {
            let (i, stop) = {
                let t = self.tally.borrow();
                (t.count, t.error.is_some() || t.count >= MAX_BARS)
            };
            if stop {
                // Past the cap or a fault: count what is left, keep nothing.
                if s.next_element::<IgnoredAny>()?.is_none() {
                    break;
                }
                self.tally.borrow_mut().count += 1;
                continue;
            }
            let Some(row) = s.next_element_seed(RowSeed { keys: self.keys })? else {
                break;
            };
            let view = match &row {
                Held::Array(cells, n) => Row::Array(cells, *n),
                Held::Object(cells) => Row::Object(cells),
                Held::Other(c) => Row::Other(c),
            };
            let result = (self.each.borrow_mut())(i, view);
            let mut t = self.tally.borrow_mut();
            t.count += 1;
            if let Err(e) = result {
                t.error = Some(e);
            }
        }
        Ok(())
    }
    fn visit_map<A: MapAccess<'de>>(self, m: A) -> Result<(), A::Error> {
        let c = CellVisitor.visit_map(m)?;
        self.not_array(c)
    }
    fn visit_f64<E>(self, v: f64) -> Result<(), E> {
        self.not_array(Cell::Num(v))
    }
    fn visit_i64<E>(self, v: i64) -> Result<(), E> {
        self.not_array(Cell::Num(v as f64))
    }
    fn visit_u64<E>(self, v: u64) -> Result<(), E> {
        self.not_array(Cell::Num(v as f64))
    }
    fn visit_str<E>(self, v: &str) -> Result<(), E> {
        self.not_array(Cell::Str(v.to_owned()))
    }
    fn visit_bool<E>(self, v: bool) -> Result<(), E> {
        self.not_array(Cell::Bool(v))
    }
    fn visit_unit<E>(self) -> Result<(), E> {
        self.not_array(Cell::Null)
    }
}

impl Rows<'_> {
    fn not_array<E>(&self, c: Cell) -> Result<(), E> {
        self.tally.borrow_mut().not_array = Some(c);
        Ok(())
    }
}

/// One row while it is read.
enum Held {
    Array(Vec<Cell>, usize),
    Object(Vec<Option<Cell>>),
    Other(Cell),
}

struct RowSeed<'k> {
    keys: &'k [&'k str],
}

impl<'de> DeserializeSeed<'de> for RowSeed<'_> {
    type Value = Held;
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Held, D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for RowSeed<'_> {
    type Value = Held;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a row")
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut s: A) -> Result<Held, A::Error> {
        let mut cells = Vec::with_capacity(CELLS);
        let mut n = 0;
        loop {
            let more = if cells.len() < CELLS {
                s.next_element::<Cell>()?.map(|c| cells.push(c)).is_some()
            } else {
                s.next_element::<IgnoredAny>()?.is_some()
            };
            if !more {
                break;
            }
            n += 1;
        }
        Ok(Held::Array(cells, n))
    }
    fn visit_map<A: MapAccess<'de>>(self, mut m: A) -> Result<Held, A::Error> {
        let mut cells: Vec<Option<Cell>> = vec![None; self.keys.len()];
        while let Some(k) = m.next_key::<std::borrow::Cow<'de, str>>()? {
            match self.keys.iter().position(|w| **w == *k) {
                Some(j) => cells[j] = Some(m.next_value::<Cell>()?),
                None => {
                    m.next_value::<IgnoredAny>()?;
                }
            }
        }
        Ok(Held::Object(cells))
    }
    fn visit_f64<E>(self, v: f64) -> Result<Held, E> {
        Ok(Held::Other(Cell::Num(v)))
    }
    fn visit_i64<E>(self, v: i64) -> Result<Held, E> {
        Ok(Held::Other(Cell::Num(v as f64)))
    }
    fn visit_u64<E>(self, v: u64) -> Result<Held, E> {
        Ok(Held::Other(Cell::Num(v as f64)))
    }
    fn visit_str<E>(self, v: &str) -> Result<Held, E> {
        Ok(Held::Other(Cell::Str(v.to_owned())))
    }
    fn visit_bool<E>(self, v: bool) -> Result<Held, E> {
        Ok(Held::Other(Cell::Bool(v)))
    }
    fn visit_unit<E>(self) -> Result<Held, E> {
        Ok(Held::Other(Cell::Null))
    }
}

/// Reads `json` with `seed`, turning a syntax error into the parsers' `invalid JSON: …`
/// (trailing text after the value is refused too).
pub(crate) fn read<'de, S: DeserializeSeed<'de>>(
    json: &'de str,
    seed: S,
) -> Result<S::Value, SourceError> {
    let mut d = serde_json::Deserializer::from_str(json);
    let r = seed.deserialize(&mut d).and_then(|r| d.end().map(|()| r));
    r.map_err(|e| fail("", format!("invalid JSON: {e}")))
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
    let tally = RefCell::new(Tally::default());
    {
        let each = RefCell::new(|i: usize, r: Row| {
            if let Some(t) = row(i, r)? {
                out.push(t);
            }
            Ok(())
        });
        read(
            json,
            Rows {
                keys,
                each: &each,
                tally: &tally,
            },
        )?;
    }
    let tally = tally.into_inner();
    // A whole body that is not rows is usually the exchange's error answer
    // (`{"code":-1121,"msg":"Invalid symbol."}`): shown as it came, shortened.
    if path.is_empty() && tally.not_array.is_some() {
        return Err(fail(
            "",
            format!("expected an array, found {}", shorten(json.trim())),
        ));
    }
    tally.finish(path).map_err(|mut e| {
        if !e.path.starts_with(path) {
            e.path = format!("{path}{}", e.path);
        }
        e
    })?;
    Ok(out)
}
