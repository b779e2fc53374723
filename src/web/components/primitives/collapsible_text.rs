use super::CollectAny;
use crate::web::reader::use_reader;
use barfinex_core::model::paragraphs;
use leptos::prelude::*;

/// Plain text as paragraphs (split on blank lines). Text longer than `limit` characters starts
/// collapsed to a few lines, with a button that expands it. Text is always text, never HTML.
///
/// ```no_run
/// # use leptos::prelude::*; use barfinex_widgets::web::components::CollapsibleText;
/// view! { <CollapsibleText text="First paragraph.\n\nSecond." limit=200/> };
/// ```
#[component]
pub fn CollapsibleText(
    /// Plain text; paragraphs separated by a blank line.
    #[prop(into)]
    text: String,
    /// Characters above which the text starts collapsed.
    #[prop(default = 320)]
    limit: usize,
) -> impl IntoView {
    let t = use_reader().t();
    let text_lang = super::ProfileLang::here();
    let collapsible = text.chars().count() > limit;
    let expanded = super::Packed::new(false);
    let id = crate::web::components::next_id("text");
    let controls = id.clone();
    let paras: Vec<String> = paragraphs(&text).map(str::to_owned).collect();
    view! {
        <div class="bfx-text">
            <div
                id=id
                class=move || super::class_with("bfx-text__body", "bfx-text__body--collapsed", collapsible && !expanded.get())
            >
                {paras.into_iter().map(|p| view! { <p dir="auto" lang=text_lang.clone()>{p}</p> }).collect_any()}
            </div>
            {collapsible.then(|| view! {
                <button
                    type="button"
                    class="bfx-text__toggle"
                    aria-controls=controls.clone()
                    aria-expanded=move || expanded.get().to_string()
                    on:click=move |_| expanded.set(!expanded.get_untracked())
                >
                    {move || (if expanded.get() { t.show_less } else { t.show_more }).into_any()}
                </button>
            })}
        </div>
    }
}
