//! `indicator()` against TA-Lib 0.8.1's outputs (tests/fixtures/talib/reference.json, made by
//! tests/reference/gen_talib.py). After warm-up every value must be within
//! 1e-9 · max(1, |reference|); during warm-up both must be missing (NaN / null).

use barfinex_ta::indicators::{indicator, Params};
use barfinex_ta::series::Candles;
use serde_json::Value;

fn reference() -> Value {
    let path = format!(
        "{}/../tests/fixtures/talib/reference.json",
        env!("CARGO_MANIFEST_DIR")
    );
    serde_json::from_str(&std::fs::read_to_string(&path).expect("reference file")).expect("json")
}

fn floats(v: &Value) -> Vec<f64> {
    v.as_array()
        .expect("array")
        .iter()
        .map(|x| x.as_f64().unwrap_or(f64::NAN))
        .collect()
}

fn candles(v: &Value) -> Candles {
    Candles {
        time: v["time"]
            .as_array()
            .expect("time")
            .iter()
            .map(|t| t.as_i64().expect("int"))
            .collect(),
        open: floats(&v["open"]),
        high: floats(&v["high"]),
        low: floats(&v["low"]),
        close: floats(&v["close"]),
        volume: floats(&v["volume"]),
    }
}

#[test]
fn every_indicator_matches_talib_after_warm_up() {
    let doc = reference();
    let mut checked = 0;
    for (series_name, series) in doc["series"].as_object().expect("series") {
        let c = candles(&series["candles"]);
        for case in series["cases"].as_array().expect("cases") {
            let name = case["indicator"].as_str().expect("name");
            let mut params = Params::new();
            for (k, v) in case["params"].as_object().expect("params") {
                params = params.with(k, v.as_f64().expect("number"));
            }
            let out = indicator(name, &params, &c).unwrap_or_else(|e| panic!("{name}: {e}"));
            for (col_name, expected) in case["columns"].as_object().expect("columns") {
                let expected = floats(expected);
                let got = &out
                    .columns
                    .iter()
                    .find(|col| col.name == col_name)
                    .unwrap_or_else(|| panic!("{name}: no column {col_name}"))
                    .values;
                assert_eq!(got.len(), expected.len());
                for (i, (g, e)) in got.iter().zip(&expected).enumerate() {
                    let at = format!("{series_name} {name} {params:?} {col_name}[{i}]");
                    if e.is_nan() {
                        assert!(g.is_nan(), "{at}: TA-Lib is still warming up, got {g}");
                    } else {
                        let tol = 1e-9 * e.abs().max(1.0);
                        assert!(
                            (g - e).abs() <= tol,
                            "{at}: got {g}, TA-Lib {e} (diff {:e})",
                            (g - e).abs()
                        );
                        checked += 1;
                    }
                }
            }
        }
    }
    assert!(checked > 10_000, "only {checked} values compared");
}
