// Readers' languages: the `locale` and `timezone` attributes, the page's `lang` as the default,
// numbers in the reader's notation, dates through Intl in the reader's zone, refused values named,
// and times at the edges of Date's range in both languages.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import path from "node:path";
import { readFileSync } from "node:fs";
import { ROOT, serve, launch, newPage, shownTime } from "./harness.mjs";

let server, browser;
before(async () => {
  server = await serve();
  browser = await launch();
});
after(async () => { await browser?.close(); server?.stop(); });

const FLUX_DAILY = "/www/data/flux-1d.synthetic.json";
const LAST_DAILY = 1795651200000; // the document's last bar (2026-11-26 00:00 UTC)
// Interface strings that must not survive in a Russian widget (none is in the FLUX profile).
const ENGLISH = ["Loading", "Key drivers", "Market signals", "Technical rating", "Show more", "as of", "Charts",
  "Moving averages", "Oscillators", "Showing", "Filter by", "Synthetic data", "◆Synthetic", "Source:", "Price of", "Funding rate of",
  " 24h", "Strong", "All 26 votes", "Key persons", "Market regime", "Clear filters", "Sort",
  "consecutive latest points", "t-statistic of the slope", "z-score of the latest", "streak began", "breakout close vs",
  "no current regime given", "no rule holds", "no rule has data"];
const NBSP = "\u00a0";

/** The widget's words: its shadow root's text and every aria-label in it. */
async function words(page, id) {
  return page.locator(`#${id}`).evaluate((el) => {
    const root = el.shadowRoot;
    const labels = [...root.querySelectorAll("[aria-label]")].map((e) => e.getAttribute("aria-label"));
    return [root.textContent, ...labels].join("\n");
  });
}

