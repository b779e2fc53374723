// Serving many readers (issue "Serving many readers: a caching proxy in front of the
// exchanges"): the production nginx recipe (deploy/nginx/) in front of the local market server.
// A reader's requests are recorded from three Chromium loads of a 10-widget page within one
// lifetime, then replayed for READERS readers (100 in make test, 1,000 in make test-scale) over
// three lifetimes: the origin sees at most one request per distinct URL per lifetime; a control
// run straight to the origin sees every request. Then the origin fails for OUTAGE_S seconds:
// readers keep getting the last good data, a page loaded then shows it stale with its age, and
// after recovery the origin sees at most one request per URL in the first lifetime.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import http from "node:http";
import { serve, launch, newPage } from "../browser/harness.mjs";
import { startNginx } from "./nginx.mjs";

const READERS = Number(process.env.READERS ?? 100);
const LIFETIME_S = 10;
// In-flight requests at once, for all readers together: within the origin's 64 connections
// (devserver/src/guard.rs), so the control run measures the origin, not its guard.
const CONCURRENCY = Number(process.env.CONCURRENCY ?? 32);
const OUTAGE_S = Number(process.env.OUTAGE_S ?? 60);

let server, proxy, browser;
before(async () => {
  server = await serve();
  proxy = await startNginx({ origin: server.market, lifetimeS: LIFETIME_S });
  browser = await launch();
});
after(async () => { await browser?.close(); proxy?.stop(); server?.stop(); });

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const originLog = async () => (await (await fetch(`${server.market}/__stats`)).json());
const pathOf = (url) => { const u = new URL(url); return u.pathname + u.search; };
/** The request target of an origin log line (`200 conditional /path?query`). */
const targetOf = (line) => line.replace(/^\d+ (conditional )?/, "");

/** The 10-widget page, every element's `market` at the proxy. */
function page10() {
  const src = `${server.url}/www/data/flux.json`;
  const m = `src="${src}" market="${proxy.url}"`;
  return `<script type="module" src="${server.url}/pkg/embed.js"></script>
    <bfx-asset-card ${m}></bfx-asset-card>
    <bfx-asset-card ${m} theme="dark"></bfx-asset-card>
    <bfx-signal-badges ${m}></bfx-signal-badges>
    <bfx-technical-rating ${m}></bfx-technical-rating>
    <bfx-price-chart ${m}></bfx-price-chart>
    <bfx-funding-chart ${m}></bfx-funding-chart>
    <bfx-sparkline ${m} refresh="2"></bfx-sparkline>
    <bfx-sparkline ${m}></bfx-sparkline>
    <bfx-regime-matrix ${m}></bfx-regime-matrix>
    <bfx-driver-list src="${src}"></bfx-driver-list>`;
}

/** Loads the page in a new browser context; resolves to the proxy paths it asked for. */
async function load(ms = 2000) {
  const page = await newPage(browser, { httpCache: true });
  const asked = [];
  page.on("request", (r) => { if (r.url().startsWith(proxy.url)) asked.push(pathOf(r.url())); });
  await page.goto(`${server.url}/tests/pages/blank.html`);
  await page.setContent(page10());
  await page.locator("bfx-asset-card .bfx-market__price").first().waitFor({ timeout: 15_000 });
  await sleep(ms);
  await page.context().close();
  return asked;
}

let recorded = [];

/** Watches the origin's log from now on: every 100 ms it notes the new lines, each with the
 * window of time (ms, this process's clock) in which the origin received it. */
async function watchOrigin() {
  const seen = [];
  let from = (await originLog()).length;
  let last = performance.now();
  let stopped = false;
  const poll = async () => {
    while (!stopped) {
      const log = await originLog();
      const now = performance.now();
      for (const line of log.slice(from)) seen.push({ target: targetOf(line), after: last, by: now });
      from = log.length;
      last = now;
      await sleep(100);
    }
  };
  const done = poll();
  return { seen, stop: async () => { stopped = true; await done; } };
}

