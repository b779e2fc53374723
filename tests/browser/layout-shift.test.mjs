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
    // The card's chunks (the split build) come 400 ms after its profile could: its body's
    // loading state must hold the card's room, as the profile's does.
    await page.route(/\/pkg\/(split|chunk)_\w+\.wasm$/, async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 400));
      await route.continue();
    });
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

// A standalone chart or rating holds its frame's height while its profile loads, and its chart's
// while the market data loads: the paragraph after it does not move. (Before the module has
// defined the element, the page's own `:not(:defined)` rule holds the room: README.)
for (const width of [360, 1280]) {
  test(`standalone widgets at ${width} px: cumulative layout shift ≤ ${MAX} while each loads`, async () => {
    const shifts = {};
    for (const tag of ["bfx-price-chart", "bfx-funding-chart", "bfx-sparkline", "bfx-technical-rating"]) {
      const page = await newPage(browser, { width, height: 900 });
      await watchLayoutShifts(page);
      await page.goto(`${server.url}/tests/pages/blank.html`);
      // The profile and candles arrive late, so the loading states are laid out and painted first.
      await page.route(/flux\.json|klines|fundingRate/, async (route) => {
        await new Promise((r) => setTimeout(r, 400));
        await route.continue();
      });
      // The chunks that draw it (the split build) later still: its body's loading state, under
      // the widget's header, holds the body's room.
      await page.route(/\/pkg\/(split|chunk)_\w+\.wasm$/, async (route) => {
        await new Promise((r) => setTimeout(r, 800));
        await route.continue();
      });
      await page.evaluate(async ({ tag, market }) => {
        await import("/pkg/embed.js");
        document.body.insertAdjacentHTML("beforeend", `<p>Before</p><${tag} src="/www/data/flux.json" market="${market}"></${tag}>
          <p id="after">Host content after the widget, which must not move.</p>`);
      }, { tag, market: server.market });
      await page.locator(`${tag} .bfx-widget[aria-busy=false]`).waitFor({ timeout: 15_000 });
      await page.locator(`${tag} :is(canvas, .bfx-rating)`).first().waitFor({ timeout: 15_000 });
      await page.waitForTimeout(300);
      shifts[tag] = await page.evaluate(() => window.layoutShift);
      await page.context().close();
    }
    for (const [tag, shift] of Object.entries(shifts)) assert.ok(shift <= MAX, `${tag}: ${shift} (${JSON.stringify(shifts)})`);
  });
}
