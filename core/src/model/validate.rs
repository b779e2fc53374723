//! Checks serde cannot express: identifiers, required text, link schemes, and how much one
//! profile may hold (every widget on a page shares one module, so no list and no text may grow
//! without bound; the JSON Schema states the same limits).

use super::{AssetProfile, Link, ProfileError};
use crate::format::quoted;

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
        count(at, n, max)?;
    }
    if let Some(lang) = &p.lang {
        if !is_language_tag(lang) {
            return Err(ProfileError::new(
                "lang",
                format!("{} is not a language tag (en, ru-RU)", quoted(lang)),
            ));
        }
    }
    non_empty("name", &p.name)?;
    non_empty("symbol", &p.symbol)?;
    text("description", &p.description)?;
    for (i, person) in p.persons.iter().enumerate() {
        non_empty(&format!("persons[{i}].name"), &person.name)?;
        text(&format!("persons[{i}].role"), &person.role)?;
        if let Some(url) = &person.link {
            check_http_url(url).map_err(|m| ProfileError::new(format!("persons[{i}].link"), m))?;
        }
    }
    for (i, d) in p.drivers.iter().enumerate() {
        non_empty(&format!("drivers[{i}].title"), &d.title)?;
        text(&format!("drivers[{i}].text"), &d.text)?;
    }
    for (i, inf) in p.influencers.iter().enumerate() {
        non_empty(&format!("influencers[{i}].name"), &inf.name)?;
        text(&format!("influencers[{i}].group"), &inf.group)?;
        text(&format!("influencers[{i}].influence"), &inf.influence)?;
    }
    for (i, r) in p.regimes.iter().enumerate() {
        non_empty(&format!("regimes[{i}].regime"), &r.regime)?;
        text(&format!("regimes[{i}].text"), &r.text)?;
    }
    for (i, s) in p.signals.iter().enumerate() {
        non_empty(&format!("signals[{i}].title"), &s.title)?;
        text(&format!("signals[{i}].description"), &s.description)?;
    }
    for (i, m) in p.impacts.iter().enumerate() {
        non_empty(&format!("impacts[{i}].name"), &m.name)?;
        text(&format!("impacts[{i}].text"), &m.text)?;
    }
    check_sources(&p.sources)?;
    for (at, n) in [
        ("persons_disclaimer", &p.persons_disclaimer),
        ("disclaimer", &p.disclaimer),
    ] {
        if let Some(n) = n {
            text(&format!("{at}.text"), &n.text)?;
            links(at, &n.links)?;
        }
    }
    Ok(())
}

/// The checks of a profile's `sources`, for any document that lists sources (the regime rules
/// too): at most [`MAX_SOURCES`], each named, with at most [`MAX_FALLBACKS`], http(s) base URLs
/// and valid endpoints.
pub fn check_sources(sources: &[super::SeriesSource]) -> Result<(), ProfileError> {
    count("sources", sources.len(), MAX_SOURCES)?;
    for (i, src) in sources.iter().enumerate() {
        non_empty(&format!("sources[{i}].series"), &src.series)?;
        if let Some(label) = &src.label {
            let n = label.chars().count();
            if n == 0 || n > MAX_LABEL_CHARS {
                return Err(ProfileError::new(
                    format!("sources[{i}].label"),
                    format!("{n} characters; a label has 1 to {MAX_LABEL_CHARS}"),
                ));
            }
        }
        count(
            &format!("sources[{i}].fallbacks"),
            src.fallbacks.len(),
            MAX_FALLBACKS,
        )?;
        for (j, e) in src.endpoints().iter().enumerate() {
            let at = if j == 0 {
                format!("sources[{i}]")
            } else {
                format!("sources[{i}].fallbacks[{}]", j - 1)
            };
            if let Some(url) = &e.base_url {
                check_http_url(url).map_err(|m| ProfileError::new(format!("{at}.base_url"), m))?;
            }
            // Only exchanges need a symbol: a document may leave its URL to the page.
            e.check().map_err(|m| ProfileError::new(at, m))?;
        }
    }
    Ok(())
}

/// A required text of at most [`MAX_TEXT_CHARS`] characters (for other documents' checks).
pub fn check_name(path: &str, value: &str) -> Result<(), ProfileError> {
    non_empty(path, value)
}

/// An optional text of at most [`MAX_TEXT_CHARS`] characters (for other documents' checks).
pub fn check_text(path: &str, value: &str) -> Result<(), ProfileError> {
    text(path, value)
}

fn links(at: &str, links: &[Link]) -> Result<(), ProfileError> {
    count(&format!("{at}.links"), links.len(), MAX_LINKS)?;
    for (i, link) in links.iter().enumerate() {
        non_empty(&format!("{at}.links[{i}].label"), &link.label)?;
        if let Some(url) = &link.url {
            check_http_url(url)
                .map_err(|m| ProfileError::new(format!("{at}.links[{i}].url"), m))?;
        }
    }
    Ok(())
}

fn non_empty(path: &str, value: &str) -> Result<(), ProfileError> {
    if value.trim().is_empty() {
        return Err(ProfileError::new(path, "must not be empty"));
    }
    text(path, value)
}

/// At most [`MAX_TEXT_CHARS`] characters (bytes bound them from above: only a long text pays for
/// counting).
fn text(path: &str, value: &str) -> Result<(), ProfileError> {
    if value.len() > MAX_TEXT_CHARS {
        let n = value.chars().count();
        if n > MAX_TEXT_CHARS {
            return Err(ProfileError::new(
                path,
                format!("{n} characters; the limit is {MAX_TEXT_CHARS}"),
            ));
        }
    }
    Ok(())
}

fn count(path: &str, n: usize, max: usize) -> Result<(), ProfileError> {
    if n > max {
        return Err(ProfileError::new(
            path,
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
    let lower = url.trim_start().to_ascii_lowercase();
    let rest = lower
        .strip_prefix("https://")
        .or_else(|| lower.strip_prefix("http://"));
    match rest {
        Some(host) if !host.is_empty() && !host.starts_with('/') => {
            let authority = host.split(['/', '?', '#']).next().unwrap_or("");
            if url.chars().any(|c| c.is_control() || c.is_whitespace()) {
                Err(format!(
                    "{} contains whitespace or control characters",
                    quoted(&shown)
                ))
            } else if authority.contains('@') {
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
    let mut parts = s.split('-');
    let first = parts.next().unwrap_or("");
    s.len() <= 35
        && (2..=8).contains(&first.len())
        && first.bytes().all(|b| b.is_ascii_alphabetic())
        && parts.all(|p| (1..=8).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_alphanumeric()))
}
