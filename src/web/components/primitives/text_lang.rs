use leptos::prelude::*;
use std::sync::Arc;

/// The language of the profile being shown (its optional `lang`). The elements that hold the
/// profile's own text carry it as their `lang`, so a screen reader pronounces an English
/// profile in English inside a Russian interface, and the other way round.
///
/// ```no_run
/// # use leptos::prelude::*; use barfinex_widgets::web::components::ProfileLang;
/// provide_context(ProfileLang(Some("en".into())));
/// view! { <p dir="auto" lang=ProfileLang::here()>"Network usage…"</p> };
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ProfileLang(pub Option<Arc<str>>);

impl ProfileLang {
    /// The profile's language, for a `lang` attribute (none when not provided or not given).
    /// Every `lang` in the crate is this type (`"en"` too): each value type an attribute takes
    /// is Leptos's attribute code again.
    pub fn here() -> Option<Arc<str>> {
        use_context::<ProfileLang>().and_then(|l| l.0)
    }

    /// Provides `lang` to what renders below, in the current owner.
    pub fn provide(lang: Option<&str>) {
        provide_context(ProfileLang(lang.map(Arc::from)));
    }
}
