// The Flux card in a real browser: every section shows the seed page's content, and a reader
// can explore it with mouse and keyboard at any width.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { serve, launch, newPage } from "./harness.mjs";
import { SEED, assertOnSeedPage } from "./seed.mjs";

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); server?.stop(); });

async function openDemo(opts) {
  const page = await newPage(browser, opts);
  await page.goto(`${server.url}/index.html?market=${server.market}`);
  await page.locator("#flux .bfx-driver").first().waitFor();
  return page;
}

const texts = (locator) => locator.evaluateAll((els) => els.map((e) => e.textContent.trim()));

test("the expected values are the seed page's", () => assertOnSeedPage());

test("every section of the Flux card shows the seed's content", async () => {
  const page = await openDemo();
  const card = page.locator("#flux");
  assert.equal(await card.locator(".bfx-card__name").textContent(), SEED.name);
  assert.equal(await card.locator(".bfx-card__symbol").textContent(), SEED.symbol);
  assert.ok((await card.locator(".bfx-card__description").textContent()).includes(SEED.descriptionStart));

  const drivers = card.locator(".bfx-driver");
  assert.equal(await drivers.count(), SEED.drivers.length);
  for (const [i, [title, direction, category]] of SEED.drivers.entries()) {
    const d = drivers.nth(i);
    assert.equal(await d.locator(".bfx-driver__title").textContent(), title);
    assert.deepEqual(await texts(d.locator(".bfx-badge")), [`${glyph(direction)}${direction}`, category]);
  }
  assert.ok((await drivers.first().locator(".bfx-text__body").textContent()).endsWith(SEED.firstDriverEnd));

  const regimes = card.locator(".bfx-regime");
  assert.deepEqual(
    await regimes.evaluateAll((els) => els.map((e) => [
      // A badge's label: its text after the glyph.
      e.querySelector(".bfx-regime__name").textContent,
      ((b) => b.textContent.slice(b.querySelector(".bfx-badge__glyph")?.textContent.length ?? 0))(e.querySelector(".bfx-badge")),
    ])),
    SEED.regimes,
  );

  const influencers = card.locator(".bfx-influencer");
  assert.deepEqual(
    await influencers.evaluateAll((els) => els.map((e) => [
      e.querySelector(".bfx-influencer__name").textContent,
      e.querySelector(".bfx-influencer__group").textContent,
      e.querySelector(".bfx-influencer__influence").textContent,
    ])),
    SEED.influencers,
  );

  const signals = card.locator(".bfx-signal");
  assert.deepEqual(
    await signals.evaluateAll((els) => els.map((e) => [
      ...[...e.querySelectorAll(".bfx-badge")].slice(0, 2)
        .map((b) => b.textContent.slice(b.querySelector(".bfx-badge__glyph")?.textContent.length ?? 0)),
      e.querySelector(".bfx-signal__title").textContent,
    ])),
    SEED.signals,
  );

  const footer = await card.locator(".bfx-card__disclaimer").textContent();
  for (const line of SEED.disclaimer) assert.ok(footer.includes(line), line);
  assert.ok(footer.includes("For details, see legal terms."));
  assert.ok((await card.locator(".bfx-root").textContent()).includes(SEED.personsNotice));
  assert.deepEqual(page.errors, []);
});

function glyph(direction) {
  return { Positive: "▲", Negative: "▼", Mixed: "◆", Conditional: "◇" }[direction];
}

