//! Unsigned big integers, only what the exact comparison and the printer need: built from
//! decimal digits, multiplied by a `u64` or a power of five, shifted, divided by a small
//! number, compared.

use std::cmp::Ordering;

/// Little-endian 32-bit limbs, without high zero limbs (zero is empty).
#[derive(Clone)]
pub(super) struct Big(pub(super) Vec<u32>);

impl Big {
    pub(super) fn from_u64(n: u64) -> Self {
        let mut b = Big(vec![n as u32, (n >> 32) as u32]);
        b.trim();
        b
    }

    /// The integer the decimal digits (0–9) spell.
    pub(super) fn from_digits(digits: &[u8]) -> Self {
        let mut b = Big(Vec::new());
        for chunk in digits.chunks(9) {
            let (scale, add) = chunk
                .iter()
                .fold((1u32, 0u32), |(m, a), &c| (m * 10, a * 10 + u32::from(c)));
            b.mul_add(scale, add);
        }
        b
    }

    pub(super) fn mul_pow5(&mut self, mut n: u32) {
        // 5^13 is the largest power of five under 2^32.
        while n >= 13 {
            self.mul_add(1_220_703_125, 0);
            n -= 13;
        }
        self.mul_add(5u32.pow(n), 0);
    }

    /// `self × n`, as a new number (its limbs allocated once).
    pub(super) fn times(&self, n: u64) -> Big {
        let by = [n as u32, (n >> 32) as u32];
        let mut out = vec![0u32; self.0.len() + 2];
        for (i, &a) in self.0.iter().enumerate() {
            let mut carry = 0u64;
            for (j, &b) in by.iter().enumerate() {
                // At most (2^32 - 1)^2 + 2 (2^32 - 1) = 2^64 - 1.
                let t = u64::from(a) * u64::from(b) + u64::from(out[i + j]) + carry;
                out[i + j] = t as u32;
                carry = t >> 32;
            }
            out[i + 2] = carry as u32;
        }
        let mut out = Big(out);
        out.trim();
        out
    }

    /// `self × 2^bits`, as a new number (its limbs allocated once).
    pub(super) fn shifted(&self, bits: u32) -> Big {
        if self.0.is_empty() {
            return Big(Vec::new());
        }
        let (limbs, bits) = ((bits / 32) as usize, bits % 32);
        let mut out = Vec::with_capacity(limbs + self.0.len() + 1);
        out.resize(limbs, 0);
        let mut carry = 0u32;
        for &limb in &self.0 {
            out.push(if bits == 0 {
                limb
            } else {
                (limb << bits) | carry
            });
            carry = if bits == 0 { 0 } else { limb >> (32 - bits) };
        }
        if carry > 0 {
            out.push(carry);
        }
        Big(out)
    }

    /// `self ÷ 2^bits`, rounded down; with whether the bit just below the point was set, and
    /// whether any bit below that one was.
    pub(super) fn shr(&mut self, bits: u32) -> (bool, bool) {
        if bits == 0 {
            return (false, false);
        }
        let bit = |b: &[u32], i: u32| {
            b.get((i / 32) as usize)
                .is_some_and(|l| l >> (i % 32) & 1 == 1)
        };
        let half = bit(&self.0, bits - 1);
        let sticky = (0..bits - 1).any(|i| bit(&self.0, i));
        let (limbs, bits) = ((bits / 32) as usize, bits % 32);
        let high = self.0.get(limbs..).unwrap_or(&[]);
        self.0 = (0..high.len())
            .map(|i| match high.get(i + 1) {
                Some(&next) if bits > 0 => (high[i] >> bits) | (next << (32 - bits)),
                _ => high[i] >> bits,
            })
            .collect();
        self.trim();
        (half, sticky)
    }

    /// `self ÷ d`, rounded down; the remainder.
    pub(super) fn div_small(&mut self, d: u32) -> u32 {
        let mut rem = 0u64;
        for limb in self.0.iter_mut().rev() {
            let cur = (rem << 32) | u64::from(*limb);
            *limb = (cur / u64::from(d)) as u32;
            rem = cur % u64::from(d);
        }
        self.trim();
        rem as u32
    }

    pub(super) fn is_odd(&self) -> bool {
        self.0.first().is_some_and(|l| l & 1 == 1)
    }

    /// Its decimal digits, as ASCII (`"0"` for zero).
    pub(super) fn decimal(mut self) -> Vec<u8> {
        let mut out = Vec::new();
        loop {
            let mut part = self.div_small(1_000_000_000);
            let last = self.0.is_empty();
            for _ in 0..9 {
                out.push(b'0' + (part % 10) as u8);
                part /= 10;
                if last && part == 0 {
                    break;
                }
            }
            if last {
                out.reverse();
                return out;
            }
        }
    }

    /// `self × m + add`.
    pub(super) fn mul_add(&mut self, m: u32, add: u32) {
        let mut carry = u64::from(add);
        for limb in &mut self.0 {
            let t = u64::from(*limb) * u64::from(m) + carry;
            *limb = t as u32;
            carry = t >> 32;
        }
        if carry > 0 {
            self.0.push(carry as u32);
        }
        self.trim();
    }

    fn trim(&mut self) {
        while self.0.last() == Some(&0) {
            self.0.pop();
        }
    }
}

impl PartialEq for Big {
    fn eq(&self, other: &Self) -> bool {
        self.0 == other.0
    }
}

impl Eq for Big {}

impl PartialOrd for Big {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Big {
    fn cmp(&self, other: &Self) -> Ordering {
        self.0
            .len()
            .cmp(&other.0.len())
            .then_with(|| self.0.iter().rev().cmp(other.0.iter().rev()))
    }
}
