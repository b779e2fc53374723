//! Bodies kept for the TTL in memory, and in `sessionStorage` with `persist`. Both have budgets:
//! the memory cache [`MEMORY_BYTES`] (the oldest entries go first), and storage, which the host
//! page shares with us, [`STORED_CHARS`] in all and [`ENTRY_CHARS`] per entry, under versioned
//! keys. Storage is outside data too: its entries are checked like any other input.

use super::sleep::now_ms;
use super::{Fetched, Policy};
use barfinex_core::float::{parse_f64, shortest};
use barfinex_core::text;
use js_sys::JsString;
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::{JsCast, JsValue};

/// Bodies kept in memory, in all (each at most a body's cap, so a few bodies at most).
pub const MEMORY_BYTES: usize = 24 << 20;
/// The key prefix of stored entries; a change of format changes the version, and entries of
/// other versions are removed when seen.
pub const STORED_PREFIX: &str = "bfx:v1:";
/// Characters (UTF-16 units, what browsers count against the quota) of all stored entries: a
/// fifth of the usual 5 MiB quota, which the host page shares.
pub const STORED_CHARS: usize = 512 * 1024;
/// Characters of one stored entry; larger bodies stay in memory only.
pub const ENTRY_CHARS: usize = 256 * 1024;

thread_local! {
    // A list, not a map: a page fetches a few dozen URLs, and a map per key type costs the wasm
    // its hashing code (README, "Where the bytes went").
    static CACHE: RefCell<Vec<Fetched>> = const { RefCell::new(Vec::new()) };
}

fn storage() -> Option<web_sys::Storage> {
    web_sys::window().and_then(|w| w.session_storage().ok().flatten())
}

pub(super) fn cached(url: &str, policy: &Policy) -> Option<Fetched> {
    if let Some(hit) = CACHE.with(|c| c.borrow().iter().find(|e| e.url == url).cloned()) {
        return Some(hit);
    }
    if !policy.persist {
        return None;
    }
    let store = storage()?;
    let key = format!("{STORED_PREFIX}{url}");
    let raw = stored(&store, &key)?;
    // Measured in JS first: an oversized entry is never copied into wasm memory.
    let fits = raw.length() as usize <= ENTRY_CHARS;
    let Some(hit) = fits.then(|| read_entry(url, &String::from(raw))).flatten() else {
        // Not ours any more, or tampered with: it goes.
        let _ = store.remove_item(&key);
        return None;
    };
    keep_in_memory(&hit);
    Some(hit)
}

/// An entry `"<fetched_at> <market|synthetic>\n<body>"`, if every part checks out: a time that
/// is finite and not in the future (one from the future would be fresh for ever), a known flag,
/// and a size within [`ENTRY_CHARS`].
fn read_entry(url: &str, raw: &str) -> Option<Fetched> {
    let (head, body) = text::split_once(raw, b"\n")?;
    let (at, flag) = text::split_once(head, b" ")?;
    let fetched_at = parse_f64(at).filter(|t| t.is_finite() && (0.0..=now_ms()).contains(t))?;
    let synthetic = match flag {
        "synthetic" => true,
        "market" => false,
        _ => return None,
    };
    Some(Fetched {
        url: url.to_owned(),
        body: Rc::new(body.to_owned()),
        fetched_at,
        stale: None,
        synthetic,
    })
}

/// The stored string under `key`, still in JS.
fn stored(s: &web_sys::Storage, key: &str) -> Option<JsString> {
    js_sys::Reflect::get(s, &JsValue::from_str(key))
        .ok()?
        .dyn_into::<JsString>()
        .ok()
}

/// Keeps `f` in memory, dropping the oldest bodies beyond [`MEMORY_BYTES`].
fn keep_in_memory(f: &Fetched) {
    CACHE.with(|c| {
        let mut c = c.borrow_mut();
        c.retain(|e| e.url != f.url);
        c.push(f.clone());
        let mut total: usize = c.iter().map(|e| e.body.len()).sum();
        while total > MEMORY_BYTES {
            let Some(oldest) = c
                .iter()
                .enumerate()
                .filter(|(_, e)| e.url != f.url)
                .min_by(|a, b| a.1.fetched_at.total_cmp(&b.1.fetched_at))
                .map(|(i, _)| i)
            else {
                break;
            };
            total -= c.swap_remove(oldest).body.len();
        }
    });
}

