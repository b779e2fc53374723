// Bad input: a structural fault gives that one widget an error naming the cause; valid extremes
// render gracefully; nothing panics, so the other widgets on the page keep working.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { serve, launch, newPage } from "./harness.mjs";

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); server?.stop(); });

/** A page with a good Flux card and one card whose src is `src`; returns the bad card's message. */
async function errorFor(src, routes = {}) {
  const page = await newPage(browser);
  for (const [pattern, body] of Object.entries(routes)) {
    await page.route(pattern, (r) => r.fulfill({ status: 200, contentType: "application/json", body }));
  }
  await page.setContent(`<!doctype html>
    <script type="module" src="${server.url}/pkg/embed.js"></script>
    <bfx-asset-card id="good" src="${server.url}/www/data/flux.json"></bfx-asset-card>
    <bfx-asset-card id="bad" src="${src}"></bfx-asset-card>`);
  const message = await page.locator("#bad .bfx-state--error .bfx-state__message").textContent();
  // The good card beside it still renders completely.
  await page.locator("#good .bfx-driver").nth(5).waitFor();
  assert.equal(await page.locator("#good .bfx-regime").count(), 6);
  assert.equal(await page.locator("#bad [role=alert]").count(), 1);
  assert.deepEqual(page.errors, [], "uncaught errors (a panic would show here)");
  await page.context().close();
  return message;
}

test("a broken profile names the failing field path", async () => {
  const msg = await errorFor(`${server.url}/www/data/broken-flux.json`);
  assert.match(msg, /^http:\/\/127\.0\.0\.1:\d+\/www\/data\/broken-flux\.json: invalid profile: drivers\[2\]\.direction: unknown value "Up", expected one of "Positive", "Negative", "Mixed", "Conditional"/);
});

test("HTTP errors name the URL and status", async () => {
  assert.match(await errorFor(`${server.url}/www/data/missing.json`), /^GET http:\/\/127\.0\.0\.1:\d+\/www\/data\/missing\.json: HTTP 404 Not Found$/);
  assert.match(await errorFor(`${server.url}/__status/500`), /\/__status\/500: HTTP 500 Internal Server Error \(after 3 attempts\)$/);
});

test("a non-JSON response says so, with its content type", async () => {
  const msg = await errorFor(`${server.url}/index.html`);
  assert.match(msg, /^GET http:\/\/127\.0\.0\.1:\d+\/index\.html: got an HTML page \(text\/html; charset=utf-8\), not data$/);
});

test("a refused connection is reported as network error or CORS refusal", async () => {
  const msg = await errorFor("http://127.0.0.1:9/profile.json");
  assert.match(msg, /^GET http:\/\/127\.0\.0\.1:9\/profile\.json failed: network error or CORS refusal \(browsers report both alike\)/);
});

test("structural faults: missing field, wrong type, unknown outcome, malformed JSON", async () => {
  const base = { version: 1, id: "t", name: "T", symbol: "T" };
  const cases = [
    [{ version: 1, id: "t", symbol: "T" }, /invalid profile: missing field "name"/],
    [{ ...base, drivers: "none" }, /invalid profile: drivers: invalid type: string "none", expected a sequence/],
    [{ ...base, regimes: [{ regime: "x", outcome: "Moon" }] }, /regimes\[0\]\.outcome: unknown value "Moon"/],
    [{ ...base, version: 3 }, /version: unsupported version 3/],
  ];
  for (const [i, [doc, re]] of cases.entries()) {
    assert.match(await errorFor(`${server.url}/fault-${i}.json`, { [`**/fault-${i}.json`]: JSON.stringify(doc) }), re);
  }
  assert.match(await errorFor(`${server.url}/cut.json`, { "**/cut.json": '{"version":1,"id":"t","na' }), /invalid JSON: EOF while parsing/);
});

