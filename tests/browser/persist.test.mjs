// `persist` (issue "Hardening"): market data kept in sessionStorage survives a reload, within a
// budget and under versioned keys; poisoned entries (a time of inf, NaN or in the future, 3 MB,
// an older format) are refused and refetched; and near the host's quota the host's own setItem
// keeps working.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { writeFileSync, mkdirSync } from "node:fs";
import path from "node:path";
import { serve, launch, newPage, ROOT, appendElement } from "./harness.mjs";

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); server?.stop(); });

const OUT = path.join(ROOT, "tests/output");
const STORED_CHARS = 512 * 1024;

/** A served page (so it can be reloaded) with one persisted card on `symbol`'s candles. */
function page(name, symbol) {
  mkdirSync(OUT, { recursive: true });
  const profile = { version: 1, id: "persist", name: "Persist", symbol: "P",
    sources: [{ series: "candles", source: "binance-spot-klines", symbol, interval: "1h" }] };
  writeFileSync(path.join(OUT, `${name}.json`), JSON.stringify(profile));
  writeFileSync(path.join(OUT, `${name}.html`), `<!doctype html><meta charset="utf-8">
    <script type="module" src="/pkg/embed.js"></script>
    <bfx-asset-card id="c" src="/tests/output/${name}.json" market="${server.market}" persist></bfx-asset-card>`);
  return `${server.url}/tests/output/${name}.html`;
}

const requests = async (symbol) =>
  (await (await fetch(`${server.market}/__stats`)).json()).filter((l) => l.includes(`symbol=${symbol}`)).length;
const price = (p) => p.locator("#c .bfx-market__price").waitFor({ timeout: 15_000 });
const ours = (p) => p.evaluate(() => Object.keys(sessionStorage).filter((k) => k.startsWith("bfx:")));

test("a reload starts from the stored data: no new request, versioned keys, within the budget", async () => {
  const p = await newPage(browser);
  await p.goto(page("persist-reload", "RELOADUSDT"));
  await price(p);
  const keys = await ours(p);
  assert.ok(keys.length > 0 && keys.every((k) => k.startsWith("bfx:v1:")), keys.join(", "));
  const sent = await requests("RELOADUSDT");
  await p.reload();
  await price(p);
  assert.equal(await requests("RELOADUSDT"), sent, "the reload asked the network again");
  const size = await p.evaluate(() => Object.entries(sessionStorage)
    .filter(([k]) => k.startsWith("bfx:")).reduce((n, [k, v]) => n + k.length + v.length, 0));
  assert.ok(size <= STORED_CHARS, `${size} characters stored`);
  await p.context().close();
});

