// If the module stops anyway (a panic, which the package's build makes a trap, or a trap with no
// panic), every widget on the page says so instead of freezing silently, and so does one added
// afterwards. The faults come from a test-only build (cargo feature `test-trap`,
// target/test-trap-pkg/, the same panic strategy and glue): the shipped module has no way to
// stop on purpose.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { serve, launch, newPage, requireTrapBuild, TRAP_GLUE } from "./harness.mjs";

const STOPPED = "These widgets stopped. Reload the page.";
let server, browser;
before(async () => {
  requireTrapBuild();
  server = await serve();
  browser = await launch();
});
after(async () => { await browser?.close(); server?.stop(); });

/** A page of healthy widgets on the test build; `window.bfxMount` is its `mount`. */
async function healthyPage() {
  const page = await newPage(browser);
  const flux = `${server.url}/www/data/flux.json`;
  await page.setContent(`<!doctype html>
    <script type="module">
      import init, { mount } from "${server.url}/${TRAP_GLUE}";
      await init();
      window.bfxMount = mount;
    </script>
    <bfx-driver-list id="a" src="${flux}"></bfx-driver-list>
    <bfx-regime-matrix id="b" src="${flux}" current="risk-off"></bfx-regime-matrix>
    <div id="host"></div>`);
  await page.locator("#a .bfx-driver").nth(5).waitFor();
  await page.locator("#b .bfx-regime").nth(5).waitFor();
  await page.waitForFunction(() => typeof window.bfxMount === "function");
  return page;
}

async function assertAllStopped(page) {
  await page.locator("#a .bfx-state--stopped").waitFor();
  for (const id of ["a", "b"]) {
    assert.equal(await page.locator(`#${id} [role=alert]`).textContent(), STOPPED);
    assert.equal(await page.locator(`#${id} .bfx-driver, #${id} .bfx-regime`).count(), 0, `#${id} no longer shows stale content`);
  }
  // A widget added afterwards says so too, without calling into the stopped module.
  await page.evaluate((src) => {
    const el = document.createElement("bfx-asset-card");
    el.id = "late";
    el.setAttribute("src", src);
    document.body.append(el);
  }, `${server.url}/www/data/flux.json`);
  assert.equal(await page.locator("#late [role=alert]").textContent(), STOPPED);
}

test("a panic stops the module even where the caller catches it: every widget says so, and one added afterwards too", async () => {
  const page = await healthyPage();
  // The package is built with -Cpanic=immediate-abort: a panic is a trap, with no message.
  page.expectErrors(/^Barfinex widgets stopped: RuntimeError: unreachable/);
  const thrown = await page.evaluate(() => {
    try {
      window.bfxMount(document.getElementById("host"), { src: "", widget: "test-panic" });
      return null;
    } catch (e) {
      return `${e.name}: ${e.message}`;
    }
  });
  assert.match(thrown, /^RuntimeError: unreachable/);
  await assertAllStopped(page);
  assert.equal(page.errors.filter((e) => e.startsWith("Barfinex widgets stopped: RuntimeError: unreachable")).length, 1,
    "the developer's console says why, once");
  await page.context().close();
});

test("a trap with no panic, from an event handler, stops the module the same way", async () => {
  const page = await healthyPage();
  page.expectErrors(/RuntimeError: unreachable/);
  await page.evaluate(() => window.bfxMount(document.getElementById("host"), { src: "", widget: "test-trap" }));
  assert.equal(await page.locator("#a .bfx-state--stopped").count(), 0, "healthy until the trap");
  await page.locator("#host .bfx-test-trap").click();
  await assertAllStopped(page);
  await page.context().close();
});

test("errors the module returns as values are not a stop", async () => {
  const page = await healthyPage();
  const thrown = await page.evaluate(() => {
    try {
      window.bfxMount(document.getElementById("host"), { src: "", widget: "nope" });
    } catch (e) {
      return String(e);
    }
  });
  assert.equal(thrown, undefined, "an unknown widget renders an error state, it does not throw");
  // A bad attribute makes mount() throw a JsError, which the element logs.
  page.expectErrors(/<bfx-driver-list>: Error: mount options\.theme: unknown value "purple"/);
  await page.evaluate(() => document.getElementById("a").setAttribute("theme", "purple"));
  assert.equal(await page.locator("#a .bfx-state--stopped").count(), 0);
  assert.equal(await page.locator("#b .bfx-regime").count(), 6);
  await page.context().close();
});
