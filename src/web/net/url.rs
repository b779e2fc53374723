//! Page-relative URLs made absolute, so messages show where a request really went.

/// Resolves `url` against the document's base URL, so messages show where a request really went.
pub fn absolute_url(url: &str) -> String {
    let base = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.base_uri().ok().flatten());
    match base.map(|b| web_sys::Url::new_with_base(url, &b)) {
        Some(Ok(u)) => u.href(),
        _ => url.to_owned(),
    }
}
