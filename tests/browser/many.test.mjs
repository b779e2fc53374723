// Many widgets on one page (the weight issue, #18, item 4: its deterministic part; the time is
// make bench's): 200 widgets, the eight elements in turn, one profile. The profile is requested
// once and read once for all of them: every read of a profile with an unknown field logs it, so
// the console counts the reads.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import path from "node:path";
import { ROOT, serve, launch, newPage } from "./harness.mjs";

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); server?.stop(); });

const TAGS = JSON.parse(readFileSync(path.join(ROOT, "src/web/registry.json"), "utf8")).elements.map((e) => e.tag);

test("200 mixed widgets: one profile request and one profile read", { timeout: 120_000 }, async () => {
  const page = await newPage(browser);
  const profile = JSON.parse(readFileSync(path.join(ROOT, "www/data/flux.json"), "utf8"));
  profile.x_read_count = "each read of this profile logs this unknown field once";
  let requests = 0;
  await page.route("**/many/flux.json", (route) => {
    requests++;
    return route.fulfill({ contentType: "application/json", body: JSON.stringify(profile) });
  });
  const reads = [];
  page.on("console", (m) => { if (m.text().includes("ignored unknown fields: x_read_count")) reads.push(m.text()); });
  await page.goto(`${server.url}/tests/pages/blank.html`);
  const src = `${server.url}/many/flux.json`;
  const widgets = Array.from({ length: 200 }, (_, i) => {
    const tag = TAGS[i % TAGS.length];
    return `<${tag} id="w${i}" src="${src}" market="${server.market}"></${tag}>`;
  });
  await page.setContent(`${widgets.join("\n")}<script type="module" src="${server.url}/pkg/embed.js"></script>`);
  // Every widget shows its data (or says why not), none is loading.
  await page.waitForFunction(() => {
    const els = [...document.querySelectorAll("[id^=w]")];
    return els.length === 200 && els.every((el) => {
      const root = el.shadowRoot?.querySelector(".bfx-root");
      return root && root.childElementCount > 0 && !root.querySelector(".bfx-state--loading");
    });
  }, null, { timeout: 90_000, polling: 250 });
  const kinds = await page.evaluate(() => [...new Set([...document.querySelectorAll("[id^=w]")].map((el) => el.localName))].length);
  assert.equal(kinds, 8, "the eight elements are on the page");
  assert.equal(requests, 1, "one request for the profile");
  assert.equal(reads.length, 1, `one read of the profile, got ${reads.length}`);
  // A widget that failed would say so in the page: none did.
  const failed = await page.evaluate(() => [...document.querySelectorAll("[id^=w]")]
    .filter((el) => el.shadowRoot?.querySelector(".bfx-state--error")).map((el) => el.id));
  assert.deepEqual(failed, []);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});
