//! A widget's series started as soon as its profile is read, not once its view is built: the
//! view of a card takes tens of milliseconds to build, and its series requests would wait for it.
//! The parts that show a series pick up the load started for them on their first load.

use super::{load_series, LoadError, LoadedSeries, Profile};
use crate::web::context::MarketContext;
use crate::web::kept::Kept;
use crate::web::net::SharedTask;
use barfinex_core::model::SeriesSource;
use leptos::prelude::*;
use web_sys::AbortSignal;

type Load = SharedTask<Result<LoadedSeries, LoadError>>;

/// Which of its profile's series a widget shows, so they can be loaded with the profile.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Wants {
    /// None (a driver list).
    #[default]
    Nothing,
    /// Every source (the asset card).
    All,
    /// The source of one series (`"candles"` for a price chart).
    Series(&'static str),
    /// The series its signals' rules read (signal badges).
    Signals,
}

/// The series loads a widget started early, provided by the part that loads its profile (its
/// children find them as context) and gone with it.
///
/// ```no_run
/// # use barfinex_widgets::web::load::{Warm, load_warm};
/// # async fn demo(spec: barfinex_core::model::SeriesSource) {
/// let warm = Warm::here(); // in a component, under the widget's shell
/// let first = load_warm(warm, &spec, None, &Default::default(), None, false).await;
/// # }
/// ```
#[derive(Clone, Copy)]
pub struct Warm(Kept<Vec<(SeriesSource, Load)>>);

impl Warm {
    /// An empty set, provided to the calling component's children.
    pub fn provide() -> Warm {
        let warm = Warm(Kept::new(Vec::new()));
        provide_context(warm);
        warm
    }

    /// The set of the widget being built, if any.
    pub fn here() -> Option<Warm> {
        use_context()
    }

    /// Starts loading the series of `profile` that `wants` names, under the widget's market
    /// context; `cancel` (the profile's) withdraws them when the widget goes.
    pub fn start(
        self,
        profile: &Profile,
        wants: Wants,
        ctx: &MarketContext,
        cancel: Option<AbortSignal>,
    ) {
        let named = match wants {
            Wants::Signals => profile.signal_series(),
            _ => Vec::new(),
        };
        let wanted = |s: &SeriesSource| match wants {
            Wants::Nothing => false,
            Wants::All => true,
            Wants::Series(name) => s.series == name,
            Wants::Signals => named.contains(&s.series),
        };
        let policy = ctx.policy();
        let loads: Vec<_> = profile
            .sources
            .iter()
            .filter(|s| wanted(s))
            .map(|spec| {
                let (s, market, policy, cancel) = (
                    spec.clone(),
                    ctx.market.clone(),
                    policy.clone(),
                    cancel.clone(),
                );
                let load = SharedTask::spawn(async move {
                    load_series(&s, market, &policy, cancel, false).await
                });
                (spec.clone(), load)
            })
            .collect();
        let _ = self.0.update(|v| *v = loads);
    }
}

/// `spec` loaded as [`load_series`] does, except that a first load (not `refresh`) takes the
/// one the widget started early when there is one. A refresh forgets it, so the first data is
/// not kept alive for the widget's lifetime.
pub async fn load_warm(
    warm: Option<Warm>,
    spec: &SeriesSource,
    market: Option<String>,
    policy: &crate::web::net::Policy,
    cancel: Option<AbortSignal>,
    refresh: bool,
) -> Result<LoadedSeries, LoadError> {
    let early = warm.and_then(|w| {
        w.0.update(|v| {
            if refresh {
                v.retain(|(s, _)| s != spec);
                return None;
            }
            v.iter().find(|(s, _)| s == spec).map(|(_, l)| l.clone())
        })
        .flatten()
    });
    match early {
        Some(load) => load.get().await,
        None => load_series(spec, market, policy, cancel, refresh).await,
    }
}
