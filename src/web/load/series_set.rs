//! The series a scoring run needs, loaded together; a failure stays with its series.

use super::{join, load_warm, LoadedSeries, Warm};
use crate::web::net::Policy;
use barfinex_core::model::SeriesSource;
use barfinex_core::signals::{Input, SeriesSet};
use web_sys::AbortSignal;

/// The named series a scoring run needs, loaded in parallel (one shared request per URL with
/// every other widget on the page). A series that fails is recorded in the set under its own
/// name with its error ([`SeriesSet::fail`]), so exactly the rules that read it say why. A first
/// load takes the loads the widget started with its profile (`warm`, [`load_warm`]).
pub async fn load_series_set(
    warm: Option<Warm>,
    specs: &[SeriesSource],
    names: &[String],
    market: Option<String>,
    policy: &Policy,
    cancel: Option<AbortSignal>,
    refresh: bool,
) -> SeriesSet {
    let wanted = specs.iter().filter(|s| names.contains(&s.series));
    let loads = wanted.map(|spec| {
        let (market, cancel) = (market.clone(), cancel.clone());
        async move {
            (
                spec.series.clone(),
                load_warm(warm, spec, market, policy, cancel, refresh).await,
            )
        }
    });
    let mut set = SeriesSet::new();
    for (name, r) in join(loads).await {
        match r {
            Ok(s) => {
                set.insert(name, input(&s));
            }
            Err(e) => set.fail(name, e.to_string()),
        }
    }
    set
}

/// A loaded series as the rule engine reads it: data, provenance, and the bar interval of
/// sources that have one (klines and open interest; funding and documents do not).
pub fn input(s: &LoadedSeries) -> Input {
    let interval = match s.source.has_bars() {
        true => Some(s.endpoint.interval.clone().unwrap_or_else(|| "1h".into())),
        false => s.endpoint.interval.clone(),
    };
    Input {
        data: (*s.data).clone(),
        source: format!("{} ({})", s.source.name(), s.url),
        synthetic: s.synthetic,
        interval,
    }
}
