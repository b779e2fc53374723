// Fault modes of the local market server (issue "Hardening"): each hostile answer ends in an
// error whose kind the test reads from the widget (`data-error-kind`), never from its wording,
// within the fetch deadline plus 3 s, with wasm memory growing by at most twice that kind's
// byte cap plus 1 MB, and no main-thread task over 1 s. Each case first proves the server
// injected its fault (its request log). Then a page of 16 healthy widgets beside one poisoned
// widget per case: the healthy ones stay interactive and keep refreshing, and a new mount works.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { serve, launch, newPage, loadPackage, appendElement } from "./harness.mjs";

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); server?.stop(); });

const MiB = 1 << 20;
const MARKET_CAP = 8 * MiB;
const DEADLINE_MS = 9_000;

/** Each case: the fault spec, the profile source it breaks, and the kind of error it must end
 * in (`null`: it must render, the fault being one the widgets read through). */
const cases = () => {
  const klines = (fault) => ({ series: "candles", source: "binance-spot-klines", symbol: "FAULTUSDT", interval: "1h",
    base_url: `${server.market}/fault/${fault}/binance` });
  const csv = (fault) => ({ series: "candles", source: "generic-csv", base_url: `${server.market}/fault/${fault}/series/wide.csv` });
  return [
    ["huge:64", klines("huge:64"), "too-large"],
    ["bomb:1024", klines("bomb:1024"), "too-large"],
    ["deep:100000", klines("deep:100000"), "parse"],
    ["tiny:7", klines("tiny:7"), "parse"],
    ["wide:1000000", csv("wide:1000000"), "parse"],
    ["type:png", klines("type:png"), "not-data"],
    ["type:xml", klines("type:xml"), "not-data"],
    ["type:octet", klines("type:octet"), null],
    ["type:none", klines("type:none"), null],
    ["stall", klines("stall"), "timeout"],
    ["ra:huge", klines("ra:huge"), "http"],
    ["ra:neg", klines("ra:neg"), "http"],
    ["ra:far", klines("ra:far"), "http"],
    ["ra:junk", klines("ra:junk"), "http"],
  ];
};

const profile = (id, sources) => ({ version: 1, id, name: `Fault ${id}`, symbol: "F", sources });
const slug = (spec) => spec.replace(/[^a-z0-9]/g, "-");

async function routeProfiles(page, list) {
  const byName = Object.fromEntries(list);
  await page.route(`${server.url}/faults/*.json`, (route) => {
    const name = new URL(route.request().url()).pathname.split("/").pop().replace(/\.json$/, "");
    return byName[name] ? route.fulfill({ json: byName[name] }) : route.fallback();
  });
}

/** Watches for main-thread tasks (the longest, in ms, since the last reset), after proving the
 * watch sees one: a 150 ms busy task must show up. */
async function watchLongTasks(page) {
  await page.evaluate(() => {
    window.longest = 0;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.longest = Math.max(window.longest, e.duration);
    }).observe({ type: "longtask", buffered: false });
    setTimeout(() => { const end = performance.now() + 150; while (performance.now() < end); }, 0);
  });
  await page.waitForFunction(() => window.longest >= 140, null, { timeout: 5_000 });
  await page.evaluate(() => { window.longest = 0; });
}

const stats = async () => (await fetch(`${server.market}/__stats`)).json();

