// `make bench`: native (cargo bench) and in-browser (www/bench.html in headless Chromium)
// figures for the rating set, printed as one Markdown table with ratios; then the market data
// parsers' native figures (`cargo bench -p barfinex-core`). Not a test: timings depend on the
// machine; the README keeps the figures with the command.
//
// Our machines are shared and their speed drifts by ±40% over minutes, so the engines are timed
// in alternating rounds (native, wasm, and TA-Lib when TALIB_PYTHON names a Python with the
// `talib` package) and each figure is that engine's best round: the same quiet phase is then
// likely to be in every engine's figure. The JS libraries take seconds a run; they are timed in
// the first round only.
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { serve, launch, newPage } from "./browser/harness.mjs";

const sizes = process.argv[2] ?? "10000,1000000";
const rounds = Number(process.env.BENCH_ROUNDS ?? 5);
const talibPython = process.env.TALIB_PYTHON;

const best = {}; // key `${engine}|${bars}` → { nsPerBar, computed }
const keep = (engine, bars, nsPerBar, computed) => {
  const k = `${engine}|${bars}`;
  if (!best[k] || nsPerBar < best[k].nsPerBar) best[k] = { engine, bars, nsPerBar, computed };
};

const server = await serve();
const browser = await launch();
try {
  for (let round = 1; round <= rounds; round++) {
    const native = execFileSync("cargo", ["bench", "-q", "-p", "barfinex-ta"], { encoding: "utf8" });
    if (round === 1) console.log(native);
    for (const m of native.matchAll(/^technical rating \(([a-z0-9-]+)\), (\d+) bars\s+([\d.]+)$/gm)) {
      const engine = m[1] === "tradingview" ? "barfinex (native)" : `barfinex ${m[1]} (native)`;
      keep(engine, Number(m[2]), Number(m[3]), "26 of 26 (+ votes)");
    }
    const page = await newPage(browser);
    await page.goto(`${server.url}/www/bench.html?n=${sizes}${round === 1 ? "" : "&only=wasm"}`);
    await page.waitForFunction(() => window.benchResults || window.benchError, null, { timeout: 600_000 });
    const err = await page.evaluate(() => window.benchError);
    if (err) throw new Error(err);
    for (const r of await page.evaluate(() => window.benchResults)) keep(r.engine, r.bars, r.nsPerBar, r.computed);
    await page.close();
    if (talibPython) {
      const out = execFileSync(talibPython, ["tests/reference/talib_bench.py"], { encoding: "utf8" });
      const m = out.match(/([\d.]+) ns\/bar/);
      if (m) keep("TA-Lib 0.8.1 (C, from Python)", 1_000_000, Number(m[1]), "the rating's indicators, 33 calls");
    }
    console.error(`round ${round} of ${rounds} done`);
  }
  console.log(`Best of ${rounds} alternating rounds; ratio = ns/bar ÷ wasm's.\n`);
  console.log("| engine | bars | ns/bar | vs wasm | computes |\n| --- | ---: | ---: | ---: | --- |");
  const rows = Object.values(best);
  for (const n of [...new Set(rows.map((r) => r.bars))].sort((a, b) => a - b)) {
    const wasm = best[`barfinex (wasm)|${n}`]?.nsPerBar;
    for (const r of rows.filter((r) => r.bars === n)) {
      const ratio = wasm ? `${(r.nsPerBar / wasm).toFixed(2)}×` : "";
      console.log(`| ${r.engine} | ${n.toLocaleString("en")} | ${r.nsPerBar.toFixed(1)} | ${ratio} | ${r.computed} |`);
    }
  }
  // The speed budget (budgets.json): wasm ÷ native on the largest size, from this run.
  const { speed } = JSON.parse(readFileSync(new URL("../budgets.json", import.meta.url), "utf8"));
  const largest = Math.max(...Object.values(best).map((r) => r.bars));
  for (const set of ["", "library-v3 "]) {
    const wasm = best[`barfinex ${set}(wasm)|${largest}`]?.nsPerBar;
    const native = best[`barfinex ${set}(native)|${largest}`]?.nsPerBar;
    if (!wasm || !native) {
      console.error(`no ${set || "tradingview "}figures at ${largest} bars`);
      process.exitCode = 1;
      continue;
    }
    const ratio = wasm / native;
    console.log(`\nwasm ÷ native (${set || "tradingview "}rules) at ${largest.toLocaleString("en")} bars: ${ratio.toFixed(2)}× (budget ${speed.rating_wasm_over_native_max}×)`);
    if (ratio > speed.rating_wasm_over_native_max) {
      console.error(`over the speed budget in budgets.json: ${ratio.toFixed(2)}× > ${speed.rating_wasm_over_native_max}×`);
      process.exitCode = 1;
    }
  }
  // The market data parsers (core/benches/parse.rs), native: printed as measured, no budget.
  console.log(`\n${execFileSync("cargo", ["bench", "-q", "-p", "barfinex-core"], { encoding: "utf8" }).trim()}`);
} finally {
  await browser.close();
  server.stop();
}
