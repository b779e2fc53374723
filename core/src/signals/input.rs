//! The data a scoring run reads: named series with where they came from.

use crate::series::{Candles, Series};
use crate::sources::SeriesData;
use std::collections::BTreeMap;

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
        match &self.data {
            SeriesData::Candles(c) => c.time.last().copied(),
            SeriesData::Points(p) => p.time.last().copied(),
        }
    }

    pub fn len(&self) -> usize {
        match &self.data {
            SeriesData::Candles(c) => c.len(),
            SeriesData::Points(p) => p.len(),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// Series by name (`candles`, `funding`, `open_interest`, `exchange_supply_share`, …).
pub type SeriesSet = BTreeMap<String, Input>;
