use super::data::ChartData;
use super::surface::CanvasSurface;
use crate::web::components::primitives::CollectAny;
use crate::web::components::{effect, Packed};
use crate::web::kept::{kept_callback, Kept};
use crate::web::reader::{use_reader, Reader};
use barfinex_charts::{ChartError, Palette, Rgb, Style};
use barfinex_core::float::parse_f64;
use barfinex_core::locale::fill;
use barfinex_core::text;
use leptos::prelude::*;
use std::cell::Cell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlCanvasElement, KeyboardEvent, ResizeObserver, ResizeObserverEntry};

const SWATCHES: [&str; 7] = [
    "bg", "fg", "muted", "border", "accent", "positive", "negative",
];

fn parse_rgb(s: &str) -> Option<Rgb> {
    let inner = text::trim_start(text::trim_space(s).strip_prefix("rgb")?, b"a");
    let nums: Vec<f64> = text::split(text::trim(inner, b"()"), b", /")
        .filter(|p| !p.is_empty())
        .filter_map(parse_f64)
        .collect();
    match nums.as_slice() {
        [r, g, b, ..] => Some(Rgb(*r as u8, *g as u8, *b as u8)),
        _ => None,
    }
}

/// The content-box width in the last entry, when `arg` is a ResizeObserver's list of entries.
fn observed_width(arg: &JsValue) -> Option<f64> {
    let entries = arg.dyn_ref::<js_sys::Array>()?;
    let last = entries.get(entries.length().checked_sub(1)?);
    Some(
        last.dyn_into::<ResizeObserverEntry>()
            .ok()?
            .content_rect()
            .width(),
    )
}

/// Theme colours read from the widget's CSS custom properties (`--bfx-*` → `--_*`), resolved by
/// the browser through hidden swatches, so charts follow light/dark and a host's overrides.
fn read_palette(swatches: &Element) -> Palette {
    let window = web_sys::window();
    let colour = |name: &str, fallback: Rgb| {
        let el = swatches
            .query_selector(&format!("[data-c=\"{name}\"]"))
            .ok()
            .flatten();
        el.and_then(|e| window.as_ref()?.get_computed_style(&e).ok().flatten())
            .and_then(|st| st.get_property_value("color").ok())
            .and_then(|v| parse_rgb(&v))
            .unwrap_or(fallback)
    };
    let d = Palette::default();
    Palette {
        bg: colour("bg", d.bg),
        fg: colour("fg", d.fg),
        muted: colour("muted", d.muted),
        border: colour("border", d.border),
        accent: colour("accent", d.accent),
        positive: colour("positive", d.positive),
        negative: colour("negative", d.negative),
    }
}

/// What a draw function gets: the canvas (its bitmap already CSS size × devicePixelRatio), and
/// the style: palette, ratio to scale fonts and strokes by, the reader's labels and the point a
/// keyboard reader is on.
pub struct DrawCtx<'a> {
    pub canvas: &'a HtmlCanvasElement,
    pub style: Style<'a>,
}

/// Where a key moves the cursor among `points` (`None`: the key is not the chart's).
fn step(key: &str, at: Option<usize>, points: &std::ops::Range<usize>) -> Option<usize> {
    let last = points.end.checked_sub(1).filter(|l| *l >= points.start)?;
    let Some(at) = at else {
        return match key {
            "Home" => Some(points.start),
            "ArrowLeft" | "ArrowRight" | "ArrowUp" | "ArrowDown" | "End" | "PageUp"
            | "PageDown" => Some(last),
            _ => None,
        };
    };
    let to = match key {
        "ArrowLeft" | "ArrowDown" => at.saturating_sub(1),
        "ArrowRight" | "ArrowUp" => at.saturating_add(1),
        "PageDown" => at.saturating_sub(10),
        "PageUp" => at.saturating_add(10),
        "Home" => points.start,
        "End" => last,
        _ => return None,
    };
    Some(to.clamp(points.start, last))
}

