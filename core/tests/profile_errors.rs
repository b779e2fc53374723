//! Structural faults name their path; valid extremes parse.

use barfinex_core::model::*;

const MIN: &str = r#""version":1,"id":"t","name":"T","symbol":"T""#;

fn err(json: &str) -> ProfileError {
    parse_profile(json).expect_err("should be rejected")
}

#[test]
fn a_language_tag_is_kept() {
    let p = parse_profile(&format!("{{{MIN},\"lang\":\"ru-RU\"}}")).expect("valid");
    assert_eq!(p.profile.lang.as_deref(), Some("ru-RU"));
}

#[test]
fn faults_name_their_field_path() {
    let cases: &[(&str, &str, &str)] = &[
        (
            r#"{"version":1,"id":"t","name":"T","symbol":"T","drivers":[
               {"title":"a","direction":"Positive","category":"demand"},
               {"title":"b","direction":"Mixed","category":"macro"},
               {"title":"c","direction":"Up","category":"supply"}]}"#,
            "drivers[2].direction",
            "unknown value \"Up\", expected one of \"Positive\"",
        ),
        (&format!("{{{MIN},\"regimes\":[{{\"regime\":\"x\",\"outcome\":\"Great\"}}]}}"), "regimes[0].outcome", "unknown value \"Great\""),
        (&format!("{{{MIN},\"signals\":[{{\"category\":\"vibes\",\"direction\":\"Bullish\",\"title\":\"t\"}}]}}"), "signals[0].category", "unknown value \"vibes\""),
        (r#"{"version":1,"id":"t","symbol":"T"}"#, "", "missing field \"name\""),
        (&format!("{{{MIN},\"drivers\":{{}}}}"), "drivers", "invalid type: map, expected a sequence"),
        (&format!("{{{MIN},\"influencers\":[{{\"name\":5}}]}}"), "influencers[0].name", "invalid type: integer"),
        (&format!("{{{MIN},\"drivers\":[{{\"title\":\" \",\"direction\":\"Mixed\",\"category\":\"macro\"}}]}}"), "drivers[0].title", "must not be empty"),
        (r#"{"version":1,"id":"Bad Id","name":"T","symbol":"T"}"#, "id", "is not an identifier"),
        (&format!("{{{MIN},\"persons\":[{{\"name\":\"A\",\"link\":\"javascript:alert(1)\"}}]}}"), "persons[0].link", "not an absolute http(s) URL"),
        (&format!("{{{MIN},\"disclaimer\":{{\"text\":\"x\",\"links\":[{{\"label\":\"l\",\"url\":\"data:text/html,x\"}}]}}}}"), "disclaimer.links[0].url", "not an absolute http(s) URL"),
        (r#"{"version":2,"id":"t"}"#, "version", "unsupported version 2"),
        (r#"{"id":"t"}"#, "version", "missing field"),
        (r#"{"version":1,"id":"t","name":"T","symbol":"T""#, "", "invalid JSON: EOF while parsing"),
        (r#"<!doctype html><p>Not found</p>"#, "", "invalid JSON: expected value at line 1 column 1"),
        (r#"[1,2]"#, "", "a profile must be a JSON object, found an array"),
        (r#"null"#, "", "a profile must be a JSON object, found null"),
        (&format!("{{{MIN}}} trailing"), "", "trailing characters"),
        (&format!("{{{MIN},\"lang\":\"en\\\" onload=x\"}}"), "lang", "is not a language tag"),
        (&format!("{{{MIN},\"lang\":\"e\"}}"), "lang", "is not a language tag"),
        (&format!("{{{MIN},\"lang\":5}}"), "lang", "invalid type: integer"),
        (&format!("{{{MIN},\"sources\":[{{\"series\":\"s\",\"label\":\"\",\"source\":\"generic-json\"}}]}}"), "sources[0].label", "0 characters; a label has 1 to 80"),
        // Paths are built only for the fault: each list's index and field, nested lists too.
        (&format!("{{{MIN},\"influencers\":[{{\"name\":\"a\"}},{{\"name\":\"\"}}]}}"), "influencers[1].name", "must not be empty"),
        (&format!("{{{MIN},\"persons_disclaimer\":{{\"text\":\"x\",\"links\":[{}]}}}}", vec!["{\"label\":\"l\"}"; 33].join(",")), "persons_disclaimer.links", "33 entries; the limit is 32"),
        (&format!("{{{MIN},\"sources\":[{{\"series\":\"s\",\"source\":\"generic-json\"}},{{\"series\":\"c\",\"source\":\"kraken-ohlc\",\"symbol\":\"X\",\"fallbacks\":[{{\"source\":\"bybit-kline\",\"symbol\":\"X\"}},{{\"source\":\"bybit-kline\",\"symbol\":\"X\",\"base_url\":\"ftp://x\"}}]}}]}}"), "sources[1].fallbacks[1].base_url", "not an absolute http(s) URL"),

        (&format!("{{{MIN},\"sources\":[{{\"series\":\"s\",\"label\":\"{}\",\"source\":\"generic-json\"}}]}}", "é".repeat(81)), "sources[0].label", "81 characters; a label has 1 to 80"),
    ];
    for (json, path, message) in cases {
        let e = err(json);
        assert_eq!(e.path, *path, "path for {json}: {e}");
        assert!(e.message.contains(message), "message for {json}: {e}");
    }
}

#[test]
fn display_joins_path_and_message() {
    let e = err(&format!(
        "{{{MIN},\"drivers\":[{{\"title\":\"a\",\"direction\":\"Up\",\"category\":\"macro\"}}]}}"
    ));
    assert!(
        e.to_string()
            .starts_with("drivers[0].direction: unknown value \"Up\""),
        "{e}"
    );
}

#[test]
fn unknown_fields_are_ignored_and_reported() {
    let json = format!(
        "{{{MIN},\"mood\":1,\"drivers\":[{{\"title\":\"a\",\"direction\":\"Mixed\",\"category\":\"macro\",\"weight\":3}}]}}"
    );
    let parsed = parse_profile(&json).expect("parses");
    assert_eq!(parsed.unknown_fields, ["mood", "drivers[0].weight"]);
    assert_eq!(parsed.profile.drivers.len(), 1);
}

#[test]
fn the_reserved_rule_is_kept_verbatim_and_sources_are_typed() {
    let json = format!(
        "{{{MIN},\"sources\":[{{\"series\":\"funding\",\"source\":\"binance-futures-funding\",\"symbol\":\"FLUXUSDT\",\"fallbacks\":[{{\"source\":\"bybit-funding\",\"symbol\":\"FLUXUSDT\"}}]}}],\"signals\":[{{\"category\":\"technical\",\"direction\":\"Mixed\",\"title\":\"t\",\"rule\":{{\"kind\":\"x\"}}}}]}}"
    );
    let parsed = parse_profile(&json).expect("parses");
    assert!(
        parsed.unknown_fields.is_empty(),
        "{:?}",
        parsed.unknown_fields
    );
    assert_eq!(
        parsed.profile.signals[0].rule,
        Some(serde_json::json!({"kind":"x"}).into())
    );
    let s = &parsed.profile.sources[0];
    assert_eq!(
        (s.series.as_str(), s.source, s.fallbacks[0].source),
        (
            "funding",
            SourceKind::BinanceFuturesFunding,
            SourceKind::BybitFunding
        )
    );
}

#[test]
fn bad_sources_name_their_path() {
    let bad = |src: &str| {
        parse_profile(&format!("{{{MIN},\"sources\":[{src}]}}"))
            .unwrap_err()
            .to_string()
    };
    assert!(
        bad(r#"{"series":"candles","source":"binanse","symbol":"X"}"#)
            .starts_with("sources[0].source: unknown value \"binanse\"")
    );
    assert_eq!(
        bad(
            r#"{"series":"candles","source":"binance-futures-klines","symbol":"X","base_url":"javascript:x"}"#
        ),
        "sources[0].base_url: \"javascript:x\" is not an absolute http(s) URL"
    );
    assert_eq!(
        bad(r#"{"series":"candles","source":"kraken-ohlc","symbol":"XBTUSD","fallbacks":[{"source":"bybit-kline","symbol":"a b"}]}"#),
        "sources[0].fallbacks[0]: bybit-kline: symbol \"a b\" is empty or has characters other than letters, digits, '-' and '_'"
    );
    // A document source may leave its URL to the page (a local market server): valid.
    assert!(parse_profile(&format!(
        "{{{MIN},\"sources\":[{{\"series\":\"lth\",\"source\":\"generic-json\"}}]}}"
    ))
    .is_ok());
    assert_eq!(
        bad(r#"{"series":"c","source":"binance-spot-klines","symbol":"X","interval":"1y"}"#),
        "sources[0]: interval \"1y\" is not like 15m, 1h, 1d, 1w or 1M (a number from 1 to 99999, then m, h, d, w or M)"
    );
}

#[test]
fn valid_extremes_parse() {
    let long = "x".repeat(10_000);
    let drivers: Vec<String> = (0..200)
        .map(|i| format!("{{\"title\":\"d{i}\",\"direction\":\"Mixed\",\"category\":\"macro\",\"text\":\"{long}\"}}"))
        .collect();
    let json = format!(
        "{{{MIN},\"drivers\":[{}],\"regimes\":[{{\"regime\":\"stagflation\",\"outcome\":\"Neutral\"}}],\"description\":\"\u{0645}\u{0631}\u{062d}\u{0628}\u{0627}\"}}",
        drivers.join(",")
    );
    let p = parse_profile(&json).expect("parses").profile;
    assert_eq!(p.drivers.len(), 200);
    assert_eq!(p.regimes[0].regime, "stagflation");
    let empty = parse_profile(&format!("{{{MIN}}}"))
        .expect("minimal profile parses")
        .profile;
    assert!(empty.drivers.is_empty() && empty.regimes.is_empty() && empty.signals.is_empty());
}

#[test]
fn http_urls_only() {
    for ok in ["https://barfinex.com/legal", "http://example.org"] {
        assert!(check_http_url(ok).is_ok(), "{ok}");
    }
    for bad in [
        "javascript:alert(1)",
        "JAVASCRIPT:x",
        "//evil.com",
        "https://",
        "ftp://x",
        "https:///x",
        "https://a b",
        " data:x",
    ] {
        assert!(check_http_url(bad).is_err(), "{bad}");
    }
    // A user name or password is refused, and the message does not repeat it.
    for bad in [
        "https://user:hunter2@example.com/x?k=TOKEN",
        "http://hunter2@example.com",
    ] {
        let e = check_http_url(bad).expect_err(bad);
        assert!(e.contains("user name or password"), "{e}");
        assert!(!e.contains("hunter2") && !e.contains("TOKEN"), "{e}");
    }
    assert!(check_http_url("https://example.com/a@b?x=y@z").is_ok());
}

/// Each list has a cap and each text a length limit; a profile past one is refused with the
/// field and the limit, and one exactly at it parses.
#[test]
fn limits_name_the_field_and_the_limit() {
    use barfinex_core::model::{
        MAX_ENTRIES, MAX_FALLBACKS, MAX_SIGNALS, MAX_SOURCES, MAX_TEXT_CHARS,
    };
    let parse = |extra: String| parse_profile(&format!("{{{MIN},{extra}}}"));
    let drivers = |n: usize| {
        let one = r#"{"title":"d","direction":"Mixed","category":"macro"}"#;
        format!("\"drivers\":[{}]", vec![one; n].join(","))
    };
    assert!(parse(drivers(MAX_ENTRIES)).is_ok());
    let e = parse(drivers(MAX_ENTRIES + 1)).unwrap_err();
    assert_eq!(
        (e.path.as_str(), e.message.as_str()),
        ("drivers", "501 entries; the limit is 500")
    );

    let signals = |n: usize| {
        let one = r#"{"category":"technical","direction":"Mixed","title":"s"}"#;
        format!("\"signals\":[{}]", vec![one; n].join(","))
    };
    assert!(parse(signals(MAX_SIGNALS)).is_ok());
    assert_eq!(parse(signals(MAX_SIGNALS + 1)).unwrap_err().path, "signals");

    let sources = |n: usize| {
        let one = r#"{"series":"s","source":"generic-json"}"#;
        format!("\"sources\":[{}]", vec![one; n].join(","))
    };
    assert!(parse(sources(MAX_SOURCES)).is_ok());
    assert_eq!(parse(sources(MAX_SOURCES + 1)).unwrap_err().path, "sources");

    let fallback = r#"{"source":"kraken-ohlc","symbol":"X"}"#;
    let fallbacks = format!(
        "\"sources\":[{{\"series\":\"c\",\"source\":\"bybit-kline\",\"symbol\":\"X\",\"fallbacks\":[{}]}}]",
        [fallback; MAX_FALLBACKS + 1].join(",")
    );
    assert_eq!(
        parse(fallbacks).unwrap_err().to_string(),
        "sources[0].fallbacks: 9 entries; the limit is 8"
    );

    // Characters, not bytes: 100,000 three-byte characters fit; one more does not.
    let long = |n: usize| "\u{20ac}".repeat(n);
    assert!(parse(format!("\"description\":\"{}\"", long(MAX_TEXT_CHARS))).is_ok());
    let e = parse(format!(
        "\"drivers\":[{{\"title\":\"d\",\"direction\":\"Mixed\",\"category\":\"macro\",\"text\":\"{}\"}}]",
        "x".repeat(1 << 20)
    ))
    .unwrap_err();
    assert_eq!(
        (e.path.as_str(), e.message.as_str()),
        ("drivers[0].text", "1048576 characters; the limit is 100000")
    );
    let e = parse(format!(
        "\"disclaimer\":{{\"text\":\"t\",\"links\":[{{\"label\":\"{}\"}}]}}",
        long(MAX_TEXT_CHARS + 1)
    ))
    .unwrap_err();
    assert_eq!(e.path, "disclaimer.links[0].label");
}
