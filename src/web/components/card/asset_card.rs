use crate::web::components::primitives::CollectAny;
use crate::web::components::{
    aria_level, below, effect, BodyPending, CollapsibleText, DriverList, Empty, ErrorState, Failed,
    FundingChart, HeadingLevel, InfluencerList, LiveSignals, LoadingState, MarketPanel, NoticeView,
    PriceChart, ProfileLang, RegimeList, Section, SeriesList, TechnicalRatingPanel,
};
use crate::web::events::use_events;
use crate::web::load::{profile_resource, Profile, Wants};
use crate::web::reader::use_reader;
use leptos::prelude::*;
use std::rc::Rc;

/// The asset card: fetches a profile in the browser and renders it, with a loading state and an
/// error state that names the cause. Every part that loads market data does so under the
/// widget's [`MarketContext`](crate::web::context::MarketContext).
///
/// ```no_run
/// # use leptos::prelude::*; use barfinex_widgets::web::components::AssetCard;
/// view! { <AssetCard src="/www/data/flux.json"/> };
/// ```
#[component]
pub fn AssetCard(
    /// URL of the profile JSON (absolute, or relative to the page).
    #[prop(into)]
    src: String,
    /// URL of a candles document; when given, the card shows the technical rating computed
    /// from it in the browser.
    #[prop(optional, into)]
    candles: Option<String>,
) -> impl IntoView {
    let body = Callback::new(move |p: Rc<Profile>| {
        view! { <AssetCardView profile=p candles=candles.clone()/> }.into_any()
    });
    view! { <CardFrame src=src body=body/> }
}

/// The card's frame: fetches the profile, shows its loading and error states, and `body` once
/// it is read. [`AssetCard`] is this frame around [`AssetCardView`]; the embed's card puts a
/// body drawn from a chunk of the split build (`web/chunks.rs`) in it, so a page without a
/// card never fetches the card's code.
#[component]
pub fn CardFrame(
    /// URL of the profile JSON (absolute, or relative to the page).
    #[prop(into)]
    src: String,
    /// The card's content, given the profile.
    #[prop(into)]
    body: Callback<Rc<Profile>, AnyView>,
) -> impl IntoView {
    let events = use_events();
    let profile = profile_resource(src.clone(), Wants::All);
    // Busy too while a body drawn from a chunk of the split build waits for its code.
    let pending = BodyPending::provide();
    effect(move || {
        if let Some(Ok(p)) = profile.get() {
            events.load(&src, &p.id, &p.name, &p.symbol);
        }
    });
    view! {
        <article part="base" class="bfx-card" aria-busy=move || (profile.get().is_none() || pending.get()).to_string()>
            {move || match profile.get() {
                None => view! { <LoadingState/> }.into_any(),
                Some(Err(e)) => view! { <ErrorState what=Failed::Profile message=e.to_string() kind=e.kind() url=e.url() status=e.status()/> }.into_any(),
                Some(Ok(p)) => body.run(p),
            }}
        </article>
    }
}

/// The card's content for a profile already in hand (no fetching).
#[component]
pub fn AssetCardView(
    /// The profile to show.
    profile: Rc<Profile>,
    /// URL of a candles document for the technical rating (none: no rating section).
    #[prop(default = None)]
    candles: Option<String>,
) -> impl IntoView {
    let p = profile.data.clone();
    let plan = profile.plan();
    let candle_source = p.sources.iter().find(|s| s.series == "candles").cloned();
    let other_series: Vec<_> = p
        .sources
        .iter()
        .filter(|s| s.series != "candles")
        .cloned()
        .collect();
    let r = use_reader();
    let (t, w) = (r.t(), r.locale.card_words());
    ProfileLang::provide(p.lang.as_deref());
    let text_lang = ProfileLang::here();
    let (lang_persons, lang_impacts) = (text_lang.clone(), text_lang.clone());
    let signals_subtitle = barfinex_core::locale::fill(w.most_influential, &[&p.name]);
    let funding_source = profile.source("funding");
    let breakout = plan.breakout().map(|(_, b)| b);
    let level = HeadingLevel::here();
    view! {
        <header part="header" class="bfx-card__header">
            <div class="bfx-card__mark" aria-hidden="true">{p.symbol.chars().next().map(String::from)}</div>
            <div class="bfx-card__names">
                <div role="heading" {..aria_level(level)} part="title" class="bfx-card__name" dir="auto" lang=text_lang>{p.name.clone()}</div>
                <span class="bfx-card__symbol">{p.symbol.clone()}</span>
            </div>
        </header>
        {below(level, move || view! {
        {candle_source.clone().map(|spec| view! { <MarketPanel spec=spec rating=candles.is_none()/> })}
        {(!p.description.is_empty()).then(|| view! {
            <div class="bfx-card__description"><CollapsibleText text=p.description.clone() limit=400/></div>
        })}
        {candles.map(|url| view! {
            <Section title=t.technical_rating>
                <TechnicalRatingPanel candles=url/>
            </Section>
        })}
        {(!other_series.is_empty()).then(|| view! {
            <Section title=w.market_data>
                <SeriesList sources=other_series/>
            </Section>
        })}
        {(candle_source.is_some() || funding_source.is_some()).then(|| view! {
            <Section title=w.charts>
                <div class="bfx-card__charts">
                    {candle_source.clone().map(|spec| view! { <PriceChart spec=Some(spec) breakout=breakout/> })}
                    {funding_source.clone().map(|spec| view! { <FundingChart spec=Some(spec)/> })}
                </div>
            </Section>
        })}
        <Section title=t.key_drivers count=p.drivers.len()>
            <DriverList drivers=p.drivers/>
        </Section>
        <Section title=t.market_signals count=p.signals.len() subtitle=signals_subtitle>
            <LiveSignals signals=p.signals plan=plan sources=p.sources.clone()/>
        </Section>
        <Section title=t.regimes_title>
            <RegimeList regimes=p.regimes/>
        </Section>
        <Section title=w.influencers count=p.influencers.len()>
            <InfluencerList influencers=p.influencers/>
        </Section>
        <Section title=w.key_persons>
            {if p.persons.is_empty() {
                view! { <Empty text=w.no_persons/> }.into_any()
            } else {
                view! {
                    <ul class="bfx-persons">
                        {p.persons.into_iter().map(|person| view! {
                            <li lang=lang_persons.clone()><strong dir="auto">{person.name}</strong>" "<span class="bfx-persons__role">{person.role}</span></li>
                        }).collect_any()}
                    </ul>
                }.into_any()
            }}
            {p.persons_disclaimer.map(|n| view! { <NoticeView notice=n/> })}
        </Section>
        {(!p.impacts.is_empty()).then(|| view! {
            <Section title=w.market_impacts>
                <ul class="bfx-impacts">
                    {p.impacts.into_iter().map(|m| view! {
                        <li lang=lang_impacts.clone()><strong dir="auto">{m.name}</strong>" "<span dir="auto">{m.text}</span></li>
                    }).collect_any()}
                </ul>
            </Section>
        })}
        }.into_any())}
        {p.disclaimer.map(|n| view! {
            <footer part="disclaimer" class="bfx-card__disclaimer"><NoticeView notice=n lead=t.for_details/></footer>
        })}
    }
}
