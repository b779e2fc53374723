// `make bench`, second part: what a reader waits for (the weight issue, #18, items 3 and 4). Not
// a test: timings depend on the machine, and the figures go to the README with the date.
//
// - First card: a page holding one Flux card (`<bfx-asset-card>` and the embed script), from
//   navigation until the card is complete: price, 24h change, rating label and "as of" shown,
//   nothing loading. Beside it, a static page of the same content: the card's shadow DOM and
//   stylesheet as the widget rendered them in the same round, serialised as declarative shadow
//   DOM, no scripts and no other resources, timed to its first contentful paint.
// - 200 widgets: the eight elements in turn, one profile, the local market server; until none
//   is loading. Beside it, the static page of the same 200, serialised the same way.
//
// Cold cache (a new browser context each time), best of BENCH_ROUNDS (default 3) alternating
// rounds, ratios from the same run: our machines drift ±40%. BENCH_LATENCY adds a round trip.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { ROOT, serve, launch } from "./browser/harness.mjs";
import { bundleBytes, firstPaintBytes } from "./bundle.mjs";
import { cardDone } from "./card-done.mjs";

const rounds = Number(process.env.BENCH_ROUNDS ?? 3);
// BENCH_LATENCY=50: every request of every page takes 50 ms more (Chromium's network emulation),
// as on a real network; default 0, this machine's loopback.
const latency = Number(process.env.BENCH_LATENCY ?? 0);
const budgets = JSON.parse(readFileSync(path.join(ROOT, "budgets.json"), "utf8"));
const TAGS = JSON.parse(readFileSync(path.join(ROOT, "src/web/registry.json"), "utf8")).elements.map((e) => e.tag);

const server = await serve();
const browser = await launch();

// The pages are files the dev server serves (a page Playwright fulfils itself counts as a
// public address, and Chromium then refuses its requests to the loopback market server).
const DIR = path.join(ROOT, "tests/output/bench-pages");
mkdirSync(DIR, { recursive: true });
let pages = 0;

/** Opens `html` (a file the dev server serves) in a fresh context; runs `done` in the page
 * until it returns a time (ms since navigation), and returns it. */
async function timed(html, done, extra) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  if (latency) {
    const cdp = await context.newCDPSession(page);
    await cdp.send("Network.enable");
    await cdp.send("Network.emulateNetworkConditions", { offline: false, latency, downloadThroughput: -1, uploadThroughput: -1 });
  }
  const name = `page-${++pages}.html`;
  writeFileSync(path.join(DIR, name), html);
  await page.goto(`${server.url}/tests/output/bench-pages/${name}`);
  const ms = await page.waitForFunction(done, null, { timeout: 120_000, polling: "raf" }).then((h) => h.jsonValue());
  const out = extra ? await page.evaluate(extra) : null;
  await context.close();
  return { ms, out };
}

const embed = `<script type="module" src="${server.url}/pkg/embed.js"></script>`;
const src = `${server.url}/www/data/flux.json`;

/** Serialises every widget of the page as declarative shadow DOM with its stylesheet. */
const serialise = () => {
  const css = (root) => root.adoptedStyleSheets.flatMap((s) => [...s.cssRules].map((r) => r.cssText)).join("\n");
  return [...document.querySelectorAll("[data-bench]")].map((el) =>
    `<${el.localName}><template shadowrootmode="open"><style>${css(el.shadowRoot)}</style>${el.shadowRoot.innerHTML}</template></${el.localName}>`).join("\n");
};

const manyDone = () => {
  const els = [...document.querySelectorAll("[data-bench]")];
  const ok = els.length === 200 && els.every((el) => {
    const root = el.shadowRoot?.querySelector(".bfx-root");
    return root && root.childElementCount > 0 && !root.querySelector(".bfx-state--loading");
  });
  return ok ? performance.now() : false;
};
const painted = () => performance.getEntriesByName("first-contentful-paint")[0]?.startTime ?? false;

const head = `<!doctype html><meta charset="utf-8"><title>bench</title>`;
const cardPage = `${head}<bfx-asset-card data-bench src="${src}" market="${server.market}"></bfx-asset-card>${embed}`;
const manyPage = `${head}${Array.from({ length: 200 }, (_, i) => {
  const tag = TAGS[i % TAGS.length];
  return `<${tag} data-bench src="${src}" market="${server.market}"></${tag}>`;
}).join("\n")}${embed}`;

const best = { card: Infinity, cardStatic: Infinity, many: Infinity, manyStatic: Infinity };
try {
  for (let round = 1; round <= rounds; round++) {
    const card = await timed(cardPage, cardDone, serialise);
    const cardStatic = await timed(`${head}${card.out}`, painted);
    const many = await timed(manyPage, manyDone, serialise);
    const manyStatic = await timed(`${head}${many.out}`, painted);
    for (const [k, v] of Object.entries({ card, cardStatic, many, manyStatic })) best[k] = Math.min(best[k], v.ms);
    console.error(`round ${round} of ${rounds}: card ${card.ms.toFixed(0)} ms (static ${cardStatic.ms.toFixed(0)}), 200 widgets ${many.ms.toFixed(0)} ms (static ${manyStatic.ms.toFixed(0)})`);
  }
  const t = budgets.pages ?? {};
  const b = bundleBytes();
  const context = await browser.newContext();
  const paint = await firstPaintBytes(await context.newPage(), server);
  await context.close();
  const { bundle } = budgets;
  console.log("\nBytes, gzip -9 (pkg/ as built; first paint: what a page of light widgets has received, each file gzipped):\n");
  console.log("| what | now | budget (`max`) | target |\n| --- | ---: | ---: | ---: |");
  console.log(`| whole library (wasm + JS) | ${b.total} | ${bundle.max} | ${bundle.target} |`);
  console.log(`| JS glue | ${b.js} | ${bundle.js.max} | ${bundle.js.target} |`);
  console.log(`| light page, first paint | ${paint.total} (${paint.files.length} files) | ${bundle.first_paint.max} | ${bundle.first_paint.target} |`);
  console.log(`\nBest of ${rounds} alternating rounds, cold cache, headless Chromium${latency ? `, ${latency} ms added to every request` : ""}, ms from navigation:\n`);
  console.log("| page | widgets | static HTML | ratio | target |\n| --- | ---: | ---: | ---: | --- |");
  console.log(`| first card complete | ${best.card.toFixed(0)} | ${best.cardStatic.toFixed(0)} | ${(best.card / best.cardStatic).toFixed(2)}× | ≤ ${t.first_card_over_static_max ?? "?"}× static |`);
  console.log(`| 200 mixed widgets, none loading | ${best.many.toFixed(0)} | ${best.manyStatic.toFixed(0)} | ${(best.many / best.manyStatic).toFixed(2)}× | ≤ ${t.many_widgets_ms_target ?? "?"} ms |`);
} finally {
  await browser.close();
  server.stop();
}
