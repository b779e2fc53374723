//! Bar intervals: the one grammar that profiles, rules, the exchanges' URL builders and the
//! local market server share. `N` then a unit: `m` minutes, `h` hours, `d` days, `w` weeks,
//! `M` calendar months (a month equals no number of days). Intervals compare after
//! normalising, so `60m` equals `1h` and `24h` equals `1d`; `30d` never equals `1M`.
//!
//! ```
//! use barfinex_core::interval::Interval;
//! let h: Interval = "60m".parse().unwrap();
//! assert_eq!(h, "1h".parse().unwrap());
//! assert_eq!(h.to_string(), "60m"); // written as given
//! assert_eq!(h.minutes(), Some(60));
//! assert_ne!("30d".parse::<Interval>().unwrap(), "1M".parse().unwrap());
//! assert!("1y".parse::<Interval>().is_err());
//! ```

use crate::format::quoted;
use std::fmt;

/// The largest `N`: five digits, as rules have always allowed.
pub const MAX_COUNT: u32 = 99_999;

/// The most intervals one list (a rating's summary row) names.
pub const MAX_LIST: usize = 12;

/// An interval's unit.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Unit {
    Minute,
    Hour,
    Day,
    Week,
    Month,
}

impl Unit {
    fn letter(self) -> char {
        match self {
            Unit::Minute => 'm',
            Unit::Hour => 'h',
            Unit::Day => 'd',
            Unit::Week => 'w',
            Unit::Month => 'M',
        }
    }

    fn minutes(self) -> Option<u64> {
        match self {
            Unit::Minute => Some(1),
            Unit::Hour => Some(60),
            Unit::Day => Some(1_440),
            Unit::Week => Some(10_080),
            Unit::Month => None,
        }
    }
}

/// A bar interval as written (`count` then `unit`); equality and hashing normalise.
#[derive(Clone, Copy, Debug)]
pub struct Interval {
    pub count: u32,
    pub unit: Unit,
}

/// Why a string is not an interval; it names the string.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct IntervalError(pub String);

impl fmt::Display for IntervalError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "interval {} is not like 15m, 1h, 1d, 1w or 1M (a number from 1 to {MAX_COUNT}, then m, h, d, w or M)",
            quoted(&self.0)
        )
    }
}

impl std::error::Error for IntervalError {}

impl std::str::FromStr for Interval {
    type Err = IntervalError;

    fn from_str(s: &str) -> Result<Interval, IntervalError> {
        let err = || IntervalError(s.chars().take(24).collect());
        let digits = s.bytes().take_while(u8::is_ascii_digit).count();
        if digits == 0 || digits > 5 || s.starts_with('0') {
            return Err(err());
        }
        // At most five digits: a `u32`, through the crate's one digit reader.
        let count = crate::float::digits(&s[..digits]).ok_or_else(err)? as u32;
        let unit = match &s[digits..] {
            "m" => Unit::Minute,
            "h" => Unit::Hour,
            "d" => Unit::Day,
            "w" => Unit::Week,
            "M" => Unit::Month,
            _ => return Err(err()),
        };
        Ok(Interval { count, unit })
    }
}

impl Interval {
    /// Reads an interval as the grammar writes it or as TradingView labels it: `1D`, `1W` for a
    /// day and a week, and the bare `D`, `W`, `M` for one of each. For the `intervals` attribute,
    /// whose readers copy TradingView's spelling.
    ///
    /// ```
    /// use barfinex_core::interval::Interval;
    /// let d = Interval::from_label("1D").unwrap();
    /// assert_eq!(d, "1d".parse().unwrap());
    /// assert_eq!(d.label(), "1D");
    /// assert_eq!(Interval::from_label("W").unwrap().label(), "1W");
    /// assert_eq!(Interval::from_label("60m").unwrap().label(), "1h");
    /// ```
    pub fn from_label(s: &str) -> Result<Interval, IntervalError> {
        let s = match s {
            "D" => return "1d".parse(),
            "W" => return "1w".parse(),
            "M" => return "1M".parse(),
            _ => s,
        };
        match s.strip_suffix('D').or_else(|| s.strip_suffix('W')) {
            Some(n) if !n.is_empty() => format!("{n}{}", &s[n.len()..].to_ascii_lowercase())
                .parse()
                .map_err(|_| IntervalError(s.chars().take(24).collect())),
            _ => s.parse(),
        }
    }

    /// A list of labels separated by spaces or commas (the `intervals` attribute: `15m 1h 4h 1D`),
    /// each read by [`Self::from_label`], repeats dropped, at most [`MAX_LIST`].
    ///
    /// ```
    /// use barfinex_core::interval::Interval;
    /// let l = Interval::list("15m, 1h 4h 1D 60m").unwrap();
    /// assert_eq!(l.iter().map(|i| i.label()).collect::<Vec<_>>(), ["15m", "1h", "4h", "1D"]);
    /// assert!(Interval::list("1h 1y").is_err());
    /// ```
    pub fn list(s: &str) -> Result<Vec<Interval>, String> {
        let mut out: Vec<Interval> = Vec::new();
        for word in crate::text::split(s, b" ,\t\n").filter(|w| !w.is_empty()) {
            let iv = Interval::from_label(word).map_err(|e| e.to_string())?;
            if !out.contains(&iv) {
                out.push(iv);
            }
            if out.len() > MAX_LIST {
                return Err(format!("more than {MAX_LIST} intervals"));
            }
        }
        Ok(out)
    }

