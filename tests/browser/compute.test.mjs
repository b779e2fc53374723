// The computing API in Chromium (wasm): technicalRating() and indicator() on both candle forms,
// TA-Lib agreement inside the browser, clear errors, and the card's rating from served candles.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { serve, launch, newPage, shownTime } from "./harness.mjs";

let server, browser, page;
before(async () => {
  server = await serve();
  browser = await launch();
  page = await newPage(browser);
  await page.goto(`${server.url}/tests/pages/blank.html`);
  await page.evaluate(async () => {
    const m = await import("/pkg/barfinex_widgets.js");
    window.bfxWasm = await m.default();
    window.bfx = m;
  });
});
after(async () => { await browser?.close(); server?.stop(); });

test("indicator() in wasm matches TA-Lib's reference values", async () => {
  const mismatches = await page.evaluate(async () => {
    const ref = await (await fetch("/tests/fixtures/talib/reference.json")).json();
    const out = [];
    let compared = 0;
    for (const [series, s] of Object.entries(ref.series)) {
      const c = s.candles;
      const cols = { time: c.time, open: new Float64Array(c.open), high: new Float64Array(c.high), low: new Float64Array(c.low), close: new Float64Array(c.close), volume: new Float64Array(c.volume) };
      for (const cs of s.cases) {
        const got = window.bfx.indicator(cs.indicator, cs.params, cols);
        for (const [name, expected] of Object.entries(cs.columns)) {
          expected.forEach((e, i) => {
            const g = got[name][i];
            if (e === null ? !Number.isNaN(g) : !(Math.abs(g - e) <= 1e-9 * Math.max(1, Math.abs(e)))) out.push(`${series} ${cs.indicator} ${name}[${i}]: ${g} vs ${e}`);
            else if (e !== null) compared++;
          });
        }
      }
    }
    return { out: out.slice(0, 5), compared };
  });
  assert.deepEqual(mismatches.out, []);
  assert.ok(mismatches.compared > 10000, `compared ${mismatches.compared}`);
});

test("technicalRating() gives the same answer for objects and typed columns", async () => {
  const r = await page.evaluate(async () => {
    const doc = await (await fetch("/www/data/flux-1d.synthetic.json")).json();
    const rows = doc.candles.map(([time, open, high, low, close, volume]) => ({ time, open, high, low, close, volume }));
    const col = (i) => new Float64Array(doc.candles.map((r) => r[i]));
    const cols = { time: col(0), open: col(1), high: col(2), low: col(3), close: col(4), volume: col(5) };
    const a = window.bfx.technicalRating(rows);
    const b = window.bfx.technicalRating(cols, { everyBar: true });
    const { everyBar, ...rest } = b;
    return { a, b: rest, n: everyBar.total.length, lastTotal: everyBar.total.at(-1), type: everyBar.total.constructor.name };
  });
  assert.deepEqual(r.a, r.b);
  assert.equal(r.a.votes.length, 26);
  assert.equal(r.a.movingAverages.buy + r.a.movingAverages.neutral + r.a.movingAverages.sell, 15);
  assert.equal(r.a.oscillators.buy + r.a.oscillators.neutral + r.a.oscillators.sell, 11);
  assert.ok(["Strong Sell", "Sell", "Neutral", "Buy", "Strong Buy"].includes(r.a.label));
  assert.equal(r.n, 400);
  assert.equal(r.type, "Float64Array");
  assert.equal(r.lastTotal, r.a.total);
});

