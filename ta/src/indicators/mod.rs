//! Technical indicators over OHLCV candles, with TA-Lib's conventions wherever TA-Lib has the
//! indicator. Each indicator is a streaming type (`update` one bar at a time, O(1) per bar
//! except CCI's O(n) mean deviation) and, through [`indicator`], a vectorised call over a whole
//! series. Outputs are NaN during warm-up. See `docs/indicators.md` for each convention.
//!
//! ```
//! use barfinex_ta::indicators::{indicator, Params};
//! use barfinex_ta::series::{Bar, Candles};
//! let bars: Vec<Bar> = (0..50).map(|i| {
//!     let c = 100.0 + (i as f64).sin();
//!     Bar { time: i * 60_000, open: c, high: c + 1.0, low: c - 1.0, close: c, volume: 10.0 }
//! }).collect();
//! let out = indicator("rsi", &Params::new().with("timeperiod", 14.0), &Candles::from_bars(&bars)).unwrap();
//! assert_eq!(out.columns[0].name, "rsi");
//! assert!(out.columns[0].values[13].is_nan() && !out.columns[0].values[14].is_nan());
//! ```

mod moving_average;
mod oscillator;
mod trend;
mod volatility;
mod volume;
pub mod window;

pub use moving_average::{Hma, PineEma, SeededEma, Sma, Vwma, Wma};
pub use oscillator::{Ao, Cci, Macd, MacdOut, Mom, Rsi, Stoch, StochRsi, UltOsc, WillR, KD};
pub use trend::{Adx, AdxOut, BullBearPower, Ichimoku, IchimokuOut, PowerOut};
pub use volatility::{Atr, BandsOut, Bollinger};
pub use volume::Obv;

// For the rating's test oracle (the fused pass has its own, branch-free).
#[cfg(test)]
pub(crate) use trend::{directional_movement, true_range};

use crate::quote::quoted;
use crate::series::{Candles, SeriesError};
use std::fmt;

/// The longest period accepted (a period sizes a buffer, so it is bounded like the input).
pub const MAX_PERIOD: usize = 100_000;

/// Named numeric parameters, e.g. `timeperiod`, `fastperiod`.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Params(Vec<(String, f64)>);

impl Params {
    #[cfg_attr(barfinex_size, optimize(size))]
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds or replaces a parameter.
    pub fn with(mut self, name: &str, value: f64) -> Self {
        self.0.retain(|(n, _)| n != name);
        self.0.push((name.to_owned(), value));
        self
    }

    fn get(&self, name: &str) -> Option<f64> {
        self.0.iter().find(|(n, _)| n == name).map(|(_, v)| *v)
    }
}

/// One named output column.
#[derive(Clone, Debug, PartialEq)]
pub struct Column {
    pub name: &'static str,
    pub values: Vec<f64>,
}

/// An indicator's outputs, one value per input bar.
#[derive(Clone, Debug, PartialEq)]
pub struct IndicatorOutput {
    pub columns: Vec<Column>,
}

/// Why an indicator call was refused.
#[derive(Clone, Debug, PartialEq)]
pub enum IndicatorError {
    UnknownIndicator(String),
    UnknownParam {
        indicator: &'static str,
        param: String,
        known: &'static [&'static str],
    },
    BadParam {
        indicator: &'static str,
        param: &'static str,
        value: f64,
        rule: String,
    },
    Series(SeriesError),
}

impl fmt::Display for IndicatorError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::UnknownIndicator(name) => {
                write!(
                    f,
                    "unknown indicator {} (known: {})",
                    quoted(name),
                    NAMES.join(", ")
                )
            }
            Self::UnknownParam {
                indicator,
                param,
                known,
            } => {
                write!(
                    f,
                    "{indicator}: unknown parameter {} (known: {})",
                    quoted(param),
                    known.join(", ")
                )
            }
            Self::BadParam {
                indicator,
                param,
                value,
                rule,
            } => {
                write!(f, "{indicator}: {param} = {value} {rule}")
            }
            Self::Series(e) => write!(f, "candles: {e}"),
        }
    }
}

impl std::error::Error for IndicatorError {}

/// Every indicator [`indicator`] knows.
pub const NAMES: &[&str] = &[
    "sma", "ema", "wma", "hma", "vwma", "rsi", "stoch", "stochrsi", "cci", "adx", "ao", "mom",
    "macd", "willr", "ultosc", "bbands", "atr", "obv", "ichimoku", "bullbear",
];

struct Args<'a> {
    name: &'static str,
    params: &'a Params,
}

