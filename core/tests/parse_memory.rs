//! The wire parsers read rows one at a time into what they keep, never into a JSON tree (which
//! took 12–16× the body): measured here with a counting allocator, on 8 MiB bodies (the
//! widgets' cap for market data), and the allocations a row costs.

use barfinex_core::model::SourceKind;
use barfinex_core::sources::parse_series;
use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering::Relaxed};
use std::sync::Mutex;

struct Counting;
static NOW: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);
static ALLOCS: AtomicUsize = AtomicUsize::new(0);
// One measurement at a time (tests run on threads).
static ONE: Mutex<()> = Mutex::new(());

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, l: Layout) -> *mut u8 {
        ALLOCS.fetch_add(1, Relaxed);
        let now = NOW.fetch_add(l.size(), Relaxed) + l.size();
        PEAK.fetch_max(now, Relaxed);
        unsafe { System.alloc(l) }
    }
    unsafe fn dealloc(&self, p: *mut u8, l: Layout) {
        NOW.fetch_sub(l.size(), Relaxed);
        unsafe { System.dealloc(p, l) }
    }
}

#[global_allocator]
static A: Counting = Counting;

/// The most memory in use at once while `f` runs, beyond what was in use before.
fn peak_of(f: impl FnOnce()) -> usize {
    let base = NOW.load(Relaxed);
    PEAK.store(base, Relaxed);
    f();
    PEAK.load(Relaxed) - base
}

/// How many allocations `f` makes (a reallocation counts as one: `GlobalAlloc`'s default
/// `realloc` allocates anew).
fn allocations_of(f: impl FnOnce()) -> usize {
    let before = ALLOCS.load(Relaxed);
    f();
    ALLOCS.load(Relaxed) - before
}

const MIB: usize = 1 << 20;

fn repeat_to(head: &str, row: &str, tail: &str, size: usize) -> String {
    let mut s = String::with_capacity(size + 64);
    s.push_str(head);
    while s.len() + row.len() + tail.len() < size {
        s.push_str(row);
    }
    s.pop(); // the last comma
    s.push_str(tail);
    s
}

