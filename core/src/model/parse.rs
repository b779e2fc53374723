//! Parsing a profile document: JSON → [`AssetProfile`], with field paths in every error.

use super::{validate, AssetProfile, ProfileError};
use serde::Deserialize;

/// The format major version this library reads.
pub const SUPPORTED_VERSION: u32 = 1;

/// A parsed, validated profile and the fields this reader did not know.
#[derive(Clone, Debug, PartialEq)]
pub struct ParsedProfile {
    pub profile: AssetProfile,
    /// Paths of unknown fields, ignored for forward compatibility (e.g. `drivers[0].weight`).
    pub unknown_fields: Vec<String>,
}

/// Parses and validates a version-1 profile document.
///
/// Unknown fields are ignored and reported in [`ParsedProfile::unknown_fields`]; a document of
/// another major version is rejected before its structure is read, so the error names the
/// version rather than some field that moved.
///
/// ```
/// use barfinex_core::model::parse_profile;
/// let bad = r#"{"version":1,"id":"x","name":"X","symbol":"X",
///   "drivers":[{"title":"t","direction":"Up","category":"macro"}]}"#;
/// let err = parse_profile(bad).unwrap_err();
/// assert_eq!(err.path, "drivers[0].direction");
/// assert!(err.message.starts_with("unknown value \"Up\""));
/// ```
pub fn parse_profile(json: &str) -> Result<ParsedProfile, ProfileError> {
    check_version(json)?;
    let doc = crate::doc::read::<AssetProfile>(json)
        .map_err(|e| ProfileError::new(e.path, friendly(&e.error)))?;
    let (profile, unknown_fields) = (doc.value, doc.unknown);
    validate(&profile)?;
    Ok(ParsedProfile {
        profile,
        unknown_fields,
    })
}

fn check_version(json: &str) -> Result<(), ProfileError> {
    #[derive(Deserialize)]
    struct Header {
        version: Option<serde_json::Value>,
    }
    // serde would read a struct from an array too; a profile is an object, so say so first.
    let found = match json.trim_start().chars().next() {
        Some('[') => Some("an array"),
        Some('"') => Some("a string"),
        Some('0'..='9' | '-') => Some("a number"),
        Some('t' | 'f') => Some("a boolean"),
        Some('n') => Some("null"),
        _ => None,
    };
    if let Some(found) = found {
        return Err(ProfileError::new(
            "",
            format!("a profile must be a JSON object, found {found}"),
        ));
    }
    let header: Header = crate::doc::read(json)
        .map_err(|e| ProfileError::new("", friendly(&e.error)))?
        .value;
    match header.version {
        None => Err(ProfileError::new(
            "version",
            "missing field (this library reads version 1)",
        )),
        Some(v) if v.as_u64() == Some(u64::from(SUPPORTED_VERSION)) => Ok(()),
        Some(v) => Err(ProfileError::new(
            "version",
            format!("unsupported version {v} (this library reads version {SUPPORTED_VERSION})"),
        )),
    }
}

/// serde's wording, made readable for people who do not write Rust.
fn friendly(e: &serde_json::Error) -> String {
    let text = e
        .to_string()
        .replace("unknown variant", "unknown value")
        .replace('`', "\"");
    match e.classify() {
        serde_json::error::Category::Syntax | serde_json::error::Category::Eof => {
            format!("invalid JSON: {text}")
        }
        _ => text,
    }
}
