use leptos::prelude::*;

/// A quiet "nothing here" line: no data for a chart, no candles to rate.
///
/// ```no_run
/// # use leptos::prelude::*; use barfinex_widgets::web::components::Empty;
/// view! { <Empty text="No funding data for this chart."/> };
/// ```
#[component]
pub fn Empty(
    /// What is missing, in words.
    #[prop(into)]
    text: String,
) -> impl IntoView {
    view! { <p class="bfx-empty">{text}</p> }
}
