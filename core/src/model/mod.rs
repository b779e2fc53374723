//! The asset profile: one asset's research page as data (format version 1).

mod error;
mod parse;
mod profile;
mod read;
mod source_kind;
mod sources;
mod validate;

pub use error::ProfileError;
pub use parse::{parse_profile, ParsedProfile, SUPPORTED_VERSION};
pub use profile::*;
pub use source_kind::SourceKind;
pub use sources::{Credentials, Endpoint, SeriesSource};
pub use validate::{
    check_http_url, check_name, check_sources, check_text, validate, MAX_ENTRIES, MAX_FALLBACKS,
    MAX_LINKS, MAX_REGIMES, MAX_SIGNALS, MAX_SOURCES, MAX_TEXT_CHARS,
};
