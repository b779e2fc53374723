// Bounded requests and bodies (issue "Hardening"): a body past its cap is refused while it
// arrives, chunked and without Content-Length, and wasm memory grows by less than twice the cap;
// requests carry no cookies and no Referer unless a source opts in for its own origin; readers
// never see the credentials or query of a URL.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { serve, launch, newPage, loadPackage, appendElement } from "./harness.mjs";

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); server?.stop(); });

const MiB = 1 << 20;
const profile = (id, sources) => ({ version: 1, id, name: `Bounds ${id}`, symbol: "BND", sources });

/** Serves `profiles` (name → profile) at `${server.url}/bounds/<name>.json` through routes. */
async function routeProfiles(page, profiles) {
  await page.route(`${server.url}/bounds/*.json`, (route) => {
    const name = new URL(route.request().url()).pathname.split("/").pop().replace(/\.json$/, "");
    const body = profiles[name];
    return body ? route.fulfill({ json: body }) : route.fallback();
  });
}

/** The messages a mounted widget's shadow root shows. */
const messages = (page, id) => page.evaluate((id) =>
  [...(document.getElementById(id)?.shadowRoot?.querySelectorAll(".bfx-state__message, .bfx-chart__error") ?? [])]
    .map((e) => e.textContent).join(" "), id);

test("a chunked body past the cap is refused while it arrives, and memory stays within twice the cap", { timeout: 90_000 }, async () => {
  const page = await newPage(browser);
  await page.goto(`${server.url}/tests/pages/blank.html`);
  const huge = `${server.market}/fault/huge:64/binance`;
  await routeProfiles(page, {
    huge: profile("huge", [{ series: "candles", source: "binance-spot-klines", symbol: "BNDUSDT", interval: "1h", base_url: huge }]),
  });
  await loadPackage(page, server);
  // A healthy widget first, so the memory a widget needs anyway is already there.
  await page.evaluate((src) => window.mountInto("good", { widget: "driver-list", src }), `${server.url}/www/data/flux.json`);
  await page.locator("#good .bfx-driver").nth(5).waitFor();
  const before = await page.evaluate(() => window.wasmBytes());

  await page.evaluate((src) => window.mountInto("big", { widget: "price-chart", src }), `${server.url}/bounds/huge.json`);
  await page.waitForFunction((id) => /response larger than the limit of 8 MiB/.test(
    [...(document.getElementById(id)?.shadowRoot?.querySelectorAll(".bfx-state__message, .bfx-chart__error") ?? [])]
      .map((e) => e.textContent).join(" ")), "big", { timeout: 30_000 });
  const grown = (await page.evaluate(() => window.wasmBytes())) - before;
  assert.ok(grown <= 2 * 8 * MiB + MiB, `wasm memory grew by ${grown} bytes`);
  // The fault was injected: the server sent the 64 MiB body (it counts what it was asked for).
  const stats = await (await fetch(`${server.market}/__stats`)).json();
  assert.ok(stats.some((l) => l.startsWith("200 [huge:64] /binance/api/v3/klines")), stats.join("\n"));
  console.log(`wasm memory growth for a 64 MiB chunked body under an 8 MiB cap: ${grown} bytes`);
  await page.context().close();
});

test("requests carry no cookies or Referer; a source opts in to cookies for its own origin only", async () => {
  const page = await newPage(browser);
  await page.goto(`${server.url}/tests/pages/blank.html`);
  await page.evaluate(() => { document.cookie = "session=secret; path=/"; });
  const seen = {};
  const own = `${server.url}/bounds-series/own.json`;
  const elsewhere = `${server.market}/series/plain.json`;
  await page.route(`${server.url}/bounds-series/*.json`, async (route) => {
    seen.own = await route.request().allHeaders();
    return route.fulfill({ json: [[1_700_000_000_000, 1], [1_700_000_060_000, 2]] });
  });
  await page.route(`${server.market}/series/*.json`, async (route) => {
    const name = new URL(route.request().url()).pathname.split("/").pop();
    seen[name] = await route.request().allHeaders();
    return route.continue();
  });
  await routeProfiles(page, {
    optin: profile("optin", [{ series: "funding", source: "generic-json", base_url: own, credentials: "same-origin" }]),
    plain: profile("plain", [{ series: "funding", source: "generic-json", base_url: elsewhere }]),
    crossin: profile("crossin", [{ series: "funding", source: "generic-json", base_url: `${server.market}/series/cross.json`, credentials: "same-origin" }]),
    ownplain: profile("ownplain", [{ series: "funding", source: "generic-json", base_url: `${server.url}/bounds-series/ownplain.json` }]),
  });
  await page.setContent(`<script type="module" src="${server.url}/pkg/embed.js"></script>
    <bfx-funding-chart id="optin" src="${server.url}/bounds/optin.json"></bfx-funding-chart>
    <bfx-funding-chart id="plain" src="${server.url}/bounds/plain.json"></bfx-funding-chart>
    <bfx-funding-chart id="crossin" src="${server.url}/bounds/crossin.json"></bfx-funding-chart>`);
  for (const id of ["optin", "plain", "crossin"]) await page.locator(`#${id} canvas`).waitFor();
  // The site's own series, opted in: its cookie goes with it, but not the page as Referer.
  assert.match(seen.own.cookie ?? "", /session=secret/);
  assert.equal(seen.own.referer, undefined);
  // Another origin: no cookie (cookies ignore ports, so 127.0.0.1's would match) and no
  // Referer, opted in or not.
  for (const name of ["plain.json", "cross.json"]) {
    assert.equal(seen[name].cookie, undefined, name);
    assert.equal(seen[name].referer, undefined, name);
  }
  // The site's own series without the opt-in: no cookie either.
  delete seen.own;
  await appendElement(page, "bfx-funding-chart", "ownplain", { src: `${server.url}/bounds/ownplain.json` });
  await page.locator("#ownplain canvas").waitFor();
  assert.equal(seen.own.cookie, undefined);
  await page.context().close();
});

