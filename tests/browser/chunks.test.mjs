// The split build (the weight issue, #18, item 2; src/web/chunks.rs): what the widgets that
// show market data draw is in chunks of its own, fetched when a widget first wants one. A page
// fetches only the chunks of the widgets it shows, and a chunk that cannot be fetched is an
// error in the widgets that need it, not in the others, and not a stopped module.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import path from "node:path";
import { readFileSync } from "node:fs";
import { ROOT, serve, launch, newPage } from "./harness.mjs";
import { HEAVY_SPLITS, chunkFiles } from "../bundle.mjs";

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); server?.stop(); });

const CHUNKS = chunkFiles(path.join(ROOT, "pkg"));
const LIGHT = ["driver-list", "regime-matrix", "sparkline", "signal-badges"];
const HEAVY = { "asset-card": "card", "technical-rating": "rating", "price-chart": "charts", "funding-chart": "charts" };
/** The light widgets' own chunks: the sparkline's, the signal rules' (the badges, and the
 * regime matrix's rules), and the regime matrix's body. */
const LIGHT_SPLITS = ["split_sparkline.wasm", "split_signals.wasm", "split_regimes.wasm"];
/** The regime matrix's list or table (src/web/components/regimes/regime_matrix.rs). */
const REGIMES = "split_regimes.wasm";
/** The exchanges' formats (src/web/load/series.rs): every widget that shows market data. */
const MARKET = "split_market.wasm";
/** The small shared chunks, in one file (scripts/pack-chunks.mjs). */
const PACK = "chunk_pack.bin";

/** A page of `tags`, each with the Flux profile; returns the page and the chunks it fetched. */
async function pageOf(tags, { block } = {}) {
  const page = await newPage(browser);
  const fetched = [];
  page.on("request", (r) => {
    const file = path.basename(new URL(r.url()).pathname);
    if (CHUNKS.includes(file)) fetched.push(file);
  });
  if (block) await page.route(`**/${block}`, (r) => r.abort("failed"));
  const src = `${server.url}/www/data/flux.json`;
  await page.setContent(`<!doctype html>
    <script type="module" src="${server.url}/pkg/embed.js"></script>
    ${tags.map((t, i) => `<bfx-${t} id="w${i}" src="${src}" market="${server.market}"></bfx-${t}>`).join("\n")}`);
  return { page, fetched };
}

/** Adds `widgets` ([tag, id] pairs, the Flux profile each) to the page. */
async function addWidgets(page, widgets) {
  await page.evaluate(([widgets, src, market]) => {
    for (const [tag, id] of widgets) {
      const el = document.createElement(`bfx-${tag}`);
      el.id = id;
      el.setAttribute("src", src);
      el.setAttribute("market", market);
      document.body.append(el);
    }
  }, [widgets, `${server.url}/www/data/flux.json`, server.market]);
}

/** A page of `widgets` ([tag, id] pairs, the Flux profile each) whose requests matching
 * `pattern` wait until `release()` is called. */
async function heldPage(pattern, widgets) {
  const page = await newPage(browser);
  let release;
  const held = new Promise((resolve) => { release = resolve; });
  await page.route(pattern, async (route) => { await held; await route.continue(); });
  const src = `${server.url}/www/data/flux.json`;
  await page.setContent(`<!doctype html>
    <script type="module" src="${server.url}/pkg/embed.js"></script>
    ${widgets.map(([tag, id]) => `<bfx-${tag} id="${id}" src="${src}" market="${server.market}"></bfx-${tag}>`).join("\n")}`);
  return { page, release };
}

test("the package is split: each heavy widget, the sparkline, the signal rules and the market data formats have a chunk of their own", () => {
  for (const name of Object.values(HEAVY)) assert.ok(CHUNKS.includes(`split_${name}.wasm`), `split_${name}.wasm in ${CHUNKS}`);
  for (const file of [...LIGHT_SPLITS, MARKET]) assert.ok(CHUNKS.includes(file), `${file} in ${CHUNKS}`);
});

