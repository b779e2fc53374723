//! The embedding API: `mount(target, options)` for JavaScript, and the custom elements.
//!
//! Every widget mounts into a container inside an open shadow root, so host CSS cannot reach it
//! and its CSS cannot leak out. All widgets on a page share this one wasm instance. A mounted
//! widget is updated in place (`handle.update(options)`): a new theme restyles the container,
//! any other change gives the widget its new configuration, and it loads what that needs.

use super::components::ErrorState;
use super::net::{js_message, Attached};
use super::styles::shared_sheet;
use super::widgets::{widget_view, WidgetConfig};
use leptos::prelude::*;
use options::read_options;
use std::any::Any;
use std::cell::{Cell, RefCell};
use std::rc::Rc;
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement, ShadowRoot, ShadowRootInit, ShadowRootMode};

mod options;

#[wasm_bindgen(typescript_custom_section)]
const TS_TYPES: &'static str = r#"
/* <registry> */
/** Which widget to mount and where its data comes from (generated from src/web/registry.json). */
export interface MountOptions {
  /** The widget. Default "asset-card". */
  widget?: "asset-card" | "driver-list" | "regime-matrix" | "signal-badges" | "technical-rating" | "price-chart" | "funding-chart" | "sparkline";
  /** URL of the asset profile JSON, absolute or relative to the page; for the regime matrix, several separated by spaces. */
  src: string;
  /** URL of a candles document; the technical rating is computed from it in the reader's browser. (asset-card, technical-rating) */
  candles?: string;
  /** Base URL of a market-data server laid out like the local one (a proxy, a mirror); used for every profile source without its own base_url. (asset-card, regime-matrix, signal-badges, technical-rating, price-chart, funding-chart, sparkline) */
  market?: string;
  /** Seconds between market-data refreshes (1 to 86400); 0 or absent: off. (asset-card, regime-matrix, signal-badges, technical-rating, price-chart, funding-chart, sparkline) */
  refresh?: number;
  /** Keep fetched market data in sessionStorage, so a reload within the tab starts from it. (asset-card, regime-matrix, signal-badges, technical-rating, price-chart, funding-chart, sparkline) */
  persist?: boolean;
  /** Colour theme; auto follows the reader's system setting. Changing it restyles in place. */
  theme?: "auto" | "light" | "dark";
  /** full (filters, sort, expandable text) or compact (titles and badges). (driver-list) */
  layout?: "full" | "compact";
  /** The current market regime, when the page knows it (risk-on, tightening, …). (regime-matrix) */
  current?: string;
  /** URL of a regime-rules document to compute the current regime from (with market). (regime-matrix) */
  rules?: string;
  /** Level of the widget's title heading (1 to 6), to fit the page's outline; its sections' headings are one deeper, their items' one more. */
  headingLevel?: number;
  /** The reader's language, a BCP 47 tag (en, ru-RU): the widget's words, numbers and dates. Absent: the nearest lang attribute, then the browser's language. A language without a table shows English words with its own dates. */
  locale?: string;
  /** IANA time zone of the times shown (Europe/Moscow, UTC). Absent: the reader's own. */
  timezone?: string;
  /** The technical rating's rule set: tradingview (the scanner script behind tradingview.com's gauge) or library-v3 (TradingView's published Pine library TechnicalRating v3). (asset-card, technical-rating) */
  ratingRules?: "tradingview" | "library-v3";
  /** The rating's summary row: intervals separated by spaces (15m 1h 4h 1D), each shown with its rating and choosing its tab. The tabs themselves are every interval of 1m, 5m, 15m, 30m, 1h, 2h, 4h, 1D, 1W, 1M that each source of the candles chain serves, and the profile's own. (asset-card, technical-rating) */
  intervals?: string;
}
/* </registry> */
"#;

/// Which widget, with what: what an update compares.
type Live = (String, WidgetConfig);

