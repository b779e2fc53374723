//! For profilers: every `indicator()` (or the one named by the second argument) over a random
//! walk of `N` bars (first argument, default 100k), e.g.
//! `valgrind --tool=callgrind target/release/examples/profile_indicators 100000 ichimoku`.
use barfinex_ta::indicators::{indicator, Params, NAMES};
use barfinex_ta::series::{Bar, Candles};
#[path = "../benches/support/walk.rs"]
mod walk;
fn main() {
    let n: usize = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(100_000);
    let c = Candles::from_bars(&walk::bars(n, walk::SEED, 0.02));
    let only = std::env::args().nth(2);
    let mut s = 0.0;
    for name in NAMES {
        if only.as_deref().is_some_and(|o| o != *name) {
            continue;
        }
        if let Ok(out) = indicator(name, &Params::new(), std::hint::black_box(&c)) {
            s += out
                .columns
                .iter()
                .map(|c| c.values.last().copied().unwrap_or(0.0))
                .sum::<f64>();
        }
    }
    println!("{s}");
}