test("long driver text starts collapsed and expands with its button", async () => {
  const page = await openDemo();
  const first = page.locator("#flux .bfx-driver").first();
  const body = first.locator(".bfx-text__body");
  const button = first.locator(".bfx-text__toggle");
  const collapsedHeight = (await body.boundingBox()).height;
  assert.equal(await button.getAttribute("aria-expanded"), "false");
  assert.equal(await button.getAttribute("aria-controls"), await body.getAttribute("id"));
  await button.click();
  assert.equal(await button.getAttribute("aria-expanded"), "true");
  assert.equal(await button.textContent(), "Show less");
  const expandedHeight = (await body.boundingBox()).height;
  assert.ok(expandedHeight > collapsedHeight * 1.5, `${collapsedHeight} → ${expandedHeight}`);
  await button.click();
  assert.equal(await button.getAttribute("aria-expanded"), "false");
  assert.equal(await button.textContent(), "Show more");
  // The collapsed modifier is back on the body, and only it (its class list is one string).
  assert.equal(await body.getAttribute("class"), "bfx-text__body bfx-text__body--collapsed");
  assert.equal((await body.boundingBox()).height, collapsedHeight);
});

test("keyboard only: Tab reaches a signal, Enter opens its description in a popover", async () => {
  const page = await openDemo();
  await page.locator("#flux .bfx-signals__summary:not([hidden])").waitFor({ timeout: 15000 });
  const deepActive = () => page.evaluate(() => {
    let el = document.activeElement;
    while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
    return el ? { cls: el.className, text: el.textContent.trim().slice(0, 200) } : null;
  });
  let active;
  for (let i = 0; i < 40; i++) {
    await page.keyboard.press("Tab");
    active = await deepActive();
    if (active?.cls.includes("bfx-signal__summary")) break;
  }
  assert.ok(active?.cls.includes("bfx-signal__summary"), `Tab never reached a signal (last: ${active?.cls})`);
  assert.ok(active.text.includes(SEED.signals[0][2]));
  const first = page.locator("#flux .bfx-signal").first();
  const isOpen = () => first.locator(".bfx-signal__popover").evaluate((p) => p.matches(":popover-open"));
  assert.equal(await isOpen(), false);
  assert.equal(await first.locator(".bfx-signal__description").isVisible(), false);
  await page.keyboard.press("Enter");
  assert.equal(await isOpen(), true);
  assert.ok((await first.locator(".bfx-signal__description").innerText()).startsWith(SEED.firstSignalDescriptionStart));
  await page.keyboard.press("Escape");
  assert.equal(await isOpen(), false);
  // Shift+Tab goes back to the driver toggles: the order is the reading order.
  await page.keyboard.press("Shift+Tab");
  assert.equal((await deepActive()).cls, "bfx-text__toggle");
});

test("no horizontal overflow at 320 px, in both themes", async () => {
  for (const colorScheme of ["light", "dark"]) {
    const page = await openDemo({ width: 320, height: 700, colorScheme });
    const { scroll, client } = await page.evaluate(() => ({
      scroll: document.scrollingElement.scrollWidth, client: document.scrollingElement.clientWidth,
    }));
    assert.ok(scroll <= client, `${colorScheme}: page scrolls sideways (${scroll} > ${client})`);
    const cardRight = (await page.locator("#flux .bfx-card").boundingBox());
    assert.ok(cardRight.x + cardRight.width <= 320, "card wider than the viewport");
  }
});

test("light and dark themes come from the theme attribute and the system setting", async () => {
  const bg = (page) => page.locator("#flux .bfx-card").evaluate((e) => getComputedStyle(e).backgroundColor);
  const light = await openDemo({ colorScheme: "light" });
  const dark = await openDemo({ colorScheme: "dark" });
  assert.equal(await bg(light), "rgb(255, 255, 255)");
  assert.equal(await bg(dark), "rgb(18, 22, 29)");
  await light.locator("#flux").evaluate((e) => e.setAttribute("theme", "dark"));
  await light.locator("#flux .bfx-driver").first().waitFor();
  assert.equal(await bg(light), "rgb(18, 22, 29)");
  // A host themes the card through custom properties, which cross the shadow boundary.
  await light.locator("#flux").evaluate((e) => e.style.setProperty("--bfx-bg", "rgb(1, 2, 3)"));
  assert.equal(await bg(light), "rgb(1, 2, 3)");
});
