// Times `technicalRating` of a built wasm module in Node (V8 without a browser), for comparing
// builds quickly: `node tests/bench-node.mjs [path/to/barfinex_widgets_bg.wasm]` (default: the
// one in pkg/). Same input and method as www/bench.html. Not a test.
import { readFileSync } from "node:fs";

// The module's start function registers the custom elements; Node has no DOM.
globalThis.customElements ??= { get: () => true, define() {} };
globalThis.HTMLElement ??= class {};
const pkg = new URL("../pkg/", import.meta.url);
const { initSync, technicalRating } = await import(new URL("barfinex_widgets.js", pkg));
initSync({ module: readFileSync(process.argv[2] ?? new URL("barfinex_widgets_bg.wasm", pkg)) });

/** The same xorshift random walk as ta/benches/support/walk.rs and www/bench.js. */
function walk(n) {
  let s = 0x9E3779B97F4A7C15n;
  const mask = (1n << 64n) - 1n;
  const next = () => {
    s ^= (s << 13n) & mask; s ^= s >> 7n; s ^= (s << 17n) & mask;
    return Number(s >> 11n) / 2 ** 53;
  };
  const cols = ["time", "open", "high", "low", "close", "volume"];
  const c = Object.fromEntries(cols.map((k) => [k, new Float64Array(n)]));
  let close = 100;
  for (let i = 0; i < n; i++) {
    const open = close;
    close *= 1 + (next() - 0.5) * 0.02;
    c.time[i] = i * 60000; c.open[i] = open;
    c.high[i] = Math.max(open, close) * (1 + next() * 0.005);
    c.low[i] = Math.min(open, close) * (1 - next() * 0.005);
    c.close[i] = close; c.volume[i] = 1000 + next() * 9000;
  }
  return c;
}

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
