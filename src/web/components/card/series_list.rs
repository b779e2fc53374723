use crate::web::components::primitives::CollectAny;
use crate::web::components::{use_series, Badge, ProfileLang, RetryIn, TechnicalDetails, Tone};
use crate::web::net::NextRefresh;
use crate::web::reader::use_reader;
use barfinex_core::locale::fill;
use barfinex_core::model::SeriesSource;
use leptos::prelude::*;

/// The profile's other market series (funding, open interest, supply shares…): each one's
/// latest value, its time and its source, fetched with the same fallbacks, or the error that
/// stopped it. Synthetic series are marked. Loaded under the widget's market context.
#[component]
pub fn SeriesList(
    /// The sources to show (the card passes all but `candles`).
    sources: Vec<SeriesSource>,
) -> impl IntoView {
    if sources.is_empty() {
        return ().into_any();
    }
    view! {
        <ul part="series" class="bfx-series">
            {sources.into_iter().map(|spec| view! { <SeriesRow spec=spec/> }).collect_any()}
        </ul>
    }
    .into_any()
}

#[component]
fn SeriesRow(spec: SeriesSource) -> impl IntoView {
    let r = use_reader();
    let (t, c, w) = (r.t(), r.locale.card_words(), r.locale.rating_words());
    // The profile's label, in the profile's language; else the reader's word for a series we
    // know; else its name.
    let (name, lang) = match &spec.label {
        Some(label) => (label.clone(), ProfileLang::here()),
        None => (
            match spec.series.as_str() {
                "funding" => t.funding_rate.to_owned(),
                "open_interest" => c.open_interest.to_owned(),
                "candles" | "price" => t.price.to_owned(),
                other => other
                    .chars()
                    .map(|c| if c == '_' { ' ' } else { c })
                    .collect(),
            },
            None,
        ),
    };
    let data = use_series(spec);
    let retry = use_context::<NextRefresh>();
    view! {
        <li class="bfx-series__row">
            <span class="bfx-series__name" dir="auto" lang=lang>{name}</span>
            {move || match data.get() {
                None => view! { <span class="bfx-series__value">"…"</span> }.into_any(),
                Some(Err(e)) => view! {
                    <span class="bfx-series__error" role="status">{t.unavailable}</span>
                    {retry.map(|next| view! { <RetryIn next=next/> })}
                    <TechnicalDetails message=e.to_string()/>
                }.into_any(),
                Some(Ok(s)) => {
                    let last = s.data.last();
                    let (value, when) = match last {
                        Some((ms, v)) => (r.n().series_value(&s.name, v), fill(w.as_of, &[&r.time(ms)])),
                        None => (t.no_data.to_owned(), String::new()),
                    };
                    view! {
                        <span class="bfx-series__value">{value}</span>
                        {s.synthetic.then(|| view! { <Badge tone=Tone::Mixed label=t.synthetic/> })}
                        <span class="bfx-series__meta" data-source=s.source.name()>{format!("{when} · {}", s.source.name())}</span>
                    }
                    .into_any()
                }
            }}
        </li>
    }
}
