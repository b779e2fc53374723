// Live attributes and properties: a theme change restyles the widget in place (same nodes, no
// request), a data attribute reloads only its own element, every attribute is a reflected
// property (also when set before the element is defined), and each tag observes only its own
// attributes, as the registry says.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import path from "node:path";
import { serve, launch, newPage, ROOT } from "./harness.mjs";

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); server?.stop(); });

const registry = JSON.parse(readFileSync(path.join(ROOT, "src/web/registry.json"), "utf8"));
const stats = async () => (await fetch(`${server.market}/__stats`)).json();
const settle = { timeout: 15_000 };

/** A page with `html` after the embed script; every request it makes is recorded. */
async function page(html, { script = true } = {}) {
  const p = await newPage(browser);
  p.requests = [];
  p.on("request", (r) => p.requests.push(r.url()));
  await p.goto(`${server.url}/tests/pages/blank.html`);
  await p.setContent(`${script ? `<script type="module" src="${server.url}/pkg/embed.js"></script>` : ""}${html}`);
  return p;
}

test("changing theme restyles the card in place: same nodes, no request", async () => {
  const p = await page(`<bfx-asset-card id="a" src="${server.url}/www/data/flux.json" market="${server.market}" theme="light"></bfx-asset-card>`);
  await p.locator("#a .bfx-market__price").waitFor(settle);
  await p.locator("#a .bfx-signal").first().waitFor(settle);
  await p.waitForTimeout(500);
  await p.evaluate(() => {
    const root = document.querySelector("#a").shadowRoot;
    window.before = { root: root.querySelector(".bfx-root"), card: root.querySelector(".bfx-card"), price: root.querySelector(".bfx-market__price") };
    window.look = [getComputedStyle(root.querySelector(".bfx-root")).color, getComputedStyle(root.querySelector(".bfx-card")).backgroundColor].join();
  });
  const pageRequests = p.requests.length;
  const marketRequests = (await stats()).length;
  await p.evaluate(() => document.querySelector("#a").setAttribute("theme", "dark"));
  await p.waitForTimeout(800);
  const after = await p.evaluate(() => {
    const root = document.querySelector("#a").shadowRoot;
    const box = root.querySelector(".bfx-root");
    return {
      sameRoot: box === window.before.root,
      sameCard: root.querySelector(".bfx-card") === window.before.card,
      samePrice: root.querySelector(".bfx-market__price") === window.before.price,
      theme: box.dataset.theme,
      restyled: [getComputedStyle(box).color, getComputedStyle(root.querySelector(".bfx-card")).backgroundColor].join() !== window.look,
    };
  });
  assert.deepEqual(after, { sameRoot: true, sameCard: true, samePrice: true, theme: "dark", restyled: true });
  assert.equal(p.requests.length, pageRequests, "no request from the page");
  assert.equal((await stats()).length, marketRequests, "no request at the market server");
  await p.context().close();
});

test("changing src reloads only that element; the other card keeps its nodes", async () => {
  const p = await page(`
    <bfx-driver-list id="a" src="${server.url}/www/data/flux.json"></bfx-driver-list>
    <bfx-driver-list id="b" src="${server.url}/www/data/flux.json"></bfx-driver-list>`);
  for (const id of ["a", "b"]) await p.locator(`#${id} .bfx-driver`).first().waitFor(settle);
  await p.evaluate(() => { window.bList = document.querySelector("#b").shadowRoot.querySelector(".bfx-drivers"); });
  const before = p.requests.length;
  await p.evaluate((u) => { document.querySelector("#a").src = u; }, `${server.url}/www/data/examples/btc.json`);
  await p.locator("#a .bfx-widget__asset", { hasText: "Bitcoin" }).waitFor(settle);
  const fresh = p.requests.slice(before);
  assert.deepEqual(fresh, [`${server.url}/www/data/examples/btc.json`], "one request, for the new profile");
  assert.equal(await p.evaluate(() => document.querySelector("#b").shadowRoot.querySelector(".bfx-drivers") === window.bList), true);
  assert.equal(await p.getAttribute("#a", "src"), `${server.url}/www/data/examples/btc.json`, "the property reflects");
  await p.context().close();
});

test("every attribute is a property that reflects, with its type", async () => {
  const p = await page(`<bfx-asset-card id="a" src="${server.url}/www/data/flux.json"></bfx-asset-card>`);
  await p.locator("#a .bfx-card__name").waitFor(settle);
  const seen = await p.evaluate(() => {
    const el = document.querySelector("#a");
    const out = { initial: { theme: el.theme, refresh: el.refresh, persist: el.persist, market: el.market } };
    el.theme = "dark";
    el.refresh = 30;
    el.persist = true;
    el.market = "http://127.0.0.1:1";
    out.attrs = ["theme", "refresh", "persist", "market"].map((a) => el.getAttribute(a));
    el.persist = false;
    el.market = null;
    out.cleared = [el.hasAttribute("persist"), el.hasAttribute("market"), el.persist, el.market];
    el.setAttribute("refresh", "60");
    out.fromAttr = [el.refresh, typeof el.refresh];
    out.dark = el.shadowRoot.querySelector(".bfx-root").dataset.theme;
    return out;
  });
  assert.deepEqual(seen, {
    initial: { theme: null, refresh: 0, persist: false, market: null },
    attrs: ["dark", "30", "", "http://127.0.0.1:1"],
    cleared: [false, false, false, null],
    fromAttr: [60, "number"],
    dark: "dark",
  });
  await p.context().close();
});

test("properties set before the element is defined are honoured (React 19 and Vue set properties)", async () => {
  const p = await page(`<div id="host"></div>`, { script: false });
  await p.evaluate((src) => {
    const el = document.createElement("bfx-asset-card");
    el.id = "a";
    el.src = src;
    el.theme = "dark";
    document.querySelector("#host").append(el);
  }, `${server.url}/www/data/flux.json`);
  await p.addScriptTag({ type: "module", url: `${server.url}/pkg/embed.js` });
  await p.locator("#a .bfx-card__name").waitFor(settle);
  assert.equal(await p.locator("#a .bfx-card__name").textContent(), "Flux");
  assert.equal(await p.getAttribute("#a", "src"), `${server.url}/www/data/flux.json`);
  assert.equal(await p.getAttribute("#a", "theme"), "dark");
  assert.equal(await p.evaluate(() => document.querySelector("#a").shadowRoot.querySelector(".bfx-root").dataset.theme), "dark");
  await p.context().close();
});

test("each tag observes exactly the attributes the registry gives it", async () => {
  const p = await page("");
  await p.waitForFunction(() => customElements.get("bfx-sparkline"));
  const observed = await p.evaluate((tags) => Object.fromEntries(tags.map((t) => [t, customElements.get(t).observedAttributes])),
    registry.elements.map((e) => e.tag));
  assert.deepEqual(observed, Object.fromEntries(registry.elements.map((e) => [e.tag, e.attributes])));
  assert.ok(!observed["bfx-sparkline"].includes("layout"));
  await p.context().close();
});
