//! The native rating of a fixed input, kept in `tests/fixtures/rating/parity.json` for the
//! browser test that checks the wasm build against it (`tests/browser/compute.test.mjs`). The
//! wasm build takes code paths native does not (branch-free min/max through SIMD lanes), so
//! native and wasm must agree on a file both read: here native = file, there wasm = file.
//!
//! Both rule sets, under their names (`tradingview`, `library-v3`).
//!
//! Input: the shared random walk (`benches/support/walk.rs`, `tests/bench-walk.mjs`) of 600
//! bars, with bars 300–339 flat (every price the close of bar 299, volume 0: zero ranges, ties
//! and Pine's `na` divisions). `UPDATE_FIXTURES=1 cargo test -p barfinex-ta --test wasm_parity`
//! rewrites the file after an intended change.

use barfinex_ta::rating::{technical_rating, Rules};
use barfinex_ta::series::{Bar, Candles};
use serde_json::{json, Value};

#[path = "../benches/support/walk.rs"]
mod walk;

const BARS: usize = 600;
const FLAT: std::ops::Range<usize> = 300..340;
/// The bars whose every vote and value the file keeps (all bars keep their scores).
const DETAIL_AT: [usize; 12] = [0, 1, 13, 14, 27, 28, 34, 52, 199, 320, 345, 599];

fn input() -> Vec<Bar> {
    let mut bars = walk::bars(BARS, walk::SEED, 0.02);
    let flat = bars[FLAT.start - 1].close;
    for b in &mut bars[FLAT] {
        (b.open, b.high, b.low, b.close, b.volume) = (flat, flat, flat, flat, 0.0);
    }
    bars
}

/// NaN as `null`, as JSON and the JS API have it.
fn num(x: f64) -> Value {
    if x.is_nan() {
        Value::Null
    } else {
        json!(x)
    }
}

fn native() -> Value {
    Value::Object(
        Rules::ALL
            .iter()
            .map(|&r| (r.as_str().to_string(), native_of(r)))
            .collect(),
    )
}

fn native_of(rules: Rules) -> Value {
    let bars = input();
    let all = technical_rating(&Candles::from_bars(&bars), true, rules).unwrap();
    let s = all.every_bar.unwrap();
    let details: Vec<Value> = DETAIL_AT
        .iter()
        .map(|&i| {
            let d = technical_rating(&Candles::from_bars(&bars[..=i]), false, rules)
                .unwrap()
                .last
                .unwrap();
            json!({
                "bar": i,
                "total": d.total,
                "votes": d.votes.iter().map(|v| json!([v.name, v.vote, num(v.value)])).collect::<Vec<_>>(),
            })
        })
        .collect();
    json!({
        "input": format!("walk({BARS}, seed {:#x}, step 0.02), bars {}–{} flat at the close of bar {}, volume 0", walk::SEED, FLAT.start, FLAT.end - 1, FLAT.start - 1),
        "total": s.total.iter().map(|&x| num(x)).collect::<Vec<_>>(),
        "movingAverages": s.ma.iter().map(|&x| num(x)).collect::<Vec<_>>(),
        "oscillators": s.other.iter().map(|&x| num(x)).collect::<Vec<_>>(),
        "detail": details,
    })
}

#[test]
fn the_parity_fixture_is_the_native_rating() {
    let path = format!(
        "{}/../tests/fixtures/rating/parity.json",
        env!("CARGO_MANIFEST_DIR")
    );
    // Compared as text: serde_json's default float parsing may be one ulp off, its printing
    // (shortest round-trip) is exact.
    let now = serde_json::to_string(&native()).unwrap() + "\n";
    if std::env::var_os("UPDATE_FIXTURES").is_some() {
        std::fs::create_dir_all(std::path::Path::new(&path).parent().unwrap()).unwrap();
        std::fs::write(&path, &now).unwrap();
    }
    assert!(
        std::fs::read_to_string(&path).unwrap() == now,
        "{path} differs from the native rating; if the change is intended, rewrite it with UPDATE_FIXTURES=1"
    );
}
