use leptos::prelude::*;

/// A titled card section. The heading labels the region for screen readers.
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
    let id = crate::web::components::next_id("section");
    let labelled_by = id.clone();
    view! {
        <section part="section" class="bfx-section" aria-labelledby=labelled_by>
            <header class="bfx-section__head">
                <h3 id=id part="section-title" class="bfx-section__title">{title}</h3>
                {count.map(|n| view! { <span class="bfx-section__count">{n}</span> })}
            </header>
            {subtitle.map(|s| view! { <p class="bfx-section__subtitle">{s}</p> })}
            {children()}
        </section>
    }
}
