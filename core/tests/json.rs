//! The JSON reader against serde_json: the same trees, the same messages and positions, on
//! fixed texts and generated ones (`core/src/json/`).
use barfinex_core::doc::number;
use barfinex_core::json::{parse, quote, Reader};
use proptest::prelude::*;
use serde_json::Value;

/// The same tree as serde_json's, or the same message (positions included).
fn same(text: &str) {
    let theirs = serde_json::from_str::<Value>(text);
    let ours = parse(text).map(Value::from);
    match (&theirs, &ours) {
        (Ok(a), Ok(b)) => assert_eq!(a, b, "{text:?}"),
        (Err(a), Err(b)) => assert_eq!(a.to_string(), b.to_string(), "{text:?}"),
        _ => panic!("{text:?}: serde_json {theirs:?}, ours {ours:?}"),
    }
}

#[test]
fn reads_what_serde_json_reads_and_refuses_what_it_refuses() {
    for text in [
        "null",
        " true ",
        "false",
        "0",
        "-0",
        "12",
        "-12",
        "1.5",
        "-0.0",
        "1e3",
        "1E-2",
        "2.5e+10",
        "18446744073709551615",
        "18446744073709551616",
        "-9223372036854775808",
        "-9223372036854775809",
        "0.1",
        "1e400",
        "1e-400",
        "123456789012345678901234567890",
        r#""a\"b\\c\/d\b\f\n\r\t""#,
        r#""\u00e9\ud83d\ude00""#,
        r#""é😀""#,
        r#"{"a":1,"a":2}"#,
        r#"{"b":[1,{"c":null}],"a":"x"}"#,
        "[]",
        "{}",
        " [ 1 , 2 ] ",
        // Refused.
        "",
        " ",
        "[1,",
        "[1",
        "[",
        "{",
        r#"{"a""#,
        r#"{"a":"#,
        r#"{"a":1"#,
        r#"{"a":1,"#,
        "[1,]",
        r#"{"a":1,}"#,
        "[1 2]",
        r#"{"a" 1}"#,
        "{1:2}",
        "01",
        "-",
        "-a",
        "1.",
        "1.a",
        "1e",
        "1e+",
        ".5",
        "+1",
        "nul",
        "nulx",
        "tru",
        "[true false]",
        "1 2",
        "x",
        "<!doctype html>",
        "\"abc",
        "\"a\\",
        "\"\\x\"",
        "\"\\u12\"",
        "\"\\u12g4\"",
        "\"\\ud83d\"",
        "\"\\ud83dx\"",
        "\"\\ud83d\\u0041\"",
        "\"\\ude00\"",
        "\"a\u{1}b\"",
        "[1,\n2,\n]",
        "{\n\"a\":\n}",
        "[\n\n  x]",
        "\"\\u0000\"",
    ] {
        same(text);
    }
    same(&format!("{}{}", "[".repeat(127), "]".repeat(127)));
    same(&format!("{}{}", "[".repeat(128), "]".repeat(128)));
    same(&format!("{}1{}", "{\"a\":".repeat(130), "}".repeat(130)));
}

fn tree() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        any::<u64>().prop_map(Value::from),
        any::<f64>().prop_map(Value::from),
        "\\PC{0,8}".prop_map(Value::String),
    ];
    leaf.prop_recursive(4, 32, 4, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..4).prop_map(Value::Array),
            prop::collection::vec(("[a-z\"\\\\]{0,3}", inner), 0..4)
                .prop_map(|kv| Value::Object(kv.into_iter().collect())),
        ]
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]
    #[test]
    fn any_text_reads_as_serde_json_reads_it(text in "[\\[\\]{}\",:0-9eE.+\\- \\\\untrfalsx\n]{0,24}") {
        same(&text);
    }

    #[test]
    fn any_document_reads_back_as_written(v in tree(), pretty in any::<bool>()) {
        let text = if pretty { serde_json::to_string_pretty(&v) } else { serde_json::to_string(&v) };
        same(&text.unwrap_or_default());
    }
}

#[test]
fn numbers_keep_serde_json_kinds() {
    let v = Value::from(parse("[5, -5, 5.0, 1e2, 18446744073709551616]").unwrap());
    assert!(v[0].is_u64() && v[1].is_i64() && v[2].is_f64() && v[3].is_f64());
    assert_eq!(v[4].as_f64(), Some(18446744073709551616.0));
}

#[test]
fn raw_values_are_the_text_as_written() {
    let mut r = Reader::new(r#" {"a": [1, 2 ], "b": "x\n"} "#);
    r.begin().unwrap();
    let mut first = true;
    let mut got = Vec::new();
    while let Some(k) = r.next_key(&mut first).unwrap() {
        got.push((k.into_owned(), r.raw().unwrap()));
    }
    r.end().unwrap();
    assert_eq!(got, [("a".into(), "[1, 2 ]"), ("b".into(), r#""x\n""#)]);
}

#[test]
fn quotes_as_serde_json_writes() {
    for s in [
        "",
        "plain",
        "q\"b\\s",
        "\n\r\t\u{8}\u{c}",
        "\u{1}\u{1f}\u{7f}",
        "é😀",
    ] {
        assert_eq!(quote(s), serde_json::to_string(s).unwrap());
    }
}

#[test]
fn numbers_are_written_as_serde_json_writes_them() {
    for text in [
        "0",
        "5",
        "-5",
        "1.5",
        "3.0",
        "-0.0",
        "1e20",
        "1e-7",
        "0.1",
        "18446744073709551615",
        "-9223372036854775808",
        "1.7976931348623157e308",
    ] {
        let barfinex_core::json::Value::Number(n) = parse(text).unwrap() else {
            panic!("{text}")
        };
        assert_eq!(number(&n), n.to_string(), "{text}");
    }
}
