use super::{load_series, LoadedSeries, Policy};
use crate::web::fetch::LoadError;
use barfinex_core::model::{SeriesSource, SourceKind};
use barfinex_core::signals::{Input, SeriesSet};
use web_sys::AbortSignal;

/// The named series a scoring run needs, loaded in parallel (one shared request per URL with
/// every other widget on the page), with the failures by name.
pub async fn load_series_set(
    specs: &[SeriesSource],
    names: &[String],
    market: Option<String>,
    policy: &Policy,
    cancel: Option<AbortSignal>,
    refresh: bool,
) -> (SeriesSet, Vec<(String, LoadError)>) {
    let wanted = specs.iter().filter(|s| names.contains(&s.series));
    let loads = wanted.map(|spec| {
        let (market, cancel) = (market.clone(), cancel.clone());
        async move {
            (
                spec.series.clone(),
                load_series(spec, market, policy, cancel, refresh).await,
            )
        }
    });
    let mut set = SeriesSet::new();
    let mut failed = Vec::new();
    for (name, r) in futures::future::join_all(loads).await {
        match r {
            Ok(s) => {
                set.insert(name, input(&s));
            }
            Err(e) => failed.push((name, e)),
        }
    }
    (set, failed)
}

/// A loaded series as the rule engine reads it: data, provenance, and the bar interval of
/// sources that have one (klines and open interest; funding and documents do not).
pub fn input(s: &LoadedSeries) -> Input {
    use SourceKind::*;
    let interval = match s.source {
        BinanceSpotKlines
        | BinanceFuturesKlines
        | BinanceFuturesOpenInterest
        | BybitKline
        | KrakenOhlc => Some(s.endpoint.interval.clone().unwrap_or_else(|| "1h".into())),
        _ => s.endpoint.interval.clone(),
    };
    Input {
        data: (*s.data).clone(),
        source: format!("{} ({})", s.source.name(), s.url),
        synthetic: s.synthetic,
        interval,
    }
}
