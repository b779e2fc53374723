// Lifetimes (issue "Hardening"): releasing a handle unmounts its widget; a widget whose target
// leaves the document stops refreshing until it is back; a regime matrix refreshes only rules;
// mount/unmount cycles return timers, observers and page-level listeners to where they were,
// and leave memory where it was.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { serve, launch, newPage, loadPackage } from "./harness.mjs";

let server, browser;
before(async () => { server = await serve(); browser = await launch(["--js-flags=--expose-gc"]); });
after(async () => { await browser?.close(); server?.stop(); });

/** A served page with counters on what a widget can leave running, installed before the module
 * loads, and `mount` from the package. */
async function instrumented() {
  const page = await newPage(browser);
  await page.goto(`${server.url}/tests/pages/blank.html`);
  await page.evaluate(() => {
    const live = { intervals: new Set(), timeouts: new Set(), observers: new Set(), listeners: 0 };
    const { setInterval: si, clearInterval: ci, setTimeout: st, clearTimeout: ct } = window;
    window.setInterval = (...a) => { const id = si.apply(window, a); live.intervals.add(id); return id; };
    window.clearInterval = (id) => { live.intervals.delete(id); ci.call(window, id); };
    window.setTimeout = (f, ...a) => {
      const id = st.call(window, (...x) => { live.timeouts.delete(id); if (typeof f === "function") f(...x); }, ...a);
      live.timeouts.add(id);
      return id;
    };
    window.clearTimeout = (id) => { live.timeouts.delete(id); ct.call(window, id); };
    for (const name of ["ResizeObserver", "IntersectionObserver"]) {
      const Base = window[name];
      window[name] = class extends Base {
        constructor(...a) { super(...a); live.observers.add(this); }
        disconnect() { live.observers.delete(this); super.disconnect(); }
      };
    }
    // Listeners on the page's long-lived targets (window, document, media queries) and on abort
    // signals (a widget's cancel signal and each request's): a widget's own nodes go with it,
    // these do not.
    const lasting = (t) => t === window || t === document || t instanceof MediaQueryList || t instanceof AbortSignal;
    const add = EventTarget.prototype.addEventListener, remove = EventTarget.prototype.removeEventListener;
    EventTarget.prototype.addEventListener = function (...a) { if (lasting(this)) live.listeners++; return add.apply(this, a); };
    EventTarget.prototype.removeEventListener = function (...a) { if (lasting(this)) live.listeners--; return remove.apply(this, a); };
    // Abort controllers alive: made, less those the garbage collector has taken (a finished
    // controller has no other observable state; one a widget still holds is never collected).
    let made = 0, collected = 0;
    const gone = new FinalizationRegistry(() => { collected++; });
    const Controller = window.AbortController;
    window.AbortController = class extends Controller {
      constructor() { super(); made++; gone.register(this, 0); }
    };
    window.controllersMade = () => made;
    window.live = () => ({ intervals: live.intervals.size, timeouts: live.timeouts.size, observers: live.observers.size,
      listeners: live.listeners, controllers: made - collected });
    // `live()` after the collector has run until the controller count stops falling.
    window.liveAfterGc = async () => {
      let last = Infinity;
      for (let i = 0; i < 20 && window.live().controllers < last; i++) {
        last = window.live().controllers;
        window.gc();
        await new Promise((r) => setTimeout(r, 100));
      }
      return window.live();
    };
  });
  await loadPackage(page, server);
  return page;
}

const card = () => ({ src: `${server.url}/www/data/flux.json`, market: server.market });

