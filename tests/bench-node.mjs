// Times `technicalRating` of a built wasm module in Node (V8 without a browser), for comparing
// builds quickly: `node tests/bench-node.mjs [path/to/barfinex_widgets_bg.wasm] [--indicators]`
// (default: the one in pkg/). Same input and method as www/bench.html. With `--indicators`,
// `indicator()` too, for those built on rolling highs and lows. Not a test.
import { readFileSync } from "node:fs";
import { walk } from "./bench-walk.mjs";

// The module's start function registers the custom elements and listens for errors; Node has
// neither a DOM nor a global addEventListener.
globalThis.customElements ??= { get: () => true, define() {} };
globalThis.HTMLElement ??= class {};
globalThis.addEventListener ??= () => {};
const pkg = new URL("../pkg/", import.meta.url);
const { initSync, technicalRating, indicator } = await import(new URL("barfinex_widgets.js", pkg));
const args = process.argv.slice(2);
const module = args.find((a) => !a.startsWith("--"));
initSync({ module: readFileSync(module ?? new URL("barfinex_widgets_bg.wasm", pkg)) });

for (const n of [10_000, 1_000_000]) {
  const c = walk(n);
  const [warm, runs] = n <= 100_000 ? [20, 50] : [2, 5];
  for (let w = 0; w < warm; w++) technicalRating(c);
  let min = Infinity;
  for (let r = 0; r < runs; r++) {
    const t = performance.now();
    technicalRating(c);
    min = Math.min(min, performance.now() - t);
  }
  console.log(`${n} bars: ${((min * 1e6) / n).toFixed(1)} ns/bar (best of ${runs})`);
}

if (args.includes("--indicators")) {
  const n = 200_000;
  const c = walk(n);
  const out = [];
  for (const name of ["stoch", "willr", "ichimoku", "stochrsi"]) {
    for (let w = 0; w < 3; w++) indicator(name, {}, c);
    let min = Infinity;
    for (let r = 0; r < 10; r++) {
      const t = performance.now();
      indicator(name, {}, c);
      min = Math.min(min, performance.now() - t);
    }
    out.push(`${name} ${((min * 1e6) / n).toFixed(1)}`);
  }
  console.log(`indicator(), ${n} bars, ns/bar (best of 10): ${out.join(", ")}`);
}
