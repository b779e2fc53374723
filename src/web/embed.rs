//! The embedding API: `mount(target, options)` for JavaScript, and the custom elements.
//!
//! Every widget mounts into a container inside an open shadow root, so host CSS cannot reach it
//! and its CSS cannot leak out. All widgets on a page share this one wasm instance.

use super::components::ErrorState;
use super::styles::shared_sheet;
use super::widgets::{widget_view, WidgetConfig};
use leptos::prelude::*;
use serde::Deserialize;
use std::any::Any;
use std::cell::{Cell, RefCell};
use std::collections::HashMap;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement, ShadowRoot, ShadowRootInit, ShadowRootMode};

#[wasm_bindgen(typescript_custom_section)]
const TS_TYPES: &'static str = r#"
/** Which widget to mount and where its data comes from. */
export interface MountOptions {
  /** The widget. Default "asset-card". */
  widget?: "asset-card" | "driver-list" | "regime-matrix" | "signal-badges" | "technical-rating" |
    "price-chart" | "funding-chart" | "sparkline";
  /** URL of the asset profile JSON, absolute or relative to the page. For "regime-matrix",
   * one or more URLs separated by spaces: one gives a list, several a table. */
  src: string;
  /** "driver-list": "full" (default) or "compact". */
  layout?: "full" | "compact";
  /** "regime-matrix": the current regime, when the page knows it. */
  current?: string;
  /** "regime-matrix": URL of a regime-rules document to compute the current regime from. */
  rules?: string;
  /** URL of a candles document: the card then shows the technical rating computed from it. */
  candles?: string;
  /** Base URL of a market-data server laid out like the local one (`{market}/binance/…`): used
   * for every profile source without a base_url of its own (a proxy, a mirror, the demo server). */
  market?: string;
  /** Seconds between market-data refreshes; 0 or absent: off. */
  refresh?: number;
  /** Keep fetched market data in sessionStorage (a reload within the tab starts from it). */
  persist?: boolean;
  /** Colour theme; "auto" follows the reader's system setting. Default "auto". */
  theme?: "light" | "dark" | "auto";
}
"#;

#[derive(Deserialize)]
struct MountOptions {
    #[serde(default)]
    widget: Option<String>,
    #[serde(default)]
    src: String,
    #[serde(default)]
    candles: Option<String>,
    #[serde(default)]
    market: Option<String>,
    #[serde(default)]
    refresh: Option<f64>,
    #[serde(default)]
    persist: bool,
    #[serde(default)]
    theme: Option<String>,
    #[serde(default)]
    layout: Option<String>,
    #[serde(default)]
    current: Option<String>,
    #[serde(default)]
    rules: Option<String>,
}

/// A mounted widget: Leptos's unmount handle and the container it renders into.
struct Mounted {
    _view: Box<dyn Any>,
    container: HtmlElement,
}

thread_local! {
    // Widgets live here, not in their JS handles, so a widget whose handle the page drops (and
    // the garbage collector frees) stays on the page until `unmount()` is called.
    static MOUNTED: RefCell<HashMap<u32, Mounted>> = RefCell::new(HashMap::new());
    static NEXT_ID: Cell<u32> = const { Cell::new(0) };
}

/// A mounted widget. Call `unmount()` to remove it and release its resources.
#[wasm_bindgen]
pub struct MountHandle {
    id: u32,
}

#[wasm_bindgen]
impl MountHandle {
    /// Removes the widget from the page. Calling it again does nothing.
    pub fn unmount(&self) {
        // Dropping Leptos's handle disposes the reactive owner and unmounts the view.
        let mounted = MOUNTED.with(|m| m.borrow_mut().remove(&self.id));
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
    let root = shadow_root_of(&target)?;
    let options: MountOptions = serde_wasm_bindgen::from_value(options)
        .map_err(|e| JsError::new(&format!("mount options: {e}")))?;
    let theme = match options.theme.as_deref() {
        None | Some("auto") => "auto",
        Some("light") => "light",
        Some("dark") => "dark",
        Some(other) => {
            return Err(JsError::new(&format!(
                "mount options.theme: unknown value {other:?}, expected \"light\", \"dark\" or \"auto\""
            )))
        }
    };
    adopt_sheet(&root)?;
    let container = make_container(&root, theme)?;
    let candles = options.candles.filter(|c| !c.trim().is_empty());
    let market = options.market.filter(|m| !m.trim().is_empty());
    if let Some(m) = &market {
        barfinex_core::model::check_http_url(m)
            .map_err(|e| JsError::new(&format!("mount options.market: {e}")))?;
    }
    let refresh = options
        .refresh
        .filter(|r| r.is_finite() && *r >= 1.0)
        .map_or(0, |r| r.min(86_400.0) as u32);
    let config = WidgetConfig {
        src: options.src,
        candles,
        market,
        refresh,
        persist: options.persist,
        layout: options.layout.filter(|l| !l.trim().is_empty()),
        current: options.current.filter(|c| !c.trim().is_empty()),
        rules: options.rules.filter(|r| !r.trim().is_empty()),
    };
    let widget = options.widget.unwrap_or_else(|| "asset-card".into());
    let view: Box<dyn Any> = Box::new(mount_to(container.clone(), move || {
        match widget_view(&widget, config) {
            Ok(v) => v,
            Err(message) => view! { <ErrorState message=message/> }.into_any(),
        }
    }));
    let id = NEXT_ID.with(|n| {
        n.set(n.get().wrapping_add(1));
        n.get()
    });
    MOUNTED.with(|m| {
        m.borrow_mut().insert(
            id,
            Mounted {
                _view: view,
                container,
            },
        )
    });
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
                "mount target <{}>: cannot attach a shadow root ({e:?})",
                element.tag_name().to_lowercase()
            ))
        })
}

fn adopt_sheet(root: &ShadowRoot) -> Result<(), JsError> {
    let sheet = shared_sheet().map_err(|e| JsError::new(&format!("stylesheet: {e:?}")))?;
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
    /// Every element shows "These widgets stopped. Reload the page." (drawn by the JS side).
    #[wasm_bindgen(js_name = moduleStopped)]
    fn module_stopped();
}

/// Runs once when the module is initialised: defines the custom elements, and makes a panic
/// (which aborts the one module every widget shares) visible in every widget.
#[wasm_bindgen(start)]
pub fn start() {
    std::panic::set_hook(Box::new(|info| {
        web_sys::console::error_1(&format!("Barfinex widgets stopped: {info}").into());
        module_stopped();
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
