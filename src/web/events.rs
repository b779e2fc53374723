//! The events a widget fires on its element, so a page can follow it without polling:
//! `bfx-load` (its profile loaded), `bfx-error` (it shows an error), `bfx-signals` (its signals
//! were scored) and `bfx-rating` (its technical rating was computed). Each bubbles and is
//! composed (it leaves the shadow root, and is seen on the element as its target), and fires on
//! every new result, refreshes included. The details have the shapes of the computing API
//! (`scoreSignals`, `technicalRating`); the registry lists which element fires which.
//!
//! ```js
//! card.addEventListener("bfx-rating", (e) => console.log(e.detail.rating.label));
//! card.addEventListener("bfx-error", (e) => console.log(e.detail.kind, e.detail.status));
//! ```

use super::api::{rating_js_object, signal_results_js};
use super::net::Attached;
use barfinex_core::rating::RatingDetail;
use barfinex_core::signals::SignalResult;
use js_sys::{Object, Reflect};
use leptos::prelude::*;
use wasm_bindgen::JsValue;
use web_sys::{CustomEvent, CustomEventInit};

/// Where the calling widget's events go: its container (from [`Attached`]); nowhere for a
/// component rendered outside `mount` (a Leptos app listens to its own signals instead).
#[derive(Clone, Copy)]
pub struct Events(Option<Attached>);

/// The calling widget's [`Events`].
pub fn use_events() -> Events {
    Events(use_context::<Attached>())
}

impl Events {
    /// `bfx-load`: `{ id, name, symbol, src }` of the profile loaded from `src`.
    pub fn load(self, src: &str, id: &str, name: &str, symbol: &str) {
        self.emit(
            "bfx-load",
            &[
                ("id", id.into()),
                ("name", name.into()),
                ("symbol", symbol.into()),
                ("src", src.into()),
            ],
        );
    }

    /// `bfx-error`: `{ kind, url, status, message }`; `url` as readers see it (no credentials,
    /// query cut), `url` and `status` null when they do not apply.
    pub fn error(self, kind: &str, url: Option<&str>, status: Option<u16>, message: &str) {
        let url = url.map_or(JsValue::NULL, JsValue::from_str);
        let status = status.map_or(JsValue::NULL, JsValue::from);
        self.emit(
            "bfx-error",
            &[
                ("kind", kind.into()),
                ("url", url),
                ("status", status),
                ("message", message.into()),
            ],
        );
    }

    /// `bfx-signals`: `{ results }`, as `scoreSignals` returns them.
    pub fn signals(self, results: &[SignalResult]) {
        self.emit("bfx-signals", &[("results", signal_results_js(results))]);
    }

    /// `bfx-rating`: `{ rating, symbol, interval, source, synthetic }`; `rating` as
    /// `technicalRating` returns it.
    pub fn rating(
        self,
        rating: &RatingDetail,
        symbol: &str,
        interval: &str,
        source: &str,
        synthetic: bool,
    ) {
        self.emit(
            "bfx-rating",
            &[
                ("rating", rating_js_object(rating).into()),
                ("symbol", symbol.into()),
                ("interval", interval.into()),
                ("source", source.into()),
                ("synthetic", synthetic.into()),
            ],
        );
    }

    fn emit(self, name: &str, fields: &[(&str, JsValue)]) {
        let Some(target) = self.0.and_then(|a| a.0.with(Clone::clone)) else {
            return;
        };
        let detail = Object::new();
        for (k, v) in fields {
            let _ = Reflect::set(&detail, &JsValue::from_str(k), v);
        }
        let init = CustomEventInit::new();
        init.set_bubbles(true);
        init.set_composed(true);
        init.set_detail(&detail);
        // A listener that throws is reported by the browser and stops nothing here.
        if let Ok(event) = CustomEvent::new_with_event_init_dict(name, &init) {
            let _ = target.dispatch_event(&event);
        }
    }
}
