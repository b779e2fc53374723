//! Fetching profiles in the browser with gloo-net. Every failure becomes a [`LoadError`] that
//! names the URL and the cause, so one widget shows it and the rest of the page carries on.

use barfinex_core::model::{parse_profile, AssetProfile, ProfileError};
use barfinex_core::sources::{parse_candles_json, CandlesDoc, SourceError};
use gloo_net::http::Request;
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
    /// The server answered with a status outside 200–299.
    Http {
        url: String,
        status: u16,
        status_text: String,
    },
    /// The body could not be read.
    Body { url: String, detail: String },
    /// The body is not a valid profile; `error` names the field path.
    Profile {
        url: String,
        content_type: Option<String>,
        error: ProfileError,
    },
    /// The body is not a valid candles document; `error` names the position.
    Candles {
        url: String,
        content_type: Option<String>,
        error: SourceError,
    },
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::NoSource => f.write_str("no profile URL given (set the src attribute)"),
            Self::Network { url, detail } => write!(
                f,
                "GET {url} failed: network error or CORS refusal (browsers report both alike): {detail}"
            ),
            Self::Http { url, status, status_text } => {
                write!(f, "GET {url}: HTTP {status}")?;
                if !status_text.is_empty() {
                    write!(f, " {status_text}")?;
                }
                Ok(())
            }
            Self::Body { url, detail } => write!(f, "GET {url}: could not read the body: {detail}"),
            Self::Profile { url, content_type, error } => {
                write!(f, "{url}: invalid profile: {error}")?;
                content_type_note(f, content_type)
            }
            Self::Candles { url, content_type, error } => {
                write!(f, "{url}: invalid candles: {error}")?;
                content_type_note(f, content_type)
            }
        }
    }
}

impl std::error::Error for LoadError {}

/// Names a non-JSON content type: the usual cause of a parse error (an HTML error page).
fn content_type_note(f: &mut fmt::Formatter<'_>, content_type: &Option<String>) -> fmt::Result {
    match content_type {
        Some(ct) if !ct.contains("json") => write!(f, " (content-type {ct})"),
        _ => Ok(()),
    }
}

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

/// GETs `src` and returns the absolute URL, the body and its content type.
async fn fetch_text(src: &str) -> Result<(String, String, Option<String>), LoadError> {
    if src.trim().is_empty() {
        return Err(LoadError::NoSource);
    }
    let url = absolute_url(src);
    let response = Request::get(&url)
        .header("Accept", "application/json")
        .send()
        .await
        .map_err(|e| LoadError::Network {
            url: url.clone(),
            detail: e.to_string(),
        })?;
    if !response.ok() {
        return Err(LoadError::Http {
            url,
            status: response.status(),
            status_text: response.status_text(),
        });
    }
    let content_type = response.headers().get("content-type");
    let body = response.text().await.map_err(|e| LoadError::Body {
        url: url.clone(),
        detail: e.to_string(),
    })?;
    Ok((url, body, content_type))
}

/// Fetches and parses a profile document.
///
/// ```no_run
/// # async fn demo() {
/// let profile = barfinex_widgets::web::fetch::fetch_profile("/www/data/flux.json").await;
/// # }
/// ```
pub async fn fetch_profile(src: &str) -> Result<Rc<AssetProfile>, LoadError> {
    let (url, body, content_type) = fetch_text(src).await?;
    let parsed = parse_profile(&body).map_err(|error| LoadError::Profile {
        url: url.clone(),
        content_type,
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
pub async fn fetch_candles(src: &str) -> Result<Rc<CandlesDoc>, LoadError> {
    let (url, body, content_type) = fetch_text(src).await?;
    let doc = parse_candles_json(&body).map_err(|error| LoadError::Candles {
        url,
        content_type,
        error,
    })?;
    Ok(Rc::new(doc))
}
