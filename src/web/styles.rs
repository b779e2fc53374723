//! The widgets' stylesheet, shared by every shadow root on the page as one constructable
//! `CSSStyleSheet` (adopted, not injected: it passes a strict CSP and never touches the host).

use std::cell::OnceCell;
use wasm_bindgen::JsValue;
use web_sys::CssStyleSheet;

/// Theme tokens and resets, then every component's CSS.
pub const CSS: &str = concat!(include_str!("theme.css"), "\n");

/// The full stylesheet text, for Leptos users who render components outside a shadow root.
pub fn stylesheet_text() -> String {
    let mut css = String::with_capacity(CSS.len() + super::components::COMPONENT_CSS.len());
    css.push_str(CSS);
    css.push_str(super::components::COMPONENT_CSS);
    css
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