impl DrawCtx<'_> {
    /// The canvas's 2D context as a surface `barfinex_charts` draws on.
    pub fn surface(&self) -> Result<CanvasSurface, ChartError> {
        CanvasSurface::new(self.canvas)
    }
}

/// A canvas the component owns (so it works inside a shadow root, where lookup by id does not
/// reach), sharp on high-DPI screens (bitmap = CSS size × devicePixelRatio), redrawn when its
/// box resizes (ResizeObserver), with a text alternative. Draw on it with `barfinex_charts`
/// through [`DrawCtx::surface`], or with any library on `ctx.canvas`.
///
/// ```no_run
/// # use leptos::prelude::*; use barfinex_widgets::web::components::ChartCanvas;
/// view! { <ChartCanvas height=120 label="A flat line" draw=|_ctx| Ok(())/> };
/// ```
#[component]
pub fn ChartCanvas<F>(
    /// Height in CSS pixels; the width follows the container.
    height: u32,
    /// What the chart shows, for screen readers (`role="img"`).
    #[prop(into)]
    label: String,
    /// Draws the chart; an error is logged and shown as the chart's text.
    draw: F,
    /// The points as text: with them the canvas takes focus, and arrow keys (Home, End, Page Up
    /// and Page Down too) move a marked point and announce it; Escape leaves.
    #[prop(default = None)]
    data: Option<ChartData>,
) -> impl IntoView
where
    F: Fn(&DrawCtx) -> Result<(), ChartError> + 'static,
{
    canvas_view(height, label, Rc::new(draw), data)
}

/// Says under the chart why it was not drawn, in a status line added to the chart's box (as
/// text) when a draw fails: a signal of the message would be one more signal type's code.
fn say_not_drawn(canvas: &HtmlCanvasElement, message: &str) {
    let Some(parent) = canvas.parent_element() else {
        return;
    };
    let line = match parent.query_selector(".bfx-chart__error") {
        Ok(Some(line)) => line,
        _ => {
            let document = web_sys::window().and_then(|w| w.document());
            let Some(line) = document.and_then(|d| d.create_element("p").ok()) else {
                return;
            };
            let _ = line.set_attribute("class", "bfx-chart__error");
            let _ = line.set_attribute("role", "status");
            let _ = parent.append_child(&line);
            line
        }
    };
    line.set_text_content(Some(text::trim_space(message)));
}

/// A drawing function, erased: one copy of the canvas's code serves every chart.
pub(super) type Draw = Rc<dyn Fn(&DrawCtx) -> Result<(), ChartError>>;