pub(super) fn remember(f: &Fetched, policy: &Policy) {
    keep_in_memory(f);
    if policy.persist {
        if let Some(s) = storage() {
            store(&s, f);
        }
    }
}

/// Room left for the host page after each of our writes, in characters.
pub const HEADROOM_CHARS: i32 = 64 * 1024;

/// Stores `f` within the budgets, evicting our oldest entries first. Storage errors only lose
/// the persistence: when the quota is reached, or our write would leave the host page less
/// than [`HEADROOM_CHARS`] (checked by writing that much once under a probe key), every entry
/// of ours goes, so the host's own `setItem` keeps working.
// The stored head is compared as a `String`: `JsString == String` (clippy's `cmp_owned`) links
// another comparison, +53 B gzipped in the main module.
#[allow(clippy::cmp_owned)]
fn store(s: &web_sys::Storage, f: &Fetched) {
    let flag = if f.synthetic { "synthetic" } else { "market" };
    let at = shortest(f.fetched_at);
    let value = format!("{at} {flag}\n{}", f.body);
    let key = format!("{STORED_PREFIX}{}", f.url);
    let size = key.encode_utf16().count() + value.encode_utf16().count();
    if size > ENTRY_CHARS {
        let _ = s.remove_item(&key);
        return;
    }
    // Two widgets sharing one request each persist its result: the second finds it stored
    // (same time) and writes nothing, so the budget walk and the headroom probe run once.
    let head = format!("{at} {flag}\n");
    if stored(s, &key).is_some_and(|v| String::from(v.slice(0, head.len() as u32)) == head) {
        return;
    }
    let mut ours = entries(s);
    ours.retain(|(k, ..)| *k != key);
    let mut total: usize = ours.iter().map(|e| e.2).sum::<usize>() + size;
    barfinex_core::sort::sort_by(&mut ours, |a, b| a.1.total_cmp(&b.1));
    for (old, _, n) in &ours {
        if total <= STORED_CHARS {
            break;
        }
        let _ = s.remove_item(old);
        total -= n;
    }
    let probe = JsValue::from_str("bfx:probe");
    let room = s.set_item(&key, &value).is_ok()
        && js_sys::Reflect::set(s, &probe, &headroom()).unwrap_or(false)
        && js_sys::Reflect::get(s, &probe).is_ok_and(|v| v.is_string());
    let _ = s.remove_item("bfx:probe");
    if !room {
        for (k, ..) in entries(s) {
            let _ = s.remove_item(&k);
        }
    }
}

/// A string of [`HEADROOM_CHARS`] characters, made in JS (never in wasm memory).
fn headroom() -> JsValue {
    JsString::from("x").repeat(HEADROOM_CHARS).into()
}

/// Our entries of this version as (key, time, size in characters); entries of other versions
/// are removed on the way.
fn entries(s: &web_sys::Storage) -> Vec<(String, f64, usize)> {
    let n = s.length().unwrap_or(0);
    let keys: Vec<String> = (0..n).filter_map(|i| s.key(i).ok().flatten()).collect();
    let mut out = vec![];
    for k in keys {
        if !k.starts_with("bfx:") {
            continue;
        }
        if !k.starts_with(STORED_PREFIX) {
            let _ = s.remove_item(&k);
            continue;
        }
        let Some(v) = stored(s, &k) else {
            continue;
        };
        // Only the time at its head is read into wasm memory.
        let head = String::from(v.slice(0, 40));
        let at = text::split_once(&head, b" ")
            .and_then(|(t, _)| parse_f64(t))
            .filter(|t| t.is_finite())
            .unwrap_or(0.0);
        out.push((
            k.clone(),
            at,
            k.encode_utf16().count() + v.length() as usize,
        ));
    }
    out
}
