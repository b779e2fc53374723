//! The widgets' stylesheet, shared by every shadow root on the page as one constructable
//! `CSSStyleSheet` (adopted, not injected: it passes a strict CSP and never touches the host).
//! It starts with the theme and what any page may show first; the CSS of a body drawn from a
//! chunk of the split build is added when that chunk first builds one ([`add`]), so its text
//! travels in the chunk (wasm-split moves the data only a chunk's code reads).

use super::components::{
    CARD_CSS, CHART_CSS, COMPONENT_CSS, MARKET_CSS, RATING_CSS, REGIMES_CSS, SIGNALS_CSS,
};
use std::cell::RefCell;
use wasm_bindgen::JsValue;
use web_sys::CssStyleSheet;

/// Theme tokens and resets, as written (with its comments); [`stylesheet_text`] ships it minified.
pub const CSS: &str = concat!(include_str!("theme.css"), "\n");

/// `$css` (a `const` `&str`) minified when the crate is compiled, as a `&'static str`: the text
/// is a promoted constant, read only by the code that names it.
macro_rules! minified {
    ($css:expr) => {{
        const N: usize = minify($css.as_bytes(), &mut []);
        const M: [u8; N] = {
            let mut out = [0u8; N];
            minify($css.as_bytes(), &mut out);
            out
        };
        text(&M)
    }};
}

/// The full stylesheet text, for Leptos users who render components outside a shadow root:
/// the theme, then every component's CSS, minified (no comments, only the spaces that separate
/// words).
pub fn stylesheet_text() -> String {
    let mut css = first_text();
    for (_, part) in [card(), market(), rating(), chart(), signals(), regimes()] {
        css.push_str(part);
    }
    css
}

/// The theme and what any page may show first.
fn first_text() -> String {
    let (theme, parts) = (minified!(CSS), minified!(COMPONENT_CSS));
    let mut css = String::with_capacity(theme.len() + parts.len());
    css.push_str(theme);
    css.push_str(parts);
    css
}

// The stylesheets are minified when the crate is compiled: the comments say why a rule is
// there, to us, and the indentation is for us to read; a reader's browser would download both.

/// `css` without its `/* … */` comments (ours contain no strings with `/*`) and with only the
/// whitespace that separates words, written into `out` as far as it reaches; returns the
/// length it needs (so [`minified!`] calls it once with no room to measure, then with exactly
/// that room). Whitespace is dropped beside `{ } ; ,` and after `:` (no selector has a space
/// after a colon), kept as one space elsewhere (`1px solid`, `.a .b`, `calc(a + b)`, `and (`);
/// a `;` before `}` goes too. Quoted strings are copied as written.
const fn minify(css: &[u8], out: &mut [u8]) -> usize {
    const fn tight(b: u8) -> bool {
        matches!(b, b'{' | b'}' | b';' | b',')
    }
    // `last` is the last byte kept: `out` may be too short to hold it.
    let (mut i, mut o, mut last) = (0, 0, 0u8);
    let (mut space, mut quote) = (false, 0u8);
    while i < css.len() {
        let c = css[i];
        if quote != 0 {
            if c == quote {
                quote = 0;
            }
        } else if c == b'/' && i + 1 < css.len() && css[i + 1] == b'*' {
            i += 2;
            while i + 1 < css.len() && !(css[i] == b'*' && css[i + 1] == b'/') {
                i += 1;
            }
            i += 2;
            continue;
        } else if c.is_ascii_whitespace() {
            space = true;
            i += 1;
            continue;
        } else {
            if space && o > 0 && !tight(last) && last != b':' && !tight(c) {
                if o < out.len() {
                    out[o] = b' ';
                }
                o += 1;
            }
            space = false;
            if c == b'}' && last == b';' {
                o -= 1;
            }
            if c == b'"' || c == b'\'' {
                quote = c;
            }
        }
        if o < out.len() {
            out[o] = c;
        }
        o += 1;
        last = c;
        i += 1;
    }
    o
}

/// The text of a minified stylesheet (ASCII but for what quoted strings hold, copied whole).
fn text(minified: &'static [u8]) -> &'static str {
    std::str::from_utf8(minified).unwrap_or_default()
}

/// A part of the stylesheet that a chunk's bodies need.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Part {
    Card = 1,
    Market = 2,
    Rating = 4,
    Chart = 8,
    Signals = 16,
    Regimes = 32,
}

/// The page's sheet, its text and the parts added to it.
struct Sheet {
    sheet: Option<CssStyleSheet>,
    text: String,
    added: u8,
}

thread_local! {
    // Built as a constant: no first-use check or lazy initialiser on each access.
    static SHEET: RefCell<Sheet> = const {
        RefCell::new(Sheet {
            sheet: None,
            text: String::new(),
            added: 0,
        })
    };
}

/// The page's one shared sheet, built on first use.
pub(crate) fn shared_sheet() -> Result<CssStyleSheet, JsValue> {
    SHEET.with(|cell| {
        let mut s = cell.borrow_mut();
        if let Some(sheet) = &s.sheet {
            return Ok(sheet.clone());
        }
        let mut text = first_text();
        text.push_str(&s.text);
        let sheet = CssStyleSheet::new()?;
        sheet.replace_sync(&text)?;
        *s = Sheet {
            sheet: Some(sheet.clone()),
            text,
            added: s.added,
        };
        Ok(sheet)
    })
}

/// A part of the stylesheet with its text, for [`add`].
pub(crate) type PartText = (Part, &'static str);

/// Adds those of `parts` not yet in the page's sheet, each once, and has the sheet parse its text
/// once for all of them (a card's chunk adds six parts, which were six parses of a growing
/// text); every shadow root that adopted the sheet restyles with it. Called by a chunk as it
/// builds a body, before the body is in the page, so no body is ever shown without its rules.
/// Outside the embed (a Leptos app, a server), where no sheet is built, it only records them.
pub(crate) fn add(parts: &[PartText]) {
    SHEET.with(|cell| {
        let Ok(mut s) = cell.try_borrow_mut() else {
            return;
        };
        let before = s.added;
        for &(part, css) in parts {
            if s.added & part as u8 == 0 {
                s.added |= part as u8;
                s.text.push_str(css);
            }
        }
        if s.added == before {
            return;
        }
        if let Some(sheet) = &s.sheet {
            // A sheet that refuses the text keeps its rules: the body shows unstyled, not broken.
            let _ = sheet.replace_sync(&s.text);
        }
    })
}

// Each part's text, named by the split functions that add it (`web/chunks.rs`, the regime
// matrix's body), so it travels in their chunks, and by `stylesheet_text`, which the embed never
// calls. One function per part, not a table, so that a chunk names only its own parts.

/// The card's own content.
pub(crate) fn card() -> PartText {
    (Part::Card, minified!(CARD_CSS))
}

/// The regime list and the regime matrix's table.
pub(crate) fn regimes() -> PartText {
    (Part::Regimes, minified!(REGIMES_CSS))
}

/// The market panel.
pub(crate) fn market() -> PartText {
    (Part::Market, minified!(MARKET_CSS))
}

/// The technical rating.
pub(crate) fn rating() -> PartText {
    (Part::Rating, minified!(RATING_CSS))
}

/// The charts and the sparkline.
pub(crate) fn chart() -> PartText {
    (Part::Chart, minified!(CHART_CSS))
}

/// The signal badges.
pub(crate) fn signals() -> PartText {
    (Part::Signals, minified!(SIGNALS_CSS))
}
