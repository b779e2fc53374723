//! The intervals each exchange offers, in its own spelling, as the local server accepts them:
//! exactly the set `tests/fixtures/intervals.tsv` lists (the same table tests the widgets' URL
//! builders), so a request the real exchange would refuse is refused here too.

const MIN: i64 = 60_000;

/// How far apart bars are: a fixed length, or calendar months.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Step {
    Millis(i64),
    Months(u32),
}

impl Step {
    /// The length used to scale synthetic volatility (a month counts as 30 days there only).
    pub fn nominal_ms(self) -> i64 {
        match self {
            Step::Millis(ms) => ms,
            Step::Months(n) => i64::from(n) * 30 * 1_440 * MIN,
        }
    }
}

#[rustfmt::skip]
const BINANCE: &[(&str, Step)] = &[
    ("1m", Step::Millis(MIN)), ("3m", Step::Millis(3 * MIN)), ("5m", Step::Millis(5 * MIN)),
    ("15m", Step::Millis(15 * MIN)), ("30m", Step::Millis(30 * MIN)), ("1h", Step::Millis(60 * MIN)),
    ("2h", Step::Millis(120 * MIN)), ("4h", Step::Millis(240 * MIN)), ("6h", Step::Millis(360 * MIN)),
    ("8h", Step::Millis(480 * MIN)), ("12h", Step::Millis(720 * MIN)), ("1d", Step::Millis(1_440 * MIN)),
    ("3d", Step::Millis(4_320 * MIN)), ("1w", Step::Millis(10_080 * MIN)), ("1M", Step::Months(1)),
];
const BINANCE_OI: &[&str] = &["5m", "15m", "30m", "1h", "2h", "4h", "6h", "12h", "1d"];
#[rustfmt::skip]
const BYBIT: &[(&str, Step)] = &[
    ("1", Step::Millis(MIN)), ("3", Step::Millis(3 * MIN)), ("5", Step::Millis(5 * MIN)),
    ("15", Step::Millis(15 * MIN)), ("30", Step::Millis(30 * MIN)), ("60", Step::Millis(60 * MIN)),
    ("120", Step::Millis(120 * MIN)), ("240", Step::Millis(240 * MIN)), ("360", Step::Millis(360 * MIN)),
    ("720", Step::Millis(720 * MIN)), ("D", Step::Millis(1_440 * MIN)), ("W", Step::Millis(10_080 * MIN)),
    ("M", Step::Months(1)),
];
const KRAKEN: &[i64] = &[1, 5, 15, 30, 60, 240, 1_440, 10_080, 21_600];

fn find(table: &[(&str, Step)], s: &str) -> Option<Step> {
    table.iter().find(|(k, _)| *k == s).map(|(_, v)| *v)
}

/// Binance klines' `interval`.
pub fn binance(s: &str) -> Option<Step> {
    find(BINANCE, s)
}

/// Binance open-interest history's `period`.
pub fn binance_oi(s: &str) -> Option<Step> {
    BINANCE_OI.contains(&s).then(|| binance(s)).flatten()
}

/// Bybit kline's `interval`.
pub fn bybit(s: &str) -> Option<Step> {
    find(BYBIT, s)
}

/// Kraken OHLC's `interval` (minutes; Kraken answers 1 when none is given).
pub fn kraken(s: Option<&str>) -> Option<Step> {
    let m: i64 = s.unwrap_or("1").parse().ok()?;
    KRAKEN.contains(&m).then_some(Step::Millis(m * MIN))
}

/// The last millisecond of the bar opening at `open` (Binance's kline close time).
pub fn close_time(step: Step, open: i64) -> i64 {
    match step {
        Step::Millis(ms) => open + ms - 1,
        Step::Months(k) => month_start(month_index(open) + i64::from(k)) - 1,
    }
}

/// The opening times of the `n` most recent bars, oldest first, the last one containing `now`.
pub fn opens(step: Step, now: i64, n: usize) -> Vec<i64> {
    match step {
        Step::Millis(ms) => {
            let last = now.div_euclid(ms) * ms;
            (0..n).map(|i| last - (n - 1 - i) as i64 * ms).collect()
        }
        Step::Months(k) => {
            let month = month_index(now) / i64::from(k) * i64::from(k);
            (0..n)
                .map(|i| month_start(month - (n - 1 - i) as i64 * i64::from(k)))
                .collect()
        }
    }
}