    /// How a tab names it, in TradingView's spelling: normalised, days and weeks in capitals
    /// (`15m`, `4h`, `1D`, `1W`, `1M`).
    pub fn label(self) -> String {
        let n = self.normal();
        match n.unit {
            Unit::Day => format!("{}D", n.count),
            Unit::Week => format!("{}W", n.count),
            _ => n.to_string(),
        }
    }

    /// An order for lists: by length, months after every fixed length.
    pub fn sort_key(self) -> u64 {
        match self.minutes() {
            Some(m) => m,
            None => u64::MAX / 2 + u64::from(self.count),
        }
    }

    /// Its length in minutes; `None` for months.
    pub fn minutes(self) -> Option<u64> {
        Some(u64::from(self.count) * self.unit.minutes()?)
    }

    /// Its length in milliseconds; `None` for months.
    pub fn millis(self) -> Option<i64> {
        self.minutes().map(|m| m as i64 * 60_000)
    }

    /// Calendar months; `None` for the other units.
    pub fn months(self) -> Option<u32> {
        (self.unit == Unit::Month).then_some(self.count)
    }

    /// The shortest spelling in the largest whole unit: `60m` → `1h`, `14d` → `2w`, `90m` stays.
    pub fn normal(self) -> Interval {
        let Some(m) = self.minutes() else {
            return self;
        };
        for unit in [Unit::Week, Unit::Day, Unit::Hour] {
            let per = unit.minutes().unwrap_or(1);
            if m % per == 0 {
                return Interval {
                    count: (m / per) as u32,
                    unit,
                };
            }
        }
        self
    }
}

impl PartialEq for Interval {
    fn eq(&self, other: &Interval) -> bool {
        let (a, b) = (self.normal(), other.normal());
        a.count == b.count && a.unit == b.unit
    }
}

impl Eq for Interval {}

impl std::hash::Hash for Interval {
    fn hash<H: std::hash::Hasher>(&self, h: &mut H) {
        let n = self.normal();
        (n.count, n.unit).hash(h)
    }
}

impl fmt::Display for Interval {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}{}", self.count, self.unit.letter())
    }
}

impl serde::Serialize for Interval {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalises_to_the_largest_whole_unit() {
        let n = |s: &str| s.parse::<Interval>().map(|i| i.normal().to_string());
        assert_eq!(n("60m").as_deref(), Ok("1h"));
        assert_eq!(n("1440m").as_deref(), Ok("1d"));
        assert_eq!(n("24h").as_deref(), Ok("1d"));
        assert_eq!(n("7d").as_deref(), Ok("1w"));
        assert_eq!(n("14d").as_deref(), Ok("2w"));
        assert_eq!(n("90m").as_deref(), Ok("90m"));
        assert_eq!(n("12M").as_deref(), Ok("12M"));
    }

    #[test]
    fn refuses_what_is_not_the_grammar() {
        for s in [
            "", "h", "0h", "01h", "1", "1y", "1H", "1 h", "-1h", "100000m", "1hh", "1mo",
        ] {
            assert!(s.parse::<Interval>().is_err(), "{s:?} parsed");
        }
        assert_eq!(
            "99999M".parse::<Interval>().map(|i| i.months()),
            Ok(Some(MAX_COUNT))
        );
    }

    #[test]
    fn labels_read_tradingview_spellings_and_nothing_looser() {
        let l = |s: &str| Interval::from_label(s).map(Interval::label);
        for (given, label) in [
            ("1D", "1D"),
            ("1d", "1D"),
            ("D", "1D"),
            ("24h", "1D"),
            ("1W", "1W"),
            ("W", "1W"),
            ("7d", "1W"),
            ("M", "1M"),
            ("1M", "1M"),
            ("15m", "15m"),
            ("240m", "4h"),
            ("3D", "3D"),
        ] {
            assert_eq!(l(given).as_deref(), Ok(label), "{given}");
        }
        for s in [
            "", "1H", "0D", "DD", "1DW", "d", "w", "m", "1Y", "01D", "100000D", "-1D",
        ] {
            assert!(Interval::from_label(s).is_err(), "{s:?} read");
        }
        let mut v: Vec<Interval> = ["1M", "1w", "15m", "1d", "4h"]
            .iter()
            .map(|s| s.parse().unwrap())
            .collect();
        v.sort_by_key(|i| i.sort_key());
        let order: Vec<String> = v.iter().map(|i| i.label()).collect();
        assert_eq!(order, ["15m", "4h", "1D", "1W", "1M"]);
    }
}
