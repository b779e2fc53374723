// Events and element behaviour (issue "A package frontend developers are glad to install"):
// `bfx-load`, `bfx-error`, `bfx-signals` and `bfx-rating` reach a listener on the element and on
// the document (bubbling, composed), on every new result; their details match the computing
// API on the same data; a refused attribute is named in the widget and in `bfx-error`, and
// fixing it renders the widget; a relative `market` resolves against the page; a browser that
// cannot compile the module shows a line in every element instead of a blank box.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { serve, launch, newPage } from "./harness.mjs";

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); server?.stop(); });

const EVENTS = ["bfx-load", "bfx-error", "bfx-signals", "bfx-rating"];

/** A served page with `embed.js`, recording every widget event seen on the document (which only
 * bubbling, composed events reach) as `{ type, id, detail }`. */
async function recording(body = "") {
  const page = await newPage(browser);
  await page.goto(`${server.url}/tests/pages/blank.html`);
  // Listening from the page itself (setContent's document.open() drops earlier listeners).
  const listen = `window.seen = [];
    for (const name of ${JSON.stringify(EVENTS)}) document.addEventListener(name,
      (e) => window.seen.push({ type: e.type, id: e.target.id, detail: e.detail, composed: e.composed }));`;
  await page.setContent(`<script>${listen}</script>${body}<script type="module" src="${server.url}/pkg/embed.js"></script>`);
  return page;
}

const seen = (page, type, id) => page.evaluate(({ type, id }) => window.seen.filter((e) => e.type === type && (!id || e.id === id)), { type, id });
const waitSeen = (page, type, id, n = 1) => page.waitForFunction(({ type, id, n }) =>
  window.seen.filter((e) => e.type === type && e.id === id).length >= n, { type, id, n }, { timeout: 15_000 });

test("a card fires bfx-load, bfx-signals and bfx-rating, with the computing API's shapes, again on each refresh", { timeout: 60_000 }, async () => {
  const src = `${server.url}/www/data/flux.json`;
  const page = await recording(`<bfx-asset-card id="c" src="${src}" market="${server.market}" refresh="2"></bfx-asset-card>`);
  await waitSeen(page, "bfx-load", "c");
  await waitSeen(page, "bfx-signals", "c");
  await waitSeen(page, "bfx-rating", "c");
  const [load] = await seen(page, "bfx-load", "c");
  assert.deepEqual(load.detail, { id: "flux", name: "Flux", symbol: "FLUX", src });
  assert.equal(load.composed, true);

  // The signals' detail is what scoreSignals returns: one result per profile signal.
  const [signals] = await seen(page, "bfx-signals", "c");
  const profile = await (await fetch(src)).json();
  assert.equal(signals.detail.results.length, profile.signals.length);
  assert.deepEqual(signals.detail.results.map((r) => r.id), profile.signals.map((s) => s.id));
  assert.ok(signals.detail.results.every((r) => typeof r.state === "string"), JSON.stringify(signals.detail.results[0]));

  // The rating's detail is technicalRating's result on the candles the card shows.
  const [rating] = await seen(page, "bfx-rating", "c");
  const shown = await page.locator("#c .bfx-rating").getAttribute("data-label");
  assert.equal(rating.detail.rating.label ?? "Not enough data", shown);
  assert.equal(typeof rating.detail.rating.total, "number");
  assert.equal(rating.detail.rating.votes.length, 26);
  const badge = await page.locator("#c .bfx-rating").getByText("Synthetic data").count();
  assert.equal(rating.detail.synthetic, badge === 1, "synthetic as the card says");

  // A refresh brings new results, and new events.
  await waitSeen(page, "bfx-signals", "c", 2);
  await waitSeen(page, "bfx-rating", "c", 2);
  assert.deepEqual(await seen(page, "bfx-error", "c"), []);
  await page.context().close();
});

test("bfx-rating's rating equals technicalRating on the candles document it rated", async () => {
  const candles = `${server.url}/www/data/flux-1d.synthetic.json`;
  const src = `${server.url}/www/data/flux.json`;
  const page = await recording(`<bfx-technical-rating id="r" src="${src}" candles="${candles}"></bfx-technical-rating>`);
  await waitSeen(page, "bfx-rating", "r");
  const [event] = await seen(page, "bfx-rating", "r");
  const expected = await page.evaluate(async ({ pkg, candles }) => {
    const { default: init, technicalRating } = await import(pkg);
    await init(); // the embed leaves the computing code out; init() loads it (README)
    const doc = await (await fetch(candles)).json();
    const rows = doc.candles.map(([time, open, high, low, close, volume]) => ({ time, open, high, low, close, volume }));
    return technicalRating(rows);
  }, { pkg: `${server.url}/pkg/barfinex_widgets.js`, candles });
  assert.deepEqual(event.detail.rating, expected);
  assert.equal(event.detail.rating.rules, "tradingview");
  assert.equal(event.detail.synthetic, true);
  await page.context().close();
});

