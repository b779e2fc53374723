//! For profilers (callgrind, perf): rates a random walk of `N` bars (argument, default 100k).
//! `valgrind --tool=callgrind target/release/examples/profile_rating 100000`; with a second
//! argument, the best wall time of that many runs.
use barfinex_core::rating::technical_rating;
use barfinex_core::series::{Bar, Candles};
pub fn walk(n: usize) -> Candles {
    let mut s: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut next = move || {
        s ^= s << 13;
        s ^= s >> 7;
        s ^= s << 17;
        (s >> 11) as f64 / (1u64 << 53) as f64
    };
    let mut c = 100.0;
    let bars: Vec<Bar> = (0..n)
        .map(|i| {
            let open = c;
            c *= 1.0 + (next() - 0.5) * 0.02;
            let (hi, lo) = (
                open.max(c) * (1.0 + next() * 0.005),
                open.min(c) * (1.0 - next() * 0.005),
            );
            Bar {
                time: i as i64 * 60_000,
                open,
                high: hi,
                low: lo,
                close: c,
                volume: 1000.0 + next() * 9000.0,
            }
        })
        .collect();
    Candles::from_bars(&bars)
}

fn main() {
    let arg = |k: usize, default: usize| {
        std::env::args()
            .nth(k)
            .and_then(|a| a.parse().ok())
            .unwrap_or(default)
    };
    let (n, reps) = (arg(1, 100_000), arg(2, 1));
    let c = walk(n);
    let mut best = f64::INFINITY;
    let mut total = None;
    for _ in 0..reps {
        let t = std::time::Instant::now();
        total = technical_rating(std::hint::black_box(&c), false)
            .ok()
            .and_then(|r| r.last)
            .map(|d| d.total);
        best = best.min(t.elapsed().as_nanos() as f64 / n as f64);
    }
    println!("{total:?}: best of {reps}: {best:.1} ns/bar");
}
