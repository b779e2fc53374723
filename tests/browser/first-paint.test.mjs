// What a page with only light widgets pays before the first of them shows its data (the weight
// issue, #18, item 2; budgets.json `bundle.first_paint`): every .js and .wasm response the page
// received by then, each gzip -9 (as a server would send it; the same gzip as the bundle budget),
// summed (tests/bundle.mjs, which make bench's size table uses too), the page loading over
// Chromium's "Fast 3G" network. None of the heavy widgets' chunks may be among them (nor asked
// for at all: chunks.test.mjs); the light widgets' own (the sparkline's, the signal rules', the
// regime matrix's) count if they came in first.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import path from "node:path";
import { ROOT, serve, launch, newPage } from "./harness.mjs";
import { HEAVY_SPLITS, firstPaintBytes } from "../bundle.mjs";

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); server?.stop(); });

const { bundle } = JSON.parse(readFileSync(path.join(ROOT, "budgets.json"), "utf8"));

test("a page of light widgets is within the first-paint budget", { timeout: 90_000 }, async () => {
  const page = await newPage(browser);
  const { total, files } = await firstPaintBytes(page, server);
  console.log(`first paint, light widgets: ${total} B gzipped in ${files.length} files `
    + `(budget ${bundle.first_paint.max} B, target ${bundle.first_paint.target} B): `
    + files.map((f) => `${f.file} ${f.gz}`).join(", "));
  assert.ok(files.some((f) => f.file === "barfinex_widgets_bg.wasm"), "the module was among them");
  // A page pays for what it shows: none of the heavy widgets' chunks, nor the computing code.
  assert.deepEqual(files.filter((f) => HEAVY_SPLITS.includes(f.file)), []);
  assert.ok(total <= bundle.first_paint.max,
    `${total} B gzipped before the first light widget showed its data; the budget is ${bundle.first_paint.max} B (budgets.json)`);
  await page.context().close();
});
