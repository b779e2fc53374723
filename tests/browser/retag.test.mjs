// An element rebuilt with another tag becomes an element of that tag; rebuilt with the same tag,
// it stays the same node. Leptos's renderer is a patched copy (vendor/tachys/PATCHED.md 5): an
// element made owned to be erased carries its tag as a value, so a `<p>` and a `<div>` with the
// same attributes and children are one erased type, and its rebuild compares the tags (without
// case: the DOM's `tagName` is upper case). The element comes from the test build's `test-retag`
// widget (src/web/test_trap.rs, target/test-trap-pkg/): each click moves to the next of p, p,
// div, div, p.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { serve, launch, newPage, requireTrapBuild, TRAP_GLUE } from "./harness.mjs";

let server, browser;
before(async () => {
  requireTrapBuild();
  server = await serve();
  browser = await launch();
});
after(async () => { await browser?.close(); server?.stop(); });

test("an erased element rebuilt with another tag is replaced, with the same tag kept in place", async () => {
  const page = await newPage(browser);
  await page.setContent(`<!doctype html>
    <div id="host"></div>
    <script type="module">
      import init, { mount } from "${server.url}/${TRAP_GLUE}";
      await init();
      mount(document.getElementById("host"), { src: "", widget: "test-retag" });
    </script>`);
  await page.locator("#host .bfx-test-retag").waitFor();
  // The item's tag, whether it is the node marked before the click, and its attributes and text;
  // then the item now there is marked.
  const look = () => page.evaluate(() => {
    const root = document.getElementById("host").shadowRoot ?? document.getElementById("host");
    const items = root.querySelectorAll(".bfx-test-retag__item");
    const el = items[0];
    const same = el.__bfxMark === true;
    el.__bfxMark = true;
    return { count: items.length, tag: el.localName, same, role: el.getAttribute("role"), text: el.textContent };
  });
  const next = () => page.locator("#host .bfx-test-retag button").click();

  const first = await look();
  assert.deepEqual(first, { count: 1, tag: "p", same: false, role: "note", text: "item" });
  const expected = [["p", true], ["div", false], ["div", true], ["p", false]];
  for (const [tag, same] of expected) {
    await next();
    const now = await look();
    assert.deepEqual(now, { count: 1, tag, same, role: "note", text: "item" },
      same ? `rebuilt with the same tag (${tag}): the same node` : `rebuilt as a ${tag}: a new element`);
  }
  await page.context().close();
});
