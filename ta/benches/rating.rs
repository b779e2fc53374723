//! `cargo bench -p barfinex-ta`: the full technical-rating set (all 26 votes' indicators, one
//! fused pass) on 10k and 1M bars, and a streaming update on one new bar. Prints ns/bar.
//! std only: the best of several runs, timed with `Instant`, inputs kept opaque by `black_box`.

use barfinex_ta::indicators::{indicator, Params, NAMES};
use barfinex_ta::rating::{technical_rating, Rules, TechnicalRating};
use barfinex_ta::series::{Bar, Candles};
use std::hint::black_box;

#[path = "support/best.rs"]
mod best;
#[path = "support/walk.rs"]
mod walk;

use best::best_ns;

/// The random walk every engine rates (see `support/walk.rs`).
pub fn walk(n: usize) -> Candles {
    Candles::from_bars(&walk::bars(n, walk::SEED, 0.02))
}

fn main() {
    println!("{:<44} {:>12}", "benchmark", "ns/bar");
    for (n, runs) in [(10_000usize, 100), (1_000_000, 10)] {
        let c = walk(n);
        for rules in Rules::ALL {
            let ns = best_ns(runs, || {
                black_box(technical_rating(black_box(&c), false, rules).ok());
            });
            println!(
                "{:<44} {:>12.1}",
                format!("technical rating ({rules}), {n} bars"),
                ns / n as f64
            );
            let ns = best_ns(runs, || {
                black_box(technical_rating(black_box(&c), true, rules).ok());
            });
            println!(
                "{:<44} {:>12.1}",
                format!("technical rating every bar ({rules}), {n} bars"),
                ns / n as f64
            );
        }
        let ns = best_ns(runs.min(10), || {
            for name in NAMES {
                black_box(indicator(name, &Params::new(), black_box(&c)).ok());
            }
        });
        println!(
            "{:<44} {:>12.1}",
            format!("indicator() x{} (TA-Lib set), {n} bars", NAMES.len()),
            ns / n as f64
        );
    }
    // Streaming: warm a state on 10k bars, then time single updates on fresh bars.
    let c = walk(20_000);
    let mut state = TechnicalRating::new();
    for b in c.bars().take(10_000) {
        state.update(&b).ok();
    }
    let rest: Vec<Bar> = c.bars().skip(10_000).collect();
    let ns = best_ns(20, || {
        let mut s = state.clone();
        for b in &rest {
            black_box(s.update(black_box(b)).ok());
        }
    });
    println!(
        "{:<44} {:>12.1}",
        "streaming update, one new bar (mean of 10k)",
        ns / rest.len() as f64
    );
    let ns = best_ns(2000, || {
        let mut s = state.clone();
        black_box(s.update(black_box(&rest[0])).ok());
        black_box(s.detail());
    });
    println!(
        "{:<44} {:>12.1}",
        "one update + full detail (incl. state clone)", ns
    );
}