test("locale=ru: the card's words in Russian, numbers with a decimal comma, times in Moscow's zone", async () => {
  const page = await newPage(browser);
  await page.setContent(`<script type="module" src="${server.url}/pkg/embed.js"></script>
    <bfx-asset-card id="c" src="${server.url}/www/data/flux.json" market="${server.market}" locale="ru" timezone="Europe/Moscow"
      candles="${server.url}${FLUX_DAILY}"></bfx-asset-card>`);
  const card = page.locator("#c");
  await card.locator(".bfx-rating").waitFor({ timeout: 15000 });
  await card.locator(".bfx-market__price").waitFor({ timeout: 15000 });
  await card.locator(".bfx-signal__state").first().waitFor({ timeout: 15000 });
  await card.locator(".bfx-chart__caption").nth(1).waitFor({ timeout: 15000 });
  assert.equal(await card.locator(".bfx-root").getAttribute("lang"), "ru");
  // What is built when a reader opens it (each signal's evidence, the vote table) is opened
  // first, so the checks below read it too.
  const badges = card.locator(".bfx-signal");
  for (let i = 0; i < await badges.count(); i++) {
    await badges.nth(i).locator(".bfx-signal__summary").click();
    await badges.nth(i).locator(".bfx-evidence").waitFor();
    await page.keyboard.press("Escape");
  }
  await card.locator(".bfx-rating__votes summary").click();
  await card.locator(".bfx-rating__votes tbody tr").first().waitFor();

  const text = await words(page, "c");
  for (const w of ENGLISH) assert.ok(!text.includes(w), `"${w}" left in the Russian card`);
  for (const title of await card.locator(".bfx-section__title").allTextContents()) {
    assert.match(title, /^[А-Яа-яЁё &,]+\d*$/u, title);
  }
  assert.match(await card.locator(".bfx-rating__label").textContent(), /^(Активно продавать|Продавать|Нейтрально|Покупать|Активно покупать)$/);
  assert.match(await card.locator(".bfx-rating__score").textContent(), /^[+-]\d,\d\d$/);
  // The meta line's time is the document's last bar, as Intl writes it for this reader.
  const when = await shownTime(page, LAST_DAILY, "ru", "Europe/Moscow");
  assert.ok(when.includes("2026") && when.includes("03:00"), when);
  assert.equal(await card.locator(".bfx-rating__meta").textContent(), `FLUX · 1d · на ${when}Источник: Synthetic series (seeded random walk, seed 42), not market data`);
  // The dial is read as the Russian label and score.
  const dial = card.locator(".bfx-rating__dial");
  assert.equal(await dial.getAttribute("aria-label"), "Технический рейтинг");
  assert.match(await dial.getAttribute("aria-valuetext"), /^[А-Яа-я ]+, [+-]\d,\d\d$/);
  // Price, change and "as of" of the market panel.
  assert.match(await card.locator(".bfx-market__price").textContent(), /^\d+,\d{2,}$/);
  assert.match(await card.locator(".bfx-market__change").textContent(), new RegExp(`^[+-]\\d+,\\d\\d${NBSP}% за 24 ч$`));
  assert.match(await card.locator(".bfx-market__asof").textContent(), /^на \d{1,2} [а-я]+\.? 20\d\d г\., \d\d:\d\d [^·]+ · /);
  // The profile's own text keeps its language (the profile's `lang`) for screen readers.
  assert.equal(await card.locator(".bfx-driver__title").first().getAttribute("lang"), "en");
  assert.equal(await card.locator(".bfx-card__name").getAttribute("lang"), "en");
  assert.equal(await card.locator(".bfx-text__body p").first().getAttribute("lang"), "en");
  assert.equal(await card.locator(".bfx-section__title").first().getAttribute("lang"), null);
  // Drivers: chips, counts and the filter line.
  assert.match(await card.locator(".bfx-drivers__shown").textContent(), /^Показано (\d+) из \1$/);
  for (const chip of await card.locator(".bfx-chip").allTextContents()) assert.match(chip, /^[А-Яа-яЁё ]+$/u, chip);
  assert.equal(await card.locator(".bfx-drivers__sort > span").textContent(), "Порядок");
  assert.deepEqual(await card.locator(".bfx-drivers__sort .bfx-chip").allTextContents(), ["как в профиле", "по направлению", "по категории"]);
  await card.locator(".bfx-chip").first().click();
  assert.match(await card.locator(".bfx-drivers__shown").textContent(), /^Показано \d+ из \d+ Сбросить фильтры$/);
  // The charts' text alternatives.
  const captions = await card.locator("canvas").evaluateAll((cs) => cs.map((c) => c.getAttribute("aria-label")));
  assert.ok(captions.some((c) => c.startsWith("Цена FLUX")), captions.join("\n"));
  assert.ok(captions.some((c) => c.startsWith("Ставка финансирования FLUX")), captions.join("\n"));
  // The rule engine's evidence in the reader's words (scoreSignals keeps its English for scripts).
  const said = await card.locator(".bfx-evidence__check > span[dir=auto]:not(.bfx-evidence__note)").allTextContents();
  assert.ok(said.length >= 5, said.join("\n"));
  for (const label of said) assert.match(label, /[А-Яа-яЁё]/u, label);
  assert.equal(await card.locator(".bfx-evidence__check [lang=en]").count(), 0);
});

test("without a locale the nearest lang decides, then the browser's language; a language without a table gets English words and its own dates", async () => {
  const page = await newPage(browser, { locale: "ru-RU" });
  await page.setContent(`<script type="module" src="${server.url}/pkg/embed.js"></script>
    <bfx-driver-list id="browser" src="${server.url}/www/data/flux.json"></bfx-driver-list>
    <section lang="en-GB"><bfx-driver-list id="section" src="${server.url}/www/data/flux.json"></bfx-driver-list></section>
    <bfx-technical-rating id="de" locale="de-DE" timezone="UTC" src="${server.url}/www/data/flux.json" candles="${server.url}${FLUX_DAILY}"></bfx-technical-rating>`);
  await page.locator("#de .bfx-rating__meta").waitFor({ timeout: 15000 });
  await page.locator("#section .bfx-drivers__shown").waitFor();
  assert.match(await page.locator("#browser .bfx-widget__what").textContent(), /Ключевые факторы/);
  assert.match(await page.locator("#section .bfx-widget__what").textContent(), /Key drivers/);
  assert.equal(await page.locator("#section .bfx-root").getAttribute("lang"), "en-GB");
  const de = await shownTime(page, LAST_DAILY, "de-DE", "UTC");
  assert.match(de, /26\. Nov\. 2026/);
  assert.ok((await page.locator("#de .bfx-rating__meta").textContent()).includes(`as of ${de}`));

  // The page's own <html lang>, over the browser's; an attribute set later re-renders in place.
  const html = await newPage(browser, { locale: "en-US" });
  await html.setContent(`<html lang="ru"><script type="module" src="${server.url}/pkg/embed.js"></script>
    <bfx-driver-list id="w" src="${server.url}/www/data/flux.json"></bfx-driver-list></html>`);
  await html.locator("#w .bfx-drivers__shown", { hasText: "Показано" }).waitFor();
  await html.locator("#w").evaluate((el) => { el.locale = "en"; });
  await html.locator("#w .bfx-drivers__shown", { hasText: "Showing" }).waitFor();
  assert.equal(await html.locator("#w").getAttribute("locale"), "en");
  await html.locator("#w").evaluate((el) => { el.locale = null; });
  await html.locator("#w .bfx-drivers__shown", { hasText: "Показано" }).waitFor();
});

