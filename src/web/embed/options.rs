//! Mount options read at the edge: each field checked for type, length and value before a
//! widget sees it (attributes and `mount()` options are outside data too).

use crate::web::net::absolute_url;
use crate::web::widgets::WidgetConfig;
use barfinex_core::format::quoted;
use barfinex_core::rating::Rules;
use barfinex_core::text;
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
    let o = Options(options);
    let theme = match o.text("theme")?.as_deref() {
        None | Some("auto") => "auto",
        Some("light") => "light",
        Some("dark") => "dark",
        Some(other) => {
            return Err(refused(
                "theme",
                &format!(
                    "unknown value {}, expected \"light\", \"dark\" or \"auto\"",
                    quoted(other)
                ),
            ))
        }
    };
    // A relative market URL (`/market`) is the page's own: resolved against it.
    let market = o.text("market")?.map(|m| absolute_url(&m));
    if let Some(m) = &market {
        barfinex_core::model::check_http_url(m).map_err(|e| refused("market", &e))?;
    }
    let refresh = o.number("refresh")?.unwrap_or(0.0);
    let refresh = if refresh.is_finite() && refresh >= 1.0 {
        refresh.min(86_400.0) as u32
    } else {
        0
    };
    let persist = match o.field("persist")? {
        None => false,
        Some(v) => v
            .as_bool()
            .ok_or_else(|| refused("persist", "expected a boolean"))?,
    };
    // 0 (an element without the attribute) or absent: the default, 2.
    let heading_level = match o.number("headingLevel")?.unwrap_or(0.0) {
        0.0 => 2,
        n if (1.0..=6.0).contains(&n) && n.fract() == 0.0 => n as u8,
        n => {
            return Err(refused(
                "headingLevel",
                &format!(
                    "{} is not a heading level (1 to 6)",
                    barfinex_core::float::shortest(n)
                ),
            ))
        }
    };
    let time_zone = o.short("timezone")?;
    let locale = o.short("locale")?.unwrap_or_else(page_language);
    if let Some(why) = crate::web::reader::refuse(&locale, time_zone.as_deref()) {
        return Err(JsError::new(&format!("mount options.{why}")));
    }
    let config = WidgetConfig {
        src: o.text("src")?.unwrap_or_default(),
        candles: o.text("candles")?,
        market,
        refresh,
        persist,
        layout: o.text("layout")?,
        current: o.text("current")?,
        rules: o.text("rules")?,
        heading_level,
        locale,
        time_zone,
        intervals: match o.text("intervals")? {
            None => Vec::new(),
            Some(list) => barfinex_core::interval::Interval::list(&list)
                .map_err(|e| refused("intervals", &e))?,
        },
        rating_rules: match o.text("ratingRules")? {
            None => Rules::default(),
            Some(name) => name
                .parse()
                .map_err(|e: String| refused("ratingRules", &e))?,
        },
    };
    let widget = o.text("widget")?.unwrap_or_else(|| "asset-card".into());
    Ok((widget, theme, config))
}

/// The error for option `key`, as `mount()` throws it.
fn refused(key: &str, why: &str) -> JsError {
    JsError::new(&format!("mount options.{key}: {why}"))
}

/// The options object, read field by field. Each reader is one function for every field
/// (not inlined at a dozen call sites): the module is downloaded by every page.
struct Options(JsValue);

impl Options {
    /// A field, `None` when absent or null. A getter may throw: `Reflect.get` catches it.
    #[inline(never)]
    fn field(&self, key: &str) -> Result<Option<JsValue>, JsError> {
        let v = js_sys::Reflect::get(&self.0, &JsValue::from_str(key))
            .map_err(|_| refused(key, "cannot be read"))?;
        Ok(Some(v).filter(|v| !v.is_undefined() && !v.is_null()))
    }

    /// A text field, bounded before anything reads it (attributes are outside data too);
    /// blank reads as absent.
    #[inline(never)]
    fn text(&self, key: &str) -> Result<Option<String>, JsError> {
        let Some(v) = self.field(key)? else {
            return Ok(None);
        };
        let s = v
            .as_string()
            .ok_or_else(|| refused(key, "expected a string"))?;
        if s.len() > MAX_OPTION_BYTES {
            return Err(refused(
                key,
                &format!("{} bytes; the limit is {MAX_OPTION_BYTES}", s.len()),
            ));
        }
        Ok(Some(s).filter(|s| !text::trim_space(s).is_empty()))
    }

    /// A language tag or a zone name: short, so anything longer is not one.
    fn short(&self, key: &str) -> Result<Option<String>, JsError> {
        match self.text(key)? {
            Some(v) if v.len() > 64 => {
                Err(refused(key, &format!("{} bytes; the limit is 64", v.len())))
            }
            v => Ok(v.map(|v| text::trim_space(&v).to_owned())),
        }
    }

    #[inline(never)]
    fn number(&self, key: &str) -> Result<Option<f64>, JsError> {
        self.field(key)?
            .map(|v| v.as_f64().ok_or_else(|| refused(key, "expected a number")))
            .transpose()
    }
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
    page.filter(|l| !text::trim_space(l).is_empty() && l.len() <= 64)
        .or_else(browser)
        .filter(|l| l.len() <= 64)
        .unwrap_or_else(|| "en".to_owned())
}
