//! Market signals scored live, and their badges with evidence.

mod live_signals;
mod signal_badges;

pub use live_signals::LiveSignals;
pub use signal_badges::SignalBadges;
