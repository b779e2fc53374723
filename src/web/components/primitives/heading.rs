use leptos::prelude::*;
use leptos::tachys::html::attribute::custom::{custom_attribute, CustomAttr};

/// The level (`aria-level`, 1–6) the headings of the blocks being rendered take: the element's
/// `heading-level` for the widget's title, one deeper inside each titled block. Headings are
/// `role="heading"` elements, so one widget fits under any heading of the host page.
///
/// ```no_run
/// # use leptos::prelude::*; use barfinex_widgets::web::components::HeadingLevel;
/// provide_context(HeadingLevel(3)); // the widget's title is a level-3 heading
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct HeadingLevel(pub u8);

impl HeadingLevel {
    /// The level where this is called (2 when nothing was provided).
    pub fn here() -> u8 {
        use_context::<HeadingLevel>().map_or(2, |l| l.0)
    }
}

/// The view `body` builds, with its headings one level below `level` (6 at most), under a child
/// owner that lives as long as the current one. Like Leptos's `Provider`, which needs `Send`
/// children (ours hold `Rc`s) and wraps its view in a type of its own (837 B more here).
pub fn below(level: u8, body: impl FnOnce() -> AnyView) -> AnyView {
    let Some(owner) = Owner::current().map(|o| o.child()) else {
        return body();
    };
    let view = owner.with(|| {
        provide_context(HeadingLevel(level.saturating_add(1).min(6)));
        body()
    });
    // A parent holds its children weakly: its cleanup keeps this one until it is disposed.
    on_cleanup(move || drop(owner));
    view
}

/// A heading's `aria-level` (tachys has no method for it): `<div role="heading" {..aria_level(3)}>`.
pub fn aria_level(level: u8) -> CustomAttr<&'static str, &'static str> {
    const LEVELS: [&str; 6] = ["1", "2", "3", "4", "5", "6"];
    custom_attribute("aria-level", LEVELS[usize::from(level.clamp(1, 6)) - 1])
}