/// A mounted widget: Leptos's unmount handle, the container it renders into, its configuration,
/// and the signal that says it changed. (Not a signal of the configuration itself: each signal
/// type costs the bundle its own code, and `signal(u32)` is one the crate already has.)
struct Mounted {
    _view: Box<dyn Any>,
    container: HtmlElement,
    live: Arc<Mutex<Live>>,
    changed: WriteSignal<u32>,
}

/// The configuration, locked (never held across a panic: a panic stops the module, so a
/// poisoned lock still holds a whole value).
fn lock(live: &Mutex<Live>) -> MutexGuard<'_, Live> {
    live.lock().unwrap_or_else(PoisonError::into_inner)
}

thread_local! {
    // Widgets live here (a list by id: no hashing code), not in their JS handles, so a widget
    // whose handle the page drops (and the garbage collector frees) stays until `unmount()`.
    static MOUNTED: RefCell<Vec<(u32, Mounted)>> = const { RefCell::new(Vec::new()) };
    static NEXT_ID: Cell<u32> = const { Cell::new(0) };
}

/// A mounted widget. `unmount()`, `free()` or leaving a `using` block removes it and releases its
/// resources; a handle the page merely drops (garbage collected) leaves its widget in place.
#[wasm_bindgen]
pub struct MountHandle {
    id: u32,
}

#[wasm_bindgen]
impl MountHandle {
    /// Applies new options to the mounted widget, in place: a new `theme` restyles it (no
    /// request, no new nodes); any other change re-renders it inside the same container with its
    /// new configuration, which loads only this widget's data. Options that change nothing do
    /// nothing.
    pub fn update(
        &self,
        #[wasm_bindgen(unchecked_param_type = "MountOptions")] options: JsValue,
    ) -> Result<(), JsError> {
        let (widget, theme, config) = read_options(options)?;
        let Some((container, live, changed)) = MOUNTED.with(|m| {
            m.borrow()
                .iter()
                .find(|(id, _)| *id == self.id)
                .map(|(_, w)| (w.container.clone(), Arc::clone(&w.live), w.changed))
        }) else {
            return Ok(());
        };
        if container.get_attribute("data-theme").as_deref() != Some(theme) {
            let _ = container.set_attribute("data-theme", theme);
        }
        // Screen readers pronounce the widget's words in the reader's language.
        let _ = container.set_attribute("lang", &config.locale);
        let next = (widget, config);
        let mut now = lock(&live);
        if *now != next {
            *now = next;
            drop(now);
            changed.update(|n| *n = n.wrapping_add(1));
        }
        Ok(())
    }

    /// Removes the widget from the page. Calling it again does nothing.
    pub fn unmount(&self) {
        // Dropping Leptos's handle disposes the reactive owner and unmounts the view.
        let mounted = MOUNTED.with(|m| {
            let mut m = m.borrow_mut();
            m.iter()
                .position(|(id, _)| *id == self.id)
                .map(|at| m.swap_remove(at).1)
        });
        if let Some(m) = mounted {
            let container = m.container.clone();
            drop(m);
            container.remove();
        }
    }
}

/// Mounts a widget into `target`'s shadow root (created open if it has none), or into `target`
/// itself when it is a `ShadowRoot`.
///
/// ```js
/// import init, { mount } from "@barfinex/widgets";
/// await init();
/// const handle = mount(document.querySelector("#card"), { src: "/data/flux.json" });
/// handle.unmount();
/// ```
#[wasm_bindgen]
pub fn mount(
    #[wasm_bindgen(unchecked_param_type = "Element | ShadowRoot")] target: JsValue,
    #[wasm_bindgen(unchecked_param_type = "MountOptions")] options: JsValue,
) -> Result<MountHandle, JsError> {
    // Options first: refused options leave nothing behind, not even a shadow root.
    let (widget, theme, config) = read_options(options)?;
    let root = shadow_root_of(&target)?;
    adopt_sheet(&root)?;
    let container = make_container(&root, theme)?;
    let _ = container.set_attribute("lang", &config.locale);
    // The signal is created inside the widget's owner (disposed with it) and handed out here.
    let slot: Rc<Cell<Option<WriteSignal<u32>>>> = Rc::default();
    let out = Rc::clone(&slot);
    let attached = container.clone();
    let live = Arc::new(Mutex::new((widget, config)));
    let shown = Arc::clone(&live);
    let view: Box<dyn Any> = Box::new(mount_to(container.clone(), move || {
        Attached::provide(attached);
        let (changes, changed) = signal(0u32);
        out.set(Some(changed));
        move || {
            changes.track();
            let (widget, config) = lock(&shown).clone();
            match widget_view(&widget, config) {
                Ok(v) => v,
                Err(message) => view! { <ErrorState message=message/> }.into_any(),
            }
        }
    }));
    let changed = slot
        .take()
        .ok_or_else(|| JsError::new("the widget did not start"))?;
    let id = NEXT_ID.with(|n| {
        n.set(n.get().wrapping_add(1));
        n.get()
    });
    let mounted = Mounted {
        _view: view,
        container,
        live,
        changed,
    };
    MOUNTED.with(|m| m.borrow_mut().push((id, mounted)));
    Ok(MountHandle { id })
}