// Read once per call: not inlined (this crate's opt-level 3 would copy each into every arm).
impl Args<'_> {
    /// A whole-number period in 1..=MAX_PERIOD (`min` for those that need more).
    #[inline(never)]
    #[cfg_attr(barfinex_size, optimize(size))]
    fn period(
        &self,
        param: &'static str,
        default: usize,
        min: usize,
    ) -> Result<usize, IndicatorError> {
        let v = self.params.get(param).unwrap_or(default as f64);
        let bad = |rule: String| IndicatorError::BadParam {
            indicator: self.name,
            param,
            value: v,
            rule,
        };
        if !(v.is_finite() && v.fract() == 0.0) {
            return Err(bad("is not a whole number".into()));
        }
        if v < min as f64 || v > MAX_PERIOD as f64 {
            return Err(bad(format!("is out of range ({min} to {MAX_PERIOD})")));
        }
        Ok(v as usize)
    }

    #[inline(never)]
    #[cfg_attr(barfinex_size, optimize(size))]
    fn number(&self, param: &'static str, default: f64) -> Result<f64, IndicatorError> {
        let v = self.params.get(param).unwrap_or(default);
        if v.is_finite() {
            Ok(v)
        } else {
            Err(IndicatorError::BadParam {
                indicator: self.name,
                param,
                value: v,
                rule: "is not finite".into(),
            })
        }
    }

    #[inline(never)]
    #[cfg_attr(barfinex_size, optimize(size))]
    fn only(&self, known: &'static [&'static str]) -> Result<(), IndicatorError> {
        match self
            .params
            .0
            .iter()
            .find(|(n, _)| !known.contains(&n.as_str()))
        {
            Some((param, _)) => Err(IndicatorError::UnknownParam {
                indicator: self.name,
                param: param.clone(),
                known,
            }),
            None => Ok(()),
        }
    }
}

// The loops take their step as a `dyn FnMut` and are never inlined: one copy of each loop for
// every indicator instead of one per indicator (this crate is built at opt-level 3, which would
// inline each step into its own loop): an indirect call per bar, no slower than the noise let
// us see (README, "Where the bytes went").
#[inline(never)]
fn run1(
    c: &Candles,
    name: &'static str,
    f: &mut dyn FnMut(&crate::series::Bar) -> f64,
) -> IndicatorOutput {
    IndicatorOutput {
        columns: vec![Column {
            name,
            values: c.bars().map(|b| f(&b)).collect(),
        }],
    }
}

