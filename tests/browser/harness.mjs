// Shared test harness: serves the repo with the project's own dev server and drives the system
// Chromium through playwright-core (no browser download).
import { spawn, execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import path from "node:path";
import { afterEach } from "node:test";
import assert from "node:assert/strict";
import { chromium } from "playwright-core";

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

/** The test build's glue (cargo feature `test-trap`, `scripts/build-pkg.sh --test-trap`), from
 * the root: widgets that stop the module on purpose, and counts the tests read. */
export const TRAP_GLUE = "target/test-trap-pkg/barfinex_widgets.js";

/** Throws when the test build is missing (make test builds it). */
export function requireTrapBuild() {
  const glue = path.join(ROOT, TRAP_GLUE);
  if (!existsSync(glue)) throw new Error(`${glue} missing: make test builds it (scripts/build-pkg.sh --test-trap)`);
}

export function chromePath() {
  if (process.env.CHROME_PATH) return process.env.CHROME_PATH;
  for (const name of ["chromium", "chromium-browser", "google-chrome", "google-chrome-stable"]) {
    try {
      return execFileSync("sh", ["-c", `command -v ${name}`], { encoding: "utf8" }).trim();
    } catch {}
  }
  throw new Error("no Chromium found: set CHROME_PATH (make test installs Debian's chromium)");
}

/** Starts the dev server (and its market-data server, on another port: another origin) on free
 * ports; resolves to { url, market, stop }. A root other than the repository (a scratch folder)
 * is served whole, hidden files excepted; the repository only as far as the pages need. */
// The site server's address, once started: pages a test writes with setContent are written into
// one of its pages (see newPage), since the dev server sends no CORS headers for its own files.
let siteUrl = null;

export function serve(root = ROOT) {
  const bin = path.join(ROOT, "target/release/barfinex-devserver");
  if (!existsSync(bin)) throw new Error(`${bin} missing: run make test (it builds it)`);
  const args = ["--root", root, "--port", "0", "--market-port", "0", ...(root === ROOT ? [] : ["--any-file"])];
  const proc = spawn(bin, args, { stdio: ["ignore", "pipe", "inherit"] });
  return new Promise((resolve, reject) => {
    let out = "";
    proc.on("error", reject);
    proc.on("exit", (code) => reject(new Error(`dev server exited (${code})`)));
    proc.stdout.on("data", (chunk) => {
      out += chunk;
      const m = out.match(/listening on (http:\/\/\S+)/);
      const k = out.match(/market data on (http:\/\/\S+)/);
      if (m && k) {
        if (root === ROOT) siteUrl = m[1];
        resolve({ url: m[1], market: k[1], stop: () => proc.kill() });
      }
    });
  });
}

/** Launches the system Chromium; `extraArgs` such as `--js-flags=--expose-gc` (leak tests). */
export async function launch(extraArgs = []) {
  return chromium.launch({
    executablePath: chromePath(),
    args: [
      "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
      "--disable-component-update", "--disable-sync", "--disable-quic", ...extraArgs,
    ],
  });
}

// Every page a test opened, checked after the test: see newPage.
const opened = [];

// The browser's own line for a response a test provoked on purpose (a 404, a 500, a blocked
// host); it names no widget and no script.
const PROVOKED = /^Failed to load resource: /;

afterEach(() => {
  const unexpected = opened.splice(0).flatMap((page) =>
    page.errors.filter((e) => !page.expected.some((re) => re.test(e))));
  assert.deepEqual(unexpected, [], "page errors or console errors from the page or the widgets");
});

/** A new page. `page.errors` collects uncaught page errors and console errors; after the test,
 * any of them fails it, except the browser's "Failed to load resource" lines and what the test
 * declared with `page.expectErrors(/…/)` (errors it provokes on purpose). Requests to anything but this
 * machine are refused (tests never reach the internet; a card whose profile names a public
 * exchange then shows its network error). That guard is a route, and Playwright turns the HTTP
 * cache off while routes exist, so `{ httpCache: true }` skips it for tests of revalidation,
 * whose pages must name only local URLs. */
export async function newPage(browser, { width = 1280, height = 900, colorScheme = "light", httpCache = false, deviceScaleFactor = 1, locale = "en-US", timezoneId = "UTC" } = {}) {
  // The reader's language and zone are fixed, so the times a widget shows are the same on any
  // machine (a test of other readers passes its own).
  const context = await browser.newContext({ viewport: { width, height }, colorScheme, deviceScaleFactor, locale, timezoneId });
  if (!httpCache) {
    await context.route((url) => !["127.0.0.1", "localhost"].includes(url.hostname) && url.protocol !== "data:" && url.protocol !== "about:",
      (route) => route.abort("blockedbyclient"));
  }
  const page = await context.newPage();
  page.errors = [];
  page.expected = [];
  // A page written from about:blank has an opaque origin, and the dev server's files are
  // same-origin only: write it into the site's blank page instead.
  const setContent = page.setContent.bind(page);
  page.setContent = async (html, options) => {
    if (page.url() === "about:blank" && siteUrl) await page.goto(`${siteUrl}/tests/pages/blank.html`);
    return setContent(html, options);
  };
  page.expectErrors = (...patterns) => page.expected.push(...patterns);
  page.on("pageerror", (e) => page.errors.push(String(e)));
  page.on("console", (m) => { if (m.type() === "error" && !PROVOKED.test(m.text())) page.errors.push(m.text()); });
  opened.push(page);
  return page;
}

/** Sums the page's layout shifts from now on (as Chromium scores them, shifts inside shadow
 * roots included, none after input): `await page.evaluate(() => window.layoutShift)`. Call
 * before `goto`. */
export async function watchLayoutShifts(page) {
  await page.addInitScript(() => {
    window.layoutShift = 0;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) if (!e.hadRecentInput) window.layoutShift += e.value;
    }).observe({ type: "layout-shift", buffered: true });
  });
}

/** Loads the package into `page` (a served page) with `mount` at hand: `window.mountInto(id,
 * options)` mounts into a new `<div id>` and returns `{ el, handle }`, and `window.wasmBytes()`
 * is the size of the module's memory. */
export async function loadPackage(page, server) {
  await page.evaluate(async (pkg) => {
    const { default: init, mount } = await import(pkg);
    const wasm = await init();
    window.wasmBytes = () => wasm.memory.buffer.byteLength;
    window.mountInto = (id, options) => {
      const el = document.createElement("div");
      el.id = id;
      document.body.append(el);
      return { el, handle: mount(el, options) };
    };
  }, `${server.url}/pkg/barfinex_widgets.js`);
}

/** Adds `<tag id=… attrs…>` to the page's body (after the page has loaded: a widget added late). */
export async function appendElement(page, tag, id, attrs = {}) {
  await page.evaluate(({ tag, id, attrs }) => {
    const el = document.createElement(tag);
    el.id = id;
    for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
    document.body.append(el);
  }, { tag, id, attrs });
}

/** How a widget shows time `ms` (Unix ms) to a reader of `locale` in `timeZone`: the page's own
 * `Intl`, with the options src/web/elements.js gives it (Node's ICU may space it differently). */
export async function shownTime(page, ms, locale = "en-US", timeZone = "UTC") {
  return page.evaluate(({ ms, locale, timeZone }) => new Intl.DateTimeFormat(locale, {
    year: "numeric", month: "short", day: "numeric", hour: "2-digit", minute: "2-digit", timeZone, timeZoneName: "short",
  }).format(ms), { ms, locale, timeZone });
}
