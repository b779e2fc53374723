//! The widgets' stylesheet, shared by every shadow root on the page as one constructable
//! `CSSStyleSheet` (adopted, not injected: it passes a strict CSP and never touches the host).

use std::cell::OnceCell;
use wasm_bindgen::JsValue;
use web_sys::CssStyleSheet;

/// Theme tokens and resets, as written (with its comments); [`stylesheet_text`] ships it without.
pub const CSS: &str = concat!(include_str!("theme.css"), "\n");

/// The full stylesheet text, for Leptos users who render components outside a shadow root:
/// the theme, then every component's CSS, without the comments.
pub fn stylesheet_text() -> String {
    let (theme, parts) = (text(&THEME), text(&PARTS));
    let mut css = String::with_capacity(theme.len() + parts.len());
    css.push_str(theme);
    css.push_str(parts);
    css
}

// The stylesheets with their comments taken out when the crate is compiled: the comments say
// why a rule is there, to us; a reader's browser would download them with the wasm.
const THEME: ([u8; CSS.len()], usize) = strip_comments(CSS.as_bytes());
const COMPONENTS: &str = super::components::COMPONENT_CSS;
const PARTS: ([u8; COMPONENTS.len()], usize) = strip_comments(COMPONENTS.as_bytes());

/// `css` without its `/* … */` comments (ours contain no strings with `/*`), and its length.
const fn strip_comments<const N: usize>(css: &[u8]) -> ([u8; N], usize) {
    let mut out = [0u8; N];
    let (mut i, mut o) = (0, 0);
    while i < css.len() && o < N {
        if i + 1 < css.len() && css[i] == b'/' && css[i + 1] == b'*' {
            i += 2;
            while i + 1 < css.len() && !(css[i] == b'*' && css[i + 1] == b'/') {
                i += 1;
            }
            i += 2;
        } else {
            out[o] = css[i];
            o += 1;
            i += 1;
        }
    }
    (out, o)
}

/// The text of a stripped stylesheet (cutting a comment never splits a UTF-8 character).
fn text(stripped: &(impl AsRef<[u8]>, usize)) -> &str {
    let bytes = stripped.0.as_ref();
    std::str::from_utf8(&bytes[..stripped.1.min(bytes.len())]).unwrap_or_default()
}

thread_local! {
    static SHEET: OnceCell<CssStyleSheet> = const { OnceCell::new() };
}

/// The page's one shared sheet, built on first use.
pub(crate) fn shared_sheet() -> Result<CssStyleSheet, JsValue> {
    SHEET.with(|cell| {
        if let Some(sheet) = cell.get() {
            return Ok(sheet.clone());
        }
        let sheet = CssStyleSheet::new()?;
        sheet.replace_sync(&stylesheet_text())?;
        let _ = cell.set(sheet.clone());
        Ok(sheet)
    })
}