test("readers see a failing URL without its query, and a URL with a password is refused unshown", async () => {
  const page = await newPage(browser);
  await page.goto(`${server.url}/tests/pages/blank.html`);
  const token = `${server.market}/fault/status:404/series/x.json?apikey=TOKEN123`;
  const password = `${server.market.replace("http://", "http://user:hunter2@")}/series/x.json`;
  await routeProfiles(page, {
    leaky: profile("leaky", [{ series: "funding", source: "generic-json", base_url: token }]),
    userinfo: profile("userinfo", [{ series: "funding", source: "generic-json", base_url: password }]),
  });
  await page.setContent(`<script type="module" src="${server.url}/pkg/embed.js"></script>
    <bfx-funding-chart id="leaky" src="${server.url}/bounds/leaky.json"></bfx-funding-chart>
    <bfx-funding-chart id="userinfo" src="${server.url}/bounds/userinfo.json"></bfx-funding-chart>`);
  for (const [id, re] of [["leaky", /HTTP 404/], ["userinfo", /sources\[0\]\.base_url: .*user name or password/]]) {
    await page.waitForFunction(({ id, re }) => new RegExp(re).test(document.getElementById(id)?.shadowRoot?.textContent ?? ""), { id, re: re.source }, { timeout: 30_000 });
  }
  const leaky = await messages(page, "leaky");
  assert.match(leaky, /\/fault\/status:404\/series\/x\.json\?…/);
  const all = await page.evaluate(() => ["leaky", "userinfo"].map((id) => document.getElementById(id).shadowRoot.textContent).join(" "));
  assert.doesNotMatch(all, /hunter2|TOKEN123|apikey|user:/);
  await page.context().close();
});

test("the memory cache keeps its byte budget: ten 7 MiB bodies do not stay in memory", { timeout: 120_000 }, async () => {
  const page = await newPage(browser);
  await page.goto(`${server.url}/tests/pages/blank.html`);
  const profiles = {};
  for (let i = 0; i < 10; i++) {
    profiles[`big${i}`] = profile(`big${i}`, [{ series: "candles", source: "binance-spot-klines", symbol: `BIG${i}USDT`, interval: "1h",
      base_url: `${server.market}/fault/tiny:7/binance` }]);
  }
  await routeProfiles(page, profiles);
  await loadPackage(page, server);
  await page.evaluate((src) => window.mountInto("good", { widget: "driver-list", src }), `${server.url}/www/data/flux.json`);
  await page.locator("#good .bfx-driver").nth(5).waitFor();
  const before = await page.evaluate(() => window.wasmBytes());
  for (let i = 0; i < 10; i++) {
    await page.evaluate(({ id, src }) => { window.w = window.mountInto(id, { widget: "price-chart", src }); }, { id: `big${i}`, src: `${server.url}/bounds/big${i}.json` });
    await page.waitForFunction((id) => document.getElementById(id)?.shadowRoot?.querySelector("[data-error-kind=parse]"), `big${i}`, { timeout: 20_000 });
    await page.evaluate(() => window.w.handle.unmount());
  }
  const grown = (await page.evaluate(() => window.wasmBytes())) - before;
  // Cached bodies stay within 24 MiB; the one being parsed and its neighbour add at most 2 × 8 MiB.
  console.log(`wasm memory after ten 7 MiB bodies: +${grown} bytes`);
  assert.ok(grown <= (24 + 16 + 1) * MiB, `wasm memory grew by ${grown} bytes`);
  await page.context().close();
});