test("every fault mode ends in its kind of error, in time, within its memory, with no frozen page", { timeout: 300_000 }, async () => {
  const page = await newPage(browser);
  await page.goto(`${server.url}/tests/pages/blank.html`);
  const list = cases();
  await routeProfiles(page, list.map(([spec, source]) => [slug(spec), profile(slug(spec), [source])]));
  await loadPackage(page, server);
  await watchLongTasks(page);
  // Warm up: one healthy chart, so memory every chart needs is there before the first reading.
  await page.evaluate((src) => window.mountInto("warm", { widget: "price-chart", src }), `${server.url}/www/data/flux.json`);
  await page.waitForFunction(() => document.getElementById("warm").shadowRoot.querySelector("canvas, .bfx-state--error"));
  const report = [];
  for (const [spec, , kind] of list) {
    const id = `f-${slug(spec)}`;
    const before = await page.evaluate(() => { window.longest = 0; return window.wasmBytes(); });
    const started = Date.now();
    await page.evaluate(({ id, src }) => { window.current = window.mountInto(id, { widget: "price-chart", src }); },
      { id, src: `${server.url}/faults/${slug(spec)}.json` });
    const settled = await page.waitForFunction((id) => {
      const root = document.getElementById(id)?.shadowRoot;
      const error = root?.querySelector("[data-error-kind]");
      if (error) return { kind: error.dataset.errorKind };
      return root?.querySelector("canvas") ? { kind: null } : false;
    }, id, { timeout: DEADLINE_MS + 3_000, polling: 100 }).then((h) => h.jsonValue());
    const ms = Date.now() - started;
    const { grown, longest } = await page.evaluate((b) => ({ grown: window.wasmBytes() - b, longest: window.longest }), before);
    const log = await stats();
    assert.ok(log.some((l) => l.includes(`[${spec}] `)), `${spec}: the server never injected it\n${log.join("\n")}`);
    assert.equal(settled.kind, kind, `${spec}: ended as ${settled.kind}, expected ${kind}`);
    assert.ok(grown <= 2 * MARKET_CAP + MiB, `${spec}: wasm memory grew by ${grown} bytes`);
    assert.ok(longest < 1_000, `${spec}: a main-thread task took ${longest} ms`);
    report.push(`${spec}: ${settled.kind ?? "rendered"} after ${ms} ms, wasm +${grown} B, longest task ${Math.round(longest)} ms`);
    await page.evaluate(() => window.current.handle.unmount());
  }
  console.log(report.join("\n"));
  await page.context().close();
});

test("16 healthy widgets beside one poisoned widget per fault stay interactive and keep refreshing", { timeout: 120_000 }, async () => {
  const page = await newPage(browser);
  await page.goto(`${server.url}/tests/pages/blank.html`);
  const list = cases().filter(([, , kind]) => kind);
  await routeProfiles(page, [
    ...list.map(([spec, source]) => [slug(spec), profile(slug(spec), [source])]),
    ["healthy", profile("healthy", [{ series: "candles", source: "binance-spot-klines", symbol: "HEALTHYUSDT", interval: "1h" }])],
  ]);
  const healthy = Array.from({ length: 16 }, (_, i) => i % 2
    ? `<bfx-sparkline id="h${i}" src="${server.url}/faults/healthy.json" market="${server.market}" refresh="1"></bfx-sparkline>`
    : `<bfx-driver-list id="h${i}" src="${server.url}/www/data/flux.json"></bfx-driver-list>`);
  const poisoned = list.map(([spec]) => `<bfx-price-chart id="p-${slug(spec)}" src="${server.url}/faults/${slug(spec)}.json"></bfx-price-chart>`);
  await page.setContent(`<script type="module" src="${server.url}/pkg/embed.js"></script>${healthy.join("")}${poisoned.join("")}`);
  await watchLongTasks(page);
  for (const [spec, , kind] of list) {
    await page.waitForFunction(({ id, kind }) =>
      document.getElementById(id)?.shadowRoot?.querySelector(`[data-error-kind="${kind}"]`), { id: `p-${slug(spec)}`, kind }, { timeout: DEADLINE_MS + 5_000 });
  }
  // The healthy ones: refreshing (requests keep coming), and answering input.
  const count = async () => (await stats()).filter((l) => l.includes("symbol=HEALTHYUSDT")).length;
  const atErrors = await count();
  await page.waitForTimeout(2_500);
  assert.ok(await count() > atErrors, "the healthy widgets stopped refreshing");
  const toggle = page.locator("#h0 .bfx-driver").first().locator(".bfx-text__toggle");
  await toggle.click();
  assert.equal(await toggle.getAttribute("aria-expanded"), "true");
  // A new widget still mounts and renders.
  await appendElement(page, "bfx-driver-list", "late", { src: `${server.url}/www/data/flux.json` });
  await page.locator("#late .bfx-driver").nth(5).waitFor();
  assert.ok(await page.evaluate(() => window.longest) < 1_000);
  await page.context().close();
});
