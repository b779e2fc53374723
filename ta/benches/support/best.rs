//! The benchmarks' timer (`ta/benches/rating.rs`, `core/benches/parse.rs`), included by
//! `#[path]`: the best of `runs` runs of `f`, in nanoseconds. The best, not the mean, as our
//! machines' speed drifts while they run.

use std::time::Instant;

pub fn best_ns(runs: usize, mut f: impl FnMut()) -> f64 {
    (0..runs)
        .map(|_| {
            let t = Instant::now();
            f();
            t.elapsed().as_nanos() as f64
        })
        .fold(f64::INFINITY, f64::min)
}
