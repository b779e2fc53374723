// The standalone widgets driven as a reader would: filter, sort, expand, open evidence, keyboard
// only; the multi-asset regime matrix from several fetched profiles with the current regime
// computed by rules; charts drawn from served market data marking the breakout/retest and the
// negative-funding streak (sharp at devicePixelRatio 2, redrawn on resize, themed from CSS
// custom properties, with text alternatives); bad input kept inside the widget.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { writeFileSync, mkdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { serve, launch, newPage, ROOT, shownTime } from "./harness.mjs";
import { SEED } from "./seed.mjs";

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); server?.stop(); });

const OUT = path.join(ROOT, "tests/output");
const FLUX = JSON.parse(readFileSync(path.join(ROOT, "www/data/flux.json"), "utf8"));

/** A page with one element: `tag` with `attrs` (`$market` → the market server). */
async function widget(tag, attrs, opts = {}) {
  const page = await newPage(browser, opts);
  await page.goto(`${server.url}/tests/pages/blank.html`);
  await page.evaluate(async ({ tag, attrs, market }) => {
    await import("/pkg/embed.js");
    const el = document.createElement(tag);
    el.id = "w";
    for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v === "$market" ? market : v);
    document.body.append(el);
  }, { tag, attrs, market: server.market });
  return page;
}

function writeProfile(name, doc) {
  mkdirSync(OUT, { recursive: true });
  writeFileSync(path.join(OUT, name), JSON.stringify(doc));
  return `/tests/output/${name}`;
}

const deepActive = (page) => page.evaluate(() => {
  let el = document.activeElement;
  while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
  return el ? { cls: el.className, text: el.textContent.trim() } : null;
});

// ---- driver list ----

test("driver list: counts per direction, filter by direction and category, sort, clear", async () => {
  const page = await widget("bfx-driver-list", { src: "/www/data/flux.json" });
  await page.locator("#w .bfx-driver").first().waitFor();
  const count = (d) => SEED.drivers.filter((x) => x[1] === d).length;
  assert.equal(await page.locator("#w .bfx-drivers__counts").textContent(),
    `${count("Positive")} positive · ${count("Mixed")} mixed · ${count("Negative")} negative · ${count("Conditional")} conditional`);
  assert.equal(await page.locator("#w .bfx-widget__asset").textContent(), SEED.name);
  // What the reader sees: a filter hides the drivers it leaves out.
  const titles = () => page.locator("#w .bfx-driver:not([hidden]) .bfx-driver__title").allTextContents();
  assert.deepEqual(await titles(), SEED.drivers.map((d) => d[0]));
  // Direction filter: Negative only. A text opened before stays open in a driver still shown.
  const chip = (label) => page.locator("#w .bfx-chip", { hasText: new RegExp(`^${label}$`) });
  const negative = page.locator("#w .bfx-driver[data-direction=Negative]");
  await negative.locator(".bfx-text__toggle").click();
  await chip("Negative").click();
  assert.equal(await negative.locator(".bfx-text__toggle").getAttribute("aria-expanded"), "true");
  assert.equal(await page.locator("#w .bfx-driver:not([hidden])").count(), 1);
  assert.ok(await negative.isVisible());
  assert.ok(!(await page.locator("#w .bfx-driver[hidden]").first().isVisible()), "a driver filtered out is not shown");
  assert.equal(await chip("Negative").getAttribute("aria-pressed"), "true");
  assert.deepEqual(await titles(), SEED.drivers.filter((d) => d[1] === "Negative").map((d) => d[0]));
  assert.equal(await page.locator("#w .bfx-drivers__shown").innerText(), `Showing 1 of 6 Clear filters`);
  // Adding Positive widens; adding category "fundamental" narrows to the positive fundamental one.
  await chip("Positive").click();
  assert.equal((await titles()).length, count("Negative") + count("Positive"));
  await chip("fundamental").click();
  assert.deepEqual(await titles(), SEED.drivers.filter((d) => d[1] === "Positive" && d[2] === "fundamental").map((d) => d[0]));
  // A filter with no match says so.
  await chip("Positive").click();
  assert.deepEqual(await titles(), []);
  assert.equal(await page.locator("#w .bfx-drivers-widget > .bfx-empty").textContent(), "No drivers match these filters.");
  await page.locator("#w .bfx-drivers__clear").click();
  assert.equal((await titles()).length, 6);
  // Sort by category, then by direction.
  // The order is a group of toggle buttons, one pressed.
  const order = (label) => page.locator("#w .bfx-drivers__sort .bfx-chip", { hasText: label });
  assert.equal(await order("as given").getAttribute("aria-pressed"), "true");
  await order("by category").click();
  assert.equal(await order("by category").getAttribute("aria-pressed"), "true");
  assert.equal(await order("as given").getAttribute("aria-pressed"), "false");
  assert.deepEqual(await titles(), [...SEED.drivers].sort((a, b) => a[2].localeCompare(b[2])).map((d) => d[0]));
  await order("by direction").click();
  await order("by direction").click(); // pressing the chosen order again keeps it
  assert.equal(await order("by direction").getAttribute("aria-pressed"), "true");
  const ranks = ["Positive", "Negative", "Mixed", "Conditional"];
  assert.deepEqual(await titles(), [...SEED.drivers].sort((a, b) => ranks.indexOf(a[1]) - ranks.indexOf(b[1])).map((d) => d[0]));
  await order("as given").click();
  assert.deepEqual(await titles(), SEED.drivers.map((d) => d[0]));
  // The disclaimer comes with it, short.
  assert.match(await page.locator("#w .bfx-widget__disclaimer").textContent(), /does not constitute investment advice/);
  assert.deepEqual(page.errors, []);
});

