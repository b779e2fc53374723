// A list rebuilt in place with another number of items keeps them in order and in their place.
// Leptos's renderer is a patched copy (vendor/tachys/PATCHED.md): a `StaticVec` (an element's
// children, or a fragment, of two or more items) is built without the marker node upstream
// puts after it, and gets one only when a rebuild changes its length. The lists come from the
// test build's `test-relist` widget (src/web/test_trap.rs, target/test-trap-pkg/): each click
// moves both to the next count of 2, 3, 2, 3, 0, 2.
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

test("lists whose length changes on a rebuild keep their items in order, before what follows them", async () => {
  const page = await newPage(browser);
  await page.setContent(`<!doctype html>
    <div id="host"></div>
    <script type="module">
      import init, { mount } from "${server.url}/${TRAP_GLUE}";
      await init();
      mount(document.getElementById("host"), { src: "", widget: "test-relist" });
    </script>`);
  await page.locator("#host .bfx-test-relist").waitFor();
  // Each list's child nodes as text: elements by their text, comments as "#".
  const shape = () => page.evaluate(() => {
    const root = document.getElementById("host").shadowRoot ?? document.getElementById("host");
    const nodes = (el) => [...el.childNodes].map((n) => n.nodeType === Node.COMMENT_NODE ? "#"
      : n.nodeType === Node.TEXT_NODE ? n.textContent.trim() : n.textContent).filter((s) => s !== "").join(" ");
    return { list: nodes(root.querySelector(".bfx-test-relist__list")), row: nodes(root.querySelector(".bfx-test-relist__row")) };
  });
  const next = () => page.locator("#host .bfx-test-relist button").click();
  const items = (s) => s.replaceAll("#", "").split(" ").filter(Boolean);

  const first = await shape();
  assert.deepEqual(first, { list: "a b", row: "a b end" }, "built with items: no marker");
  const expected = [["a", "b", "c"], ["a", "b"], ["a", "b", "c"], [], ["a", "b"]];
  for (const want of expected) {
    await next();
    const now = await shape();
    assert.deepEqual(items(now.list), want, `the element's children after a click: ${now.list}`);
    assert.deepEqual(items(now.row), [...want, "end"], `the fragment's items stay before its sibling: ${now.row}`);
    // A list with items has one marker at most, after them. (No items is another view, `()`,
    // which upstream draws as two comments: its own and its erased view's.)
    for (const s of want.length ? [now.list, now.row] : []) {
      assert.ok(s.split("#").length <= 2, `one marker at most: ${s}`);
      assert.doesNotMatch(s, /#.*\b[abc]\b/, `the marker comes after the items: ${s}`);
    }
  }
  await page.context().close();
});
