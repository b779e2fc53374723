// Custom elements for Barfinex Widgets, a wasm-bindgen snippet (Rust cannot extend HTMLElement):
// the wasm start function calls defineElements(mount) once. Each element mounts its widget in
// its own open shadow root, unmounts on removal, observes its own attributes (the registry
// below), reflects each as a property, and updates the widget in place on a change.
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
  showAlert(el, "bfx-state bfx-state--error bfx-state--stopped", STOPPED);
}

/** An attribute value an element refuses (`theme="blue"`): named in the widget and in its
 * `bfx-error` event. Fixing the attribute renders the widget. */
class AttributeError extends Error {
  constructor(attribute, message) {
    super(`attribute ${attribute}: ${message}`);
    this.attribute = attribute;
  }
}

/** An element whose attributes were refused (here, or by mount(), whose messages name the
 * option: `mount options.market: …`) shows why and fires `bfx-error`, instead of staying empty. */
function showRefused(el, error) {
  const text = String(error?.message ?? error);
  const named = /^mount options\.([A-Za-z]+): (.*)$/s.exec(text);
  const attribute = error?.attribute ?? (named ? attributeOf(named[1]) : null);
  const message = named ? `attribute ${attribute}: ${named[2]}` : text;
  showAlert(el, "bfx-state bfx-state--error", message);
  el.shadowRoot?.querySelector(".bfx-state")?.setAttribute("data-error-kind", "attribute");
  el.dispatchEvent(new CustomEvent("bfx-error", {
    bubbles: true, composed: true,
    detail: { kind: "attribute", attribute, url: null, status: null, message },
  }));
}

function showAlert(el, className, text) {
  let root = el.shadowRoot;
  if (!root) {
    try { root = el.attachShadow({ mode: "open" }); } catch { return; }
  }
  const box = document.createElement("div");
  box.className = "bfx-root";
  box.dataset.theme = el.getAttribute("theme") ?? "auto";
  const alert = document.createElement("div");
  alert.className = className;
  alert.setAttribute("role", "alert");
  const title = document.createElement("strong");
  title.className = "bfx-state__title";
  title.textContent = text;
  alert.append(title);
  box.append(alert);
  root.replaceChildren(box);
}

/** The module stopped: every widget on the page says so. Called on a trap of the module, from
 * a call into it (`guardExports`) or uncaught (`watch`). */
function moduleStopped(error) {
  if (stopped) return;
  stopped = true;
  console.error(`Barfinex widgets stopped: ${error?.stack ?? error}`);
  for (const el of elements) showStopped(el);
}

function watch(event) {
  const error = event.type === "unhandledrejection" ? event.reason : event.error;
  if (fromThisModule(error)) moduleStopped(error);
}

/** The module's exports, each function behind a guard: a panic aborts with a trap
 * (`-Cpanic=immediate-abort`, scripts/build-pkg.sh), so the trap, wherever its caller catches
 * it (a page's `try { mount(…) }`, a JS function the module called with a `catch` binding),
 * stops every widget. The glue calls the module through these; the split's parts import the
 * raw table, memory and globals, which pass through. */
export function guardExports(exports) {
  const guarded = {};
  for (const [name, value] of Object.entries(exports)) {
    guarded[name] = typeof value !== "function" ? value : (...args) => {
      try {
        return value(...args);
      } catch (e) {
        if (fromThisModule(e)) moduleStopped(e);
        throw e;
      }
    };
  }
  return guarded;
}

let warmed = false;

/** Whether `locale` is a language tag, read without locale data: a page's first DateTimeFormat
 * costs 25-60 ms (locale and zone data), paid after the current task instead, when the
 * widgets' profile requests are on their way, so the data loads while they travel. Never throws
 * (src/web/reader.rs). */
export function isLanguageTag(locale) {
  try { Intl.getCanonicalLocales(locale); } catch { return false; }
  try { warmed ||= !!setTimeout(() => { try { dateFormat(locale, undefined, 0); } catch {} }); } catch {}
  return true;
}

/** The widgets' date formats in `locale` and `timeZone` (the reader's own when absent): `form`
 * 0 is a full time ("Nov 30, 2026, 08:00 PM UTC"), 1 a day tick ("Nov 30"), 2 a day-and-minute
 * tick ("11/30, 8:00 PM"). Throws on an unknown locale or time zone: the caller
 * (src/web/reader.rs) catches. */
export function dateFormat(locale, timeZone, form) {
  const zone = timeZone ?? undefined;
  return new Intl.DateTimeFormat(locale, form === 1 ? { month: "short", day: "numeric", timeZone: zone }
    : form === 2 ? { month: "numeric", day: "numeric", hour: "numeric", minute: "2-digit", timeZone: zone }
    : { year: "numeric", month: "short", day: "numeric", hour: "2-digit", minute: "2-digit", timeZone: zone, timeZoneName: "short" });
}