test("Russian words are a chunk of their own: an English page never fetches it, a Russian widget waits for it without a word, and a failed fetch stops only the Russian widgets", { timeout: 60_000 }, async () => {
  // In the files: the Russian table is in its chunk, not in the main module; English is.
  const read = (f) => readFileSync(path.join(ROOT, "pkg", f));
  const ru = Buffer.from("Ключевые факторы");
  assert.equal(read("barfinex_widgets_bg.wasm").indexOf(ru), -1, "the Russian table is in the main module");
  assert.ok(read("split_locale.wasm").indexOf(ru) >= 0, "the Russian table is not in split_locale.wasm");
  assert.ok(read("barfinex_widgets_bg.wasm").indexOf(Buffer.from("Key drivers")) >= 0);

  const page = await newPage(browser, { locale: "ru-RU" });
  const fetched = [];
  page.on("request", (r) => fetched.push(path.basename(new URL(r.url()).pathname)));
  await page.route("**/split_locale.wasm", (r) => r.abort("failed"));
  page.expectErrors(/Failed to fetch/);
  const src = `${server.url}/www/data/flux.json`;
  await page.setContent(`<html lang="en"><script type="module" src="${server.url}/pkg/embed.js"></script>
    <bfx-driver-list id="en" src="${src}"></bfx-driver-list></html>`);
  await page.locator("#en .bfx-drivers__shown", { hasText: "Showing" }).waitFor({ timeout: 15000 });
  assert.ok(!fetched.includes("split_locale.wasm"), `an English page fetched ${fetched}`);
  // Every word a Russian widget ever shows, from its first node on.
  await page.evaluate(() => {
    window.__said = [];
    const original = Element.prototype.attachShadow;
    Element.prototype.attachShadow = function (init) {
      const root = original.call(this, init);
      new MutationObserver(() => window.__said.push(root.textContent)).observe(root, { subtree: true, childList: true, characterData: true });
      return root;
    };
    const add = (id) => {
      const el = document.createElement("bfx-driver-list");
      Object.assign(el, { id, locale: "ru", src: document.querySelector("#en").getAttribute("src") });
      document.body.append(el);
    };
    window.__add = add;
    add("ru1");
  });
  // Not fetched: this Russian widget says its code did not load; the English one is whole.
  const error = page.locator("#ru1 .bfx-state--error[data-error-kind=code]");
  await error.waitFor({ timeout: 15000 });
  assert.match(await error.locator(".bfx-state__message").textContent(), /^the words of "ru": /);
  assert.equal(await page.locator("#en .bfx-state--error").count(), 0);
  assert.match(await page.locator("#en .bfx-drivers__shown").textContent(), /^Showing \d+ of \d+$/);
  // The failure is not kept: the next Russian widget fetches the words and shows them, and no
  // moment of it said "Loading" in English.
  await page.unroute("**/split_locale.wasm");
  await page.evaluate(() => { window.__said = []; window.__add("ru2"); });
  await page.locator("#ru2 .bfx-drivers__shown", { hasText: "Показано" }).waitFor({ timeout: 15000 });
  const said = await page.evaluate(() => window.__said);
  assert.ok(said.length > 0);
  for (const text of said) assert.ok(!/Loading|Key drivers|Showing/.test(text), `a Russian widget said: ${text}`);
  // Once in, the words are not fetched again.
  await page.evaluate(() => window.__add("ru3"));
  await page.locator("#ru3 .bfx-drivers__shown", { hasText: "Показано" }).waitFor({ timeout: 15000 });
  assert.equal(fetched.filter((f) => f === "split_locale.wasm").length, 2, `${fetched}`);
  await page.context().close();
});

