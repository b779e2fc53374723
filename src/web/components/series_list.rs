use super::Badge;
use crate::web::load::load_series;
use crate::web::net::{Cancel, Policy};
use barfinex_core::format::{series_value as fmt_value, utc_minute as fmt_time};
use barfinex_core::model::SeriesSource;
use leptos::prelude::*;

/// The profile's other market series (funding, open interest, supply shares…): each one's
/// latest value, its time and its source, fetched with the same fallbacks, or the error that
/// stopped it. Synthetic series are marked.
#[component]
pub fn SeriesList(
    /// The sources to show (the card passes all but `candles`).
    sources: Vec<SeriesSource>,
    /// Local market-data server base, for sources without a `base_url`.
    #[prop(default = None)]
    market: Option<String>,
) -> impl IntoView {
    if sources.is_empty() {
        return ().into_any();
    }
    view! {
        <ul class="bfx-series">
            {sources.into_iter().map(|spec| view! { <SeriesRow spec=spec market=market.clone()/> }).collect_view()}
        </ul>
    }
    .into_any()
}

#[component]
fn SeriesRow(spec: SeriesSource, market: Option<String>) -> impl IntoView {
    let cancel = Cancel::for_this_owner();
    let name = spec.series.replace('_', " ");
    let data = LocalResource::new(move || {
        let (spec, market, signal) = (spec.clone(), market.clone(), cancel.signal());
        async move { load_series(&spec, market, &Policy::default(), signal, false).await }
    });
    view! {
        <li class="bfx-series__row">
            <span class="bfx-series__name">{name}</span>
            {move || match data.get() {
                None => view! { <span class="bfx-series__value">"…"</span> }.into_any(),
                Some(Err(e)) => view! { <span class="bfx-series__error" role="status">{e.to_string()}</span> }.into_any(),
                Some(Ok(s)) => {
                    let last = s.data.last();
                    let (value, when) = match last {
                        Some((t, v)) => (fmt_value(&s.name, v), format!("as of {}", fmt_time(t))),
                        None => ("no data".to_owned(), String::new()),
                    };
                    view! {
                        <span class="bfx-series__value">{value}</span>
                        {s.synthetic.then(|| view! { <Badge tone="mixed" label="Synthetic"/> })}
                        <span class="bfx-series__meta" data-source=s.source.name()>{format!("{when} · {}", s.source.name())}</span>
                    }
                    .into_any()
                }
            }}
        </li>
    }
}
