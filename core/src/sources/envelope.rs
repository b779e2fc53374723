//! The fields of a JSON object as raw text, for the envelopes around rows (Bybit's `result`,
//! Kraken's `result`, CoinGecko's three series, generic columns): small fields are then read as
//! [`Cell`]s and rows with [`super::stream::rows`], so no envelope becomes a tree either.

use super::stream::Cell;
use super::wire::invalid_json;
use super::SourceError;
use crate::json::{JsonError, Reader};

/// A field's value as it is written in the body (checked JSON).
#[derive(Clone, Copy, Debug)]
pub(crate) struct Raw<'a>(&'a str);

impl<'a> Raw<'a> {
    pub fn get(&self) -> &'a str {
        self.0
    }
}

/// The fields of a JSON object as raw text, for the keys asked for (the first two, in order, when
/// `keys` is empty): small fields are then read as [`Cell`]s, rows with
/// [`super::stream::rows`]. `None` when the value is not an object.
pub(crate) fn fields_of<'a>(
    json: &'a str,
    keys: &[&str],
) -> Result<Option<Vec<(String, Raw<'a>)>>, SourceError> {
    let mut r = Reader::new(json);
    let mut read = || -> Result<Option<Vec<(String, Raw<'a>)>>, JsonError> {
        if r.peek()? != b'{' {
            r.skip()?;
            return r.end().map(|()| None);
        }
        r.begin()?;
        let (mut out, mut first) = (Vec::new(), true);
        while let Some(k) = r.next_key(&mut first)? {
            // With no keys asked for, the first two fields are kept (a Kraken result: the
            // pair, and `last`), so a hostile object of many fields keeps no more.
            let wanted = if keys.is_empty() {
                out.len() < 2
            } else {
                keys.contains(&&*k)
            };
            if wanted {
                out.push((k.into_owned(), Raw(r.raw()?)));
            } else {
                r.skip()?;
            }
        }
        r.end().map(|()| Some(out))
    };
    read().map_err(invalid_json)
}

/// A raw field read as a [`Cell`].
pub(crate) fn cell(raw: Raw<'_>) -> Cell<'_> {
    Cell::read(&mut Reader::new(raw.0)).unwrap_or(Cell::Null)
}

/// The field `key` of `fields`.
pub(crate) fn get<'a>(fields: &[(String, Raw<'a>)], key: &str) -> Option<Raw<'a>> {
    fields.iter().find(|(k, _)| k == key).map(|(_, v)| *v)
}
