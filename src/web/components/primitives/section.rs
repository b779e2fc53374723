use crate::web::components::{aria_level, below, HeadingLevel};
use leptos::prelude::*;

/// A titled card section. Its heading takes the level where it sits ([`HeadingLevel`]); the
/// headings in `children` are one deeper. Not a landmark: a page with two cards would have two
/// regions of each name.
#[component]
pub fn Section(
    /// Heading text.
    #[prop(into)]
    title: String,
    /// An optional count shown beside the heading.
    #[prop(optional)]
    count: Option<usize>,
    /// An optional muted line under the heading.
    #[prop(optional, into)]
    subtitle: Option<String>,
    children: Children,
) -> impl IntoView {
    let level = HeadingLevel::here();
    view! {
        <section part="section" class="bfx-section">
            <header class="bfx-section__head">
                <div role="heading" {..aria_level(level)} part="section-title" class="bfx-section__title">{title}</div>
                {count.map(|n| view! { <span class="bfx-section__count">{n}</span> })}
            </header>
            {subtitle.map(|s| view! { <p class="bfx-section__subtitle">{s}</p> })}
            {below(level, children)}
        </section>
    }
}