// The wasm build takes its own code paths (min/max and selects through SIMD lanes, see
// ta/src/rating/fixed.rs): it must give the native rating to the bit, every bar and every vote.
// The fixture is native's (ta/tests/wasm_parity.rs keeps it so); the input is rebuilt here.
test("technicalRating() in wasm equals the native rating bit for bit, under both rule sets", async () => {
  const diffs = await page.evaluate(async () => {
    const fixture = await (await fetch("/tests/fixtures/rating/parity.json")).json();
    const { walk } = await import("/tests/bench-walk.mjs");
    const c = walk(600);
    for (let i = 300; i < 340; i++) {
      const flat = c.close[299];
      c.open[i] = c.high[i] = c.low[i] = c.close[i] = flat;
      c.volume[i] = 0;
    }
    const prefix = (n) => Object.fromEntries(Object.entries(c).map(([k, v]) => [k, v.subarray(0, n)]));
    const same = (a, b) => (Number.isNaN(a) || a === null ? b === null : a === b);
    const out = [];
    let bars = 0, details = 0;
    for (const rules of ["tradingview", "library-v3"]) {
      const want = fixture[rules];
      const all = window.bfx.technicalRating(c, { everyBar: true, rules }).everyBar;
      for (const key of ["total", "movingAverages", "oscillators"]) {
        all[key].forEach((x, i) => { if (!same(x, want[key][i])) out.push(`${rules} ${key}[${i}]: ${x} ≠ ${want[key][i]}`); });
      }
      for (const d of want.detail) {
        const r = window.bfx.technicalRating(prefix(d.bar + 1), { rules });
        if (!same(r.total, d.total)) out.push(`${rules} bar ${d.bar} total: ${r.total} ≠ ${d.total}`);
        d.votes.forEach(([name, vote, value], k) => {
          const v = r.votes[k];
          if (v.name !== name || v.vote !== vote || !same(v.value, value)) out.push(`${rules} bar ${d.bar} ${name}: ${JSON.stringify(v)} ≠ ${vote}, ${value}`);
        });
      }
      bars += all.total.length;
      details += want.detail.length;
    }
    // The default is the scanner's rule set.
    const byDefault = window.bfx.technicalRating(c);
    if (byDefault.total !== window.bfx.technicalRating(c, { rules: "tradingview" }).total) out.push("the default is not tradingview");
    return { out, bars, details };
  });
  assert.deepEqual(diffs.out, []);
  assert.equal(diffs.bars, 1200);
  assert.equal(diffs.details, 24);
});

// wasm memory never shrinks: candles are read a block at a time (src/web/api/candles_js.rs), so
// rating a million bars must not leave the page holding tens of megabytes (whole copies: 46 MB,
// 85 MB with everyBar).
test("rating a million bars reads them in blocks: wasm memory stays small", async () => {
  const r = await page.evaluate(async () => {
    const { walk } = await import("/tests/bench-walk.mjs");
    const c = walk(1_000_000);
    const before = window.bfxWasm.memory.buffer.byteLength;
    const last = window.bfx.technicalRating(c);
    const every = window.bfx.technicalRating(c, { everyBar: true }).everyBar;
    return { grew: window.bfxWasm.memory.buffer.byteLength - before, same: every.total.at(-1) === last.total, n: every.total.length };
  });
  assert.equal(r.n, 1_000_000);
  assert.ok(r.same);
  assert.ok(r.grew < 4 * 2 ** 20, `wasm memory grew by ${r.grew} bytes`);
});

test("bad input throws an Error naming the fault; the module keeps working", async () => {
  const errors = await page.evaluate(() => {
    const base = () => ({ time: [1, 2, 3], open: [1, 1, 1], high: [2, 2, 2], low: [0, 0, 0], close: [1, 1, 1], volume: [1, 1, 1] });
    const attempts = [
      () => { const c = base(); c.close[1] = NaN; return window.bfx.technicalRating(c); },
      () => { const c = base(); c.time[2] = 2; return window.bfx.technicalRating(c); },
      () => { const c = base(); c.open = [1, 1]; return window.bfx.technicalRating(c); },
      () => window.bfx.technicalRating([{ time: 1, open: 1, high: 1, low: 1, close: "x", volume: 1 }]),
      () => window.bfx.technicalRating(42),
      () => window.bfx.indicator("smaa", {}, base()),
      () => window.bfx.indicator("sma", { timeperiod: 0 }, base()),
      () => window.bfx.technicalRating({ ...base(), close: new Float64Array(5_000_001) }),
      () => window.bfx.technicalRating(base(), { rules: "tv" }),
      () => window.bfx.technicalRating(base(), { rules: 3 }),
      () => window.bfx.technicalRating(base(), { everybar: true }),
    ];
    const out = attempts.map((f) => { try { f(); return "no error"; } catch (e) { return `${e.constructor.name}: ${e.message}`; } });
    out.push(window.bfx.technicalRating(base()).votes.length);
    out.push(window.bfx.technicalRating([]));
    return out;
  });
  assert.deepEqual(errors, [
    "Error: candles: close[1] is not a finite number",
    "Error: candles: time[2] = 2 is not after time[1] = 2 (bars must be sorted, without duplicates)",
    "Error: candles.open: 2 values, expected 3 (one per bar)",
    "Error: candles[0].close: expected a number",
    "Error: candles: expected an array of {time, open, high, low, close, volume} or an object of columns",
    'Error: unknown indicator "smaa" (known: sma, ema, wma, hma, vwma, rsi, stoch, stochrsi, cci, adx, ao, mom, macd, willr, ultosc, bbands, atr, obv, ichimoku, bullbear)',
    "Error: sma: timeperiod = 0 is out of range (1 to 100000)",
    "Error: candles.close: 5000001 values is more than the limit of 5000000",
    'Error: options.rules: unknown rule set "tv", expected "tradingview", "library-v3"',
    "Error: options.rules: expected a string",
    "Error: options.everybar: unknown option, expected everyBar, rules",
    26,
    null,
  ]);
  assert.deepEqual(page.errors, []);
});

