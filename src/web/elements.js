// Custom elements for Barfinex Widgets. Rust cannot extend HTMLElement, so this small class is
// shipped as a wasm-bindgen snippet; the wasm start function calls defineElements(mount) once.
// Each element mounts its widget into its own open shadow root and unmounts on removal.
//
// All widgets share one module instance. If it stops (a panic, a trap), its state is undefined
// and no widget will update again: this file, which still runs, then tells the reader so in
// every widget, old and new.

const STOPPED = "These widgets stopped. Reload the page.";
let stopped = false;
// What a stack frame of this module looks like ("wasm://wasm/1a2b3c4d" in Chromium,
// ".../barfinex_widgets_bg.wasm" in Firefox), read from the stack of the first call from it.
let frames = null;
const elements = new Set();

function ownFrames(stack) {
  const m = String(stack ?? "").match(/wasm:\/\/wasm\/[^\s:)]+|[^\s@(]+\.wasm(?=:wasm-function)/);
  return m ? m[0] : null;
}

/** True for a trap of this module (a `WebAssembly.RuntimeError` with its frames; where frames
 * cannot be told apart, any trap). Errors it returns as values (`JsError`) are not traps. */
function fromThisModule(error) {
  if (!(error instanceof WebAssembly.RuntimeError)) return false;
  return frames === null || String(error.stack ?? "").includes(frames);
}

function showStopped(el) {
  let root = el.shadowRoot;
  if (!root) {
    try { root = el.attachShadow({ mode: "open" }); } catch { return; }
  }
  const box = document.createElement("div");
  box.className = "bfx-root";
  box.dataset.theme = el.getAttribute("theme") ?? "auto";
  const alert = document.createElement("div");
  alert.className = "bfx-state bfx-state--error bfx-state--stopped";
  alert.setAttribute("role", "alert");
  const title = document.createElement("strong");
  title.className = "bfx-state__title";
  title.textContent = STOPPED;
  alert.append(title);
  box.append(alert);
  root.replaceChildren(box);
}

/** The module stopped: every widget on the page says so. Called by the panic hook, and here on
 * an uncaught error from the module's frames. */
export function moduleStopped() {
  if (stopped) return;
  stopped = true;
  for (const el of elements) showStopped(el);
}

function watch(event) {
  const error = event.type === "unhandledrejection" ? event.reason : event.error;
  if (fromThisModule(error)) moduleStopped();
}

const WIDGETS = {
  "bfx-asset-card": "asset-card",
  "bfx-driver-list": "driver-list",
  "bfx-regime-matrix": "regime-matrix",
  "bfx-signal-badges": "signal-badges",
  "bfx-technical-rating": "technical-rating",
  "bfx-price-chart": "price-chart",
  "bfx-funding-chart": "funding-chart",
  "bfx-sparkline": "sparkline",
};

export function defineElements(mount) {
  frames = ownFrames(new Error().stack);
  addEventListener("error", watch);
  addEventListener("unhandledrejection", watch);
  for (const [tag, widget] of Object.entries(WIDGETS)) {
    if (customElements.get(tag)) continue;
    customElements.define(tag, class extends HTMLElement {
      static observedAttributes = ["src", "candles", "market", "refresh", "persist", "theme", "layout", "current", "rules"];
      #handle = null;

      connectedCallback() {
        elements.add(this);
        this.#render();
      }

      disconnectedCallback() {
        elements.delete(this);
        this.#call(() => this.#handle?.unmount());
        this.#handle = null;
      }

      attributeChangedCallback() {
        if (this.#handle) this.#render();
      }

      /** Calls into the module; a stop it reports becomes the stopped message everywhere. */
      #call(f) {
        if (stopped) return;
        try {
          f();
        } catch (e) {
          if (fromThisModule(e)) moduleStopped();
          // mount() renders its own error state; this only catches a broken host (no shadow root).
          else console.error(`<${tag}>:`, e);
        }
      }

      #render() {
        if (stopped) return showStopped(this);
        this.#call(() => this.#handle?.unmount());
        this.#handle = null;
        this.#call(() => {
          this.#handle = mount(this, {
            widget,
            src: this.getAttribute("src") ?? "",
            candles: this.getAttribute("candles") ?? undefined,
            market: this.getAttribute("market") ?? undefined,
            refresh: Number(this.getAttribute("refresh") ?? 0),
            persist: this.hasAttribute("persist"),
            theme: this.getAttribute("theme") ?? "auto",
            layout: this.getAttribute("layout") ?? undefined,
            current: this.getAttribute("current") ?? undefined,
            rules: this.getAttribute("rules") ?? undefined,
          });
        });
        if (stopped) showStopped(this);
      }
    });
  }
}
