//! Volume: On-Balance Volume (TA-Lib: starts at the first bar's volume).

use crate::series::Bar;

/// On-Balance Volume. No warm-up.
#[derive(Clone, Debug)]
pub struct Obv {
    prev_close: f64,
    value: f64,
}

impl Obv {
    #[cfg_attr(barfinex_size, optimize(size))]
    pub fn new() -> Self {
        Self {
            prev_close: f64::NAN,
            value: 0.0,
        }
    }

    pub fn update(&mut self, b: &Bar) -> f64 {
        let pc = std::mem::replace(&mut self.prev_close, b.close);
        if pc.is_nan() {
            self.value = b.volume;
        } else if b.close > pc {
            self.value += b.volume;
        } else if b.close < pc {
            self.value -= b.volume;
        }
        self.value
    }
}

impl Default for Obv {
    fn default() -> Self {
        Self::new()
    }
}
