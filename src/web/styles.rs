//! The widgets' stylesheet, shared by every shadow root on the page as one constructable
//! `CSSStyleSheet` (adopted, not injected: it passes a strict CSP and never touches the host).

use std::cell::OnceCell;
use wasm_bindgen::JsValue;
use web_sys::CssStyleSheet;

/// Theme tokens and resets, as written (with its comments); [`stylesheet_text`] ships it minified.
pub const CSS: &str = concat!(include_str!("theme.css"), "\n");

/// The full stylesheet text, for Leptos users who render components outside a shadow root:
/// the theme, then every component's CSS, minified (no comments, only the spaces that separate
/// words).
pub fn stylesheet_text() -> String {
    let (theme, parts) = (text(&THEME), text(&PARTS));
    let mut css = String::with_capacity(theme.len() + parts.len());
    css.push_str(theme);
    css.push_str(parts);
    css
}

// The stylesheets minified when the crate is compiled: the comments say why a rule is there,
// to us, and the indentation is for us to read; a reader's browser would download both.
const THEME: ([u8; CSS.len()], usize) = minify(CSS.as_bytes());
const COMPONENTS: &str = super::components::COMPONENT_CSS;
const PARTS: ([u8; COMPONENTS.len()], usize) = minify(COMPONENTS.as_bytes());

/// `css` without its `/* … */` comments (ours contain no strings with `/*`) and with only the
/// whitespace that separates words, and its length. Whitespace is dropped beside `{ } ; ,` and
/// after `:` (no selector has a space after a colon), kept as one space elsewhere (`1px solid`,
/// `.a .b`, `calc(a + b)`, `and (`); a `;` before `}` goes too. Quoted strings are copied as
/// written.
const fn minify<const N: usize>(css: &[u8]) -> ([u8; N], usize) {
    const fn tight(b: u8) -> bool {
        matches!(b, b'{' | b'}' | b';' | b',')
    }
    let mut out = [0u8; N];
    let (mut i, mut o) = (0, 0);
    let (mut space, mut quote) = (false, 0u8);
    while i < css.len() && o < N {
        let c = css[i];
        if quote != 0 {
            out[o] = c;
            o += 1;
            i += 1;
            if c == quote {
                quote = 0;
            }
        } else if c == b'/' && i + 1 < css.len() && css[i + 1] == b'*' {
            i += 2;
            while i + 1 < css.len() && !(css[i] == b'*' && css[i + 1] == b'/') {
                i += 1;
            }
            i += 2;
        } else if c.is_ascii_whitespace() {
            space = true;
            i += 1;
        } else {
            if space && o > 0 && !tight(out[o - 1]) && out[o - 1] != b':' && !tight(c) {
                out[o] = b' ';
                o += 1;
            }
            space = false;
            if c == b'}' && o > 0 && out[o - 1] == b';' {
                o -= 1;
            }
            if c == b'"' || c == b'\'' {
                quote = c;
            }
            out[o] = c;
            o += 1;
            i += 1;
        }
    }
    (out, o)
}

/// The text of a minified stylesheet (only ASCII is cut, so no UTF-8 character is split).
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
