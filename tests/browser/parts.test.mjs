// Styling hooks: every `::part()` name the registry lists for an element (and so the manifest and
// the README) is on that element's shadow DOM once it shows its data or its error, no element
// carries a part the registry does not list, and a host page's `::part()` rule restyles the block.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import path from "node:path";
import { serve, launch, newPage, ROOT } from "./harness.mjs";
import { loadRegistry } from "../../scripts/gen-registry.mjs";

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); server?.stop(); });

const REG = loadRegistry();
const FLUX = JSON.parse(readFileSync(path.join(ROOT, "www/data/flux.json"), "utf8"));

test("every element shows the ::part() names the registry lists for it, and no others", async () => {
  const page = await newPage(browser, { height: 4000 });
  // The same profile with its candles and funding marked synthetic: the charts then show their
  // "Synthetic" badge.
  const synthetic = { ...FLUX, sources: FLUX.sources.map((s) => ({ ...s, synthetic: true })) };
  await page.route("**/parts/flux-synthetic.json", (route) =>
    route.fulfill({ contentType: "application/json", body: JSON.stringify(synthetic) }));
  await page.goto(`${server.url}/tests/pages/blank.html`);
  // Each element loaded (with the market server), failing (its profile missing), and, for the
  // matrix, with one profile (a list) and with two (a table).
  const market = server.market;
  const missing = "/tests/output/no-such-profile.json";
  const pages = [
    // With a summary row where the element has one (the rating's `intervals`).
    ...REG.elements.map((e) => [e.tag, { src: "/parts/flux-synthetic.json", market, ...(e.attributes.includes("intervals") ? { intervals: "1h 4h" } : {}) }]),
    ...REG.elements.map((e) => [e.tag, { src: missing }]),
    ["bfx-regime-matrix", { src: "/www/data/flux.json /parts/flux-synthetic.json" }],
  ];
  await page.evaluate(async (pages) => {
    await import("/pkg/embed.js");
    for (const [tag, attrs] of pages) {
      const el = document.createElement(tag);
      for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
      document.body.append(el);
    }
  }, pages);
  const want = Object.fromEntries(REG.elements.map((e) => [e.tag, [...e.parts].sort()]));
  // The parts each tag shows over all its instances, once every instance is past loading.
  const shown = () => page.evaluate(() => {
    const out = {};
    for (const el of document.body.children) {
      if (!el.shadowRoot) continue;
      const names = out[el.localName] ??= [];
      for (const p of el.shadowRoot.querySelectorAll("[part]")) names.push(...p.getAttribute("part").split(/\s+/));
    }
    const busy = [...document.body.children].some((el) => el.shadowRoot?.querySelector(".bfx-state--loading, [aria-busy=true]"));
    return { busy, parts: Object.fromEntries(Object.entries(out).map(([t, n]) => [t, [...new Set(n)].sort()])) };
  });
  let got;
  for (let i = 0; i < 100; i++) {
    got = await shown();
    if (!got.busy && JSON.stringify(got.parts) === JSON.stringify(want)) break;
    await page.waitForTimeout(100);
  }
  assert.equal(got.busy, false, "a widget was still loading");
  for (const tag of Object.keys(want)) assert.deepEqual(got.parts[tag], want[tag], tag);
});

test("a host page's ::part() rules restyle the blocks inside the shadow root", async () => {
  const page = await newPage(browser);
  await page.goto(`${server.url}/tests/pages/blank.html`);
  await page.evaluate(async (market) => {
    const style = document.createElement("style");
    style.textContent = `
      bfx-asset-card::part(title) { color: rgb(1, 2, 3); }
      bfx-asset-card::part(market) { border-left: 7px solid rgb(4, 5, 6); }
      bfx-driver-list::part(driver) { background-color: rgb(7, 8, 9); }`;
    document.head.append(style);
    await import("/pkg/embed.js");
    document.body.insertAdjacentHTML("beforeend",
      `<bfx-asset-card src="/www/data/flux.json" market="${market}"></bfx-asset-card>
       <bfx-driver-list src="/www/data/flux.json"></bfx-driver-list>`);
  }, server.market);
  const style = (host, sel, prop) => page.locator(`${host} ${sel}`).first().evaluate((el, prop) => getComputedStyle(el)[prop], prop);
  await page.locator("bfx-asset-card .bfx-market").waitFor();
  await page.locator("bfx-driver-list .bfx-driver").first().waitFor();
  assert.equal(await style("bfx-asset-card", ".bfx-card__name", "color"), "rgb(1, 2, 3)");
  assert.equal(await style("bfx-asset-card", ".bfx-market", "borderLeftWidth"), "7px");
  assert.equal(await style("bfx-asset-card", ".bfx-market", "borderLeftColor"), "rgb(4, 5, 6)");
  assert.equal(await style("bfx-driver-list", ".bfx-driver", "backgroundColor"), "rgb(7, 8, 9)");
});
