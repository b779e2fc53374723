// What a page with only light widgets pays before the first of them shows its data (the weight
// issue, #18, item 2; budgets.json `bundle.first_paint`): every .js and .wasm response the page
// received by then, each gzip -9 (as a server would send it; the same gzip as the bundle budget),
// summed.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { execFileSync } from "node:child_process";
import path from "node:path";
import { ROOT, serve, launch, newPage } from "./harness.mjs";

const gzip = (bytes) => execFileSync("gzip", ["-9", "-c"], { input: bytes }).length;

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); server?.stop(); });

const { bundle } = JSON.parse(readFileSync(path.join(ROOT, "budgets.json"), "utf8"));
const LIGHT = ["bfx-driver-list", "bfx-regime-matrix", "bfx-sparkline", "bfx-signal-badges"];

test("a page of light widgets is within the first-paint budget", { timeout: 60_000 }, async () => {
  const page = await newPage(browser);
  const bodies = [];
  page.on("response", async (r) => {
    const { pathname } = new URL(r.url());
    if (/\.(m?js|wasm)$/.test(pathname)) bodies.push(r.body().then((b) => ({ pathname, gz: gzip(b) })));
  });
  await page.goto(`${server.url}/tests/pages/blank.html`);
  const src = `${server.url}/www/data/flux.json`;
  await page.setContent(LIGHT.map((tag) => `<${tag} src="${src}" market="${server.market}"></${tag}>`).join("\n")
    + `<script type="module" src="${server.url}/pkg/embed.js"></script>`);
  // The first light widget with its data: a widget root with content, no loading state left.
  await page.waitForFunction((tags) => tags.some((tag) => {
    const root = document.querySelector(tag)?.shadowRoot?.querySelector(".bfx-root");
    return root && root.childElementCount > 0 && !root.querySelector(".bfx-state--loading, [aria-busy=true]");
  }), LIGHT, { timeout: 30_000, polling: 50 });
  const received = await Promise.all(bodies.splice(0));
  const total = received.reduce((sum, r) => sum + r.gz, 0);
  console.log(`first paint, light widgets: ${total} B gzipped in ${received.length} files `
    + `(budget ${bundle.first_paint.max} B, target ${bundle.first_paint.target} B): `
    + received.map((r) => `${path.basename(r.pathname)} ${r.gz}`).join(", "));
  assert.ok(received.some((r) => r.pathname.endsWith(".wasm")), "the module was among them");
  assert.ok(total <= bundle.first_paint.max,
    `${total} B gzipped before the first light widget showed its data; the budget is ${bundle.first_paint.max} B (budgets.json)`);
  await page.context().close();
});
