//! Checks serde cannot express: identifiers, required text, link schemes, and how much one
//! profile may hold (every widget on a page shares one module, so no list and no text may grow
//! without bound; the JSON Schema states the same limits).

use super::{AssetProfile, Link, ProfileError};
use crate::format::quoted;
use crate::text;

/// Characters (Unicode scalar values, as JSON Schema's `maxLength` counts them) in one text.
pub const MAX_TEXT_CHARS: usize = 100_000;
/// The most characters in a series' `label` (it names a row, not a paragraph).
pub const MAX_LABEL_CHARS: usize = 80;
/// Drivers, influencers, key persons and impacts, each.
pub const MAX_ENTRIES: usize = 500;
/// Signals (each may carry a rule scored on every refresh).
pub const MAX_SIGNALS: usize = 100;
/// Regime behaviours.
pub const MAX_REGIMES: usize = 64;
/// Series sources (each may be fetched by every reader).
pub const MAX_SOURCES: usize = 32;
/// Fallbacks of one source.
pub const MAX_FALLBACKS: usize = 8;
/// Links of one notice.
pub const MAX_LINKS: usize = 32;

/// Checks a parsed profile beyond its shape. Returns the first fault, with its path.
pub fn validate(p: &AssetProfile) -> Result<(), ProfileError> {
    if p.id.is_empty()
        || !p
            .id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
    {
        return Err(ProfileError::new(
            "id",
            format!(
                "{} is not an identifier (lowercase letters, digits, '-')",
                quoted(&p.id)
            ),
        ));
    }
    for (at, n, max) in [
        ("persons", p.persons.len(), MAX_ENTRIES),
        ("drivers", p.drivers.len(), MAX_ENTRIES),
        ("influencers", p.influencers.len(), MAX_ENTRIES),
        ("impacts", p.impacts.len(), MAX_ENTRIES),
        ("signals", p.signals.len(), MAX_SIGNALS),
        ("regimes", p.regimes.len(), MAX_REGIMES),
    ] {
        count(At::top(at), n, max)?;
    }
    if let Some(lang) = &p.lang {
        if !is_language_tag(lang) {
            return Err(ProfileError::new(
                "lang",
                format!("{} is not a language tag (en, ru-RU)", quoted(lang)),
            ));
        }
    }
    non_empty(At::top("name"), &p.name)?;
    non_empty(At::top("symbol"), &p.symbol)?;
    text(At::top("description"), &p.description)?;
    for (i, person) in p.persons.iter().enumerate() {
        non_empty(At::entry("persons", i, "name"), &person.name)?;
        text(At::entry("persons", i, "role"), &person.role)?;
        if let Some(url) = &person.link {
            check_http_url(url)
                .map_err(|m| ProfileError::new(At::entry("persons", i, "link").path(), m))?;
        }
    }
    for (i, d) in p.drivers.iter().enumerate() {
        non_empty(At::entry("drivers", i, "title"), &d.title)?;
        text(At::entry("drivers", i, "text"), &d.text)?;
    }
    for (i, inf) in p.influencers.iter().enumerate() {
        non_empty(At::entry("influencers", i, "name"), &inf.name)?;
        text(At::entry("influencers", i, "group"), &inf.group)?;
        text(At::entry("influencers", i, "influence"), &inf.influence)?;
    }
    for (i, r) in p.regimes.iter().enumerate() {
        non_empty(At::entry("regimes", i, "regime"), &r.regime)?;
        text(At::entry("regimes", i, "text"), &r.text)?;
    }
    for (i, s) in p.signals.iter().enumerate() {
        non_empty(At::entry("signals", i, "title"), &s.title)?;
        text(At::entry("signals", i, "description"), &s.description)?;
    }
    for (i, m) in p.impacts.iter().enumerate() {
        non_empty(At::entry("impacts", i, "name"), &m.name)?;
        text(At::entry("impacts", i, "text"), &m.text)?;
    }
    check_sources(&p.sources)?;
    for (at, links_at, n) in [
        (
            "persons_disclaimer.text",
            "persons_disclaimer.links",
            &p.persons_disclaimer,
        ),
        ("disclaimer.text", "disclaimer.links", &p.disclaimer),
    ] {
        if let Some(n) = n {
            text(At::top(at), &n.text)?;
            links(links_at, &n.links)?;
        }
    }
    Ok(())
}

/// Where a checked value sits (`drivers[2].title`), made into text only for an error: a
/// valid profile of 500 entries per list costs no allocation per field.
#[derive(Clone, Copy)]
struct At<'a> {
    list: &'a str,
    index: Option<usize>,
    field: &'a str,
}

impl<'a> At<'a> {
    fn top(path: &'a str) -> Self {
        Self {
            list: path,
            index: None,
            field: "",
        }
    }

    fn entry(list: &'a str, index: usize, field: &'a str) -> Self {
        Self {
            list,
            index: Some(index),
            field,
        }
    }

    fn path(self) -> String {
        let mut path = self.list.to_owned();
        if let Some(i) = self.index {
            path.push('[');
            path.push_str(&i.to_string());
            path.push(']');
        }
        if !self.field.is_empty() {
            path.push('.');
            path.push_str(self.field);
        }
        path
    }
}