test("driver list, keyboard only: Tab to a filter, Space toggles it; compact layout opens text with Enter", async () => {
  const page = await widget("bfx-driver-list", { src: "/www/data/flux.json", layout: "compact" });
  await page.locator("#w .bfx-driver").first().waitFor();
  let a;
  for (let i = 0; i < 10; i++) {
    await page.keyboard.press("Tab");
    a = await deepActive(page);
    if (a?.cls.includes("bfx-chip")) break;
  }
  assert.ok(a?.cls.includes("bfx-chip"), `Tab never reached a filter (${a?.cls})`);
  await page.keyboard.press("Space");
  assert.equal(await page.locator("#w .bfx-chip").first().getAttribute("aria-pressed"), "true");
  await page.keyboard.press("Space");
  // Compact: text hidden until the driver is opened.
  const first = page.locator("#w .bfx-driver--compact details").first();
  assert.equal(await first.locator(".bfx-text").isVisible(), false);
  await first.locator("summary").focus();
  await page.keyboard.press("Enter");
  assert.equal(await first.evaluate((d) => d.open), true);
  assert.ok(await first.locator(".bfx-text").isVisible());
});

test("driver list extremes: 200 drivers, none, a 10,000-character text, right-to-left text", async () => {
  const base = { version: 1, id: "x", name: "X", symbol: "X" };
  const many = Array.from({ length: 200 }, (_, i) => ({ title: `Driver ${i}`, direction: ["Positive", "Negative", "Mixed", "Conditional"][i % 4], category: "macro", text: "t" }));
  let page = await widget("bfx-driver-list", { src: writeProfile("d200.json", { ...base, drivers: many }) }, { width: 360, height: 700 });
  await page.locator("#w .bfx-driver").first().waitFor();
  assert.equal(await page.locator("#w .bfx-driver").count(), 200);
  assert.equal(await page.locator("#w .bfx-drivers__counts").textContent(), "50 positive · 50 negative · 50 mixed · 50 conditional");
  const sw = await page.evaluate(() => document.scrollingElement.scrollWidth);
  assert.ok(sw <= 360, `no sideways scroll at 360 px (${sw})`);
  page = await widget("bfx-driver-list", { src: writeProfile("d0.json", base) });
  await page.locator("#w .bfx-empty").waitFor();
  assert.equal(await page.locator("#w .bfx-empty").textContent(), "No key drivers listed.");
  const long = "word ".repeat(2000);
  page = await widget("bfx-driver-list", { src: writeProfile("dlong.json", { ...base, drivers: [
    { title: "طويل", direction: "Mixed", category: "macro", text: long },
    { title: "مؤشر", direction: "Positive", category: "demand", text: "نص من اليمين إلى اليسار" }] }) });
  await page.locator("#w .bfx-driver").first().waitFor();
  const body = page.locator("#w .bfx-text__body").first();
  const h = (await body.boundingBox()).height;
  assert.ok(h < 200, `10,000 characters start collapsed (${h}px)`);
  await page.locator("#w .bfx-text__toggle").first().click();
  assert.ok((await body.boundingBox()).height > h * 3);
  assert.equal(await page.locator("#w .bfx-driver__title").first().getAttribute("dir"), "auto");
  assert.equal(await page.locator("#w .bfx-driver__title").first().evaluate((e) => getComputedStyle(e).direction), "rtl");
});

