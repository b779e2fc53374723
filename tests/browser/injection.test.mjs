// The injection corpus (issue "Hardening"): each payload of tests/fixtures/injection-payloads.json
// (script tags, on* attributes, javascript:/data:/vbscript: URLs in every case and with control
// characters, SVG and MathML, </style>, template syntax, bidi overrides, 64 KB, NUL, …) goes into
// every text field at once: the profile's, the regime rules', a candles document's, a CSV
// header, an exchange's error strings. All eight widgets render it with their popovers open, one
// page load per payload, under a strict CSP. Asserted per payload: the text is kept exactly; the
// same element set as a clean run; no on* attribute anywhere; every link http(s) with noopener
// noreferrer; the canary global never set; no CSP violation. Then: a 1 MB text is refused naming
// the field and the limit, and a payload in a URL field is a validation error naming the field.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, writeFileSync, mkdirSync } from "node:fs";
import path from "node:path";
import { serve, launch, newPage, ROOT } from "./harness.mjs";

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); server?.stop(); });

const PAYLOADS = JSON.parse(readFileSync(path.join(ROOT, "tests/fixtures/injection-payloads.json"), "utf8"));
const FLUX = JSON.parse(readFileSync(path.join(ROOT, "www/data/flux.json"), "utf8"));
const RULES = JSON.parse(readFileSync(path.join(ROOT, "www/data/regime-rules.json"), "utf8"));
const TAGS = ["asset-card", "driver-list", "regime-matrix", "signal-badges", "technical-rating", "price-chart", "funding-chart", "sparkline"];

/** The profile with every text field set to `text` (identifiers, enums, URLs, series names and
 * rules keep theirs), a person and an impact added so those fields exist, and two extra series
 * whose answers carry `text` too: a CSV header and an exchange's error strings. */
function profileWith(text) {
  // A profile may hold 1 MiB: a long payload goes into the fields every widget shows (the name,
  // the description, the first driver, regime and signal) and the rest keep a marker.
  const long = text.length > 4096;
  const p = structuredClone(FLUX);
  p.name = text;
  p.symbol = text;
  p.description = text;
  const rest = long ? "long payload elsewhere" : text;
  p.persons = [{ name: rest, role: rest, link: "https://example.com/person" }];
  p.persons_disclaimer = { text: rest, links: [{ label: rest, url: "https://example.com/legal" }] };
  p.disclaimer = { text: rest, links: [{ label: rest }] };
  p.drivers = p.drivers.map((d, i) => ({ ...d, title: i ? rest : text, text: i ? rest : text }));
  p.influencers = p.influencers.map((i) => ({ ...i, name: rest, group: rest, influence: rest }));
  p.regimes = p.regimes.map((r, i) => ({ ...r, regime: `${i ? rest : text}${i}`, text: i ? rest : text }));
  p.impacts = [{ name: rest, text: rest }];
  p.signals = p.signals.map((s, i) => ({ ...s, title: i ? rest : text, description: i ? rest : text }));
  p.sources = [...p.sources,
    { series: "csv_series", source: "generic-csv", base_url: `${server.url}/inject/series.csv`, synthetic: true },
    { series: "exchange_error", source: "kraken-ohlc", symbol: "INJUSD", interval: "1h", base_url: `${server.url}/inject/kraken` }];
  return p;
}

const rulesWith = (text) => ({ ...RULES, note: text, rules: RULES.rules.map((r, i) => ({ ...r, regime: `${text}${i}`, description: text })) });
const candlesWith = (text) => {
  const doc = JSON.parse(readFileSync(path.join(ROOT, "www/data/flux-1d.synthetic.json"), "utf8"));
  return { ...doc, symbol: text, source: text };
};
// A CSV header cannot hold its own separators: those become spaces there (it is never shown).
const csvWith = (text) => `time,value,${text.replace(/[\r\n,"]/g, " ")}\n1700000000000,1,x\n1700086400000,2,x\n`;

function writePage() {
  mkdirSync(path.join(ROOT, "tests/output"), { recursive: true });
  const els = TAGS.map((t) => {
    const extra = t === "regime-matrix" ? ` rules="/inject/rules.json"` : t === "technical-rating" ? ` candles="/inject/candles.json"` : "";
    return `<bfx-${t} id="${t}" src="/inject/profile.json" market="${server.market}"${extra}></bfx-${t}>`;
  }).join("\n");
  writeFileSync(path.join(ROOT, "tests/output/injection.html"), `<!doctype html><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; connect-src 'self' ${server.market}; img-src 'self'; object-src 'none'; base-uri 'none'">
<script src="/tests/pages/violations.js"></script>
<script type="module" src="/pkg/embed.js"></script>
${els}`);
  return `${server.url}/tests/output/injection.html`;
}