test("the computing functions' code is a chunk: the embed leaves it out, init() loads it, and they stay synchronous", { timeout: 60_000 }, async () => {
  const { page, fetched } = await pageOf(["technical-rating", "driver-list"]);
  await page.locator("#w0 .bfx-rating__label").waitFor();
  await page.locator("#w1 .bfx-driver").first().waitFor();
  assert.ok(!fetched.includes("split_compute.wasm"), `the embed fetched ${fetched}`);
  const out = await page.evaluate(async (pkg) => {
    const m = await import(pkg);
    const candles = [{ time: 0, open: 1, high: 2, low: 0.5, close: 1.5, volume: 10 }];
    let before;
    try { before = m.technicalRating(candles); } catch (e) { before = e.message; }
    await m.default();
    const signals = [{ category: "technical", direction: "Bullish", title: "Above 1",
      rule: { timeframe: "1h", kind: "threshold", series: "candles.close", op: ">", value: 1 } }];
    return {
      before,
      votes: m.technicalRating(candles).votes.length,
      rsi: m.indicator("rsi", {}, candles).rsi.length,
      state: m.scoreSignals(signals, { candles })[0].state,
    };
  }, `${server.url}/pkg/barfinex_widgets.js`);
  assert.equal(out.before, "technicalRating: its code is not loaded; call it after `await init()`");
  assert.equal(out.votes, 26);
  assert.equal(out.rsi, 1);
  assert.equal(out.state, "active");
  assert.deepEqual(fetched.filter((f) => f === "split_compute.wasm"), ["split_compute.wasm"]);
  await page.context().close();
});

test("a driver list fetches no chunk, the other light widgets only their own; each heavy widget its own and no other widget's", { timeout: 60_000 }, async () => {
  const profileOnly = await pageOf(["driver-list", "driver-list"]);
  await profileOnly.page.locator("#w1 .bfx-driver").first().waitFor();
  assert.deepEqual(profileOnly.fetched, []);
  await profileOnly.page.context().close();
  // A regime matrix: its body's chunk, and neither the market formats nor the rule engine
  // (no `rules`) nor a heavy widget's.
  const matrix = await pageOf(["regime-matrix"]);
  await matrix.page.locator("#w0 .bfx-matrix-widget[aria-busy=false] .bfx-regimes").waitFor();
  assert.ok(matrix.fetched.includes(REGIMES), `the regime matrix fetched ${matrix.fetched}`);
  assert.deepEqual(matrix.fetched.filter((f) => f.startsWith("split_") && f !== REGIMES), []);
  await matrix.page.context().close();
  const light = await pageOf(LIGHT);
  await light.page.locator("#w0 .bfx-driver").first().waitFor();
  await light.page.locator("#w2 canvas").waitFor();
  await light.page.locator("#w3 .bfx-signal").first().waitFor();
  for (const file of [...LIGHT_SPLITS, MARKET]) assert.ok(light.fetched.includes(file), `the light page fetched ${light.fetched}`);
  assert.deepEqual(light.fetched.filter((f) => HEAVY_SPLITS.includes(f)), []);
  await light.page.context().close();
  for (const [tag, name] of Object.entries(HEAVY)) {
    const { page, fetched } = await pageOf([tag]);
    await page.locator("#w0 .bfx-widget, #w0 .bfx-card").first().waitFor();
    await page.waitForFunction(() => {
      const root = document.querySelector("#w0").shadowRoot;
      return root.querySelector("canvas, .bfx-rating, .bfx-market__price") && !root.querySelector(".bfx-state--loading");
    }, null, { timeout: 20_000 });
    assert.ok(fetched.includes(`split_${name}.wasm`), `${tag} fetched ${fetched}`);
    if (tag !== "technical-rating") assert.ok(fetched.includes(MARKET), `${tag} fetched ${fetched}`);
    const others = Object.values(HEAVY).filter((n) => n !== name).map((n) => `split_${n}.wasm`);
    assert.deepEqual(fetched.filter((f) => others.includes(f)), [], `${tag} fetched another widget's chunk`);
    assert.equal(new Set(fetched).size, fetched.length, `${tag} fetched a chunk twice: ${fetched}`);
    await page.context().close();
  }
});

