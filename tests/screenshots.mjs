// Takes the README's screenshots: the demo page at 360 px and 1280 px, light and dark, and each
// section of the widget gallery (phone and desktop widths, light and dark).
// Usage: node tests/screenshots.mjs [outdir]   (make screenshots)
import { mkdirSync } from "node:fs";
import path from "node:path";
import { serve, launch, newPage, ROOT } from "./browser/harness.mjs";

// The gallery's sections (www/gallery.js; the asset card is shot above).
const GALLERY_IDS = ["driver-list", "driver-list-compact", "regime-matrix", "regime-list", "signal-badges",
  "technical-rating", "price-chart", "price-chart-xrp", "funding-chart", "funding-chart-xrp", "sparkline"];
const out = path.resolve(process.argv[2] ?? path.join(ROOT, "docs/screenshots"));
mkdirSync(out, { recursive: true });
const server = await serve();
const browser = await launch();
try {
  for (const theme of ["light", "dark"]) {
    for (const width of [360, 1280]) {
      const page = await newPage(browser, { width, height: 900, colorScheme: theme });
      await page.goto(`${server.url}/index.html?theme=${theme}&market=${server.market}`);
      await page.locator("#flux .bfx-driver").first().waitFor();
      await page.locator("#broken .bfx-state--error").waitFor();
      await page.locator("#flux .bfx-rating").waitFor();
      const file = path.join(out, `card-${width}-${theme}.png`);
      await page.screenshot({ path: file, fullPage: width === 1280 });
      console.log(file);
      await page.context().close();
    }
  }
  // The Russian card (locale=ru, Moscow time).
  for (const width of [360, 1280]) {
    const page = await newPage(browser, { width, height: 900, locale: "ru-RU", timezoneId: "Europe/Moscow" });
    await page.goto(`${server.url}/index.html?theme=light&locale=ru&market=${server.market}`);
    await page.locator("#flux .bfx-driver").first().waitFor();
    await page.locator("#flux .bfx-rating").waitFor();
    await page.locator("#flux .bfx-signal__state").first().waitFor();
    const file = path.join(out, `card-${width}-light-ru.png`);
    await page.screenshot({ path: file, fullPage: width === 1280 });
    console.log(file);
    await page.context().close();
  }
  for (const id of GALLERY_IDS) {
    const page = await newPage(browser, { width: 1360, height: 900 });
    await page.goto(`${server.url}/www/gallery.html?market=${server.market}&only=${id}`);
    await page.waitForFunction(() => [...document.querySelectorAll(".gallery-frame > *:not(h3)")].every((el) => {
      const r = el.shadowRoot;
      return r && r.querySelector(".bfx-root > *") && !r.querySelector(".bfx-state--loading")
        && !(r.textContent.includes("working it out") || r.textContent.includes("Scoring…"));
    }), null, { timeout: 20000 });
    await page.waitForTimeout(300);
    const file = path.join(out, `gallery-${id}.png`);
    await page.locator(`#${id}`).screenshot({ path: file });
    console.log(file);
    await page.context().close();
  }
} finally {
  await browser.close();
  server.stop();
}
