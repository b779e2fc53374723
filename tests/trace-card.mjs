// Where the first card's time goes on the page's thread: a Chromium trace of cold loads of the
// Flux card (as tests/bench-pages.mjs loads it), each trace event's self time summed by name,
// until the card is complete (price, change, rating label, "as of", nothing loading), and split
// at the moment its market data is in (the chunks may still be coming then); and, per load, the
// requests' chain (when the module, the profile, the chunks and the market data were asked for
// and in, by resource timing). A tool for finding what to speed up, not a budget
// (README, "What a reader waits for"):
//
//   node tests/trace-card.mjs                  # pkg/, 5 loads
//   LOADS=8 PKGS=pkg,tests/output/old node tests/trace-card.mjs   # copies side by side, alternating
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { ROOT, serve, launch } from "./browser/harness.mjs";
import { cardDone } from "./card-done.mjs";

const PKGS = (process.env.PKGS ?? "pkg").split(",");
const LOADS = Number(process.env.LOADS ?? 5);
const TOP = Number(process.env.TOP ?? 15);
const PAGES = path.join(ROOT, "tests/output/trace-pages");

const server = await serve();
const browser = await launch();
mkdirSync(PAGES, { recursive: true });
const pageOf = (pkg, i) => `${path.relative(ROOT, PAGES)}/card-${i}.html`;
PKGS.forEach((pkg, i) => writeFileSync(path.join(ROOT, pageOf(pkg, i)), `<!doctype html><meta charset="utf-8">
<script type="module" src="${server.url}/${pkg}/embed.js"></script>
<bfx-asset-card src="${server.url}/www/data/flux.json" market="${server.market}"></bfx-asset-card>`));

const totals = PKGS.map(() => ({ all: new Map(), before: new Map(), after: new Map(), done: [] }));
for (let n = 0; n < LOADS; n++) {
  for (const [i, pkg] of PKGS.entries()) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await browser.startTracing(page, { categories: ["devtools.timeline", "v8", "v8.wasm", "disabled-by-default-v8.compile", "blink", "loading", "blink.user_timing"] });
    await page.goto(`${server.url}/${pageOf(pkg, i)}`);
    const done = await page.waitForFunction(cardDone, null, { timeout: 60_000, polling: "raf" }).then((h) => h.jsonValue());
    // The requests' chain, from resource timing: the module and the profile, the chunks, the
    // market data (whatever is not the module, its chunks or the profile).
    const chain = await page.evaluate(() => {
      const all = performance.getEntriesByType("resource").map((e) => ({ file: new URL(e.name).pathname.split("/").pop(), e }));
      const of = (test) => all.filter(({ file }) => test(file)).map(({ e }) => e);
      const span = (es) => es.length ? [Math.min(...es.map((e) => e.startTime)), Math.max(...es.map((e) => e.startTime)), Math.max(...es.map((e) => e.responseEnd))].map((t) => t | 0) : [0, 0, 0];
      const chunk = (f) => /^(split|chunk)_/.test(f);
      return {
        module: span(of((f) => f === "barfinex_widgets_bg.wasm"))[2],
        profile: span(of((f) => f === "flux.json"))[2],
        chunks: span(of(chunk)),
        market: span(of((f) => !chunk(f) && !/\.(wasm|bin|js)$|^flux\.json$|^favicon/.test(f))),
      };
    });
    const dataIn = chain.market[2];
    const { traceEvents: events } = JSON.parse((await browser.stopTracing()).toString());
    await context.close();
    const threads = events.filter((e) => e.name === "thread_name" && e.args?.name === "CrRendererMain");
    const on = (t) => (e) => e.pid === t.pid && e.tid === t.tid;
    const main = threads.sort((a, b) => events.filter(on(b)).length - events.filter(on(a)).length)[0];
    const nav = events.filter((e) => e.name === "navigationStart" && e.pid === main.pid).map((e) => e.ts).sort((a, b) => b - a)[0];
    // Self time: each complete event's duration less its children's on the same thread.
    const spans = events.filter(on(main)).filter((e) => e.ph === "X" && e.dur).sort((a, b) => a.ts - b.ts || b.dur - a.dur);
    const open = [];
    for (const e of spans) {
      while (open.length && open.at(-1).ts + open.at(-1).dur <= e.ts) open.pop();
      if (open.length) open.at(-1).children = (open.at(-1).children ?? 0) + e.dur;
      open.push(e);
    }
    const t = totals[i];
    t.done.push(done);
    for (const e of spans) {
      const at = (e.ts - nav) / 1000;
      if (at > done) continue;
      const self = (e.dur - (e.children ?? 0)) / 1000;
      for (const into of [t.all, at < dataIn ? t.before : t.after]) into.set(e.name, (into.get(e.name) ?? 0) + self);
    }
    console.log(`${pkg} load ${n + 1}: module in at ${chain.module} ms, profile ${chain.profile}; chunks asked for at ${chain.chunks[0]}–${chain.chunks[1]}, in by ${chain.chunks[2]}; market data asked for at ${chain.market[0]}–${chain.market[1]}, in by ${dataIn}; card complete at ${done | 0} ms`);
  }
}
const median = (a) => [...a].sort((x, y) => x - y)[a.length >> 1];
for (const [i, pkg] of PKGS.entries()) {
  const t = totals[i];
  console.log(`\n${pkg}: card complete, median of ${LOADS}: ${median(t.done) | 0} ms`);
  for (const [phase, m] of [["until the card is complete", t.all], ["before the market data is in", t.before], ["from then until complete", t.after]]) {
    console.log(`  self time on the page's thread ${phase}, ms a load (mean of ${LOADS}):`);
    for (const [name, ms] of [...m].sort((a, b) => b[1] - a[1]).slice(0, TOP)) console.log(`${(ms / LOADS).toFixed(1).padStart(10)}  ${name}`);
  }
}
await browser.close();
server.stop();
