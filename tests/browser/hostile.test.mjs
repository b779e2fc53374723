// One hostile data source must not stop the page: every widget shares one wasm instance, so a
// time past the range of `Date` (which made `toISOString()` throw through wasm frames) or a value
// near f64::MAX (which made the tick search of plotters, then the charts' library, loop forever) in one widget's data stopped
// every widget. Here each hostile value gets its own widget beside a healthy card: the hostile
// ones show a named error, the page stays responsive, and a widget added afterwards renders.
// The harness fails the test on any page error or console error.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { serve, launch, newPage, appendElement } from "./harness.mjs";

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); server?.stop(); });

const MAX = 1.7976931348623157e308;
const T0 = 1_700_000_000_000;
const HOUR = 3_600_000;

/** Candle rows [t, o, h, l, c, v] of a gentle walk, `n` hourly bars. */
function rows(n, at = (i, r) => r) {
  return Array.from({ length: n }, (_, i) => {
    const c = 1 + 0.01 * Math.sin(i / 3);
    return at(i, [T0 + i * HOUR, c, c * 1.01, c * 0.99, c, 1000 + i]);
  });
}
const candlesDoc = (candles) => ({ symbol: "HOST", interval: "1h", source: "test", synthetic: true, candles });

/** Profiles and bodies, served at `${server.url}/hostile/…` by routes. Each hostile widget reads
 * one of them; `expect` is what its error must say. */
function hostileCases() {
  const profile = (id, sources) => ({ version: 1, id, name: `Hostile ${id}`, symbol: "HOST", sources });
  const generic = (series, name) => ({ series, source: "generic-json", base_url: `${server.url}/hostile/${name}.json` });
  const candles = (name) => ({ series: "candles", source: "candles-json", base_url: `${server.url}/hostile/${name}.json` });
  return [
    {
      tag: "bfx-funding-chart", name: "far-time",
      profile: profile("far-time", [generic("funding", "far-time-body")]),
      bodies: { "far-time-body": [[T0, 0.001], [8_700_000_000_000_000, 0.002]] },
      expect: /\[1\]\[0\]: time out of range/,
    },
    {
      tag: "bfx-price-chart", name: "max-high",
      profile: profile("max-high", [candles("max-high-body")]),
      bodies: { "max-high-body": candlesDoc(rows(30, (i, r) => (i === 20 ? [r[0], r[1], 1.7e308, r[3], r[4], r[5]] : r))) },
      expect: /values outside the drawable range/,
    },
    {
      tag: "bfx-funding-chart", name: "huge-rate",
      profile: profile("huge-rate", [generic("funding", "huge-rate-body")]),
      bodies: { "huge-rate-body": [[T0, 0.001], [T0 + 8 * HOUR, 1e307]] },
      expect: /values outside the drawable range/,
    },
    {
      tag: "bfx-sparkline", name: "min-close",
      profile: profile("min-close", [candles("min-close-body")]),
      bodies: { "min-close-body": candlesDoc(rows(10, (i, r) => (i === 9 ? [r[0], r[1], r[2], -MAX, -MAX, r[5]] : r))) },
      expect: /values outside the drawable range/,
    },
    {
      tag: "bfx-technical-rating", name: "kraken-far",
      profile: profile("kraken-far", [{ series: "candles", source: "kraken-ohlc", symbol: "HOSTUSD", interval: "1h", base_url: `${server.url}/hostile/exchange` }]),
      bodies: {},
      kraken: { error: [], result: { HOSTUSD: [[1_700_000_000, "1", "1", "1", "1", "1", "1", 1], [9_000_000_000_000, "1", "1", "1", "1", "1", "1", 1], [9_000_000_003_600, "1", "1", "1", "1", "1", "1", 1]], last: 0 } },
      expect: /result\.HOSTUSD\[1\]\[0\]: time out of range/,
    },
    {
      tag: "bfx-technical-rating", name: "doc-far",
      profile: { ...profile("doc-far", []), sources: undefined },
      candles: `${server.url}/hostile/doc-far-body.json`,
      bodies: { "doc-far-body": candlesDoc(rows(3, (i, r) => (i === 2 ? [-9e15, ...r.slice(1)] : r))) },
      expect: /candles\[2\]\[0\]: time out of range/,
    },
  ];
}

