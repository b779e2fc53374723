//! The data a scoring run reads: named series with where they came from, and the series that
//! could not be loaded, each with why.

use crate::series::{Candles, Series, SeriesData};
use std::fmt;

/// One named series and its provenance.
#[derive(Clone, Debug, PartialEq)]
pub struct Input {
    pub data: SeriesData,
    /// Where it came from (source kind and URL, or a label such as "test data").
    pub source: String,
    /// True for generated data; results that read it are marked synthetic.
    pub synthetic: bool,
    /// Bar interval (`1h`, `8h`, `1d`…) when known; checked against a rule's timeframe.
    pub interval: Option<String>,
}

impl Input {
    pub fn candles(c: Candles, source: impl Into<String>) -> Self {
        Self::new(SeriesData::Candles(c), source)
    }

    pub fn points(s: Series, source: impl Into<String>) -> Self {
        Self::new(SeriesData::Points(s), source)
    }

    fn new(data: SeriesData, source: impl Into<String>) -> Self {
        Self {
            data,
            source: source.into(),
            synthetic: false,
            interval: None,
        }
    }

    pub fn synthetic(mut self, yes: bool) -> Self {
        self.synthetic = yes;
        self
    }

    pub fn interval(mut self, interval: impl Into<String>) -> Self {
        self.interval = Some(interval.into());
        self
    }

    /// The time of the latest point.
    pub fn as_of(&self) -> Option<i64> {
        self.data.last_time()
    }

    pub fn len(&self) -> usize {
        self.data.len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// Series by name (`candles`, `funding`, `open_interest`, `exchange_supply_share`, …), and the
/// names that failed to load with the reason, so a rule that reads one says why it has no data.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct SeriesSet {
    // One list, sorted by name, a name loaded or failed: a page reads a handful of series, and a
    // sorted `Vec` costs the wasm far less code than a `BTreeMap` of these types (the weight
    // issue, #18).
    slots: Vec<(String, Slot)>,
}

#[derive(Clone, Debug, PartialEq)]
enum Slot {
    Loaded(Input),
    Failed(String),
}

impl SeriesSet {
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds (or replaces) a series; it is no longer failed.
    pub fn insert(&mut self, name: String, input: Input) {
        self.put(name, Slot::Loaded(input));
    }

    /// Records that `name` could not be loaded, and why (the loader's own error, as words).
    pub fn fail(&mut self, name: String, reason: String) {
        self.put(name, Slot::Failed(reason));
    }

    /// Forgets `name`, loaded or failed.
    pub fn remove(&mut self, name: &str) {
        if let Ok(at) = self.find(name) {
            self.slots.remove(at);
        }
    }

    fn find(&self, name: &str) -> Result<usize, usize> {
        self.slots.binary_search_by(|(k, _)| k.as_str().cmp(name))
    }

    fn put(&mut self, name: String, slot: Slot) {
        match self.find(&name) {
            Ok(at) => {
                if let Some(e) = self.slots.get_mut(at) {
                    e.1 = slot;
                }
            }
            Err(at) => self.slots.insert(at, (name, slot)),
        }
    }

    fn slot(&self, name: &str) -> Option<&Slot> {
        let at = self.find(name).ok()?;
        self.slots.get(at).map(|(_, s)| s)
    }

    pub fn get(&self, name: &str) -> Option<&Input> {
        match self.slot(name)? {
            Slot::Loaded(i) => Some(i),
            Slot::Failed(_) => None,
        }
    }

    /// Why `name` failed to load, if it did.
    pub fn failure(&self, name: &str) -> Option<&str> {
        match self.slot(name)? {
            Slot::Failed(why) => Some(why),
            Slot::Loaded(_) => None,
        }
    }

    /// The series, or why there is none.
    pub fn lookup(&self, name: &str) -> Result<&Input, Missing> {
        match self.slot(name) {
            Some(Slot::Loaded(i)) => Ok(i),
            Some(Slot::Failed(why)) => Err(Missing::Failed(name.into(), why.clone())),
            None => Err(Missing::NoData(name.into())),
        }
    }

    /// The loaded series, in the order of their names.
    pub fn iter(&self) -> impl Iterator<Item = (&String, &Input)> {
        self.slots.iter().filter_map(|(k, s)| match s {
            Slot::Loaded(i) => Some((k, i)),
            Slot::Failed(_) => None,
        })
    }
}

impl FromIterator<(String, Input)> for SeriesSet {
    fn from_iter<I: IntoIterator<Item = (String, Input)>>(items: I) -> Self {
        let mut set = SeriesSet::new();
        for (name, input) in items {
            set.insert(name, input);
        }
        set
    }
}

/// Why a series could not be evaluated: it is missing, failed to load, or is the wrong shape.
#[derive(Clone, Debug, PartialEq)]
pub enum Missing {
    /// The page has no data for this series.
    NoData(String),
    /// The series failed to load: its name and the loader's reason.
    Failed(String, String),
    /// A field that only candles have, asked of a single-valued series.
    NotCandles(String),
}

impl fmt::Display for Missing {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Missing::NoData(n) => write!(f, "no data for series `{n}`"),
            Missing::Failed(n, why) => write!(f, "no data for series `{n}`: {why}"),
            Missing::NotCandles(n) => {
                write!(f, "series `{n}` has one value per point, not candles")
            }
        }
    }
}
