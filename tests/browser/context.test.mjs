// One market context per widget: `market`, `refresh` and `persist` reach every part of every
// widget that loads market data (each series is fetched from the given server, again every
// second, and kept in sessionStorage), and a request cancelled by a removed card is never
// joined by a new one.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import path from "node:path";
import { serve, launch, newPage, ROOT } from "./harness.mjs";

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); server?.stop(); });

const stats = async () => (await fetch(`${server.market}/__stats`)).json();

// What each part of FLUX's profile loads (www/data/flux.json), and the regime rules' series.
const KLINES = "/binance/fapi/v1/klines?symbol=FLUXUSDT&interval=1h";
const FUNDING = "/binance/fapi/v1/fundingRate?symbol=FLUXUSDT";
const OI = "/binance/futures/data/openInterestHist?symbol=FLUXUSDT&period=1h";
const SUPPLY = ["/series/exchange_supply_share.json", "/series/lth_supply_share.json"];
const REGIME = ["/binance/api/v3/klines?symbol=BTCUSDT&interval=1d", "/series/policy_rate.json", "/series/cpi.json"];

const FLUX = () => `src="${server.url}/www/data/flux.json"`;
const CASES = [
  // The card: market panel and rating (klines), series list (funding, OI, supply shares),
  // charts (klines, funding), signals (all of them).
  ["bfx-asset-card", FLUX, [KLINES, FUNDING, OI, ...SUPPLY]],
  ["bfx-signal-badges", FLUX, [KLINES, FUNDING, OI, ...SUPPLY]],
  ["bfx-technical-rating", FLUX, [KLINES]],
  ["bfx-price-chart", FLUX, [KLINES]],
  ["bfx-funding-chart", FLUX, [FUNDING]],
  ["bfx-sparkline", FLUX, [KLINES]],
  ["bfx-regime-matrix", () => `${FLUX()} rules="${server.url}/www/data/regime-rules.json"`, REGIME],
];

for (const [tag, attrs, urls] of CASES) {
  test(`<${tag}> honours market, refresh and persist in every part`, async () => {
    const p = await newPage(browser);
    await p.goto(`${server.url}/tests/pages/blank.html`);
    await p.evaluate(() => sessionStorage.clear());
    const from = (await stats()).length;
    await p.setContent(`<script type="module" src="${server.url}/pkg/embed.js"></script>
      <${tag} id="w" ${attrs()} market="${server.market}" refresh="1" persist></${tag}>`);
    // market: every series comes from the given server; refresh: each again within seconds.
    const counts = async () => {
      const log = (await stats()).slice(from);
      return urls.map((u) => log.filter((l) => l.includes(u)).length);
    };
    const deadline = Date.now() + 20_000;
    let seen = await counts();
    while (seen.some((n) => n < 2) && Date.now() < deadline) {
      await p.waitForTimeout(250);
      seen = await counts();
    }
    assert.ok(seen.every((n) => n >= 2), `each URL fetched from the market server at least twice: ${urls.map((u, i) => `${u} ×${seen[i]}`).join(", ")}`);
    // persist: each is kept in sessionStorage.
    const keys = await p.evaluate(() => Object.keys(sessionStorage).filter((k) => k.startsWith("bfx:")));
    for (const u of urls) assert.ok(keys.some((k) => k.includes(u)), `${u} persisted (keys: ${keys.join(", ")})`);
    await p.context().close();
  });
}

test("without refresh and persist, nothing repeats and nothing is stored", async () => {
  const p = await newPage(browser);
  await p.goto(`${server.url}/tests/pages/blank.html`);
  await p.evaluate(() => sessionStorage.clear());
  const from = (await stats()).length;
  await p.setContent(`<script type="module" src="${server.url}/pkg/embed.js"></script>
    <bfx-asset-card id="w" ${FLUX()} market="${server.market}"></bfx-asset-card>`);
  await p.locator("#w .bfx-market__price").waitFor({ timeout: 15_000 });
  await p.waitForTimeout(2500);
  const log = (await stats()).slice(from);
  assert.equal(log.filter((l) => l.includes(KLINES)).length, 1, "one klines request, shared by every part");
  assert.deepEqual(await p.evaluate(() => Object.keys(sessionStorage).filter((k) => k.startsWith("bfx:"))), []);
  await p.context().close();
});

test("a card inserted while another with the same src is removed renders, never joining the cancelled request", async () => {
  const p = await newPage(browser);
  let served = 0;
  const body = readFileSync(path.join(ROOT, "www/data/flux.json"), "utf8");
  await p.route("**/race/flux.json", async (route) => {
    served += 1;
    await new Promise((r) => setTimeout(r, 1500));
    await route.fulfill({ status: 200, contentType: "application/json", body });
  });
  await p.goto(`${server.url}/tests/pages/blank.html`);
  await p.setContent(`<script type="module" src="${server.url}/pkg/embed.js"></script>
    <bfx-driver-list id="first" src="${server.url}/race/flux.json"></bfx-driver-list>`);
  await p.waitForFunction(() => document.querySelector("#first").shadowRoot?.querySelector(".bfx-state--loading"));
  // One task: the first card goes (its request is cancelled), a second with the same src comes.
  await p.evaluate((src) => {
    document.querySelector("#first").remove();
    const el = document.createElement("bfx-driver-list");
    el.id = "second";
    el.src = src;
    document.body.append(el);
  }, `${server.url}/race/flux.json`);
  await p.locator("#second .bfx-driver").first().waitFor({ timeout: 15_000 });
  const text = await p.locator("#second").evaluate((el) => el.shadowRoot.textContent);
  assert.ok(!text.includes("cancelled"), text.slice(0, 200));
  assert.ok(served <= 2, `${served} profile requests`);
  await p.context().close();
});
