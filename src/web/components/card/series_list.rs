use crate::web::components::{use_series, Badge, Tone};
use barfinex_core::format::{series_value as fmt_value, utc_minute as fmt_time};
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
            {sources.into_iter().map(|spec| view! { <SeriesRow spec=spec/> }).collect_view()}
        </ul>
    }
    .into_any()
}

#[component]
fn SeriesRow(spec: SeriesSource) -> impl IntoView {
    let name = spec.series.replace('_', " ");
    let data = use_series(spec);
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
                        {s.synthetic.then(|| view! { <Badge tone=Tone::Mixed label="Synthetic"/> })}
                        <span class="bfx-series__meta" data-source=s.source.name()>{format!("{when} · {}", s.source.name())}</span>
                    }
                    .into_any()
                }
            }}
        </li>
    }
}
