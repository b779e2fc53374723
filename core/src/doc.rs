//! Reading a JSON document into a type: the path of the first fault (`drivers[2].direction`)
//! and the paths of fields nobody reads. Every document — profiles, regime rules, candles
//! documents, signals handed in from JavaScript — goes through this one deserializer stack, so
//! the code serde generates for a type (a `Signal`, a `SeriesSource`, a JSON `Value`) exists
//! once in the wasm, not once per way of reading it.
//!
//! ```
//! use barfinex_core::doc::read;
//! let d = read::<Vec<u8>>("[1, 2]").unwrap();
//! assert_eq!((d.value, d.unknown.len()), (vec![1, 2], 0));
//! let e = read::<Vec<u8>>("[1, -2]").unwrap_err();
//! assert_eq!(e.path, "[1]");
//! ```

use serde::de::DeserializeOwned;

/// A document read: the value, and the fields it had that the type does not read.
#[derive(Clone, Debug, PartialEq)]
pub struct Doc<T> {
    pub value: T,
    /// Paths such as `drivers[0].weight`, in document order.
    pub unknown: Vec<String>,
}

/// Where reading stopped (empty for the document itself), and serde's error.
#[derive(Debug)]
pub struct DocError {
    pub path: String,
    pub error: serde_json::Error,
}

/// Reads `json` as a `T`, the whole text (trailing characters are an error).
pub fn read<T: DeserializeOwned>(json: &str) -> Result<Doc<T>, DocError> {
    let mut unknown = Vec::new();
    let mut de = serde_json::Deserializer::from_str(json);
    let mut on_unknown = |path: serde_ignored::Path<'_>| unknown.push(path_text(&path));
    let ignoring = serde_ignored::Deserializer::new(&mut de, &mut on_unknown);
    let value: T = serde_path_to_error::deserialize(ignoring).map_err(|e| {
        let path = e.path().to_string();
        DocError {
            path: if path == "." { String::new() } else { path },
            error: e.into_inner(),
        }
    })?;
    de.end().map_err(|error| DocError {
        path: String::new(),
        error,
    })?;
    Ok(Doc { value, unknown })
}

/// An ignored field's path, written the way error paths are: `drivers[0].weight`.
fn path_text(path: &serde_ignored::Path<'_>) -> String {
    use serde_ignored::Path;
    match path {
        Path::Root => String::new(),
        Path::Seq { parent, index } => format!("{}[{index}]", path_text(parent)),
        Path::Map { parent, key } => {
            let parent = path_text(parent);
            if parent.is_empty() {
                key.clone()
            } else {
                format!("{parent}.{key}")
            }
        }
        Path::Some { parent }
        | Path::NewtypeStruct { parent }
        | Path::NewtypeVariant { parent } => path_text(parent),
    }
}
