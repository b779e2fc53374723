//! Shared pieces of the exchange adapters: reading numbers that exchanges send as strings,
//! error construction, and the one normalisation every adapter applies.

use super::stream::{Cell, Row};
use super::SourceError;
use crate::float::shortest;
use crate::series::{Bar, Candles, Series, MAX_BARS, MAX_TIME_MS};

/// A body that is not JSON: the parsers' `invalid JSON: …`, at the top.
pub(crate) fn invalid_json(e: crate::json::JsonError) -> SourceError {
    fail("", format!("invalid JSON: {e}"))
}

pub(crate) fn fail(path: impl Into<String>, message: impl Into<String>) -> SourceError {
    SourceError {
        path: path.into(),
        message: message.into(),
    }
}

/// A number, or a string holding one (`"0.0001"`, `"1e-4"`): exchanges send both.
pub(crate) fn num(v: &Cell, path: &dyn Fn() -> String) -> Result<f64, SourceError> {
    let x = match v {
        Cell::Num(n) => Some(*n),
        Cell::Str(s) => crate::float::parse_f64(crate::text::trim_space(s)),
        _ => None,
    };
    match x {
        Some(x) if x.is_finite() => Ok(x),
        _ => Err(fail(
            path(),
            format!(
                "expected a number or a numeric string, found {}",
                v.describe()
            ),
        )),
    }
}

/// A time in whole milliseconds (number or string), within the range of a JavaScript `Date`.
pub(crate) fn millis(v: &Cell, path: &dyn Fn() -> String) -> Result<i64, SourceError> {
    let x = num(v, path)?;
    if x.fract() != 0.0 {
        return Err(fail(
            path(),
            format!("{} is not a time in whole milliseconds", shortest(x)),
        ));
    }
    time_ms(x, path)
}

/// `ms` as a time, if a JavaScript `Date` can hold it (±[`MAX_TIME_MS`]): every time a widget
/// shows is formatted, so one past that range is refused here, naming its row.
pub(crate) fn time_ms(ms: f64, path: &dyn Fn() -> String) -> Result<i64, SourceError> {
    if ms.is_finite() && ms.abs() <= MAX_TIME_MS as f64 {
        Ok(ms as i64)
    } else {
        Err(fail(path(), time_out_of_range(ms)))
    }
}

/// The message for a time past the range of dates.
pub(crate) fn time_out_of_range(ms: f64) -> String {
    format!(
        "time out of range: {} ms (dates reach ±{MAX_TIME_MS} ms)",
        shortest(ms)
    )
}

/// The cells of an array row with at least `min` elements, or the error naming the row.
pub(crate) fn cells<'a>(
    row: Row<'a>,
    min: usize,
    expected: &dyn Fn(usize) -> String,
    path: &dyn Fn() -> String,
) -> Result<(&'a [Cell<'a>], usize), SourceError> {
    match row {
        Row::Array(r, n) if n >= min => Ok((r, n)),
        Row::Array(_, n) => Err(fail(path(), expected(n))),
        Row::Object(_) => Err(fail(path(), "expected an array, found an object")),
        Row::Other(c) => Err(fail(
            path(),
            format!("expected an array, found {}", c.describe()),
        )),
    }
}

/// The cells under the two keys of an object row (a time and a value, in the keys' order), or
/// the error for the first missing one.
pub(crate) fn fields<'a>(
    row: Row<'a>,
    keys: &[&str; 2],
    path: &dyn Fn() -> String,
) -> Result<[&'a Cell<'a>; 2], SourceError> {
    let missing = |k: &str| fail(path(), format!("missing field \"{k}\""));
    match row {
        Row::Object([Some(a), Some(b)]) => Ok([a, b]),
        Row::Object([Some(_), None]) => Err(missing(keys[1])),
        _ => Err(missing(keys[0])),
    }
}

/// A bar from a row whose elements 1–4 are open, high, low, close (numbers or strings), with
/// the time already read and the volume at `volume` (absent: 0). `path` names the row.
pub(crate) fn ohlc_row(
    r: &[Cell],
    n: usize,
    time: i64,
    volume: Option<usize>,
    path: &dyn Fn() -> String,
) -> Result<Bar, SourceError> {
    let at = |j: usize| move || format!("{}[{j}]", path());
    let get = |j: usize| {
        r.get(j).ok_or_else(|| {
            fail(
                path(),
                format!("expected at least {} elements, found {n}", j + 1),
            )
        })
    };
    Ok(Bar {
        time,
        open: num(get(1)?, &at(1))?,
        high: num(get(2)?, &at(2))?,
        low: num(get(3)?, &at(3))?,
        close: num(get(4)?, &at(4))?,
        volume: match volume {
            Some(j) => num(get(j)?, &at(j))?,
            None => 0.0,
        },
    })
}

pub(crate) fn too_long(n: usize) -> Result<(), SourceError> {
    if n > MAX_BARS {
        Err(fail(
            "",
            format!("{n} rows is more than the limit of {MAX_BARS}"),
        ))
    } else {
        Ok(())
    }
}

/// Sorts rows by time and removes exact duplicates; two rows with one time and different values
/// are an error (the source contradicts itself). Newest-first sources come out oldest first.
pub(crate) fn normalise_bars(mut bars: Vec<Bar>) -> Result<Candles, SourceError> {
    bars.sort_by_key(|b| b.time);
    let mut out: Vec<Bar> = Vec::with_capacity(bars.len());
    for b in bars {
        match out.last() {
            Some(prev) if prev.time == b.time => {
                if *prev != b {
                    return Err(fail(
                        "",
                        format!("two different candles for time {}", b.time),
                    ));
                }
            }
            _ => out.push(b),
        }
    }
    let c = Candles::from_bars(&out);
    c.check().map_err(|e| fail("", e.to_string()))?;
    Ok(c)
}

/// [`normalise_bars`] for single-valued series.
pub(crate) fn normalise_points(mut points: Vec<(i64, f64)>) -> Result<Series, SourceError> {
    points.sort_by_key(|p| p.0);
    let mut s = Series::default();
    for (t, v) in points {
        if s.time.last() == Some(&t) {
            if s.value.last() != Some(&v) {
                return Err(fail("", format!("two different values for time {t}")));
            }
            continue;
        }
        s.time.push(t);
        s.value.push(v);
    }
    s.check().map_err(|e| fail("", e.to_string()))?;
    Ok(s)
}
