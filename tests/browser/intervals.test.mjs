// The rating on every interval (issue #20): tabs for what every source of the candle chain
// serves, chosen by mouse and keyboard; each tab's rating equals the computing API's on the very
// candles the widget was served; an interval already loaded is never fetched again; the summary
// row shows each named interval's rating and chooses its tab; a refresh reloads what is shown.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { serve, launch, newPage } from "./harness.mjs";

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); server?.stop(); });

const settle = { timeout: 15_000 };
// Binance, then Bybit, then Kraken: Kraken has no 2h and no 1M, so neither is a tab.
const chain = (symbol) => ({
  version: 1, id: "t", name: "Test", symbol: "T",
  sources: [{
    series: "candles", source: "binance-futures-klines", symbol, interval: "1h",
    fallbacks: [{ source: "bybit-kline", symbol, interval: "1h" }, { source: "kraken-ohlc", symbol: `${symbol}USD`, interval: "1h" }],
  }],
});

/** A page with one `<bfx-technical-rating>`; records every klines response (URL, body, when)
 * and every `bfx-rating` event. */
async function ratingPage(symbol, attrs = "") {
  const page = await newPage(browser);
  const name = `tabs-${symbol}.json`;
  await page.route(`**/${name}`, (r) => r.fulfill({ status: 200, contentType: "application/json", body: JSON.stringify(chain(symbol)) }));
  page.klines = [];
  page.on("response", async (r) => {
    if (!r.url().includes("/fapi/v1/klines") || r.request().method() !== "GET") return;
    const at = Date.now();
    // A response still arriving as the test closes its page has no body to read: not recorded
    // (unread, it failed the file with an unhandled rejection after every test had passed).
    const body = await r.text().catch(() => null);
    if (body !== null) page.klines.push({ interval: new URL(r.url()).searchParams.get("interval"), body, at });
  });
  await page.goto(`${server.url}/tests/pages/blank.html`);
  await page.setContent(`<script type="module" src="${server.url}/pkg/embed.js"></script>
    <main><bfx-technical-rating id="r" src="${server.url}/${name}" market="${server.market}" ${attrs}></bfx-technical-rating></main>`);
  await page.evaluate(() => {
    window.ratings = [];
    document.querySelector("#r").addEventListener("bfx-rating", (e) => window.ratings.push(e.detail));
  });
  return page;
}

const requested = (page) => page.klines.map((k) => k.interval);
const tab = (page, iv) => page.locator(`#r [role=tab][data-interval="${iv}"]`);
const focusedInterval = (page) => page.locator("#r").evaluate((el) => el.shadowRoot.activeElement?.dataset.interval ?? null);

/** The computing API's rating of a served klines body, the bars up to `last` (the widget's last
 * closed bar), or those closed by `at` when `last` is not known. */
async function reference(page, body, { last, at }) {
  return page.evaluate(async ({ body, last, at }) => {
    const m = await import("/pkg/barfinex_widgets.js");
    await m.default();
    const rows = JSON.parse(body).map((r) => r.map(Number))
      .filter((r) => (last !== undefined ? r[0] <= last : r[6] < at));
    const col = (i) => new Float64Array(rows.map((r) => r[i]));
    const cols = { time: rows.map((r) => r[0]), open: col(1), high: col(2), low: col(3), close: col(4), volume: col(5) };
    const { everyBar, ...detail } = m.technicalRating(cols) ?? {};
    return detail;
  }, { body, last, at });
}

/** Checks the shown tab against the computing API on the candles it was served. */
async function shownMatches(page, iv) {
  await page.locator(`#r [role=tabpanel][data-interval="${iv}"] .bfx-rating`).waitFor(settle);
  const event = await page.waitForFunction((iv) => window.ratings.findLast((r) => r.interval === iv), iv, settle).then((h) => h.jsonValue());
  const served = page.klines.findLast((k) => k.interval === iv);
  assert.ok(served, `${iv}: the widget's klines response was seen`);
  const ref = await reference(page, served.body, { last: event.rating.time });
  assert.equal(event.rating.total, ref.total, `${iv}: bfx-rating's score is the computing API's`);
  assert.equal(event.rating.label, ref.label, `${iv}: bfx-rating's label is the computing API's`);
  const panel = page.locator("#r [role=tabpanel]");
  assert.equal(await panel.locator(".bfx-rating").getAttribute("data-label"), ref.label ?? "Not enough data", `${iv}: the label shown`);
  assert.equal(Number(await panel.locator("[part=dial]").getAttribute("data-score")), Number(ref.total.toFixed(4)), `${iv}: the dial's score`);
}