pub(super) fn canvas_view(
    height: u32,
    label: String,
    draw: Draw,
    data: Option<ChartData>,
) -> AnyView {
    let cursor = Packed::new(None::<usize>);
    let reader: Reader = use_reader();
    let redraw_now = Kept::new(None::<Rc<dyn Fn()>>);
    let w = reader.locale.chart_words();
    // Run once the canvas is in the document (an effect runs after the view is mounted).
    let setup = move |canvas: HtmlCanvasElement| {
        // The box's width, as the ResizeObserver last reported it.
        let width = Rc::new(Cell::new(0.0_f64));
        let redraw = {
            let canvas = canvas.clone();
            let width = Rc::clone(&width);
            move || {
                // The swatches follow the canvas (read from the DOM, not through a `NodeRef`,
                // whose code is compiled per element type).
                let Some(swatches) = canvas.next_element_sibling() else {
                    return;
                };
                let width = width.get().max(1.0);
                let dpr = web_sys::window()
                    .map_or(1.0, |w| w.device_pixel_ratio())
                    .max(1.0);
                canvas.set_width((width * dpr).round() as u32);
                canvas.set_height((height as f64 * dpr).round() as u32);
                let ctx = DrawCtx {
                    canvas: &canvas,
                    style: Style {
                        palette: read_palette(&swatches),
                        dpr,
                        text: &reader,
                        cursor: cursor.get_untracked(),
                    },
                };
                if let Err(e) = draw(&ctx) {
                    web_sys::console::warn_1(&format!("chart: {e}").into());
                    say_not_drawn(&canvas, &fill(w.not_drawn, &[&e.to_string()]));
                }
            }
        };
        let redraw = Rc::new(redraw);
        redraw_now.update(|r| *r = Some(Rc::clone(&redraw) as Rc<dyn Fn()>));
        // Called with the ResizeObserver's entries, or with a colour-scheme change event. Owned
        // by the chart and dropped with it (a closure handed to JS for good would outlive every
        // chart ever drawn).
        let f = kept_callback({
            let width = Rc::clone(&width);
            move |arg: JsValue| {
                if let Some(w) = observed_width(&arg) {
                    width.set(w);
                }
                redraw()
            }
        });
        // The first draw waits for the observer's first report, delivered after layout with the
        // box's width. Reading `clientWidth` here instead forced a layout per chart (and drew
        // each chart twice); a chart off screen in a `content-visibility: auto` widget
        // (theme.css) is drawn when it comes near the viewport.
        match (ResizeObserver::new(&f), canvas.parent_element()) {
            (Ok(ro), Some(parent)) => {
                ro.observe(&parent);
                on_cleanup(move || ro.disconnect());
            }
            (_, parent) => {
                width.set(parent.map_or(0, |p| p.client_width()) as f64);
                let _ = f.call0(&JsValue::NULL);
            }
        }
        // With theme "auto" the colours follow the reader's system setting, and in forced
        // colours the system's palette: either can flip without any resize, so redraw then too.
        for query in ["(prefers-color-scheme: dark)", "(forced-colors: active)"] {
            let mq = web_sys::window().and_then(|w| w.match_media(query).ok().flatten());
            if let Some(mq) = mq {
                if mq.add_event_listener_with_callback("change", &f).is_ok() {
                    let f = f.clone();
                    on_cleanup(move || {
                        let _ = mq.remove_event_listener_with_callback("change", &f);
                    });
                }
            }
        }
    };
    // The canvas handed over as it is built (`use:`), not through a `NodeRef`: each `NodeRef`
    // element type brings its own signal type's code to the bundle.
    let setup = Cell::new(Some(setup));
    let on_build = move |el: Element| {
        let mut once = setup
            .take()
            .map(|f| (f, el.unchecked_into::<HtmlCanvasElement>()));
        effect(move || {
            if let Some((f, canvas)) = once.take() {
                untrack(move || f(canvas));
            }
        });
    };
    let said = {
        let data = data.clone();
        move || Some(data.as_ref()?.announce(w, cursor.get()?))
    };
    let on_key = {
        let data = data.clone();
        move |ev: KeyboardEvent| {
            let Some(data) = data.as_ref() else { return };
            let key = ev.key();
            let to = if key == "Escape" {
                cursor.get_untracked().map(|_| None)
            } else {
                step(&key, cursor.get_untracked(), &data.points).map(Some)
            };
            if let Some(to) = to {
                ev.prevent_default();
                cursor.set(to);
                if let Some(redraw) = redraw_now.with(Clone::clone).flatten() {
                    redraw();
                }
            }
        }
    };
    let focusable = data.is_some();
    let label = if focusable {
        // The keys follow the description as its own sentence.
        let stop = if label.ends_with('.') { "" } else { "." };
        format!("{label}{stop}{}", w.chart_keys)
    } else {
        label
    };
    view! {
        <div class="bfx-chart__box">
            <canvas use:on_build part="canvas" class="bfx-chart__canvas" style:block-size=format!("{height}px")
                role="img" aria-label=label tabindex=focusable.then_some("0") on:keydown=on_key></canvas>
            <span class="bfx-chart__swatches" aria-hidden="true">
                {SWATCHES.into_iter().map(|c| view! { <span data-c=c></span> }).collect_any()}
            </span>
            {focusable.then(|| view! { <p class="bfx-chart__point" aria-live="polite">{move || said().unwrap_or_default().into_any()}</p> })}
        </div>
    }
    .into_any()
}
