//! Bodies kept for the TTL in memory, and in `sessionStorage` with `persist`. Storage is
//! outside data too: its entries are checked like any other input.

use super::sleep::now_ms;
use super::{Fetched, Policy};
use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

thread_local! {
    static CACHE: RefCell<HashMap<String, Fetched>> = RefCell::new(HashMap::new());
}

fn storage() -> Option<web_sys::Storage> {
    web_sys::window().and_then(|w| w.session_storage().ok().flatten())
}

pub(super) fn cached(url: &str, policy: &Policy) -> Option<Fetched> {
    if let Some(hit) = CACHE.with(|c| c.borrow().get(url).cloned()) {
        return Some(hit);
    }
    if !policy.persist {
        return None;
    }
    let raw = storage()?.get_item(&format!("bfx:{url}")).ok()??;
    let (head, body) = raw.split_once('\n')?;
    let (at, synthetic) = head.split_once(' ')?;
    // Storage is outside data too: an entry from the future would be served forever.
    let fetched_at = at
        .parse::<f64>()
        .ok()
        .filter(|t| (0.0..=now_ms()).contains(t))?;
    let hit = Fetched {
        url: url.to_owned(),
        body: Rc::from(body),
        fetched_at,
        stale: None,
        synthetic: synthetic == "synthetic",
    };
    CACHE.with(|c| c.borrow_mut().insert(url.to_owned(), hit.clone()));
    Some(hit)
}

pub(super) fn remember(f: &Fetched, policy: &Policy) {
    CACHE.with(|c| c.borrow_mut().insert(f.url.clone(), f.clone()));
    if policy.persist {
        if let Some(s) = storage() {
            // Quota errors only lose the persistence, never the data.
            let flag = if f.synthetic { "synthetic" } else { "market" };
            let _ = s.set_item(
                &format!("bfx:{}", f.url),
                &format!("{} {flag}\n{}", f.fetched_at, f.body),
            );
        }
    }
}
