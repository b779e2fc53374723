//! Signals as data: rules written in JSON, scored over market series, with evidence.
//!
//! A profile's signal carries a `rule` (format in `docs/signal-rules.md`); [`score_signals`]
//! evaluates each one over the series the page has and returns its state, strength 0–100, and
//! the numbers that decided it. A rule whose series are missing gives "insufficient data" for
//! that signal only; a rule that cannot be read gives "invalid" with the field's path.
//!
//! ```
//! use barfinex_core::model::{Signal, SignalCategory, SignalDirection};
//! use barfinex_core::series::Series;
//! use barfinex_core::signals::{score_signals, Input, SeriesSet, State};
//!
//! let signal = Signal {
//!     category: SignalCategory::Sentiment,
//!     direction: SignalDirection::Bearish,
//!     title: "Persistent negative funding".into(),
//!     description: String::new(),
//!     rule: barfinex_core::json::parse(r#"{
//!         "kind": "persistence", "series": "funding", "op": "<", "value": 0, "periods": 3
//!     }"#).ok(),
//! };
//! let funding = Series { time: vec![1, 2, 3, 4], value: vec![0.0001, -0.0002, -0.0001, -0.0003] };
//! let mut set = SeriesSet::new();
//! set.insert("funding".into(), Input::points(funding, "test"));
//! let r = &score_signals(&[signal], &set)[0];
//! assert_eq!(r.state, State::Active);
//! assert_eq!(r.strength, Some(50)); // a streak of exactly the required 3
//! assert_eq!(r.evidence[0].value, Some(3.0));
//! ```

// Rooms, lowest first; each imports only rooms above it in this list (`rule` imports none):
// rule (types) ← json (strict reader) ← parse ← plan; window (pure) ← input ← derive; pattern (pure);
// node ← breakout, eval ← score ← regime; result ← results_json (JSON written by hand).
mod breakout;
mod derive;
mod eval;
mod input;
mod json;
mod node;
mod parse;
mod pattern;
mod plan;
mod regime;
mod result;
mod results_json;
mod rule;
mod runs;
mod score;
mod window;

pub use derive::{eval as eval_series, Line};
pub use eval::{evaluate, ols};
pub use input::{Input, Missing, SeriesSet};
pub use json::RuleError;
pub use node::Node;
pub use parse::parse_rule;
pub use pattern::{find_breakout, Breakout, Retest};
pub use plan::{series_named, Plan, Planned};
pub use regime::{
    current_regime, current_regime_with_plan, parse_regime_rules, CurrentRegime, RegimeRule,
    RegimeRules,
};
pub use result::{Arg, Check, DataUsed, Phrase, Said, SignalResult, State};
pub use results_json::results_json;
pub use rule::{
    BreakoutParams, Derive, Field, Op, Rule, SeriesExpr, Side, SignalRule, Trend, MAX_DEPTH,
    MAX_NODES, MAX_WINDOW,
};
pub use runs::latest_run;
pub use score::{score_parsed, score_signal, score_signals, score_with_plan};
