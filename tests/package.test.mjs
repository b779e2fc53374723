// The npm package as a frontend developer meets it (issue "A package frontend developers are
// glad to install"): `npm pack` of pkg/, unpacked into a new user's Vite + TypeScript project
// (tests/consumer, dependencies pinned in its lockfile) as npm would install it; publint and
// arethetypeswrong; the manifest against its schema; every typing file compiled, where a bad
// attribute fails; `vite build` loaded in Chromium with React 19 rendering the card; and the
// computing functions in Node 20 and in a Web Worker, with no stubs.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { copyFileSync, mkdirSync, readFileSync, readdirSync, rmSync } from "node:fs";
import path from "node:path";
import Ajv from "ajv";
import { ROOT, serve, launch, newPage, watchLayoutShifts } from "./browser/harness.mjs";
import { chunkFiles } from "./bundle.mjs";
import { loadRegistry } from "../scripts/gen-registry.mjs";
import { prop } from "../scripts/gen-types.mjs";

const APP = path.join(ROOT, "tests/consumer");
const bin = (dir, name) => path.join(dir, "node_modules/.bin", name);
const run = (cmd, args, cwd = ROOT) => execFileSync(cmd, args, { cwd, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
/** Runs and returns the output whether it fails or not (tsc's errors are on stdout). */
const runAnyway = (cmd, args, cwd) => { try { return run(cmd, args, cwd); } catch (e) { return `${e.stdout}${e.stderr}`; } };

let browser, site;
before(async () => {
  // npm pack, then the tarball unpacked where `npm install <tarball>` would put it.
  const packs = path.join(ROOT, "target/pack");
  rmSync(packs, { recursive: true, force: true });
  mkdirSync(packs, { recursive: true });
  run("npm", ["pack", "--silent", "--pack-destination", packs], path.join(ROOT, "pkg"));
  const [tarball] = readdirSync(packs);
  const installed = path.join(APP, "node_modules/@barfinex/widgets");
  rmSync(installed, { recursive: true, force: true });
  mkdirSync(installed, { recursive: true });
  run("tar", ["-xzf", path.join(packs, tarball), "-C", installed, "--strip-components=1"]);
  mkdirSync(path.join(APP, "public"), { recursive: true });
  copyFileSync(path.join(ROOT, "www/data/flux.json"), path.join(APP, "public/flux.json"));
  browser = await launch();
  site = await serve();
});
after(async () => { await browser?.close(); site?.stop(); });

test("the packed package holds what its README promises, and publint and arethetypeswrong find nothing", () => {
  const files = run("tar", ["-tzf", path.join(ROOT, "target/pack", readdirSync(path.join(ROOT, "target/pack"))[0])]).split("\n");
  // The split build's chunks too: the heavy widgets fetch them beside the glue.
  const chunks = chunkFiles(path.join(ROOT, "pkg"));
  assert.ok(chunks.length > 0, "no chunks in pkg/");
  for (const f of ["README.md", "LICENSE", "CHANGELOG.md", "custom-elements.json", "embed.js", "embed.d.ts", "react.d.ts", "vue.d.ts", "svelte.d.ts", "barfinex_widgets_bg.wasm", ...chunks]) {
    assert.ok(files.includes(`package/${f}`), `${f} missing from the tarball`);
  }
  const meta = JSON.parse(readFileSync(path.join(ROOT, "pkg/package.json"), "utf8"));
  assert.equal(meta.customElements, "custom-elements.json");
  assert.equal(meta.publishConfig.access, "public");
  assert.match(run(bin(path.join(ROOT, "tests"), "publint"), ["pkg"]), /All good!/);
  // ESM only, on purpose (top-level await in embed.js): CommonJS resolutions are not checked.
  run(bin(path.join(ROOT, "tests"), "attw"), ["--pack", "pkg", "--profile", "esm-only"]);
});

test("the manifest is valid against the Custom Elements Manifest schema and lists the registry", () => {
  const schema = JSON.parse(readFileSync(path.join(ROOT, "tests/node_modules/custom-elements-manifest/schema.json"), "utf8"));
  const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);
  const manifest = JSON.parse(readFileSync(path.join(APP, "node_modules/@barfinex/widgets/custom-elements.json"), "utf8"));
  assert.ok(validate(manifest), JSON.stringify(validate.errors));
  const reg = loadRegistry();
  const elements = manifest.modules.flatMap((m) => m.declarations);
  assert.deepEqual(elements.map((d) => d.tagName), reg.elements.map((e) => e.tag));
  for (const [d, e] of elements.map((d, i) => [d, reg.elements[i]])) {
    assert.deepEqual(d.attributes.map((a) => a.name), e.attributes, d.tagName);
    // Members are properties: `rating-rules` is `ratingRules`, reflecting its attribute.
    assert.deepEqual(d.members.map((a) => a.name), e.attributes.map(prop), d.tagName);
    assert.deepEqual(d.members.map((a) => a.attribute), e.attributes, d.tagName);
    assert.deepEqual(d.events.map((a) => a.name), e.events, d.tagName);
    assert.deepEqual(d.cssParts.map((p) => p.name), e.parts, d.tagName);
    for (const p of d.cssParts) assert.ok(p.description, `${d.tagName} ::part(${p.name}) has no description`);
  }
  // The CSS custom properties listed are those the stylesheet reads, no more, no fewer.
  const css = readdirSync(path.join(ROOT, "src/web"), { recursive: true }).filter((f) => f.endsWith(".css"))
    .map((f) => readFileSync(path.join(ROOT, "src/web", f), "utf8")).join("\n");
  const read = [...new Set(css.match(/var\(--bfx-[a-z-]+/g).map((v) => v.slice(4)))].sort();
  assert.deepEqual(elements[0].cssProperties.map((p) => p.name).sort(), read);
});

test("every typing file compiles in a TypeScript project, and bad attributes and arguments fail", () => {
  const tsc = bin(APP, "tsc");
  assert.equal(runAnyway(tsc, ["-p", "tsconfig.json"], APP), "", "the consumer's own files must compile");
  const bad = runAnyway(tsc, ["-p", "tsconfig.bad.json"], APP);
  const expect = [
    /bad\/react\.tsx\(2,\d+\): error TS2322: Type '"blue"' is not assignable to type '"auto" \| "dark" \| "light" \| undefined'/,
    /bad\/react\.tsx\(3,\d+\): error TS2322: Type '"wide"' is not assignable to type '"compact" \| "full" \| undefined'/,
    /bad\/react\.tsx\(4,\d+\): error TS2322: [^\n]*\n\s+Property 'candles' does not exist/,
    /bad\/vue\.ts\(3,\d+\): error TS2322: Type '"blue"' is not assignable/,
    /bad\/svelte\.ts\(3,\d+\): error TS2322: Type '"blue"' is not assignable/,
    /bad\/api\.ts\(3,\d+\): error TS2561: [^\n]*'everyBars' does not exist in type 'TechnicalRatingOptions'/,
    /bad\/api\.ts\(4,\d+\): error TS2339: Property 'start' does not exist/,
  ];
  for (const re of expect) assert.match(bad, re);
  assert.equal(bad.match(/error TS/g).length, expect.length, bad);
});

test("vite build of a React 19 app: the card renders with its market data, events reach React's props, no console errors", { timeout: 120_000 }, async () => {
  rmSync(path.join(APP, "dist"), { recursive: true, force: true });
  run(bin(APP, "vite"), ["build", "--logLevel", "warn"], APP);
  const app = await serve(path.join(APP, "dist"));
  try {
    const page = await newPage(browser);
    await page.goto(`${app.url}/index.html?src=/flux.json&market=${encodeURIComponent(app.market)}`);
    await page.locator("#card .bfx-market__price").waitFor({ timeout: 20_000 });
    await page.locator("#card .bfx-rating").waitFor({ timeout: 20_000 });
    await page.waitForFunction(() => window.seen.some((s) => s.startsWith("rating ")), null, { timeout: 10_000 });
    const seen = await page.evaluate(() => window.seen);
    assert.equal(seen[0], "load FLUX");
    const label = await page.locator("#card .bfx-rating").getAttribute("data-label");
    assert.ok(seen.includes(`rating ${label === "Not enough data" ? "none" : label}`), seen.join(", "));
    assert.equal(await page.locator("#card .bfx-root").getAttribute("data-theme"), "light");
    await page.context().close();
    // No layout shift: the card and the host's paragraph after it stay put while data arrives.
    for (const width of [360, 1280]) {
      const page = await newPage(browser, { width, height: 800 });
      await watchLayoutShifts(page);
      await page.goto(`${app.url}/index.html?src=/flux.json&market=${encodeURIComponent(app.market)}`);
      await page.locator("#card .bfx-rating").waitFor({ timeout: 20_000 });
      await page.locator("#card figure canvas").first().waitFor();
      await page.waitForTimeout(500);
      const shift = await page.evaluate(() => window.layoutShift);
      assert.ok(shift <= 0.05, `cumulative layout shift ${shift} at ${width} px`);
      await page.context().close();
    }
  } finally {
    app.stop();
  }
});

test("in Node 20 every entry imports without throwing, and initSync and the computing functions work", () => {
  const script = `
    import { readFileSync } from "node:fs";
    const entries = ["@barfinex/widgets", "@barfinex/widgets/embed", "@barfinex/widgets/embed.js",
      "@barfinex/widgets/react", "@barfinex/widgets/vue", "@barfinex/widgets/svelte"];
    for (const e of entries) await import(e);
    const { initSync, technicalRating, indicator, scoreSignals } = await import("@barfinex/widgets");
    initSync({ module: readFileSync(new URL(import.meta.resolve("@barfinex/widgets/barfinex_widgets_bg.wasm"))) });
    const rows = JSON.parse(readFileSync(${JSON.stringify(path.join(ROOT, "tests/fixtures/real/xrpusdt-perp-1h-ohlcv.json"))}, "utf8"));
    const candles = rows.map(([time, open, high, low, close, volume]) => ({ time, open, high, low, close, volume }));
    const signals = [{ category: "technical", direction: "Bullish", title: "Above 1",
      rule: { timeframe: "1h", kind: "threshold", series: "candles.close", op: ">", value: 1 } }];
    console.log(JSON.stringify({
      rating: technicalRating(candles),
      lastRsi: indicator("rsi", { timeperiod: 14 }, candles).rsi.at(-1),
      state: scoreSignals(signals, { candles })[0].state,
      elements: typeof customElements,
      exports: Object.keys(await import("@barfinex/widgets")).sort(),
    }));`;
  const out = JSON.parse(run(process.execPath, ["--input-type=module", "-e", script], APP));
  assert.equal(out.elements, "undefined");
  // What the typings offer, and nothing else (the module's start function runs at init and is
  // not exported: src/web/embed.rs).
  assert.deepEqual(out.exports, ["MountHandle", "default", "indicator", "initSync", "mount", "scoreSignals", "technicalRating"]);
  assert.equal(out.rating.votes.length, 26);
  assert.ok(Number.isFinite(out.lastRsi));
  assert.match(out.state, /^(active|inactive)$/);
  globalThis.nodeResult = out;
});

test("in a Web Worker the computing functions work with no stubs, and give Node's results", async () => {
  const page = await newPage(browser);
  await page.goto(`${site.url}/tests/pages/blank.html`);
  const rows = JSON.parse(readFileSync(path.join(ROOT, "tests/fixtures/real/xrpusdt-perp-1h-ohlcv.json"), "utf8"));
  const candles = rows.map(([time, open, high, low, close, volume]) => ({ time, open, high, low, close, volume }));
  const out = await page.evaluate((candles) => new Promise((resolve) => {
    const worker = new Worker("/tests/pages/rating-worker.js", { type: "module" });
    worker.onmessage = (e) => resolve(e.data);
    worker.onerror = (e) => resolve({ error: e.message });
    worker.postMessage(candles);
  }), candles);
  assert.equal(out.error, undefined);
  assert.equal(out.elements, "undefined");
  assert.ok(globalThis.nodeResult, "the Node test ran first");
  // Node's result came through JSON (NaN became null): compare through JSON too.
  assert.deepEqual(JSON.parse(JSON.stringify(out.rating)), globalThis.nodeResult.rating);
  assert.equal(out.lastRsi, globalThis.nodeResult.lastRsi);
  await page.context().close();
});