// ---- regime matrix ----

const PROFILES = ["/www/data/flux.json", "/www/data/examples/btc.json", "/www/data/examples/eth.json", "/www/data/examples/sol.json"];

test("regime matrix: several fetched profiles as a table, cells by outcome, text on hover, focus and tap", async () => {
  const page = await widget("bfx-regime-matrix", { src: PROFILES.join(" "), current: "risk-on" });
  await page.locator("#w table.bfx-matrix").waitFor();
  const heads = await page.locator("#w thead th").allTextContents();
  assert.deepEqual(heads, ["Asset", "inflation", "network-driven", "recession", "risk-off", "risk-on", "tightening"]);
  const rows = page.locator("#w tbody tr");
  assert.equal(await rows.count(), 4);
  for (const [i, url] of PROFILES.entries()) {
    const doc = JSON.parse(readFileSync(path.join(ROOT, url.slice(1)), "utf8"));
    const row = rows.nth(i);
    assert.ok((await row.locator("th").textContent()).startsWith(doc.name));
    const outcomes = await row.locator("td").evaluateAll((tds) => tds.map((td) => td.dataset.outcome));
    assert.deepEqual(outcomes, heads.slice(1).map((r) => doc.regimes.find((x) => x.regime === r)?.outcome));
    if (doc.illustrative) assert.match(await row.locator("th").textContent(), /illustrative/);
  }
  // Current regime given by the page: its column is highlighted.
  assert.match(await page.locator("#w .bfx-current-regime").textContent(), /Current regime: risk-on \(set by this page\)/);
  assert.equal(await page.locator("#w thead th.bfx-matrix__col--current").textContent(), "risk-on");
  assert.equal(await page.locator("#w tbody td.bfx-matrix__col--current").count(), 4);
  // Hover, focus and tap each show the cell's text.
  const detail = page.locator("#w .bfx-matrix__detail");
  const fluxTightening = FLUX.regimes.find((r) => r.regime === "tightening");
  await rows.nth(0).locator("td").nth(5).locator("button").hover();
  assert.ok((await detail.textContent()).includes(fluxTightening.text.slice(0, 60)));
  await rows.nth(1).locator("td").nth(0).locator("button").focus();
  assert.match(await detail.textContent(), /Bitcoin \(example\) in inflation: Outperform/);
  await rows.nth(2).locator("td").nth(1).locator("button").tap().catch(() => rows.nth(2).locator("td").nth(1).locator("button").click());
  assert.match(await detail.textContent(), /Ethereum \(example\) in network-driven: Outperform/);
  // Keyboard: Tab moves cell to cell.
  await page.keyboard.press("Tab");
  assert.match(await detail.textContent(), /Ethereum \(example\) in recession/);
  // The profile's own text carries the profile's language (FLUX's is English).
  await rows.nth(0).locator("td").nth(5).locator("button").focus();
  assert.equal(await detail.locator("p[lang]").getAttribute("lang"), FLUX.lang ?? null);
  assert.deepEqual(page.errors, []);
});

test("regime matrix: regime rules that cannot be read leave the regime unknown, retried at the next refresh, the detail behind a disclosure", async () => {
  const page = await widget("bfx-regime-matrix", { src: PROFILES[0], rules: "/tests/output/no-such-rules.json", refresh: "30" });
  page.expectErrors(/404/);
  const line = page.locator("#w .bfx-current-regime");
  await line.locator("summary").waitFor();
  assert.equal(await line.locator(".bfx-current-regime__name").textContent(), "unknown");
  assert.match(await line.locator(".bfx-state__retry").textContent(), /^ — retrying in ([12]?\d|30) s$/);
  assert.equal(await line.locator(".bfx-state__message").isVisible(), false);
  assert.match(await line.locator(".bfx-state__message").textContent(), /404/);
});

