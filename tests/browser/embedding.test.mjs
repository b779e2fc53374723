// Embedding: shadow-DOM isolation both ways, one wasm instance per page, the mount() API, and
// the packed npm tarball working outside this repo.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtempSync, copyFileSync, writeFileSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { serve, launch, newPage, ROOT } from "./harness.mjs";

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); server?.stop(); });

const PROPS = ["color", "font-family", "font-size", "font-style", "font-weight", "line-height",
  "letter-spacing", "text-transform", "text-align", "word-spacing", "white-space", "display", "margin-top"];
const PROBES = [".bfx-card", ".bfx-card__name", ".bfx-driver__title", ".bfx-text__body p", ".bfx-badge",
  ".bfx-section__title", ".bfx-signal__title", ".bfx-influencer__name", ".bfx-text__toggle"];

async function cardStyles(query) {
  const page = await newPage(browser, { width: 1000 });
  await page.goto(`${server.url}/tests/pages/styled.html${query}`);
  await page.locator("#card .bfx-driver").first().waitFor();
  // The profile's market sources are public exchanges, refused offline: wait for that error so
  // both pages are measured in the same state.
  // Every panel (market data, charts, signals) settles first.
  await page.locator("#card .bfx-state--error").first().waitFor({ timeout: 15_000 });
  await page.waitForFunction(() => !document.querySelector("#card").shadowRoot.querySelector(".bfx-state--loading"), null, { timeout: 15_000 });
  const styles = {};
  for (const sel of PROBES) {
    styles[sel] = await page.locator(`#card ${sel}`).first().evaluate(
      (el, props) => Object.fromEntries(props.map((p) => [p, getComputedStyle(el).getPropertyValue(p)])), PROPS);
  }
  styles.height = (await page.locator("#card .bfx-card").boundingBox()).height;
  const hostBadge = await page.locator("#host-badge").evaluate((el) => {
    const s = getComputedStyle(el);
    return { radius: s.borderRadius, padding: s.paddingLeft, background: s.backgroundColor };
  });
  await page.context().close();
  return { styles, hostBadge };
}

test("hostile host-page CSS does not change the card", async () => {
  const clean = await cardStyles("");
  const hostile = await cardStyles("?hostile");
  // Sanity: the probes found real styles (a sans-serif card font, not the host's serif).
  assert.match(clean.styles[".bfx-card__name"]["font-family"], /system-ui/);
  assert.deepEqual(hostile.styles, clean.styles);
});

test("the card's CSS does not leak into the host page", async () => {
  const { hostBadge } = await cardStyles("");
  assert.deepEqual(hostBadge, { radius: "0px", padding: "0px", background: "rgba(0, 0, 0, 0)" });
});

test("three cards on a page request the module once, each of its chunks once, and share one instance", async () => {
  const page = await newPage(browser);
  const wasm = [];
  page.on("request", (r) => { if (r.url().endsWith(".wasm")) wasm.push(path.basename(new URL(r.url()).pathname)); });
  await page.goto(`${server.url}/tests/pages/three-cards.html`);
  for (let i = 0; i < 3; i++) await page.locator(".c").nth(i).locator(".bfx-driver").first().waitFor();
  assert.equal(wasm.filter((f) => f === "barfinex_widgets_bg.wasm").length, 1, `wasm requests: ${wasm.join(", ")}`);
  // The card's chunks (the split build, src/web/chunks.rs), each asked for once for three cards.
  assert.ok(wasm.includes("split_card.wasm"), `wasm requests: ${wasm.join(", ")}`);
  assert.equal(new Set(wasm).size, wasm.length, `wasm requests: ${wasm.join(", ")}`);
  // Each card has its own shadow root sharing the one adopted stylesheet object.
  const shared = await page.evaluate(() => {
    const sheets = [...document.querySelectorAll(".c")].map((c) => c.shadowRoot.adoptedStyleSheets[0]);
    return sheets.length === 3 && sheets.every((s) => s && s === sheets[0]);
  });
  assert.ok(shared);
  await page.context().close();
});

