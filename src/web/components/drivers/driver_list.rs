use crate::web::components::primitives::{maybe, CollectAny};
use crate::web::components::{
    aria_level, next_id, Badge, CollapsibleText, Empty, HeadingLevel, ProfileLang, Tone,
};
use crate::web::kept::Kept;
use crate::web::reader::use_reader;
use barfinex_core::format::joined;
use barfinex_core::locale::{fill, lower};
use barfinex_core::model::{Direction, Driver, DriverCategory};
use barfinex_core::sort::sort_by_key;
use leptos::prelude::*;

/// Key drivers, each with its direction and category badges and collapsible text, with counts
/// per direction, filters by direction and category (toggle buttons), and a sort order. The
/// `compact` layout shows one line per driver and opens its text on demand.
///
/// ```no_run
/// # use leptos::prelude::*; use barfinex_widgets::web::components::DriverList;
/// # let drivers = vec![];
/// view! { <DriverList drivers=drivers layout="compact"/> };
/// ```
#[component]
pub fn DriverList(
    /// The drivers, in the order given.
    drivers: Vec<Driver>,
    /// `full` (default): text shown, long text collapsed; `compact`: titles, text on demand.
    #[prop(default = "full")]
    layout: &'static str,
    /// Show the counts, filters and sort control (on by default; hidden for one driver or none).
    #[prop(default = true)]
    controls: bool,
) -> impl IntoView {
    let l = use_reader().locale;
    let t = &l.text;
    if drivers.is_empty() {
        return view! { <Empty text=t.no_drivers/> }.into_any();
    }
    let total = drivers.len();
    let counts = direction_counts(&drivers);
    let categories: Vec<DriverCategory> = DriverCategory::ALL
        .iter()
        .copied()
        .filter(|c| drivers.iter().any(|d| d.category == *c))
        .collect();
    let directions: Vec<Direction> = counts.iter().map(|(d, _)| *d).collect();
    // Filters hide items (each keeps its state: text opened stays open); an order builds the
    // list again. No keyed `For`: its diffing was the only copy in the module (~14 KB).
    let (choice, set_choice) = signal(0u32);
    let (order, set_order) = signal(0u32);
    let drivers = Kept::new(drivers);
    let compact = layout == "compact";
    // The items build when the list mounts, outside the owner that gave this component its
    // contexts (heading level, profile language): each build runs under a child of it, dropped
    // when the order builds them again.
    let parent = Owner::current();
    let items = move || {
        let mut v: Vec<(usize, Driver)> = drivers
            .with(|all| all.iter().cloned().enumerate().collect())
            .unwrap_or_default();
        match sort_of(order.get()) {
            Sort::Given => {}
            Sort::Direction => sort_by_key(&mut v, |(i, d)| (rank(d.direction), *i)),
            Sort::Category => sort_by_key(&mut v, |(i, d)| (d.category.as_str(), *i)),
        }
        let build = move || {
            v.into_iter()
                .map(|(_, d)| view! { <DriverItem driver=d compact choice/> })
                .collect_any()
        };
        // As one `AnyView`: the reactive child every other list and body already is.
        let Some(owner) = parent.as_ref().map(Owner::child) else {
            return build().into_any();
        };
        let view = owner.with(build);
        on_cleanup(move || drop(owner));
        view.into_any()
    };
    // Counted again when read (a few dozen drivers at most): a `Memo` would be one more type.
    let shown = move || {
        let c = choice.get();
        drivers
            .with(|all| all.iter().filter(|d| shows(c, d)).count())
            .unwrap_or(0)
    };
    let sort_label = next_id("sort");
    let sort_group = sort_label.clone();
    let show_controls = controls && total > 1;
    let summary: Vec<String> = counts
        .iter()
        .map(|(d, n)| fill(t.count, &[&n.to_string(), &lower(l.direction(*d))]))
        .collect();
    let summary = joined(&summary, " · ");
    view! {
        <div class=format!("bfx-drivers-widget bfx-drivers-widget--{layout}")>
            {show_controls.then(|| view! {
                <div part="controls" class="bfx-drivers__controls">
                    <p class="bfx-drivers__counts">{summary}</p>
                    <div class="bfx-drivers__filters" role="group" aria-label=t.filter_direction>
                        {directions.into_iter().map(|d| view! {
                            <ToggleChip label=l.direction(d) tone=Tone::from(d) mask=dir_bit(d) value=dir_bit(d) choice=(choice, set_choice)/>
                        }).collect_any()}
                    </div>
                    <div class="bfx-drivers__filters" role="group" aria-label=t.filter_category>
                        {categories.into_iter().map(|c| view! {
                            <ToggleChip label=l.category(c) tone=Tone::Category mask=cat_bit(c) value=cat_bit(c) choice=(choice, set_choice)/>
                        }).collect_any()}
                    </div>
                    <div class="bfx-drivers__sort" role="group" aria-labelledby=sort_group>
                        <span id=sort_label>{t.sort}</span>
                        {[(t.sort_given, Sort::Given), (t.sort_direction, Sort::Direction), (t.sort_category, Sort::Category)]
                            .into_iter()
                            .map(|(label, s)| view! {
                                <ToggleChip label tone=Tone::Category mask=SORT value=s as u32 * SORT_UNIT choice=(order, set_order)/>
                            })
                            .collect_any()}
                    </div>
                    <p class="bfx-drivers__shown" role="status">
                        {move || fill(t.showing, &[&shown().to_string(), &total.to_string()]).into_any()}
                        {move || maybe((choice.get() != 0).then(|| view! {
                            " " <button type="button" class="bfx-drivers__clear"
                                on:click=move |_| set_choice.set(0)>{t.clear_filters}</button>
                        }.into_any()))}
                    </p>
                </div>
            })}
            <ul part="drivers" class="bfx-drivers">
                {items}
            </ul>
            {move || maybe((shown() == 0).then(|| view! { <Empty text=t.no_drivers_match/> }.into_any()))}
        </div>
    }
    .into_any()
}

