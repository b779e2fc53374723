// Signals as data in the browser: the demo card's five seed signals get live states from served
// data, with evidence that matches the data; a sixth signal written only in this test's JSON is
// scored end to end on the recorded XRP funding; a missing series and an invalid rule affect only
// their own signal; and `scoreSignals` from the npm package.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { writeFileSync, mkdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { serve, launch, newPage, ROOT } from "./harness.mjs";

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); server?.stop(); });

const OUT = path.join(ROOT, "tests/output");
const FLUX = JSON.parse(readFileSync(path.join(ROOT, "www/data/flux.json"), "utf8"));

async function signalTexts(page, sel) {
  return page.locator(`${sel} .bfx-signal`).evaluateAll((els) => els.map((e) => ({
    title: e.querySelector(".bfx-signal__title").textContent,
    state: e.dataset.state ?? null,
    text: e.querySelector(".bfx-signal__state")?.textContent ?? null,
    synthetic: [...e.querySelectorAll(".bfx-signal__badges .bfx-badge")].some((b) => b.textContent.includes("Synthetic")),
  })));
}

test("the demo card's five seed signals show live states, marked synthetic, with evidence that matches the served data", async () => {
  const page = await newPage(browser);
  await page.goto(`${server.url}/index.html?market=${server.market}`);
  await page.locator("#flux .bfx-signals__summary").waitFor({ timeout: 15000 });
  const sigs = await signalTexts(page, "#flux");
  assert.deepEqual(sigs.map((s) => s.title), FLUX.signals.map((s) => s.title));
  for (const s of sigs) {
    assert.ok(["active", "inactive"].includes(s.state), `${s.title}: ${s.state}`);
    assert.match(s.text, /^(Active · (5\d|[6-9]\d|100)|Inactive · ([0-4]?\d))\/100$/);
    assert.ok(s.synthetic, `${s.title} reads FLUX's synthetic series and must say so`);
  }
  const summary = await page.locator("#flux .bfx-signals__summary").textContent();
  const counted = [...summary.matchAll(/(\d+) /g)].reduce((a, m) => a + Number(m[1]), 0);
  assert.equal(counted, 5, summary);

  // Independent check of the persistent-negative-funding evidence against the served funding.
  const funding = await (await fetch(`${server.market}/binance/fapi/v1/fundingRate?symbol=FLUXUSDT&limit=200`)).json();
  let streak = 0;
  for (let i = funding.length - 1; i >= 0 && Number(funding[i].fundingRate) < 0; i--) streak++;
  const i = FLUX.signals.findIndex((s) => s.title.startsWith("Persistent negative funding"));
  const badge = page.locator("#flux .bfx-signal").nth(i);
  assert.equal(await badge.getAttribute("data-state"), streak >= 9 ? "active" : "inactive");
  await badge.locator(".bfx-signal__summary").click();
  const pop = badge.locator(".bfx-signal__popover");
  assert.ok(await pop.evaluate((p) => p.matches(":popover-open")));
  const check = await pop.locator(".bfx-evidence__check").first().textContent();
  assert.ok(check.includes(`consecutive latest points with funding < 0: ${streak} >= 9`), check);
  const data = await pop.locator(".bfx-evidence__data").textContent();
  assert.ok(data.includes("fundingRate?symbol=FLUXUSDT") && data.includes("Synthetic"), data);
  assert.deepEqual(page.errors, []);
});

test("keyboard: Enter opens a signal's evidence popover, Escape closes it and focus returns", async () => {
  const page = await newPage(browser);
  await page.goto(`${server.url}/index.html?market=${server.market}`);
  await page.locator("#flux .bfx-signals__summary").waitFor({ timeout: 15000 });
  const first = page.locator("#flux .bfx-signal__summary").first();
  await first.focus();
  await page.keyboard.press("Enter");
  const pop = page.locator("#flux .bfx-signal__popover").first();
  await pop.waitFor();
  await pop.locator(".bfx-evidence__check").first().waitFor();
  assert.equal(await pop.getAttribute("role"), "dialog");
  const labelled = await pop.getAttribute("aria-labelledby");
  assert.equal(await pop.locator(`[id="${labelled}"]`).textContent(), FLUX.signals[0].title);
  assert.ok((await pop.locator(".bfx-evidence__check").count()) >= 3);
  await page.keyboard.press("Escape");
  assert.equal(await pop.evaluate((p) => p.matches(":popover-open")), false);
  const focused = await page.evaluate(() => {
    let el = document.activeElement;
    while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
    return el?.className;
  });
  assert.equal(focused, "bfx-signal__summary");
});