test("regime matrix: a profile that fails is a row in the reader's words, the detail behind a disclosure", async () => {
  const page = await widget("bfx-regime-matrix", { src: `${PROFILES[0]} /www/data/missing-profile.json` });
  page.expectErrors(/404/);
  const cell = page.locator("#w .bfx-matrix__error");
  await cell.waitFor();
  assert.match(await cell.textContent(), /^Profile unavailableDetails/);
  assert.equal(await cell.locator(".bfx-state__message").isVisible(), false);
  assert.match(await cell.locator(".bfx-state__message").textContent(), /404/);
});

test("regime matrix: the current regime computed from rules over served data, with what decided it", async () => {
  const page = await widget("bfx-regime-matrix", { src: PROFILES.join(" "), rules: "/www/data/regime-rules.json", market: "$market" });
  const line = page.locator("#w .bfx-current-regime");
  await page.waitForFunction(() => {
    const t = document.querySelector("#w").shadowRoot.querySelector(".bfx-current-regime")?.textContent ?? "";
    return t && !t.includes("working it out");
  }, null, { timeout: 15000 });
  const text = await line.textContent();
  const rules = JSON.parse(readFileSync(path.join(ROOT, "www/data/regime-rules.json"), "utf8")).rules;
  const m = text.match(/Current regime: (\S+) · decided by: (.*) · data as of ([A-Z][a-z]{2} \d{1,2}, \d{4}, \d\d:\d\d [AP]M UTC)/);
  assert.ok(m, text);
  const rule = rules.find((r) => r.regime === m[1]);
  assert.equal(m[2], rule.description);
  assert.match(text, /Synthetic data/, "the demo's macro series are synthetic and must say so");
  await page.locator("#w table.bfx-matrix").waitFor();
  assert.equal(await page.locator("#w thead th.bfx-matrix__col--current").textContent(), m[1]);
  // No data for any rule: unknown, and why.
  mkdirSync(OUT, { recursive: true });
  writeFileSync(path.join(OUT, "rules-nodata.json"), JSON.stringify({ version: 1, sources: [], rules: rules }));
  const p2 = await widget("bfx-regime-matrix", { src: PROFILES[0], rules: "/tests/output/rules-nodata.json" });
  await p2.locator("#w .bfx-regime").first().waitFor();
  await p2.waitForFunction(() => !document.querySelector("#w").shadowRoot.querySelector(".bfx-current-regime").textContent.includes("working"));
  assert.equal(await p2.locator("#w .bfx-current-regime").textContent(), "Current regime: unknown (no rule has data)");
  assert.equal(await p2.locator("#w .bfx-regime--current").count(), 0);
  // The same, to a Russian reader: the reason in their words too.
  const p3 = await widget("bfx-regime-matrix", { src: PROFILES[0], rules: "/tests/output/rules-nodata.json", locale: "ru" });
  await p3.locator("#w .bfx-regime").first().waitFor();
  await p3.waitForFunction(() => /\(/.test(document.querySelector("#w").shadowRoot.querySelector(".bfx-current-regime").textContent));
  assert.match(await p3.locator("#w .bfx-current-regime").textContent(), /\(ни у одного правила нет данных\)$/);
});

test("regime matrix edge cases: one asset is a list, a failing profile stays in its row, unfamiliar and missing regimes", async () => {
  let page = await widget("bfx-regime-matrix", { src: PROFILES[0], current: "risk-off" });
  await page.locator("#w .bfx-regime").first().waitFor();
  assert.equal(await page.locator("#w .bfx-regime").count(), 6);
  assert.equal(await page.locator("#w .bfx-regime--current .bfx-regime__name").textContent(), "risk-off");
  assert.equal(await page.locator("#w .bfx-regime--current").getAttribute("aria-current"), "true");
  // Only the current one says so; the others say "false" (ARIA's "not current"), not "true".
  assert.equal(await page.locator('#w .bfx-regime[aria-current="true"]').count(), 1);
  assert.equal(await page.locator('#w .bfx-regime[aria-current="false"]').count(), 5);
  const odd = writeProfile("odd-regimes.json", { version: 1, id: "odd", name: "Odd", symbol: "ODD",
    regimes: [{ regime: "stagflation", outcome: "Underperform", text: "x" }, { regime: "risk-on", outcome: "Outperform" }] });
  page = await widget("bfx-regime-matrix", { src: `${PROFILES[0]} /tests/output/missing.json ${odd}` });
  await page.locator("#w table.bfx-matrix").waitFor();
  const heads = await page.locator("#w thead th").allTextContents();
  assert.equal(heads.at(-1), "stagflation");
  const rows = page.locator("#w tbody tr");
  assert.match(await rows.nth(1).textContent(), /missing\.json.*HTTP 404/);
  assert.equal(await rows.nth(2).locator("td.bfx-matrix__cell--none").count(), heads.length - 1 - 2);
  assert.equal(await rows.nth(0).locator("td[data-outcome]").count(), 6);
  assert.deepEqual(page.errors, []);
});

// ---- signal badges and the rating gauge ----

test("signal badges element: live states, evidence popover, summary, source and disclaimer", async () => {
  const page = await widget("bfx-signal-badges", { src: "/www/data/flux.json", market: "$market" });
  await page.locator("#w .bfx-signals__summary:not([hidden])").waitFor({ timeout: 15000 });
  assert.match(await page.locator("#w .bfx-widget__title").textContent(), /^Flux FLUX · Market signals$/);
  const states = await page.locator("#w .bfx-signal").evaluateAll((els) => els.map((e) => e.dataset.state));
  assert.equal(states.length, 5);
  assert.ok(states.every((s) => s === "active" || s === "inactive"), states.join());
  const summary = await page.locator("#w .bfx-signals__summary").textContent();
  const active = states.filter((s) => s === "active").length;
  assert.equal([...summary.matchAll(/(\d+) \w+ active/g)].reduce((a, m) => a + Number(m[1]), 0), active, summary);
  // The evidence is built when its button first opens the popover, and is there in the frame
  // that shows it.
  assert.equal(await page.locator("#w .bfx-evidence").count(), 0);
  assert.deepEqual(await page.locator("#w .bfx-signal").nth(1).evaluate(async (badge) => {
    const pop = badge.querySelector(".bfx-signal__popover");
    badge.querySelector(".bfx-signal__summary").click();
    await new Promise((r) => requestAnimationFrame(r));
    const seen = [pop.matches(":popover-open"), pop.querySelector(".bfx-evidence__head") !== null];
    pop.hidePopover();
    return seen;
  }), [true, true]);
  await page.locator("#w .bfx-signal__summary").nth(4).click();
  const pop = page.locator("#w .bfx-signal__popover").nth(4);
  assert.match(await pop.textContent(), /timeframe 1h · data as of/);
  assert.match(await pop.textContent(), /klines\?symbol=FLUXUSDT/);
  assert.match(await page.locator("#w .bfx-widget__disclaimer").textContent(), /See legal terms\./);
});

test("technical rating element: label, needle at the score, both groups' counts, every vote on demand", async () => {
  const page = await widget("bfx-technical-rating", { src: "/www/data/flux.json", market: "$market" });
  await page.locator("#w .bfx-rating").waitFor({ timeout: 15000 });
  const score = Number(await page.locator("#w .bfx-rating__score").textContent());
  // The needle points at the score on the half circle: −1 left, 0 straight up, +1 right.
  const needle = await page.locator("#w .bfx-rating__needle").evaluate((n) => ({
    x: Number(n.getAttribute("x2")) - 100, y: 100 - Number(n.getAttribute("y2")) }));
  const angle = Math.atan2(needle.y, needle.x);
  assert.ok(Math.abs(angle - Math.PI * (1 - (Math.max(-1, Math.min(1, score)) + 1) / 2)) < 0.01, `needle at ${angle} rad for score ${score}`);
  // A screen reader meets a meter from −1 to +1 at the score, read as label and score.
  const dial = page.locator("#w .bfx-rating__dial");
  assert.equal(await dial.getAttribute("role"), "meter");
  assert.deepEqual([await dial.getAttribute("aria-valuemin"), await dial.getAttribute("aria-valuemax")], ["-1", "1"]);
  assert.ok(Math.abs(Number(await dial.getAttribute("aria-valuenow")) - score) < 0.005, "aria-valuenow at the score");
  assert.equal(await dial.getAttribute("aria-valuetext"), `${await page.locator("#w .bfx-rating__label").textContent()}, ${await page.locator("#w .bfx-rating__score").textContent()}`);
  assert.equal(await page.locator("#w .bfx-rating__group").count(), 2);
  for (const g of await page.locator("#w .bfx-rating__counts").allTextContents()) assert.match(g, /^Buy \d+Neutral \d+Sell \d+$/);
  const votes = page.locator("#w .bfx-rating__votes");
  // The vote table is built when first opened, not with the rating.
  assert.equal(await votes.locator("tbody tr").count(), 0);
  await votes.locator("summary").click();
  await votes.locator("tbody tr").first().waitFor();
  assert.equal(await votes.locator("tbody tr").count(), 26);
  assert.match(await page.locator("#w .bfx-widget").textContent(), /Synthetic data/);
  assert.match(await page.locator("#w .bfx-widget__disclaimer").textContent(), /investment advice/);
});

// ---- charts ----

const XRP = "/www/data/examples/xrp-sample.json";

function canvasInfo(page) {
  return page.locator("#w canvas").first().evaluate((c) => ({
    w: c.width, h: c.height, cssW: c.getBoundingClientRect().width, cssH: c.getBoundingClientRect().height,
    label: c.getAttribute("aria-label"), role: c.getAttribute("role"),
  }));
}

test("price chart on recorded XRP candles: sharp at devicePixelRatio 2, marks the breakout and the retest, says so in words", async () => {
  const page = await widget("bfx-price-chart", { src: XRP, market: "$market" }, { deviceScaleFactor: 2, width: 900 });
  await page.locator("#w canvas").waitFor({ timeout: 15000 });
  const info = await canvasInfo(page);
  assert.equal(info.w, Math.round(info.cssW * 2));
  assert.equal(info.h, Math.round(info.cssH * 2));
  assert.equal(info.role, "img");
  // The independent scan in core/tests/signals.rs finds the breakout at 2021-11-19 14:00 UTC over
  // the 20-bar high 1.06965 and the retest at 2021-11-20 15:00 UTC.
  const [broke, retest] = [await shownTime(page, Date.UTC(2021, 10, 19, 14)), await shownTime(page, Date.UTC(2021, 10, 20, 15))];
  assert.ok(info.label.includes(`Breakout above 1.0696 at ${broke} on 2.6528× average volume; retest at ${retest} on lower volume, level held.`), info.label);
  assert.ok((await page.locator("#w figcaption").textContent()).includes("Breakout above 1.0696"));
  assert.ok(!(await page.locator("#w figcaption").textContent()).includes("Synthetic"), "recorded data is not synthetic");
  // Drawn: the accent colour (the marks) is on the canvas.
  const accentPixels = await page.locator("#w canvas").first().evaluate((c) => {
    const d = c.getContext("2d").getImageData(0, 0, c.width, c.height).data;
    let n = 0;
    for (let i = 0; i < d.length; i += 4) if (Math.abs(d[i] - 47) < 12 && Math.abs(d[i + 1] - 91) < 12 && Math.abs(d[i + 2] - 234) < 12) n++;
    return n;
  });
  assert.ok(accentPixels > 200, `breakout marks drawn in the accent colour (${accentPixels} px)`);
  // Resize: the bitmap follows the box.
  await page.setViewportSize({ width: 500, height: 900 });
  await page.waitForFunction(() => {
    const c = document.querySelector("#w").shadowRoot.querySelector("canvas");
    return Math.abs(c.width - c.getBoundingClientRect().width * 2) <= 1 && c.getBoundingClientRect().width < 500;
  });
  assert.deepEqual(page.errors, []);
});

test("charts take their colours from the CSS custom properties", async () => {
  const page = await newPage(browser);
  await page.goto(`${server.url}/tests/pages/blank.html`);
  await page.evaluate(async ({ market, src }) => {
    await import("/pkg/embed.js");
    const el = document.createElement("bfx-price-chart");
    el.id = "w";
    el.style.setProperty("--bfx-accent", "rgb(255, 0, 200)");
    el.setAttribute("src", src);
    el.setAttribute("market", market);
    document.body.append(el);
  }, { market: server.market, src: XRP });
  await page.locator("#w canvas").waitFor({ timeout: 15000 });
  await page.waitForTimeout(100);
  const n = await page.locator("#w canvas").first().evaluate((c) => {
    const d = c.getContext("2d").getImageData(0, 0, c.width, c.height).data;
    let n = 0;
    for (let i = 0; i < d.length; i += 4) if (d[i] > 240 && d[i + 1] < 20 && Math.abs(d[i + 2] - 200) < 15) n++;
    return n;
  });
  assert.ok(n > 100, `marks in the host's --bfx-accent (${n} px)`);
});

test("funding chart on recorded XRP funding: the negative streak, checked against the recording", async () => {
  const rows = JSON.parse(readFileSync(path.join(ROOT, "tests/fixtures/real/xrpusdt-perp-8h-funding.json"), "utf8"));
  const shown = rows.slice(-90);
  let end = -1;
  for (let i = shown.length - 1; i >= 0; i--) if (shown[i][1] < 0) { end = i; break; }
  let start = end;
  while (start > 0 && shown[start - 1][1] < 0) start--;
  const page = await widget("bfx-funding-chart", { src: XRP, market: "$market" });
  const [from, to] = [await shownTime(page, shown[start][0]), await shownTime(page, shown[end][0])];
  await page.locator("#w canvas").waitFor({ timeout: 15000 });
  const { label } = await canvasInfo(page);
  assert.ok(label.includes(`Latest negative streak: ${end - start + 1} events from ${from} to ${to}; positive since.`), label);
  assert.ok(label.startsWith("Funding rate of XRPUSDT, 90 events"), label);
});

test("sparkline states its range; charts without market data say so; the card composes the same components", async () => {
  let page = await widget("bfx-sparkline", { src: XRP, market: "$market" });
  await page.locator("#w canvas").waitFor({ timeout: 15000 });
  const rows = JSON.parse(readFileSync(path.join(ROOT, "tests/fixtures/real/xrpusdt-perp-1h-ohlcv.json"), "utf8")).slice(-48);
  const { label } = await canvasInfo(page);
  const pct = ((rows.at(-1)[4] / rows[0][4] - 1) * 100).toFixed(2);
  const five = (x) => Number(x.toPrecision(5)); // the widgets print five significant digits
  assert.ok(label.startsWith(`XRPUSDT close, last 48 points: from ${five(rows[0][4])} to ${five(rows.at(-1)[4])} (${Number(pct) >= 0 ? "+" : ""}${pct}%)`), label);
  const bare = writeProfile("no-sources.json", { version: 1, id: "n", name: "No data", symbol: "N" });
  for (const tag of ["bfx-price-chart", "bfx-funding-chart"]) {
    page = await widget(tag, { src: bare });
    await page.locator("#w .bfx-empty").waitFor();
    assert.match(await page.locator("#w .bfx-empty").textContent(), /No market data for this chart/);
  }
  // The card has the same driver filters, live signal badges and charts as the standalone widgets.
  page = await newPage(browser);
  await page.goto(`${server.url}/index.html?market=${server.market}`);
  await page.locator("#flux .bfx-chip").first().waitFor({ timeout: 15000 });
  // Both charts (price and funding), each drawn when its data arrives.
  await page.locator("#flux figure.bfx-chart canvas").nth(1).waitFor({ timeout: 15000 });
  assert.ok(await page.locator("#flux .bfx-drivers__counts").isVisible());
  assert.equal(await page.locator("#flux figure.bfx-chart").count(), 2);
});

test("gallery: every widget renders at phone width without spilling out of its 360 px frame, in both themes", async () => {
  const page = await newPage(browser, { width: 1360, height: 900 });
  await page.goto(`${server.url}/www/gallery.html?market=${server.market}`);
  await page.waitForFunction(() => [...document.querySelectorAll(".gallery-frame > *:not(h3)")].every((el) => {
    const r = el.shadowRoot;
    return r && r.querySelector(".bfx-root > *") && !r.querySelector(".bfx-state--loading")
      && !r.textContent.includes("working it out") && !r.textContent.includes("Scoring…");
  }), null, { timeout: 30000 });
  const report = await page.evaluate(() => [...document.querySelectorAll(".gallery-frame--phone > *:not(h3)")].map((el) => {
    const root = el.shadowRoot.querySelector(".bfx-root");
    const frame = el.parentElement.getBoundingClientRect();
    const box = root.getBoundingClientRect();
    return { id: el.closest("section").id, theme: el.getAttribute("theme"), scroll: root.scrollWidth, client: root.clientWidth,
      right: box.right - frame.right, errors: el.shadowRoot.querySelectorAll(".bfx-state--error").length };
  }));
  assert.equal(report.length, 2 * 12);
  for (const r of report) {
    assert.ok(r.scroll <= r.client + 1, `${r.id} (${r.theme}) is wider than its box: ${r.scroll} > ${r.client}`);
    assert.ok(r.right <= 1, `${r.id} (${r.theme}) spills out of its frame by ${r.right}px`);
    assert.equal(r.errors, 0, `${r.id} (${r.theme}) shows an error`);
  }
  assert.deepEqual(page.errors, []);
});

test("a chart with theme auto redraws in the new colours when the reader's system scheme flips", async () => {
  const page = await widget("bfx-funding-chart", { src: XRP, market: "$market" }, { colorScheme: "light" });
  await page.locator("#w canvas").waitFor({ timeout: 15000 });
  const corner = () => page.locator("#w canvas").evaluate((c) => [...c.getContext("2d").getImageData(2, 2, 1, 1).data.slice(0, 3)]);
  const light = await corner();
  assert.ok(light.every((v) => v > 200), `light background ${light}`);
  await page.emulateMedia({ colorScheme: "dark" });
  await page.waitForFunction(() => {
    const c = document.querySelector("#w").shadowRoot.querySelector("canvas");
    return c.getContext("2d").getImageData(2, 2, 1, 1).data[0] < 60;
  }, null, { timeout: 5000 });
  const dark = await corner();
  assert.ok(dark.every((v) => v < 60), `dark background ${dark}`);
});

test("a chart far below the fold is drawn when it nears the viewport, at its box's width", async () => {
  const page = await newPage(browser, { deviceScaleFactor: 2 });
  await page.goto(`${server.url}/tests/pages/blank.html`);
  await page.evaluate(async ({ src, market }) => {
    await import("/pkg/embed.js");
    const spacer = document.createElement("div");
    spacer.style.height = "6000px";
    const el = document.createElement("bfx-sparkline");
    el.id = "w";
    el.setAttribute("src", src);
    el.setAttribute("market", market);
    document.body.append(spacer, el);
  }, { src: XRP, market: server.market });
  // Its data is in (the canvas says what it shows), but its bitmap is still the canvas default:
  // off screen, the widget is not laid out (content-visibility), so nothing was drawn.
  await page.waitForFunction(() => /close, last 48 points/.test(document.querySelector("#w").shadowRoot.querySelector("canvas")?.getAttribute("aria-label") ?? ""), null, { timeout: 15000 });
  assert.deepEqual(await page.locator("#w canvas").evaluate((c) => [c.width, c.height]), [300, 150]);
  await page.locator("#w").scrollIntoViewIfNeeded();
  await page.waitForFunction(() => {
    const c = document.querySelector("#w").shadowRoot.querySelector("canvas");
    return c.width > 0 && c.width === Math.round(c.getBoundingClientRect().width * 2);
  }, null, { timeout: 5000 });
  const inked = await page.locator("#w canvas").evaluate((c) => {
    const d = c.getContext("2d").getImageData(0, 0, c.width, c.height).data;
    let n = 0;
    for (let i = 3; i < d.length; i += 4) if (d[i] > 0) n++;
    return n;
  });
  assert.ok(inked > 100, `the line is drawn (${inked} px)`);
  assert.deepEqual(page.errors, []);
});
