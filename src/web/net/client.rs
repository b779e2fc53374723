use super::body::{read_capped, BodyError};
use super::cache::{cached, remember};
use super::request::{get_request, send};
use super::shared::SharedTask;
use super::sleep::{now_ms, sleep};
use super::{js_message, Fetched, NetError, Policy};
use barfinex_core::retry::{backoff_ms, cached_age_ms, is_retryable, retry_after_ms};
use barfinex_core::text;
use std::cell::{Cell, RefCell};
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{AbortController, AbortSignal, Response};

/// A response header, when present and readable (cross-origin: only those the server exposes).
fn header(response: &Response, name: &str) -> Option<String> {
    response.headers().get(name).ok().flatten()
}

struct InFlight {
    future: SharedTask<Result<Fetched, NetError>>,
    waiting: Rc<Cell<usize>>,
    stop: Rc<Stop>,
}

/// Cancels a shared request once nobody waits for it any more.
#[derive(Default)]
struct Stop {
    stopped: Cell<bool>,
    current: RefCell<Option<AbortController>>,
}

impl Stop {
    fn fire(&self) {
        self.stopped.set(true);
        if let Some(c) = self.current.borrow().as_ref() {
            c.abort();
        }
    }
}

thread_local! {
    static IN_FLIGHT: RefCell<Vec<(String, InFlight)>> = const { RefCell::new(Vec::new()) };
}

/// GETs `url` under `policy`. A body younger than the TTL comes from memory unless `refresh`;
/// identical concurrent requests share one network request; `cancel` (a widget's signal)
/// withdraws this caller, and the request is aborted when no caller is left. When the network
/// fails and an older body is cached, that body is returned with `stale` set.
pub async fn get_text(
    url: &str,
    policy: &Policy,
    cancel: Option<AbortSignal>,
    refresh: bool,
) -> Result<Fetched, NetError> {
    let previous = cached(url, policy);
    if let Some(hit) = &previous {
        if !refresh && now_ms() - hit.fetched_at < policy.ttl_ms {
            return Ok(hit.clone());
        }
    }
    // One shared request per URL *and policy*: a caller never silently gets another's timeout
    // or retries.
    let key = format!("{url}\n{}", policy.request_key());
    let start = || {
        let stop = Rc::new(Stop::default());
        let future = SharedTask::spawn(attempt_all(
            url.to_owned(),
            policy.clone(),
            Rc::clone(&stop),
            refresh || previous.is_some(),
        ));
        InFlight {
            future,
            waiting: Rc::new(Cell::new(0)),
            stop,
        }
    };
    let (future, waiting, stop) = IN_FLIGHT.with(|m| {
        let mut m = m.borrow_mut();
        // A request whose callers all left is being cancelled: a newcomer must not join it
        // (a card inserted while another with the same `src` is removed would show "cancelled").
        m.retain(|(k, f)| *k != key || !f.stop.stopped.get());
        // A list, not a map: a few requests are in flight at once.
        let at = m.iter().position(|(k, _)| *k == key).unwrap_or_else(|| {
            m.push((key.clone(), start()));
            m.len() - 1
        });
        let entry = &m[at].1;
        (
            entry.future.clone(),
            Rc::clone(&entry.waiting),
            Rc::clone(&entry.stop),
        )
    });
    waiting.set(waiting.get() + 1);
    let listener = cancel.as_ref().map(|signal| {
        let (waiting, stop) = (Rc::clone(&waiting), Rc::clone(&stop));
        let on_abort = Closure::<dyn FnMut()>::new(move || {
            waiting.set(waiting.get().saturating_sub(1));
            if waiting.get() == 0 {
                stop.fire();
            }
        });
        let _ = signal.add_event_listener_with_callback("abort", on_abort.as_ref().unchecked_ref());
        (signal.clone(), on_abort)
    });
    let result = future.get().await;
    if let Some((signal, on_abort)) = listener {
        let _ =
            signal.remove_event_listener_with_callback("abort", on_abort.as_ref().unchecked_ref());
        if !signal.aborted() {
            waiting.set(waiting.get().saturating_sub(1));
        }
    } else {
        waiting.set(waiting.get().saturating_sub(1));
    }
    IN_FLIGHT.with(|m| {
        let mut m = m.borrow_mut();
        m.retain(|(k, f)| *k != key || !Rc::ptr_eq(&f.stop, &stop));
    });
    match result {
        Ok(f) => {
            remember(&f, policy);
            Ok(f)
        }
        Err(e) => match previous {
            Some(old) if !matches!(e, NetError::Aborted { .. }) => Ok(Fetched {
                stale: Some(e),
                ..old
            }),
            _ => Err(e),
        },
    }
}