test("a sixth signal defined only in this test's JSON is scored end to end on recorded XRP funding; a missing series and an invalid rule stay local", async () => {
  const funding = JSON.parse(readFileSync(path.join(ROOT, "tests/fixtures/real/xrpusdt-perp-8h-funding.json"), "utf8"));
  let streak = 0;
  for (let i = funding.length - 1; i >= 0 && funding[i][1] > 0; i--) streak++;
  assert.equal(streak, 18); // rows 73–90 of the recording
  mkdirSync(OUT, { recursive: true });
  const profile = {
    version: 1, id: "xrp-test", name: "XRP (test profile)", symbol: "XRP",
    signals: [
      ...FLUX.signals.slice(0, 5).map((s) => ({ ...s })),
      { category: "sentiment", direction: "Bullish", title: "Longs have paid funding for six days",
        rule: { timeframe: "8h", kind: "persistence", series: "funding", op: ">", value: 0, periods: 18 } },
      { category: "sentiment", direction: "Bearish", title: "A rule with a typo",
        rule: { kind: "persistence", series: "funding", op: "<", value: 0, perods: 3 } },
    ],
    sources: [
      { series: "funding", source: "binance-futures-funding", symbol: "XRPUSDT" },
      { series: "open_interest", source: "binance-futures-open-interest", symbol: "XRPUSDT", interval: "1h",
        base_url: `${server.market}/fault/status:500/binance` },
    ],
  };
  writeFileSync(path.join(OUT, "sixth-signal.json"), JSON.stringify(profile));
  const page = await newPage(browser);
  await page.goto(`${server.url}/tests/pages/blank.html`);
  await page.evaluate(async ({ market }) => {
    await import("/pkg/embed.js");
    const el = document.createElement("bfx-asset-card");
    el.setAttribute("src", "/tests/output/sixth-signal.json");
    el.setAttribute("market", market);
    document.body.append(el);
  }, { market: server.market });
  await page.locator("bfx-asset-card .bfx-signals__summary").waitFor({ timeout: 15000 });
  const sigs = await signalTexts(page, "bfx-asset-card");
  assert.equal(sigs.length, 7);
  const sixth = sigs[5];
  assert.equal(sixth.title, "Longs have paid funding for six days");
  assert.equal(sixth.state, "active");
  assert.equal(sixth.text, "Active · 50/100"); // a streak of exactly 18 of 18
  assert.equal(sixth.synthetic, false, "recorded XRP data is real, not synthetic");
  const badge = page.locator("bfx-asset-card .bfx-signal").nth(5);
  await badge.locator(".bfx-signal__summary").click();
  const ev = await badge.locator(".bfx-evidence").textContent();
  assert.ok(ev.includes(`consecutive latest points with funding > 0: ${streak} >= 18`), ev);
  assert.ok(ev.includes("Dec 18, 2021"), `as-of is the recording's last event: ${ev}`);
  await page.keyboard.press("Escape");
  // The typo: invalid, naming the field; the others are untouched.
  assert.equal(sigs[6].state, "invalid");
  const bad = page.locator("bfx-asset-card .bfx-signal").nth(6);
  await bad.locator(".bfx-signal__summary").click();
  assert.match(await bad.locator(".bfx-evidence__reason").textContent(), /signals\[6\]\.rule\.periods: missing \(found `perods`: a misspelling\?\)/);
  await page.keyboard.press("Escape");
  // The squeeze reads candles (not in this profile) and open interest (HTTP 500): insufficient,
  // with the failing URL and status in its reason.
  assert.equal(sigs[0].state, "insufficient_data");
  const squeeze = page.locator("bfx-asset-card .bfx-signal").nth(0);
  await squeeze.locator(".bfx-signal__summary").click();
  const reason = await squeeze.locator(".bfx-evidence__reason").textContent();
  assert.ok(reason.includes("open_interest") && reason.includes("500") && reason.includes("openInterestHist"), reason);
  // Supply shares have no source here: insufficient, not an error for the card.
  assert.equal(sigs[1].state, "insufficient_data");
  assert.match(await page.locator("bfx-asset-card .bfx-signals__summary").textContent(), /1 bullish active/);
  assert.deepEqual(page.errors, []);
});

test("scoreSignals from the npm package: typed results, insufficient data per signal, clear errors", async () => {
  const page = await newPage(browser);
  await page.goto(`${server.url}/tests/pages/blank.html`);
  const out = await page.evaluate(async () => {
    const m = await import("/pkg/barfinex_widgets.js");
    await m.default();
    const signals = [
      { category: "sentiment", direction: "Bearish", title: "neg", rule: { kind: "persistence", series: "funding", op: "<", value: 0, periods: 2 } },
      { category: "technical", direction: "Mixed", title: "oi", rule: { kind: "trend", series: "open_interest", window: 5, direction: "down" } },
    ];
    const funding = { data: { time: [1, 2, 3], value: [0.1, -0.2, -0.1] }, source: "mine", synthetic: true };
    const r = m.scoreSignals(signals, { funding });
    const rows = m.scoreSignals(signals, { funding: [{ time: 1, value: -1 }, { time: 2, value: -1 }] });
    const errors = [];
    for (const [s, d] of [
      [[{ category: "sentiment", direction: "Up", title: "x" }], {}],
      [signals, { funding: { time: [2, 1], value: [1, 1] } }],
      [signals, 5],
    ]) {
      try { m.scoreSignals(s, d); errors.push(null); } catch (e) { errors.push(e.message); }
    }
    return { r, rows: rows.map((x) => x.state), errors };
  });
  assert.equal(out.r[0].state, "active");
  assert.equal(out.r[0].strength, 50);
  assert.equal(out.r[0].synthetic, true);
  assert.equal(out.r[0].data[0].source, "mine");
  assert.equal(out.r[0].evidence[0].value, 2);
  assert.equal(out.r[1].state, "insufficient_data");
  assert.equal(out.r[1].reason, "no data for series `open_interest`");
  assert.equal(out.r[1].strength, null);
  assert.deepEqual(out.rows, ["active", "insufficient_data"]);
  assert.match(out.errors[0], /^signals\[0\]\.direction: unknown value "Up", expected one of "Bullish", "Bearish", "Mixed"/);
  assert.match(out.errors[1], /^series\.funding: time\[1\] = 1 is not after time\[0\] = 2/);
  assert.match(out.errors[2], /^series: expected an object/);
});
