//! Awaiting several loads at once, in a few lines instead of `futures::future::join_all`.
//!
//! `join_all` switches to `FuturesOrdered` (a `FuturesUnordered` and a `BinaryHeap`) above 30
//! futures, and a regime matrix may load 50 profiles, so both of its strategies were linked,
//! per caller. The loads here are a handful of requests each: polling every pending one on
//! each wake-up costs nothing next to a request.
//!
//! ```ignore
//! let profiles = join(srcs.iter().map(|s| fetch_profile(s, None))).await;
//! ```

use std::future::{poll_fn, Future};
use std::pin::Pin;
use std::task::Poll;

/// Runs every future to completion, concurrently, and gives their outputs in the order given.
pub async fn join<F: Future>(futures: impl IntoIterator<Item = F>) -> Vec<F::Output> {
    let mut pending: Vec<Option<Pin<Box<F>>>> =
        futures.into_iter().map(|f| Some(Box::pin(f))).collect();
    let mut done: Vec<Option<F::Output>> = pending.iter().map(|_| None).collect();
    poll_fn(|cx| {
        let mut all = true;
        for (slot, out) in pending.iter_mut().zip(done.iter_mut()) {
            let Some(f) = slot else { continue };
            match f.as_mut().poll(cx) {
                Poll::Ready(v) => {
                    *out = Some(v);
                    *slot = None;
                }
                Poll::Pending => all = false,
            }
        }
        match all {
            true => Poll::Ready(done.iter_mut().filter_map(Option::take).collect()),
            false => Poll::Pending,
        }
    })
    .await
}
