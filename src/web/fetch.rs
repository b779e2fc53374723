//! Fetching profiles in the browser with gloo-net. Every failure becomes a [`LoadError`] that
//! names the URL and the cause, so one widget shows it and the rest of the page carries on.

use crate::web::net::{get_text, Policy};
use barfinex_core::model::{parse_profile, AssetProfile, ProfileError};
use barfinex_core::signals::{parse_regime_rules, RegimeRules};
use barfinex_core::sources::{parse_candles_json, CandlesDoc, SourceError};
use std::fmt;
use std::rc::Rc;

/// Why a widget could not load its data.
#[derive(Clone, Debug, PartialEq)]
pub enum LoadError {
    /// No `src` was given.
    NoSource,
    /// The request never produced a response. Browsers report a CORS refusal and a network
    /// failure alike, so the message cannot tell them apart.
    Network { url: String, detail: String },
    /// The server answered with a status outside 200–299 (after `attempts` tries).
    Http {
        url: String,
        status: u16,
        status_text: String,
        attempts: u32,
    },
    /// No response within the per-request timeout.
    Timeout { url: String, ms: u32 },
    /// The widget went away; nobody waits for this request any more.
    Aborted { url: String },
    /// A body over the size limit.
    TooLarge { url: String, limit: usize },
    /// An HTML page where data was expected (a login wall, a proxy's error page).
    NotData { url: String, content_type: String },
    /// A body the source's parser refused; `error` names the position.
    Parse { url: String, error: SourceError },
    /// Every source of a series failed; one line per source, in the order tried.
    AllSources {
        series: String,
        failures: Vec<String>,
    },
    /// The body could not be read.
    Body { url: String, detail: String },
    /// The body is not a valid profile; `error` names the field path.
    Profile { url: String, error: ProfileError },
    /// The body is not a valid candles document; `error` names the position.
    Candles { url: String, error: SourceError },
    /// The body is not a valid regime-rules document; `error` names the field path.
    RegimeRules { url: String, error: String },
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::NoSource => f.write_str("no profile URL given (set the src attribute)"),
            Self::Network { url, detail } => write!(
                f,
                "GET {url} failed: network error or CORS refusal (browsers report both alike): {detail}"
            ),
            Self::Http { url, status, status_text, attempts } => {
                write!(f, "GET {url}: HTTP {status}")?;
                if !status_text.is_empty() {
                    write!(f, " {status_text}")?;
                }
                if *attempts > 1 {
                    write!(f, " (after {attempts} attempts)")?;
                }
                Ok(())
            }
            Self::Timeout { url, ms } => write!(f, "GET {url}: no response within {:.1} s (timeout)", *ms as f64 / 1000.0),
            Self::Aborted { url } => write!(f, "GET {url}: cancelled"),
            Self::TooLarge { url, limit } => write!(f, "GET {url}: response larger than {} MB", limit >> 20),
            Self::NotData { url, content_type } => write!(f, "GET {url}: got an HTML page ({content_type}), not data"),
            Self::Parse { url, error } => write!(f, "{url}: cannot read the response: {error}"),
            Self::AllSources { series, failures } => {
                write!(f, "no source could provide \"{series}\": ")?;
                for (i, m) in failures.iter().enumerate() {
                    write!(f, "{}{}) {m}", if i > 0 { "; " } else { "" }, i + 1)?;
                }
                Ok(())
            }
            Self::Body { url, detail } => write!(f, "GET {url}: could not read the body: {detail}"),
            Self::Profile { url, error } => write!(f, "{url}: invalid profile: {error}"),
            Self::Candles { url, error } => write!(f, "{url}: invalid candles: {error}"),
            Self::RegimeRules { url, error } => write!(f, "{url}: invalid regime rules: {error}"),
        }
    }
}

impl std::error::Error for LoadError {}

/// Resolves `url` against the document's base URL, so messages show where a request really went.
pub fn absolute_url(url: &str) -> String {
    let base = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.base_uri().ok().flatten());
    match base.map(|b| web_sys::Url::new_with_base(url, &b)) {
        Some(Ok(u)) => u.href(),
        _ => url.to_owned(),
    }
}

/// GETs a document page-relative URL through [`crate::web::net`] (retries, cache, sharing);
/// returns its absolute URL and body.
async fn fetch_document(
    src: &str,
    cancel: Option<web_sys::AbortSignal>,
) -> Result<(String, Rc<str>), LoadError> {
    if src.trim().is_empty() {
        return Err(LoadError::NoSource);
    }
    let url = absolute_url(src);
    let fetched = get_text(&url, &Policy::default(), cancel, false).await?;
    Ok((url, fetched.body))
}

/// Fetches and parses a profile document (with the retry, cache and de-duplication of
/// [`crate::web::net`]).
///
/// ```no_run
/// # async fn demo() {
/// let profile = barfinex_widgets::web::fetch::fetch_profile("/www/data/flux.json", None).await;
/// # }
/// ```
pub async fn fetch_profile(
    src: &str,
    cancel: Option<web_sys::AbortSignal>,
) -> Result<Rc<AssetProfile>, LoadError> {
    let (url, body) = fetch_document(src, cancel).await?;
    let parsed = parse_profile(&body).map_err(|error| LoadError::Profile {
        url: url.clone(),
        error,
    })?;
    if !parsed.unknown_fields.is_empty() {
        web_sys::console::warn_1(
            &format!(
                "{url}: ignored unknown fields: {}",
                parsed.unknown_fields.join(", ")
            )
            .into(),
        );
    }
    Ok(Rc::new(parsed.profile))
}

/// Fetches and parses a candles document (see `barfinex_core::sources::parse_candles_json`).
pub async fn fetch_candles(
    src: &str,
    cancel: Option<web_sys::AbortSignal>,
) -> Result<Rc<CandlesDoc>, LoadError> {
    let (url, body) = fetch_document(src, cancel).await?;
    let doc = parse_candles_json(&body).map_err(|error| LoadError::Candles { url, error })?;
    Ok(Rc::new(doc))
}

/// Fetches and parses a regime-rules document (see `barfinex_core::signals::RegimeRules`).
pub async fn fetch_regime_rules(
    src: &str,
    cancel: Option<web_sys::AbortSignal>,
) -> Result<Rc<RegimeRules>, LoadError> {
    let (url, body) = fetch_document(src, cancel).await?;
    let doc = parse_regime_rules(&body).map_err(|error| LoadError::RegimeRules { url, error })?;
    Ok(Rc::new(doc))
}

/// A profile fetched for the calling component: a `LocalResource` whose request is aborted when
/// the component goes away (see [`crate::web::net::Cancel`]).
///
/// ```no_run
/// # use leptos::prelude::*;
/// let profile = barfinex_widgets::web::fetch::profile_resource("/www/data/flux.json".into());
/// ```
pub fn profile_resource(
    src: String,
) -> leptos::prelude::LocalResource<Result<Rc<AssetProfile>, LoadError>> {
    let cancel = crate::web::net::Cancel::for_this_owner();
    leptos::prelude::LocalResource::new(move || {
        let (src, signal) = (src.clone(), cancel.signal());
        async move { fetch_profile(&src, signal).await }
    })
}
