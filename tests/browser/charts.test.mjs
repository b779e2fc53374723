// Charts for every reader: each canvas takes focus, arrow keys move a marked point and announce
// it, a "show data" disclosure holds the points as a table, the tick labels are written in the
// reader's language and zone, and in forced colours the charts draw in the system's palette.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import path from "node:path";
import { serve, launch, newPage, ROOT } from "./harness.mjs";

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); server?.stop(); });

const AXE = path.join(ROOT, "tests/node_modules/axe-core/axe.min.js");
const CHARTS = ["bfx-price-chart", "bfx-funding-chart", "bfx-sparkline"];

/** A page with the three standalone charts of the FLUX profile, each drawn; every text drawn on
 * a canvas is recorded in `window.drawn`. */
async function chartsPage(options = {}, attrs = "") {
  const page = await newPage(browser, options);
  await page.addInitScript(() => {
    window.drawn = [];
    const fill = CanvasRenderingContext2D.prototype.fillText;
    CanvasRenderingContext2D.prototype.fillText = function (text, ...rest) {
      window.drawn.push(String(text));
      return fill.call(this, text, ...rest);
    };
  });
  await page.goto(`${server.url}/tests/pages/blank.html`);
  await page.evaluate(({ charts, market, attrs }) => {
    document.documentElement.lang = "en";
    document.body.insertAdjacentHTML("beforeend", `<main><h1>Charts</h1>${charts.map((tag) =>
      `<${tag} id="${tag}" src="/www/data/flux.json" market="${market}" ${attrs}></${tag}>`).join("")}</main>`);
    return import("/pkg/embed.js");
  }, { charts: CHARTS, market: server.market, attrs });
  for (const tag of CHARTS) await page.locator(`#${tag} canvas`).waitFor({ timeout: 15000 });
  await page.waitForFunction(() => window.drawn.length > 0);
  return page;
}

