use super::technical_rating::fmt_time;
use super::Badge;
use crate::web::net::{load_series, Cancel, Policy};
use barfinex_core::model::SeriesSource;
use barfinex_core::sources::SeriesData;
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

/// Funding rates read best as percentages; other series as given, to five significant digits.
fn fmt_value(series: &str, v: f64) -> String {
    if series.contains("funding") {
        format!("{:.4}%", v * 100.0)
    } else if v.abs() >= 1e5 {
        format!("{v:.3e}")
    } else {
        format!("{:.*}", if v.abs() >= 100.0 { 2 } else { 5 }, v)
    }
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
                    let last = match s.data.as_ref() {
                        SeriesData::Points(p) => p.time.last().copied().zip(p.value.last().copied()),
                        SeriesData::Candles(c) => c.time.last().copied().zip(c.close.last().copied()),
                    };
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
