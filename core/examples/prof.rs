#[path = "../benches/rating.rs"]
#[allow(dead_code)]
mod bench;
fn main() {
    let c = bench::walk(1_000_000);
    let t = std::time::Instant::now();
    for _ in 0..5 {
        std::hint::black_box(barfinex_core::rating::technical_rating(&c, false).ok());
    }
    println!("{:.1} ns/bar", t.elapsed().as_nanos() as f64 / 5e6);
}
