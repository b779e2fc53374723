//! The interval grammar and each exchange's spelling, from the table the local market server is
//! tested with too (`tests/fixtures/intervals.tsv`).

use barfinex_core::interval::Interval;
use barfinex_core::model::{Endpoint, SourceKind};
use barfinex_core::sources::{endpoint_url, exchange_interval};

const KINDS: [SourceKind; 4] = [
    SourceKind::BinanceFuturesKlines,
    SourceKind::BinanceFuturesOpenInterest,
    SourceKind::BybitKline,
    SourceKind::KrakenOhlc,
];

fn table() -> Vec<Vec<String>> {
    let path = format!(
        "{}/../tests/fixtures/intervals.tsv",
        env!("CARGO_MANIFEST_DIR")
    );
    let text = std::fs::read_to_string(path).expect("the interval table");
    let rows: Vec<Vec<String>> = text
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .map(|l| l.split('\t').map(str::to_owned).collect())
        .collect();
    assert!(rows.len() > 20 && rows.iter().all(|r| r.len() == 6));
    rows
}

#[test]
fn the_grammar_parses_and_normalises_as_the_table_says() {
    for row in table() {
        let parsed = row[0].parse::<Interval>();
        if row[1] == "!" {
            let e = parsed.expect_err(&row[0]);
            assert!(e.to_string().contains(&format!("{:?}", row[0])), "{e}");
        } else {
            let iv = parsed.expect(&row[0]);
            assert_eq!(iv.normal().to_string(), row[1], "{}", row[0]);
            assert_eq!(iv, row[1].parse::<Interval>().expect(&row[1]), "{}", row[0]);
            assert_eq!(iv.to_string(), row[0], "written as given");
        }
    }
}

#[test]
fn each_exchange_spells_or_refuses_by_the_table() {
    for row in table().into_iter().filter(|r| r[1] != "!") {
        let iv: Interval = row[0].parse().expect(&row[0]);
        for (kind, want) in KINDS.iter().zip(&row[2..]) {
            let spelled = exchange_interval(*kind, iv);
            let e = Endpoint {
                source: *kind,
                symbol: "FLUXUSDT".into(),
                interval: Some(row[0].clone()),
                base_url: None,
            };
            let url = endpoint_url(&e, None);
            if want == "-" {
                assert_eq!(spelled, None, "{} {}", kind.name(), row[0]);
                let err = url.expect_err(&row[0]);
                assert!(
                    err.contains(&format!("does not offer interval {}", row[0])),
                    "{err}"
                );
            } else {
                assert_eq!(
                    spelled.as_deref(),
                    Some(want.as_str()),
                    "{} {}",
                    kind.name(),
                    row[0]
                );
                let url = url.expect(&row[0]);
                let param = if *kind == SourceKind::BinanceFuturesOpenInterest {
                    "period"
                } else {
                    "interval"
                };
                assert!(
                    url.contains(&format!("{param}={want}&"))
                        || url.ends_with(&format!("{param}={want}")),
                    "{url}"
                );
            }
        }
    }
}

#[test]
fn kinds_without_an_interval_in_their_url_take_any() {
    for s in ["1m", "7h", "3M"] {
        let iv: Interval = s.parse().unwrap();
        for kind in [
            SourceKind::BybitFunding,
            SourceKind::CoingeckoOhlc,
            SourceKind::GenericJson,
        ] {
            assert!(exchange_interval(kind, iv).is_some(), "{} {s}", kind.name());
        }
    }
}