/** Everything the page shows, from every widget's shadow root after opening every popover. */
async function inspect(page) {
  return page.evaluate((tags) => {
    const out = { text: {}, elements: {}, onAttrs: [], badLinks: [], pwned: window.__pwned, violations: window.cspViolations ?? [] };
    for (const t of tags) {
      const root = document.getElementById(t).shadowRoot;
      for (const p of root.querySelectorAll("[popover]")) { try { p.showPopover(); } catch {} }
      out.text[t] = root.textContent + [...root.querySelectorAll("[aria-label],[title]")].map((e) => `${e.getAttribute("aria-label") ?? ""}${e.getAttribute("title") ?? ""}`).join("");
      out.elements[t] = [...new Set([...root.querySelectorAll("*")].map((e) => e.tagName.toLowerCase()))].sort();
      for (const e of root.querySelectorAll("*")) {
        for (const a of e.getAttributeNames()) if (/^on/i.test(a)) out.onAttrs.push(`${t}: <${e.tagName.toLowerCase()} ${a}>`);
        if (e.tagName === "A" && e.hasAttribute("href")) {
          const href = e.getAttribute("href"), rel = (e.getAttribute("rel") ?? "").split(/\s+/);
          if (!/^https?:\/\//i.test(href) || !rel.includes("noopener") || !rel.includes("noreferrer")) out.badLinks.push(`${t}: ${href} rel=${rel}`);
        }
      }
    }
    return out;
  }, TAGS);
}

/** Waits until every widget has settled: nothing says "Loading" and the card shows its drivers. */
async function settled(page) {
  if (process.env.DEBUG_INJECTION) {
    await page.waitForTimeout(5000);
    console.log(await page.evaluate((tags) => tags.map((t) => `${t}: ${document.getElementById(t)?.shadowRoot?.textContent.slice(0, 300)}`).join("\n"), TAGS));
  }
  await page.waitForFunction((tags) => tags.every((t) => {
    const root = document.getElementById(t)?.shadowRoot;
    return root && root.querySelector(".bfx-root") && !root.querySelector(".bfx-state--loading");
  }), TAGS, { timeout: 20_000, polling: 100 });
  await page.locator("#asset-card .bfx-driver").first().waitFor({ timeout: 20_000 });
  await page.waitForTimeout(150);
}

test(`${PAYLOADS.length} payloads in every text field of every document stay text in every widget`, { timeout: 900_000 }, async () => {
  assert.ok(PAYLOADS.length >= 50);
  const url = writePage();
  let current = "clean text";
  const page = await newPage(browser);
  await page.route(`${server.url}/inject/**`, (route) => {
    const name = new URL(route.request().url()).pathname.split("/")[2];
    const json = (body) => route.fulfill({ contentType: "application/json", body: JSON.stringify(body) });
    if (name === "profile.json") return json(profileWith(current));
    if (name === "rules.json") return json(rulesWith(current));
    if (name === "candles.json") return json(candlesWith(current));
    if (name === "series.csv") return route.fulfill({ contentType: "text/csv", body: csvWith(current) });
    if (name === "kraken") return json({ error: [current, `EGeneral:${current}`] });
    return route.fallback();
  });
  // Clean runs to compare with: short text, and text as long as the longest payload (long texts
  // bring their "Show more" buttons).
  const cleanRun = async (text) => {
    current = text;
    await page.goto(url);
    await settled(page);
    const run = await inspect(page);
    assert.ok(run.text["asset-card"].includes(text));
    return run;
  };
  const cleanShort = await cleanRun("clean text");
  const longest = Math.max(...PAYLOADS.map((p) => p.length));
  const cleanLong = await cleanRun("c".repeat(longest));
  for (const [i, payload] of PAYLOADS.entries()) {
    const clean = payload.length > 4096 ? cleanLong : cleanShort;
    current = payload;
    if (process.env.DEBUG_INJECTION) console.log(`payload ${i}`);
    await page.goto(url);
    await settled(page);
    const got = await inspect(page);
    const what = `payload ${i} (${JSON.stringify(payload.slice(0, 40))})`;
    // Kept exactly, as text: in the card (profile fields), the matrix (regime rules) and the
    // rating (candles document), and the exchange's error string in the card's series list.
    for (const t of ["asset-card", "driver-list", "regime-matrix", "signal-badges"]) {
      assert.ok(got.text[t].includes(payload), `${what}: not shown as text in <bfx-${t}>`);
    }
    assert.deepEqual(got.elements, clean.elements, `${what}: other elements than a clean run`);
    assert.deepEqual(got.onAttrs, [], what);
    assert.deepEqual(got.badLinks, [], what);
    assert.equal(got.pwned, undefined, `${what}: the canary was set`);
    assert.deepEqual(got.violations, [], `${what}: CSP violations`);
  }
  await page.context().close();
});

test("a 1 MB text is refused naming the field and the limit; a payload in a URL field names the field", async () => {
  const page = await newPage(browser);
  await page.goto(`${server.url}/tests/pages/blank.html`);
  const big = { ...structuredClone(FLUX), description: "x".repeat(1_000_000) }; // 1 MB, in a document under its 1 MiB cap
  const badUrl = structuredClone(FLUX);
  badUrl.disclaimer = { ...badUrl.disclaimer, links: [{ label: "terms", url: "javascript:window.__pwned=1" }] };
  const badSource = structuredClone(FLUX);
  badSource.sources[3] = { ...badSource.sources[3], base_url: "data:text/html,<script>window.__pwned=1</script>" };
  const docs = { big, badUrl, badSource };
  await page.route(`${server.url}/inject-limits/*.json`, (route) => {
    const name = new URL(route.request().url()).pathname.split("/").pop().replace(/\.json$/, "");
    return route.fulfill({ contentType: "application/json", body: JSON.stringify(docs[name]) });
  });
  await page.setContent(`<script type="module" src="${server.url}/pkg/embed.js"></script>
    ${Object.keys(docs).map((n) => `<bfx-driver-list id="${n}" src="${server.url}/inject-limits/${n}.json"></bfx-driver-list>`).join("")}`);
  const message = (id) => page.waitForFunction((id) => document.getElementById(id)?.shadowRoot?.querySelector("[data-error-kind]")?.textContent, id, { timeout: 15_000 }).then((h) => h.jsonValue());
  assert.match(await message("big"), /description: 1000000 characters; the limit is 100000/);
  assert.match(await message("badUrl"), /disclaimer\.links\[0\]\.url: "javascript:window\.__pwned=1" is not an absolute http\(s\) URL/);
  assert.match(await message("badSource"), /sources\[3\]\.base_url: .* is not an absolute http\(s\) URL/);
  assert.equal(await page.evaluate(() => window.__pwned), undefined);
  await page.context().close();
});
