//! `cargo bench -p barfinex-core`: the market data parsers on bodies in the exchanges' wire
//! shapes, 1,000 rows each (a card reads 500 klines, 200 funding and 200 open-interest rows).
//! Prints ns per row. std only, as `ta/benches/rating.rs`: the best of several runs, timed with
//! `Instant`, inputs kept opaque by `black_box`.

use barfinex_core::sources::{binance, bybit};
use std::hint::black_box;

#[path = "../../ta/benches/support/best.rs"]
mod best;

use best::best_ns;

const ROWS: usize = 1_000;
const HOUR_MS: u64 = 3_600_000;
const START_MS: u64 = 1_700_000_000_000;

/// The rows `row(0)`, `row(1)`, … (newest first when `newest_first`), as a JSON array.
fn array(newest_first: bool, row: impl Fn(usize) -> String) -> String {
    let mut rows: Vec<String> = (0..ROWS).map(row).collect();
    if newest_first {
        rows.reverse();
    }
    format!("[{}]", rows.join(","))
}

/// A price-like string that moves from row to row.
fn price(i: usize, k: f64) -> String {
    format!("{:.5}", 1.0 + k * 0.01 + (i as f64 * 0.37).sin() * 0.05)
}

/// Binance klines: `[openTime, "open", "high", "low", "close", "volume", closeTime, "quote",
/// trades, "takerBase", "takerQuote", "0"]`, prices as strings.
fn binance_klines() -> String {
    array(false, |i| {
        let t = START_MS + i as u64 * HOUR_MS;
        format!(
            r#"[{t},"{}","{}","{}","{}","{}.25",{},"{}.5",{},"{}.1","{}.2","0"]"#,
            price(i, 0.0),
            price(i, 1.0),
            price(i, -1.0),
            price(i, 0.5),
            1000 + i,
            t + HOUR_MS - 1,
            2000 + i,
            40 + i % 7,
            500 + i,
            600 + i
        )
    })
}

/// Binance funding: `[{symbol, fundingTime, fundingRate, markPrice}]`.
fn binance_funding() -> String {
    array(false, |i| {
        let t = START_MS + i as u64 * 8 * HOUR_MS + 17;
        format!(
            r#"{{"symbol":"FLUXUSDT","fundingTime":{t},"fundingRate":"0.000{:05}","markPrice":"{}"}}"#,
            100 + i % 50,
            price(i, 0.0)
        )
    })
}

/// Binance open interest: `[{symbol, sumOpenInterest, sumOpenInterestValue, timestamp}]`.
fn binance_open_interest() -> String {
    array(false, |i| {
        let t = START_MS + i as u64 * HOUR_MS;
        format!(
            r#"{{"symbol":"FLUXUSDT","sumOpenInterest":"{}.4321","sumOpenInterestValue":"{}.8642","timestamp":"{t}"}}"#,
            90_000 + i,
            45_000 + i
        )
    })
}

/// Bybit v5 klines: rows newest first inside `{"retCode":0,…,"result":{…,"list":[…]}}`.
fn bybit_klines() -> String {
    let list = array(true, |i| {
        let t = START_MS + i as u64 * HOUR_MS;
        format!(
            r#"["{t}","{}","{}","{}","{}","{}.274076","{}.1055"]"#,
            price(i, 0.0),
            price(i, 1.0),
            price(i, -1.0),
            price(i, 0.5),
            1000 + i,
            2000 + i
        )
    });
    format!(
        r#"{{"retCode":0,"retMsg":"OK","result":{{"symbol":"FLUXUSDT","category":"linear","list":{list}}}}}"#
    )
}

fn main() {
    type Parse = fn(&str) -> usize;
    let cases: [(&str, String, Parse); 4] = [
        ("binance klines", binance_klines(), |b| {
            binance::parse_klines(b, None).map_or(0, |c| c.len())
        }),
        ("binance funding", binance_funding(), |b| {
            binance::parse_funding(b).map_or(0, |s| s.len())
        }),
        ("binance open interest", binance_open_interest(), |b| {
            binance::parse_open_interest(b).map_or(0, |s| s.len())
        }),
        ("bybit klines", bybit_klines(), |b| {
            bybit::parse_klines(b).map_or(0, |c| c.len())
        }),
    ];
    println!("{:<44} {:>12}", "parser, 1000 rows", "ns/row");
    for (name, body, parse) in &cases {
        // A body that no longer parses would time an error path: refuse to report it.
        assert_eq!(parse(body), ROWS, "{name}: every row read");
        let ns = best_ns(200, || {
            black_box(parse(black_box(body)));
        });
        println!("{name:<44} {:>12.1}", ns / ROWS as f64);
    }
}