/// The first attempt and the retries. `revalidate` asks the browser's HTTP cache to check with
/// the server (`If-None-Match` from a stored `ETag`, answered by a 304) instead of reusing a
/// cached response unchecked.
async fn attempt_all(
    url: String,
    policy: Policy,
    stop: Rc<Stop>,
    revalidate: bool,
) -> Result<Fetched, NetError> {
    let mut attempt = 0u32;
    let started = now_ms();
    loop {
        let timeout_ms = policy
            .timeout_ms
            .min(policy.deadline_ms - (now_ms() - started))
            .max(500.0);
        if stop.stopped.get() {
            return Err(NetError::Aborted { url });
        }
        let controller = AbortController::new().map_err(|_| NetError::Network {
            url: url.clone(),
            detail: "AbortController unavailable".into(),
        })?;
        *stop.current.borrow_mut() = Some(controller.clone());
        let timed_out = Rc::new(Cell::new(false));
        // Owned here and dropped after the attempt: a timer that is cleared never runs its
        // callback, and a callback handed to JS for good would then never be freed.
        let on_timeout = {
            let (flag, c) = (Rc::clone(&timed_out), controller.clone());
            Closure::once(move || {
                flag.set(true);
                c.abort();
            })
        };
        let timer = web_sys::window().and_then(|w| {
            w.set_timeout_with_callback_and_timeout_and_arguments_0(
                on_timeout.as_ref().unchecked_ref(),
                timeout_ms as i32,
            )
            .ok()
        });
        let again = revalidate || attempt > 0;
        // Only a first, plain attempt may take embed.js's early request: a revalidation or a
        // retry wants a new response, and credentials are never sent early.
        let early = !again && !policy.same_origin_credentials;
        let outcome = one_attempt(&url, &policy, &controller, again, early).await;
        if let (Some(w), Some(t)) = (web_sys::window(), timer) {
            w.clear_timeout_with_handle(t);
        }
        drop(on_timeout);
        let (error, wait) = match outcome {
            Ok(f) => return Ok(f),
            Err(_) if stop.stopped.get() => return Err(NetError::Aborted { url }),
            Err(_) if timed_out.get() => (
                NetError::Timeout {
                    url: url.clone(),
                    ms: timeout_ms as u32,
                },
                None,
            ),
            Err(Failure::Status {
                status,
                status_text,
                retry_after,
            }) => {
                let e = NetError::Http {
                    url: url.clone(),
                    status,
                    status_text,
                    attempts: attempt + 1,
                };
                if !is_retryable(status) {
                    return Err(e);
                }
                (
                    e,
                    retry_after.and_then(|h| retry_after_ms(&h, now_ms(), 30_000.0)),
                )
            }
            Err(Failure::Final(e)) => return Err(e),
            Err(Failure::Transient(e)) => (e, None),
        };
        let delay = wait.unwrap_or_else(|| {
            backoff_ms(
                attempt,
                policy.backoff_base_ms,
                policy.backoff_cap_ms,
                js_sys::Math::random(),
            )
        });
        // Give up when out of retries, or when waiting would leave less than a second before
        // the deadline: a visible error beats a spinner.
        if attempt >= policy.retries || now_ms() - started + delay + 1_000.0 > policy.deadline_ms {
            return Err(error);
        }
        sleep(delay).await;
        attempt += 1;
    }
}

