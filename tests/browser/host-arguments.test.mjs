// Host-page arguments (issue "Hardening"): whatever a page passes to the computing API or to
// mount() (a Proxy or getter that throws, a detached buffer, a length that lies, a target in
// another document) ends in an error the caller can catch, and the module keeps working: the
// next call succeeds and a widget still mounts.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { serve, launch, newPage } from "./harness.mjs";

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); server?.stop(); });

test("hostile arguments to the JS API are errors, never a stop", async () => {
  const page = await newPage(browser);
  await page.goto(`${server.url}/tests/pages/blank.html`);
  const results = await page.evaluate(async () => {
    const m = await import("/pkg/barfinex_widgets.js");
    await m.default();
    const doc = await (await fetch("/www/data/flux-1d.synthetic.json")).json();
    const col = (i) => new Float64Array(doc.candles.map((r) => r[i]));
    const cols = () => ({ time: col(0), open: col(1), high: col(2), low: col(3), close: col(4), volume: col(5) });
    const rows = () => doc.candles.map(([time, open, high, low, close, volume]) => ({ time, open, high, low, close, volume }));
    const boom = () => { throw new Error("host getter"); };
    const detached = () => { const c = cols(); structuredClone(c.close.buffer, { transfer: [c.close.buffer] }); return c; };
    const lying = () => { const c = cols(); Object.defineProperty(c.close, "length", { get: boom }); return c; };
    const subarray = () => { const c = cols(); c.close.subarray = boom; return c; };
    const proxyRows = () => new Proxy(rows(), { get: (t, k) => (k === "length" ? t.length : boom()) });
    const proxyLength = () => new Proxy(rows(), { get: (t, k) => (k === "length" ? boom() : t[k]) });
    const plainProxy = () => { const c = cols(); c.close = new Proxy(Array.from(c.close), { get: (t, k) => (k === "length" ? t.length : boom()) }); return c; };
    const rowGetter = () => { const r = rows(); Object.defineProperty(r[5], "close", { get: boom }); return r; };
    const objectGetter = () => { const c = cols(); Object.defineProperty(c, "close", { get: boom }); return c; };
    const revoked = () => { const { proxy, revoke } = Proxy.revocable(rows(), {}); revoke(); return proxy; };
    const cases = { detached, lying, subarray, proxyRows, proxyLength, plainProxy, rowGetter, objectGetter, revoked };
    const calls = {
      technicalRating: (c) => m.technicalRating(c),
      everyBar: (c) => m.technicalRating(c, { everyBar: true }),
      indicator: (c) => m.indicator("rsi", { timeperiod: 14 }, c),
      options: () => m.technicalRating(cols(), new Proxy({}, { get: boom })),
      params: (c) => m.indicator("sma", new Proxy({}, { get: boom, ownKeys: boom }), c),
      scoreSignals: (c) => m.scoreSignals([{ title: "t", direction: "Bullish", category: "technical", rule: { kind: "threshold", series: "candles.close", op: ">", value: 0 } }], { candles: c }),
    };
    const out = {};
    for (const [name, make] of Object.entries(cases)) {
      for (const [call, f] of Object.entries(calls)) {
        let outcome;
        // The module must catch the host's exception and return its own error: one that
        // passed through its frames unwound them without running their destructors.
        try { f(make()); outcome = "returned"; } catch (e) {
          outcome = e instanceof WebAssembly.RuntimeError ? `TRAP ${e.message}`
            : e?.message === "host getter" || e instanceof TypeError ? `UNCAUGHT through the module: ${e?.message}` : `error: ${e?.message}`;
        }
        out[`${name}/${call}`] = outcome;
      }
    }
    // mount(): a target in another document, and options that throw.
    const frame = document.createElement("iframe");
    document.body.append(frame);
    const foreign = frame.contentDocument.createElement("div");
    frame.contentDocument.body.append(foreign);
    const mounts = {
      foreignTarget: () => m.mount(foreign, { widget: "driver-list", src: "/www/data/flux.json" }),
      throwingOptions: () => m.mount(document.body.appendChild(document.createElement("div")), new Proxy({}, { get: boom })),
      revokedOptions: () => { const { proxy, revoke } = Proxy.revocable({}, {}); revoke(); return m.mount(document.body.appendChild(document.createElement("div")), proxy); },
      proxyTarget: () => m.mount(new Proxy(document.createElement("div"), { get: boom, getPrototypeOf: boom }), { src: "/www/data/flux.json" }),
    };
    for (const [name, f] of Object.entries(mounts)) {
      let outcome;
      try { f(); outcome = "returned"; } catch (e) {
        outcome = e instanceof WebAssembly.RuntimeError ? `TRAP ${e.message}`
          : e?.message === "host getter" || e instanceof TypeError ? `UNCAUGHT through the module: ${e?.message}` : `error: ${e?.message}`;
      }
      out[`mount/${name}`] = outcome;
    }
    // Still working afterwards: a computation, and a widget that mounts and renders.
    out.after = m.technicalRating(cols()).label;
    const el = document.body.appendChild(document.createElement("div"));
    m.mount(el, { widget: "driver-list", src: "/www/data/flux.json" });
    await new Promise((r) => { const t = setInterval(() => { if (el.shadowRoot?.querySelector(".bfx-driver")) { clearInterval(t); r(); } }, 50); });
    out.mounted = el.shadowRoot.querySelectorAll(".bfx-driver").length;
    return out;
  });
  const bad = Object.entries(results).filter(([, v]) => /^(TRAP|UNCAUGHT)/.test(String(v)));
  assert.deepEqual(bad, []);
  assert.ok(typeof results.after === "string" && results.after.length > 0, JSON.stringify(results));
  assert.equal(results.mounted, 6);
  // What cannot be read is refused as an error. An own `length` or `subarray` on a typed array
  // is ignored (the intrinsic ones are used), so those compute; so do options that throw (a
  // rating's options are optional).
  for (const [k, v] of Object.entries(results)) {
    if (["after", "mounted"].includes(k) || /^(lying|subarray)\//.test(k) || k.endsWith("/options")) continue;
    assert.match(String(v), /^error: /, k);
  }
  for (const k of ["lying/technicalRating", "subarray/indicator"]) assert.equal(results[k], "returned", k);
  console.log(JSON.stringify(results));
  await page.context().close();
});
