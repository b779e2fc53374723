use crate::web::components::{use_series, Empty, ErrorState, Failed, LoadingState};
use crate::web::load::LoadedSeries;
use crate::web::net::NextRefresh;
use crate::web::reader::use_reader;
use barfinex_core::model::SeriesSource;
use leptos::prelude::*;

/// Loads one series under the widget's market context (shared requests, fallbacks, refresh,
/// persist) and renders it with `render`; loading and error states are its own, and a missing
/// source is a "no data" state, not an error.
#[component]
pub(super) fn SeriesView(
    /// The source (none: "no market data").
    spec: Option<SeriesSource>,
    /// What to draw once loaded.
    #[prop(into)]
    render: Callback<LoadedSeries, AnyView>,
    /// The room the loading state holds (see `LoadingState`).
    #[prop(default = None)]
    reserve: Option<&'static str>,
) -> impl IntoView {
    let w = use_reader().locale.chart_words();
    let Some(spec) = spec else {
        return view! { <Empty text=w.no_market_chart/> }.into_any();
    };
    let data = use_series(spec);
    let retry = use_context::<NextRefresh>();
    (move || match data.get() {
        None => view! { <LoadingState reserve=reserve/> }.into_any(),
        Some(Err(e)) => {
            view! { <ErrorState what=Failed::Market message=e.to_string() kind=e.kind() url=e.url() status=e.status() retry=retry/> }.into_any()
        }
        Some(Ok(s)) => render.run(s),
    })
    .into_any()
}
