//! Exchange adapters on payloads of the exact wire shapes (tests/fixtures/wire/, real XRP values),
//! checked against the recorded values in tests/fixtures/real/; documented normalisation; faults
//! named by position; fuzzing on arbitrary and mutated input (no panic).

use barfinex_core::sources::{binance, bybit, coingecko, generic, kraken};
use proptest::prelude::*;

fn read(rel: &str) -> String {
    let p = format!("{}/../tests/fixtures/{rel}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(&p).unwrap_or_else(|e| panic!("{p}: {e}"))
}

fn recorded() -> Vec<[f64; 6]> {
    serde_json::from_str(&read("real/xrpusdt-perp-1h-ohlcv.json")).unwrap()
}

fn recorded_funding() -> Vec<[f64; 6]> {
    serde_json::from_str(&read("real/xrpusdt-perp-8h-funding.json")).unwrap()
}

fn assert_candles_match(c: &barfinex_core::series::Candles, rows: &[[f64; 6]], volume: bool) {
    assert_eq!(c.len(), rows.len());
    for (i, r) in rows.iter().enumerate() {
        assert_eq!(c.time[i], r[0] as i64, "time[{i}]");
        assert_eq!(
            [c.open[i], c.high[i], c.low[i], c.close[i]],
            [r[1], r[2], r[3], r[4]],
            "bar {i}"
        );
        if volume {
            assert_eq!(c.volume[i], r[5], "volume[{i}]");
        }
    }
}

#[test]
fn binance_klines_with_strings_and_the_open_candle_dropped() {
    let body = read("wire/binance-fapi-klines-XRPUSDT-1h.json");
    let rows = recorded();
    assert_candles_match(&binance::parse_klines(&body, None).unwrap(), &rows, true);
    // At 04:30 UTC on the last day the last candle (04:00–04:59:59.999) is still forming.
    let now = rows[rows.len() - 1][0] as i64 + 30 * 60_000;
    assert_candles_match(
        &binance::parse_klines(&body, Some(now)).unwrap(),
        &rows[..rows.len() - 1],
        true,
    );
}

#[test]
fn binance_funding_and_open_interest() {
    let f = binance::parse_funding(&read("wire/binance-fapi-fundingRate-XRPUSDT.json")).unwrap();
    let rec = recorded_funding();
    assert_eq!(f.len(), rec.len());
    assert_eq!((f.time[0], f.value[0]), (rec[0][0] as i64, rec[0][1]));
    assert_eq!(
        f.value.iter().cloned().fold(f64::MIN, f64::max),
        rec.iter().map(|r| r[1]).fold(f64::MIN, f64::max)
    );
    // openInterestHist: timestamp as a number or a string, values as strings.
    let oi = r#"[{"symbol":"XRPUSDT","sumOpenInterest":"1.5E8","sumOpenInterestValue":"162000000","timestamp":1637193600000},
                {"symbol":"XRPUSDT","sumOpenInterest":"151000000.5","sumOpenInterestValue":"1","timestamp":"1637197200000"}]"#;
    let s = binance::parse_open_interest(oi).unwrap();
    assert_eq!(s.time, [1637193600000, 1637197200000]);
    assert_eq!(s.value, [1.5e8, 151000000.5]);
}

#[test]
fn bybit_newest_first_is_reversed_and_errors_carry_ret_msg() {
    let c = bybit::parse_klines(&read("wire/bybit-v5-kline-XRPUSDT-60.json")).unwrap();
    assert_candles_match(&c, &recorded(), true);
    let f = bybit::parse_funding(&read("wire/bybit-v5-funding-XRPUSDT.json")).unwrap();
    assert_eq!(f.len(), 91);
    assert!(f.time.windows(2).all(|w| w[0] < w[1]));
    let e = bybit::parse_klines(
        r#"{"retCode":10001,"retMsg":"params error: symbol invalid","result":{},"time":1}"#,
    )
    .unwrap_err();
    assert_eq!(
        e.to_string(),
        "retCode: Bybit answered 10001: params error: symbol invalid"
    );
}

