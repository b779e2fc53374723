//! Market series: OHLCV candles in columns, checked once on the way in.

use std::fmt;

/// The most bars one call accepts. wasm32 has at most 4 GiB of memory and a failed allocation
/// aborts the module, so inputs past this are refused with [`SeriesError::TooLong`] instead.
/// At this size the columns take 240 MB and a per-bar rating result another 120 MB.
pub const MAX_BARS: usize = 5_000_000;

/// The furthest time from the epoch, either way, that JavaScript's `Date` can hold (100,000,000
/// days, ECMA-262 § 21.4.1.22), in milliseconds. Times past it are refused where they enter
/// ([`SeriesError::TimeOutOfRange`]): a widget formats every time it shows, and a `Date` past
/// this range throws.
pub const MAX_TIME_MS: i64 = 8_640_000_000_000_000;

/// True when `ms` is a time JavaScript's `Date` can hold (within ±[`MAX_TIME_MS`]).
pub fn time_in_range(ms: i64) -> bool {
    (-MAX_TIME_MS..=MAX_TIME_MS).contains(&ms)
}

/// OHLCV candles as columns of equal length, oldest first. Times are Unix milliseconds.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Candles {
    pub time: Vec<i64>,
    pub open: Vec<f64>,
    pub high: Vec<f64>,
    pub low: Vec<f64>,
    pub close: Vec<f64>,
    pub volume: Vec<f64>,
}

/// One candle.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Bar {
    pub time: i64,
    pub open: f64,
    pub high: f64,
    pub low: f64,
    pub close: f64,
    pub volume: f64,
}

impl Bar {
    /// A bar from a `[time_ms, open, high, low, close, volume]` row (the shape of candles
    /// documents and of the recorded samples); the time is truncated to whole milliseconds.
    pub fn from_row(r: [f64; 6]) -> Bar {
        Bar {
            time: r[0] as i64,
            open: r[1],
            high: r[2],
            low: r[3],
            close: r[4],
            volume: r[5],
        }
    }
}

/// Why a series was refused.
#[derive(Clone, Debug, PartialEq)]
pub enum SeriesError {
    /// More bars than [`MAX_BARS`].
    TooLong { bars: usize },
    /// Columns of different lengths.
    Ragged {
        column: &'static str,
        len: usize,
        expected: usize,
    },
    /// A value that is NaN or infinite, at bar `index`.
    NotFinite { column: &'static str, index: usize },
    /// A time outside ±[`MAX_TIME_MS`] (the range of JavaScript's `Date`), at bar `index`.
    TimeOutOfRange { index: usize, time: i64 },
    /// A time not after the previous one, at bar `index` (unsorted or duplicate).
    NotAscending {
        index: usize,
        time: i64,
        previous: i64,
    },
}

impl fmt::Display for SeriesError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::TooLong { bars } => write!(f, "{bars} bars is more than the limit of {MAX_BARS}"),
            Self::Ragged { column, len, expected } => {
                write!(f, "{column} has {len} values, expected {expected} (one per bar)")
            }
            Self::NotFinite { column, index } => write!(f, "{column}[{index}] is not a finite number"),
            Self::TimeOutOfRange { index, time } => write!(f, "time[{index}] = {time} is out of range (dates reach ±{MAX_TIME_MS} ms)"),
            Self::NotAscending { index, time, previous } => write!(
                f,
                "time[{index}] = {time} is not after time[{}] = {previous} (bars must be sorted, without duplicates)",
                index.saturating_sub(1)
            ),
        }
    }
}

impl std::error::Error for SeriesError {}

impl SeriesError {
    /// The same error for a block that starts after `bars` bars of a stream: bar indices count
    /// from the stream's first bar.
    pub fn after(self, bars: usize) -> Self {
        match self {
            Self::NotFinite { column, index } => Self::NotFinite {
                column,
                index: index.saturating_add(bars),
            },
            Self::TimeOutOfRange { index, time } => Self::TimeOutOfRange {
                index: index.saturating_add(bars),
                time,
            },
            Self::NotAscending {
                index,
                time,
                previous,
            } => Self::NotAscending {
                index: index.saturating_add(bars),
                time,
                previous,
            },
            other => other,
        }
    }
}

impl Candles {
    /// Number of bars.
    pub fn len(&self) -> usize {
        self.close.len()
    }

    pub fn is_empty(&self) -> bool {
        self.close.is_empty()
    }

    /// Bar `i`, if there is one.
    pub fn bar(&self, i: usize) -> Option<Bar> {
        Some(Bar {
            time: *self.time.get(i)?,
            open: *self.open.get(i)?,
            high: *self.high.get(i)?,
            low: *self.low.get(i)?,
            close: *self.close.get(i)?,
            volume: *self.volume.get(i)?,
        })
    }

