use std::fmt;

/// Why a profile was rejected: the JSON path of the faulty field and what was wrong with it.
///
/// Displays as `drivers[2].direction: unknown value "Up", expected one of …`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ProfileError {
    /// Path in the document, e.g. `drivers[2].direction`; empty for the document itself.
    pub path: String,
    /// What was wrong there.
    pub message: String,
}

impl ProfileError {
    pub fn new(path: impl Into<String>, message: impl Into<String>) -> Self {
        Self {
            path: path.into(),
            message: message.into(),
        }
    }
}

impl fmt::Display for ProfileError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.path.is_empty() || self.path == "." {
            f.write_str(&self.message)
        } else {
            write!(f, "{}: {}", self.path, self.message)
        }
    }
}

impl std::error::Error for ProfileError {}