test("a body's stylesheet travels in its chunk: a page of driver lists and regime matrices has none of the heavy bodies', and no body shows without it", { timeout: 60_000 }, async () => {
  // In the files: each part's rules in a chunk, not in the main module; the frames' in it.
  const read = (f) => readFileSync(path.join(ROOT, "pkg", f)).toString("latin1");
  const main = read("barfinex_widgets_bg.wasm");
  const chunks = CHUNKS.map(read).join("\n");
  for (const rule of [".bfx-card__header{", ".bfx-market__price{", ".bfx-rating__label{", ".bfx-chart__canvas{", ".bfx-signal__popover{", ".bfx-regimes{", ".bfx-matrix{", ".bfx-section{"]) {
    assert.ok(!main.includes(rule), `${rule} is in the main module`);
    assert.ok(chunks.includes(rule), `${rule} is in no chunk`);
  }
  for (const rule of [".bfx-card{", ".bfx-driver{", ".bfx-current-regime{", ".bfx-state{"]) assert.ok(main.includes(rule), `${rule} is not in the main module`);
  // In the page: the one shared sheet gains a part when a body of it is first built, before
  // that body is in the page.
  const { page } = await pageOf(["driver-list", "regime-matrix"]);
  await page.locator("#w0 .bfx-driver").first().waitFor();
  const sheetText = () => page.evaluate(() => [...document.querySelector("#w0").shadowRoot.adoptedStyleSheets[0].cssRules].map((r) => r.cssText).join("\n"));
  const light = await sheetText();
  assert.ok(light.includes(".bfx-driver"), "the driver list's rules are in the sheet");
  for (const cls of [".bfx-rating", ".bfx-card__header", ".bfx-chart", ".bfx-signal"]) assert.ok(!light.includes(cls), `${cls} in a light page's sheet`);
  // The regime matrix's list, drawn from its chunk, comes with its rules (the list's grid).
  const regimes = page.locator("#w1 .bfx-regimes");
  await regimes.waitFor();
  assert.equal(await regimes.evaluate((e) => getComputedStyle(e).display), "grid");
  assert.ok((await sheetText()).includes(".bfx-regime__name"), "the regime list's rules are in the shared sheet");
  await page.evaluate(() => {
    const rated = (root) => root.adoptedStyleSheets.some((s) => [...s.cssRules].some((r) => r.selectorText === ".bfx-rating__label"));
    const original = Element.prototype.attachShadow;
    Element.prototype.attachShadow = function (init) {
      const root = original.call(this, init);
      new MutationObserver(() => {
        if (window.__ratingShown === undefined && root.querySelector(".bfx-rating__label")) window.__ratingShown = { styled: rated(root) };
      }).observe(root, { subtree: true, childList: true });
      return root;
    };
  });
  await addWidgets(page, [["technical-rating", "w2"]]);
  await page.locator("#w2 .bfx-rating__label").waitFor();
  assert.deepEqual(await page.evaluate(() => window.__ratingShown), { styled: true }, "the rating's body was shown before its rules");
  const weight = await page.locator("#w2 .bfx-rating__label").evaluate((e) => getComputedStyle(e).fontWeight);
  assert.equal(weight, "750");
  // The sections it is laid out in (the card's too) came with it: their rules are the rating's part.
  assert.equal(await page.locator("#w2 .bfx-section").first().evaluate((e) => getComputedStyle(e).display), "grid");
  const after = await sheetText();
  assert.ok(after.includes(".bfx-rating__label") && after.includes(".bfx-market"), "the rating's and the market panel's rules are in the shared sheet");
  assert.ok(!after.includes(".bfx-card__header"), "only the parts the rating draws");
  assert.equal(await page.evaluate(() => document.querySelector("#w0").shadowRoot.adoptedStyleSheets[0] === document.querySelector("#w2").shadowRoot.adoptedStyleSheets[0]), true);
  await page.context().close();
});

test("a chunk adds its parts of the sheet with one parse: a card's six, and none again for a rating after it", { timeout: 60_000 }, async () => {
  const page = await newPage(browser);
  await page.addInitScript(() => {
    const replace = CSSStyleSheet.prototype.replaceSync;
    window.parses = [];
    CSSStyleSheet.prototype.replaceSync = function (text) { window.parses.push(text.length); return replace.call(this, text); };
  });
  await page.setContent(`<!doctype html>
    <script type="module" src="${server.url}/pkg/embed.js"></script>
    <bfx-asset-card id="w0" src="${server.url}/www/data/flux.json" market="${server.market}"></bfx-asset-card>`);
  await page.locator("#w0 .bfx-market__price").waitFor();
  const parses = await page.evaluate(() => window.parses);
  assert.equal(parses.length, 2, `the sheet was parsed ${parses.length} times (${parses.join(", ")} characters): the first part, then the card's six together`);
  const text = await page.evaluate(() => [...document.querySelector("#w0").shadowRoot.adoptedStyleSheets[0].cssRules].map((r) => r.cssText).join("\n"));
  for (const rule of [".bfx-card__header", ".bfx-market__price", ".bfx-rating__label", ".bfx-chart__canvas", ".bfx-signal__popover", ".bfx-regimes", ".bfx-section"]) {
    assert.ok(text.includes(rule), `${rule} is not in the sheet`);
  }
  // A rating drawn after it finds its parts in: no parse.
  await addWidgets(page, [["technical-rating", "w1"]]);
  await page.locator("#w1 .bfx-rating__label").waitFor();
  assert.equal((await page.evaluate(() => window.parses)).length, 2);
  await page.context().close();
});

