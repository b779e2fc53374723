//! One request, many callers: the request runs as a task of its own and each caller awaits a
//! copy of its result. A few lines instead of `futures::future::Shared`, whose waker
//! bookkeeping (an `Arc` notifier, a slab of wakers behind a mutex) this single-threaded
//! module does not need.
//!
//! ```ignore
//! let task = SharedTask::spawn(async { fetch().await });
//! let (a, b) = (task.clone(), task.clone());
//! assert_eq!(a.get().await, b.get().await);
//! ```

use std::cell::RefCell;
use std::future::{poll_fn, Future};
use std::rc::Rc;
use std::task::{Poll, Waker};

/// A future started once, at once, whose output every holder can await.
pub struct SharedTask<T> {
    state: Rc<RefCell<State<T>>>,
}

struct State<T> {
    out: Option<T>,
    waiting: Vec<Waker>,
}

impl<T> Clone for SharedTask<T> {
    fn clone(&self) -> Self {
        Self {
            state: Rc::clone(&self.state),
        }
    }
}

impl<T: Clone + 'static> SharedTask<T> {
    /// Starts `future` as a task of its own: it runs to its end whether or not anyone awaits
    /// it (the client stops a request nobody waits for through its abort signal).
    pub fn spawn(future: impl Future<Output = T> + 'static) -> Self {
        let state = Rc::new(RefCell::new(State {
            out: None,
            waiting: Vec::new(),
        }));
        let done = Rc::clone(&state);
        wasm_bindgen_futures::spawn_local(async move {
            let out = future.await;
            let waiting = {
                let mut s = done.borrow_mut();
                s.out = Some(out);
                std::mem::take(&mut s.waiting)
            };
            waiting.into_iter().for_each(Waker::wake);
        });
        Self { state }
    }

    /// The task's output, once it has one.
    pub async fn get(&self) -> T {
        poll_fn(|cx| {
            let mut s = self.state.borrow_mut();
            if let Some(out) = &s.out {
                return Poll::Ready(out.clone());
            }
            // A caller polled again (its task woken by something else) is not listed twice.
            if !s.waiting.iter().any(|w| w.will_wake(cx.waker())) {
                s.waiting.push(cx.waker().clone());
            }
            Poll::Pending
        })
        .await
    }
}
