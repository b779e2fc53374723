//! Mount options read at the edge: each field checked for type, length and value before a
//! widget sees it (attributes and `mount()` options are outside data too).

use crate::web::net::absolute_url;
use crate::web::widgets::WidgetConfig;
use barfinex_core::format::quoted;
use barfinex_core::rating::Rules;
use wasm_bindgen::prelude::*;

/// The longest text option (`src` of a regime matrix lists up to 50 URLs).
const MAX_OPTION_BYTES: usize = 64 * 1024;

/// Checks mount options at the edge: the widget name, its theme and its configuration.
pub(super) fn read_options(
    options: JsValue,
) -> Result<(String, &'static str, WidgetConfig), JsError> {
    if !options.is_object() {
        return Err(JsError::new("mount options: expected an object"));
    }
    // Read field by field (a getter may throw: `Reflect.get` is caught), each type checked.
    let field = |key: &str| {
        js_sys::Reflect::get(&options, &JsValue::from_str(key))
            .map_err(|_| JsError::new(&format!("mount options.{key}: cannot be read")))
    };
    let text = |key: &str| -> Result<Option<String>, JsError> {
        let v = field(key)?;
        if v.is_undefined() || v.is_null() {
            return Ok(None);
        }
        let s = v
            .as_string()
            .ok_or_else(|| JsError::new(&format!("mount options.{key}: expected a string")))?;
        // Attributes are outside data too: bounded before anything reads them.
        if s.len() > MAX_OPTION_BYTES {
            return Err(JsError::new(&format!(
                "mount options.{key}: {} bytes; the limit is {MAX_OPTION_BYTES}",
                s.len()
            )));
        }
        Ok(Some(s).filter(|s| !s.trim().is_empty()))
    };
    let theme = match text("theme")?.as_deref() {
        None | Some("auto") => "auto",
        Some("light") => "light",
        Some("dark") => "dark",
        Some(other) => {
            return Err(JsError::new(&format!(
                "mount options.theme: unknown value {}, expected \"light\", \"dark\" or \"auto\"",
                quoted(other)
            )))
        }
    };
    // A relative market URL (`/market`) is the page's own: resolved against it.
    let market = text("market")?.map(|m| absolute_url(&m));
    if let Some(m) = &market {
        barfinex_core::model::check_http_url(m)
            .map_err(|e| JsError::new(&format!("mount options.market: {e}")))?;
    }
    let refresh = match field("refresh")? {
        v if v.is_undefined() || v.is_null() => 0.0,
        v => v
            .as_f64()
            .ok_or_else(|| JsError::new("mount options.refresh: expected a number"))?,
    };
    let refresh = if refresh.is_finite() && refresh >= 1.0 {
        refresh.min(86_400.0) as u32
    } else {
        0
    };
    let persist = match field("persist")? {
        v if v.is_undefined() || v.is_null() => false,
        v => v
            .as_bool()
            .ok_or_else(|| JsError::new("mount options.persist: expected a boolean"))?,
    };
    // 0 (an element without the attribute) or absent: the default, 2.
    let heading_level = match field("headingLevel")? {
        v if v.is_undefined() || v.is_null() => 0.0,
        v => v
            .as_f64()
            .ok_or_else(|| JsError::new("mount options.headingLevel: expected a number"))?,
    };
    let heading_level = if heading_level == 0.0 {
        2
    } else if (1.0..=6.0).contains(&heading_level) && heading_level.fract() == 0.0 {
        heading_level as u8
    } else {
        return Err(JsError::new(&format!(
            "mount options.headingLevel: {} is not a heading level (1 to 6)",
            barfinex_core::float::shortest(heading_level)
        )));
    };
    // A language tag and a zone name are short; anything longer is not one.
    let short = |key: &str| -> Result<Option<String>, JsError> {
        match text(key)? {
            Some(v) if v.len() > 64 => Err(JsError::new(&format!(
                "mount options.{key}: {} bytes; the limit is 64",
                v.len()
            ))),
            v => Ok(v.map(|v| v.trim().to_owned())),
        }
    };
    let time_zone = short("timezone")?;
    let locale = short("locale")?.unwrap_or_else(page_language);
    if let Some(why) = crate::web::reader::refuse(&locale, time_zone.as_deref()) {
        return Err(JsError::new(&format!("mount options.{why}")));
    }
    let config = WidgetConfig {
        src: text("src")?.unwrap_or_default(),
        candles: text("candles")?,
        market,
        refresh,
        persist,
        layout: text("layout")?,
        current: text("current")?,
        rules: text("rules")?,
        heading_level,
        locale,
        time_zone,
        intervals: match text("intervals")? {
            None => Vec::new(),
            Some(list) => barfinex_core::interval::Interval::list(&list)
                .map_err(|e| JsError::new(&format!("mount options.intervals: {e}")))?,
        },
        rating_rules: match text("ratingRules")? {
            None => Rules::default(),
            Some(name) => name
                .parse()
                .map_err(|e| JsError::new(&format!("mount options.ratingRules: {e}")))?,
        },
    };
    let widget = text("widget")?.unwrap_or_else(|| "asset-card".into());
    Ok((widget, theme, config))
}

/// The page's language (`<html lang>`), else the browser's (`navigator.language`), else `en`.
fn page_language() -> String {
    let window = web_sys::window();
    let page = window
        .as_ref()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
        .and_then(|e| e.get_attribute("lang"));
    let browser = || {
        let navigator = js_sys::Reflect::get(window.as_ref()?, &"navigator".into()).ok()?;
        js_sys::Reflect::get(&navigator, &"language".into())
            .ok()?
            .as_string()
    };
    page.filter(|l| !l.trim().is_empty() && l.len() <= 64)
        .or_else(browser)
        .filter(|l| l.len() <= 64)
        .unwrap_or_else(|| "en".to_owned())
}
