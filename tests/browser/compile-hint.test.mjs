// The JS the embed loads carries V8's explicit compile hint (`//# allFunctionsCalledOnLoad`,
// scripts/build-pkg.sh), so its functions are compiled as the files stream in, off the page's
// thread. Checked where it shows: a Chromium trace of a driver-list page counts the functions
// V8 had to parse lazily on the page's thread (V8.ParseFunction), with the files as built and
// with the hint's line taken out of them, in the same run.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import path from "node:path";
import { ROOT, serve, launch, newPage } from "./harness.mjs";

const HINT = "//# allFunctionsCalledOnLoad\n";
const FILES = ["barfinex_widgets.js", "embed.js"];

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); server?.stop(); });

/** V8.ParseFunction events on the page's thread while a driver list loads; `hinted` false
 * serves the glue and embed.js without the hint's line. */
async function lazyParses(hinted) {
  const page = await newPage(browser);
  await page.goto(`${server.url}/tests/pages/blank.html`);
  for (const file of FILES) {
    await page.route(`${server.url}/pkg/${file}`, (route) => {
      const js = readFileSync(path.join(ROOT, "pkg", file), "utf8");
      route.fulfill({ contentType: "text/javascript", body: hinted ? js : js.replace(HINT, "") });
    });
  }
  await browser.startTracing(page, { categories: ["v8", "disabled-by-default-v8.compile", "devtools.timeline"] });
  await page.setContent(`<script type="module" src="${server.url}/pkg/embed.js"></script>
    <bfx-driver-list src="${server.url}/www/data/flux.json"></bfx-driver-list>`);
  await page.waitForFunction(() => document.querySelector("bfx-driver-list")?.shadowRoot?.querySelector("li"));
  const { traceEvents: events } = JSON.parse((await browser.stopTracing()).toString());
  await page.context().close();
  // The page's thread: the renderer's main thread with the most work traced.
  const threads = events.filter((e) => e.name === "thread_name" && e.args?.name === "CrRendererMain");
  const on = (t) => (e) => e.pid === t.pid && e.tid === t.tid;
  const main = threads.sort((a, b) => events.filter(on(b)).length - events.filter(on(a)).length)[0];
  return events.filter(on(main)).filter((e) => e.name === "V8.ParseFunction").length;
}

test("the glue and embed.js carry the compile hint, and the page's thread parses fewer functions for it", { timeout: 60_000 }, async () => {
  for (const file of FILES) {
    const head = readFileSync(path.join(ROOT, "pkg", file), "utf8").split("\n").slice(0, 2);
    assert.ok(head.includes(HINT.trim()), `${file} starts without ${HINT.trim()}`);
  }
  const without = await lazyParses(false);
  const hinted = await lazyParses(true);
  console.log(`functions parsed lazily on the page's thread: ${without} without the hint, ${hinted} with it`);
  assert.ok(without >= 50, `only ${without} functions parsed lazily without the hint: the trace did not see the glue`);
  assert.ok(hinted * 2 <= without, `${hinted} functions parsed lazily with the hint, ${without} without`);
});