test("three loads within one lifetime ask for the same URLs, and only the first reaches the origin", { timeout: 60_000 }, async () => {
  const origin = await watchOrigin();
  const t0 = performance.now();
  const first = await load();
  const firstCount = origin.seen.length;
  // The second and third loads need not wait for the sparkline's refresh: the first showed it.
  const second = await load(300);
  const third = await load(300);
  const elapsed = performance.now() - t0;
  await sleep(300);
  await origin.stop();
  recorded = [...new Set(first)].sort();
  console.log(`recorded ${recorded.length} distinct URLs: ${recorded.join(" ")}; three loads in ${Math.round(elapsed)} ms; origin requests ${origin.seen.length}`);
  assert.ok(recorded.length >= 5, recorded.join(" "));
  assert.deepEqual([...new Set([...first, ...second, ...third])].sort(), recorded, "the set of URLs grew with the loads");
  assert.ok(firstCount <= recorded.length, `the first load sent ${firstCount} requests to the origin`);
  // A URL reaches the origin again only once its cached answer has outlived its lifetime. On a
  // machine slow enough that the three loads outlast one lifetime, a later load may then
  // legitimately refetch; a cache that did not hold would refetch within the lifetime.
  const byUrl = new Map();
  for (const r of origin.seen) {
    const prev = byUrl.get(r.target);
    if (prev) assert.ok(r.by - prev.after >= LIFETIME_S * 1000, `${r.target} reached the origin twice within ${Math.round(r.by - prev.after)} ms, under its lifetime of ${LIFETIME_S} s`);
    byUrl.set(r.target, r);
  }
  if (elapsed < LIFETIME_S * 1000) assert.equal(origin.seen.length, firstCount, "the second and third loads reached the origin");
  // A sparkline refreshing every 2 s revalidates with its ETag: nginx answers 304 itself.
  const log = proxy.accessLog();
  assert.ok(log.some((l) => / 304 (HIT|REVALIDATED) /.test(l)), `no 304 from nginx:\n${log.slice(-20).join("\n")}`);
});

/** Replays `urls` (paths) against `base` for `readers` readers spread over `spreadMs`; each
 * reader asks for every URL at once, as a page does, and at most CONCURRENCY requests are in
 * flight. Resolves to readers' latencies (ms, first request to last answer) and the statuses. */
async function replay(base, urls, readers, spreadMs) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: CONCURRENCY });
  let inFlight = 0;
  const queue = [];
  const slot = () => (inFlight < CONCURRENCY ? (inFlight++, Promise.resolve()) : new Promise((r) => queue.push(r)));
  const release = () => { const next = queue.shift(); if (next) next(); else inFlight--; };
  const get = async (url) => {
    await slot();
    try {
      return await new Promise((resolve) => {
        const req = http.get(url, { agent }, (res) => { res.resume(); res.on("end", () => resolve({ status: res.statusCode, cache: res.headers["x-cache-status"] })); });
        req.on("error", (e) => resolve({ status: 0, error: String(e) }));
      });
    } finally { release(); }
  };
  const t0 = performance.now();
  const results = await Promise.all(Array.from({ length: readers }, async (_, i) => {
    await sleep(Math.max(0, t0 + (i * spreadMs) / readers - performance.now()));
    const start = performance.now();
    const answers = await Promise.all(urls.map((u) => get(base + u)));
    return { ms: performance.now() - start, answers };
  }));
  agent.destroy();
  const ms = results.map((r) => r.ms).sort((a, b) => a - b);
  const pct = (p) => Math.round(ms[Math.min(ms.length - 1, Math.floor((p / 100) * ms.length))]);
  return { p50: pct(50), p95: pct(95), answers: results.flatMap((r) => r.answers), seconds: (performance.now() - t0) / 1000 };
}

/** Origin requests per URL since `from` (an index into the origin's log). */
async function originCounts(from) {
  const counts = new Map();
  for (const line of (await originLog()).slice(from)) {
    const target = targetOf(line);
    counts.set(target, (counts.get(target) ?? 0) + 1);
  }
  return counts;
}

