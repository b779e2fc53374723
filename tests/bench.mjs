// `make bench`: native (cargo bench) and in-browser (www/bench.html in headless Chromium)
// figures for the rating set, printed as one Markdown table with ratios. Not a test: timings
// depend on the machine; the README keeps the figures with the command.
import { execFileSync } from "node:child_process";
import { serve, launch, newPage } from "./browser/harness.mjs";

const sizes = process.argv[2] ?? "10000,1000000";
const native = execFileSync("cargo", ["bench", "-q", "-p", "barfinex-core"], { encoding: "utf8" });
console.log(native);
const nativeNs = {};
for (const m of native.matchAll(/^technical rating, (\d+) bars\s+([\d.]+)$/gm)) nativeNs[m[1]] = Number(m[2]);

const server = await serve();
const browser = await launch();
try {
  const page = await newPage(browser);
  await page.goto(`${server.url}/www/bench.html?n=${sizes}`);
  await page.waitForFunction(() => window.benchResults || window.benchError, null, { timeout: 600_000 });
  const err = await page.evaluate(() => window.benchError);
  if (err) throw new Error(err);
  const rows = await page.evaluate(() => window.benchResults);
  console.log("| engine | bars | ns/bar | vs wasm | indicators |\n| --- | ---: | ---: | ---: | --- |");
  for (const n of new Set(rows.map((r) => r.bars))) {
    const wasm = rows.find((r) => r.bars === n && r.engine.startsWith("barfinex")).nsPerBar;
    if (nativeNs[n]) console.log(`| barfinex (native) | ${n.toLocaleString("en")} | ${nativeNs[n].toFixed(1)} | ${(nativeNs[n] / wasm).toFixed(2)}× | 26 of 26 (+ votes) |`);
    for (const r of rows.filter((r) => r.bars === n)) {
      console.log(`| ${r.engine} | ${n.toLocaleString("en")} | ${r.nsPerBar.toFixed(1)} | ${(r.nsPerBar / wasm).toFixed(2)}× | ${r.computed} |`);
    }
  }
} finally {
  await browser.close();
  server.stop();
}