test("the English words only heavy bodies show travel in their chunks; a light widget's words stay in the main module", () => {
  // core/src/locale/bodies.rs: English's chart, rating and signal badge words are named only by
  // the accessors those bodies call, so wasm-split moves them out of the main module.
  const read = (f) => readFileSync(path.join(ROOT, "pkg", f)).toString("utf8");
  const main = read("barfinex_widgets_bg.wasm");
  const chunks = CHUNKS.map(read).join("\n");
  for (const words of [" Arrow keys move between points.", "Funding rate of {}, {} events", "Moving averages", "Rating by interval", "z-score of the latest {} against", "awaiting retest (price has not come back", "Institutional & market influencers", "No candles: nothing to rate."]) {
    assert.ok(!main.includes(words), `${words} is in the main module`);
    assert.ok(chunks.includes(words), `${words} is in no chunk`);
  }
  for (const words of ["Key drivers", "Market regime matrix", "Filter by direction"]) assert.ok(main.includes(words), `${words} is not in the main module`);
});

test("a chunk that cannot be fetched is an error in the widgets that need it only; the next one tries again", { timeout: 60_000 }, async () => {
  // The price and funding charts share one chunk; the sparkline has its own.
  const { page } = await pageOf(["price-chart", "price-chart", "funding-chart", "driver-list", "sparkline"], { block: "split_charts.wasm" });
  // The split runtime logs the failed fetch; the widgets say it in the reader's words.
  page.expectErrors(/Failed to fetch/);
  await page.evaluate(() => {
    window.failures = [];
    document.addEventListener("bfx-error", (e) => window.failures.push([e.target.id, e.detail.kind]));
  });
  for (const [id, chunk] of [["#w0", "price"], ["#w1", "price"], ["#w2", "funding"]]) {
    const error = page.locator(`${id} .bfx-state--error[data-error-kind=code]`);
    await error.waitFor({ timeout: 20_000 });
    assert.equal(await error.locator(".bfx-state__title").textContent(), "This widget could not load");
    assert.match(await error.locator(".bfx-state__message").textContent(), new RegExp(`^the ${chunk} chart's code: `));
    assert.equal(await page.locator(`${id} canvas`).count(), 0);
  }
  // The others on the page are whole.
  await page.locator("#w3 .bfx-driver").nth(5).waitFor();
  await page.locator("#w4 canvas").waitFor();
  assert.equal(await page.locator(".bfx-state--stopped").count(), 0);
  assert.equal(await page.locator("#w3 .bfx-state--error, #w4 .bfx-state--error").count(), 0);
  assert.deepEqual((await page.evaluate(() => window.failures)).filter(([, kind]) => kind === "code").map(([id]) => id).sort(), ["w0", "w1", "w2"]);
  // The failure is not kept: once the chunk can be fetched, a new price chart draws.
  await page.unroute("**/split_charts.wasm");
  await addWidgets(page, [["price-chart", "later"]]);
  await page.locator("#later canvas").waitFor({ timeout: 20_000 });
  await page.context().close();
});