/// One driver, hidden while the list's filters leave it out.
#[component]
fn DriverItem(
    /// The driver.
    driver: Driver,
    /// One line, the text on demand.
    compact: bool,
    /// The list's filters ([`DIRS`], [`CATS`] bits).
    choice: ReadSignal<u32>,
) -> impl IntoView {
    let d = driver;
    let hidden = {
        let (direction, category) = (d.direction, d.category);
        move || !shows_kinds(choice.get(), direction, category)
    };
    let l = use_reader().locale;
    let text_lang = ProfileLang::here();
    let badges = view! {
        <span class="bfx-driver__badges">
            <Badge tone=d.direction label=l.direction(d.direction)/>
            <Badge tone=Tone::Category label=l.category(d.category)/>
        </span>
    };
    if compact {
        return view! {
            <li class="bfx-driver bfx-driver--compact" hidden=hidden data-direction=d.direction.as_str() data-category=d.category.as_str()>
                <details>
                    <summary class="bfx-driver__head">
                        <span class="bfx-driver__title" dir="auto" lang=text_lang.clone()>{d.title}</span>
                        {badges}
                    </summary>
                    <CollapsibleText text=d.text limit=600/>
                </details>
            </li>
        }
        .into_any();
    }
    view! {
        <li part="driver" class="bfx-driver" hidden=hidden data-direction=d.direction.as_str() data-category=d.category.as_str()>
            <div class="bfx-driver__head">
                <div role="heading" {..aria_level(HeadingLevel::here())} class="bfx-driver__title" dir="auto" lang=text_lang>{d.title}</div>
                {badges}
            </div>
            <CollapsibleText text=d.text limit=260/>
        </li>
    }
    .into_any()
}

/// A toggle button (`aria-pressed`), pressed while the choice's bits under `mask` are `value`.
/// A filter (one bit, `mask == value`) turns on and off; an order (a value under [`SORT`]) is
/// chosen. Buttons, not a `<select>`: Chromium lays out the whole page once per `<select>`
/// built in an off-screen (`content-visibility: auto`) widget (README, "What a reader waits for").
#[component]
fn ToggleChip(
    /// The button's words.
    label: &'static str,
    /// Its colour.
    tone: Tone,
    /// The bits of the choice it sets: its own bit ([`dir_bit`], [`cat_bit`]) or [`SORT`].
    mask: u32,
    /// Its value under `mask`.
    value: u32,
    /// The list's choice, read and set.
    choice: (ReadSignal<u32>, WriteSignal<u32>),
) -> impl IntoView {
    let (choice, set_choice) = choice;
    let on = move |c: u32| c & mask == value;
    view! {
        <button type="button" class=format!("bfx-chip bfx-chip--{}", tone.as_str())
            aria-pressed=move || on(choice.get()).to_string()
            on:click=move |_| set_choice.update(|c| {
                let off = mask == value && on(*c);
                *c = (*c & !mask) | if off { 0 } else { value };
            })>{label}</button>
    }
}

// What the reader chose, as bits of a `u32` (a signal type the crate already has: each signal
// type costs the bundle its own code): the filters, a bit per direction shown and per category
// shown (none of a kind set: all of it); the order, in a signal of its own, above them.
const DIRS: u32 = 0xff;
const CATS: u32 = 0xff << 8;
const SORT_UNIT: u32 = 1 << 16;
const SORT: u32 = 3 * SORT_UNIT;

/// Whether filters `c` show driver `d`.
fn shows(c: u32, d: &Driver) -> bool {
    shows_kinds(c, d.direction, d.category)
}

fn shows_kinds(c: u32, direction: Direction, category: DriverCategory) -> bool {
    let kind = |set: u32, bit: u32| c & set == 0 || c & bit != 0;
    kind(DIRS, dir_bit(direction)) && kind(CATS, cat_bit(category))
}

fn dir_bit(d: Direction) -> u32 {
    1 << (rank(d) & 7)
}

fn cat_bit(c: DriverCategory) -> u32 {
    let i = DriverCategory::ALL
        .iter()
        .position(|x| *x == c)
        .unwrap_or(0);
    1 << (8 + (i & 7))
}

fn sort_of(choice: u32) -> Sort {
    match (choice & SORT) / SORT_UNIT {
        1 => Sort::Direction,
        2 => Sort::Category,
        _ => Sort::Given,
    }
}

#[derive(Clone, Copy, Default, PartialEq)]
enum Sort {
    #[default]
    Given,
    Direction,
    Category,
}

fn rank(d: Direction) -> usize {
    Direction::ALL
        .iter()
        .position(|x| *x == d)
        .unwrap_or(usize::MAX)
}

/// Drivers per direction, most first (ties in the format's order), e.g. 2 positive · 2 mixed ·
/// 1 negative · 1 conditional.
pub fn direction_counts(drivers: &[Driver]) -> Vec<(Direction, usize)> {
    let mut counts: Vec<(Direction, usize)> = Direction::ALL
        .iter()
        .map(|d| (*d, drivers.iter().filter(|x| x.direction == *d).count()))
        .filter(|(_, n)| *n > 0)
        .collect();
    sort_by_key(&mut counts, |(d, n)| (std::cmp::Reverse(*n), rank(*d)));
    counts
}