test("embed.js asks for the .wasm without waiting for the glue", async () => {
  const page = await newPage(browser);
  const order = [];
  page.on("request", (r) => { if (r.url().endsWith("/barfinex_widgets_bg.wasm")) order.push("wasm requested"); });
  // The glue is held back 500 ms: the module's request must not wait for it.
  await page.route("**/pkg/barfinex_widgets.js", async (route) => {
    await new Promise((resolve) => setTimeout(resolve, 500));
    order.push("glue served");
    await route.continue();
  });
  await page.goto(`${server.url}/tests/pages/three-cards.html`);
  await page.locator(".c").first().locator(".bfx-driver").first().waitFor();
  assert.deepEqual(order, ["wasm requested", "glue served"]);
  await page.context().close();
});

test("embed.js asks for the page's profiles before the glue is in, each once, as the widgets would", async () => {
  const EXAMPLE = "eth.json";
  const page = await newPage(browser);
  await page.goto(`${server.url}/tests/pages/blank.html`);
  await page.evaluate(() => { document.cookie = "session=secret; path=/"; });
  const order = [];
  const profiles = [];
  page.on("request", (r) => {
    const url = new URL(r.url());
    if (url.pathname.startsWith("/www/data/")) { order.push(`profile ${path.basename(url.pathname)}`); profiles.push(r); }
  });
  // The glue is held back 500 ms: the profiles' requests must not wait for it, or for the module.
  await page.route("**/pkg/barfinex_widgets.js", async (route) => {
    await new Promise((resolve) => setTimeout(resolve, 500));
    order.push("glue served");
    await route.continue();
  });
  const flux = `${server.url}/www/data/flux.json`;
  const other = `/www/data/examples/${EXAMPLE}`;
  await page.setContent(`<script type="module" src="${server.url}/pkg/embed.js"></script>
    <bfx-driver-list id="a" src="${flux}"></bfx-driver-list>
    <bfx-sparkline id="b" src="${flux}" market="${server.market}"></bfx-sparkline>
    <bfx-regime-matrix id="m" src="  ${flux}   ${server.url}${other} "></bfx-regime-matrix>`);
  await page.locator("#a .bfx-driver").first().waitFor();
  await page.locator("#b canvas").waitFor();
  await page.locator("#m .bfx-matrix").waitFor();
  // Both profiles asked for before the glue was served, and never again: the widgets took
  // embed.js's responses (src/web/net/early.js).
  assert.deepEqual(order.slice(0, 3).sort(), ["glue served", "profile flux.json", `profile ${EXAMPLE}`].sort());
  assert.equal(order.indexOf("glue served"), 2, order.join(", "));
  assert.equal(profiles.length, 2, order.join(", "));
  for (const r of profiles) {
    const headers = await r.allHeaders();
    assert.equal(headers.cookie, undefined);
    assert.equal(headers.referer, undefined);
    assert.equal(headers.accept, "application/json, text/csv;q=0.9, */*;q=0.1");
  }
  await page.context().close();
});