test("data is never markup: HTML in text stays text, javascript: links are refused", async () => {
  const page = await newPage(browser);
  const doc = {
    version: 1, id: "x", name: "<img src=x onerror=window.pwned=1>", symbol: "X",
    description: "<b>bold?</b><script>window.pwned=2</script>",
    drivers: [{ title: "<i>t</i>", direction: "Mixed", category: "macro", text: "<a href='javascript:1'>x</a>" }],
  };
  await page.route("**/x.json", (r) => r.fulfill({ status: 200, contentType: "application/json", body: JSON.stringify(doc) }));
  await page.setContent(`<script type="module" src="${server.url}/pkg/embed.js"></script>
    <bfx-asset-card id="c" src="${server.url}/x.json"></bfx-asset-card>`);
  await page.locator("#c .bfx-driver").waitFor();
  assert.equal(await page.locator("#c .bfx-card__name").textContent(), doc.name);
  assert.equal(await page.locator("#c .bfx-card img, #c .bfx-card b, #c .bfx-card i, #c .bfx-card script").count(), 0);
  assert.equal(await page.evaluate(() => window.pwned), undefined);

  const bad = { ...doc, name: "X", disclaimer: { text: "d", links: [{ label: "legal", url: "javascript:alert(1)" }] } };
  await page.route("**/y.json", (r) => r.fulfill({ status: 200, contentType: "application/json", body: JSON.stringify(bad) }));
  await page.locator("#c").evaluate((e, url) => e.setAttribute("src", url), `${server.url}/y.json`);
  assert.match(await page.locator("#c .bfx-state__message").textContent(), /disclaimer\.links\[0\]\.url: "javascript:alert\(1\)" is not an absolute http\(s\) URL/);
  await page.context().close();
});

test("valid extremes render gracefully: 200 drivers, 10,000 characters, RTL, unfamiliar regime", async () => {
  const long = "word ".repeat(2000).trim();
  const doc = {
    version: 1, id: "extreme", name: "Extreme", symbol: "EXT",
    description: "x".repeat(10000),
    drivers: Array.from({ length: 200 }, (_, i) => ({
      title: `Driver ${i}`, direction: ["Positive", "Negative", "Mixed", "Conditional"][i % 4],
      category: "macro", text: i === 0 ? long : "short",
    })),
    regimes: [
      { regime: "stagflation", outcome: "Underperform", text: "An unfamiliar regime name." },
      { regime: "risk-on", outcome: "Outperform", text: "\u0627\u0644\u0646\u0635 \u0627\u0644\u0639\u0631\u0628\u064a \u0645\u0646 \u0627\u0644\u064a\u0645\u064a\u0646 \u0625\u0644\u0649 \u0627\u0644\u064a\u0633\u0627\u0631" },
    ],
  };
  const page = await newPage(browser, { width: 320 });
  await page.route("**/extreme.json", (r) => r.fulfill({ status: 200, contentType: "application/json", body: JSON.stringify(doc) }));
  await page.route("**/empty.json", (r) => r.fulfill({ status: 200, contentType: "application/json", body: JSON.stringify({ version: 1, id: "e", name: "Empty", symbol: "E" }) }));
  await page.setContent(`<script type="module" src="${server.url}/pkg/embed.js"></script>
    <bfx-asset-card id="c" src="${server.url}/extreme.json"></bfx-asset-card>
    <bfx-asset-card id="e" src="${server.url}/empty.json"></bfx-asset-card>`);
  await page.locator("#c .bfx-driver").nth(199).waitFor();
  assert.equal(await page.locator("#c .bfx-driver").count(), 200);
  // The 10,000-character description is collapsed, with a way to expand it.
  const desc = page.locator("#c .bfx-card__description");
  assert.ok((await desc.locator(".bfx-text__body").boundingBox()).height < 120);
  assert.equal(await desc.locator(".bfx-text__toggle").getAttribute("aria-expanded"), "false");
  // Unbroken text never pushes the page sideways.
  const overflow = await page.evaluate(() => document.scrollingElement.scrollWidth - document.scrollingElement.clientWidth);
  assert.ok(overflow <= 0, `horizontal overflow ${overflow}px`);
  const unfamiliar = page.locator("#c .bfx-regime").first();
  assert.equal(await unfamiliar.locator(".bfx-regime__name").textContent(), "stagflation");
  const rtl = page.locator("#c .bfx-regime").nth(1).locator(".bfx-text__body p");
  assert.equal(await rtl.evaluate((p) => getComputedStyle(p).direction), "rtl");
  // Zero drivers, regimes and signals: empty states, not an error.
  await page.locator("#e .bfx-card__name").waitFor();
  assert.deepEqual(
    await page.locator("#e .bfx-empty").evaluateAll((els) => els.map((e) => e.textContent)),
    ["No key drivers listed.", "No market signals listed.", "No market regimes listed.", "No influencers listed.", "No key persons listed."],
  );
  assert.equal(await page.locator("#e [role=alert]").count(), 0);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});