enum Failure {
    Status {
        status: u16,
        status_text: String,
        retry_after: Option<String>,
    },
    Transient(NetError),
    Final(NetError),
}

async fn one_attempt(
    url: &str,
    policy: &Policy,
    controller: &AbortController,
    revalidate: bool,
    early: bool,
) -> Result<Fetched, Failure> {
    let network = |e: JsValue| {
        let detail = js_message(&e).unwrap_or_else(|| "fetch failed".into());
        Failure::Transient(NetError::Network {
            url: url.to_owned(),
            detail,
        })
    };
    let request = get_request(url, policy, revalidate, &controller.signal()).map_err(network)?;
    let response: Response = JsFuture::from(send(&request, early).map_err(network)?)
        .await
        .map_err(network)?
        .dyn_into()
        .map_err(network)?;
    if !response.ok() {
        // Readable cross-origin only when the server lists it in Access-Control-Expose-Headers;
        // otherwise we fall back to our own backoff.
        let retry_after = header(&response, "retry-after");
        return Err(Failure::Status {
            status: response.status(),
            status_text: response.status_text(),
            retry_after,
        });
    }
    let too_large = || {
        Failure::Final(NetError::TooLarge {
            url: url.to_owned(),
            limit: policy.max_bytes,
        })
    };
    let declared = header(&response, "content-length")
        .and_then(|l| usize::try_from(barfinex_core::float::digits(&l)?).ok());
    if declared.is_some_and(|n| n > policy.max_bytes) {
        return Err(too_large());
    }
    let content_type = header(&response, "content-type");
    // A page, a document or media where data was expected (a login wall, a proxy's error
    // page, a CDN's placeholder image): refused before its body is read. JSON, CSV, plain
    // text, octet-stream and no type at all are read and left to the parser.
    if content_type.as_deref().is_some_and(not_data) {
        controller.abort();
        return Err(Failure::Final(NetError::NotData {
            url: url.to_owned(),
            content_type: content_type.unwrap_or_default(),
        }));
    }
    let synthetic = header(&response, "x-barfinex-synthetic").is_some();
    let body = match read_capped(response.body(), policy.max_bytes).await {
        Ok(b) => b,
        Err(BodyError::TooLarge) => return Err(too_large()),
        Err(BodyError::Failed(detail)) => {
            return Err(Failure::Transient(NetError::Body {
                url: url.to_owned(),
                detail,
            }))
        }
    };
    // Behind a caching proxy or a CDN, the data is as old as the cache says (`Age`, or the
    // origin's `Date` the cache kept); older than twice its lifetime, its origin is failing.
    let now = now_ms();
    let age = cached_age_ms(
        header(&response, "age").as_deref(),
        header(&response, "date").as_deref(),
        header(&response, "cache-control").as_deref(),
        now,
    );
    let stale = age
        .filter(|(age, max_age)| *age > 2.0 * max_age)
        .map(|(age_ms, max_age_ms)| NetError::ServedStale {
            url: url.to_owned(),
            age_ms,
            max_age_ms,
        });
    Ok(Fetched {
        url: url.to_owned(),
        body: Rc::new(body),
        fetched_at: now - age.map_or(0.0, |(a, _)| a),
        stale,
        synthetic,
    })
}

/// Content types that are never market data.
fn not_data(content_type: &str) -> bool {
    let ct = text::trim_start(content_type, text::SPACE).to_ascii_lowercase();
    [
        "text/html",
        "application/xhtml",
        "text/xml",
        "application/xml",
        "image/",
        "audio/",
        "video/",
        "font/",
    ]
    .iter()
    .any(|p| ct.starts_with(p))
}