test("the card shows the technical rating computed from served candles, marked synthetic", async () => {
  const p = await newPage(browser);
  await p.goto(`${server.url}/tests/pages/blank.html`);
  await p.setContent(`<script type="module" src="${server.url}/pkg/embed.js"></script>
    <bfx-asset-card id="flux" src="${server.url}/www/data/flux.json" market="${server.market}"
      candles="${server.url}/www/data/flux-1d.synthetic.json"></bfx-asset-card>`);
  const panel = p.locator("#flux .bfx-rating");
  await panel.waitFor();
  const expected = await p.evaluate(async () => {
    const m = await import(`${location.origin}/pkg/barfinex_widgets.js`);
    await m.default(); // the embed leaves the computing code out; init() loads it (README)
    const doc = await (await fetch(`${location.origin}/www/data/flux-1d.synthetic.json`)).json();
    return m.technicalRating(doc.candles.map(([time, open, high, low, close, volume]) => ({ time, open, high, low, close, volume })));
  });
  assert.equal(await panel.locator(".bfx-rating__label").textContent(), expected.label);
  assert.equal(await panel.locator(".bfx-rating__score").textContent(), (expected.total >= 0 ? "+" : "") + expected.total.toFixed(2));
  const groups = await panel.locator(".bfx-rating__counts").evaluateAll((els) => els.map((e) => e.textContent));
  const g = (x) => `Buy ${x.buy}Neutral ${x.neutral}Sell ${x.sell}`;
  assert.deepEqual(groups, [g(expected.movingAverages), g(expected.oscillators)]);
  assert.equal(await panel.locator(".bfx-badge--mixed").textContent(), "◆Synthetic data");
  // The last bar's time (2026-11-26 00:00 UTC), as Intl writes it for this reader (en-US, UTC).
  assert.ok((await panel.locator(".bfx-rating__meta").textContent()).startsWith(`FLUX · 1d · as of ${await shownTime(p, 1795651200000)}Source: Synthetic series`));
  // Every vote on demand, from the keyboard.
  await panel.locator(".bfx-rating__votes summary").focus();
  await p.keyboard.press("Enter");
  await panel.locator(".bfx-rating__votes tbody tr").first().waitFor();
  assert.equal(await panel.locator(".bfx-rating__votes tbody tr").count(), 26);
  // The dial is a meter from −1 to +1, read as the label and the score.
  const dial = panel.locator(".bfx-rating__dial");
  assert.equal(await dial.getAttribute("role"), "meter");
  assert.equal(await dial.getAttribute("aria-valuetext"),
    `${await panel.locator(".bfx-rating__label").textContent()}, ${await panel.locator(".bfx-rating__score").textContent()}`);
  assert.deepEqual(p.errors, []);
  await p.context().close();
});

test("bad candles give the rating panel an error; the rest of the card renders", async () => {
  const p = await newPage(browser);
  await p.route("**/bad-candles.json", (r) => r.fulfill({ status: 200, contentType: "application/json", body: '{"symbol":"X","synthetic":true,"candles":[[1,1,1,1,1,1],[1,1,1,1,1,1]]}' }));
  await p.setContent(`<script type="module" src="${server.url}/pkg/embed.js"></script>
    <bfx-asset-card id="c" src="${server.url}/www/data/flux.json" candles="${server.url}/bad-candles.json"></bfx-asset-card>`);
  // The card has no market server here, so its market blocks fail too: the candles' error is
  // the one that names their URL.
  assert.match(await p.locator("#c .bfx-state--error .bfx-state__message", { hasText: "bad-candles.json" }).textContent(), /bad-candles\.json: invalid candles: candles: time\[1\] = 1 is not after time\[0\] = 1/);
  await p.locator("#c .bfx-driver").nth(5).waitFor();
  await p.context().close();
});