/// The checks of a profile's `sources`, for any document that lists sources (the regime rules
/// too): at most [`MAX_SOURCES`], each named, with at most [`MAX_FALLBACKS`], http(s) base URLs
/// and valid endpoints.
pub fn check_sources(sources: &[super::SeriesSource]) -> Result<(), ProfileError> {
    count(At::top("sources"), sources.len(), MAX_SOURCES)?;
    for (i, src) in sources.iter().enumerate() {
        non_empty(At::entry("sources", i, "series"), &src.series)?;
        if let Some(label) = &src.label {
            let n = label.chars().count();
            if n == 0 || n > MAX_LABEL_CHARS {
                return Err(ProfileError::new(
                    At::entry("sources", i, "label").path(),
                    format!("{n} characters; a label has 1 to {MAX_LABEL_CHARS}"),
                ));
            }
        }
        count(
            At::entry("sources", i, "fallbacks"),
            src.fallbacks.len(),
            MAX_FALLBACKS,
        )?;
        for (j, e) in src.endpoints().iter().enumerate() {
            let at = || {
                let mut at = At::entry("sources", i, "").path();
                if j > 0 {
                    at.push_str(&At::entry(".fallbacks", j - 1, "").path());
                }
                at
            };
            if let Some(url) = &e.base_url {
                check_http_url(url).map_err(|m| ProfileError::new(at() + ".base_url", m))?;
            }
            // Only exchanges need a symbol: a document may leave its URL to the page.
            e.check().map_err(|m| ProfileError::new(at(), m))?;
        }
    }
    Ok(())
}

/// A required text of at most [`MAX_TEXT_CHARS`] characters (for other documents' checks).
pub fn check_name(path: &str, value: &str) -> Result<(), ProfileError> {
    non_empty(At::top(path), value)
}

/// An optional text of at most [`MAX_TEXT_CHARS`] characters (for other documents' checks).
pub fn check_text(path: &str, value: &str) -> Result<(), ProfileError> {
    text(At::top(path), value)
}

fn links(at: &str, links: &[Link]) -> Result<(), ProfileError> {
    count(At::top(at), links.len(), MAX_LINKS)?;
    for (i, link) in links.iter().enumerate() {
        non_empty(At::entry(at, i, "label"), &link.label)?;
        if let Some(url) = &link.url {
            check_http_url(url)
                .map_err(|m| ProfileError::new(At::entry(at, i, "url").path(), m))?;
        }
    }
    Ok(())
}

fn non_empty(at: At, value: &str) -> Result<(), ProfileError> {
    if value.chars().all(text::is_space) {
        return Err(ProfileError::new(at.path(), "must not be empty"));
    }
    text(at, value)
}

/// At most [`MAX_TEXT_CHARS`] characters (bytes bound them from above: only a long text pays for
/// counting).
fn text(at: At, value: &str) -> Result<(), ProfileError> {
    if value.len() > MAX_TEXT_CHARS {
        let n = value.chars().count();
        if n > MAX_TEXT_CHARS {
            return Err(ProfileError::new(
                at.path(),
                format!("{n} characters; the limit is {MAX_TEXT_CHARS}"),
            ));
        }
    }
    Ok(())
}

fn count(at: At, n: usize, max: usize) -> Result<(), ProfileError> {
    if n > max {
        return Err(ProfileError::new(
            at.path(),
            format!("{n} entries; the limit is {max}"),
        ));
    }
    Ok(())
}

/// Accepts absolute `http:` and `https:` URLs only: data must never smuggle in `javascript:`.
/// A user name or password in the URL is refused too (browsers refuse to fetch it, and readers
/// would see it); messages show the URL as readers would ([`crate::format::shown_url`]).
pub fn check_http_url(url: &str) -> Result<(), String> {
    let shown = crate::format::shown_url(url);
    let lower = text::trim_start(url, text::SPACE).to_ascii_lowercase();
    let rest = lower
        .strip_prefix("https://")
        .or_else(|| lower.strip_prefix("http://"));
    match rest {
        Some(host) if !host.is_empty() && !host.starts_with('/') => {
            let authority = text::split(host, b"/?#").next().unwrap_or("");
            if url.chars().any(|c| c.is_control() || text::is_space(c)) {
                Err(format!(
                    "{} contains whitespace or control characters",
                    quoted(&shown)
                ))
            } else if text::contains(authority, b"@") {
                Err(format!(
                    "{} contains a user name or password",
                    quoted(&shown)
                ))
            } else {
                Ok(())
            }
        }
        _ => Err(format!("{} is not an absolute http(s) URL", quoted(&shown))),
    }
}

/// A BCP 47 tag's shape: a 2–8 letter language, then subtags of 1–8 letters or digits, at most
/// 35 bytes (it lands in a `lang` attribute; `Intl` is not asked here, in the pure core).
fn is_language_tag(s: &str) -> bool {
    let mut parts = text::split(s, b"-");
    let first = parts.next().unwrap_or("");
    s.len() <= 35
        && (2..=8).contains(&first.len())
        && first.bytes().all(|b| b.is_ascii_alphabetic())
        && parts.all(|p| (1..=8).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_alphanumeric()))
}
