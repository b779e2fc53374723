//! Why a widget could not load its data: the transport's errors, and what the documents' and
//! series' readers refuse.

use crate::web::net::NetError;
use barfinex_core::format::shown_url;
use barfinex_core::model::ProfileError;
use barfinex_core::sources::SourceError;
use std::fmt;

/// Why a widget could not load its data.
#[derive(Clone, Debug, PartialEq)]
pub enum LoadError {
    /// No `src` was given.
    NoSource,
    /// The GET failed (network, HTTP status, timeout, cancelled, too large, not data).
    Net(NetError),
    /// A body the source's parser refused; `error` names the position.
    Parse { url: String, error: SourceError },
    /// Every source of a series failed; one line per source, in the order tried, and the kind,
    /// URL and HTTP status of the last failure.
    AllSources {
        series: String,
        failures: Vec<String>,
        kind: &'static str,
        url: Option<String>,
        status: Option<u16>,
    },
    /// The body is not a valid profile; `error` names the field path.
    Profile { url: String, error: ProfileError },
    /// The body is not a valid candles document; `error` names the position.
    Candles { url: String, error: SourceError },
    /// The body is not a valid regime-rules document; `error` names the field path.
    RegimeRules { url: String, error: String },
    /// The code that reads it (a chunk of the split build) could not be loaded: what and why.
    Code(String),
}

impl LoadError {
    /// The kind of failure, stable for scripts (`data-error-kind`), whatever the wording: the
    /// transport's kinds (`timeout`, `http`, `too-large`, …), `parse`, `profile`, `candles`,
    /// `regime-rules`, `endpoint` (no URL could be built), `no-source`, `code` (its reader's
    /// chunk did not load).
    pub fn kind(&self) -> &'static str {
        match self {
            Self::NoSource => "no-source",
            Self::Net(e) => e.kind(),
            Self::Parse { .. } => "parse",
            Self::AllSources { kind, .. } => kind,
            Self::Profile { .. } => "profile",
            Self::Candles { .. } => "candles",
            Self::RegimeRules { .. } => "regime-rules",
            Self::Code(_) => "code",
        }
    }
}

impl LoadError {
    /// The URL that failed, as readers see it (no credentials, query cut): the last one tried
    /// when every source of a series failed; `None` when there was none (no `src`, no URL built).
    pub fn url(&self) -> Option<String> {
        let url = match self {
            Self::NoSource | Self::Code(_) => return None,
            Self::AllSources { url, .. } => url.as_ref()?,
            Self::Net(e) => e.url(),
            Self::Parse { url, .. }
            | Self::Profile { url, .. }
            | Self::Candles { url, .. }
            | Self::RegimeRules { url, .. } => url,
        };
        Some(shown_url(url))
    }

    /// The HTTP status of a refused request (the last one tried, for a series).
    pub fn status(&self) -> Option<u16> {
        match self {
            Self::Net(NetError::Http { status, .. }) => Some(*status),
            Self::AllSources { status, .. } => *status,
            _ => None,
        }
    }
}

impl From<NetError> for LoadError {
    fn from(e: NetError) -> Self {
        LoadError::Net(e)
    }
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::NoSource => f.write_str("no profile URL given (set the src attribute)"),
            Self::Net(e) => e.fmt(f),
            Self::Parse { url, error } => {
                write!(f, "{}: cannot read the response: {error}", shown_url(url))
            }
            Self::AllSources {
                series, failures, ..
            } => {
                write!(f, "no source could provide \"{series}\": ")?;
                for (i, m) in failures.iter().enumerate() {
                    write!(f, "{}{}) {m}", if i > 0 { "; " } else { "" }, i + 1)?;
                }
                Ok(())
            }
            Self::Profile { url, error } => {
                write!(f, "{}: invalid profile: {error}", shown_url(url))
            }
            Self::Candles { url, error } => {
                write!(f, "{}: invalid candles: {error}", shown_url(url))
            }
            Self::RegimeRules { url, error } => {
                write!(f, "{}: invalid regime rules: {error}", shown_url(url))
            }
            Self::Code(why) => f.write_str(why),
        }
    }
}

impl std::error::Error for LoadError {}
