// A host page with a strict Content Security Policy (style-src 'self': no inline style
// attributes): every widget renders with zero violations, and what used to be inline styles
// (the signal strength meters, the chart canvases' height) is set through the CSSOM and shows.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { serve, launch, newPage } from "./harness.mjs";

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); server?.stop(); });

test("strict CSP: every widget renders with market data, zero violations, meters at their real strength", async () => {
  const page = await newPage(browser);
  page.setDefaultTimeout(20_000);
  await page.goto(`${server.url}/tests/pages/csp.html?market=${server.market}`);
  // Every widget has finished loading: the card and the badges with all five signals scored.
  await page.locator("#asset-card .bfx-driver").nth(5).waitFor();
  await page.locator("#driver-list .bfx-driver").nth(5).waitFor();
  await page.locator("#regime-matrix .bfx-regime").nth(5).waitFor();
  await page.locator("#technical-rating .bfx-rating__dial").first().waitFor();
  for (const id of ["asset-card", "signal-badges"]) {
    await page.waitForFunction((id) => document.getElementById(id).shadowRoot.querySelectorAll(".bfx-signal__state").length === 5, id);
  }
  for (const id of ["price-chart", "funding-chart", "sparkline"]) {
    await page.locator(`#${id} canvas`).waitFor();
  }
  await page.waitForFunction(() => [...document.querySelectorAll("#widgets > *")].every((el) =>
    !el.shadowRoot?.querySelector(".bfx-state--loading")));
  assert.equal(await page.locator(".bfx-state--error").count(), 0, "no widget failed");

  // Meters: the inner bar's width is the strength the badge states ("Active · 37/100").
  const meters = await page.evaluate(() => ["asset-card", "signal-badges"].flatMap((id) =>
    [...document.getElementById(id).shadowRoot.querySelectorAll(".bfx-signal")].map((s) => {
      const meter = s.querySelector(".bfx-signal__meter");
      const m = s.querySelector(".bfx-signal__state")?.textContent.match(/(\d+)\/100/);
      return m && meter ? { strength: Number(m[1]), bar: meter.firstElementChild.getBoundingClientRect().width, of: meter.clientWidth } : null;
    }).filter(Boolean)));
  assert.ok(meters.length >= 6, JSON.stringify(meters));
  for (const { strength, bar, of } of meters) {
    assert.ok(Math.abs(bar - (of * strength) / 100) <= 1, `strength ${strength}: bar ${bar} of ${of}`);
  }
  assert.ok(new Set(meters.map((m) => m.strength)).size >= 2, `strengths differ: ${JSON.stringify(meters)}`);

  // Canvases take the height their chart asks for.
  const heights = await page.evaluate(() => ["price-chart", "funding-chart", "sparkline"].map((id) =>
    Math.round(document.getElementById(id).shadowRoot.querySelector("canvas").getBoundingClientRect().height)));
  assert.deepEqual(heights, [260, 180, 40]);

  assert.deepEqual(await page.evaluate(() => window.violations), []);
  await page.context().close();
});
