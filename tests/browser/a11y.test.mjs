// Accessibility: axe-core (tests/node_modules/axe-core, pinned in tests/package.json) finds no
// violation of WCAG 2.0/2.1 A and AA or of its best practices on the demo, the gallery and a page
// with two cards of one profile, as whole documents (the pages' own markup too, shadow roots
// included), light and dark, at 360 and 1280 px; headings take the level a page gives them.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import path from "node:path";
import { serve, launch, newPage, ROOT } from "./harness.mjs";

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); server?.stop(); });

const AXE = path.join(ROOT, "tests/node_modules/axe-core/axe.min.js");
const TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"];
const TAG_NAMES = ["bfx-asset-card", "bfx-driver-list", "bfx-regime-matrix", "bfx-signal-badges",
  "bfx-technical-rating", "bfx-price-chart", "bfx-funding-chart", "bfx-sparkline"];

/** The page at `url` once no widget is loading, audited by axe: its violations, each with the
 * first nodes' selectors and why. */
async function audit(url, { width, colorScheme }) {
  const page = await newPage(browser, { width, height: 900, colorScheme });
  await page.goto(`${server.url}${url}${url.includes("?") ? "&" : "?"}market=${encodeURIComponent(server.market)}`);
  await page.waitForFunction((tags) => {
    const els = document.querySelectorAll(tags.join(","));
    return els.length > 0 && [...els].every((e) => e.shadowRoot?.querySelector("[part~=base]")
      && !e.shadowRoot.querySelector(".bfx-state--loading, [aria-busy=true]"));
  }, TAG_NAMES, { timeout: 30000 });
  // axe reads a text's background by hit-testing after scrolling it into view, before a widget
  // skipped by `content-visibility: auto` is laid out again, and so pairs one widget's text with
  // another's background. The colours are the same either way: audit them laid out.
  await page.addStyleTag({ content: `${TAG_NAMES.join(",")} { content-visibility: visible; }` });
  await page.addScriptTag({ path: AXE });
  const result = await page.evaluate((values) => axe.run(document, { runOnly: { type: "tag", values } }), TAGS);
  await page.context().close();
  return result.violations.map((v) => `${v.id} (${v.nodes.length}): ${v.help}\n${v.nodes.slice(0, 3)
    .map((n) => `    ${JSON.stringify(n.target)} ${n.failureSummary.split("\n").slice(1, 2).join("")}`).join("\n")}`);
}

for (const url of ["/index.html", "/www/gallery.html", "/tests/pages/two-cards.html"]) {
  test(`axe finds no violation on ${url}, light and dark, at 360 and 1280 px`, async () => {
    for (const width of [360, 1280]) {
      for (const colorScheme of ["light", "dark"]) {
        const found = await audit(url, { width, colorScheme });
        assert.deepEqual(found, [], `${url} at ${width} px, ${colorScheme}:\n${found.join("\n")}`);
      }
    }
  });
}

test("axe would find a badge below 4.5:1 (the audit sees into shadow roots)", async () => {
  // The check on the check: a host colour that fails contrast is reported.
  const page = await newPage(browser);
  await page.goto(`${server.url}/tests/pages/two-cards.html?market=${encodeURIComponent(server.market)}`);
  await page.addStyleTag({ content: "bfx-asset-card { --bfx-fg: #c9c9c9; --bfx-positive: #c9c9c9; --bfx-mixed: #c9c9c9; content-visibility: visible; }" });
  await page.locator("bfx-asset-card .bfx-driver").first().waitFor();
  await page.addScriptTag({ path: AXE });
  // A node inside a shadow root is targeted as [host, node].
  const targets = await page.evaluate(() => axe.run(document, { runOnly: { type: "rule", values: ["color-contrast"] } })
    .then((r) => r.violations.flatMap((v) => v.nodes.map((n) => n.target[0]))));
  assert.ok(targets.some((t) => Array.isArray(t) && t.length === 2), JSON.stringify(targets.slice(0, 3)));
  await page.context().close();
});

test("headings take the level the page gives (heading-level), one deeper per block", async () => {
  const page = await newPage(browser);
  await page.goto(`${server.url}/tests/pages/blank.html`);
  await page.evaluate(async () => {
    await import("/pkg/embed.js");
    document.body.insertAdjacentHTML("beforeend", `
      <bfx-asset-card id="c" src="/www/data/flux.json" heading-level="3"></bfx-asset-card>
      <bfx-driver-list id="d" src="/www/data/flux.json"></bfx-driver-list>
      <bfx-driver-list id="bad" src="/www/data/flux.json" heading-level="7"></bfx-driver-list>`);
  });
  await page.locator("#c .bfx-driver").first().waitFor();
  await page.locator("#d .bfx-driver").first().waitFor();
  const levels = (id, sel) => page.locator(`#${id} ${sel}`).evaluateAll((els) =>
    [...new Set(els.map((e) => `${e.getAttribute("role")} ${e.getAttribute("aria-level")}`))]);
  // The card at 3: its name 3, its sections 4, a driver or a regime inside them 5.
  assert.deepEqual(await levels("c", "[part~=title]"), ["heading 3"]);
  assert.deepEqual(await levels("c", "[part~=section-title]"), ["heading 4"]);
  assert.deepEqual(await levels("c", ".bfx-driver__title, .bfx-regime__name, .bfx-signal__heading"), ["heading 5"]);
  // A standalone list by default: its title 2, each driver 3.
  assert.deepEqual(await levels("d", "[part~=title]"), ["heading 2"]);
  assert.deepEqual(await levels("d", ".bfx-driver__title"), ["heading 3"]);
  // Changing it re-renders at the new level; a level outside 1–6 is refused and named.
  await page.locator("#d").evaluate((el) => el.setAttribute("heading-level", "1"));
  await page.waitForFunction(() => document.querySelector("#d").shadowRoot.querySelector(".bfx-driver__title")?.getAttribute("aria-level") === "2");
  assert.deepEqual(await levels("d", "[part~=title]"), ["heading 1"]);
  assert.match(await page.locator("#bad .bfx-state").textContent(), /attribute heading-level: 7 is not a heading level \(1 to 6\)/);
  await page.context().close();
});