#[inline(never)]
fn run_n<const N: usize>(
    c: &Candles,
    names: [&'static str; N],
    f: &mut dyn FnMut(&crate::series::Bar) -> [f64; N],
) -> IndicatorOutput {
    let mut cols: Vec<Vec<f64>> = (0..N).map(|_| Vec::with_capacity(c.len())).collect();
    for b in c.bars() {
        for (col, v) in cols.iter_mut().zip(f(&b)) {
            col.push(v);
        }
    }
    IndicatorOutput {
        columns: names
            .into_iter()
            .zip(cols)
            .map(|(name, values)| Column { name, values })
            .collect(),
    }
}

/// Computes indicator `name` over `candles`. Parameter names and defaults follow TA-Lib
/// (`timeperiod`, `fastperiod`, …); a period longer than the series gives all NaN.
#[cfg_attr(barfinex_size, optimize(size))]
pub fn indicator(
    name: &str,
    params: &Params,
    candles: &Candles,
) -> Result<IndicatorOutput, IndicatorError> {
    candles.check().map_err(IndicatorError::Series)?;
    let Some(&name) = NAMES.iter().find(|n| **n == name) else {
        return Err(IndicatorError::UnknownIndicator(name.to_owned()));
    };
    let a = Args { name, params };
    const TP: &[&str] = &["timeperiod"];
    Ok(match name {
        "sma" | "ema" | "wma" | "hma" | "vwma" => {
            a.only(TP)?;
            let default = match name {
                "hma" => 9,
                "vwma" => 20,
                _ => 30,
            };
            let n = a.period("timeperiod", default, if name == "hma" { 2 } else { 1 })?;
            match name {
                "sma" => {
                    let mut s = Sma::new(n);
                    run1(candles, "sma", &mut |b| s.update(b.close))
                }
                "ema" => {
                    let mut s = SeededEma::ema(n);
                    run1(candles, "ema", &mut |b| s.update(b.close))
                }
                "wma" => {
                    let mut s = Wma::new(n);
                    run1(candles, "wma", &mut |b| s.update(b.close))
                }
                "hma" => {
                    let mut s = Hma::new(n);
                    run1(candles, "hma", &mut |b| s.update(b.close))
                }
                _ => {
                    let mut s = Vwma::new(n);
                    run1(candles, "vwma", &mut |b| s.update(b.close, b.volume))
                }
            }
        }
        "rsi" => {
            a.only(TP)?;
            let mut s = Rsi::new(a.period("timeperiod", 14, 2)?);
            run1(candles, "rsi", &mut |b| s.update(b.close))
        }
        "stoch" => {
            a.only(&["fastk_period", "slowk_period", "slowd_period"])?;
            let mut s = Stoch::new(
                a.period("fastk_period", 5, 1)?,
                a.period("slowk_period", 3, 1)?,
                a.period("slowd_period", 3, 1)?,
            );
            run_n(candles, ["slowk", "slowd"], &mut |b| {
                let o = s.update(b);
                [o.k, o.d]
            })
        }
        "stochrsi" => {
            a.only(&["timeperiod", "fastk_period", "fastd_period"])?;
            let mut s = StochRsi::new(
                a.period("timeperiod", 14, 2)?,
                a.period("fastk_period", 5, 1)?,
                a.period("fastd_period", 3, 1)?,
            );
            run_n(candles, ["fastk", "fastd"], &mut |b| {
                let o = s.update(b.close);
                [o.k, o.d]
            })
        }
        "cci" => {
            a.only(TP)?;
            let mut s = Cci::new(a.period("timeperiod", 14, 2)?);
            run1(candles, "cci", &mut |b| {
                s.update((b.high + b.low + b.close) / 3.0)
            })
        }
        "adx" => {
            a.only(TP)?;
            let mut s = Adx::new(a.period("timeperiod", 14, 2)?);
            run_n(candles, ["adx", "plus_di", "minus_di"], &mut |b| {
                let o = s.update(b);
                [o.adx, o.plus_di, o.minus_di]
            })
        }
        "ao" => {
            a.only(&["fastperiod", "slowperiod"])?;
            let mut s = Ao::new(
                a.period("fastperiod", 5, 1)?,
                a.period("slowperiod", 34, 1)?,
            );
            run1(candles, "ao", &mut |b| s.update(b))
        }
        "mom" => {
            a.only(TP)?;
            let mut s = Mom::new(a.period("timeperiod", 10, 1)?);
            run1(candles, "mom", &mut |b| s.update(b.close))
        }
        "macd" => {
            a.only(&["fastperiod", "slowperiod", "signalperiod"])?;
            let mut s = Macd::new(
                a.period("fastperiod", 12, 2)?,
                a.period("slowperiod", 26, 2)?,
                a.period("signalperiod", 9, 1)?,
            );
            run_n(candles, ["macd", "signal", "hist"], &mut |b| {
                let o = s.update(b.close);
                [o.macd, o.signal, o.hist]
            })
        }
        "willr" => {
            a.only(TP)?;
            let mut s = WillR::new(a.period("timeperiod", 14, 2)?);
            run1(candles, "willr", &mut |b| s.update(b))
        }
        "ultosc" => {
            a.only(&["timeperiod1", "timeperiod2", "timeperiod3"])?;
            let mut s = UltOsc::new(
                a.period("timeperiod1", 7, 1)?,
                a.period("timeperiod2", 14, 1)?,
                a.period("timeperiod3", 28, 1)?,
            );
            run1(candles, "ultosc", &mut |b| s.update(b))
        }
        "bbands" => {
            a.only(&["timeperiod", "nbdevup", "nbdevdn"])?;
            let mut s = Bollinger::new(
                a.period("timeperiod", 5, 2)?,
                a.number("nbdevup", 2.0)?,
                a.number("nbdevdn", 2.0)?,
            );
            run_n(candles, ["upper", "middle", "lower"], &mut |b| {
                let o = s.update(b.close);
                [o.upper, o.middle, o.lower]
            })
        }
        "atr" => {
            a.only(TP)?;
            let mut s = Atr::new(a.period("timeperiod", 14, 1)?);
            run1(candles, "atr", &mut |b| s.update(b))
        }
        "obv" => {
            a.only(&[])?;
            let mut s = Obv::new();
            run1(candles, "obv", &mut |b| s.update(b))
        }
        "ichimoku" => {
            a.only(&["conversion", "base", "span_b"])?;
            let mut s = Ichimoku::new(
                a.period("conversion", 9, 1)?,
                a.period("base", 26, 1)?,
                a.period("span_b", 52, 1)?,
            );
            run_n(
                candles,
                ["conversion", "base", "span_a", "span_b"],
                &mut |b| {
                    let o = s.update(b);
                    [o.conversion, o.base, o.span_a, o.span_b]
                },
            )
        }
        _ => {
            a.only(TP)?;
            let mut s = BullBearPower::new(a.period("timeperiod", 13, 1)?);
            run_n(candles, ["bull", "bear"], &mut |b| {
                let o = s.update(b);
                [o.bull, o.bear]
            })
        }
    })
}