test("free() and Symbol.dispose unmount; a dropped handle leaves its widget", async () => {
  const page = await instrumented();
  const result = await page.evaluate(async (options) => {
    const settle = () => new Promise((r) => setTimeout(r, 300));
    const a = window.mountInto("a", { ...options, widget: "driver-list" });
    const b = window.mountInto("b", { ...options, widget: "driver-list" });
    let c = window.mountInto("c", { ...options, widget: "driver-list" });
    await settle();
    a.handle[Symbol.dispose]();
    b.handle.free();
    c.handle = null; // dropped, not released
    c = null;
    window.gc();
    await settle();
    const rootOf = (id) => document.getElementById(id).shadowRoot.querySelector(".bfx-root");
    return { a: rootOf("a"), b: rootOf("b"), c: rootOf("c") !== null };
  }, card());
  assert.deepEqual(result, { a: null, b: null, c: true });
  await page.context().close();
});

test("a widget whose target leaves the document stops its timer until it is back", { timeout: 60_000 }, async () => {
  const page = await instrumented();
  const symbol = "DETACHUSDT";
  const profile = { version: 1, id: "detach", name: "Detach", symbol: "DET",
    sources: [{ series: "candles", source: "binance-spot-klines", symbol, interval: "1h" }] };
  await page.route(`${server.url}/lifetimes/detach.json`, (route) => route.fulfill({ json: profile }));
  const requests = async () => (await (await fetch(`${server.market}/__stats`)).json()).filter((l) => l.includes(`symbol=${symbol}`)).length;
  await page.evaluate(({ src, market }) => { window.detached = window.mountInto("d", { widget: "sparkline", src, market, refresh: 1 }); },
    { src: `${server.url}/lifetimes/detach.json`, market: server.market });
  await page.waitForFunction(() => document.getElementById("d").shadowRoot.querySelector("svg, canvas"));
  await page.waitForTimeout(2500);
  assert.ok(await requests() >= 2, "it refreshes while in the document");
  assert.equal((await page.evaluate(() => window.live())).intervals, 1, "its refresh timer runs");
  await page.evaluate(() => window.detached.el.remove());
  await page.waitForTimeout(1200); // one request may already be on its way
  const atRemoval = await requests();
  await page.waitForTimeout(3000);
  assert.equal(await requests(), atRemoval, "no requests while out of the document");
  assert.equal((await page.evaluate(() => window.live())).intervals, 0, "its timer stopped");
  await page.evaluate(() => document.body.append(window.detached.el));
  await page.waitForTimeout(2500);
  assert.ok(await requests() > atRemoval, "refreshing again once back");
  assert.equal((await page.evaluate(() => window.live())).intervals, 1, "its timer runs again");
  await page.evaluate(() => window.detached.handle.unmount());
  await page.context().close();
});

test("a regime matrix refreshes only its rules: no timer for a regime the page gave or for none", { timeout: 60_000 }, async () => {
  const page = await instrumented();
  const timers = async () => { const l = await page.evaluate(() => window.live()); return { intervals: l.intervals, observers: l.observers }; };
  const lineSays = (id, re) => page.waitForFunction(({ id, re }) =>
    new RegExp(re).test(document.getElementById(id).shadowRoot.querySelector(".bfx-current-regime")?.textContent ?? ""), { id, re });
  const matrix = (id, extra) => page.evaluate(({ id, o }) => { window[id] = window.mountInto(id, { ...o, widget: "regime-matrix", refresh: 1 }); },
    { id, o: { ...card(), ...extra } });
  const gone = (id) => page.evaluate((id) => { window[id].handle.unmount(); window[id].el.remove(); }, id);
  const baseline = await timers();
  // Given by the page, or neither given nor ruled: nothing to run again.
  await matrix("given", { current: "risk-on" });
  await matrix("none", {});
  await lineSays("given", "risk-on");
  await lineSays("none", "unknown");
  await page.waitForTimeout(1500);
  assert.deepEqual(await timers(), baseline, "no timer or observer for a regime that cannot change");
  await gone("given");
  await gone("none");
  // With rules: its timer and its observer, which go with the widget.
  await matrix("ruled", { rules: `${server.url}/www/data/regime-rules.json` });
  await lineSays("ruled", "data as of");
  assert.deepEqual(await timers(), { intervals: baseline.intervals + 1, observers: baseline.observers + 1 }, "a refresh timer for rules");
  await gone("ruled");
  assert.deepEqual(await timers(), baseline, "its timer and observer go with it");
  await page.context().close();
});

