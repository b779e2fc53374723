//! Parsing a profile document: JSON → [`AssetProfile`], with field paths in every error.

use super::{validate, AssetProfile, ProfileError};
use crate::json::Value;

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
    let doc = crate::doc::parse(json).map_err(|e| ProfileError::new("", e.message))?;
    check_version(&doc)?;
    let doc = crate::doc::read_value::<AssetProfile>(&doc)
        .map_err(|e| ProfileError::new(e.path, e.message))?;
    let (profile, unknown_fields) = (doc.value, doc.unknown);
    validate(&profile)?;
    Ok(ParsedProfile {
        profile,
        unknown_fields,
    })
}

/// A profile is an object of version 1: said before its structure is read, so the error names
/// the version rather than some field that moved.
fn check_version(doc: &Value) -> Result<(), ProfileError> {
    let found = match doc {
        Value::Object(map) => return version_of(map.get("version")),
        Value::Array(_) => "an array",
        Value::String(_) => "a string",
        Value::Number(_) => "a number",
        Value::Bool(_) => "a boolean",
        Value::Null => "null",
    };
    Err(ProfileError::new(
        "",
        format!("a profile must be a JSON object, found {found}"),
    ))
}

fn version_of(v: Option<&Value>) -> Result<(), ProfileError> {
    match v {
        None => Err(ProfileError::new(
            "version",
            "missing field (this library reads version 1)",
        )),
        Some(v) if v.as_u64() == Some(u64::from(SUPPORTED_VERSION)) => Ok(()),
        // A number as written; anything else described (a hostile value is not echoed whole).
        Some(v) => Err(ProfileError::new(
            "version",
            format!(
                "unsupported version {} (this library reads version {SUPPORTED_VERSION})",
                match v {
                    Value::Number(n) => crate::doc::number(n),
                    v => crate::doc::found(v),
                }
            ),
        )),
    }
}
