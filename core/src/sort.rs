//! A stable sort compiled once for every element type.
//!
//! std's `sort_by` is a merge sort compiled for each element type and comparator, about 600 B of
//! wasm each. The lists sorted here are short: a profile's drivers, the page's stored entries, a
//! rule set's series names, a source's intervals, the regime matrix's columns. This sort orders
//! the positions (a bottom-up merge sort: O(n log n) comparisons for any input) and then moves
//! the items along the permutation's cycles; only the comparison and the swap are compiled per
//! type. It is slower than std's (an indirect call per comparison, and items reached through
//! their positions): 400,000 string keys took 401 ms against std's 112 ms natively. So what
//! may be long keeps std's sort: a document's keys (a hostile object can have many) and the
//! market formats' series.
//!
//! ```
//! let mut v = vec![(2, 'a'), (1, 'b'), (2, 'c'), (1, 'd')];
//! barfinex_core::sort::sort_by_key(&mut v, |x| x.0);
//! assert_eq!(v, [(1, 'b'), (1, 'd'), (2, 'a'), (2, 'c')]);
//! ```

use std::cmp::Ordering;

/// Sorts `v` by `compare`, keeping the order of equal items (as `slice::sort_by`).
pub fn sort_by<T>(v: &mut [T], mut compare: impl FnMut(&T, &T) -> Ordering) {
    let order = stable_order(v.len(), &mut |a, b| compare(&v[a], &v[b]) == Ordering::Less);
    permute(order, &mut |a, b| v.swap(a, b));
}

/// Sorts `v` by the key `key` gives each item, keeping the order of equal keys (as
/// `slice::sort_by_key`).
pub fn sort_by_key<T, K: Ord>(v: &mut [T], mut key: impl FnMut(&T) -> K) {
    sort_by(v, |a, b| key(a).cmp(&key(b)))
}

/// Sorts `v` in ascending order, keeping the order of equal items (as `slice::sort`).
pub fn sort<T: Ord>(v: &mut [T]) {
    sort_by(v, T::cmp)
}

/// The positions `0..n` in sorted order: `order[k]` is the position of the item that goes to
/// `k`. `less(a, b)`: the item at `a` sorts before the one at `b`. Equal items keep their order
/// (a right run's item is taken first only when strictly less).
fn stable_order(n: usize, less: &mut dyn FnMut(usize, usize) -> bool) -> Vec<usize> {
    let mut from: Vec<usize> = (0..n).collect();
    let mut to = vec![0; n];
    let mut width = 1;
    while width < n {
        let mut lo = 0;
        while lo < n {
            let mid = lo.saturating_add(width).min(n);
            let hi = mid.saturating_add(width).min(n);
            let (mut i, mut j) = (lo, mid);
            for slot in &mut to[lo..hi] {
                let right = j < hi && (i >= mid || less(from[j], from[i]));
                *slot = if right { from[j] } else { from[i] };
                if right {
                    j += 1;
                } else {
                    i += 1;
                }
            }
            lo = hi;
        }
        std::mem::swap(&mut from, &mut to);
        width = width.saturating_mul(2);
    }
    from
}

/// Puts the item at `order[k]` at `k` for every `k`, by `swap`s along the permutation's
/// cycles: at most n − 1 swaps. `order` is used up (each position marked once placed).
fn permute(mut order: Vec<usize>, swap: &mut dyn FnMut(usize, usize)) {
    const PLACED: usize = usize::MAX;
    for start in 0..order.len() {
        // Along one cycle, the item first at `start` travels to where it belongs.
        let mut k = start;
        while order[k] != PLACED {
            let next = std::mem::replace(&mut order[k], PLACED);
            if next == start {
                break;
            }
            swap(k, next);
            k = next;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A small generator, so the test needs no crate: xorshift64.
    fn numbers(seed: u64, n: usize, range: u64) -> Vec<u64> {
        let mut x = seed | 1;
        (0..n)
            .map(|_| {
                x ^= x << 13;
                x ^= x >> 7;
                x ^= x << 17;
                x % range
            })
            .collect()
    }

    #[test]
    fn sorts_as_std_stable_sort_does() {
        for n in [0, 1, 2, 3, 5, 8, 17, 64, 100, 1000] {
            for (seed, range) in [(1, 3), (7, 10), (42, 1_000_000), (9, 1)] {
                // Items tagged with their first position: equal keys must keep that order.
                let items: Vec<(u64, usize)> =
                    numbers(seed, n, range).into_iter().zip(0..).collect();
                let mut ours = items.clone();
                sort_by_key(&mut ours, |x| x.0);
                let mut std = items.clone();
                std.sort_by_key(|x| x.0);
                assert_eq!(ours, std, "n {n}, seed {seed}, range {range}");
            }
        }
    }

    #[test]
    fn sorts_sorted_and_reversed_input() {
        let mut up: Vec<u32> = (0..257).collect();
        sort(&mut up);
        assert!(up.windows(2).all(|w| w[0] < w[1]));
        let mut down: Vec<u32> = (0..257).rev().collect();
        sort(&mut down);
        assert_eq!(down, up);
    }

    #[test]
    fn comparisons_stay_n_log_n() {
        // A hostile document can hold many keys: no input may make the sort quadratic.
        let n = 1 << 12;
        for items in [
            (0..n).collect::<Vec<u32>>(),
            (0..n).rev().collect(),
            vec![5; n as usize],
        ] {
            let mut calls = 0usize;
            let mut v = items;
            sort_by(&mut v, |a, b| {
                calls += 1;
                a.cmp(b)
            });
            assert!(
                calls <= 12 * n as usize,
                "{calls} comparisons for {n} items"
            );
        }
    }
}