test(`${READERS} readers over three lifetimes: at most one origin request per URL per lifetime; straight to the origin, every request`, { timeout: 300_000 }, async () => {
  assert.ok(recorded.length > 0, "the recording test ran first");
  const spread = 3 * LIFETIME_S * 1000;
  const from = (await originLog()).length;
  const logFrom = proxy.accessLog().length;
  const proxied = await replay(proxy.url, recorded, READERS, spread);
  const counts = await originCounts(from);
  const total = [...counts.values()].reduce((a, b) => a + b, 0);
  const lifetimes = Math.ceil(proxied.seconds / LIFETIME_S);
  console.log(`proxied: ${READERS} readers × ${recorded.length} URLs = ${READERS * recorded.length} requests in ${proxied.seconds.toFixed(1)} s (${lifetimes} lifetimes of ${LIFETIME_S} s); origin requests: ${total}; readers' latency p50 ${proxied.p50} ms, p95 ${proxied.p95} ms`);
  assert.ok(proxied.answers.every((a) => a.status === 200 || a.status === 304), JSON.stringify(proxied.answers.find((a) => a.status !== 200)));
  for (const [url, n] of counts) assert.ok(n <= lifetimes + 1, `${url}: ${n} origin requests in ${lifetimes} lifetimes`);
  assert.ok(total <= recorded.length * (lifetimes + 1), `${total} origin requests`);
  // nginx logged every replayed request, each with what its cache did.
  const logged = proxy.accessLog().slice(logFrom);
  assert.equal(logged.length, READERS * recorded.length);
  const statuses = {};
  for (const l of logged) { const s = l.split(" ")[2]; statuses[s] = (statuses[s] ?? 0) + 1; }
  console.log(`nginx cache statuses: ${JSON.stringify(statuses)}`);
  assert.ok(Object.keys(statuses).every((s) => ["HIT", "MISS", "EXPIRED", "STALE", "UPDATING", "REVALIDATED"].includes(s)), JSON.stringify(statuses));

  // Control: the same replay straight to the origin.
  const fromControl = (await originLog()).length;
  const direct = await replay(server.market, recorded, READERS, spread);
  const controlTotal = (await originLog()).length - fromControl;
  console.log(`control (no proxy): origin requests: ${controlTotal}; readers' latency p50 ${direct.p50} ms, p95 ${direct.p95} ms`);
  assert.equal(controlTotal, READERS * recorded.length, "every direct request reaches the origin");
});

test(`the origin fails for ${OUTAGE_S} s: readers keep the last good data, a page shows it stale with its age, and recovery costs one request per URL`, { timeout: 300_000 }, async () => {
  assert.ok(recorded.length > 0, "the recording test ran first");
  // Every URL cached and fresh, then the origin answers 503 to everything.
  await replay(proxy.url, recorded, 1, 0);
  await sleep(1000); // a background refresh that reply started has finished
  await fetch(`${server.market}/__outage?fault=status:503&ms=${OUTAGE_S * 1000}`);
  const outageStart = performance.now();
  const during = await replay(proxy.url, recorded, READERS, (OUTAGE_S - 25) * 1000);
  const cacheStatuses = [...new Set(during.answers.map((a) => a.cache))].sort();
  console.log(`during the outage: ${during.answers.length} answers, statuses ${JSON.stringify([...new Set(during.answers.map((a) => a.status))])}, cache ${JSON.stringify(cacheStatuses)}; p50 ${during.p50} ms, p95 ${during.p95} ms`);
  assert.ok(during.answers.every((a) => a.status === 200), "a reader got no data during the outage");
  // A page loaded more than two lifetimes into the outage shows the data stale, with its age.
  await sleep(Math.max(0, outageStart + 3 * LIFETIME_S * 1000 - performance.now()));
  const page = await newPage(browser, { httpCache: true });
  await page.goto(`${server.url}/tests/pages/blank.html`);
  await page.setContent(`<script type="module" src="${server.url}/pkg/embed.js"></script>
    <bfx-asset-card id="c" src="${server.url}/www/data/flux.json" market="${proxy.url}"></bfx-asset-card>`);
  const age = await page.locator("#c .bfx-market__stale [role=status]").textContent({ timeout: 15_000 });
  const stale = await page.locator("#c .bfx-market__stale .bfx-state__message").textContent();
  console.log(`a page loaded during the outage: "${age}" (${stale})`);
  assert.match(age, /^Data is (under a minute|\d+ min) old$/);
  assert.match(stale, /^GET .*: the cache in front of the source answered with data (\d+) s old \(its lifetime is 10 s\): the source is not answering$/);
  assert.ok(Number(stale.match(/data (\d+) s old/)[1]) >= 2 * LIFETIME_S);
  await page.context().close();
  // Recovery: the first lifetime after the outage sends at most one request per URL.
  await sleep(Math.max(0, outageStart + OUTAGE_S * 1000 + 500 - performance.now()));
  const from = (await originLog()).length;
  const recovered = await replay(proxy.url, recorded, READERS, LIFETIME_S * 1000 - 1000);
  const counts = await originCounts(from);
  const ok = [...(await originLog()).slice(from)].filter((l) => l.startsWith("200") || l.startsWith("304")).length;
  console.log(`after recovery, first lifetime: origin requests ${[...counts.values()].reduce((a, b) => a + b, 0)} (${ok} answered) for ${recorded.length} URLs; p50 ${recovered.p50} ms, p95 ${recovered.p95} ms`);
  for (const [url, n] of counts) assert.ok(n <= 1, `${url}: ${n} origin requests in the first lifetime after recovery`);
});