test("50 mount/unmount cycles return timers, observers, listeners and abort controllers to baseline", { timeout: 120_000 }, async () => {
  const page = await instrumented();
  const widgets = ["asset-card", "driver-list", "signal-badges", "technical-rating", "price-chart", "funding-chart", "sparkline"];
  const counts = await page.evaluate(async ({ options, widgets }) => {
    const settle = (ms) => new Promise((r) => setTimeout(r, ms));
    // One warm-up cycle: the module's own lasting state (the stylesheet, the theme watcher).
    const warm = window.mountInto("warm", { ...options, widget: "asset-card", refresh: 5 });
    await settle(1500);
    warm.handle.unmount();
    warm.el.remove();
    await settle(500);
    const baseline = await window.liveAfterGc();
    // The controller count's self-check: one held is counted, and once dropped it is not.
    window.held = new AbortController();
    const holding = (await window.liveAfterGc()).controllers - baseline.controllers;
    window.held = null;
    const dropped = (await window.liveAfterGc()).controllers - baseline.controllers;
    const madeBefore = window.controllersMade();
    let busiest = 0; // page and abort-signal listeners seen while widgets are mounted
    for (let i = 0; i < 50; i++) {
      const w = window.mountInto(`w${i}`, { ...options, widget: widgets[i % widgets.length], refresh: 5 });
      await settle(i % 10 === 0 ? 800 : 40); // some finish loading, some are cut off mid-request
      busiest = Math.max(busiest, window.live().listeners);
      w.handle.unmount();
      w.el.remove();
    }
    await settle(1500); // aborted requests and their timers settle
    return { baseline, after: await window.liveAfterGc(), busiest, made: window.controllersMade() - madeBefore,
      selfCheck: { holding, dropped } };
  }, { options: card(), widgets });
  console.log(`page resources before and after 50 cycles: ${JSON.stringify(counts)}`);
  assert.deepEqual(counts.selfCheck, { holding: 1, dropped: 0 }, "the controller count sees a held controller");
  assert.deepEqual(counts.after, counts.baseline);
  // The counters do see what widgets hold while they are mounted.
  assert.ok(counts.busiest > counts.baseline.listeners, `listeners seen while mounted: ${counts.busiest}`);
  assert.ok(counts.made >= 100, `abort controllers made in 50 cycles: ${counts.made}`);
  await page.context().close();
});

test("1,000 mount/unmount cycles of a card leave the JS heap and wasm memory within 2 MB", { timeout: 300_000 }, async () => {
  const page = await instrumented();
  const memory = await page.evaluate(async (options) => {
    const settle = (ms) => new Promise((r) => setTimeout(r, ms));
    const cycle = async (i) => {
      const w = window.mountInto(`m${i}`, { ...options, widget: "asset-card" });
      await settle(5);
      w.handle.unmount();
      w.el.remove();
    };
    const reading = async () => {
      await settle(200);
      window.gc();
      await settle(50);
      window.gc();
      return { heap: performance.memory.usedJSHeapSize, wasm: window.wasmBytes() };
    };
    for (let i = 0; i < 10; i++) await cycle(i);
    const before = await reading();
    for (let i = 10; i < 1010; i++) await cycle(i);
    return { before, after: await reading() };
  }, card());
  const heap = memory.after.heap - memory.before.heap;
  const wasm = memory.after.wasm - memory.before.wasm;
  console.log(`1,000 card cycles: JS heap ${heap} bytes, wasm memory ${wasm} bytes`);
  assert.ok(heap <= 2 << 20, `JS heap grew by ${heap} bytes`);
  assert.ok(wasm <= 2 << 20, `wasm memory grew by ${wasm} bytes`);
  await page.context().close();
});
