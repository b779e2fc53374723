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

use std::fmt;

/// The largest `N`: five digits, as rules have always allowed.
pub const MAX_COUNT: u32 = 99_999;

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
            "interval {:?} is not like 15m, 1h, 1d, 1w or 1M (a number from 1 to {MAX_COUNT}, then m, h, d, w or M)",
            self.0
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
        let count: u32 = s[..digits].parse().map_err(|_| err())?;
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
}
