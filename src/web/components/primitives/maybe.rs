//! A child that is there or not, as one view type.
//!
//! A reactive child returning `Option<View>` brings Leptos's code for an optional child once per
//! view type it holds (its state is `Either<…, Comment>`); returning an [`AnyView`] shares the
//! code every other reactive child already uses. An absent view is `()`'s `AnyView`, which keeps
//! a placeholder comment where the view goes, as `None` does.
//!
//! ```ignore
//! view! { {move || maybe(open.get().then(|| view! { <p>"Shown"</p> }.into_any()))} }
//! ```

use leptos::prelude::*;

/// `view`, or nothing in its place.
pub(crate) fn maybe(view: Option<AnyView>) -> AnyView {
    view.unwrap_or_else(|| ().into_any())
}
