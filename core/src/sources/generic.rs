//! Generic series a site serves itself (exchange-held supply share, long-term-holder supply, a
//! policy rate…): JSON `[[time, value], …]` or `{"time": […], "value": […]}`, or CSV with a
//! header row naming a time column and a value column.

use super::envelope::{fields_of, get, Raw};
use super::stream::{rows, Cell, Row};
use super::wire::{cells, fail, millis, normalise_points, num, too_long};
use super::SourceError;
use crate::series::Series;
use crate::text;

/// JSON pairs or columns. Times are milliseconds.
pub fn parse_json_series(body: &str) -> Result<Series, SourceError> {
    let pts = match text::trim_start(body, text::SPACE).as_bytes().first() {
        Some(b'[') => rows(body, "", &[], |i, row: Row| {
            let path = || format!("[{i}]");
            let expected = |n| format!("expected [time, value], found {n} elements");
            let (r, n) = cells(row, 2, &expected, &path)?;
            if n != 2 {
                return Err(fail(path(), expected(n)));
            }
            Ok(Some((
                millis(&r[0], &|| format!("[{i}][0]"))?,
                num(&r[1], &|| format!("[{i}][1]"))?,
            )))
        })?,
        Some(b'{') => {
            let c = fields_of(body, &["time", "value"])?.unwrap_or_default();
            let column = |raw: Option<Raw>, name: &str| {
                let raw = raw.ok_or_else(|| fail(name, "expected an array, found null"))?;
                rows(raw.get(), name, &[], |i, row: Row| {
                    let cell = match row {
                        Row::Other(c) => c.owned(),
                        Row::Array(..) => Cell::Array,
                        Row::Object(_) => Cell::Object,
                    };
                    Ok(Some((i, cell)))
                })
            };
            let time = column(get(&c, "time"), "time")?;
            let value = column(get(&c, "value"), "value")?;
            if time.len() != value.len() {
                return Err(fail(
                    "value",
                    format!("{} values for {} times", value.len(), time.len()),
                ));
            }
            too_long(time.len())?;
            let mut pts = Vec::with_capacity(time.len());
            for ((i, t), (_, x)) in time.iter().zip(&value) {
                pts.push((
                    millis(t, &|| format!("time[{i}]"))?,
                    num(x, &|| format!("value[{i}]"))?,
                ));
            }
            pts
        }
        _ => {
            return Err(fail(
                "",
                "expected [[time, value], …] or {\"time\": […], \"value\": […]}",
            ))
        }
    };
    normalise_points(pts)
}

/// The most columns a CSV header may name (a series needs two).
pub const MAX_CSV_COLUMNS: usize = 1_000;

/// CSV with a header. `time` is the column named `time`, `timestamp` or `date` (milliseconds,
/// or an ISO date `YYYY-MM-DD` taken at 00:00 UTC); `value` is the column named `value_column`,
/// or else the first other column. At most [`MAX_CSV_COLUMNS`] columns; rows are read only as
/// far as the value column.
pub fn parse_csv_series(body: &str, value_column: Option<&str>) -> Result<Series, SourceError> {
    // Lines end at '\n'; a '\r' before it is trimmed with the cells' spaces.
    let mut lines = text::split(body, b"\n")
        .enumerate()
        .filter(|(_, l)| !text::trim_space(l).is_empty());
    let Some((_, header)) = lines.next() else {
        return Ok(Series::default());
    };
    let columns = text::split(header, b",").count();
    if columns > MAX_CSV_COLUMNS {
        return Err(fail(
            "line 1",
            format!("{columns} columns; the limit is {MAX_CSV_COLUMNS}"),
        ));
    }
    let names: Vec<String> = text::split(header, b",")
        .map(|h| text::trim(text::trim_space(h), b"\"").to_ascii_lowercase())
        .collect();
    let t_col = names
        .iter()
        .position(|n| n == "time" || n == "timestamp" || n == "date")
        .ok_or_else(|| fail("line 1", "no time column (time, timestamp or date)"))?;
    let v_col = match value_column {
        Some(name) => names.iter().position(|n| *n == name.to_ascii_lowercase()),
        None => (0..names.len()).find(|&i| i != t_col),
    }
    .ok_or_else(|| {
        fail(
            "line 1",
            format!("no value column {}", value_column.unwrap_or("")),
        )
    })?;
    let mut pts = Vec::new();
    for (i, line) in lines {
        let cells: Vec<&str> = text::split(line, b",")
            .take(t_col.max(v_col) + 1)
            .map(|c| text::trim(text::trim_space(c), b"\""))
            .collect();
        let at = |col: usize| format!("line {}, column {}", i + 1, col + 1);
        let t_raw = cells.get(t_col).ok_or_else(|| fail(at(t_col), "missing"))?;
        let v_raw = cells.get(v_col).ok_or_else(|| fail(at(v_col), "missing"))?;
        let t = match iso_date_ms(t_raw) {
            Some(t) => t,
            None => millis(&Cell::Str((*t_raw).into()), &|| at(t_col))?,
        };
        pts.push((t, num(&Cell::Str((*v_raw).into()), &|| at(v_col))?));
        too_long(pts.len())?;
    }
    normalise_points(pts)
}

/// `YYYY-MM-DD` → Unix milliseconds at 00:00 UTC (days from civil, Howard Hinnant's method).
fn iso_date_ms(s: &str) -> Option<i64> {
    let b = s.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let field = |r| i64::try_from(crate::float::digits(s.get(r)?)?).ok();
    let (y, m, d) = (field(0..4)?, field(5..7)?, field(8..10)?);
    if !(1..=12).contains(&m) || !(1..=31).contains(&d) {
        return None;
    }
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    Some((era * 146_097 + doe - 719_468) * 86_400_000)
}
