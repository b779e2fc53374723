use super::CollectAny;
use barfinex_core::model::{check_http_url, paragraphs, Notice};
use leptos::prelude::*;

/// A legal or editorial notice: its paragraphs, then its links. A link is rendered as a link
/// only when its URL is an absolute http(s) URL; otherwise its label is plain text.
#[component]
pub fn NoticeView(
    /// The notice.
    notice: Notice,
    /// Text before the links, e.g. "For details, see".
    #[prop(optional, into)]
    lead: Option<String>,
    /// Only the first paragraph (for standalone widgets), then the links.
    #[prop(optional)]
    short: bool,
) -> impl IntoView {
    let links = notice.links;
    let text_lang = super::ProfileLang::here();
    let take = if short { 1 } else { usize::MAX };
    view! {
        <div class="bfx-notice">
            {paragraphs(&notice.text).take(take).map(|p| view! { <p dir="auto" lang=text_lang.clone()>{p.to_owned()}</p> }).collect_any()}
            {(!links.is_empty()).then(|| view! {
                <p class="bfx-notice__links">
                    {lead.map(|l| format!("{l} "))}
                    {links.into_iter().enumerate().map(|(i, link)| {
                        let sep = (i > 0).then_some(", ");
                        let body = match link.url.filter(|u| check_http_url(u).is_ok()) {
                            Some(url) => view! {
                                <a href=url target="_blank" rel="noopener noreferrer">{link.label}</a>
                            }.into_any(),
                            None => view! { <span>{link.label}</span> }.into_any(),
                        };
                        view! { {sep}{body} }
                    }).collect_any()}
                    "."
                </p>
            })}
        </div>
    }
}
