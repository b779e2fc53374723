//! A class list with one modifier that comes and goes, as one string.
//!
//! A reactive `class=move || …` returning a `String` shares its update code with every reactive
//! string attribute (`aria-busy`, `aria-expanded`); a `class:name=…` toggle would bring Leptos's
//! class-list code of its own, one more reactive type in every part that uses it.
//!
//! ```ignore
//! assert_eq!(class_with("bfx-regime", "bfx-regime--current", true), "bfx-regime bfx-regime--current");
//! assert_eq!(class_with("bfx-regime", "bfx-regime--current", false), "bfx-regime");
//! ```

/// `base`, and `modifier` after it when `on` (`base` may be empty).
pub(crate) fn class_with(base: &str, modifier: &str, on: bool) -> String {
    match (on, base.is_empty()) {
        (true, false) => format!("{base} {modifier}"),
        (true, true) => modifier.to_owned(),
        (false, _) => base.to_owned(),
    }
}
