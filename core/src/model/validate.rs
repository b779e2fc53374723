//! Checks serde cannot express: identifiers, required text, and link schemes.

use super::{AssetProfile, Link, ProfileError};

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
                "{:?} is not an identifier (lowercase letters, digits, '-')",
                p.id
            ),
        ));
    }
    non_empty("name", &p.name)?;
    non_empty("symbol", &p.symbol)?;
    for (i, person) in p.persons.iter().enumerate() {
        non_empty(&format!("persons[{i}].name"), &person.name)?;
        if let Some(url) = &person.link {
            check_http_url(url).map_err(|m| ProfileError::new(format!("persons[{i}].link"), m))?;
        }
    }
    for (i, d) in p.drivers.iter().enumerate() {
        non_empty(&format!("drivers[{i}].title"), &d.title)?;
    }
    for (i, inf) in p.influencers.iter().enumerate() {
        non_empty(&format!("influencers[{i}].name"), &inf.name)?;
    }
    for (i, r) in p.regimes.iter().enumerate() {
        non_empty(&format!("regimes[{i}].regime"), &r.regime)?;
    }
    for (i, s) in p.signals.iter().enumerate() {
        non_empty(&format!("signals[{i}].title"), &s.title)?;
    }
    for (i, m) in p.impacts.iter().enumerate() {
        non_empty(&format!("impacts[{i}].name"), &m.name)?;
    }
    for (i, src) in p.sources.iter().enumerate() {
        non_empty(&format!("sources[{i}].series"), &src.series)?;
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
    if let Some(n) = &p.persons_disclaimer {
        links("persons_disclaimer", &n.links)?;
    }
    if let Some(n) = &p.disclaimer {
        links("disclaimer", &n.links)?;
    }
    Ok(())
}

fn links(at: &str, links: &[Link]) -> Result<(), ProfileError> {
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
        Err(ProfileError::new(path, "must not be empty"))
    } else {
        Ok(())
    }
}

/// Accepts absolute `http:` and `https:` URLs only: data must never smuggle in `javascript:`.
pub fn check_http_url(url: &str) -> Result<(), String> {
    let lower = url.trim_start().to_ascii_lowercase();
    let rest = lower
        .strip_prefix("https://")
        .or_else(|| lower.strip_prefix("http://"));
    match rest {
        Some(host) if !host.is_empty() && !host.starts_with('/') => {
            if url.chars().any(|c| c.is_control() || c.is_whitespace()) {
                Err(format!("{url:?} contains whitespace or control characters"))
            } else {
                Ok(())
            }
        }
        _ => Err(format!("{url:?} is not an absolute http(s) URL")),
    }
}