/** A label's shape: digits as #, words as M ("5 нояб." → "# M."). */
const shape = (s) => s.replace(/\d+/g, "#").replace(/[^\s\d#.,:%-]+/gu, "M");
const said = (page, tag) => page.locator(`#${tag} .bfx-chart__point`).textContent();
const pixels = (page, tag) => page.locator(`#${tag} canvas`).evaluate((c) => c.toDataURL());

test("each chart takes focus; arrow keys, Home, End and Page keys move a marked point and announce it; Escape leaves", async () => {
  const page = await chartsPage();
  // Tab reaches a canvas from the page: the first chart's is the page's first stop.
  await page.keyboard.press("Tab");
  assert.equal(await page.locator("#bfx-price-chart canvas").evaluate((c) => c.getRootNode().activeElement === c), true);
  for (const tag of CHARTS) {
    const canvas = page.locator(`#${tag} canvas`);
    assert.equal(await canvas.getAttribute("tabindex"), "0", tag);
    assert.match(await canvas.getAttribute("aria-label"), /\. Arrow keys move between points\.$/, tag);
    assert.equal(await page.locator(`#${tag} .bfx-chart__point`).getAttribute("aria-live"), "polite");
    assert.equal(await said(page, tag), "", `${tag}: nothing said before a key`);
    const plain = await pixels(page, tag);
    await canvas.focus();
    await page.keyboard.press("End");
    const end = await said(page, tag);
    const [, last, count] = end.match(/^point (\d+) of (\d+): Time [^;]+; /) ?? [];
    assert.ok(last && last === count && Number(count) > 11, `${tag}: ${end}`);
    assert.notEqual(await pixels(page, tag), plain, `${tag}: the point is marked`);
    await page.keyboard.press("ArrowLeft");
    assert.match(await said(page, tag), new RegExp(`^point ${count - 1} of ${count}: `));
    await page.keyboard.press("ArrowRight");
    await page.keyboard.press("ArrowRight");
    assert.equal(await said(page, tag), end, `${tag}: stops at the last point`);
    await page.keyboard.press("Home");
    assert.match(await said(page, tag), new RegExp(`^point 1 of ${count}: `));
    await page.keyboard.press("PageUp");
    assert.match(await said(page, tag), new RegExp(`^point 11 of ${count}: `));
    await page.keyboard.press("Escape");
    assert.equal(await said(page, tag), "");
    assert.equal(await pixels(page, tag), plain, `${tag}: unmarked again`);
  }

  await page.context().close();
});

test("'Show data' holds the chart's points as a table, built when opened, the same as announced", async () => {
  const page = await chartsPage();
  const columns = { "bfx-price-chart": ["Time", "Open", "High", "Low", "Close", "Volume"],
    "bfx-funding-chart": ["Time", "Funding rate"], "bfx-sparkline": ["Time", "Close"] };
  for (const tag of CHARTS) {
    const el = page.locator(`#${tag}`);
    assert.equal(await el.locator("table").count(), 0, `${tag}: no table until opened`);
    await el.locator(".bfx-chart__data summary").click();
    assert.equal(await el.locator(".bfx-chart__data summary").textContent(), "Show data");
    await el.locator("thead th").first().waitFor(); // `toggle` is a task after the click
    assert.deepEqual(await el.locator("thead th").allTextContents(), columns[tag]);
    assert.equal(await el.locator("thead th").first().getAttribute("scope"), "col");
    const rows = await el.locator("tbody tr").evaluateAll((trs) => trs.map((tr) => [...tr.cells].map((c) => c.textContent)));
    await el.locator("canvas").focus();
    await page.keyboard.press("End");
    const end = await said(page, tag);
    assert.ok(end.startsWith(`point ${rows.length} of ${rows.length}: `), `${tag}: ${end} / ${rows.length} rows`);
    const cells = columns[tag].map((c, i) => `${c} ${rows.at(-1)[i]}`).join("; ");
    assert.equal(end, `point ${rows.length} of ${rows.length}: ${cells}`);
    assert.equal(await el.locator("tbody tr th[scope=row]").count(), rows.length);
  }
  // The opened tables and the focusable canvases pass axe.
  await page.addScriptTag({ path: AXE });
  const found = await page.evaluate(() => axe.run(document, { runOnly: { type: "tag",
    values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"] } }).then((r) => r.violations.map((v) => v.id)));
  assert.deepEqual(found, []);
  await page.context().close();
});

test("tick labels and marks are written in the reader's language and zone (ru, Tokyo)", async () => {
  const page = await chartsPage({}, 'locale="ru" timezone="Asia/Tokyo"');
  const drawn = await page.evaluate(() => window.drawn);
  // Day ticks of the funding chart and day-and-minute ticks of the price chart, as Intl writes
  // them for this reader; none in the old ISO form.
  const times = await page.locator("#bfx-funding-chart tbody tr, #bfx-price-chart tbody tr").count();
  assert.equal(times, 0);
  const ticks = await page.evaluate(() => {
    const shape = (s) => s.replace(/\d+/g, "#").replace(/[^\s\d#.,:%-]+/gu, "M");
    const day = new Intl.DateTimeFormat("ru", { month: "short", day: "numeric", timeZone: "Asia/Tokyo" });
    const minute = new Intl.DateTimeFormat("ru", { month: "numeric", day: "numeric", hour: "numeric", minute: "2-digit", timeZone: "Asia/Tokyo" });
    return { day: shape(day.format(0)), minute: shape(minute.format(0)) };
  });
  assert.ok(drawn.some((s) => shape(s) === ticks.day), `${ticks.day} in ${drawn.join(" | ")}`);
  assert.ok(drawn.some((s) => shape(s) === ticks.minute), `${ticks.minute} in ${drawn.join(" | ")}`);
  assert.ok(!drawn.some((s) => /^\d\d-\d\d/.test(s)), drawn.join(" | "));
  // Numbers with a decimal comma; volumes short in Russian; rates in percent.
  assert.ok(drawn.some((s) => /^\d+,\d+$/.test(s)), drawn.join(" | "));
  assert.ok(drawn.some((s) => /(тыс\.|млн)$/.test(s)), drawn.join(" | "));
  assert.ok(drawn.some((s) => /^-?\d+,\d{3}\u00a0%$/.test(s)), drawn.join(" | "));
  assert.ok(!drawn.some((s) => /^-?\d+\.\d+$/.test(s)), drawn.join(" | "));
  // The keyboard and the table in Russian too.
  await page.locator("#bfx-price-chart canvas").focus();
  await page.keyboard.press("End");
  assert.match(await said(page, "bfx-price-chart"), /^точка (\d+) из \1: Время [^;]+; Открытие \d+,\d+; /);
  await page.locator("#bfx-price-chart .bfx-chart__data summary").click();
  await page.locator("#bfx-price-chart thead th").first().waitFor();
  assert.equal(await page.locator("#bfx-price-chart thead th").first().textContent(), "Время");
  await page.context().close();
});

test("in forced colours the charts draw in the system's palette, and go back when it ends", async () => {
  const page = await chartsPage();
  // Rising candles are drawn in the positive colour: LinkText when colours are forced.
  const count = (colour) => page.locator("#bfx-price-chart canvas").evaluate((c, rgb) => {
    const d = c.getContext("2d").getImageData(0, 0, c.width, c.height).data;
    let n = 0;
    for (let i = 0; i < d.length; i += 4) if (d[i] === rgb[0] && d[i + 1] === rgb[1] && d[i + 2] === rgb[2]) n++;
    return n;
  }, colour);
  const system = async (name) => page.evaluate((name) => {
    const s = document.createElement("span");
    s.style.color = name;
    document.body.append(s);
    const rgb = getComputedStyle(s).color.match(/\d+/g).map(Number);
    s.remove();
    return rgb;
  }, name);
  const green = [0x0f, 0x7b, 0x4f];
  assert.ok(await count(green) > 50, "light theme: green candles");
  await page.emulateMedia({ forcedColors: "active" });
  const link = await system("LinkText");
  assert.notDeepEqual(link, green);
  await page.locator("#bfx-price-chart canvas").evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  assert.ok(await count(link) > 50, `forced colours: candles in LinkText ${link}`);
  assert.equal(await count(green), 0, "no theme colour left");
  await page.emulateMedia({ forcedColors: "none" });
  await page.locator("#bfx-price-chart canvas").evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  assert.ok(await count(green) > 50, "back to the theme");
  await page.context().close();
});