const DAY: i64 = 86_400_000;

/// Months since 1970-01 of the UTC month holding `ms`.
fn month_index(ms: i64) -> i64 {
    let (y, m) = civil(ms.div_euclid(DAY));
    (y - 1970) * 12 + (m - 1)
}

/// The first millisecond of month `index` (months since 1970-01), UTC.
fn month_start(index: i64) -> i64 {
    let (y, m) = (1970 + index.div_euclid(12), index.rem_euclid(12) + 1);
    days_from_civil(y, m) * DAY
}

/// Days since 1970-01-01 → (year, month).
fn civil(days: i64) -> (i64, i64) {
    let (y, m, _) = civil_date(days);
    (y, m)
}

/// Days since 1970-01-01 → (year, month, day) (Hinnant's `civil_from_days`).
pub fn civil_date(days: i64) -> (i64, i64, i64) {
    let z = days + 719_468;
    let (era, doe) = (z.div_euclid(146_097), z.rem_euclid(146_097));
    let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    (yoe + era * 400 + i64::from(m <= 2), m, d)
}

/// The first day of (year, month) in days since 1970-01-01 (Hinnant's `days_from_civil`).
fn days_from_civil(y: i64, m: i64) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y.rem_euclid(400);
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Rows of the shared table: as written, normalised, then each exchange's spelling.
    fn table() -> Vec<Vec<String>> {
        let path = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../tests/fixtures/intervals.tsv"
        );
        std::fs::read_to_string(path)
            .expect("the interval table")
            .lines()
            .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
            .map(|l| l.split('\t').map(str::to_owned).collect())
            .collect()
    }

    /// The normalised interval's bar spacing, the way the table writes it.
    fn step_of(normal: &str) -> Step {
        let (n, unit) = normal.split_at(normal.len() - 1);
        let n: i64 = n.parse().expect(normal);
        match unit {
            "m" => Step::Millis(n * MIN),
            "h" => Step::Millis(n * 60 * MIN),
            "d" => Step::Millis(n * 1_440 * MIN),
            "w" => Step::Millis(n * 10_080 * MIN),
            _ => Step::Months(n as u32),
        }
    }

    #[test]
    fn accepts_exactly_the_spellings_the_table_lists() {
        let rows = table();
        assert!(rows.len() > 20);
        let columns: [(&str, fn(&str) -> Option<Step>); 4] = [
            ("binance", binance),
            ("binance-oi", binance_oi),
            ("bybit", bybit),
            ("kraken", |s| kraken(Some(s))),
        ];
        for (c, (name, accept)) in columns.iter().enumerate() {
            let listed: Vec<(&str, &str)> = rows
                .iter()
                .filter(|r| r[2 + c] != "-")
                .map(|r| (r[2 + c].as_str(), r[1].as_str()))
                .collect();
            for (spelled, normal) in &listed {
                assert_eq!(accept(spelled), Some(step_of(normal)), "{name} {spelled}");
            }
            // Everything else written in the table, in any column, is refused.
            for row in &rows {
                for s in row.iter().filter(|s| !listed.iter().any(|(l, _)| l == *s)) {
                    assert_eq!(accept(s), None, "{name} accepted {s:?}");
                }
            }
        }
    }

    #[test]
    fn month_bars_open_on_the_first_of_each_month() {
        // 2026-03-15 12:00 UTC; the three most recent monthly bars open Jan 1, Feb 1, Mar 1.
        let now = 1_773_576_000_000;
        assert_eq!(
            opens(Step::Months(1), now, 3),
            [1_767_225_600_000, 1_769_904_000_000, 1_772_323_200_000]
        );
        assert_eq!(
            opens(Step::Millis(HOUR_MS), 7_200_001, 2),
            [3_600_000, 7_200_000]
        );
    }

    const HOUR_MS: i64 = 3_600_000;
}
