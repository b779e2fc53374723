//! A profile as the widgets hold it: the data, and its signals' rules read once, when first
//! wanted.

use barfinex_core::model::{AssetProfile, SeriesSource};
use barfinex_core::signals::{series_named, Plan};
use std::cell::OnceCell;
use std::ops::Deref;
use std::sync::Arc;

/// A parsed, validated profile and, read on first use, the plan of its signals' rules
/// ([`Plan::for_signals`]): the series they need and the breakout the price chart marks.
/// Derefs to the data.
///
/// The rules are read by [`Profile::plan`], which only the parts that score or mark with them
/// call (the card, the price chart, the signal badges): in the split build the rule reader is in
/// their chunks, not the main module that the light widgets need.
#[derive(Clone, Debug)]
pub struct Profile {
    pub data: AssetProfile,
    plan: OnceCell<Arc<Plan>>,
}

impl Profile {
    pub fn new(data: AssetProfile) -> Self {
        Self {
            data,
            plan: OnceCell::new(),
        }
    }

    /// The plan of its signals' rules, read once and shared, not copied, by every part that
    /// scores or marks with it.
    pub fn plan(&self) -> Arc<Plan> {
        Arc::clone(
            self.plan
                .get_or_init(|| Arc::new(Plan::for_signals(&self.data.signals))),
        )
    }

    /// The series its signals' rules may read, found without reading the rules
    /// ([`series_named`]): what a signal widget starts loading as soon as the profile is in.
    pub fn signal_series(&self) -> Vec<String> {
        series_named(self.data.signals.iter().filter_map(|s| s.rule.as_ref()))
    }

    /// The source of series `name`.
    pub fn source(&self, name: &str) -> Option<SeriesSource> {
        self.data.sources.iter().find(|s| s.series == name).cloned()
    }
}

/// Two profiles are equal when their data is: the plan is read from it.
impl PartialEq for Profile {
    fn eq(&self, other: &Self) -> bool {
        self.data == other.data
    }
}

impl Deref for Profile {
    type Target = AssetProfile;

    fn deref(&self) -> &AssetProfile {
        &self.data
    }
}
