// The bytes a page pays: for one embed, counted as scripts/build-pkg.sh prints them (the main
// wasm, each chunk of the split build, and every .js the embed loads, each gzip -9 from stdin),
// and for a page of light widgets up to the first one's data, counted in a browser. Used by the budget tests and by make bench's
// size table.
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync, readdirSync } from "node:fs";
import path from "node:path";

const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");

/** Bytes after `gzip -9` from stdin (no file name in the header), as build-pkg.sh counts. */
const gzip = (bytes) => execFileSync("gzip", ["-9", "-c"], { input: bytes }).length;
const gz = (files) => gzip(Buffer.concat(files.map((f) => readFileSync(f))));

/** The chunks of the split build in `dir` (scripts/build-pkg.sh), with the file the small ones
 * are packed in (`chunk_pack.bin`, scripts/pack-chunks.mjs): fetched only by the widgets that
 * need them. */
export const chunkFiles = (dir) => readdirSync(dir).filter((f) => /^(split|chunk)_\w+\.wasm$|^chunk_pack\.bin$/.test(f)).sort();

/** `{ wasm, chunks, js, total }`, gzipped bytes of pkg/ as built: `wasm` is the main part,
 * `chunks` the split build's other parts (each gzipped on its own, as each is fetched). */
export function bundleBytes() {
  const pkg = path.join(ROOT, "pkg");
  // The glue is one module (scripts/build-pkg.sh bundles its snippets in): a snippets/ folder
  // left beside it would be loaded by nobody, so its presence fails the count.
  if (existsSync(path.join(pkg, "snippets"))) throw new Error("pkg/snippets/ exists: the glue is built as one module");
  const wasm = gz([path.join(pkg, "barfinex_widgets_bg.wasm")]);
  const chunks = chunkFiles(pkg).reduce((sum, f) => sum + gz([path.join(pkg, f)]), 0);
  const js = gz([path.join(pkg, "barfinex_widgets.js"), path.join(pkg, "embed.js")]);
  return { wasm, chunks, js, total: wasm + chunks + js };
}

/** The split files only heavy widgets or the computing functions fetch (`src/web/chunks.rs`,
 * `src/web/api/compute.rs`): never part of a light page's first paint. */
export const HEAVY_SPLITS = ["card", "rating", "charts", "compute"].map((name) => `split_${name}.wasm`);

/** The light widgets of the first-paint budget. */
export const LIGHT = ["bfx-driver-list", "bfx-regime-matrix", "bfx-sparkline", "bfx-signal-badges"];

/** Chromium DevTools' "Fast 3G" throttling preset (devtools-frontend's NetworkManager: 1.6 Mbit/s
 * down and 750 kbit/s up, each × 0.9, and 150 ms × 3.75 of latency), in the units
 * `Network.emulateNetworkConditions` takes (bytes per second, ms). */
export const FAST_3G = { offline: false, latency: 562.5, downloadThroughput: (1.6e6 / 8) * 0.9, uploadThroughput: (750e3 / 8) * 0.9 };

/** What a page of the light widgets only has received of .js and .wasm when the first of them
 * shows its data (a widget root with content and no loading state): `{ total, files }`, each
 * file gzip -9 as a server would send it. `page` is a fresh page; `server` the dev server.
 *
 * The moment is taken in the page, by a MutationObserver on each widget's shadow root, in the
 * task that shows the data; a file counts if its last byte came before it (resource timing's
 * `responseEnd`). A poll would see the data later and count what came in meanwhile, such as a
 * light widget's own chunk asked for in that task.
 *
 * The page loads over Chromium's "Fast 3G" network (`FAST_3G`), where bytes are what a reader
 * waits for. On this machine's loopback a light widget's chunk, asked for while the first
 * widget is being drawn (one task builds every widget whose profile came in), could land before
 * that task ended, and so count in some runs and not in others (4 runs of 5 on one machine). */
export async function firstPaintBytes(page, server) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Network.enable");
  await cdp.send("Network.emulateNetworkConditions", FAST_3G);
  const responses = new Map();
  page.on("response", (r) => {
    const { pathname } = new URL(r.url());
    if (/\.(m?js|wasm)$/.test(pathname)) responses.set(path.basename(pathname), r);
  });
  await page.addInitScript((tags) => {
    const roots = new Map();
    const shown = () => tags.some((tag) => {
      const root = roots.get(document.querySelector(tag))?.querySelector(".bfx-root");
      return root && root.childElementCount > 0 && !root.querySelector(".bfx-state--loading, [aria-busy=true]");
    });
    const check = () => { if (window.__bfxShownAt === undefined && shown()) window.__bfxShownAt = performance.now(); };
    const attach = Element.prototype.attachShadow;
    Element.prototype.attachShadow = function (init) {
      const root = attach.call(this, init);
      roots.set(this, root);
      new MutationObserver(check).observe(root, { subtree: true, childList: true, attributes: true });
      return root;
    };
  }, LIGHT);
  await page.goto(`${server.url}/tests/pages/blank.html`);
  const src = `${server.url}/www/data/flux.json`;
  await page.setContent(LIGHT.map((tag) => `<${tag} src="${src}" market="${server.market}"></${tag}>`).join("\n")
    + `<script type="module" src="${server.url}/pkg/embed.js"></script>`);
  await page.waitForFunction(() => window.__bfxShownAt !== undefined, null, { timeout: 45_000 });
  const received = await page.evaluate(() => performance.getEntriesByType("resource")
    .filter((e) => e.responseEnd > 0 && e.responseEnd <= window.__bfxShownAt)
    .map((e) => new URL(e.name).pathname.split("/").pop()));
  const missed = received.filter((f) => /\.(m?js|wasm)$/.test(f) && !responses.has(f));
  if (missed.length) throw new Error(`received without a response seen: ${missed}`);
  const files = await Promise.all([...responses].filter(([file]) => received.includes(file))
    .map(async ([file, r]) => ({ file, gz: gzip(await r.body()) })));
  return { total: files.reduce((sum, f) => sum + f.gz, 0), files };
}