fn shadow_root_of(target: &JsValue) -> Result<ShadowRoot, JsError> {
    if let Some(root) = target.dyn_ref::<ShadowRoot>() {
        return Ok(root.clone());
    }
    let element = target
        .dyn_ref::<Element>()
        .ok_or_else(|| JsError::new("mount target: expected an Element or a ShadowRoot"))?;
    if let Some(root) = element.shadow_root() {
        return Ok(root);
    }
    element
        .attach_shadow(&ShadowRootInit::new(ShadowRootMode::Open))
        .map_err(|e| {
            JsError::new(&format!(
                "mount target <{}>: cannot attach a shadow root ({})",
                element.tag_name().to_ascii_lowercase(),
                js_message(&e).unwrap_or_default()
            ))
        })
}

fn adopt_sheet(root: &ShadowRoot) -> Result<(), JsError> {
    let sheet = shared_sheet().map_err(|e| {
        JsError::new(&format!(
            "stylesheet: {}",
            js_message(&e).unwrap_or_default()
        ))
    })?;
    let sheets = root.adopted_style_sheets();
    if !sheets.includes(&sheet, 0) {
        sheets.push(&sheet);
        root.set_adopted_style_sheets(&sheets);
    }
    Ok(())
}

fn make_container(root: &ShadowRoot, theme: &str) -> Result<HtmlElement, JsError> {
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or_else(|| JsError::new("no document"))?;
    let div = document
        .create_element("div")
        .map_err(|_| JsError::new("cannot create the widget container"))?;
    div.set_class_name("bfx-root");
    let _ = div.set_attribute("data-theme", theme);
    root.append_child(&div)
        .map_err(|_| JsError::new("cannot attach the widget container"))?;
    div.dyn_into::<HtmlElement>()
        .map_err(|_| JsError::new("container is not an HTMLElement"))
}

#[wasm_bindgen(module = "/src/web/elements.js")]
extern "C" {
    #[wasm_bindgen(js_name = defineElements)]
    fn define_elements(mount: &js_sys::Function);
}

/// Runs once when the module is initialised: defines the custom elements. A panic aborts the
/// one module every widget shares with a trap (the package is built with
/// `-Cpanic=immediate-abort`), which `elements.js` turns into "These widgets stopped" in every
/// widget; a build with another panic strategy logs the panic's message first. `private`: the
/// glue runs it as the module's start and exports no `start` function to call again.
#[wasm_bindgen(start, private)]
pub fn start() {
    #[cfg(not(panic = "immediate-abort"))]
    std::panic::set_hook(Box::new(|info| {
        web_sys::console::error_1(&format!("Barfinex widgets panicked: {info}").into());
    }));
    let mount_fn = Closure::<dyn Fn(JsValue, JsValue) -> Result<JsValue, JsValue>>::new(
        |target: JsValue, options: JsValue| {
            mount(target, options)
                .map(JsValue::from)
                .map_err(JsValue::from)
        },
    );
    define_elements(mount_fn.as_ref().unchecked_ref());
    // The elements call it for the page's lifetime.
    mount_fn.forget();
}
