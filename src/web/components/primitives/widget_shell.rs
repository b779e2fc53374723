use crate::web::components::{
    aria_level, below, effect, BodyPending, ErrorState, Failed, HeadingLevel, LoadingState,
    NoticeView, Tone,
};
use crate::web::events::use_events;
use crate::web::load::{profile_resource, Profile, Wants};
use crate::web::reader::use_reader;
use leptos::prelude::*;
use std::rc::Rc;

/// The frame of a standalone widget: fetches the profile, names the asset and what the widget
/// shows (so one asset's numbers are never read as another's), renders the body, and ends with
/// the profile's disclaimer, short, with its links. Loading and error states are its own; an
/// error names the URL and the cause.
///
/// ```no_run
/// # use leptos::prelude::*; use barfinex_widgets::web::components::{WidgetShell, DriverList};
/// # use barfinex_widgets::web::load::Profile; use std::rc::Rc;
/// let render = |p: Rc<Profile>| view! { <DriverList drivers=p.drivers.clone()/> }.into_any();
/// view! { <WidgetShell src="/data/flux.json" title="Key drivers" render=render/> };
/// ```
#[component]
pub fn WidgetShell(
    /// URL of the profile JSON.
    #[prop(into)]
    src: String,
    /// What the widget shows, e.g. "Key drivers".
    title: &'static str,
    /// The body, given the profile. A `Callback`, not a generic, so every widget shares one
    /// copy of the shell's code in the bundle.
    #[prop(into)]
    render: Callback<Rc<Profile>, AnyView>,
    /// Show the profile's disclaimer under the body.
    #[prop(default = true)]
    disclaimer: bool,
    /// The room the widget takes once shown, held while the profile loads
    /// (`bfx-reserve--{reserve}` in `state.css`): `price-widget`, `funding-widget`,
    /// `sparkline-widget`, `rating-widget`; none for widgets as tall as their profile's text.
    #[prop(default = None)]
    reserve: Option<&'static str>,
    /// The profile's series the body shows: loaded as soon as the profile is read, not once
    /// the body is built.
    #[prop(default = Wants::Nothing)]
    wants: Wants,
) -> impl IntoView {
    let events = use_events();
    let t = use_reader().t();
    let level = HeadingLevel::here();
    let profile = profile_resource(src.clone(), wants);
    // Busy too while a body drawn from a chunk of the split build waits for its code.
    let pending = BodyPending::provide();
    effect(move || {
        if let Some(Ok(p)) = profile.get() {
            events.load(&src, &p.id, &p.name, &p.symbol);
        }
    });
    view! {
        <section part="base" class="bfx-widget" aria-busy=move || (profile.get().is_none() || pending.get()).to_string()>
            {move || match profile.get() {
                None => view! { <LoadingState reserve=reserve/> }.into_any(),
                Some(Err(e)) => view! { <ErrorState what=Failed::Profile message=e.to_string() kind=e.kind() url=e.url() status=e.status()/> }.into_any(),
                Some(Ok(p)) => {
                    let notice = p.disclaimer.clone().filter(|_| disclaimer);
                    view! {
                        <header part="header" class="bfx-widget__header">
                            <div role="heading" {..aria_level(level)} part="title" class="bfx-widget__title">
                                <span class="bfx-widget__asset" dir="auto" lang=p.lang.as_deref().map(std::sync::Arc::<str>::from)>{p.name.clone()}</span>
                                " "<span class="bfx-widget__symbol">{p.symbol.clone()}</span>
                                <span class="bfx-widget__what">{format!(" · {title}")}</span>
                            </div>
                            {p.illustrative.then(|| view! { <crate::web::components::Badge tone=Tone::Conditional label=t.illustrative/> })}
                        </header>
                        {below(level, || {
                            super::ProfileLang::provide(p.lang.as_deref());
                            render.run(p.clone())
                        })}
                        {notice.map(|n| view! {
                            <footer part="disclaimer" class="bfx-widget__disclaimer"><NoticeView notice=n lead=t.see short=true/></footer>
                        })}
                    }.into_any()
                }
            }}
        </section>
    }
}