test("poisoned entries are refused, removed and refetched", async () => {
  const now = Date.now();
  const cases = [
    ["inf", (body) => `inf market\n${body}`],
    ["NaN", (body) => `NaN market\n${body}`],
    ["future", (body) => `${now + 3_600_000} market\n${body}`],
    ["unknown flag", (body) => `${now} maybe\n${body}`],
    ["3 MB", () => `${now} market\n${"[".repeat(3 << 20)}`],
  ];
  for (const [i, [what, poison]] of cases.entries()) {
    const symbol = `POISON${i}USDT`;
    const p = await newPage(browser);
    await p.goto(page(`persist-poison-${i}`, symbol));
    await price(p);
    const [key] = await ours(p);
    const body = await p.evaluate((k) => sessionStorage.getItem(k).split("\n").slice(1).join("\n"), key);
    await p.evaluate(([k, v]) => sessionStorage.setItem(k, v), [key, poison(body)]);
    const sent = await requests(symbol);
    await p.reload();
    await price(p);
    assert.ok(await requests(symbol) > sent, `${what}: the poisoned entry was used instead of the network`);
    const stored = await p.evaluate((k) => sessionStorage.getItem(k), key);
    assert.ok(stored && stored.length < 1 << 20 && /^\d+(\.\d+)? (market|synthetic)\n\[/.test(stored), `${what}: the entry was not replaced`);
    await p.context().close();
  }
  // An entry of an older format (no version in its key) is removed when seen.
  const p = await newPage(browser);
  await p.goto(page("persist-old", "OLDUSDT"));
  await price(p);
  await p.evaluate(() => sessionStorage.setItem("bfx:http://old.example/x", `${Date.now()} market\n[]`));
  // The next store by any persisted widget sweeps it: add one.
  page("persist-old2", "OLD2USDT");
  await appendElement(p, "bfx-asset-card", "d", { src: "/tests/output/persist-old2.json", market: server.market, persist: "" });
  await p.locator("#d .bfx-market__price").waitFor({ timeout: 15_000 });
  assert.equal(await p.evaluate(() => sessionStorage.getItem("bfx:http://old.example/x")), null);
  await p.context().close();
});

test("near the host's quota, the host's own setItem keeps working", { timeout: 60_000 }, async () => {
  const url = page("persist-quota", "QUOTAUSDT");
  // How much the widget stores for this page, measured on a clean tab.
  const clean = await newPage(browser);
  await clean.goto(url);
  await price(clean);
  const entry = await clean.evaluate(() => Object.entries(sessionStorage)
    .filter(([k]) => k.startsWith("bfx:")).reduce((n, [k, v]) => n + k.length + v.length, 0));
  await clean.context().close();
  assert.ok(entry > 8 * 1024, `entry of ${entry} characters`);

  const p = await newPage(browser);
  await p.goto(`${server.url}/tests/pages/blank.html`);
  // The host fills sessionStorage until it refuses, then frees room for the widget's entry and
  // 8K characters more: the entry fits, but would leave the host less than it needs next.
  const room = await p.evaluate((entry) => {
    let n = 0;
    for (const size of [1 << 20, 64 * 1024, 1024]) {
      for (;;) {
        try { sessionStorage.setItem(`host-${n}`, "x".repeat(size)); n++; } catch { break; }
      }
    }
    let freed = 0;
    while (freed < entry + 8 * 1024) sessionStorage.removeItem(`host-${--n}`), freed += 1024;
    return freed;
  }, entry);
  await p.goto(url);
  await price(p);
  // The widget's data is on screen, and the host can store what it freed room for. (Chromium
  // lets a storage area run up to 100 KiB over its quota, so whether the widget kept its entry
  // is not observable here; the host's write is what must hold.)
  const ok = await p.evaluate((n) => {
    try { sessionStorage.setItem("host-after", "z".repeat(n)); return true; } catch (e) { return String(e); }
  }, room - 1024);
  assert.equal(ok, true);
  await p.context().close();
});

/** A served page whose `sessionStorage` is a stand-in with an exact quota of `quota` characters
 * (keys and values, as browsers count), refusing a write past it as a real one does. Chromium's
 * own storage lets an area run 100 KiB over its quota, which hides the widget's headroom check;
 * this one does not. */
async function exactQuota(quota) {
  const p = await newPage(browser);
  await p.addInitScript((quota) => {
    const items = new Map();
    window.refused = [];
    const used = () => [...items].reduce((n, [k, v]) => n + k.length + v.length, 0);
    window.written = [];
    const put = (k, v) => {
      [k, v] = [String(k), String(v)];
      window.written.push(k);
      const old = items.has(k) ? k.length + items.get(k).length : 0;
      if (used() - old + k.length + v.length > quota) {
        window.refused.push(k);
        throw new DOMException("over the quota", "QuotaExceededError");
      }
      items.set(k, v);
    };
    const api = {
      getItem: (k) => items.get(String(k)) ?? null,
      setItem: put,
      removeItem: (k) => { items.delete(String(k)); },
      key: (i) => [...items.keys()][i] ?? null,
      clear: () => items.clear(),
      get length() { return items.size; },
    };
    const storage = new Proxy(api, {
      get: (t, k) => (k in t ? t[k] : items.get(k)),
      set: (t, k, v) => { put(k, v); return true; },
    });
    Object.defineProperty(window, "sessionStorage", { get: () => storage, configurable: true });
    window.stored = () => [...items].map(([k, v]) => [k, k.length + v.length]);
  }, quota);
  return p;
}

test("the headroom check: an entry that would leave the host under 64K characters is not kept", { timeout: 60_000 }, async () => {
  const HEADROOM = 64 * 1024;
  const url = page("persist-headroom", "HEADROOMUSDT");
  const measure = await exactQuota(1e9);
  await measure.goto(url);
  await price(measure);
  const [[key, entry]] = await measure.evaluate(() => window.stored());
  assert.ok(key.startsWith("bfx:v1:") && entry > 8 * 1024, `${key}: ${entry} characters`);
  await measure.context().close();

  const run = async (quota) => {
    const p = await exactQuota(quota);
    await p.goto(url);
    await price(p);
    const keys = await p.evaluate(() => window.stored().map(([k]) => k));
    const refused = await p.evaluate(() => window.refused);
    const probes = await p.evaluate(() => window.written.filter((k) => k === "bfx:probe").length);
    const hostWrite = await p.evaluate((n) => {
      try { sessionStorage.setItem("host-after", "z".repeat(n)); return true; } catch (e) { return String(e); }
    }, HEADROOM - 64);
    await p.context().close();
    return { keys, hostWrite, refused, probes };
  };
  // Room for the entry and the headroom: the entry is kept, and the host can still write.
  const roomy = await run(entry + HEADROOM + 1024);
  // The card's parts share one request, and its result is stored (and probed) once.
  assert.deepEqual(roomy, { keys: [key], hostWrite: true, refused: [], probes: 1 });
  // Room for the entry but not the headroom: the write succeeds, the probe does not, and every
  // entry of ours goes, so the host's next write fits.
  const tight = await run(entry + HEADROOM / 2);
  assert.deepEqual({ keys: tight.keys, hostWrite: tight.hostWrite, refused: [...new Set(tight.refused)] },
    { keys: [], hostWrite: true, refused: ["bfx:probe"] });
});
