//! The benchmarks' and the rating oracle's input: a deterministic xorshift random walk, the
//! same as `tests/bench-walk.mjs` makes for the browser and Node benchmarks. Included by
//! `#[path]` where it is needed, so it is no part of the crate's API; the including module has
//! `Bar` in scope.

use super::Bar;

/// `n` one-minute bars from `seed` (non-zero): each close moves up to ±`step`/2 from the last,
/// highs and lows reach up to 0.5% beyond open and close, volumes are 1,000–10,000.
pub fn bars(n: usize, seed: u64, step: f64) -> Vec<Bar> {
    let mut s = seed;
    let mut next = move || {
        s ^= s << 13;
        s ^= s >> 7;
        s ^= s << 17;
        (s >> 11) as f64 / (1u64 << 53) as f64
    };
    let mut c = 100.0;
    (0..n)
        .map(|i| {
            let open = c;
            c *= 1.0 + (next() - 0.5) * step;
            let (high, low) = (
                open.max(c) * (1.0 + next() * 0.005),
                open.min(c) * (1.0 - next() * 0.005),
            );
            Bar {
                time: i as i64 * 60_000,
                open,
                high,
                low,
                close: c,
                volume: 1000.0 + next() * 9000.0,
            }
        })
        .collect()
}

/// The benchmarks' seed.
pub const SEED: u64 = 0x9E37_79B9_7F4A_7C15;
