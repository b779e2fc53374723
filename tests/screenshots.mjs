// Takes the README's screenshots of the demo page: 360 px and 1280 px, light and dark.
// Usage: node tests/screenshots.mjs [outdir]   (make screenshots)
import { mkdirSync } from "node:fs";
import path from "node:path";
import { serve, launch, newPage, ROOT } from "./browser/harness.mjs";

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
} finally {
  await browser.close();
  server.stop();
}