test("the market data formats' chunk not fetched: each widget of market data says so, the driver list is whole, and the next load tries again", { timeout: 60_000 }, async () => {
  const { page } = await pageOf(["sparkline", "price-chart", "driver-list"], { block: MARKET });
  page.expectErrors(/Failed to fetch/);
  for (const id of ["#w0", "#w1"]) {
    const error = page.locator(`${id} .bfx-state--error[data-error-kind=code]`);
    await error.waitFor({ timeout: 20_000 });
    assert.equal(await error.locator(".bfx-state__title").textContent(), "This widget could not load");
    assert.match(await error.locator(".bfx-state__message").textContent(), /^the market data formats' code: /);
    assert.equal(await page.locator(`${id} canvas`).count(), 0);
  }
  await page.locator("#w2 .bfx-driver").nth(5).waitFor();
  assert.equal(await page.locator("#w2 .bfx-state--error").count(), 0);
  assert.equal(await page.locator(".bfx-state--stopped").count(), 0);
  // Not kept: once the chunk can be fetched, a new sparkline draws.
  await page.unroute(`**/${MARKET}`);
  await addWidgets(page, [["sparkline", "later"]]);
  await page.locator("#later canvas").waitFor({ timeout: 20_000 });
  await page.context().close();
});

test("the regime matrix's chunk not fetched: the matrix says so under its title, the driver list is whole, and a later matrix draws", { timeout: 60_000 }, async () => {
  const { page } = await pageOf(["regime-matrix", "driver-list"], { block: REGIMES });
  page.expectErrors(/Failed to fetch/);
  const error = page.locator("#w0 .bfx-state--error[data-error-kind=code]");
  await error.waitFor({ timeout: 20_000 });
  assert.equal(await error.locator(".bfx-state__title").textContent(), "This widget could not load");
  assert.match(await error.locator(".bfx-state__message").textContent(), /^the regime matrix's code: /);
  // The frame is the main module's: its title and the current regime's line are shown, and it
  // is no longer busy.
  assert.equal(await page.locator("#w0 .bfx-widget__title").textContent(), "Market regime behaviour");
  await page.locator("#w0 .bfx-matrix-widget[aria-busy=false]").waitFor();
  assert.equal(await page.locator("#w0 .bfx-current-regime").count(), 1);
  assert.equal(await page.locator("#w0 .bfx-regimes").count(), 0);
  await page.locator("#w1 .bfx-driver").nth(5).waitFor();
  assert.equal(await page.locator("#w1 .bfx-state--error").count(), 0);
  assert.equal(await page.locator(".bfx-state--stopped").count(), 0);
  // One profile that failed is said without the body's code.
  await page.evaluate((src) => {
    const el = document.createElement("bfx-regime-matrix");
    el.id = "missing";
    el.setAttribute("src", src);
    document.body.append(el);
  }, `${server.url}/www/data/no-such-profile.json`);
  const missing = page.locator("#missing .bfx-state--error");
  await missing.waitFor({ timeout: 20_000 });
  assert.notEqual(await missing.getAttribute("data-error-kind"), "code");
  assert.match(await missing.locator(".bfx-state__message").textContent(), /no-such-profile\.json/);
  // Not kept: once the chunk can be fetched, a new regime matrix draws.
  await page.unroute(`**/${REGIMES}`);
  await addWidgets(page, [["regime-matrix", "later"]]);
  await page.locator("#later .bfx-regimes").waitFor({ timeout: 20_000 });
  await page.context().close();
});

test("the small chunks come in one file, asked for once; when it cannot be fetched, only the widgets that need it say so", { timeout: 60_000 }, async () => {
  assert.ok(CHUNKS.includes(PACK), `${PACK} in ${CHUNKS}`);
  const { page, fetched } = await pageOf(["sparkline", "driver-list"], { block: PACK });
  page.expectErrors(/Failed to fetch/);
  const error = page.locator("#w0 .bfx-state--error[data-error-kind=code]");
  await error.waitFor({ timeout: 20_000 });
  assert.match(await error.locator(".bfx-state__message").textContent(), /^the sparkline's code: /);
  await page.locator("#w1 .bfx-driver").nth(5).waitFor();
  assert.equal(await page.locator(".bfx-state--stopped").count(), 0);
  // Not kept: a sparkline added once the file can be fetched draws, and a price chart too, whose
  // small chunks come from the same file, fetched once more for both.
  const before = fetched.filter((f) => f === PACK).length;
  await page.unroute(`**/${PACK}`);
  await addWidgets(page, [["sparkline", "later"], ["price-chart", "chart"]]);
  await page.locator("#later canvas").waitFor({ timeout: 20_000 });
  await page.locator("#chart canvas").waitFor({ timeout: 20_000 });
  assert.equal(fetched.filter((f) => f === PACK).length, before + 1, `fetched ${fetched}`);
  await page.context().close();
});

test("the small chunks are one module, instantiated once however many widgets need them", { timeout: 60_000 }, async () => {
  const page = await newPage(browser);
  await page.goto(`${server.url}/tests/pages/blank.html`);
  // Every other part is streamed (instantiateStreaming); the pack, served as .bin, is not.
  await page.evaluate(() => {
    const instantiate = WebAssembly.instantiate;
    window.packInstances = 0;
    WebAssembly.instantiate = function (source, ...rest) {
      if (ArrayBuffer.isView(source) || source instanceof ArrayBuffer) window.packInstances++;
      return instantiate.call(this, source, ...rest);
    };
  });
  const src = `${server.url}/www/data/flux.json`;
  await page.setContent(`<!doctype html>
    <script type="module" src="${server.url}/pkg/embed.js"></script>
    ${["asset-card", "sparkline", "price-chart", "technical-rating", "signal-badges"]
      .map((t, i) => `<bfx-${t} id="w${i}" src="${src}" market="${server.market}"></bfx-${t}>`).join("\n")}`);
  await page.locator("#w0 .bfx-market__asof").waitFor({ timeout: 30_000 });
  await page.locator("#w1 canvas").waitFor({ timeout: 20_000 });
  await page.locator("#w2 canvas").waitFor({ timeout: 20_000 });
  await page.locator("#w3 .bfx-rating[data-label]").first().waitFor({ timeout: 20_000 });
  await page.locator("#w4 .bfx-badge").first().waitFor({ timeout: 20_000 });
  assert.equal(await page.evaluate(() => window.packInstances), 1);
  await page.context().close();
});

test("the signal rules' chunk not fetched: the badges say so, the regime matrix says its regime is unknown and why, the rest is whole", { timeout: 60_000 }, async () => {
  const page = await newPage(browser);
  await page.route("**/split_signals.wasm", (r) => r.abort("failed"));
  page.expectErrors(/Failed to fetch/);
  const src = `${server.url}/www/data/flux.json`;
  await page.setContent(`<!doctype html>
    <script type="module" src="${server.url}/pkg/embed.js"></script>
    <bfx-signal-badges id="s" src="${src}" market="${server.market}"></bfx-signal-badges>
    <bfx-regime-matrix id="m" src="${src}" market="${server.market}" rules="${server.url}/www/data/regime-rules.json"></bfx-regime-matrix>
    <bfx-driver-list id="d" src="${src}"></bfx-driver-list>`);
  const error = page.locator("#s .bfx-state--error[data-error-kind=code]");
  await error.waitFor({ timeout: 20_000 });
  assert.match(await error.locator(".bfx-state__message").textContent(), /^the signal rules' code: /);
  const line = page.locator("#m .bfx-current-regime");
  await line.locator("details").waitFor({ timeout: 20_000 });
  assert.match(await line.textContent(), /unknown/);
  assert.match(await line.locator("details").textContent(), /the rule engine's code: /);
  await page.locator("#d .bfx-driver").nth(5).waitFor();
  assert.equal(await page.locator(".bfx-state--stopped").count(), 0);
  await page.context().close();
});

test("a widget removed while its chunk is on the way is not drawn, and nothing fails", { timeout: 60_000 }, async () => {
  const { page, release } = await heldPage("**/split_charts.wasm", [["price-chart", "gone"], ["price-chart", "kept"]]);
  // Both wait for the chunk with their profile read, then one leaves the page.
  await page.locator("#gone .bfx-widget__title").waitFor();
  await page.locator("#kept .bfx-state--loading").waitFor();
  await page.evaluate(() => document.getElementById("gone").remove());
  release();
  await page.locator("#kept canvas").waitFor({ timeout: 20_000 });
  assert.equal(await page.evaluate(() => document.getElementById("gone")?.isConnected ?? false), false);
  await page.context().close();
});

test("a frame says it is busy while its body's code loads, as while its profile loads", { timeout: 60_000 }, async () => {
  const { page, release } = await heldPage(/\/pkg\/(split|chunk)_\w+\.wasm$/, [["asset-card", "c"], ["technical-rating", "r"]]);
  // The profiles are in (the header names the asset), the chunks are not.
  await page.locator("#r .bfx-widget__title").waitFor();
  await page.locator("#c .bfx-card .bfx-state--loading").waitFor();
  assert.equal(await page.locator("#c .bfx-card").getAttribute("aria-busy"), "true");
  assert.equal(await page.locator("#r .bfx-widget").getAttribute("aria-busy"), "true");
  release();
  await page.locator("#c .bfx-card__name").waitFor();
  await page.locator("#r .bfx-rating, #r .bfx-intervals__tabs").first().waitFor();
  assert.equal(await page.locator("#c .bfx-card").getAttribute("aria-busy"), "false");
  assert.equal(await page.locator("#r .bfx-widget").getAttribute("aria-busy"), "false");
  await page.context().close();
});
