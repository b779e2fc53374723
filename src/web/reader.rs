//! The reader of one widget: their language (every word and number the widget shows, from
//! `barfinex_core::locale`) and time zone (times through `Intl.DateTimeFormat`). `mount`
//! provides it from the `locale` and `timezone` attributes, else the page's `lang`, else the
//! browser's language, with a table other than English's loaded from its chunk
//! (`web::chunks::locale`); a Leptos app calls `provide_context`.
//!
//! ```no_run
//! # use leptos::prelude::*;
//! use barfinex_widgets::web::reader::{use_reader, Reader};
//! provide_context(Reader::new("ru-RU", Some("Europe/Moscow")));
//! let r = use_reader();
//! assert_eq!(r.t().loading, "Загрузка…");
//! ```

use barfinex_core::format::quoted;
use barfinex_core::format::utc_minute;
use barfinex_core::locale::{pick, Locale, Numbers, Texts, ENGLISH};
use barfinex_core::series::MAX_TIME_MS;
use leptos::prelude::use_context;
use std::sync::Arc;

/// One reader's language and time zone.
#[derive(Clone, Debug)]
pub struct Reader {
    /// The table for `lang` (English when there is none).
    pub locale: &'static Locale,
    /// The BCP 47 tag as given (`ru-RU`), for `Intl` and the widget's `lang`.
    pub lang: Arc<str>,
    /// An IANA time zone (`Europe/Moscow`); none: the reader's own.
    pub time_zone: Option<Arc<str>>,
}

impl Default for Reader {
    fn default() -> Self {
        Reader::with(ENGLISH, "en", None)
    }
}

impl Reader {
    /// The reader of a `lang` tag and an optional time zone (both checked by `mount`), with the
    /// table `pick` gives the tag (this links every table).
    pub fn new(lang: &str, time_zone: Option<&str>) -> Self {
        Reader::with(pick(lang), lang, time_zone)
    }

    /// The reader of `lang` with a table already chosen (`mount`'s, from its chunk).
    pub fn with(locale: &'static Locale, lang: &str, time_zone: Option<&str>) -> Self {
        Reader {
            locale,
            lang: lang.into(),
            time_zone: time_zone.map(Into::into),
        }
    }

    /// Every interface string.
    pub fn t(&self) -> &'static Texts {
        &self.locale.text
    }

    /// How numbers are written.
    pub fn n(&self) -> &'static Numbers {
        &self.locale.number
    }

    /// A time (Unix ms) to the minute, in the reader's language and time zone
    /// (`Nov 30, 2026, 08:00 PM UTC`, `30 нояб. 2026 г., 20:00 UTC`). Outside the range of
    /// `Date`, or if `Intl` refuses, the same instant in ISO form (`2026-11-30 20:00 UTC`).
    pub fn time(&self, ms: i64) -> String {
        self.format(Form::Full, ms)
            .unwrap_or_else(|| utc_minute(ms))
    }

    /// A time in one of the shorter forms, for chart ticks: `None` outside the range of `Date`
    /// or when `Intl` refuses (the caller then writes the plain form).
    pub fn tick(&self, form: Form, ms: i64) -> Option<String> {
        self.format(form, ms)
    }

    fn format(&self, form: Form, ms: i64) -> Option<String> {
        if ms.unsigned_abs() > MAX_TIME_MS.unsigned_abs() {
            return None;
        }
        intl::format(&self.lang, self.time_zone.as_deref(), form as u8, ms)
    }
}

/// How much of a time to write.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Form {
    /// Date, minute and zone: `Nov 30, 2026, 08:00 PM UTC`.
    Full = 0,
    /// The day: `Nov 30`.
    Day = 1,
    /// Day and minute: `11/30, 8:00 PM`.
    Minute = 2,
}

/// The widget's reader (English, the reader's time zone, when none was provided).
pub fn use_reader() -> Reader {
    use_context::<Reader>().unwrap_or_default()
}

/// Why `lang` or `time_zone` cannot be used, in the words of the option that is wrong; `None`
/// when `Intl` accepts both (natively, always). The tag is checked without `Intl`'s locale data,
/// which the page's first date format loads (25-60 ms) after this task, while requests travel.
pub fn refuse(lang: &str, time_zone: Option<&str>) -> Option<String> {
    if !intl::is_language_tag(lang) {
        return Some(format!("locale: {} is not a language tag", quoted(lang)));
    }
    match time_zone {
        Some(tz) if intl::formatter(lang, Some(tz), 0).is_none() => {
            Some(format!("timezone: unknown time zone {}", quoted(tz)))
        }
        _ => None,
    }
}

#[cfg(target_arch = "wasm32")]
mod intl {
    use std::cell::RefCell;
    use wasm_bindgen::prelude::*;

    #[wasm_bindgen(module = "/src/web/elements.js")]
    extern "C" {
        #[derive(Clone)]
        pub type DateFormat;
        /// Throws on an unknown locale or time zone: caught here.
        #[wasm_bindgen(catch, js_name = dateFormat)]
        fn date_format(
            locale: &str,
            time_zone: Option<&str>,
            form: u8,
        ) -> Result<DateFormat, JsValue>;
        #[wasm_bindgen(method, catch)]
        fn format(this: &DateFormat, ms: f64) -> Result<String, JsValue>;
        /// Checks without loading locale data (the first format is made after this task).
        #[wasm_bindgen(js_name = isLanguageTag)]
        pub fn is_language_tag(locale: &str) -> bool;
    }

    type Key = (String, Option<String>, u8);

    thread_local! {
        // One formatter per language and zone: constructing one costs far more than formatting.
        static MADE: RefCell<Vec<(Key, DateFormat)>> = const { RefCell::new(Vec::new()) };
    }

    pub fn formatter(lang: &str, tz: Option<&str>, form: u8) -> Option<DateFormat> {
        let hit = MADE.with(|m| {
            m.borrow()
                .iter()
                .find(|((l, z, f), _)| l == lang && z.as_deref() == tz && *f == form)
                .map(|(_, f)| f.clone())
        });
        if hit.is_some() {
            return hit;
        }
        let made = date_format(lang, tz, form).ok()?;
        MADE.with(|m| {
            let mut m = m.borrow_mut();
            // Bounded: a page cycling through attributes cannot grow it for ever.
            if m.len() >= 16 {
                m.remove(0);
            }
            m.push(((lang.to_owned(), tz.map(str::to_owned), form), made.clone()));
        });
        Some(made)
    }

    pub fn format(lang: &str, tz: Option<&str>, form: u8, ms: i64) -> Option<String> {
        formatter(lang, tz, form)?.format(ms as f64).ok()
    }
}

#[cfg(not(target_arch = "wasm32"))]
mod intl {
    //! Natively (server rendering) there is no `Intl`: every tag passes, times print in ISO form.
    pub fn is_language_tag(_: &str) -> bool {
        true
    }

    pub fn formatter(_: &str, _: Option<&str>, _: u8) -> Option<()> {
        Some(())
    }

    pub fn format(_: &str, _: Option<&str>, _: u8, _: i64) -> Option<String> {
        None
    }
}
