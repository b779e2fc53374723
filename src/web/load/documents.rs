//! Loading the documents a widget reads (profiles, candles, regime rules): GET through
//! [`crate::web::net`] (retries, cache, sharing), then the core's parser. A profile is read
//! once into a [`Profile`] (the data, and the plan of its rules when first wanted), shared by
//! every widget of it.

use super::{ErasedResource, LoadError, Profile, Wants, Warm};
use crate::web::context::use_market;
use crate::web::net::{absolute_url, get_text, Cancel, Policy};
use barfinex_core::format::joined;
use barfinex_core::model::{parse_profile, ProfileError};
use barfinex_core::signals::{parse_regime_rules, Plan, RegimeRules};
use barfinex_core::sources::{parse_candles_json, CandlesDoc};
use barfinex_core::text;
use std::cell::RefCell;
use std::rc::Rc;
use wasm_split_helpers::{wasm_split, SplitLoaderError};

/// GETs a document page-relative URL through [`crate::web::net`] (retries, cache, sharing);
/// returns its absolute URL and body.
async fn fetch_document(
    src: &str,
    policy: &Policy,
    cancel: Option<web_sys::AbortSignal>,
    refresh: bool,
) -> Result<(String, Rc<String>), LoadError> {
    if text::trim_space(src).is_empty() {
        return Err(LoadError::NoSource);
    }
    let url = absolute_url(src);
    let fetched = get_text(&url, policy, cancel, refresh).await?;
    Ok((url, fetched.body))
}

/// Fetches and parses a profile document (with the retry, cache and de-duplication of
/// [`crate::web::net`]), and reads its signals' rules once.
///
/// ```no_run
/// # async fn demo() {
/// let profile = barfinex_widgets::web::load::fetch_profile("/www/data/flux.json", None).await;
/// # }
/// ```
pub async fn fetch_profile(
    src: &str,
    cancel: Option<web_sys::AbortSignal>,
) -> Result<Rc<Profile>, LoadError> {
    let (url, body) = fetch_document(src, &Policy::default().for_document(), cancel, false).await?;
    read_profile(&url, &body).map_err(|error| LoadError::Profile { url, error })
}

/// Profiles read, with the URL and body each was read from, newest last: the widgets of one
/// profile on a page share one read (200 widgets, one parse; `tests/browser/many.test.mjs`).
const READ_PROFILES: usize = 16;

type Read = (String, Rc<String>, Result<Rc<Profile>, ProfileError>);

thread_local! {
    static READ: RefCell<Vec<Read>> = const { RefCell::new(Vec::new()) };
}

/// The profile in `body`, read once per body: a body already read (the same text from the same
/// URL) gives the same result without parsing again.
fn read_profile(url: &str, body: &Rc<String>) -> Result<Rc<Profile>, ProfileError> {
    let same = |(u, b, _): &Read| u == url && (Rc::ptr_eq(b, body) || **b == **body);
    if let Some(hit) = READ.with(|r| r.borrow().iter().find(|e| same(e)).map(|e| e.2.clone())) {
        return hit;
    }
    let read = parse_profile(body).map(|parsed| {
        if !parsed.unknown_fields.is_empty() {
            web_sys::console::warn_1(
                &format!(
                    "{url}: ignored unknown fields: {}",
                    joined(&parsed.unknown_fields, ", ")
                )
                .into(),
            );
        }
        Rc::new(Profile::new(parsed.profile))
    });
    READ.with(|r| {
        let mut r = r.borrow_mut();
        // A URL keeps its latest body only; past the bound, the oldest goes.
        r.retain(|(u, _, _)| u != url);
        if r.len() >= READ_PROFILES {
            drop(r.remove(0));
        }
        r.push((url.to_owned(), Rc::clone(body), read.clone()));
    });
    read
}

/// Fetches and parses a candles document (see `barfinex_core::sources::parse_candles_json`)
/// under `policy`; `refresh` asks the network even within the cache's TTL.
pub async fn fetch_candles(
    src: &str,
    policy: &Policy,
    cancel: Option<web_sys::AbortSignal>,
    refresh: bool,
) -> Result<Rc<CandlesDoc>, LoadError> {
    let (url, body) = fetch_document(src, policy, cancel, refresh).await?;
    let doc = parse_candles_json(&body).map_err(|error| LoadError::Candles { url, error })?;
    Ok(Rc::new(doc))
}

/// Fetches and parses a regime-rules document (see `barfinex_core::signals::RegimeRules`)
/// under `policy`, and reads its rules once ([`RegimeRules::plan`]). The reading is in the split
/// build's `signals` chunk, with the rule engine that decides on them; when that chunk cannot
/// be loaded the error is [`LoadError::Code`].
pub async fn fetch_regime_rules(
    src: &str,
    policy: &Policy,
    cancel: Option<web_sys::AbortSignal>,
) -> Result<(Rc<RegimeRules>, Plan), LoadError> {
    let (url, body) = fetch_document(src, &policy.for_document(), cancel, false).await?;
    read_regime_rules(url, body)
        .await
        .map_err(|e| LoadError::Code(format!("the rule engine's code: {e}")))?
}

#[wasm_split(signals, fallible)]
fn read_regime_rules(
    url: String,
    body: Rc<String>,
) -> Result<Result<(Rc<RegimeRules>, Plan), LoadError>, SplitLoaderError> {
    Ok(match parse_regime_rules(&body) {
        Ok(doc) => {
            let plan = doc.plan();
            Ok((Rc::new(doc), plan))
        }
        Err(error) => Err(LoadError::RegimeRules { url, error }),
    })
}

/// A profile fetched for the calling component: a resource whose request is aborted when
/// the component goes away (see [`crate::web::net::Cancel`]). The series the widget shows
/// (`wants`) start loading as soon as the profile is read, for its parts to pick up ([`Warm`]).
///
/// ```no_run
/// # use leptos::prelude::*; use barfinex_widgets::web::load::Wants;
/// let profile = barfinex_widgets::web::load::profile_resource("/www/data/flux.json".into(), Wants::All);
/// ```
pub fn profile_resource(
    src: String,
    wants: Wants,
) -> ErasedResource<Result<Rc<Profile>, LoadError>> {
    let cancel = Cancel::for_this_owner();
    let warm = Warm::provide();
    let ctx = use_market();
    ErasedResource::new(move || {
        let (src, signal, ctx) = (src.clone(), cancel.signal(), ctx.clone());
        async move {
            let profile = fetch_profile(&src, signal.clone()).await;
            if let Ok(p) = &profile {
                warm.start(p, wants, &ctx, signal);
                // One turn of the task queue before the profile is shown: the loads just
                // started send their requests first, and the view is built while they travel.
                yield_once().await;
            }
            profile
        }
    })
}

/// Pending once: the calling task goes to the back of the queue of tasks ready to run.
async fn yield_once() {
    let mut yielded = false;
    std::future::poll_fn(|cx| {
        if std::mem::replace(&mut yielded, true) {
            return std::task::Poll::Ready(());
        }
        cx.waker().wake_by_ref();
        std::task::Poll::Pending
    })
    .await
}
