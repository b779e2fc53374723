// No layout shift: on the demo, at phone and desktop widths, the page does not jump while the
// cards load their profile and market data (cumulative layout shift ≤ 0.05, Chromium's own score,
// shifts inside shadow roots included). The Vite consumer page is checked in package.test.mjs.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { serve, launch, newPage, watchLayoutShifts } from "./harness.mjs";

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); server?.stop(); });

const MAX = 0.05;

for (const width of [360, 1280]) {
  test(`the demo at ${width} px: cumulative layout shift ≤ ${MAX} while the cards load`, async () => {
    const page = await newPage(browser, { width, height: 800 });
    await watchLayoutShifts(page);
    await page.goto(`${server.url}/index.html?market=${encodeURIComponent(server.market)}`);
    await page.locator("#flux .bfx-rating").waitFor({ timeout: 20_000 });
    await page.locator("#flux figure canvas").first().waitFor();
    await page.locator("#broken .bfx-state--error").waitFor();
    await page.waitForTimeout(500);
    const shift = await page.evaluate(() => window.layoutShift);
    assert.ok(shift <= MAX, `cumulative layout shift ${shift}`);
    await page.context().close();
  });
}

test("a shift inside a card's shadow root is counted (the check on the check)", async () => {
  const page = await newPage(browser, { width: 1280, height: 800 });
  await watchLayoutShifts(page);
  await page.goto(`${server.url}/index.html?market=${encodeURIComponent(server.market)}`);
  await page.locator("#flux .bfx-rating").waitFor({ timeout: 20_000 });
  await page.waitForTimeout(300);
  const before = await page.evaluate(() => window.layoutShift);
  await page.locator("#flux").evaluate((el) => { el.shadowRoot.querySelector(".bfx-card__header").style.paddingBlockStart = "300px"; });
  await page.waitForFunction(({ b, max }) => window.layoutShift > b + max, { b: before, max: MAX });
  await page.context().close();
});
