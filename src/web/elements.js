// Custom elements for Barfinex Widgets. Rust cannot extend HTMLElement, so this small class is
// shipped as a wasm-bindgen snippet; the wasm start function calls defineElements(mount) once.
// Each element mounts its widget into its own open shadow root and unmounts on removal.

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
  for (const [tag, widget] of Object.entries(WIDGETS)) {
    if (customElements.get(tag)) continue;
    customElements.define(tag, class extends HTMLElement {
      static observedAttributes = ["src", "candles", "market", "refresh", "persist", "theme", "layout", "current", "rules"];
      #handle = null;

      connectedCallback() { this.#render(); }

      disconnectedCallback() {
        this.#handle?.unmount();
        this.#handle = null;
      }

      attributeChangedCallback() {
        if (this.#handle) this.#render();
      }

      #render() {
        this.#handle?.unmount();
        this.#handle = null;
        try {
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
        } catch (e) {
          // mount() renders its own error state; this only catches a broken host (no shadow root).
          console.error(`<${tag}>:`, e);
        }
      }
    });
  }
}