async function routeCases(page, cases) {
  const bodies = {};
  for (const c of cases) {
    bodies[c.name] = c.profile;
    Object.assign(bodies, c.bodies);
  }
  await page.route(`${server.url}/hostile/**`, (route) => {
    const url = new URL(route.request().url());
    const kraken = cases.find((c) => c.kraken && url.pathname.startsWith("/hostile/exchange/"));
    const name = url.pathname.replace(/^\/hostile\//, "").replace(/\.json$/, "");
    const body = kraken ? kraken.kraken : bodies[name];
    if (body === undefined) return route.fulfill({ status: 404, body: "" });
    // JSON.stringify writes 1.7976931348623157e+308 as such: the parsers read the real value.
    route.fulfill({ status: 200, contentType: "application/json", body: JSON.stringify(body), headers: { "access-control-allow-origin": "*" } });
  });
}

const message = (page, id) => page.locator(`#${id} .bfx-state--error .bfx-state__message, #${id} .bfx-chart__error, #${id} [role=img]`);

// A hang (the old failure) fails the test instead of stopping the run.
test("hostile values stay in their widget: named errors, a responsive page, a widget added afterwards renders", { timeout: 60_000 }, async () => {
  const page = await newPage(browser);
  page.setDefaultTimeout(20_000);
  const cases = hostileCases();
  await routeCases(page, cases);
  const hostile = cases.map((c) => `<${c.tag} id="${c.name}" src="${server.url}/hostile/${c.name}.json"${c.candles ? ` candles="${c.candles}"` : ""}></${c.tag}>`).join("\n");
  await page.setContent(`<!doctype html>
    <script type="module" src="${server.url}/pkg/embed.js"></script>
    <bfx-asset-card id="good" src="${server.url}/www/data/flux.json" market="${server.market}"></bfx-asset-card>
    ${hostile}`);

  for (const c of cases) {
    // Each hostile widget ends in an error naming the fault: as text, and where it is a chart,
    // in the canvas's text alternative too. A chart is drawn, and its range checked, when it
    // nears the viewport (content-visibility: auto), as a reader scrolling to it would see.
    await page.locator(`#${c.name}`).scrollIntoViewIfNeeded();
    await page.waitForFunction(({ id, re }) => {
      const root = document.getElementById(id)?.shadowRoot;
      const text = [...(root?.querySelectorAll(".bfx-state__message, .bfx-chart__error") ?? [])].map((e) => e.textContent).join(" ");
      return new RegExp(re).test(text);
    }, { id: c.name, re: c.expect.source });
    if (/values outside/.test(c.expect.source)) {
      const label = await page.locator(`#${c.name} [role=img]`).getAttribute("aria-label");
      assert.match(label, /Not drawn: values outside the drawable range/, c.name);
    }
  }
  assert.ok(await message(page, "far-time").count() > 0);

  // The healthy card beside them is complete.
  await page.locator("#good .bfx-driver").nth(5).waitFor();
  await page.locator("#good .bfx-market__price").waitFor();
  assert.equal(await page.locator("#good .bfx-regime").count(), 6);
  assert.equal(await page.locator("#good .bfx-state--stopped").count(), 0);

  // The page still responds to input: the card's first driver text expands.
  const toggle = page.locator("#good .bfx-driver").first().locator(".bfx-text__toggle");
  await toggle.click();
  assert.equal(await toggle.getAttribute("aria-expanded"), "true");

  // A widget added after the faults renders in full, and responds to input too.
  await appendElement(page, "bfx-driver-list", "late", { src: `${server.url}/www/data/flux.json` });
  await page.locator("#late .bfx-driver").nth(5).waitFor();
  const chip = page.locator("#late .bfx-chip", { hasText: /^Negative$/ });
  await chip.click();
  assert.equal(await chip.getAttribute("aria-pressed"), "true");
  assert.equal(await page.locator("#late .bfx-driver:not([hidden])").count(), 1);
  await page.context().close();
});

test("without the range checks this page would stop: the hostile bodies really are past the limits", () => {
  // Guards the test above against fixtures that drift into harmless values.
  const cases = hostileCases();
  const far = cases.find((c) => c.name === "far-time").bodies["far-time-body"][1][0];
  assert.throws(() => new Date(far).toISOString(), RangeError);
  const high = cases.find((c) => c.name === "max-high").bodies["max-high-body"].candles[20][2];
  assert.equal((high - 0.99) * 1.06 + high, Infinity);
  assert.equal(1e307 * 100, Infinity);
});

test("a body with a BOM and bytes that are not UTF-8 reads as Response.text() reads it: the BOM dropped, each bad byte U+FFFD", { timeout: 60_000 }, async () => {
  const page = await newPage(browser);
  const json = (name) => Buffer.from(JSON.stringify({ version: 1, id: "bytes", name, symbol: "BYTE" }));
  const bom = Buffer.from([0xef, 0xbb, 0xbf]);
  // Valid UTF-8 after a BOM, and the same with one byte that no UTF-8 sequence starts with.
  const valid = Buffer.concat([bom, json("Bytes é")]);
  const invalid = Buffer.concat([bom, json("Bad@byte")]);
  invalid[invalid.indexOf("@")] = 0xff;
  await page.route("**/bytes/valid.json", (r) => r.fulfill({ contentType: "application/json", body: valid }));
  await page.route("**/bytes/invalid.json", (r) => r.fulfill({ contentType: "application/json", body: invalid }));
  await page.goto(`${server.url}/tests/pages/blank.html`);
  await page.setContent(`
    <bfx-driver-list id="valid" src="${server.url}/bytes/valid.json"></bfx-driver-list>
    <bfx-driver-list id="invalid" src="${server.url}/bytes/invalid.json"></bfx-driver-list>
    <script type="module" src="${server.url}/pkg/embed.js"></script>`);
  // What the browser's own reader makes of the same bytes.
  const browserReads = (bytes) => page.evaluate((b) => new Response(new Uint8Array(b)).text()
    .then((t) => JSON.parse(t).name), [...bytes]);
  assert.equal(await browserReads(valid), "Bytes é");
  assert.equal(await browserReads(invalid), "Bad\uFFFDbyte");
  for (const [id, bytes] of [["valid", valid], ["invalid", invalid]]) {
    const asset = page.locator(`#${id} .bfx-widget__asset`);
    await asset.waitFor({ timeout: 20_000 });
    assert.equal(await asset.textContent(), await browserReads(bytes));
  }
  await page.context().close();
});
