//! A profile as the widgets hold it: the data, and its signals' rules read once.

use barfinex_core::model::{AssetProfile, SeriesSource};
use barfinex_core::signals::Plan;
use std::ops::Deref;
use std::sync::Arc;

/// A parsed, validated profile with the plan of its signals' rules ([`Plan::for_signals`]):
/// the series they need and the breakout the price chart marks. Derefs to the data.
#[derive(Clone, Debug, PartialEq)]
pub struct Profile {
    pub data: AssetProfile,
    /// Shared, not copied, by every part that scores or marks with it.
    pub plan: Arc<Plan>,
}

impl Profile {
    pub fn new(data: AssetProfile) -> Self {
        let plan = Arc::new(Plan::for_signals(&data.signals));
        Self { data, plan }
    }

    /// The source of series `name`.
    pub fn source(&self, name: &str) -> Option<SeriesSource> {
        self.data.sources.iter().find(|s| s.series == name).cloned()
    }
}

impl Deref for Profile {
    type Target = AssetProfile;

    fn deref(&self) -> &AssetProfile {
        &self.data
    }
}