test("mount() returns a handle whose unmount() removes the widget", async () => {
  const page = await newPage(browser);
  await page.goto(`${server.url}/tests/pages/api.html`);
  await page.waitForFunction(() => window.ready);
  await page.locator("#target .bfx-driver").first().waitFor();
  assert.equal(await page.locator("#target .bfx-root").getAttribute("data-theme"), "dark");
  await page.evaluate(() => { window.handle.unmount(); window.handle.unmount(); });
  assert.equal(await page.evaluate(() => document.getElementById("target").shadowRoot.childElementCount), 0);
  // Bad calls throw a JS error that says what is wrong; nothing panics.
  const errors = await page.evaluate(() => {
    const out = [];
    const div = () => document.body.appendChild(document.createElement("div"));
    const trap = { src: "x" };
    Object.defineProperty(trap, "layout", { get() { throw new Error("getter"); } });
    for (const args of [
      [123, { src: "x" }],
      [div(), { src: "x", theme: "neon" }],
      [div(), { src: 5 }],
      [div(), { src: "x", refresh: "5" }],
      [div(), { src: "x", persist: 1 }],
      [div(), { src: "x", headingLevel: 2.5 }],
      [div(), { src: "x".repeat(65 * 1024) }],
      [div(), { src: "x", locale: "x".repeat(65) }],
      [div(), trap],
      [div(), { src: "x", intervals: "7x" }],
      [div(), { src: "x", ratingRules: "nope" }],
    ]) {
      try { window.bfx.mount(...args); out.push("no error"); } catch (e) { out.push(String(e.message)); }
    }
    return out;
  });
  assert.deepEqual(errors.slice(0, 9), [
    "mount target: expected an Element or a ShadowRoot",
    'mount options.theme: unknown value "neon", expected "light", "dark" or "auto"',
    "mount options.src: expected a string",
    "mount options.refresh: expected a number",
    "mount options.persist: expected a boolean",
    "mount options.headingLevel: 2.5 is not a heading level (1 to 6)",
    `mount options.src: ${65 * 1024} bytes; the limit is 65536`,
    "mount options.locale: 65 bytes; the limit is 64",
    "mount options.layout: cannot be read",
  ]);
  assert.match(errors[9], /^mount options\.intervals: .*7x/);
  assert.match(errors[10], /^mount options\.ratingRules: .*nope/);
  // The page's module still works after those errors.
  await page.evaluate(() => { window.handle = window.bfx.mount(document.getElementById("target"), { src: "/www/data/flux.json" }); });
  await page.locator("#target .bfx-driver").first().waitFor();
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test("removing a card unmounts it; adding it back renders it again", async () => {
  const page = await newPage(browser);
  await page.goto(`${server.url}/index.html?market=${server.market}`);
  await page.locator("#flux .bfx-driver").first().waitFor();
  const count = () => page.evaluate(() => window.__card.shadowRoot.childElementCount);
  await page.evaluate(() => { window.__card = document.getElementById("flux"); window.__card.remove(); });
  assert.equal(await count(), 0);
  await page.evaluate(() => document.body.append(window.__card));
  await page.locator("#flux .bfx-driver").first().waitFor();
  assert.equal(await count(), 1);
  await page.context().close();
});

test("the npm pack tarball renders a card outside the repo", async () => {
  const scratch = mkdtempSync(path.join(tmpdir(), "bfx-pack-"));
  try {
    const out = execFileSync("npm", ["pack", "--json", "--pack-destination", scratch], { cwd: path.join(ROOT, "pkg"), encoding: "utf8" });
    const [{ filename, files }] = JSON.parse(out);
    const names = files.map((f) => f.path).sort();
    for (const f of ["package.json", "barfinex_widgets.js", "barfinex_widgets.d.ts", "barfinex_widgets_bg.wasm", "embed.js"]) {
      assert.ok(names.includes(f), `${f} missing from the tarball: ${names}`);
    }
    // One module: the snippets are bundled into the glue (scripts/build-pkg.sh), so a page
    // loads nothing more before the module can start.
    assert.ok(!names.some((n) => n.startsWith("snippets/")), `a snippets/ folder in the tarball: ${names}`);
    const glue = readFileSync(path.join(ROOT, "pkg/barfinex_widgets.js"), "utf8");
    assert.doesNotMatch(glue, /(^|[;}\s])import\s*[\w*{"'(]|\bfrom\s*["']/, "the glue imports another module");
    execFileSync("tar", ["xzf", path.join(scratch, path.basename(filename)), "-C", scratch]);
    copyFileSync(path.join(ROOT, "www/data/flux.json"), path.join(scratch, "flux.json"));
    writeFileSync(path.join(scratch, "index.html"), `<!doctype html><meta charset="utf-8">
      <script type="module">
        import init, { mount } from "./package/barfinex_widgets.js";
        await init();
        mount(document.getElementById("m"), { src: "flux.json" });
      </script>
      <bfx-asset-card id="e" src="flux.json"></bfx-asset-card>
      <div id="m"></div>`);
    const outside = await serve(scratch);
    try {
      const page = await newPage(browser);
      await page.goto(`${outside.url}/index.html`);
      await page.locator("#e .bfx-driver").nth(5).waitFor();
      await page.locator("#m .bfx-driver").nth(5).waitFor();
      assert.deepEqual(page.errors, []);
      await page.context().close();
    } finally {
      outside.stop();
    }
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
});

test("the package's TypeScript types check a consumer's code", () => {
  const scratch = mkdtempSync(path.join(tmpdir(), "bfx-types-"));
  try {
    writeFileSync(path.join(scratch, "good.ts"), `
      import init, { mount, technicalRating, indicator, scoreSignals, type MountOptions, type MountHandle, type Candle,
        type TechnicalRatingResult, type RatingLabel, type SignalResult, type SignalState, type SignalSpec } from "${path.join(ROOT, "pkg/barfinex_widgets.js")}";
      await init();
      const options: MountOptions = { src: "/data/flux.json", theme: "dark" };
      const handle: MountHandle = mount(document.body, options);
      handle.unmount();
      const candles: Candle[] = [{ time: 1, open: 1, high: 2, low: 0.5, close: 1.5, volume: 10 }];
      const r: TechnicalRatingResult | null = technicalRating(candles, { everyBar: true });
      const label: RatingLabel | null | undefined = r?.label;
      const buys: number | undefined = r?.movingAverages.buy;
      const totals: Float64Array | undefined = r?.everyBar?.total;
      const { macd, signal } = indicator("macd", { fastperiod: 12 }, { time: new Float64Array(1), open: [1], high: [1], low: [1], close: [1], volume: [1] });
      const specs: SignalSpec[] = [{ category: "sentiment", direction: "Bearish", title: "t",
        rule: { kind: "persistence", series: "funding", op: "<", value: 0, periods: 3 } }];
      const scored: SignalResult[] = scoreSignals(specs, { funding: { data: { time: [1], value: [0] }, synthetic: true }, candles });
      const state: SignalState = scored[0].state;
      const strength: number | null = scored[0].strength;
      const matrix: MountOptions = { widget: "regime-matrix", src: "/a.json /b.json", rules: "/rules.json" };
      handle.update({ src: "/b.json", theme: "light" });
      // The elements (pkg/embed.d.ts, generated from the registry): each attribute a typed property.
      const card = document.createElement("bfx-asset-card");
      card.theme = "dark";
      card.refresh = 60;
      card.persist = true;
      const where: string | null = card.market;
      const list: import("${path.join(ROOT, "pkg/embed.js")}").BfxDriverListElement = document.createElement("bfx-driver-list");
      list.layout = "compact";
      console.log(label, buys, totals, macd, signal, state, strength, matrix, where);
    `);
    writeFileSync(path.join(scratch, "bad.ts"), `
      import { mount, indicator } from "${path.join(ROOT, "pkg/barfinex_widgets.js")}";
      mount(document.body, { src: "/x.json", theme: "neon" });
      indicator("smaa", {}, []);
      mount(document.body, { src: "/x.json", widget: "regime-matrx" });
      import "${path.join(ROOT, "pkg/embed.js")}";
      document.createElement("bfx-sparkline").layout = "full";
      document.createElement("bfx-asset-card").theme = "neon";
    `);
    const tsc = path.join(ROOT, "tests/node_modules/.bin/tsc");
    // No ambient @types from wherever the suite runs (tests/node_modules holds an old
    // @types/node that fails this check when the suite is started from tests/).
    const flags = ["--noEmit", "--strict", "--target", "es2022", "--module", "es2022", "--moduleResolution", "bundler", "--typeRoots", scratch];
    const run = (extra, file) => execFileSync(tsc, [...flags, ...extra, path.join(scratch, file)], { encoding: "utf8" });
    // A modern lib with full checking of our .d.ts (it uses Symbol.dispose), and the common
    // bundler template setting (older lib, skipLibCheck).
    run(["--lib", "esnext,dom"], "good.ts");
    run(["--lib", "es2022,dom", "--skipLibCheck"], "good.ts");
    let badOutput = "";
    try { run(["--lib", "esnext,dom"], "bad.ts"); } catch (e) { badOutput = e.stdout; }
    assert.match(badOutput, /bad\.ts\(3,\d+\): error TS2322: Type '"neon"' is not assignable to type '"auto" \| "light" \| "dark" \| undefined'/);
    assert.match(badOutput, /bad\.ts\(4,\d+\): error TS2345: Argument of type '"smaa"' is not assignable to parameter of type 'IndicatorName'/);
    assert.match(badOutput, /bad\.ts\(5,\d+\): error TS\d+: Type '"regime-matrx"' is not assignable to type '"asset-card" \| "driver-list"/);
    assert.match(badOutput, /bad\.ts\(7,\d+\): error TS2339: Property 'layout' does not exist on type 'BfxSparklineElement'/);
    assert.match(badOutput, /bad\.ts\(8,\d+\): error TS2322: Type '"neon"' is not assignable to type '"auto" \| "light" \| "dark"'/);
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
});