test("interval tabs: what the chain serves, mouse and keyboard, the computing API's rating, no repeated request, the summary row", { timeout: 120_000 }, async () => {
  const page = await ratingPage("TABSUSDT", `intervals="15m 1h 4h 1D 2h"`);
  const tabs = page.locator("#r [role=tab]");
  await tabs.first().waitFor(settle);
  assert.deepEqual(await tabs.allTextContents(), ["1m", "5m", "15m", "30m", "1h", "4h", "1D", "1W"], "Kraken's chain: no 2h, no 1M");
  assert.equal(await page.locator("#r [role=tablist]").getAttribute("aria-label"), "Interval");
  const selected = () => page.locator("#r [role=tab][aria-selected=true]").getAttribute("data-interval");
  assert.equal(await selected(), "1h", "the profile's interval is chosen first");
  assert.deepEqual(await tabs.evaluateAll((ts) => ts.map((t) => t.tabIndex)), [-1, -1, -1, -1, 0, -1, -1, -1], "one tab in the tab order");
  const panel = page.locator("#r [role=tabpanel]");
  assert.equal(await panel.getAttribute("aria-labelledby"), await tab(page, "1h").getAttribute("id"));

  // The summary row: its intervals load at once, each once; the 2h no source of the chain serves.
  const picks = page.locator("#r [part=interval-summary] > li");
  assert.deepEqual(await picks.evaluateAll((ls) => ls.map((l) => (l.dataset.interval ?? l.firstElementChild.dataset.interval))), ["15m", "1h", "4h", "1d", "2h"]);
  const labels = () => page.locator("#r button.bfx-intervals__pick [data-label]").evaluateAll((ls) => ls.map((l) => l.dataset.label));
  await page.waitForFunction(() => [...document.querySelector("#r").shadowRoot.querySelectorAll("button.bfx-intervals__pick [data-label]")]
    .every((l) => l.dataset.label !== "loading"), null, settle);
  assert.equal((await labels()).length, 4);
  assert.match(await picks.nth(4).textContent(), /^2hnot offered by the sources$/);
  assert.deepEqual(requested(page).sort(), ["15m", "1d", "1h", "4h"], "one request per interval, none for 2h");
  for (const [i, iv] of [[0, "15m"], [2, "4h"], [3, "1d"]]) {
    const served = page.klines.find((k) => k.interval === iv);
    const ref = await reference(page, served.body, { at: served.at });
    assert.equal(await picks.nth(i).locator("[data-label]").getAttribute("data-label"), ref.label ?? "Not enough data", `summary ${iv}: the computing API's label`);
  }
  await shownMatches(page, "1h");

  // Mouse: 4h was loaded by the summary (no request); 5m is new (one request).
  await tab(page, "4h").click();
  assert.equal(await selected(), "4h");
  await shownMatches(page, "4h");
  await tab(page, "5m").click();
  await shownMatches(page, "5m");
  assert.equal(requested(page).filter((i) => i === "5m").length, 1);

  // Keyboard: arrows move the focus (wrapping), Home and End jump, Enter and Space choose.
  await tab(page, "5m").focus();
  await page.keyboard.press("ArrowRight");
  assert.equal(await focusedInterval(page), "15m");
  await page.keyboard.press("ArrowLeft");
  await page.keyboard.press("ArrowLeft");
  assert.equal(await focusedInterval(page), "1m");
  await page.keyboard.press("ArrowLeft");
  assert.equal(await focusedInterval(page), "1w", "wraps to the last");
  assert.equal(await selected(), "5m", "moving the focus chooses nothing (nothing fetched on the way)");
  await page.keyboard.press("Enter");
  assert.equal(await selected(), "1w");
  await shownMatches(page, "1w");
  await page.keyboard.press("Home");
  for (let i = 0; i < 4; i++) await page.keyboard.press("ArrowRight");
  assert.equal(await focusedInterval(page), "1h");
  await page.keyboard.press("Space");
  assert.equal(await selected(), "1h");
  await shownMatches(page, "1h");
  await page.keyboard.press("End");
  assert.equal(await focusedInterval(page), "1w");
  assert.equal(await page.locator("#r").evaluate((el) => getComputedStyle(el.shadowRoot.activeElement).outlineStyle), "solid", "focus is visible");

  // Back to tabs already loaded: shown again, fetched never.
  const before = page.klines.length;
  for (const iv of ["5m", "4h", "1w", "15m"]) {
    await tab(page, iv).click();
    await page.locator(`#r [role=tabpanel][data-interval="${iv}"] .bfx-rating`).waitFor(settle);
  }
  // The summary's 1D chooses its tab and takes the focus there.
  await picks.nth(3).locator("button").click();
  assert.equal(await selected(), "1d");
  assert.equal(await focusedInterval(page), "1d");
  await shownMatches(page, "1d");
  await page.waitForTimeout(300);
  assert.equal(page.klines.length, before, `no request repeated: ${requested(page).join(" ")}`);
  assert.deepEqual(requested(page).sort(), ["15m", "1d", "1h", "4h", "1w", "5m"].sort());
});

