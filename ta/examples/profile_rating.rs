//! For profilers (callgrind, perf): rates a random walk of `N` bars (argument, default 100k).
//! `valgrind --tool=callgrind target/release/examples/profile_rating 100000`; with a second
//! argument, the best wall time of that many runs; a third names the rule set (`tradingview`,
//! the default, or `library-v3`).
use barfinex_ta::rating::{technical_rating, Rules};
use barfinex_ta::series::{Bar, Candles};
#[path = "../benches/support/walk.rs"]
mod walk;

fn main() {
    let arg = |k: usize, default: usize| {
        std::env::args()
            .nth(k)
            .and_then(|a| a.parse().ok())
            .unwrap_or(default)
    };
    let (n, reps) = (arg(1, 100_000), arg(2, 1));
    let rules: Rules = std::env::args()
        .nth(3)
        .map_or(Ok(Rules::default()), |a| a.parse())
        .unwrap_or_else(|e| panic!("{e}"));
    let c = Candles::from_bars(&walk::bars(n, walk::SEED, 0.02));
    let mut best = f64::INFINITY;
    let mut total = None;
    for _ in 0..reps {
        let t = std::time::Instant::now();
        total = technical_rating(std::hint::black_box(&c), false, rules)
            .ok()
            .and_then(|r| r.last)
            .map(|d| d.total);
        best = best.min(t.elapsed().as_nanos() as f64 / n as f64);
    }
    println!("{rules}: {total:?}: best of {reps}: {best:.1} ns/bar");
}