#[test]
fn a_body_that_fails_early_costs_next_to_nothing() {
    let _one = ONE.lock();
    // 8 MiB of one-element rows: the first row is refused, the rest skipped, nothing kept.
    let bodies = [
        (
            SourceKind::BinanceSpotKlines,
            repeat_to("[", "[0],", "]", 8 * MIB),
        ),
        (
            SourceKind::KrakenOhlc,
            repeat_to(
                r#"{"error":[],"result":{"X":["#,
                "[0],",
                "],\"last\":1}}",
                8 * MIB,
            ),
        ),
        (
            SourceKind::BybitKline,
            repeat_to(r#"{"retCode":0,"result":{"list":["#, "[0],", "]}}", 8 * MIB),
        ),
        (
            SourceKind::CoingeckoOhlc,
            repeat_to("[", "[0],", "]", 8 * MIB),
        ),
        (
            SourceKind::GenericJson,
            repeat_to("[", "[0],", "]", 8 * MIB),
        ),
        (
            SourceKind::BinanceFuturesFunding,
            repeat_to("[", "{},", "]", 8 * MIB),
        ),
        (
            SourceKind::CandlesJson,
            repeat_to(
                r#"{"symbol":"X","synthetic":true,"candles":["#,
                "[0],",
                "]}",
                8 * MIB,
            ),
        ),
    ];
    for (kind, body) in &bodies {
        let mut result = None;
        let peak = peak_of(|| result = Some(parse_series(*kind, body, None)));
        assert!(result.unwrap().is_err(), "{kind:?}");
        assert!(
            peak < 64 * 1024,
            "{kind:?}: {peak} bytes at the peak for an 8 MiB body"
        );
    }
}

/// 8 MiB of `row(t)` rows between `head` and `tail`, one hour apart, parsed as `kind`: the
/// bars kept and the peak memory of the parse.
fn parse_8mib(
    kind: SourceKind,
    head: &str,
    tail: &str,
    row: impl Fn(i64) -> String,
) -> (usize, usize) {
    let mut t = 0i64;
    let mut s = String::from(head);
    while s.len() < 8 * MIB - 200 {
        s.push_str(&row(t));
        s.push(',');
        t += 3_600_000;
    }
    s.pop();
    s.push_str(tail);
    let mut result = None;
    let peak = peak_of(|| result = Some(parse_series(kind, &s, None)));
    let bars = match result.unwrap().unwrap() {
        barfinex_core::series::SeriesData::Candles(c) => c.len(),
        _ => 0,
    };
    eprintln!(
        "{kind:?}: peak {peak} bytes for {bars} bars from {} bytes",
        s.len()
    );
    (bars, peak)
}

#[test]
fn a_full_body_costs_about_its_bars() {
    let _one = ONE.lock();
    // 8 MiB of Binance klines (about 98,000 rows): the bars, sorted once, and no tree.
    let (bars, peak) = parse_8mib(SourceKind::BinanceSpotKlines, "[", "]", |t| {
        format!(
            r#"[{t},"1.0","1.1","0.9","1.05","1234.5",{},"1296.2",10,"1","1","0"]"#,
            t + 3_599_999
        )
    });
    assert!(bars > 60_000, "{bars} bars");
    // A bar is 48 bytes, kept as rows and then as columns; a JSON tree took over 12× the body.
    assert!(
        peak < 2 * 8 * MIB,
        "{peak} bytes at the peak for {bars} bars from an 8 MiB body"
    );
}

#[test]
fn a_candles_document_goes_straight_into_columns() {
    let _one = ONE.lock();
    // 8 MiB of a candles document (about 216,000 rows): each row goes into the columns as it
    // is read. Read whole as a list of rows first, it peaked at 26.2 MB (3.1× the body).
    let head = r#"{"symbol":"X","interval":"1h","source":"s","synthetic":true,"candles":["#;
    let (bars, peak) = parse_8mib(SourceKind::CandlesJson, head, "]}", |t| {
        format!("[{t},1.0,1.1,0.9,1.05,1234.5]")
    });
    assert!(bars > 140_000, "{bars} bars");
    // Six columns of 48 bytes a bar, each grown by doubling: at most 2 × 48 bytes a bar.
    assert!(
        peak < 100 * bars,
        "{peak} bytes at the peak for {bars} bars from an 8 MiB body"
    );
}

/// Profiles and regime rules are read through one `json::Value` (`doc::parse`), which
/// costs a multiple of the text: a document is at most 1 MiB (the widgets' `DOCUMENT_BYTES`)
/// and [`barfinex_core::doc::MAX_VALUES`] values. The worst shape for a tree is many tiny
/// values: at the cap it is measured here, and past it the text is refused before any tree.
#[test]
fn a_document_tree_is_bounded_by_the_value_cap() {
    use barfinex_core::doc::MAX_VALUES;
    let _one = ONE.lock();
    let head = r#"{"version":1,"id":"t","name":"T","symbol":"T","mood":["#;
    let at_cap = format!("{head}{}0]}}", "0,".repeat(MAX_VALUES - 20));
    let mut unknown = Vec::new();
    let peak = peak_of(|| {
        let parsed = barfinex_core::model::parse_profile(&at_cap).expect("parses");
        unknown = parsed.unknown_fields;
    });
    assert_eq!(unknown, ["mood"]);
    println!(
        "profile of {MAX_VALUES} tiny values ({} B): peak {peak} B",
        at_cap.len()
    );
    assert!(peak < 20 * MIB, "peak {peak} B");

    let hostile = repeat_to(head, "0,", "]}", MIB);
    let peak = peak_of(|| {
        let e = barfinex_core::model::parse_profile(&hostile).expect_err("refused");
        assert!(e.message.contains("values and keys"), "{e}");
    });
    println!("1 MiB profile of 524,000 tiny values: refused, peak {peak} B");
    assert!(peak < 64 << 10, "peak {peak} B");
}

/// An object's entries are one list, sorted once when the object ends: an object of as many
/// keys as the cap allows, written in reverse order and each twice, is read whole, the last
/// value of each key kept, within the same memory as a list of values.
#[test]
fn an_object_of_many_keys_is_bounded_too() {
    use barfinex_core::doc::MAX_VALUES;
    let _one = ONE.lock();
    let n = MAX_VALUES / 4 - 10;
    let mut text = String::from(r#"{"version":1,"id":"t","name":"T","symbol":"T","mood":{"#);
    for round in 0..2 {
        for k in (0..n).rev() {
            text.push_str(&format!("\"k{k:06}\":{round},"));
        }
    }
    text.pop();
    text.push_str("}}");
    let mut tree = None;
    let peak = peak_of(|| tree = barfinex_core::doc::parse(&text).ok());
    let mood = tree
        .as_ref()
        .and_then(|t| t["mood"].as_object())
        .expect("parses");
    assert_eq!(mood.len(), n);
    let keys: Vec<&String> = mood.keys().take(2).collect();
    assert_eq!(keys, ["k000000", "k000001"]);
    assert!(mood.iter().all(|(_, v)| v.as_u64() == Some(1)));
    println!(
        "object of {n} keys, each twice ({} B): peak {peak} B",
        text.len()
    );
    assert!(peak < 20 * MIB, "peak {peak} B");
}

/// A row costs no allocation of its own: its cells are read into buffers kept from row to row,
/// and a string cell (exchanges send prices as strings) is borrowed from the body. What is left
/// is the kept series growing by doubling: 68 allocations for these klines, 29 for the funding
/// (a `String` per string cell and a `Vec` per row made it 10,065 for the klines before).
#[test]
fn rows_are_read_without_an_allocation_each() {
    let _one = ONE.lock();
    let rows: u64 = 1_000;
    let klines: Vec<String> = (0..rows)
        .map(|i| {
            let t = i * 3_600_000;
            format!(
                r#"[{t},"1.5","1.75","1.25","1.{i}","100.5",{},"150.75",7,"50.5","75.25","0"]"#,
                t + 3_599_999
            )
        })
        .collect();
    let funding: Vec<String> = (0..rows)
        .map(|i| {
            format!(
                r#"{{"symbol":"X","fundingTime":{},"fundingRate":"0.0001","markPrice":"1.5"}}"#,
                i * 28_800_000
            )
        })
        .collect();
    let bodies = [
        (
            SourceKind::BinanceFuturesKlines,
            format!("[{}]", klines.join(",")),
        ),
        (
            SourceKind::BinanceFuturesFunding,
            format!("[{}]", funding.join(",")),
        ),
    ];
    for (kind, body) in &bodies {
        let mut result = None;
        let n = allocations_of(|| result = Some(parse_series(*kind, body, None)));
        let len = match result.unwrap().unwrap() {
            barfinex_core::series::SeriesData::Candles(c) => c.len(),
            barfinex_core::series::SeriesData::Points(p) => p.len(),
        };
        assert_eq!(len, rows as usize, "{kind:?}");
        assert!(n < 200, "{kind:?}: {n} allocations for {rows} rows");
    }
}