test("a refresh reloads the tab shown and the summary's intervals, and a hidden tab when it is shown again", { timeout: 90_000 }, async () => {
  const page = await ratingPage("TABSREFRESH", `intervals="4h" refresh="2"`);
  await tab(page, "5m").waitFor(settle);
  await tab(page, "5m").click();
  await page.locator(`#r [role=tabpanel][data-interval="5m"] .bfx-rating`).waitFor(settle);
  await tab(page, "15m").click();
  await page.locator(`#r [role=tabpanel][data-interval="15m"] .bfx-rating`).waitFor(settle);
  const count = (iv) => requested(page).filter((i) => i === iv).length;
  const at = { "5m": count("5m"), "15m": count("15m"), "4h": count("4h") };
  await page.waitForTimeout(4_500); // two refreshes
  assert.ok(count("15m") >= at["15m"] + 1, "the tab shown is refreshed");
  assert.ok(count("4h") >= at["4h"] + 1, "the summary's interval is refreshed");
  assert.equal(count("5m"), at["5m"], "a hidden tab is not");
  await tab(page, "5m").click();
  await page.waitForTimeout(300);
  assert.equal(count("5m"), at["5m"] + 1, "a hidden tab a refresh passed is fetched again when shown");
});

test("a candles document shows no tabs (chain_intervals' native test covers the chains)", async () => {
  const page = await newPage(browser);
  await page.goto(`${server.url}/tests/pages/blank.html`);
  await page.setContent(`<script type="module" src="${server.url}/pkg/embed.js"></script>
    <bfx-technical-rating id="doc" src="${server.url}/www/data/flux.json" candles="${server.url}/www/data/flux-1d.synthetic.json"></bfx-technical-rating>`);
  await page.locator("#doc .bfx-rating").waitFor(settle);
  assert.equal(await page.locator("#doc [role=tab]").count(), 0);
});

test("an intervals attribute outside the grammar, or too long, is refused by name", async () => {
  const page = await newPage(browser);
  await page.goto(`${server.url}/tests/pages/blank.html`);
  const many = Array.from({ length: 13 }, (_, i) => `${i + 1}m`).join(" ");
  await page.setContent(`<script type="module" src="${server.url}/pkg/embed.js"></script>
    <bfx-technical-rating id="y" src="${server.url}/www/data/flux.json" intervals="1h 1y"></bfx-technical-rating>
    <bfx-technical-rating id="n" src="${server.url}/www/data/flux.json" intervals="${many}"></bfx-technical-rating>`);
  const state = (id) => page.locator(`#${id} .bfx-state--error`);
  await state("y").waitFor(settle);
  await state("n").waitFor(settle);
  assert.equal(await state("y").getAttribute("data-error-kind"), "attribute");
  assert.match(await state("y").textContent(), /^attribute intervals: interval "1y" is not like 15m/);
  assert.match(await state("n").textContent(), /^attribute intervals: more than 12 intervals$/);
});