test("rating-rules picks the rule set; a change re-rates, an unknown one is refused", async () => {
  const candles = `${server.url}/www/data/flux-1d.synthetic.json`;
  const src = `${server.url}/www/data/flux.json`;
  const page = await recording(`<bfx-technical-rating id="r" src="${src}" candles="${candles}" rating-rules="library-v3"></bfx-technical-rating>`);
  await waitSeen(page, "bfx-rating", "r");
  const expected = (rules) => page.evaluate(async ({ pkg, candles, rules }) => {
    const { default: init, technicalRating } = await import(pkg);
    await init(); // the embed leaves the computing code out; init() loads it (README)
    const doc = await (await fetch(candles)).json();
    const rows = doc.candles.map(([time, open, high, low, close, volume]) => ({ time, open, high, low, close, volume }));
    return technicalRating(rows, { rules });
  }, { pkg: `${server.url}/pkg/barfinex_widgets.js`, candles, rules });
  const [v3] = await seen(page, "bfx-rating", "r");
  assert.deepEqual(v3.detail.rating, await expected("library-v3"));
  assert.equal(await page.evaluate(() => document.getElementById("r").ratingRules), "library-v3");
  // The property reflects to the attribute, and the widget rates again under the new rules.
  await page.evaluate(() => { document.getElementById("r").ratingRules = "tradingview"; });
  await waitSeen(page, "bfx-rating", "r", 2);
  const [, tv] = await seen(page, "bfx-rating", "r");
  assert.deepEqual(tv.detail.rating, await expected("tradingview"));
  assert.equal(await page.locator("#r").getAttribute("rating-rules"), "tradingview");
  // The two differ on this series (else the test could not tell them apart).
  assert.notDeepEqual(tv.detail.rating.votes, v3.detail.rating.votes);
  await page.evaluate(() => document.getElementById("r").setAttribute("rating-rules", "v4"));
  await waitSeen(page, "bfx-error", "r");
  const [error] = await seen(page, "bfx-error", "r");
  assert.equal(error.detail.attribute, "rating-rules");
  assert.match(error.detail.message, /^attribute rating-rules: unknown value "v4", expected "tradingview", "library-v3"/);
  await page.context().close();
});

test("a failed load fires bfx-error with its kind, URL and status", async () => {
  const src = `${server.url}/www/data/no-such-profile.json`;
  const page = await recording(`<bfx-driver-list id="d" src="${src}"></bfx-driver-list>`);
  await waitSeen(page, "bfx-error", "d");
  const [error] = await seen(page, "bfx-error", "d");
  assert.deepEqual({ ...error.detail, message: undefined }, { kind: "http", url: src, status: 404, message: undefined });
  assert.match(error.detail.message, /HTTP 404/);
  assert.equal(await page.locator("#d .bfx-state--error").getAttribute("data-error-kind"), "http");
  await page.context().close();
});