test("an unknown time zone or a malformed language tag is refused, named in the widget and in bfx-error", async () => {
  const page = await newPage(browser);
  await page.setContent(`<script type="module" src="${server.url}/pkg/embed.js"></script>
    <script>window.errors = []; addEventListener("bfx-error", (e) => errors.push(e.detail));</script>
    <bfx-driver-list id="tz" timezone="Mars/Olympus_Mons" src="${server.url}/www/data/flux.json"></bfx-driver-list>
    <bfx-driver-list id="tag" locale="not a tag!" src="${server.url}/www/data/flux.json"></bfx-driver-list>`);
  await page.locator("#tz .bfx-state--error").waitFor();
  await page.locator("#tag .bfx-state--error").waitFor();
  assert.equal(await page.locator("#tz .bfx-state__title").textContent(), 'attribute timezone: unknown time zone "Mars/Olympus_Mons"');
  assert.equal(await page.locator("#tag .bfx-state__title").textContent(), 'attribute locale: "not a tag!" is not a language tag');
  const errors = await page.evaluate(() => window.errors.map((e) => `${e.kind} ${e.attribute}`).sort());
  assert.deepEqual(errors, ["attribute locale", "attribute timezone"]);
  // Fixed, it renders.
  await page.locator("#tz").evaluate((el) => el.setAttribute("timezone", "Asia/Tokyo"));
  await page.locator("#tz .bfx-drivers__shown").waitFor();
});

/** A candles document of 300 daily bars starting at `first` (Unix ms). */
function edgeCandles(first) {
  const candles = [];
  for (let i = 0; i < 300; i++) {
    const c = 1 + 0.1 * Math.sin(i / 7);
    candles.push([first + i * 86_400_000, c, c * 1.01, c * 0.99, c * (1 + 0.002 * Math.cos(i)), 1000 + i]);
  }
  return JSON.stringify({ symbol: "EDGE", interval: "1d", source: "test", synthetic: true, candles });
}

test("times at the edges of Date's range show in both languages and in zones that push them past it", async () => {
  const MAX = 8.64e15;
  const page = await newPage(browser);
  await page.route("**/late.json", (r) => r.fulfill({ contentType: "application/json", body: edgeCandles(MAX - 299 * 86_400_000) }));
  await page.route("**/early.json", (r) => r.fulfill({ contentType: "application/json", body: edgeCandles(-MAX) }));
  const cases = [];
  for (const locale of ["en", "ru"]) {
    for (const zone of ["UTC", "Pacific/Kiritimati", "Pacific/Pago_Pago"]) {
      for (const doc of ["late", "early"]) cases.push({ id: `${doc}-${locale}-${zone.replace(/\W/g, "")}`, locale, zone, doc });
    }
  }
  await page.setContent(`<script type="module" src="${server.url}/pkg/embed.js"></script>
    ${cases.map((c) => `<bfx-technical-rating id="${c.id}" locale="${c.locale}" timezone="${c.zone}" src="${server.url}/www/data/flux.json" candles="${server.url}/${c.doc}.json"></bfx-technical-rating>`).join("\n")}`);
  for (const c of cases) {
    const meta = page.locator(`#${c.id} .bfx-rating__meta`);
    await meta.waitFor({ timeout: 15000 });
    const text = await meta.textContent();
    // The last bar: 13 September 275760 (late) or 24 July 271821 BC (early); a zone east of UTC
    // pushes the late one past Date's range, where the widget writes the instant in ISO form.
    assert.match(text, c.doc === "late" ? /275760/ : /27182[12]/, `${c.id}: ${text}`);
    assert.ok(text.startsWith("EDGE · 1d · "), `${c.id}: ${text}`);
    assert.ok(text.includes(c.locale === "ru" ? "Источник: test" : "Source: test"), `${c.id}: ${text}`);
  }
  assert.equal(await page.locator(".bfx-state--stopped").count(), 0);
});
