//! Deterministic synthetic series: the same name gives the same numbers on every machine. They
//! stand in for markets we have no recording of, and are labelled synthetic wherever shown.

/// FNV-1a: a stable seed from a name.
pub fn seed(name: &str) -> u64 {
    name.bytes().fold(0xcbf2_9ce4_8422_2325u64, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}

pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Self {
        Self(seed | 1)
    }

    /// Uniform in [0, 1) (xorshift64*).
    pub fn uniform(&mut self) -> f64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        (self.0.wrapping_mul(0x2545_f491_4f6c_dd1d) >> 11) as f64 / (1u64 << 53) as f64
    }

    /// Standard normal (Box–Muller).
    pub fn gauss(&mut self) -> f64 {
        let (u, v) = (self.uniform().max(1e-12), self.uniform());
        (-2.0 * u.ln()).sqrt() * (std::f64::consts::TAU * v).cos()
    }
}

/// `n` candles `[open_ms, open, high, low, close, volume]` whose last one opens at `last_open`.
pub fn candles(name: &str, n: usize, last_open: i64, interval: i64) -> Vec<[f64; 6]> {
    let mut r = Rng::new(seed(name));
    let mut price = 0.3 + r.uniform();
    let vol_per_bar = 0.04 * ((interval as f64) / 86_400_000.0).sqrt();
    (0..n)
        .map(|i| {
            let open = price;
            price = open * (vol_per_bar * r.gauss() + 0.0002).exp();
            let hi = open.max(price) * (1.0 + (0.3 * vol_per_bar * r.gauss()).abs());
            let lo = open.min(price) * (1.0 - (0.3 * vol_per_bar * r.gauss()).abs());
            let volume = 1.0e6 * (0.35 * r.gauss()).exp();
            let t = last_open - (n - 1 - i) as i64 * interval;
            [
                t as f64,
                round(open),
                round(hi),
                round(lo),
                round(price),
                (volume * 100.0).round() / 100.0,
            ]
        })
        .collect()
}

/// A mean-reverting series (funding rates, supply shares): `base` plus noise and a slow trend.
pub fn points(
    name: &str,
    n: usize,
    last: i64,
    interval: i64,
    base: f64,
    noise: f64,
    trend: f64,
) -> Vec<(i64, f64)> {
    let mut r = Rng::new(seed(name));
    let mut x = base;
    (0..n)
        .map(|i| {
            x += 0.2 * (base + trend * i as f64 - x) + noise * r.gauss();
            (
                last - (n - 1 - i) as i64 * interval,
                (x * 1e8).round() / 1e8,
            )
        })
        .collect()
}

fn round(x: f64) -> f64 {
    (x * 1e6).round() / 1e6
}