test("a refused attribute is named in the widget and in bfx-error; fixing it renders the widget", async () => {
  const src = `${server.url}/www/data/flux.json`;
  const page = await recording(`<bfx-driver-list id="d" src="${src}" theme="blue"></bfx-driver-list>`);
  await waitSeen(page, "bfx-error", "d");
  const [error, ...more] = await seen(page, "bfx-error", "d");
  assert.equal(more.length, 0, "one event for one refusal");
  assert.equal(error.detail.kind, "attribute");
  assert.equal(error.detail.attribute, "theme");
  assert.match(error.detail.message, /^attribute theme: unknown value "blue", expected "auto", "light", "dark"$/);
  assert.equal(await page.locator("#d .bfx-state").textContent(), error.detail.message);
  // Fixed: the widget renders in place of the message.
  await page.evaluate(() => document.getElementById("d").setAttribute("theme", "dark"));
  await page.locator("#d .bfx-drivers, #d .bfx-driver").first().waitFor({ timeout: 10_000 });
  assert.equal(await page.locator("#d .bfx-state--error").count(), 0);
  assert.equal(await page.locator("#d .bfx-root").getAttribute("data-theme"), "dark");
  // Broken again while mounted (a property this time), and fixed again.
  await page.evaluate(() => { document.getElementById("d").layout = "wide"; });
  await waitSeen(page, "bfx-error", "d", 2);
  assert.equal((await seen(page, "bfx-error", "d")).length, 2, "one event per refusal");
  assert.match((await seen(page, "bfx-error", "d"))[1].detail.message, /^attribute layout: unknown value "wide", expected "full", "compact"$/);
  await page.evaluate(() => { document.getElementById("d").layout = "compact"; });
  await page.locator("#d .bfx-drivers, #d .bfx-driver").first().waitFor({ timeout: 10_000 });
  assert.equal(await page.locator("#d .bfx-root").count(), 1, "one container, no message left behind");
  // A number that is not one, and mount()'s own refusals (a market URL that is not http(s)).
  const m = await recording(`<bfx-sparkline id="s" src="${src}" refresh="soon"></bfx-sparkline>
    <bfx-sparkline id="t" src="${src}" market="javascript:alert(1)"></bfx-sparkline>`);
  await waitSeen(m, "bfx-error", "s");
  await waitSeen(m, "bfx-error", "t");
  const [[number], [market]] = [await seen(m, "bfx-error", "s"), await seen(m, "bfx-error", "t")];
  assert.deepEqual([number.detail.attribute, number.detail.message], ["refresh", 'attribute refresh: "soon" is not a number']);
  assert.deepEqual([market.detail.kind, market.detail.attribute], ["attribute", "market"]);
  assert.match(market.detail.message, /^attribute market: /);
  await m.context().close();
  await page.context().close();
});

test("a relative market URL resolves against the page", async () => {
  const page = await recording();
  // The page's own /exchange/ path, proxied (as a site would) to the local market server.
  await page.route(`${server.url}/exchange/**`, async (route) => {
    const url = route.request().url().replace(`${server.url}/exchange`, server.market);
    route.fulfill({ response: await route.fetch({ url }) });
  });
  await page.evaluate((src) => {
    const el = document.createElement("bfx-sparkline");
    el.id = "s";
    el.setAttribute("src", src);
    el.setAttribute("market", "/exchange");
    document.body.append(el);
  }, `${server.url}/www/data/flux.json`);
  await page.locator("#s canvas, #s svg").first().waitFor({ timeout: 15_000 });
  assert.deepEqual(await seen(page, "bfx-error", "s"), []);
  await page.context().close();
});

test("a browser that cannot compile the module: every element says so and fires bfx-error", async () => {
  const page = await newPage(browser);
  page.expectErrors(/./); // the failed compilation is reported, on purpose
  // Bytes that are not WebAssembly: compilation fails as it does on a browser without SIMD.
  await page.route("**/barfinex_widgets_bg.wasm", (route) =>
    route.fulfill({ status: 200, contentType: "application/wasm", body: Buffer.from([0, 0x61, 0x73, 0x6d, 1, 0, 0, 0, 0x7b, 0xff]) }));
  await page.goto(`${server.url}/tests/pages/blank.html`);
  const tags = ["bfx-asset-card", "bfx-driver-list", "bfx-regime-matrix", "bfx-signal-badges", "bfx-technical-rating", "bfx-price-chart", "bfx-funding-chart", "bfx-sparkline"];
  await page.setContent(`<script>window.seen = [];
      document.addEventListener("bfx-error", (e) => window.seen.push({ id: e.target.id, kind: e.detail.kind }));</script>
    ${tags.map((t) => `<${t} id="${t}" src="/www/data/flux.json"></${t}>`).join("")}
    <script type="module" src="${server.url}/pkg/embed.js"></script>`);
  await page.waitForFunction((n) => window.seen.length >= n, tags.length, { timeout: 10_000 });
  for (const tag of tags) {
    const line = page.locator(`#${tag} [role=alert]`);
    assert.equal(await line.textContent(), "These widgets need a newer browser (WebAssembly SIMD).", tag);
    assert.equal(await line.getAttribute("data-error-kind"), "unsupported", tag);
  }
  assert.deepEqual((await page.evaluate(() => window.seen)).map((e) => e.id).sort(), [...tags].sort());
  await page.context().close();
});
