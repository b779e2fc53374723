//! The fields of a JSON object as raw text, for the envelopes around rows (Bybit's `result`,
//! Kraken's `result`, CoinGecko's three series, generic columns): small fields are then read as
//! [`Cell`]s and rows with [`super::stream::rows`], so no envelope becomes a tree either.

use super::stream::{read, Cell, CellVisitor};
use super::SourceError;
use serde::de::{DeserializeSeed, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde_json::value::RawValue;
use std::fmt;

/// The fields of a JSON object as raw text, for the keys asked for (the first two, in order, when
/// `keys` is empty): small fields are then read as [`Cell`]s, rows with [`rows`]. `None` when
/// the value is not an object.
pub(crate) fn fields_of<'a>(
    json: &'a str,
    keys: &[&str],
) -> Result<Option<Vec<(String, &'a RawValue)>>, SourceError> {
    read(json, Fields { keys })
}

/// A raw field read as a [`Cell`].
pub(crate) fn cell(raw: &RawValue) -> Cell {
    read(raw.get(), std::marker::PhantomData::<Cell>).unwrap_or(Cell::Null)
}

/// The field `key` of `fields`.
pub(crate) fn get<'a>(fields: &[(String, &'a RawValue)], key: &str) -> Option<&'a RawValue> {
    fields.iter().find(|(k, _)| k == key).map(|(_, v)| *v)
}

struct Fields<'k> {
    keys: &'k [&'k str],
}

impl<'de> DeserializeSeed<'de> for Fields<'_> {
    type Value = Option<Vec<(String, &'de RawValue)>>;
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for Fields<'_> {
    type Value = Option<Vec<(String, &'de RawValue)>>;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("an object")
    }
    fn visit_map<A: MapAccess<'de>>(self, mut m: A) -> Result<Self::Value, A::Error> {
        let mut out = Vec::new();
        while let Some(k) = m.next_key::<std::borrow::Cow<'de, str>>()? {
            // With no keys asked for, the first two fields are kept (a Kraken result: the
            // pair, and `last`), so a hostile object of many fields keeps no more.
            let wanted = if self.keys.is_empty() {
                out.len() < 2
            } else {
                self.keys.contains(&&*k)
            };
            if wanted {
                out.push((k.into_owned(), m.next_value::<&'de RawValue>()?));
            } else {
                m.next_value::<IgnoredAny>()?;
            }
        }
        Ok(Some(out))
    }
    fn visit_seq<A: SeqAccess<'de>>(self, s: A) -> Result<Self::Value, A::Error> {
        CellVisitor.visit_seq(s).map(|_| None)
    }
    fn visit_f64<E>(self, _: f64) -> Result<Self::Value, E> {
        Ok(None)
    }
    fn visit_i64<E>(self, _: i64) -> Result<Self::Value, E> {
        Ok(None)
    }
    fn visit_u64<E>(self, _: u64) -> Result<Self::Value, E> {
        Ok(None)
    }
    fn visit_str<E>(self, _: &str) -> Result<Self::Value, E> {
        Ok(None)
    }
    fn visit_bool<E>(self, _: bool) -> Result<Self::Value, E> {
        Ok(None)
    }
    fn visit_unit<E>(self) -> Result<Self::Value, E> {
        Ok(None)
    }
}