#[test]
fn coingecko_chart_and_ohlc() {
    let m =
        coingecko::parse_market_chart(&read("wire/coingecko-market_chart-ripple.json")).unwrap();
    let rows = recorded();
    assert_eq!(
        m.prices.value,
        rows.iter().map(|r| r[4]).collect::<Vec<_>>()
    );
    assert_eq!((m.market_caps.len(), m.volumes.len()), (100, 100));
    let o = coingecko::parse_ohlc(&read("wire/coingecko-ohlc-ripple.json")).unwrap();
    assert_candles_match(&o, &rows, false);
    assert!(o.volume.iter().all(|v| *v == 0.0));
}

#[test]
fn kraken_seconds_and_the_open_frame_dropped() {
    let c = kraken::parse_ohlc(&read("wire/kraken-OHLC-XXRPZUSD-60.json")).unwrap();
    let rows = recorded();
    assert_candles_match(&c, &rows[..99], true);
    let e = kraken::parse_ohlc(r#"{"error":["EQuery:Unknown asset pair"]}"#).unwrap_err();
    assert_eq!(
        e.to_string(),
        "error: Kraken answered: EQuery:Unknown asset pair"
    );
}

#[test]
fn generic_json_and_csv() {
    let a = generic::parse_json_series("[[1000,0.1],[2000,\"2e-1\"]]").unwrap();
    let b = generic::parse_json_series(r#"{"time":[1000,2000],"value":[0.1,0.2]}"#).unwrap();
    assert_eq!(a, b);
    let csv = "date,exchange_share,other\n2026-01-01,0.12,x\n2026-01-02,0.125,y\n";
    let s = generic::parse_csv_series(csv, Some("exchange_share")).unwrap();
    assert_eq!(s.time, [1_767_225_600_000, 1_767_312_000_000]);
    assert_eq!(s.value, [0.12, 0.125]);
    let e = generic::parse_csv_series("time,value\n1000,abc\n", None).unwrap_err();
    assert_eq!(
        e.to_string(),
        "line 2, column 2: expected a number or a numeric string, found \"abc\""
    );
    assert!(generic::parse_csv_series("", None).unwrap().is_empty());
}

#[test]
fn csv_headers_and_rows_are_bounded() {
    // A header of a million columns is refused before any of them is stored.
    let wide = format!("time,{}\n1000,1\n", vec!["v"; 1_000_000].join(","));
    assert_eq!(
        generic::parse_csv_series(&wide, None)
            .unwrap_err()
            .to_string(),
        "line 1: 1000001 columns; the limit is 1000"
    );
    let at_limit = format!("time,{}\n1000,1\n", vec!["v"; 999].join(","));
    assert_eq!(
        generic::parse_csv_series(&at_limit, None).unwrap().value,
        [1.0]
    );
    // Rows are read only as far as the value column: a wide row costs nothing extra.
    let long_row = format!("time,value\n1000,2,{}\n", vec!["x"; 100_000].join(","));
    assert_eq!(
        generic::parse_csv_series(&long_row, None).unwrap().value,
        [2.0]
    );
}

#[test]
fn normalisation_is_documented_behaviour() {
    // Unsorted rows are sorted; exact duplicates merged; empty arrays are empty series.
    let s = generic::parse_json_series("[[3000,3],[1000,1],[2000,2],[2000,2]]").unwrap();
    assert_eq!(
        (s.time.clone(), s.value.clone()),
        (vec![1000, 2000, 3000], vec![1.0, 2.0, 3.0])
    );
    assert!(generic::parse_json_series("[]").unwrap().is_empty());
    // Two different values for one time: the source contradicts itself.
    assert_eq!(
        generic::parse_json_series("[[1000,1],[1000,2]]")
            .unwrap_err()
            .to_string(),
        "two different values for time 1000"
    );
    // Mixed intervals (gaps) are kept as they are.
    assert_eq!(
        generic::parse_json_series("[[1000,1],[2000,1],[9000,1]]")
            .unwrap()
            .len(),
        3
    );
}

#[test]
fn faults_name_their_position() {
    let e = |r: Result<barfinex_core::series::Candles, barfinex_core::sources::SourceError>| {
        r.unwrap_err().to_string()
    };
    assert_eq!(
        e(binance::parse_klines(
            r#"[[1,"1","2","0.5",null,"1",2]]"#,
            None
        )),
        "[0][4]: expected a number or a numeric string, found null"
    );
    assert_eq!(
        e(binance::parse_klines(r#"[[1,"1","2"]]"#, None)),
        "[0]: expected at least 7 elements, found 3"
    );
    assert!(e(binance::parse_klines(
        r#"[[1,"1","2","0.5","1","1",2],"#,
        None
    ))
    .starts_with("invalid JSON: EOF while parsing"));
    assert_eq!(
        e(binance::parse_klines(
            r#"{"code":-1121,"msg":"Invalid symbol."}"#,
            None
        )),
        "expected an array, found {\"code\":-1121,\"msg\":\"Invalid symbol.\"}"
    );
    assert_eq!(
        e(binance::parse_klines(
            r#"[[1,"NaN","2","0.5","1","1",2]]"#,
            None
        )),
        "[0][1]: expected a number or a numeric string, found \"NaN\""
    );
}

fn mutate(body: &str, cuts: &[(usize, u8)], truncate: usize) -> String {
    let mut b = body.as_bytes().to_vec();
    for &(at, byte) in cuts {
        if !b.is_empty() {
            let i = at % b.len();
            b[i] = byte;
        }
    }
    b.truncate(truncate.min(b.len()));
    String::from_utf8_lossy(&b).into_owned()
}

fn all_parsers(s: &str) {
    let _ = binance::parse_klines(s, Some(0));
    let _ = binance::parse_funding(s);
    let _ = binance::parse_open_interest(s);
    let _ = bybit::parse_klines(s);
    let _ = bybit::parse_funding(s);
    let _ = coingecko::parse_market_chart(s);
    let _ = coingecko::parse_ohlc(s);
    let _ = kraken::parse_ohlc(s);
    let _ = generic::parse_json_series(s);
    let _ = generic::parse_csv_series(s, None);
    let _ = barfinex_core::sources::parse_candles_json(s);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn arbitrary_text_never_panics(s in ".{0,400}") {
        all_parsers(&s);
    }

    #[test]
    fn mutated_real_payloads_never_panic(
        which in 0usize..7,
        cuts in prop::collection::vec((any::<usize>(), prop::sample::select(b"[]{}\",:0-9e.nul ".to_vec())), 0..6),
        truncate in any::<usize>(),
    ) {
        let files = ["binance-fapi-klines-XRPUSDT-1h.json", "binance-fapi-fundingRate-XRPUSDT.json", "bybit-v5-kline-XRPUSDT-60.json",
            "bybit-v5-funding-XRPUSDT.json", "coingecko-market_chart-ripple.json", "coingecko-ohlc-ripple.json", "kraken-OHLC-XXRPZUSD-60.json"];
        let body = read(&format!("wire/{}", files[which]));
        all_parsers(&mutate(&body, &cuts, truncate));
    }
}

#[test]
fn endpoint_urls_for_public_hosts_proxies_and_the_local_server() {
    use barfinex_core::model::{Endpoint, SourceKind};
    use barfinex_core::sources::endpoint_url;
    let e = |source, symbol: &str, interval: Option<&str>, base: Option<&str>| Endpoint {
        source,
        symbol: symbol.into(),
        interval: interval.map(Into::into),
        base_url: base.map(Into::into),
    };
    assert_eq!(
        endpoint_url(
            &e(
                SourceKind::BinanceFuturesKlines,
                "FLUXUSDT",
                Some("1h"),
                None
            ),
            None
        )
        .unwrap(),
        "https://fapi.binance.com/fapi/v1/klines?symbol=FLUXUSDT&interval=1h&limit=500"
    );
    assert_eq!(
        endpoint_url(&e(SourceKind::BybitKline, "FLUXUSDT", Some("1d"), None), Some("http://127.0.0.1:8081")).unwrap(),
        "http://127.0.0.1:8081/bybit/v5/market/kline?category=linear&symbol=FLUXUSDT&interval=D&limit=500"
    );
    assert_eq!(
        endpoint_url(
            &e(
                SourceKind::KrakenOhlc,
                "FLUXUSD",
                Some("4h"),
                Some("https://proxy.example/kraken/")
            ),
            Some("http://x")
        )
        .unwrap(),
        "https://proxy.example/kraken/0/public/OHLC?pair=FLUXUSD&interval=240",
        "a source's own base_url wins over the local server"
    );
    assert_eq!(
        endpoint_url(
            &e(
                SourceKind::GenericCsv,
                "",
                None,
                Some("https://site.example/lth.csv")
            ),
            None
        )
        .unwrap(),
        "https://site.example/lth.csv"
    );
}

#[test]
fn rating_tabs_are_the_intervals_every_source_in_the_chain_serves() {
    use barfinex_core::model::{Credentials, Endpoint, SeriesSource, SourceKind::*};
    use barfinex_core::sources::chain_intervals;
    let spec = |kinds: &[barfinex_core::model::SourceKind], interval: Option<&str>| {
        let e = |k| Endpoint {
            source: k,
            symbol: "FLUXUSDT".into(),
            interval: interval.map(Into::into),
            base_url: Some("https://site.example/doc.json".into()),
        };
        SeriesSource {
            series: "candles".into(),
            label: None,
            source: kinds[0],
            symbol: "FLUXUSDT".into(),
            interval: interval.map(Into::into),
            base_url: None,
            fallbacks: kinds[1..].iter().map(|&k| e(k)).collect(),
            synthetic: false,
            credentials: Credentials::Omit,
        }
    };
    let tabs = |kinds: &[_], iv| {
        chain_intervals(&spec(kinds, iv))
            .iter()
            .map(|i| i.label())
            .collect::<Vec<_>>()
            .join(" ")
    };
    let all = "1m 5m 15m 30m 1h 2h 4h 1D 1W 1M";
    assert_eq!(tabs(&[BinanceFuturesKlines], Some("1h")), all);
    assert_eq!(tabs(&[BinanceSpotKlines, BybitKline], None), all);
    // Kraken has no 2h and no 1M; the profile's own interval joins the list when all serve it.
    assert_eq!(
        tabs(&[BinanceFuturesKlines, BybitKline, KrakenOhlc], Some("1h")),
        "1m 5m 15m 30m 1h 4h 1D 1W"
    );
    assert_eq!(
        tabs(&[BybitKline], Some("6h")),
        "1m 5m 15m 30m 1h 2h 4h 6h 1D 1W 1M"
    );
    assert_eq!(
        tabs(&[KrakenOhlc], Some("15d")),
        "1m 5m 15m 30m 1h 4h 1D 1W 15D"
    );
    // One source that takes no interval, or an interval outside the grammar: no tabs.
    assert_eq!(tabs(&[CandlesJson], None), "");
    assert_eq!(tabs(&[BinanceFuturesKlines, CoingeckoOhlc], Some("1h")), "");
    assert_eq!(tabs(&[BinanceFuturesKlines], Some("1y")), "");
}

#[test]
fn a_large_response_parses_within_the_limits() {
    // ~11 MB of klines (150,000 rows): parsed whole; the web layer refuses bodies over 64 MiB
    // before parsing, and every adapter refuses more than MAX_BARS rows.
    let rows: Vec<String> = (0..150_000)
        .map(|i: i64| {
            format!(
                "[{},\"1.0\",\"2.0\",\"0.5\",\"1.5e0\",\"10\",{},\"15\",1,\"0\",\"0\",\"0\"]",
                i * 60_000,
                i * 60_000 + 59_999
            )
        })
        .collect();
    let body = format!("[{}]", rows.join(","));
    assert!(body.len() > 10 << 20);
    let c = binance::parse_klines(&body, None).unwrap();
    assert_eq!((c.len(), c.close[149_999]), (150_000, 1.5));
}

/// An object row missing a field is refused naming the first one missing, at the row's path.
#[test]
fn an_object_row_names_its_first_missing_field() {
    let e = |body: &str| {
        let e = binance::parse_funding(body).unwrap_err();
        (e.path, e.message)
    };
    let missing = |k: &str| format!("missing field \"{k}\"");
    assert_eq!(
        e(r#"[{"fundingRate":"0.1"}]"#),
        ("[0]".into(), missing("fundingTime"))
    );
    assert_eq!(
        e(r#"[{"fundingTime":1}]"#),
        ("[0]".into(), missing("fundingRate"))
    );
    assert_eq!(e(r#"[{}]"#), ("[0]".into(), missing("fundingTime")));
    assert_eq!(e(r#"[[1, "0.1"]]"#), ("[0]".into(), missing("fundingTime")));
    let pts = binance::parse_funding(r#"[{"fundingTime":1,"fundingRate":"0.5","x":[]}]"#).unwrap();
    assert_eq!(pts.len(), 1);
}
