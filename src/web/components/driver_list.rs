use super::{Badge, CollapsibleText};
use barfinex_core::model::{Direction, Driver};
use leptos::prelude::*;

/// Key drivers, each with its direction and category badges and collapsible text.
///
/// ```no_run
/// # use leptos::prelude::*; use barfinex_widgets::web::components::DriverList;
/// # let drivers = vec![];
/// view! { <DriverList drivers=drivers/> };
/// ```
#[component]
pub fn DriverList(
    /// The drivers, shown in the order given.
    drivers: Vec<Driver>,
) -> impl IntoView {
    if drivers.is_empty() {
        return view! { <p class="bfx-empty">"No key drivers listed."</p> }.into_any();
    }
    view! {
        <ul class="bfx-drivers">
            {drivers.into_iter().map(|d| view! {
                <li class="bfx-driver" data-direction=d.direction.as_str()>
                    <div class="bfx-driver__head">
                        <h4 class="bfx-driver__title" dir="auto">{d.title}</h4>
                        <span class="bfx-driver__badges">
                            <Badge tone=direction_tone(d.direction) label=d.direction.as_str()/>
                            <Badge tone="category" label=d.category.as_str()/>
                        </span>
                    </div>
                    <CollapsibleText text=d.text limit=260/>
                </li>
            }).collect_view()}
        </ul>
    }
    .into_any()
}

/// The badge tone for a driver direction.
pub(crate) fn direction_tone(d: Direction) -> &'static str {
    match d {
        Direction::Positive => "positive",
        Direction::Negative => "negative",
        Direction::Mixed => "mixed",
        Direction::Conditional => "conditional",
    }
}