    /// Iterates over the bars.
    pub fn bars(&self) -> impl Iterator<Item = Bar> + '_ {
        (0..self.len()).filter_map(|i| self.bar(i))
    }

    /// Builds columns from bars.
    pub fn from_bars(bars: &[Bar]) -> Self {
        let mut c = Candles::default();
        for b in bars {
            c.push(*b);
        }
        c
    }

    /// Appends one bar (unchecked; call [`Candles::check`] before computing on it).
    pub fn push(&mut self, b: Bar) {
        self.time.push(b.time);
        self.open.push(b.open);
        self.high.push(b.high);
        self.low.push(b.low);
        self.close.push(b.close);
        self.volume.push(b.volume);
    }

    /// Checks the invariants every computation relies on: at most [`MAX_BARS`], equal column
    /// lengths, finite numbers, times within ±[`MAX_TIME_MS`], strictly ascending. Zero or negative prices and volumes
    /// are allowed (spreads, synthetic series); gaps in time are allowed and not filled.
    pub fn check(&self) -> Result<(), SeriesError> {
        let n = self.close.len();
        if n > MAX_BARS {
            return Err(SeriesError::TooLong { bars: n });
        }
        let cols: [(&'static str, &[f64]); 5] = [
            ("open", &self.open),
            ("high", &self.high),
            ("low", &self.low),
            ("close", &self.close),
            ("volume", &self.volume),
        ];
        if self.time.len() != n {
            return Err(SeriesError::Ragged {
                column: "time",
                len: self.time.len(),
                expected: n,
            });
        }
        for (column, values) in cols {
            if values.len() != n {
                return Err(SeriesError::Ragged {
                    column,
                    len: values.len(),
                    expected: n,
                });
            }
            if let Some(index) = values.iter().position(|v| !v.is_finite()) {
                return Err(SeriesError::NotFinite { column, index });
            }
        }
        check_ascending(&self.time)
    }
}

/// A single-valued time series (funding rate, open interest, a supply share…), oldest first.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Series {
    pub time: Vec<i64>,
    pub value: Vec<f64>,
}

impl Series {
    pub fn len(&self) -> usize {
        self.value.len()
    }

    pub fn is_empty(&self) -> bool {
        self.value.is_empty()
    }

    /// Same invariants as [`Candles::check`]: bounded, equal lengths, finite, times in range and
    /// strictly ascending.
    pub fn check(&self) -> Result<(), SeriesError> {
        let n = self.value.len();
        if n > MAX_BARS {
            return Err(SeriesError::TooLong { bars: n });
        }
        if self.time.len() != n {
            return Err(SeriesError::Ragged {
                column: "time",
                len: self.time.len(),
                expected: n,
            });
        }
        if let Some(index) = self.value.iter().position(|v| !v.is_finite()) {
            return Err(SeriesError::NotFinite {
                column: "value",
                index,
            });
        }
        check_ascending(&self.time)
    }
}

/// What a parser produces from one fetched body: candles, or one value per point.
#[derive(Clone, Debug, PartialEq)]
pub enum SeriesData {
    Candles(Candles),
    Points(Series),
}

impl SeriesData {
    /// [`Candles::check`] or [`Series::check`], whichever it holds.
    pub fn check(&self) -> Result<(), SeriesError> {
        match self {
            SeriesData::Candles(c) => c.check(),
            SeriesData::Points(p) => p.check(),
        }
    }

    /// The time of the latest point.
    pub fn last_time(&self) -> Option<i64> {
        match self {
            SeriesData::Candles(c) => c.time.last().copied(),
            SeriesData::Points(p) => p.time.last().copied(),
        }
    }

    /// The latest time and value (a candle's close).
    pub fn last(&self) -> Option<(i64, f64)> {
        match self {
            SeriesData::Candles(c) => c.time.last().copied().zip(c.close.last().copied()),
            SeriesData::Points(p) => p.time.last().copied().zip(p.value.last().copied()),
        }
    }

    pub fn len(&self) -> usize {
        match self {
            SeriesData::Candles(c) => c.len(),
            SeriesData::Points(p) => p.len(),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// Times a `Date` can hold, strictly ascending: no unsorted or duplicate bars.
fn check_ascending(time: &[i64]) -> Result<(), SeriesError> {
    if let Some(index) = time.iter().position(|t| !time_in_range(*t)) {
        return Err(SeriesError::TimeOutOfRange {
            index,
            time: time[index],
        });
    }
    match time.windows(2).position(|w| w[1] <= w[0]) {
        Some(i) => Err(SeriesError::NotAscending {
            index: i + 1,
            time: time[i + 1],
            previous: time[i],
        }),
        None => Ok(()),
    }
}
