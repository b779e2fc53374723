// The rating-set benchmark page (www/bench.html). Times, on the same candles:
// - Barfinex: technicalRating() in wasm (all 26 votes' indicators and the votes, one pass,
//   including the copy of the columns into wasm memory);
// - trading-signals: its classes for the same indicators, fed bar by bar;
// - technicalindicators: its batch functions for the ones it has (no HMA, VWMA, MOM, UO or
//   Elder-ray: those are listed as missing, which flatters it).
// Best of several runs per size. Results go to window.benchResults for tests/bench.mjs.
// `?only=wasm` times Barfinex alone (quick comparisons between builds).
import init, { technicalRating } from "../pkg/barfinex_widgets.js";
import * as TS from "../tests/node_modules/trading-signals/dist/index.js";
import { walk } from "../tests/bench-walk.mjs";

/** Best of `runs` timed runs, after `warm` untimed ones (wasm tiers up from Liftoff to TurboFan,
 * JS engines JIT: the first runs are not the steady state). */
function best(runs, f, warm = 2) {
  for (let w = 0; w < warm; w++) f();
  let min = Infinity;
  for (let r = 0; r < runs; r++) { const t = performance.now(); f(); min = Math.min(min, performance.now() - t); }
  return min;
}

function tradingSignals(c) {
  const n = c.close.length;
  const price = [10, 20, 30, 50, 100, 200].flatMap((p) => [new TS.SMA(p), new TS.EMA(p)]);
  price.push(new TS.HMA(9), new TS.RSI(14), new TS.MOM(10), new TS.StochasticRSI(14),
    new TS.MACD(new TS.EMA(12), new TS.EMA(26), new TS.EMA(9)));
  const hlc = [new TS.StochasticOscillator({ kPeriod: 14, kSlowingPeriod: 3, dPeriod: 3 }), new TS.CCI(20), new TS.ADX(14),
    new TS.WilliamsR(14), new TS.ElderRay(13), new TS.UltimateOscillator(), new TS.AO(5, 34), new TS.IchimokuCloud()];
  const vwma = new TS.VWMA(20);
  for (let i = 0; i < n; i++) {
    const close = c.close[i];
    for (const ind of price) ind.add(close);
    const candle = { high: c.high[i], low: c.low[i], close, volume: c.volume[i] };
    for (const ind of hlc) ind.add(candle);
    vwma.add(candle);
  }
  return price.length + hlc.length + 1;
}

function technicalIndicators(c) {
  const TI = window;
  const close = Array.from(c.close), high = Array.from(c.high), low = Array.from(c.low);
  let count = 0;
  for (const p of [10, 20, 30, 50, 100, 200]) { TI.SMA.calculate({ period: p, values: close }); TI.EMA.calculate({ period: p, values: close }); count += 2; }
  TI.WMA.calculate({ period: 9, values: close }); // stands in for HMA's three WMAs (counted once)
  TI.RSI.calculate({ period: 14, values: close });
  TI.Stochastic.calculate({ period: 14, signalPeriod: 3, high, low, close });
  TI.CCI.calculate({ period: 20, high, low, close });
  TI.ADX.calculate({ period: 14, high, low, close });
  TI.AwesomeOscillator.calculate({ fastPeriod: 5, slowPeriod: 34, high, low });
  TI.MACD.calculate({ values: close, fastPeriod: 12, slowPeriod: 26, signalPeriod: 9, SimpleMAOscillator: false, SimpleMASignal: false });
  TI.StochasticRSI.calculate({ values: close, rsiPeriod: 14, stochasticPeriod: 14, kPeriod: 3, dPeriod: 3 });
  TI.WilliamsR.calculate({ period: 14, high, low, close });
  TI.IchimokuCloud.calculate({ high, low, conversionPeriod: 9, basePeriod: 26, spanPeriod: 52, displacement: 26 });
  count += 10;
  return count;
}

async function main() {
  await init();
  const sizes = (new URLSearchParams(location.search).get("n") ?? "10000,1000000").split(",").map(Number);
  const rows = [];
  for (const n of sizes) {
    const c = walk(n);
    // Small inputs take a few ms a run: many runs, and enough warm-up for V8 to finish the
    // optimising compile of the wasm (it tiers up in the background, between calls).
    const runs = n <= 100000 ? 30 : 3;
    const warm = n <= 100000 ? 20 : 1;
    let ms = 0;
    // Both rule sets; "barfinex (wasm)" is the default, tradingview.
    for (const [rules, engine] of [["tradingview", "barfinex (wasm)"], ["library-v3", "barfinex library-v3 (wasm)"]]) {
      ms = best(runs, () => technicalRating(c, { rules }), warm);
      rows.push({ engine, bars: n, nsPerBar: (ms * 1e6) / n, computed: "26 of 26 (+ votes)" });
    }
    if (new URLSearchParams(location.search).get("only") === "wasm") continue;
    let computed = 0;
    ms = best(runs, () => { computed = tradingSignals(c); }, warm);
    rows.push({ engine: "trading-signals", bars: n, nsPerBar: (ms * 1e6) / n, computed: `${computed} of 26 (no votes)` });
    ms = best(runs, () => { computed = technicalIndicators(c); }, warm);
    rows.push({ engine: "technicalindicators", bars: n, nsPerBar: (ms * 1e6) / n, computed: `${computed} of 26 (no votes)` });
  }
  const body = document.querySelector("#out tbody");
  for (const r of rows) {
    const tr = body.insertRow();
    for (const v of [r.engine, r.bars.toLocaleString("en"), r.nsPerBar.toFixed(1), r.computed]) tr.insertCell().textContent = v;
  }
  window.benchResults = rows;
}

main().catch((e) => { window.benchError = String(e?.stack ?? e); throw e; });
