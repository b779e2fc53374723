use leptos::prelude::on_cleanup;
use web_sys::{AbortController, AbortSignal};

/// A widget's cancellation: created in the widget's reactive owner, fired when the widget is
/// unmounted, so the requests only it was waiting for are aborted.
///
/// ```no_run
/// # use barfinex_widgets::web::net::Cancel;
/// let cancel = Cancel::for_this_owner(); // inside a component
/// ```
#[derive(Clone)]
pub struct Cancel(Option<AbortController>);

impl Cancel {
    /// A cancellation that fires when the current reactive owner is cleaned up.
    pub fn for_this_owner() -> Self {
        // Rendered on a server (no browser, nothing to fetch or abort): no controller.
        if cfg!(not(target_arch = "wasm32")) {
            return Cancel(None);
        }
        let c = Cancel(AbortController::new().ok());
        let fire = c.clone();
        on_cleanup(move || fire.cancel());
        c
    }

    pub fn cancel(&self) {
        if let Some(c) = &self.0 {
            c.abort();
        }
    }

    pub fn signal(&self) -> Option<AbortSignal> {
        self.0.as_ref().map(AbortController::signal)
    }
}