// <registry>
// Generated by scripts/gen-registry.mjs from src/web/registry.json: edit that, not this.
/** Each attribute's type: "string", "number", "boolean", or an enum's values. */
const TYPES = {
  "src": "string",
  "candles": "string",
  "market": "string",
  "refresh": "number",
  "persist": "boolean",
  "theme": ["auto","light","dark"],
  "layout": ["full","compact"],
  "current": "string",
  "rules": "string",
  "heading-level": "number",
  "locale": "string",
  "timezone": "string",
  "rating-rules": ["tradingview","library-v3"],
  "intervals": "string",
};
/** Each element's attributes, in order; its widget is its tag without `bfx-`. */
const ELEMENTS = {
  "bfx-asset-card": "src candles market refresh persist rating-rules intervals heading-level locale timezone theme",
  "bfx-driver-list": "src layout heading-level locale timezone theme",
  "bfx-regime-matrix": "src current rules market refresh persist heading-level locale timezone theme",
  "bfx-signal-badges": "src market refresh persist heading-level locale timezone theme",
  "bfx-technical-rating": "src candles market refresh persist rating-rules intervals heading-level locale timezone theme",
  "bfx-price-chart": "src market refresh persist heading-level locale timezone theme",
  "bfx-funding-chart": "src market refresh persist heading-level locale timezone theme",
  "bfx-sparkline": "src market refresh persist heading-level locale timezone theme",
};
// </registry>

/** Attribute `name`'s type: "string", "number", "boolean" or "enum" (`TYPES` holds an enum's
 * values in place of its type). */
const typeOf = (name) => (Array.isArray(TYPES[name]) ? "enum" : TYPES[name]);

/** An attribute's property and mount option (`rating-rules` → `ratingRules`), and back. */
const propertyOf = (name) => name.replace(/-([a-z])/g, (_, c) => c.toUpperCase());
const attributeOf = (key) => key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

/** Reads attribute `name` of `el` as the widget options want it. */
function read(el, name, type) {
  const v = el.getAttribute(name);
  if (type === "boolean") return v !== null;
  if (type === "number") return v === null ? 0 : Number(v);
  return v ?? undefined;
}

/** The property for attribute `name`: reads the attribute (`null` when absent, for strings),
 * writes it (reflects). */
function defineProperty(cls, name, type) {
  Object.defineProperty(cls.prototype, propertyOf(name), {
    configurable: true,
    enumerable: true,
    get() {
      return read(this, name, type) ?? null;
    },
    set(value) {
      if (type === "boolean") this.toggleAttribute(name, Boolean(value));
      else if (value == null) this.removeAttribute(name);
      else this.setAttribute(name, String(value));
    },
  });
}

export function defineElements(mount) {
  // Node, a Worker, server rendering: the computing functions work, there are no elements.
  if (typeof customElements === "undefined") return;
  frames = ownFrames(new Error().stack);
  addEventListener("error", watch);
  addEventListener("unhandledrejection", watch);
  for (const [tag, list] of Object.entries(ELEMENTS)) {
    if (customElements.get(tag)) continue;
    const widget = tag.slice(4);
    const names = list.split(" ");
    const cls = class extends HTMLElement {
      static observedAttributes = names;
      #handle = null;
      #refused = false;

      connectedCallback() {
        elements.add(this);
        // A property set before the element was defined (React 19 and Vue set properties)
        // sits on the instance and would hide the class's accessor: move it through it.
        for (const key of names.map(propertyOf)) {
          if (Object.prototype.hasOwnProperty.call(this, key)) {
            const value = this[key];
            delete this[key];
            this[key] = value;
          }
        }
        this.#render();
      }

      disconnectedCallback() {
        elements.delete(this);
        this.#call(() => this.#handle?.unmount());
        this.#handle = null;
      }

      attributeChangedCallback(name, before, after) {
        if (before === after || !this.isConnected) return;
        if (stopped) return showStopped(this);
        // Its attributes were refused, and this change may fix them. (Before the first render,
        // at upgrade, every attribute comes through here: connectedCallback renders once.)
        if (this.#refused) return this.#render();
        if (!this.#handle) return;
        this.#call(() => this.#handle.update(this.#options()));
      }

      /** Calls into the module; a stop it reports becomes the stopped message everywhere, and
       * options it refuses (an invalid `market`, an unknown `theme`) are shown in the element. */
      #call(f) {
        if (stopped) return;
        try {
          f();
        } catch (e) {
          if (fromThisModule(e)) moduleStopped(e);
          else {
            // The widget (if any) goes: the message takes its place until the attributes change.
            const handle = this.#handle;
            this.#handle = null;
            this.#refused = true;
            try { handle?.unmount(); } catch {}
            showRefused(this, e);
            console.warn(`<${tag}>:`, e);
          }
        }
      }

      #options() {
        const options = { widget, src: "" };
        for (const name of names) {
          const type = typeOf(name), values = type === "enum" ? TYPES[name] : undefined;
          const v = read(this, name, type);
          if (values && v !== undefined && !values.includes(v)) {
            throw new AttributeError(name, `unknown value ${JSON.stringify(v)}, expected ${values.map((x) => JSON.stringify(x)).join(", ")}`);
          }
          if (type === "number" && !Number.isFinite(v)) {
            throw new AttributeError(name, `${JSON.stringify(this.getAttribute(name))} is not a number`);
          }
          if (v !== undefined) options[propertyOf(name)] = v;
        }
        options.theme ??= "auto";
        // The language of the nearest element that states one; else mount() asks the browser.
        options.locale ??= this.closest("[lang]")?.getAttribute("lang") || undefined;
        return options;
      }

      #render() {
        if (stopped) return showStopped(this);
        this.#call(() => this.#handle?.unmount());
        this.#handle = null;
        // A refusal's message, if one is shown, makes way for the widget.
        for (const old of [...(this.shadowRoot?.children ?? [])]) if (old.classList.contains("bfx-root")) old.remove();
        this.#refused = false;
        this.#call(() => {
          this.#handle = mount(this, this.#options());
        });
        if (stopped) showStopped(this);
      }
    };
    for (const name of names) defineProperty(cls, name, typeOf(name));
    customElements.define(tag, cls);
  }
}
